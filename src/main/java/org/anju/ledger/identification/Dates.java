package org.anju.ledger.identification;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;

/** Dates as official documents write them: 2021年3月23日. */
public final class Dates {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyy年M月d日");

    private Dates() {
    }

    public static String day(LocalDate d) {
        return d == null ? "" : DAY.format(d);
    }
}
