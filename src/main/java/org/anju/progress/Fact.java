package org.anju.progress;

import java.math.BigDecimal;

/**
 * A cumulative-to-date figure of one reporting unit for a month.
 *
 * @param source a {@link FundSource} name for funds, "" otherwise
 */
public record Fact(int indicatorId, String source, BigDecimal value) {

    public Fact {
        source = source == null ? "" : source;
    }

    public Key key() {
        return new Key(indicatorId, source);
    }

    public record Key(int indicatorId, String source) {
    }
}
