package org.anju.rental.subsidy;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Arrays;
import java.util.Optional;

/** 发放周期: how often a city pays its subsidies — stated in its parameter file, never assumed. */
public enum Cycle {
    /** 按月: a roll per month. */
    MONTHLY("按月", 1),
    /** 按季: a roll per calendar quarter (1–3, 4–6, 7–9, 10–12 月). */
    QUARTERLY("按季", 3);

    private final String label;
    private final int months;

    Cycle(String label, int months) {
        this.label = label;
        this.months = months;
    }

    public String label() {
        return label;
    }

    public int months() {
        return months;
    }

    /** The first day of the period holding {@code month}. */
    public LocalDate start(YearMonth month) {
        int first = (month.getMonthValue() - 1) / months * months + 1;
        return LocalDate.of(month.getYear(), first, 1);
    }

    /** The period as officials name it: 2025年3月, 2025年第一季度. */
    public String name(LocalDate start) {
        return this == MONTHLY ? start.getYear() + "年" + start.getMonthValue() + "月"
                : start.getYear() + "年第" + "一二三四".charAt((start.getMonthValue() - 1) / 3) + "季度";
    }

    static Optional<Cycle> parse(String text) {
        return Arrays.stream(values()).filter(c -> c.label.equals(text) || c.name().equals(text)).findFirst();
    }
}
