package org.anju.ledger.item;

import java.time.LocalDate;

/** Dates as official documents write them: 2025年3月2日. */
public final class Dates {
    private Dates() {
    }

    public static String chinese(LocalDate d) {
        return d == null ? "" : d.getYear() + "年" + d.getMonthValue() + "月" + d.getDayOfMonth() + "日";
    }
}
