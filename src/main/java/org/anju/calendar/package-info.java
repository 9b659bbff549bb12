/**
 * The working-day calendar: which days are worked and which are off, nationally (the State Council General Office's
 * yearly notice 国务院办公厅关于某年部分节假日安排的通知: 法定节假日 and 调休) and where a province, city or county
 * changes a day locally; deadlines counted in working days (三审两公示 review steps, ledger rectification limits) and in
 * calendar days (公示, consultation periods), the start day counted or not as the caller says ({@link
 * org.anju.calendar.Counting}, never a default). A date of a year whose notice is not loaded is refused, never guessed.
 *
 * <p>Public API: {@link org.anju.calendar.WorkingDays} (the service; checks who changes local days itself),
 * {@link org.anju.calendar.RegionCalendar} (one region's calendar, for many computations at once),
 * {@link org.anju.calendar.Counting}, {@link org.anju.calendar.DayKind}, {@link org.anju.calendar.DayStatus},
 * {@link org.anju.calendar.CalendarDay}, {@link org.anju.calendar.LocalAdjustment},
 * {@link org.anju.calendar.HolidayNotice}, {@link org.anju.calendar.YearCalendar}.
 * Tables: {@code calendar_notice} (one row per loaded year: the notice's verbatim text and where it is from),
 * {@code calendar_day} (the days the notices name: OFF with the holiday, WORK for a weekend worked),
 * {@code calendar_local_day} (a region's own changes). Data: {@code src/main/resources/calendar/} (see
 * docs/DATA-SOURCES.md), loaded by the repeatable migration {@code R__CalendarNotices}.
 */
@org.springframework.modulith.ApplicationModule(displayName = "工作日历 Calendar",
        allowedDependencies = {"platform", "region", "account"})
package org.anju.calendar;
