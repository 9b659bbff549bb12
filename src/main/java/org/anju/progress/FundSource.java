package org.anju.progress;

import java.util.Arrays;
import java.util.Optional;

/** Where housing-program money comes from (资金来源); fund figures are reported per source. */
public enum FundSource {
    CENTRAL_SUBSIDY("中央补助"),
    PROVINCIAL_SUBSIDY("省级补助"),
    REWARD_SUBSIDY("奖补资金"),
    SPECIAL_BOND("专项债券"),
    /** A unit that reports only its totals, as seed 004's 附件3 does. */
    UNSPECIFIED("未分来源");

    private final String label;

    FundSource(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** By code or Chinese label. */
    public static Optional<FundSource> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        String t = text.strip();
        return Arrays.stream(values()).filter(s -> s.name().equalsIgnoreCase(t) || s.label.equals(t)
                || (t.length() >= 2 && s.label.startsWith(t))).findFirst();
    }
}
