package org.anju.rental.subsidy;

import java.util.Arrays;
import java.util.Optional;

/**
 * 不足月: what a month an agreement covers only in part (stopped on the 15th) is paid — stated in the city's parameter
 * file ("不足月	按日折算"); a roll of a city whose file does not say is refused, never paid by a guess.
 */
public enum PartialMonth {
    /** 按日折算: the month's amount × days covered ÷ days of the month, rounded to the fen (half up). */
    PRORATE("按日折算"),
    /** 全月: the whole month's amount. */
    FULL("全月"),
    /** 不发: nothing for that month. */
    NONE("不发");

    private final String label;

    PartialMonth(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    static Optional<PartialMonth> parse(String text) {
        return Arrays.stream(values()).filter(p -> p.label.equals(text) || p.name().equals(text)).findFirst();
    }
}
