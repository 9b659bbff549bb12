package org.anju.supervision;

import org.anju.progress.Rates;

import java.math.BigDecimal;

/** A unit's place in a ranking; equal rates share a rank, units without a rate come last unranked. */
public record RankedUnit(Integer rank, String regionCode, String regionName, BigDecimal actual, BigDecimal target,
                         BigDecimal rate, boolean belowAverage) {

    public String rateText() {
        return Rates.format(rate);
    }
}
