package org.anju.report;

import org.anju.account.Access;
import org.anju.account.Actor;
import org.anju.indicator.Indicators;
import org.anju.progress.Fact;
import org.anju.progress.ProgressTargets;
import org.anju.progress.Rollups;
import org.anju.project.Projects;
import org.anju.region.Region;
import org.anju.region.RegionKind;
import org.anju.region.Regions;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Monthly reports and their workflow: draft → submitted → approved (or returned with a reason by the
 * level above) → locked. Submitting puts the unit's month — its entered figures and its projects' —
 * into the roll-ups; returning takes it out again. The steps are a table ({@link ReportStep}); the read side
 * (inbox, completeness) is {@link ReportInbox}, the file import {@link ReportImport}.
 */
@Service
public class Reports {

    /** Units that report: county-level divisions, development zones, 市本级. */
    public static final Set<RegionKind> REPORTING = java.util.Arrays.stream(RegionKind.values()).filter(RegionKind::reports)
            .collect(java.util.stream.Collectors.toCollection(() -> EnumSet.noneOf(RegionKind.class)));
    static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");

    private final ReportRepository repository;
    private final Regions regions;
    private final Indicators indicators;
    private final Projects projects;
    private final Rollups rollups;
    private final ProgressTargets targets;
    private final Access access;
    private final int deadlineDay;
    private final org.anju.account.AuditTrail audit;
    private final org.anju.progress.FigureLimits limits;
    private final RecordedValues recorded;
    private final org.anju.platform.OperationsMetrics metrics;
    private final org.anju.account.Users users;
    private final org.anju.account.LastChange lastChange;
    private final org.anju.progress.Progress progress;

    Reports(ReportRepository repository, Regions regions, Indicators indicators, Projects projects, Rollups rollups,
            ProgressTargets targets, Access access, org.anju.account.AuditTrail audit,
            @Value("${anju.report.deadline-day:5}") int deadlineDay, org.anju.progress.FigureLimits limits,
            RecordedValues recorded, org.anju.platform.OperationsMetrics metrics,
            org.anju.account.Users users, org.anju.account.LastChange lastChange, org.anju.progress.Progress progress) {
        this.progress = progress;
        this.users = users;
        this.lastChange = lastChange;
        this.metrics = metrics;
        this.limits = limits;
        this.recorded = recorded;
        this.audit = audit;
        this.repository = repository;
        this.regions = regions;
        this.indicators = indicators;
        this.projects = projects;
        this.rollups = rollups;
        this.targets = targets;
        this.access = access;
        this.deadlineDay = deadlineDay;
    }

    /** After the access check (a stranger learns nothing): a city's own figures are 市本级's, filed there. */
    private static void checkReporting(Region unit) {
        if (!unit.kind().reports()) {
            // a report of the city itself would be counted in the sums and shown nowhere
            throw new org.anju.platform.BadInput(unit.name() + "不是填报单位（县级、开发区或市本级），月报由其下属填报单位填报");
        }
    }

    /** A month that has not begun cannot be reported, nor one before the program's records (a 0000-01 typo). */
    static void checkPeriod(YearMonth period) {
        String problem = futureOrAncient(period);
        if (problem != null) {
            throw new org.anju.platform.BadInput(problem);
        }
    }

    /** Why a month cannot be reported (not begun, or before 1990); null when it can. */
    static String futureOrAncient(YearMonth period) {
        YearMonth now = YearMonth.now(CHINA);
        if (period.isAfter(now)) {
            return "不能填报未来的月份 " + period + "（本月为 " + now + "）";
        }
        if (period.getYear() < 1990) {
            return "月份 " + period + " 不对：年份应在 1990 年以后";
        }
        return null;
    }

    /** The deadline of a month's report: day {@code anju.report.deadline-day} (5) of the next month. */
    public LocalDate deadline(YearMonth period) {
        return period.plusMonths(1).atDay(Math.min(deadlineDay, period.plusMonths(1).lengthOfMonth()));
    }

    /** The unit's report for the month; an empty draft (id null, version 0) when not started. */
    public Report get(String regionCode, YearMonth period) {
        Region unit = region(regionCode);
        access.checkRead(unit);
        return repository.head(unit.id(), period, false).map(h -> view(unit, h))
                .orElseGet(() -> new Report(null, unit.code(), unit.name(), period, ReportStatus.DRAFT, 0,
                        deadline(period), null, null, null, null, null, List.of(), List.of(), List.of(), null));
    }

    /**
     * Saves the figures of a draft or returned report (all of them: what is not passed is cleared).
     *
     * @param version the version read (0 for a month not yet started)
     * @throws IllegalStateException when someone else changed it since, or it is not editable
     * @throws IllegalArgumentException for a negative or unknown figure
     */
    @Transactional
    public Report save(String regionCode, YearMonth period, int version, List<ReportValue> values) {
        Region unit = unit(regionCode);
        access.checkWrite(unit);
        checkReporting(unit);
        checkPeriod(period);
        List<ReportValue> clean = validate(values);
        Actor actor = access.current();
        ReportRepository.Head head = repository.head(unit.id(), period, true).orElse(null);
        if (head == null) {
            if (version != 0) {
                throw noReport(unit, period, version);
            }
            try {
                head = repository.head(repository.create(unit.id(), period, deadline(period), actor.username())).orElseThrow();
            } catch (org.anju.platform.ConcurrentUpdateException e) {
                // made meanwhile (a double-click on a month's first save): decided below against the row that won
                head = repository.head(unit.id(), period, true).orElseThrow(() -> e);
            }
        }
        ReportStep.SAVE.check(unit.name(), period, head.status());
        if (head.version() != version) {
            ReportRepository.Head current = head;
            return sameSaveAgain(unit, current, clean, actor).orElseThrow(() -> stale(unit, current, version));
        }
        if (!repository.bump(head.id(), version, head.status(), actor.username())) {
            throw staleUnrecorded(unit, head, version);
        }
        repository.replaceValues(head.id(), clean);
        List<ReportFlag> flags = new ArrayList<>(Plausibility.check(clean, repository.previousValues(unit.id(), period),
                targets.forRegion(unit, period.getYear())));
        flags.addAll(RecordedValues.differences(clean, recorded.of(unit, period)));
        repository.replaceFlags(head.id(), flags);
        repository.event(head.id(), ReportStep.SAVE.name(), head.status(), head.status(), actor.username(), actor.via().name(), null);
        return view(unit, repository.head(head.id()).orElseThrow());
    }

    /** Submits to the level above; from now on the month counts in every roll-up above the unit. */
    @Transactional
    public Report submit(String regionCode, YearMonth period, int version) {
        Region unit = unit(regionCode);
        access.checkWrite(unit);
        checkReporting(unit);
        checkPeriod(period);
        Actor actor = access.current();
        // the unit's projects are read into the sums: no change to them in between (taken before the report's row,
        // in the same order as a return, so the two never wait on each other crosswise)
        rollups.lockUnit(unit.id());
        ReportRepository.Head head = repository.head(unit.id(), period, true).orElse(null);
        if (head == null) {
            if (version != 0) {
                throw noReport(unit, period, version);
            }
            // a unit with projects only may submit without entering anything
            long id = repository.create(unit.id(), period, deadline(period), actor.username());
            head = repository.head(id).orElseThrow();
        }
        move(unit, head, version, ReportStep.SUBMIT, null, actor);
        repository.submitted(head.id(), actor.username());
        metrics.reportSubmitted(actor.via().name()); // counted when the submission commits
        rollups.replace(unit.id(), period, facts(unit, period, repository.values(head.id())));
        rollups.counted(unit.id(), period, true);
        return view(unit, repository.head(head.id()).orElseThrow());
    }

    /**
     * Dates a report that is being loaded from before the platform (a past month's paper or spreadsheet report)
     * with when it was really submitted and approved, so 及时率 means what it says. Only the system may: a user's
     * report keeps the time it was really submitted.
     */
    @Transactional
    public void stamp(String regionCode, YearMonth period, java.time.OffsetDateTime submittedAt,
                      java.time.OffsetDateTime approvedAt) {
        if (!access.current().system()) {
            throw new org.anju.platform.Conflict("只有系统导入历史数据时可以设定上报时间");
        }
        if (approvedAt.isBefore(submittedAt)) {
            throw new org.anju.platform.BadInput("审核时间早于上报时间：" + approvedAt + " < " + submittedAt);
        }
        Region unit = unit(regionCode);
        ReportRepository.Head head = repository.head(unit.id(), period, true)
                .orElseThrow(() -> new org.anju.platform.NotFound(unit.name() + period + " 没有月报"));
        repository.stamp(head.id(), submittedAt, approvedAt);
    }

    /** The level above accepts the month. */
    @Transactional
    public Report approve(String regionCode, YearMonth period, int version) {
        Region unit = unit(regionCode);
        access.checkApprove(unit);
        ReportRepository.Head head = existing(unit, period);
        Actor actor = access.current();
        move(unit, head, version, ReportStep.APPROVE, null, actor);
        repository.reviewed(head.id(), actor.username(), null);
        return view(unit, repository.head(head.id()).orElseThrow());
    }

    /**
     * The level above sends the month back with a reason; it leaves the roll-ups until resubmitted. A locked month
     * is reopened the same way (recorded as 解锁退回): locked means final until the approver, in writing, says not.
     */
    @Transactional
    public Report returnReport(String regionCode, YearMonth period, int version, String reason) {
        Region unit = unit(regionCode);
        access.checkApprove(unit);
        if (reason == null || reason.isBlank()) {
            throw new org.anju.platform.BadInput("退回须填写原因");
        }
        rollups.lockUnit(unit.id());
        ReportRepository.Head head = existing(unit, period);
        Actor actor = access.current();
        move(unit, head, version, ReportStep.returning(head.status()), reason.strip(), actor);
        repository.reviewed(head.id(), actor.username(), reason.strip());
        rollups.replace(unit.id(), period, List.of());
        rollups.counted(unit.id(), period, false);
        return view(unit, repository.head(head.id()).orElseThrow());
    }

    /** Locks an approved month: final — only the approver may reopen it, with a reason ({@link #returnReport}). */
    @Transactional
    public Report lock(String regionCode, YearMonth period, int version) {
        Region unit = unit(regionCode);
        access.checkApprove(unit);
        ReportRepository.Head head = existing(unit, period);
        move(unit, head, version, ReportStep.LOCK, null, access.current());
        return view(unit, repository.head(head.id()).orElseThrow());
    }

    /** Whether the current user may enter the unit's figures (the page shows the grid editable or not). */
    /** What the operational records give for the unit's month (offered on the form; the reporter adopts or not). */
    public Map<String, org.anju.progress.RecordedFigures.RecordedFigure> recorded(String regionCode, YearMonth period) {
        Region unit = unit(regionCode);
        access.checkRead(unit);
        return recorded.of(unit, period);
    }

    /**
     * The items of the form left blank that a roll-up would count as 未填 ({@link org.anju.progress.Progress#blanksThatCount}:
     * the roll-ups' own rule, not a copy of it), as the form labels them. Submitted blank they are 未填 above, never 0
     * (guesses audit H1): the page lists them before 上报 so a 0 is typed as 0.
     */
    public List<String> blanks(Report r) {
        Region unit = unit(r.regionCode());
        access.checkRead(unit);
        java.util.Set<String> filled = new java.util.HashSet<>();
        r.values().forEach(v -> filled.add(v.indicatorCode()));
        java.util.Set<String> blank = new java.util.HashSet<>(progress.blanksThatCount(unit, r.period(), filled));
        List<String> labels = new ArrayList<>();
        for (ReportItems.Item item : ReportItems.ALL) {
            if (blank.remove(item.indicatorCode())) {
                labels.add(item.source().isEmpty() ? item.label() : item.group() + "·" + item.label().substring(item.label().indexOf('·') + 1));
            }
        }
        return labels;
    }

    public boolean canWrite(String regionCode) {
        return access.canWrite(region(regionCode));
    }

    /** Whether the current user may approve, return or lock the unit's months. */
    public boolean canApprove(String regionCode) {
        return access.canApprove(region(regionCode));
    }

    /** One figure's changes, oldest first: every save, import and correction, with who and how. */
    public List<org.anju.account.AuditEntry> history(Report report, ReportItems.Item item) {
        access.checkRead(region(report.regionCode()));
        if (report.id() == null) {
            return List.of();
        }
        Map<String, Object> key = new LinkedHashMap<>();
        key.put("report_id", report.id());
        key.put("indicator_id", indicators.byCode(item.indicatorCode()).orElseThrow().id());
        key.put("source", item.source());
        return audit.history("report_value", key);
    }

    /** Whether the month was first submitted by its deadline (a Beijing date). */
    static boolean onTime(ReportRepository.Head h) {
        return h.submittedAt() != null && !h.submittedAt().atZoneSameInstant(CHINA).toLocalDate().isAfter(h.deadline());
    }

    /** The unit's figures for the roll-ups: entered ones and what its projects add up to. */
    private List<Fact> facts(Region unit, YearMonth period, List<ReportValue> values) {
        List<Fact> facts = new ArrayList<>(projects.facts(unit, period));
        for (ReportValue v : values) {
            facts.add(new Fact(indicators.byCode(v.indicatorCode()).orElseThrow().id(), v.source(), v.value()));
        }
        return facts;
    }

    /** Takes the step ({@link ReportStep}: refused from a status it may not start from) if the version is current. */
    private void move(Region unit, ReportRepository.Head head, int version, ReportStep step, String reason, Actor actor) {
        step.check(unit.name(), head.period(), head.status());
        ReportStatus to = step.after(head.status());
        if (!repository.bump(head.id(), version, to, actor.username())) {
            throw stale(unit, head, version);   // head was read for update: its version is the one there
        }
        repository.event(head.id(), step.name(), head.status(), to, actor.username(), actor.via().name(), reason);
    }

    private ReportRepository.Head existing(Region unit, YearMonth period) {
        return repository.head(unit.id(), period, true)
                .orElseThrow(() -> new org.anju.platform.NotFound(unit.name() + " 尚无 " + period + " 月报"));
    }

    private List<ReportValue> validate(List<ReportValue> values) {
        Map<String, ReportValue> clean = new LinkedHashMap<>();
        for (ReportValue v : values == null ? List.<ReportValue>of() : values) {
            if (v.value() == null) {
                continue;
            }
            if (indicators.byCode(v.indicatorCode()).isEmpty() || !ReportItems.known(v.indicatorCode(), v.source())) {
                throw new org.anju.platform.BadInput("不是月报填报项：" + v.indicatorCode()
                        + (v.source().isEmpty() ? "" : "（" + v.source() + "）"));
            }
            if (v.value().signum() < 0) {
                throw new org.anju.platform.BadInput(label(v) + "不能为负数：" + v.value());
            }
            String implausible = implausible(v.indicatorCode(), v.value());
            if (implausible != null) {
                // 1e131071 户 would pass into every roll-up above the unit: no figure of a county is that large
                throw new org.anju.platform.BadInput(label(v) + implausible);
            }
            if (clean.put(v.indicatorCode() + "@" + v.source(), v) != null) {
                throw new org.anju.platform.BadInput("填报项重复：" + v.indicatorCode() + " " + v.source());
            }
        }
        return List.copyOf(clean.values());
    }

    /**
     * Why a figure is beyond what a unit's month may hold, or a fraction of a count (1.5 户); null when not
     * ({@link org.anju.progress.FigureLimits}).
     */
    String implausible(String indicatorCode, BigDecimal value) {
        return implausible(indicatorCode, value, null);
    }

    /** The same for a file's cell, with what a workbook shows there where its format rounds the number. */
    String implausible(String indicatorCode, BigDecimal value, String shown) {
        org.anju.indicator.Indicator indicator = indicators.byCode(indicatorCode).orElseThrow();
        return limits.problem(value, indicator, shown);
    }

    private static String label(ReportValue v) {
        return ReportItems.ALL.stream().filter(i -> i.indicatorCode().equals(v.indicatorCode()) && i.source().equals(v.source()))
                .findFirst().map(i -> i.group() + "·" + i.label()).orElse(v.indicatorCode());
    }

    /** The report as shown: the row with its figures, flags and events. */
    Report view(Region unit, ReportRepository.Head h) {
        return new Report(h.id(), unit.code(), unit.name(), h.period(), h.status(), h.version(), h.deadline(),
                h.submittedAt(), h.submittedBy(), h.reviewedAt(), h.reviewedBy(), h.returnReason(),
                repository.values(h.id()), repository.flags(h.id()), repository.events(h.id()),
                h.submittedAt() == null ? null : onTime(h));
    }

    /**
     * A save sent again (double-click, Back and resubmit, a retry) after its first one: the version the user read is
     * gone, but the one there now is this user's own save of exactly these figures — answered as saved, nothing
     * written again (defect 12 of the double-submit trial: the reporter was told 他人 had changed it and nothing was
     * saved). Empty when the current version is another step or another person's, or holds other figures.
     */
    private java.util.Optional<Report> sameSaveAgain(Region unit, ReportRepository.Head head, List<ReportValue> clean,
                                                     Actor actor) {
        List<ReportEvent> events = repository.events(head.id());
        ReportEvent last = events.isEmpty() ? null : events.getLast();
        if (last == null || !last.action().equals(ReportStep.SAVE.name()) || !last.actor().equals(actor.username())
                || !sameFigures(clean, repository.values(head.id()))) {
            return java.util.Optional.empty();
        }
        return java.util.Optional.of(view(unit, head));
    }

    /** The same figures, item by item (1.50 = 1.5: the numbers, not their scale). */
    private static boolean sameFigures(List<ReportValue> a, List<ReportValue> b) {
        return figures(a).equals(figures(b));
    }

    private static Map<String, BigDecimal> figures(List<ReportValue> values) {
        Map<String, BigDecimal> m = new java.util.HashMap<>();
        values.forEach(v -> m.put(v.indicatorCode() + "@" + v.source(), v.value().stripTrailingZeros()));
        return m;
    }

    /**
     * A save based on an old version: who made the version there now, by which step and when (the last event made
     * it), instead of an unnamed 他人 — the user's own earlier save in another window is said as such.
     */
    private IllegalStateException stale(Region unit, ReportRepository.Head head, int version) {
        if (version > head.version()) {
            // nobody changed the report after that read: naming who made the version there named a change before it
            return refused(unit, head, version, head.version(), null);
        }
        List<ReportEvent> events = repository.events(head.id());
        if (events.isEmpty()) {
            return staleUnrecorded(unit, head, version);
        }
        ReportEvent last = events.getLast();
        // the channel the event recorded (the column is free text: one not known is not guessed)
        org.anju.account.Channel via = java.util.Arrays.stream(org.anju.account.Channel.values())
                .filter(c -> c.name().equals(last.channel())).findFirst().orElse(null);
        String who = users.who(last.actor(), via);
        return refused(unit, head, version, head.version(),
                () -> "已被" + who + "于 " + org.anju.platform.ChinaTime.spoken(last.at()) + last.actionLabel());
    }

    /** A stale save said in the one form every table says it ({@link org.anju.account.LastChange#refusal}). */
    private static IllegalStateException refused(Region unit, ReportRepository.Head head, int sent, int current,
                                                 java.util.function.Supplier<String> changed) {
        return new org.anju.platform.ConcurrentUpdateException(org.anju.account.LastChange.refusal(
                unit.name() + " " + head.period() + " 月报", sent, current, changed, "本次未保存任何内容，请刷新后重试"));
    }

    /**
     * A stale version of a report whose version no event made (a row loaded from before the platform, or created and
     * not yet saved): who changed the row last and when, from the audit trail, instead of an unnamed 他人.
     */
    private IllegalStateException staleUnrecorded(Region unit, ReportRepository.Head head, int version) {
        int now = repository.head(head.id()).map(ReportRepository.Head::version).orElse(head.version());
        return refused(unit, head, version, now, () -> "已" + lastChange.of("report", head.id()));
    }

    /** A version sent for a month that has no report at all: nobody changed it, so no one is named (it said 他人). */
    private static IllegalStateException noReport(Region unit, YearMonth period, int version) {
        return new org.anju.platform.ConcurrentUpdateException(unit.name() + " " + period + " 月报尚未建立，没有您提交的版本 "
                + version + "（尚未建立的月报为版本 0），本次未保存任何内容，请刷新后重试");
    }

    private Region unit(String code) {
        Region r = region(code);
        if (r.kind() == RegionKind.GROUP) {
            throw new org.anju.platform.BadInput(r.name() + "是片区，不单独填报；请由其成员单位填报");
        }
        return r;
    }

    Region region(String code) {
        return regions.byCode(code).orElseThrow(() -> new org.anju.platform.NotFound("地区不存在：" + code));
    }
}
