package org.anju.rental.application;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;

/** Dates as official documents print them: 2025年3月2日. */
public final class Dates {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyy年M月d日");

    private Dates() {
    }

    public static String day(LocalDate d) {
        return d == null ? "" : DAY.format(d);
    }
}
