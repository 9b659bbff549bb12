package org.anju.plan;

import java.math.BigDecimal;

/**
 * A figure as printed. A blank cell means "no task", which is not the same as a printed 0; the scale is
 * the number of decimals printed, kept so exports reproduce the figure and comparisons can allow for
 * the rounding that printing implies.
 */
public record Cell(BigDecimal value, int scale) {

    public static final Cell BLANK = new Cell(null, 0);

    public static Cell of(String plain) {
        BigDecimal v = new BigDecimal(plain);
        return new Cell(v, Math.max(v.scale(), 0));
    }

    public boolean blank() {
        return value == null;
    }

    /** The value for sums: blank counts as zero. */
    public BigDecimal orZero() {
        return value == null ? BigDecimal.ZERO : value;
    }

    /** The figure as printed ("" for blank). */
    public String printed() {
        return value == null ? "" : value.setScale(scale, java.math.RoundingMode.HALF_UP).toPlainString();
    }
}
