package org.anju.ledger.identification;

import java.util.Arrays;
import java.util.Optional;

/**
 * A county's answer to a clause: whether the project is what the clause describes. For an 排除 clause 符合 means the
 * exclusion hits (the project cannot be identified); 不符合 means it does not, which needs evidence before approval.
 * For a 必备 clause 符合 means the condition is met (evidence needed), 不符合 that it is not.
 */
public enum Answer {
    MATCHES("符合"),
    DOES_NOT_MATCH("不符合"),
    NOT_APPLICABLE("不适用");

    private final String label;

    Answer(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    public static Optional<Answer> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        String t = text.strip();
        return Arrays.stream(values()).filter(a -> a.label.equals(t) || a.name().equalsIgnoreCase(t)).findFirst();
    }
}
