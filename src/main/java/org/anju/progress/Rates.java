package org.anju.progress;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * The one place rates are computed and printed: actual ÷ target × 100, one decimal, half-up. A missing
 * or zero target gives no rate (printed "—"), never 0 or ∞.
 */
public final class Rates {

    public static final String NONE = "—";
    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    private Rates() {
    }

    /** The rate in percent at one decimal, half-up; null without a (positive) target or an actual. */
    public static BigDecimal rate(BigDecimal actual, BigDecimal target) {
        if (actual == null || target == null || target.signum() <= 0) {
            return null;
        }
        return actual.multiply(HUNDRED).divide(target, 1, RoundingMode.HALF_UP);
    }

    /** 54.0% or —. */
    public static String format(BigDecimal rate) {
        return rate == null ? NONE : rate.setScale(1, RoundingMode.HALF_UP).toPlainString() + "%";
    }

    /** A figure as officials print it: 15149.5, 1092.28, 9223 (no trailing zeros, no exponent). */
    public static String figure(BigDecimal value) {
        if (value == null) {
            return NONE;
        }
        BigDecimal s = value.stripTrailingZeros();
        return (s.scale() < 0 ? s.setScale(0) : s).toPlainString();
    }

    /** A rate rounded half-up to the precision a document printed it at (0 for "113%", 1 for "101.2%"). */
    public static BigDecimal atPrecision(BigDecimal actual, BigDecimal target, int decimals) {
        if (actual == null || target == null || target.signum() <= 0) {
            return null;
        }
        return actual.multiply(HUNDRED).divide(target, decimals, RoundingMode.HALF_UP);
    }
}
