package org.anju.reminder;

import org.junit.jupiter.api.Test;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Set;
import java.util.function.Predicate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Which unit is reminded when ({@link ReportReminderRule}), on working days as the State Council's notices set them.
 * The days below are those of 国务院办公厅关于2025年部分节假日安排的通知 (src/main/resources/calendar/2025.txt): 春节
 * 1月28日至2月4日 off, 1月26日（周日）and 2月8日（周六）worked; 国庆节、中秋节 10月1日至8日 off, 9月28日（周日）and
 * 10月11日（周六）worked.
 */
class ReportReminderRuleTest {

    static final Set<LocalDate> OFF = Set.of(
            LocalDate.of(2025, 1, 28), LocalDate.of(2025, 1, 29), LocalDate.of(2025, 1, 30), LocalDate.of(2025, 1, 31),
            LocalDate.of(2025, 2, 3), LocalDate.of(2025, 2, 4),
            LocalDate.of(2025, 10, 1), LocalDate.of(2025, 10, 2), LocalDate.of(2025, 10, 3), LocalDate.of(2025, 10, 6),
            LocalDate.of(2025, 10, 7), LocalDate.of(2025, 10, 8));
    static final Set<LocalDate> WORKED = Set.of(LocalDate.of(2025, 1, 26), LocalDate.of(2025, 2, 8),
            LocalDate.of(2025, 9, 28), LocalDate.of(2025, 10, 11));
    static final Predicate<LocalDate> CALENDAR_2025 = d -> WORKED.contains(d)
            || !OFF.contains(d) && d.getDayOfWeek() != DayOfWeek.SATURDAY && d.getDayOfWeek() != DayOfWeek.SUNDAY;

    /** Day 5 of the next month, as {@code Reports.deadline} with the default {@code anju.report.deadline-day}. */
    static LocalDate deadline(YearMonth period) {
        return period.plusMonths(1).atDay(5);
    }

    static String on(int month, int day, YearMonth period) {
        return ReportReminderRule.of(LocalDate.of(2025, month, day), deadline(period), 3, CALENDAR_2025)
                .map(Enum::name).orElse("none");
    }

    @Test
    void anOrdinaryMonthIsRemindedThreeWorkingDaysBeforeItsDeadline() {
        YearMonth june = YearMonth.of(2025, 6);                       // deadline Saturday 5 July 2025
        assertThat(on(6, 30, june)).as("Mon 30 June: 30, 1, 2, 3, 4 July are 5 working days").isEqualTo("none");
        assertThat(on(7, 2, june)).as("Wed 2 July: 2, 3, 4").isEqualTo("REPORT_DUE_SOON");
        assertThat(on(7, 5, june)).as("the deadline day itself is still in time").isEqualTo("REPORT_DUE_SOON");
        assertThat(on(7, 6, june)).isEqualTo("REPORT_OVERDUE");
    }

    @Test
    void theSpringFestivalBringsTheReminderForwardInCalendarDays() {
        YearMonth january = YearMonth.of(2025, 1);                    // deadline Wednesday 5 February 2025
        assertThat(on(1, 24, january)).as("Fri 24 Jan: 24, 26 (a worked Sunday), 27, 5 Feb").isEqualTo("none");
        assertThat(on(1, 26, january)).as("Sun 26 Jan is worked: 26, 27, 5 Feb").isEqualTo("REPORT_DUE_SOON");
        assertThat(on(2, 5, january)).isEqualTo("REPORT_DUE_SOON");
        assertThat(on(2, 6, january)).isEqualTo("REPORT_OVERDUE");
    }

    @Test
    void aWorkedSundayBeforeNationalDayCountsAsAWorkingDay() {
        YearMonth september = YearMonth.of(2025, 9);                  // deadline Sunday 5 October 2025, in the holiday
        assertThat(on(9, 26, september)).as("Fri 26 Sep: 26, 28, 29, 30 — four, weekends alone would say three")
                .isEqualTo("none");
        assertThat(on(9, 28, september)).isEqualTo("REPORT_DUE_SOON");
        assertThat(on(10, 5, september)).as("no working day left, still not late").isEqualTo("REPORT_DUE_SOON");
        assertThat(on(10, 6, september)).isEqualTo("REPORT_OVERDUE");
    }

    @Test
    void theNumberOfDaysIsConfiguration() {
        LocalDate today = LocalDate.of(2025, 6, 30);
        assertThat(ReportReminderRule.of(today, deadline(YearMonth.of(2025, 6)), 5, CALENDAR_2025))
                .contains(ReminderKind.REPORT_DUE_SOON);
        assertThat(ReportReminderRule.of(today, deadline(YearMonth.of(2025, 6)), 0, CALENDAR_2025)).isEmpty();
    }

    @Test
    void theWordsOfAReminder() {
        YearMonth period = YearMonth.of(2025, 9);
        assertThat(Reminders.reportDetail(ReminderKind.REPORT_DUE_SOON, period, deadline(period)))
                .isEqualTo("2025年9月月报须于2025年10月5日前上报，尚未上报");
        assertThat(Reminders.reportDetail(ReminderKind.REPORT_OVERDUE, period, deadline(period)))
                .isEqualTo("2025年9月月报报送期限2025年10月5日已过，尚未上报，请尽快填报上报");
    }
}
