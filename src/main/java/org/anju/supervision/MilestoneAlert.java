package org.anju.supervision;

import org.anju.progress.Rates;

import java.math.BigDecimal;
import java.time.LocalDate;

/** A unit that missed a plan's 进度要求 whose date has passed. */
public record MilestoneAlert(String regionCode, String regionName, String indicatorCode, String indicatorName,
                             LocalDate dueOn, BigDecimal thresholdPercent, BigDecimal rate, String plan, String quote) {

    public String message() {
        return regionName + indicatorName + "：按进度要求应于" + dueOn + "前达到" + Rates.figure(thresholdPercent)
                + "%，目前为" + Rates.format(rate) + "（" + plan + "）";
    }
}
