package org.anju.calendar;

import org.anju.platform.BadInput;
import org.anju.platform.Conflict;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;

import static org.anju.calendar.Counting.START_NEXT_DAY;
import static org.anju.calendar.Counting.START_SAME_DAY;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Deadlines on the calendar of the resource files, in memory: plain JUnit, milliseconds. */
class WorkingDaysArithmeticTest {

    static final NationalCalendar NATIONAL = NoticeSource.calendar();
    static final RegionCalendar NATIONWIDE = new RegionCalendar(NATIONAL, "全国", Map.of());

    static LocalDate d(int y, int m, int day) {
        return LocalDate.of(y, m, day);
    }

    @Test
    void aStreetOfficesFiveWorkingDaysAcrossNationalDay2024() {
        // received Thursday 2024-09-26; 5 working days from the next day: 09-27 (Fri), 09-29 (a Sunday worked),
        // 09-30, then 10-01…10-07 off, 10-08, 10-09
        assertThat(NATIONWIDE.addWorkingDays(d(2024, 9, 26), 5, START_NEXT_DAY)).isEqualTo(d(2024, 10, 9));
        // the same, the day of receipt counted: 09-26, 09-27, 09-29, 09-30, 10-08
        assertThat(NATIONWIDE.addWorkingDays(d(2024, 9, 26), 5, START_SAME_DAY)).isEqualTo(d(2024, 10, 8));
        assertThat(NATIONWIDE.isWorkingDay(d(2024, 9, 28))).isFalse();          // Saturday
        assertThat(NATIONWIDE.isWorkingDay(d(2024, 9, 29))).isTrue();           // Sunday, worked
        assertThat(NATIONWIDE.isWorkingDay(d(2024, 10, 7))).isFalse();
        assertThat(NATIONWIDE.isWorkingDay(d(2024, 10, 12))).isTrue();          // Saturday, worked
        assertThat(NATIONWIDE.status(d(2024, 10, 12)).why()).isEqualTo("国庆节调休上班");
        assertThat(NATIONWIDE.status(d(2024, 10, 3)).why()).isEqualTo("国庆节放假");
        assertThat(NATIONWIDE.workingDaysBetween(d(2024, 9, 26), d(2024, 10, 9), START_NEXT_DAY)).isEqualTo(5);
    }

    @Test
    void aThirtyDayCommentPeriodWhoseFirstDayIsNotCounted() {
        // published 2024-03-01, 30 days, the first day not counted (民法典 第201条): 03-02 … 03-31
        LocalDate published = d(2024, 3, 1);
        assertThat(START_NEXT_DAY.firstDay(published)).isEqualTo(d(2024, 3, 2));
        assertThat(RegionCalendar.addCalendarDays(published, 30, START_NEXT_DAY)).isEqualTo(d(2024, 3, 31));
        assertThat(RegionCalendar.addCalendarDays(published, 30, START_SAME_DAY)).isEqualTo(d(2024, 3, 30));
        // a 10-day 公示 ending on a day off: moving it is the caller's rule (民法典 第203条), not a default
        LocalDate last = RegionCalendar.addCalendarDays(d(2024, 9, 24), 10, START_NEXT_DAY);
        assertThat(last).isEqualTo(d(2024, 10, 4));
        assertThat(NATIONWIDE.firstWorkingDayOnOrAfter(last)).isEqualTo(d(2024, 10, 8));
        // calendar days need no notice: 2030 is fine
        assertThat(RegionCalendar.addCalendarDays(d(2030, 1, 31), 1, START_NEXT_DAY)).isEqualTo(d(2030, 2, 1));
    }

    @Test
    void theSpringFestivalOf2025() {
        // 除夕 is a holiday since 2025 (01-28…02-04 off); Sunday 01-26 and Saturday 02-08 are worked
        assertThat(NATIONWIDE.isWorkingDay(d(2025, 1, 28))).isFalse();
        assertThat(NATIONWIDE.isWorkingDay(d(2025, 1, 26))).isTrue();
        assertThat(NATIONWIDE.isWorkingDay(d(2025, 2, 8))).isTrue();
        // received Friday 01-24, 3 working days from the next day: 01-26 (Sunday worked), 01-27, then 02-05
        assertThat(NATIONWIDE.addWorkingDays(d(2025, 1, 24), 3, START_NEXT_DAY)).isEqualTo(d(2025, 2, 5));
        // 除夕 2024 was only encouraged as a day off: a working day
        assertThat(NATIONWIDE.isWorkingDay(d(2024, 2, 9))).isTrue();
        // January 2025 has 23 weekdays; 01-01 and 01-28…01-31 are off, Sunday 01-26 is worked: 19
        assertThat(NATIONWIDE.workingDaysBetween(d(2025, 1, 1), d(2025, 1, 31), START_SAME_DAY)).isEqualTo(19);
        // 劳动节 2025: five days (05-01…05-05), Sunday 04-27 worked
        assertThat(NATIONWIDE.addWorkingDays(d(2025, 4, 30), 1, START_NEXT_DAY)).isEqualTo(d(2025, 5, 6));
    }

    @Test
    void aYearWithoutItsNoticeIsRefusedNeverGuessed() {
        assertThatThrownBy(() -> NATIONWIDE.isWorkingDay(d(2027, 3, 1)))
                .isInstanceOf(Conflict.class)
                .hasMessageContaining("没有2027年的放假安排")
                .hasMessageContaining("请载入《国务院办公厅关于2027年部分节假日安排的通知》")
                .hasMessageContaining("2024年、2025年、2026年");
        assertThatThrownBy(() -> NATIONWIDE.isWorkingDay(d(2023, 6, 1))).hasMessageContaining("没有2023年的放假安排");
        // a Saturday of an unknown year is not "obviously off" either
        assertThatThrownBy(() -> NATIONWIDE.isWorkingDay(d(2027, 1, 2))).isInstanceOf(Conflict.class);
        // a deadline that runs into an unknown year is refused when it gets there
        assertThatThrownBy(() -> NATIONWIDE.addWorkingDays(d(2026, 12, 1), 30, START_NEXT_DAY))
                .isInstanceOf(Conflict.class).hasMessageContaining("2027");
        // late December waits for the next year's notice (it may move those days); 2024's did not need to
        assertThat(NATIONWIDE.isWorkingDay(d(2026, 12, 24))).isTrue();
        assertThatThrownBy(() -> NATIONWIDE.isWorkingDay(d(2026, 12, 28)))
                .isInstanceOf(Conflict.class).hasMessageContaining("2026年12月下旬").hasMessageContaining("2027年");
        assertThat(NATIONWIDE.isWorkingDay(d(2024, 12, 31))).isTrue();
        assertThat(NATIONWIDE.addWorkingDays(d(2024, 12, 27), 2, START_NEXT_DAY)).isEqualTo(d(2024, 12, 31));
    }

    @Test
    void aLocalChangeHoldsWhereItIsInForce() {
        LocalAdjustment off = new LocalAdjustment("361100", "上饶市", d(2024, 10, 8), DayKind.OFF, "测试：地方假日", "jx_admin",
                Instant.EPOCH);
        RegionCalendar shangrao = new RegionCalendar(NATIONAL, "上饶市", Map.of(off.date(), off));
        assertThat(shangrao.isWorkingDay(d(2024, 10, 8))).isFalse();
        assertThat(shangrao.status(d(2024, 10, 8)).why()).isEqualTo("上饶市地方调整（休息）：测试：地方假日");
        assertThat(shangrao.addWorkingDays(d(2024, 9, 26), 5, START_NEXT_DAY)).isEqualTo(d(2024, 10, 10));
        assertThat(NATIONWIDE.addWorkingDays(d(2024, 9, 26), 5, START_NEXT_DAY)).isEqualTo(d(2024, 10, 9));
    }

    @Test
    void countsAreChecked() {
        assertThatThrownBy(() -> NATIONWIDE.addWorkingDays(d(2024, 9, 26), 0, START_NEXT_DAY)).isInstanceOf(BadInput.class)
                .hasMessageContaining("天数应为 1 到");
        assertThatThrownBy(() -> RegionCalendar.addCalendarDays(d(2024, 3, 1), -1, START_NEXT_DAY)).isInstanceOf(BadInput.class);
        assertThatThrownBy(() -> NATIONWIDE.workingDaysBetween(d(2024, 3, 2), d(2024, 3, 1), START_NEXT_DAY))
                .isInstanceOf(BadInput.class).hasMessageContaining("早于");
        assertThat(NATIONWIDE.workingDaysBetween(d(2024, 10, 1), d(2024, 10, 1), START_NEXT_DAY)).isZero();
    }

    /** addWorkingDays and workingDaysBetween are inverses, on every start day of the loaded years. */
    @Test
    void addingAndCountingAgree() {
        for (LocalDate start = d(2024, 1, 1); start.isBefore(d(2026, 11, 1)); start = start.plusDays(1)) {
            for (Counting c : Counting.values()) {
                for (int n : new int[] {1, 3, 5, 10, 20}) {
                    LocalDate due = NATIONWIDE.addWorkingDays(start, n, c);
                    assertThat(NATIONWIDE.isWorkingDay(due)).isTrue();
                    assertThat(NATIONWIDE.workingDaysBetween(start, due, c)).as(start + " " + c + " " + n).isEqualTo(n);
                    if (due.isAfter(start)) {
                        assertThat(NATIONWIDE.workingDaysBetween(start, due.minusDays(1), c)).isEqualTo(n - 1);
                    }
                }
            }
        }
    }
}
