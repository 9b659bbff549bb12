package org.anju.report;

import java.time.YearMonth;
import java.util.EnumSet;
import java.util.Set;

import static org.anju.report.ReportStatus.APPROVED;
import static org.anju.report.ReportStatus.DRAFT;
import static org.anju.report.ReportStatus.LOCKED;
import static org.anju.report.ReportStatus.RETURNED;
import static org.anju.report.ReportStatus.SUBMITTED;

/**
 * The report workflow as one table (issue 11): for each step, the statuses it may start from, the status it leads to,
 * and what the refusal says otherwise. {@link Reports} only asks this table; the event recorded is the step's name.
 */
enum ReportStep {

    /** The unit saves its figures: the month stays as it is. */
    SAVE(EnumSet.of(DRAFT, RETURNED), null, "不能修改"),
    SUBMIT(EnumSet.of(DRAFT, RETURNED), SUBMITTED, "不能再次上报"),
    APPROVE(EnumSet.of(SUBMITTED), APPROVED, "只有已上报的月报可以审核通过"),
    /** The level above sends a submitted or approved month back, with a reason. */
    RETURN(EnumSet.of(SUBMITTED, APPROVED), RETURNED, "不能退回"),
    /** The same for a locked month: locked means final until the approver, in writing, says not. */
    REOPEN(EnumSet.of(LOCKED), RETURNED, "不能退回"),
    LOCK(EnumSet.of(APPROVED), LOCKED, "只有审核通过的月报可以锁定");

    private final Set<ReportStatus> from;
    private final ReportStatus to;
    private final String refusal;

    ReportStep(Set<ReportStatus> from, ReportStatus to, String refusal) {
        this.from = from;
        this.to = to;
        this.refusal = refusal;
    }

    /** The step a return takes from {@code status}: reopening a locked month, returning any other. */
    static ReportStep returning(ReportStatus status) {
        return status == LOCKED ? REOPEN : RETURN;
    }

    /** The status after the step from {@code status}. */
    ReportStatus after(ReportStatus status) {
        return to == null ? status : to;
    }

    boolean allowedFrom(ReportStatus status) {
        return from.contains(status);
    }

    /**
     * Refuses the step from {@code status}, saying why: "甘州区2024-03 月报已上报，不能修改（如需修改，请上级退回）".
     *
     * @throws org.anju.platform.Conflict when the month's status does not allow it
     */
    void check(String unitName, YearMonth period, ReportStatus status) {
        if (!allowedFrom(status)) {
            throw new org.anju.platform.Conflict(unitName + period + " 月报" + status.label() + "，" + refusal
                    + (this == SAVE && status == SUBMITTED ? "（如需修改，请上级退回）" : ""));
        }
    }
}
