package org.anju.plan;

/**
 * What a printed figure is: a task handed down, what was done by a date, or the share of one in the other.
 * A table's column is exactly one of these, decided when it is imported (never assumed).
 */
public enum FigureKind {
    /** 目标任务, 计划, 年度任务, 计划任务数. */
    TARGET("目标任务"),
    /** 完成数: 已开工, 开工数, 开工量, 已发放户数, 累计完成投资. */
    ACTUAL("完成数"),
    /** 完成率: 开工率, 完成率, a percentage, 全部开工. */
    RATE("完成率");

    private final String label;

    FigureKind(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
