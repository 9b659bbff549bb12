package org.anju.rental.lease;

import java.util.Arrays;
import java.util.Optional;

/**
 * What a tenant did that ends the lease (公共租赁住房管理办法 art. 27 and the arrears rule, OPERATIONS.md §4.5). Two are
 * measured from the records ({@link #measured()}): 欠租 from bills and payments, 闲置 from move-in and on-site checks;
 * the others are recorded with their evidence.
 */
public enum ViolationKind {
    SUBLET("转租转借"),
    CHANGE_OF_USE("改变用途"),
    DAMAGE("破坏或擅自装修"),
    ILLEGAL_USE("违法活动"),
    IDLE("闲置"),
    ARREARS("欠租");

    private final String label;

    ViolationKind(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    public boolean measured() {
        return this == IDLE || this == ARREARS;
    }

    /** The kind a code or label names (SUBLET, 转租转借). */
    public static Optional<ViolationKind> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        String t = text.strip();
        return Arrays.stream(values()).filter(k -> k.name().equalsIgnoreCase(t) || k.label.equals(t)).findFirst();
    }

    public static String choices() {
        return String.join("、", Arrays.stream(values()).map(k -> k.label + "（" + k.name() + "）").toList());
    }
}
