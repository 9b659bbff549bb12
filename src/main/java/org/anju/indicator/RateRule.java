package org.anju.indicator;


import java.util.Optional;

/**
 * Which rate an indicator has and what it is measured against: a plan's target (开工率 = 开工 ÷ 年度任务)
 * or another reported figure (完成投资率 = 完成投资 ÷ 计划投资, 拨付率 = 拨付 ÷ 到位资金).
 *
 * @param targetIndicatorCode the figure divided by: the same indicator's plan target when {@code fromPlan}
 */
public record RateRule(String name, String targetIndicatorCode, boolean fromPlan) {

    public static Optional<RateRule> of(Indicator i) {
        String p = i.programCode();
        String m = i.measureCode();
        return Optional.ofNullable(switch (i.stageCode()) {
            case "START" -> new RateRule("开工率", i.code(), true);
            case "BASIC_COMPLETION" -> new RateRule("基本建成率", i.code(), true);
            case "COMPLETION" -> new RateRule("完工率", i.code(), true);
            case "ISSUE" -> "HOUSEHOLD".equals(m) ? new RateRule("发放完成率", i.code(), true) : null;
            case "INVESTMENT" -> new RateRule("完成投资率", p + ".PLANNED_INVESTMENT." + m, false);
            case "FUND_DISBURSED" -> new RateRule("拨付率", p + ".FUND_RECEIVED." + m, false);
            case "FUND_SPENT" -> new RateRule("支出率", p + ".FUND_RECEIVED." + m, false);
            case "ISSUE_ONLINE" -> new RateRule("线上发放率", p + ".ISSUE." + m, false);
            case "DATA_ENTRY" -> new RateRule("录入率", p + ".NEW_BENEFICIARY." + m, false);
            // 分配入住率: of what was handed over in the year, how much households moved into
            case "OCCUPANCY" -> new RateRule("分配入住率", p + ".DELIVERY." + m, false);
            default -> null;
        });
    }
}
