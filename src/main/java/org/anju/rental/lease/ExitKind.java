package org.anju.rental.lease;

import java.util.Arrays;
import java.util.Optional;

/** Why a lease ends (退出/腾退), as the figures count them. */
public enum ExitKind {
    /** 自愿退出: the tenant applies (OPERATIONS.md §4.6). */
    VOLUNTARY("自愿退出"),
    /** 不再符合条件: found at 年审/动态复核; a 搬迁期 at the rules' rent, then the overstay rent. */
    INELIGIBLE("不再符合条件"),
    /** 违规收回: 转租转借, 闲置, 欠租 … with the rules' penalties and a ban. */
    VIOLATION("违规收回"),
    /** 期满未续租: the lease ran out without renewal; a 搬迁期 as for INELIGIBLE. */
    EXPIRED("期满未续租");

    private final String label;

    ExitKind(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** Whether the household gets the rules' 搬迁期 before the overstay rent. */
    public boolean grace() {
        return this == INELIGIBLE || this == EXPIRED;
    }

    public static Optional<ExitKind> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        String t = text.strip();
        return Arrays.stream(values()).filter(k -> k.name().equalsIgnoreCase(t) || k.label.equals(t)).findFirst();
    }
}
