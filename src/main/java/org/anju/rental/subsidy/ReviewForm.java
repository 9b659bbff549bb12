package org.anju.rental.subsidy;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;

/**
 * A 年审 of an agreement: the amount is computed again from the household's current facts and the parameters in
 * effect from {@code fromMonth}; a stopped agreement resumes from that month (no back-pay), a running one is paid the
 * new amount from then on.
 *
 * @param version the agreement's version as read
 */
public record ReviewForm(Integer version, YearMonth fromMonth, LocalDate reviewDue, String tier, BigDecimal rent,
                         String note) {
}
