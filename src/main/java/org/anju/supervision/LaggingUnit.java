package org.anju.supervision;

import org.anju.progress.Rates;

import java.math.BigDecimal;

/**
 * A unit whose rate is below the 序时进度 (time-elapsed schedule, or a stricter plan milestone): the one definition the
 * supervision page and the bulletin (通报) share (issue 14).
 *
 * @param milestone the schedule is a plan's 进度要求 ({@code basis} names it), not month/12
 */
public record LaggingUnit(String regionCode, String regionName, String indicatorCode, String indicatorName,
                          String rateName, BigDecimal rate, BigDecimal expected, String basis, boolean milestone) {

    /** 甘州区住房租赁补贴发放完成率98.0%，低于序时进度100%（plan basis only for a milestone）. */
    public String message() {
        return regionName + subject(indicatorName, rateName) + rateName + Rates.format(rate) + "，低于序时进度"
                + Rates.figure(expected) + "%" + (milestone ? "（" + basis + "）" : "");
    }

    /**
     * What the rate is of, without saying it twice: 住房租赁补贴发放（户） with 发放完成率 → 住房租赁补贴 (the measure in
     * brackets and the verb the rate's name repeats are dropped); 城镇老旧小区改造完成投资 with 完成投资率 → 城镇老旧小区改造.
     */
    public static String subject(String indicatorName, String rateName) {
        String name = indicatorName.replaceFirst("（[^（）]*）$", "").replaceFirst("\\([^()]*\\)$", "").strip();
        String verb = rateName.endsWith("完成率") ? rateName.substring(0, rateName.length() - 3)
                : rateName.endsWith("率") ? rateName.substring(0, rateName.length() - 1) : rateName;
        for (String v : java.util.List.of(verb, verb.replaceFirst("^完成", ""))) {
            if (!v.isEmpty() && name.endsWith(v) && name.length() > v.length()) {
                return name.substring(0, name.length() - v.length());
            }
        }
        return name;
    }
}
