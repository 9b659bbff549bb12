package org.anju.rental.subsidy;

import java.math.BigDecimal;
import java.util.List;

/**
 * A line of a roll as pages show it: the payee masked, the amount of each month of the period and the total, and what
 * the bank did with it.
 *
 * @param monthAmounts one per month of the period (0.00 where nothing is paid for that month)
 * @param status       null until marked
 */
public record RollLine(int seq, long agreementId, long householdId, String name, String idNumber, String bankAccount,
                       String bankName, List<BigDecimal> monthAmounts, BigDecimal amount, PayStatus status, Boolean online,
                       String failure) {

    public RollLine {
        monthAmounts = List.copyOf(monthAmounts);
    }
}
