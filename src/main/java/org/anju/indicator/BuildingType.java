package org.anju.indicator;

import java.util.Arrays;
import java.util.Optional;

/** 楼型: seed 001 gives 结转高层 and 结转多层 续建项目 different 基本建成 years, so the register must tell them apart. */
public enum BuildingType {
    HIGH_RISE("高层"),
    MULTI_STOREY("多层"),
    LOW_RISE("低层");

    private final String label;

    BuildingType(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    public static Optional<BuildingType> parse(String text) {
        String t = text == null ? "" : text.strip();
        return Arrays.stream(values()).filter(b -> b.name().equals(t) || b.label.equals(t)
                || t.equals(b.label + "建筑") || t.equals(b.label + "住宅")).findFirst();
    }

    public static String choices() {
        return String.join("、", Arrays.stream(values()).map(BuildingType::label).toList());
    }
}
