package org.anju.plan.check;

/** What a finding compares. */
public enum FindingKind {
    /** 合计 row vs the rows under it. */
    TOTAL_VS_ROWS("合计行与各行之和不符"),
    /** a city's row vs its units' rows. */
    PARENT_VS_CHILDREN("上级行与所属各行之和不符"),
    /** a multi-year table's 合计 column vs its year columns. */
    PERIOD_VS_YEARS("合计列与分年度之和不符"),
    /** a lower level's own plan vs what the level above allocated to it. */
    REFINEMENT("与上级下达任务不符"),
    /** a total stated in the plan's text vs its tables. */
    STATED_TOTAL("正文数与附表不符"),
    /** a printed rate vs actual ÷ target in the same row. */
    RATE_VS_FIGURES("完成率与完成数÷任务数不符"),
    /** the same unit listed twice in one table. */
    DUPLICATE_ROW("同一单位重复列出");

    private final String title;

    FindingKind(String title) {
        this.title = title;
    }

    public String title() {
        return title;
    }
}
