package org.anju.rental.subsidy;

import java.math.BigDecimal;
import java.time.YearMonth;

/**
 * A county's 租赁补贴 figures of a month, from the records: what the bank paid (lines marked paid in confirmed rolls,
 * counted in the month they pay for), what of it went through the online system (线上发放), and the agreements stopped
 * and resumed that month; the year's figures count from January to the month, each household once.
 */
public record SubsidyFigures(String countyCode, String countyName, YearMonth month, int households, BigDecimal amount,
                             int onlineHouseholds, int stopped, int resumed, int householdsInYear, BigDecimal amountInYear,
                             int onlineHouseholdsInYear) {
}
