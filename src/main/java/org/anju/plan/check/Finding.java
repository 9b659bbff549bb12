package org.anju.plan.check;

import org.anju.plan.BreakdownTable;
import org.anju.plan.BreakdownTable.Column;
import org.anju.plan.BreakdownTable.Row;
import org.anju.plan.Cell;
import org.anju.plan.StatedTotal;
import org.anju.region.Region;

import java.math.BigDecimal;
import java.util.List;

/**
 * An inconsistency between figures that should agree, with where it is and by how much.
 * <p>
 * Built by the factory of its kind ({@link #totalVsRows}, {@link #parentVsChildren}, {@link #periodVsYears},
 * {@link #rateVsFigures}, {@link #duplicateRow}, {@link #statedTotal}, {@link #refinement},
 * {@link #notAllocated}), which takes only what that kind has and words the message; the canonical constructor is
 * for those factories alone (ArchitectureRulesTest holds every other class to them).
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

    // ---- within a table ---------------------------------------------------------------------------

    /**
     * A 合计 row that is not the sum of the rows under it: 附件6「全省」行「…」：合计行为 1062，各行之和为 1265，相差 -203.
     *
     * @param column the column's index in the table
     */
    public static Finding totalVsRows(String planLabel, BreakdownTable table, Row total, int column,
                                      BigDecimal rowsSum) {
        return againstSum(FindingKind.TOTAL_VS_ROWS, planLabel, table, total, column, "合计行为", "各行之和", rowsSum);
    }

    /** A row with rows under it (a city and its counties) that is not their sum. */
    public static Finding parentVsChildren(String planLabel, BreakdownTable table, Row parent, int column,
                                           BigDecimal childrenSum) {
        return againstSum(FindingKind.PARENT_VS_CHILDREN, planLabel, table, parent, column, "填报", "所属各行之和",
                childrenSum);
    }

    /**
     * A multi-year table's 合计 column that is not the sum of the year columns of its indicator and kind.
     *
     * @param period      the 合计 column's index
     * @param yearColumns the indexes of the year columns it should add up
     */
    public static Finding periodVsYears(String planLabel, BreakdownTable table, Row row, int period,
                                        List<Integer> yearColumns, BigDecimal yearsSum) {
        String yearList = String.join("、", yearColumns.stream().map(c -> table.columns().get(c).year() + "年").toList());
        return againstSum(FindingKind.PERIOD_VS_YEARS, planLabel, table, row, period, "填报", yearList + "之和", yearsSum);
    }

    /**
     * A printed rate that is not the row's actual ÷ base (its target, or another figure such as 计划投资).
     *
     * @param rate     the rate column's index
     * @param actual   the index of the column divided
     * @param base     the index of the column divided by
     * @param computed actual × 100 ÷ base, unrounded
     */
    public static Finding rateVsFigures(String planLabel, BreakdownTable table, Row row, int rate, int actual,
                                        int base, BigDecimal computed) {
        Cell printed = row.cell(rate);
        Column a = table.columns().get(actual);
        Column b = table.columns().get(base);
        String shown = computed.setScale(Math.max(printed.scale(), 1), java.math.RoundingMode.HALF_UP).toPlainString();
        return inTable(FindingKind.RATE_VS_FIGURES, planLabel, table, row, rate, computed,
                table.displayLabel() + "「" + row.label() + "」行「" + table.columns().get(rate).headerText() + "」印为 "
                        + printed.printed() + (printed.words() != null ? "" : "%") + "，「" + a.headerText() + "」÷「"
                        + b.headerText() + "」= " + a.printed(row.cell(actual)) + " ÷ " + b.printed(row.cell(base))
                        + " = " + shown + "%");
    }

    /** The same unit listed twice in one table: {@code first} where it was, {@code again} where it is repeated. */
    public static Finding duplicateRow(String planLabel, BreakdownTable table, Row first, Row again) {
        Region r = again.region();
        return new Finding(FindingKind.DUPLICATE_ROW, planLabel, table.displayLabel(), again.sourceRow(),
                again.label(), r.code(), r.name(), null, null, null, null, null, null, null,
                table.displayLabel() + "「" + r.name() + "」出现两次（" + rowRef(first) + "、" + rowRef(again) + "）");
    }

    // ---- the text ---------------------------------------------------------------------------------

    /**
     * A total the text states that the tables do not bear out.
     *
     * @param column        the indicators as named to the user
     * @param indicatorCode the indicators' codes, joined
     * @param tables        the tables' figure for it
     * @param against       where that figure is: 附表, 附件1, or the plan above's allocation
     */
    public static Finding statedTotal(String planLabel, Region region, String column, String indicatorCode,
                                      StatedTotal stated, BigDecimal tables, String against) {
        BigDecimal difference = stated.value().subtract(tables);
        return new Finding(FindingKind.STATED_TOTAL, planLabel, null, null, region.name(), region.code(),
                region.name(), column, indicatorCode, stated.year(), tables, stated.value(), difference, against,
                "正文「" + stated.printed() + "」与" + against + " " + Precision.show(tables) + " 不符（相差 "
                        + Precision.show(difference)
                        + (stated.tolerance().signum() > 0 ? "，超出印刷精度 ±" + Precision.show(stated.tolerance()) : "")
                        + "）" + (stated.quote() == null ? "" : "。原文：" + stated.quote()));
    }

    // ---- against the level above -------------------------------------------------------------------

    /**
     * This plan's figure for a unit (or for the issuer as a whole) that is not what the level above allocated to it.
     *
     * @param tableLabel where this plan's figure is, null when it has none
     * @param sourceRow  the row when this plan prints one for the unit itself (not a sum of its units' rows)
     * @param rowLabel   the unit as named in the message (赣州市合计, 大余县, 赣州市中心城区)
     * @param column     the upper table's column: the year and indicator allocated
     * @param planned    this plan's figure, null when it lists none
     * @param allocated  what the level above printed
     * @param against    the upper plan, table and row: 赣建保〔2023〕1号 附件4「大余县」
     */
    public static Finding refinement(String planLabel, String tableLabel, Integer sourceRow, String rowLabel,
                                     Region region, String regionName, Column column, BigDecimal planned,
                                     Cell allocated, String against) {
        BigDecimal printed = planned == null ? BigDecimal.ZERO : planned;
        BigDecimal difference = printed.subtract(allocated.orZero());
        return new Finding(FindingKind.REFINEMENT, planLabel, tableLabel, sourceRow, rowLabel, region.code(),
                regionName, allocatedName(column), column.indicator().code(), column.year(), allocated.orZero(),
                printed, difference, against,
                "「" + rowLabel + "」" + allocatedName(column) + "：本计划 "
                        + (planned == null ? "未列" : Precision.show(planned)) + "，" + against + "下达 "
                        + shown(allocated) + "，相差 " + Precision.show(difference));
    }

    /**
     * A unit this plan gives a task that the level above, which did break the area down, did not (a refinement
     * against an allocation of 0).
     *
     * @param column     the index of this plan's column for the year and indicator allocated
     * @param upperTable the upper plan and table: 赣建保〔2023〕1号 附件4
     */
    public static Finding notAllocated(String planLabel, BreakdownTable table, Row row, int column,
                                       String upperTable) {
        Column c = table.columns().get(column);
        Cell planned = row.cell(column);
        Region r = row.region();
        // nothing was allocated: the difference is the figure itself (as held, not rescaled by a subtraction)
        return new Finding(FindingKind.REFINEMENT, planLabel, table.displayLabel(), row.sourceRow(), row.label(),
                r.code(), r.name(), allocatedName(c), c.indicator().code(), c.year(), BigDecimal.ZERO,
                planned.value(), planned.value(), upperTable,
                "「" + row.label() + "」" + allocatedName(c) + "：本计划 " + planned.printed() + "，" + upperTable
                        + "未下达该单位任务");
    }

    // ---- where ------------------------------------------------------------------------------------

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

    // ---- wording ----------------------------------------------------------------------------------

    /** 「…」行「…」：合计行为 1062，各行之和为 1265，相差 -203 — a cell against the sum of others. */
    private static Finding againstSum(FindingKind kind, String planLabel, BreakdownTable table, Row row, int column,
                                      String printedAs, String sumName, BigDecimal sum) {
        Cell printed = row.cell(column);
        return inTable(kind, planLabel, table, row, column, sum,
                table.displayLabel() + "「" + row.label() + "」行「" + table.columns().get(column).headerText() + "」："
                        + printedAs + " " + shown(printed) + "，" + sumName + "为 " + Precision.show(sum) + "，相差 "
                        + Precision.show(printed.orZero().subtract(sum)));
    }

    /** A cell of a table against what it should be; blank counts as 0. */
    private static Finding inTable(FindingKind kind, String planLabel, BreakdownTable table, Row row, int column,
                                   BigDecimal expected, String message) {
        Column c = table.columns().get(column);
        BigDecimal printed = row.cell(column).orZero();
        return new Finding(kind, planLabel, table.displayLabel(), row.sourceRow(), row.label(), row.region().code(),
                row.region().name(), c.headerText(), c.indicator().code(), c.year(), expected, printed,
                printed.subtract(expected), null, message);
    }

    /** 2023年城市棚户区改造开工（套）. */
    private static String allocatedName(Column column) {
        return column.year() + "年" + column.indicator().displayName();
    }

    private static String shown(Cell c) {
        return c.blank() ? "空白" : c.printed();
    }

    private static String rowRef(Row r) {
        return r.sourceRow() == null ? "第 " + r.seq() + " 行" : "第 " + r.sourceRow() + " 行";
    }
}
