package org.anju.supervision;

import org.anju.progress.Rates;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * One 进度要求 checked for one unit at the end of a month: how it was measured and what came out. Every milestone
 * of the year gets one — met, missed, not yet due, or why it could not be measured — so none is silently skipped.
 *
 * @param what   what is measured: an indicator's name, or the selected projects and stage ("2022年项目完工（小区）")
 * @param rate   percent reached; null when not measured
 * @param basis  how it was measured: 月报数据, 项目库（N个项目）, or why not
 */
public record MilestoneCheck(String regionCode, String regionName, String what, LocalDate dueOn,
                             BigDecimal thresholdPercent, Status status, BigDecimal rate, String basis, String plan,
                             String quote, String indicatorCode) {

    public enum Status {
        MET("已达到"),
        MISSED("未达到"),
        PENDING("未到期"),
        UNREPORTED("未报送"),
        NO_DATA("无可核对数据"),
        MANUAL("须人工核对");

        private final String label;

        Status(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    public String requirement() {
        return dueOn + "前" + (thresholdPercent == null ? "完成" : "达到" + Rates.figure(thresholdPercent) + "%");
    }

    public String rateText() {
        return rate == null ? Rates.NONE : Rates.format(rate);
    }

    MilestoneAlert alert() {
        return new MilestoneAlert(regionCode, regionName, indicatorCode, what, dueOn, thresholdPercent, rate, plan, quote);
    }
}
