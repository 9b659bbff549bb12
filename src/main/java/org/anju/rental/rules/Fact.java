package org.anju.rental.rules;

/**
 * What a criterion compares, computed from a household's declared and verified records ({@link Household}); the
 * names are those of the cities' rule texts.
 */
public enum Fact {
    MEMBERS("家庭人口", "人"),
    APPLICANT_AGE("申请人年龄", "周岁"),
    /** Σ members' annual income ÷ 12 ÷ members; unproven working-age income at the rule set's assumed income. */
    PER_CAPITA_MONTHLY_INCOME("人均月收入", "元"),
    /** Σ area of the housing the family holds ÷ members. */
    PER_CAPITA_AREA("人均住房建筑面积", "平方米"),
    HUKOU_YEARS("本市户籍年限", "年"),
    INSURANCE_MONTHS("社保或公积金连续缴存", "个月"),
    MONTHS_SINCE_GRADUATION("毕业时间", "个月"),
    /** Months the family has belonged to a group (低保, 特困 …); the criterion names the groups. */
    GROUP_MONTHS("享受困难救助", "个月"),
    /** Whether the applicant, spouse or minor children hold a home, shop or office in the city. */
    HOLDS_PROPERTY("本市拥有住房或非住宅", ""),
    HAS_RESIDENCE_PERMIT("持有本市居住证", "");

    private final String label;
    private final String unit;

    Fact(String label, String unit) {
        this.label = label;
        this.unit = unit;
    }

    public String label() {
        return label;
    }

    public String unit() {
        return unit;
    }

    public boolean yesNo() {
        return this == HOLDS_PROPERTY || this == HAS_RESIDENCE_PERMIT;
    }

    /**
     * Whether the household's figure is personal data: the per-capita income is worked out from the members' sealed
     * incomes (for a one-person household it is the income ÷ 12), so a check states only whether it meets the rule,
     * never the figure — which would be stored in clear, copied into the audit trail and backups, and shown to every
     * reader of the application, 查看/审计 and 省级 included, who may not see incomes (privacy review 2026-12-03).
     */
    public boolean personal() {
        return this == PER_CAPITA_MONTHLY_INCOME;
    }
}
