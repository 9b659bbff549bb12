package org.anju.rental.application;

import org.anju.rental.household.Guarantee;

import java.time.YearMonth;

/**
 * One county's applications in a month, for one guarantee (the monthly report's source): received (every application
 * submitted in the month, accepted or not), accepted (the review began), refused (not accepted as ineligible, or
 * rejected or 列入失信 in a review step), qualified (资格证 issued: 新增保障家庭), and overdue review steps (steps whose
 * deadline fell in the month and that were not done by it).
 */
public record ApplicationFigures(String countyCode, String countyName, YearMonth period, Guarantee guarantee,
                                 int received, int accepted, int refused, int qualified, int overdueSteps) {
}
