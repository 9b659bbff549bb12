package org.anju.rental.review;

import org.anju.calendar.Counting;
import org.anju.calendar.RegionCalendar;
import org.anju.platform.BadInput;
import org.anju.platform.Conflict;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * Where an application stands in its city's {@link ReviewFlow}, and the clock of the step it is in. Immutable: each
 * decision returns the new state and the entry for the application's history (OPERATIONS.md §4.1 and scenarios 8–11).
 *
 * <p>A review step's limit is in working days on the calendar of the region that reviews; returning the application
 * for correction (打回修改) stops the clock, and the corrected application resumes with the days left. A notice runs its
 * calendar days; an objection must be verified before the application goes on — upheld, the application is refused
 * with the finding as its reason.
 *
 * @param used working days of the current review step spent before it was returned (0 when never returned)
 */
public record Review(ReviewFlow flow, Status status, String step, LocalDate since, int used, String objection) {

    public enum Status {
        IN_STEP("审核中"), RETURNED("退回修改"), OBJECTION("公示异议核查中"), QUALIFIED("已通过（纳入轮候）"),
        REJECTED("未通过"), BLACKLISTED("列入失信"), WITHDRAWN("已撤回");

        private final String label;

        Status(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }

        public boolean closed() {
            return this == QUALIFIED || this == REJECTED || this == BLACKLISTED || this == WITHDRAWN;
        }
    }

    /** A reviewer's decision at a review step (the four of OPERATIONS.md §3 ReviewRecord). */
    public enum Decision { APPROVE, RETURN, REJECT, BLACKLIST }

    /** What a step did, for the history: the step's name, the outcome, the reason given. */
    public record Entry(String step, String outcome, String reason, LocalDate on) {
    }

    public record Outcome(Review review, Entry entry) {
    }

    /** Accepted (受理) on {@code on}: the first step begins. */
    public static Outcome accept(ReviewFlow flow, LocalDate on) {
        ReviewFlow.Step first = flow.steps().getFirst();
        return new Outcome(new Review(flow, Status.IN_STEP, first.code(), on, 0, null),
                new Entry("受理", "已受理，转" + first.name(), null, on));
    }

    public ReviewFlow.Step current() {
        return flow.step(step);
    }

    private Counting counting() {
        return flow.startNextDay() ? Counting.START_NEXT_DAY : Counting.START_SAME_DAY;
    }

    /**
     * The last day of the current step: for a review its working days (less those already used) on {@code calendar};
     * for a notice its calendar days. Null when the city sets no limit, or the clock is stopped.
     */
    public LocalDate due(RegionCalendar calendar) {
        ReviewFlow.Step s = current();
        if (status != Status.IN_STEP || s.days() == null) {
            return null;
        }
        if (!s.workingDays()) {
            return RegionCalendar.addCalendarDays(since, s.days(), counting());
        }
        int left = s.days() - used;
        return left <= 0 ? since : calendar.addWorkingDays(since, left, counting());
    }

    /** Whether the current review step is past its limit on {@code today}. */
    public boolean overdue(RegionCalendar calendar, LocalDate today) {
        LocalDate due = due(calendar);
        return due != null && current().kind() == ReviewFlow.Kind.REVIEW && today.isAfter(due);
    }

    /** A reviewer decides at the current review step. */
    public Outcome decide(Decision decision, String reason, LocalDate on, RegionCalendar calendar) {
        ReviewFlow.Step s = current();
        if (status != Status.IN_STEP || s.kind() != ReviewFlow.Kind.REVIEW) {
            throw new Conflict("申请现为“" + status.label() + "”" + (s.kind() == ReviewFlow.Kind.NOTICE ? "（" + s.name() + "）" : "")
                    + "，不在审核步骤，不能作审核决定");
        }
        checkDate(on);
        if (decision != Decision.APPROVE && (reason == null || reason.isBlank())) {
            throw new BadInput(switch (decision) {
                case RETURN -> "退回修改须写明要补正的内容";
                case REJECT -> "不予通过须写明理由（将告知申请人，并可申请复核）";
                case BLACKLIST -> "列入失信须写明失信行为";
                case APPROVE -> throw new IllegalStateException();
            });
        }
        return switch (decision) {
            case APPROVE -> advance(s, "通过", reason, on);
            case RETURN -> {
                int spent = s.days() == null ? 0 : used + calendar.workingDaysBetween(since, on, counting());
                yield new Outcome(new Review(flow, Status.RETURNED, step, on, spent, null),
                        new Entry(s.name(), "退回修改（已用 " + spent + " 个工作日，时限暂停）", reason, on));
            }
            case REJECT -> new Outcome(new Review(flow, Status.REJECTED, step, on, used, null),
                    new Entry(s.name(), "不予通过", reason, on));
            case BLACKLIST -> new Outcome(new Review(flow, Status.BLACKLISTED, step, on, used, null),
                    new Entry(s.name(), "列入失信", reason, on));
        };
    }

    /** The corrected application comes back: the step resumes with the working days it had left. */
    public Outcome resubmit(LocalDate on) {
        if (status != Status.RETURNED) {
            throw new Conflict("申请现为“" + status.label() + "”，没有被退回，无需重新提交");
        }
        checkDate(on);
        return new Outcome(new Review(flow, Status.IN_STEP, step, on, used, null),
                new Entry(current().name(), "补正后重新提交（剩余 " + (current().days() == null ? "无时限"
                        : Math.max(0, current().days() - used) + " 个工作日") + "）", null, on));
    }

    /** Someone objects during a notice: the application waits until the objection is verified. */
    public Outcome object(String objection, LocalDate on) {
        ReviewFlow.Step s = current();
        if (status != Status.IN_STEP || s.kind() != ReviewFlow.Kind.NOTICE) {
            throw new Conflict("申请现不在公示期，不能登记公示异议");
        }
        if (objection == null || objection.isBlank()) {
            throw new BadInput("请写明异议内容");
        }
        return new Outcome(new Review(flow, Status.OBJECTION, step, since, used, objection.strip()),
                new Entry(s.name(), "收到异议，待核查", objection.strip(), on));
    }

    /** The objection is verified: upheld, the application is refused with the finding; dismissed, the notice goes on. */
    public Outcome resolve(boolean upheld, String finding, LocalDate on) {
        if (status != Status.OBJECTION) {
            throw new Conflict("没有待核查的公示异议");
        }
        if (finding == null || finding.isBlank()) {
            throw new BadInput("请写明核查结果（将予公布）");
        }
        ReviewFlow.Step s = current();
        if (upheld) {
            return new Outcome(new Review(flow, Status.REJECTED, step, on, used, null),
                    new Entry(s.name(), "异议成立，不予通过", finding.strip(), on));
        }
        return new Outcome(new Review(flow, Status.IN_STEP, step, since, used, null),
                new Entry(s.name(), "异议不成立，公示继续", finding.strip(), on));
    }

    /** A notice has run its days without an objection pending: the next step begins. */
    public Outcome endNotice(LocalDate on) {
        ReviewFlow.Step s = current();
        if (status != Status.IN_STEP || s.kind() != ReviewFlow.Kind.NOTICE) {
            throw new Conflict("申请现不在公示期（" + status.label() + "）");
        }
        LocalDate last = RegionCalendar.addCalendarDays(since, s.days(), counting());
        if (!on.isAfter(last)) {
            throw new Conflict(s.name() + "至 " + last + " 结束，期满后才能进入下一步");
        }
        return advance(s, "公示期满无异议", null, on);
    }

    private Outcome advance(ReviewFlow.Step s, String outcome, String reason, LocalDate on) {
        ReviewFlow.Step next = flow.next(s.code());
        if (next == null) {
            return new Outcome(new Review(flow, Status.QUALIFIED, step, on, 0, null),
                    new Entry(s.name(), outcome + "，审核完成，纳入轮候", reason, on));
        }
        return new Outcome(new Review(flow, Status.IN_STEP, next.code(), on, 0, null),
                new Entry(s.name(), outcome + "，转" + next.name(), reason, on));
    }

    private void checkDate(LocalDate on) {
        if (on.isBefore(since)) {
            throw new BadInput("日期 " + on + " 早于本步骤开始的 " + since);
        }
    }

    /** The steps still ahead, for the applicant's view. */
    public List<ReviewFlow.Step> ahead() {
        List<ReviewFlow.Step> rest = new ArrayList<>();
        boolean after = false;
        for (ReviewFlow.Step s : flow.steps()) {
            if (after) {
                rest.add(s);
            }
            after |= s.code().equals(step);
        }
        return status.closed() ? List.of() : rest;
    }
}
