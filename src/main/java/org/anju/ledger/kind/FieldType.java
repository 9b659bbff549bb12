package org.anju.ledger.kind;

import java.util.Arrays;
import java.util.Optional;

/** The type of a kind-specific field, as its definition file names it. */
public enum FieldType {
    TEXT("文本"), DATE("日期"), AMOUNT("金额"), INTEGER("整数"), CHOICE("选项"), REGION("地区"), PROJECT("项目");

    private final String label;

    FieldType(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    static Optional<FieldType> parse(String text) {
        return Arrays.stream(values()).filter(t -> t.label.equals(text) || t.name().equals(text)).findFirst();
    }
}
