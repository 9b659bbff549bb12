package org.anju.plan;

import java.math.BigDecimal;

/**
 * A figure as printed. A blank cell means "no task", which is not the same as a printed 0; the scale is
 * the number of decimals printed (negative for a figure printed in 万: 2.5万户 is 25000 at scale -3), kept so
 * exports reproduce the figure and comparisons can allow for the rounding that printing implies.
 *
 * @param words what a rate cell printed instead of a number ("全部开工": at least 100 %), else null
 */
public record Cell(BigDecimal value, int scale, String words) {

    public static final Cell BLANK = new Cell(null, 0, null);

    public Cell(BigDecimal value, int scale) {
        this(value, scale, null);
    }

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

    /**
     * Half a unit in the last printed place (2.5万户 stands for anything within ±500 户), or 0 for a count printed
     * whole: how far the true figure may be from this one, for comparisons "at the precision printed".
     *
     * @param exact whether the measure is a count (套, 户, 个, 栋) rather than a rounded quantity (万平方米, 万元)
     */
    public BigDecimal tolerance(boolean exact) {
        if (value == null || (exact && scale == 0)) {
            return BigDecimal.ZERO;
        }
        return new BigDecimal("0.5").movePointLeft(scale);
    }

    /** The figure as printed ("" for blank). */
    public String printed() {
        if (words != null) {
            return words;
        }
        return value == null ? "" : value.setScale(scale, java.math.RoundingMode.HALF_UP).toPlainString();
    }
}
