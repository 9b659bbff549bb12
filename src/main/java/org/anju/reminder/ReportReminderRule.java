package org.anju.reminder;

import java.time.LocalDate;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * When a unit that has not submitted a month's report is reminded (pure: no database, tested by
 * {@code ReportReminderRuleTest}). The deadline is the report module's ({@code Reports.deadline}: day
 * {@code anju.report.deadline-day} of the next month, a calendar date as the reports have always used it).
 *
 * <ul>
 *   <li>after the deadline day: {@link ReminderKind#REPORT_OVERDUE};</li>
 *   <li>on or before it, when the working days from today to the deadline, both included, are at most
 *       {@code dueSoonWorkingDays} ({@code anju.reminders.report-due-soon-working-days}): {@link ReminderKind#REPORT_DUE_SOON}
 *       — working days of the unit's own calendar, so a deadline behind a holiday (国庆, 春节) is announced earlier in
 *       calendar days;</li>
 *   <li>otherwise nothing.</li>
 * </ul>
 */
final class ReportReminderRule {

    private ReportReminderRule() {
    }

    static Optional<ReminderKind> of(LocalDate today, LocalDate deadline, int dueSoonWorkingDays,
                                     Predicate<LocalDate> workingDay) {
        if (today.isAfter(deadline)) {
            return Optional.of(ReminderKind.REPORT_OVERDUE);
        }
        int left = 0;
        for (LocalDate d = today; !d.isAfter(deadline) && left <= dueSoonWorkingDays; d = d.plusDays(1)) {
            if (workingDay.test(d)) {
                left++;
            }
        }
        return left <= dueSoonWorkingDays ? Optional.of(ReminderKind.REPORT_DUE_SOON) : Optional.empty();
    }
}
