package org.anju.calendar;

import java.util.List;

/** A year as loaded: its notice, the days the notice names, and the local changes asked for. */
public record YearCalendar(HolidayNotice notice, List<CalendarDay> days, List<LocalAdjustment> localAdjustments) {
}
