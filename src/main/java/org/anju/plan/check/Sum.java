package org.anju.plan.check;

import org.anju.indicator.Indicator;
import org.anju.plan.Cell;

import java.math.BigDecimal;

/** A running sum of printed figures and of the rounding slack they carry; blank cells count as 0 and carry none. */
final class Sum {

    private final Indicator indicator;
    BigDecimal value = BigDecimal.ZERO;
    BigDecimal tolerance = BigDecimal.ZERO;
    /** Whether every cell added was blank (or none was added). */
    boolean allBlank = true;

    /** @param indicator what the cells count (whether they are exact); null when only other sums are added */
    Sum(Indicator indicator) {
        this.indicator = indicator;
    }

    void add(Cell cell) {
        if (!cell.blank()) {
            value = value.add(cell.value());
            tolerance = tolerance.add(Precision.tolerance(cell, indicator));
            allBlank = false;
        }
    }

    void addAll(Sum other) {
        value = value.add(other.value);
        tolerance = tolerance.add(other.tolerance);
        allBlank &= other.allBlank;
    }
}
