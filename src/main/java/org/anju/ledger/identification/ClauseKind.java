package org.anju.ledger.identification;

import java.util.Arrays;
import java.util.Optional;

/** What a clause of a 认定 notice is. */
public enum ClauseKind {
    /** 排除: "严禁将……纳入棚改" — a project the clause describes cannot be identified. */
    EXCLUSION("排除"),
    /** 必备: a condition the project must meet. */
    REQUIRED("必备"),
    /** 优先: a priority (重点安排), not a condition. */
    PRIORITY("优先");

    private final String label;

    ClauseKind(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    static Optional<ClauseKind> parse(String text) {
        return Arrays.stream(values()).filter(k -> k.label.equals(text) || k.name().equalsIgnoreCase(text)).findFirst();
    }
}
