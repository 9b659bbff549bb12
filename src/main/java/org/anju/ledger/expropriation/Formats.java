package org.anju.ledger.expropriation;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.DecimalFormat;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;

/** Official formats for the pages: 2025年3月2日, 12,345.00 元; a missing value is 未报, never 0. */
public final class Formats {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyy年M月d日");

    private Formats() {
    }

    public static String day(LocalDate d) {
        return d == null ? "—" : DAY.format(d);
    }

    public static String yuan(BigDecimal v) {
        return v == null ? "未报" : new DecimalFormat("#,##0.00").format(v.setScale(2, RoundingMode.HALF_UP)) + " 元";
    }

    public static String area(BigDecimal v) {
        return v == null ? "未报" : v.stripTrailingZeros().toPlainString() + " ㎡";
    }
}
