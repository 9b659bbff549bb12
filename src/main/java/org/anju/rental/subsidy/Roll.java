package org.anju.rental.subsidy;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

/**
 * A county's 发放花名册 for a month or a quarter.
 *
 * @param periodEnd the last day of the period
 * @param paid      lines the bank paid; {@code failed} those it returned; the rest are not yet marked
 */
public record Roll(long id, String countyCode, String countyName, Cycle cycle, LocalDate periodStart, LocalDate periodEnd,
                   String periodName, long parametersId, boolean confirmed, int households, BigDecimal total,
                   Instant generatedAt, String generatedBy, Instant confirmedAt, String confirmedBy, int paid, int failed,
                   int online, int version) {

    public String statusLabel() {
        return confirmed ? "已确认" : "草稿";
    }
}
