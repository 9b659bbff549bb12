package org.anju.indicator;

import java.util.Arrays;
import java.util.Optional;

/**
 * 安置方式 of a shantytown project: plans set different dates by it (seed 001: 货币化安置和异地建设安置房的项目 8月底前全面
 * 开工，就地建设的 10月底前).
 */
public enum Placement {
    CASH("货币化安置"),
    OFF_SITE("异地建设安置"),
    ON_SITE("就地建设安置");

    private final String label;

    Placement(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** From the label, the code, or the short forms documents use (货币化, 异地建设, 就地建设). */
    public static Optional<Placement> parse(String text) {
        String t = text == null ? "" : text.strip();
        String core = t.replace("安置", "").replace("房", "");
        return Arrays.stream(values()).filter(p -> p.name().equals(t) || p.label.equals(t)
                || core.length() >= 2 && p.label.startsWith(core)).findFirst();
    }

    public static String choices() {
        return String.join("、", Arrays.stream(values()).map(Placement::label).toList());
    }
}
