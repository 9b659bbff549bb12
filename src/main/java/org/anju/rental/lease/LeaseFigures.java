package org.anju.rental.lease;

import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.Map;

/**
 * A county's leases in a month, from the records: in force at the month's end, signed and renewed in it, ended
 * (腾退) in it by kind, households in arrears at its end and what they owe, rent billed for it and collected in it,
 * and the 收缴率 of its bills (what of the month's bills was paid by the month's end ÷ billed, one decimal, half-up;
 * null when nothing was billed — not 0 %).
 */
public record LeaseFigures(String countyCode, String countyName, YearMonth period, int inForce, int signed, int renewed,
                           Map<ExitKind, Integer> ended, int endedTotal, int householdsInArrears, BigDecimal arrears,
                           BigDecimal billed, BigDecimal collected, BigDecimal billsPaid, BigDecimal collectionRate) {

    public String collectionRateText() {
        return org.anju.progress.Rates.format(collectionRate);
    }
}
