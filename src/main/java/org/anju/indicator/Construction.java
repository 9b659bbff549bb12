package org.anju.indicator;

import java.util.Arrays;
import java.util.Optional;

/** 建设方式 (筹集方式): how the housing is provided; milestones and 通报 treat 新建 apart from 收购 or 改建. */
public enum Construction {
    NEW("新建"),
    REBUILD("改建"),
    EXPAND("扩建"),
    RENOVATE("改造"),
    PURCHASE("收购"),
    LEASE("租赁");

    private final String label;

    Construction(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    public static Optional<Construction> parse(String text) {
        String t = text == null ? "" : text.strip();
        return Arrays.stream(values()).filter(c -> c.name().equals(t) || c.label.equals(t)).findFirst();
    }

    public static String choices() {
        return String.join("、", Arrays.stream(values()).map(Construction::label).toList());
    }
}
