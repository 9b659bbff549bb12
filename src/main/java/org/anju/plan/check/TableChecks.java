package org.anju.plan.check;

import org.anju.indicator.RateRule;
import org.anju.plan.BreakdownTable;
import org.anju.plan.BreakdownTable.Column;
import org.anju.plan.BreakdownTable.Row;
import org.anju.plan.Cell;
import org.anju.plan.FigureKind;
import org.anju.plan.RowRole;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The checks of a table against itself, arithmetic on its cells alone (no region tree, no catalogue, no
 * database): each row against the rows under it, a multi-year 合计 column against its years, a printed rate
 * against actual ÷ base, and no unit listed twice. Figures agree at the precision printed ({@link Precision}).
 */
final class TableChecks {

    private static final BigDecimal HUNDRED = new BigDecimal(100);

    private TableChecks() {
    }

    /** All checks of one table, in this order: rows, periods, rates, duplicates. */
    static List<Finding> check(String planLabel, BreakdownTable t) {
        List<Finding> findings = new ArrayList<>();
        findings.addAll(rowsAgainstRowsUnder(planLabel, t));
        findings.addAll(periodsAgainstYears(planLabel, t));
        findings.addAll(ratesAgainstFigures(planLabel, t));
        findings.addAll(duplicateUnits(planLabel, t));
        return findings;
    }

    /** Every row with rows under it (the 合计 row, a city) against their sum, column by column; rates do not add up. */
    static List<Finding> rowsAgainstRowsUnder(String planLabel, BreakdownTable t) {
        List<Finding> findings = new ArrayList<>();
        Map<Integer, List<Row>> childrenBySeq = new HashMap<>();
        for (Row r : t.rows()) {
            if (r.parentSeq() != null) {
                childrenBySeq.computeIfAbsent(r.parentSeq(), k -> new ArrayList<>()).add(r);
            }
        }
        for (Row parent : t.rows()) {
            List<Row> children = childrenBySeq.getOrDefault(parent.seq(), List.of());
            if (children.isEmpty()) {
                continue;
            }
            for (int c = 0; c < t.columns().size(); c++) {
                Column column = t.columns().get(c);
                if (column.kind() == FigureKind.RATE) {
                    continue;
                }
                Cell printed = parent.cell(c);
                Sum sum = new Sum(column.indicator());
                for (Row child : children) {
                    sum.add(child.cell(c));
                }
                if (printed.blank() && sum.allBlank) {
                    continue;
                }
                BigDecimal tolerance = sum.tolerance.add(Precision.tolerance(printed, column.indicator()));
                if (!Precision.agree(printed.orZero(), sum.value, tolerance)) {
                    findings.add(parent.role() == RowRole.TOTAL
                            ? Finding.totalVsRows(planLabel, t, parent, c, sum.value)
                            : Finding.parentVsChildren(planLabel, t, parent, c, sum.value));
                }
            }
        }
        return findings;
    }

    /** A multi-year table's 合计 columns against the year columns of the same indicator and kind, row by row. */
    static List<Finding> periodsAgainstYears(String planLabel, BreakdownTable t) {
        List<Finding> findings = new ArrayList<>();
        List<Column> columns = t.columns();
        for (int p = 0; p < columns.size(); p++) {
            Column period = columns.get(p);
            if (period.year() != null || period.kind() == FigureKind.RATE) {
                continue;
            }
            List<Integer> years = new ArrayList<>();
            for (int c = 0; c < columns.size(); c++) {
                if (columns.get(c).year() != null && columns.get(c).indicator().equals(period.indicator())
                        && columns.get(c).kind() == period.kind()) {
                    years.add(c);
                }
            }
            if (years.isEmpty()) {
                continue;
            }
            for (Row row : t.rows()) {
                Cell printed = row.cell(p);
                Sum sum = new Sum(period.indicator());
                years.forEach(c -> sum.add(row.cell(c)));
                if (printed.blank() && sum.allBlank) {
                    continue;
                }
                BigDecimal tolerance = sum.tolerance.add(Precision.tolerance(printed, period.indicator()));
                if (!Precision.agree(printed.orZero(), sum.value, tolerance)) {
                    findings.add(Finding.periodVsYears(planLabel, t, row, p, years, sum.value));
                }
            }
        }
        return findings;
    }

    /**
     * A printed rate against the row's actual ÷ its target (or ÷ 计划投资, ÷ 到位资金: {@link RateRule}), each at
     * the precision printed; "全部开工" is a rate of at least 100 %. Rows with the rate, actual or base blank, or a
     * base of 0, are not checked.
     */
    static List<Finding> ratesAgainstFigures(String planLabel, BreakdownTable t) {
        List<Finding> findings = new ArrayList<>();
        List<Column> columns = t.columns();
        for (int r = 0; r < columns.size(); r++) {
            Column rate = columns.get(r);
            if (rate.kind() != FigureKind.RATE) {
                continue;
            }
            RateRule rule = RateRule.of(rate.indicator()).orElse(null);
            int actual = find(columns, rate.indicator().code(), rate.year(), FigureKind.ACTUAL);
            int base = rule == null ? -1 : rule.fromPlan()
                    ? find(columns, rate.indicator().code(), rate.year(), FigureKind.TARGET)
                    : onlyOne(find(columns, rule.targetIndicatorCode(), rate.year(), FigureKind.TARGET),
                    find(columns, rule.targetIndicatorCode(), rate.year(), FigureKind.ACTUAL));
            if (actual < 0 || base < 0) {
                continue;
            }
            for (Row row : t.rows()) {
                Cell p = row.cell(r);
                Cell a = row.cell(actual);
                Cell b = row.cell(base);
                if (p.blank() || a.blank() || b.blank() || b.value().signum() == 0) {
                    continue;
                }
                BigDecimal computed = a.value().multiply(HUNDRED).divide(b.value(), 6, RoundingMode.HALF_UP);
                // the slack of a ÷ b from the rounding of a and b, and of the printed rate
                BigDecimal ta = Precision.tolerance(a, columns.get(actual).indicator());
                BigDecimal tb = Precision.tolerance(b, columns.get(base).indicator());
                BigDecimal high = a.value().add(ta).multiply(HUNDRED)
                        .divide(b.value().subtract(tb).max(new BigDecimal("0.000001")), 6, RoundingMode.HALF_UP);
                BigDecimal slack = high.subtract(computed).abs().add(p.words() != null ? BigDecimal.ZERO
                        : new BigDecimal("0.5").movePointLeft(p.scale()));
                boolean agrees = p.words() != null ? computed.add(slack).compareTo(HUNDRED) >= 0
                        : Precision.agree(p.value(), computed, slack);
                if (!agrees) {
                    findings.add(Finding.rateVsFigures(planLabel, t, row, r, actual, base, computed));
                }
            }
        }
        return findings;
    }

    /** The same unit in two rows (the 合计 row aside). */
    static List<Finding> duplicateUnits(String planLabel, BreakdownTable t) {
        List<Finding> findings = new ArrayList<>();
        Map<Integer, Row> seen = new LinkedHashMap<>();
        for (Row row : t.rows()) {
            if (row.role() == RowRole.TOTAL) {
                continue;
            }
            Row first = seen.putIfAbsent(row.region().id(), row);
            if (first != null) {
                findings.add(Finding.duplicateRow(planLabel, t, first, row));
            }
        }
        return findings;
    }

    /**
     * The column a rate is measured against when it is another figure (计划投资, 到位资金), read as a target in one
     * table and as an amount in another: the one present; with both there, which one is not printed, so no check.
     */
    private static int onlyOne(int a, int b) {
        return a >= 0 && b >= 0 ? -1 : Math.max(a, b);
    }

    private static int find(List<Column> columns, String indicatorCode, Integer year, FigureKind kind) {
        for (int c = 0; c < columns.size(); c++) {
            Column col = columns.get(c);
            if (col.indicator().code().equals(indicatorCode) && Objects.equals(col.year(), year) && col.kind() == kind) {
                return c;
            }
        }
        return -1;
    }
}
