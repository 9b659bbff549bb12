package org.anju.ledger.item;

import java.util.Arrays;
import java.util.Optional;

/** What kind of body a 责任单位 is. */
public enum UnitKind {
    GOVERNMENT("政府部门"), STATE_ENTERPRISE("国有企业"), OTHER("其他");

    private final String label;

    UnitKind(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    public static Optional<UnitKind> parse(String text) {
        return Arrays.stream(values()).filter(k -> k.name().equals(text) || k.label.equals(text)).findFirst();
    }
}
