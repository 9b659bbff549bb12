package org.anju.supervision;

import org.anju.progress.Rates;

import java.math.BigDecimal;

/**
 * Where an indicator will stand at year end if the recent trend holds.
 *
 * @param method how it was projected: the last three months' pace, or the average pace since January
 */
public record Projection(String regionCode, String regionName, String indicatorCode, String indicatorName,
                         BigDecimal actual, BigDecimal target, BigDecimal projected, BigDecimal projectedRate,
                         String method) {

    public boolean onTrack() {
        return projectedRate != null && projectedRate.compareTo(BigDecimal.valueOf(100)) >= 0;
    }

    public String projectedRateText() {
        return Rates.format(projectedRate);
    }
}
