package org.anju.rental.subsidy;

import java.util.Arrays;
import java.util.Optional;

/** Why a subsidy stops (OPERATIONS.md §4.4). */
public enum StopReason {
    /** 不再符合条件: income, housing or household changed (declared or found on a check). */
    INELIGIBLE("不再符合保障条件"),
    /** 已实物配租: the household got a public rental dwelling. */
    PUBLIC_HOUSING("已实物配租公租房"),
    /** 迁出: moved away from the city. */
    MOVED_AWAY("迁出本地"),
    /** 死亡: the applicant died (a nominee continues only through a new agreement). */
    DECEASED("申请人死亡");

    private final String label;

    StopReason(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    public static Optional<StopReason> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        String t = text.strip();
        return Arrays.stream(values()).filter(r -> r.name().equals(t) || r.label.equals(t)).findFirst();
    }

    static String choices() {
        return String.join("、", Arrays.stream(values()).map(r -> r.name() + "（" + r.label + "）").toList());
    }
}
