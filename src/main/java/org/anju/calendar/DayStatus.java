package org.anju.calendar;

import java.time.LocalDate;

/**
 * Whether a day is worked in a region, and why.
 *
 * @param why e.g. 国庆节放假, 国庆节调休上班, 周末, 工作日, 上饶市地方调整：…
 */
public record DayStatus(LocalDate date, boolean working, String why) {
}
