package org.anju.supervision;

import org.anju.progress.Rates;

import java.math.BigDecimal;

/** A unit whose rate is below the 序时进度 (time-elapsed schedule, or a stricter plan milestone). */
public record LaggingUnit(String regionCode, String regionName, String indicatorCode, String indicatorName,
                          String rateName, BigDecimal rate, BigDecimal expected, String basis) {

    public String message() {
        return regionName + indicatorName + rateName + Rates.format(rate) + "，低于序时进度 " + Rates.format(expected)
                + "（" + basis + "）";
    }
}
