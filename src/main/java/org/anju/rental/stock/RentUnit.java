package org.anju.rental.stock;

import org.anju.platform.Labels;

import java.util.Optional;

/**
 * What a rent standard is per: a square metre of floor area a month, or the whole dwelling a month. Always stored with
 * the rent and never assumed: "租金 12" says nothing until its unit is known.
 */
public enum RentUnit {
    PER_M2_MONTH("元/㎡/月"),
    PER_DWELLING_MONTH("元/套/月");

    private final String label;

    RentUnit(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** Monthly rent per ㎡ above this is not a rent per ㎡ (a dwelling's rent under the wrong unit). */
    static final int MAX_PER_M2 = 100;

    /**
     * The unit a text names: 元/㎡/月, 元/平方米·月, 元/m2/月, 元/套/月, 元/户/月, 元/月 (a dwelling's monthly rent); empty
     * for anything else, among them yearly or daily rents and a bare 元.
     */
    public static Optional<RentUnit> parse(String text) {
        if (text == null || text.isBlank()) {
            return Optional.empty();
        }
        for (RentUnit u : values()) {
            if (u.name().equalsIgnoreCase(text.strip())) {
                return Optional.of(u);
            }
        }
        String t = normalize(text);
        return switch (t) {
            case "元/㎡/月", "元/㎡月", "/㎡/月", "㎡/月" -> Optional.of(PER_M2_MONTH);
            case "元/套/月", "元/套月", "元/户/月", "元/户月", "元/月", "元/月/套", "元/月/户", "套/月" -> Optional.of(PER_DWELLING_MONTH);
            default -> Optional.empty();
        };
    }

    /** Whether the text speaks of a year or a day (a rent this module does not convert). */
    static boolean notMonthly(String text) {
        String t = normalize(text);
        return t.contains("年") || t.contains("天") || t.contains("日");
    }

    static String normalize(String text) {
        return Labels.compact(text).replace("平方米", "㎡").replace("平米", "㎡").replace("m²", "㎡").replace("M²", "㎡")
                .replace("m2", "㎡").replace("M2", "㎡").replace("·", "/").replace("•", "/").replace("／", "/")
                .replace("每", "/").replace("//", "/").replace("人民币", "");
    }
}
