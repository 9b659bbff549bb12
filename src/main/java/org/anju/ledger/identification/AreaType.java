package org.anju.ledger.identification;

import java.util.Arrays;
import java.util.Optional;

/** 棚户区类型: the positive definitions (OPERATIONS.md §8.5; 马鞍山雨山区 definitions; seed 003 §五). */
public enum AreaType {
    CITY_SHANTY("城市棚户区"),
    STATE_MINING("国有工矿棚户区"),
    FOREST_RECLAMATION("国有林区（垦区）棚户区"),
    URBAN_VILLAGE("城中村"),
    DANGEROUS("城市危房");

    private final String label;

    AreaType(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    public static Optional<AreaType> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        String t = text.strip();
        return Arrays.stream(values()).filter(a -> a.label.equals(t) || a.name().equalsIgnoreCase(t)
                || (a == STATE_MINING && t.equals("国有工矿")) || (a == FOREST_RECLAMATION && (t.equals("国有林区垦区")
                || t.equals("国有林区") || t.equals("国有垦区")))).findFirst();
    }

    static String choices() {
        return String.join("、", Arrays.stream(values()).map(AreaType::label).toList());
    }
}
