package org.anju.calendar;

import java.time.LocalDate;

/**
 * A day a national notice names: {@link DayKind#OFF} with the holiday it belongs to, or {@link DayKind#WORK} for a
 * weekend day worked (调休上班) for that holiday.
 *
 * @param notice the year of the notice that says so (a notice may reach into late December of the year before)
 */
public record CalendarDay(LocalDate date, DayKind kind, String holiday, int notice) {
}
