package org.anju.plan.check;

import org.anju.indicator.Indicator;
import org.anju.plan.Cell;

import java.math.BigDecimal;

/**
 * "Compare at the precision printed": a printed area of 162.45 stands for anything in
 * [162.445, 162.455), so it agrees with 162.4466. Exact counts printed as whole numbers carry no such
 * slack. Two figures (or sums of figures) agree when they differ by no more than the sum of the
 * half-units their printing allows.
 */
final class Precision {

    private Precision() {
    }

    /** Half a unit in the last printed place, or 0 for an exact count. */
    static BigDecimal tolerance(Cell cell, Indicator indicator) {
        return cell.tolerance(indicator.exact());
    }

    static boolean agree(BigDecimal printed, BigDecimal expected, BigDecimal tolerance) {
        return printed.subtract(expected).abs().compareTo(tolerance) <= 0;
    }

    /** For messages: 1265, 3295.74, without trailing zeros beyond what matters. */
    static String show(BigDecimal v) {
        BigDecimal s = v.stripTrailingZeros();
        return (s.scale() < 0 ? s.setScale(0) : s).toPlainString();
    }
}
