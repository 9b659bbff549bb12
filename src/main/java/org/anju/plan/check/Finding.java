package org.anju.plan.check;

import java.math.BigDecimal;

/**
 * An inconsistency between figures that should agree, with where it is and by how much.
 *
 * @param planLabel  the plan's 文号 (or title)
 * @param tableLabel 附件6, or null for the plan's text
 * @param sourceRow  the row in the imported file, when known
 * @param rowLabel   the row as printed (全省, 大余县, 中心城区)
 * @param column     the column's header cells joined with ·, or the indicator's name
 * @param expected   what the figure should be: the sum of the rows, the allocation from above, the table total
 * @param printed    what is printed; blank counts as 0
 * @param difference printed − expected
 * @param against    for comparisons with another document: which one and where (赣建保〔2023〕1号 附件4「大余县」)
 */
public record Finding(FindingKind kind, String planLabel, String tableLabel, Integer sourceRow, String rowLabel,
                      String regionCode, String regionName, String column, String indicatorCode, Integer year,
                      BigDecimal expected, BigDecimal printed, BigDecimal difference, String against, String message) {

    /** "赣建保〔2023〕1号 附件6 第 412 行「全省」" */
    public String location() {
        StringBuilder b = new StringBuilder(planLabel);
        if (tableLabel != null) {
            b.append(' ').append(tableLabel);
        } else {
            b.append(" 正文");
        }
        if (sourceRow != null) {
            b.append(" 第 ").append(sourceRow).append(" 行");
        }
        if (rowLabel != null) {
            b.append("「").append(rowLabel).append("」");
        }
        if (column != null) {
            b.append("·").append(column);
        }
        return b.toString();
    }
}
