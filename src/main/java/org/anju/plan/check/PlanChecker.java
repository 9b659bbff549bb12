package org.anju.plan.check;

import org.anju.indicator.Indicator;
import org.anju.indicator.Indicators;
import org.anju.plan.BreakdownTable;
import org.anju.plan.BreakdownTable.Column;
import org.anju.plan.BreakdownTable.Row;
import org.anju.plan.Cell;
import org.anju.plan.FigureKind;
import org.anju.indicator.RateRule;
import org.anju.plan.Plan;
import org.anju.plan.PlanDraft;
import org.anju.plan.RowRole;
import org.anju.plan.StatedTotal;
import org.anju.region.Region;
import org.anju.region.RegionKind;
import org.anju.region.Regions;
import org.springframework.stereotype.Component;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Checks a plan: every table's rows against the rows under them, multi-year 合计 columns against the
 * years, the totals its text states against its tables, and its figures against what plans of the
 * levels above allocated to it. Works on drafts, so an import can be checked before anything is stored.
 */
@Component
public class PlanChecker {

    private final Regions regions;
    private final Indicators indicators;

    PlanChecker(Regions regions, Indicators indicators) {
        this.regions = regions;
        this.indicators = indicators;
    }

    /**
     * @param upper plans issued above this plan's issuer that share a year with it (the allocations it refines)
     */
    public List<Finding> check(PlanDraft subject, List<PlanDraft> upper) {
        List<Finding> findings = new ArrayList<>();
        for (BreakdownTable t : subject.tables()) {
            checkRows(subject.plan(), t, findings);
            checkPeriods(subject.plan(), t, findings);
            checkRates(subject.plan(), t, findings);
            checkDuplicates(subject.plan(), t, findings);
        }
        for (StatedTotal s : subject.statedTotals()) {
            checkStated(subject, upper, s, findings);
        }
        for (PlanDraft u : upper) {
            checkRefinement(subject, u, findings);
        }
        return findings;
    }

    // ---- within a table --------------------------------------------------------------------------

    private void checkRows(Plan plan, BreakdownTable t, List<Finding> findings) {
        Map<Integer, List<Row>> childrenBySeq = new java.util.HashMap<>();
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
                    continue;   // rates do not add up
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
                            ? Finding.totalVsRows(plan.label(), t, parent, c, sum.value)
                            : Finding.parentVsChildren(plan.label(), t, parent, c, sum.value));
                }
            }
        }
    }

    private void checkPeriods(Plan plan, BreakdownTable t, List<Finding> findings) {
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
                    findings.add(Finding.periodVsYears(plan.label(), t, row, p, years, sum.value));
                }
            }
        }
    }

    /**
     * A printed rate against the row's actual ÷ its target (or ÷ 计划投资, ÷ 到位资金: {@link RateRule}), each at
     * the precision printed; "全部开工" is a rate of at least 100 %.
     */
    /**
     * The column a rate is measured against when it is another figure (计划投资, 到位资金), read as a target in one
     * table and as an amount in another: the one present; with both there, which one is not printed, so no check.
     */
    private static int onlyOne(int a, int b) {
        return a >= 0 && b >= 0 ? -1 : Math.max(a, b);
    }

    private void checkRates(Plan plan, BreakdownTable t, List<Finding> findings) {
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
                BigDecimal computed = a.value().multiply(HUNDRED).divide(b.value(), 6, java.math.RoundingMode.HALF_UP);
                // the slack of a ÷ b from the rounding of a and b, and of the printed rate
                BigDecimal ta = Precision.tolerance(a, columns.get(actual).indicator());
                BigDecimal tb = Precision.tolerance(b, columns.get(base).indicator());
                BigDecimal high = a.value().add(ta).multiply(HUNDRED)
                        .divide(b.value().subtract(tb).max(new BigDecimal("0.000001")), 6, java.math.RoundingMode.HALF_UP);
                BigDecimal slack = high.subtract(computed).abs().add(p.words() != null ? BigDecimal.ZERO
                        : new BigDecimal("0.5").movePointLeft(p.scale()));
                boolean agrees = p.words() != null ? computed.add(slack).compareTo(HUNDRED) >= 0
                        : Precision.agree(p.value(), computed, slack);
                if (!agrees) {
                    findings.add(Finding.rateVsFigures(plan.label(), t, row, r, actual, base, computed));
                }
            }
        }
    }

    private static final BigDecimal HUNDRED = new BigDecimal(100);

    private static int find(List<Column> columns, String indicatorCode, Integer year, FigureKind kind) {
        for (int c = 0; c < columns.size(); c++) {
            Column col = columns.get(c);
            if (col.indicator().code().equals(indicatorCode) && Objects.equals(col.year(), year) && col.kind() == kind) {
                return c;
            }
        }
        return -1;
    }

    private void checkDuplicates(Plan plan, BreakdownTable t, List<Finding> findings) {
        Map<Integer, Row> seen = new LinkedHashMap<>();
        for (Row row : t.rows()) {
            if (row.role() == RowRole.TOTAL) {
                continue;
            }
            Row first = seen.putIfAbsent(row.region().id(), row);
            if (first != null) {
                findings.add(Finding.duplicateRow(plan.label(), t, first, row));
            }
        }
    }

    // ---- the plan's text --------------------------------------------------------------------------

    private void checkStated(PlanDraft subject, List<PlanDraft> upper, StatedTotal s, List<Finding> findings) {
        Region region = regions.byCode(s.regionCode()).orElseThrow();
        Sum sum = null;
        String where = null;
        for (PlanDraft source : sourcesFor(subject, upper)) {
            Sum candidate = new Sum(null);
            boolean all = true;
            for (String code : s.indicatorCodes()) {
                Indicator indicator = indicators.byCode(code).orElseThrow();
                Optional<Figure> f = figure(source, region, indicator, s.year());
                if (f.isEmpty()) {
                    all = false;
                    break;
                }
                candidate.addAll(f.get().sum);
            }
            if (all) {
                sum = candidate;
                where = source == subject ? "附表" : source.plan().label() + " 下达数";
                break;
            }
        }
        if (sum == null) {
            return;     // no table states this figure: nothing to compare with
        }
        BigDecimal tolerance = sum.tolerance.add(s.tolerance());
        if (!Precision.agree(s.value(), sum.value, tolerance)) {
            String names = String.join("＋", s.indicatorCodes().stream()
                    .map(c -> indicators.byCode(c).orElseThrow().displayName()).toList());
            findings.add(Finding.statedTotal(subject.plan().label(), region, names, String.join("+", s.indicatorCodes()),
                    s, sum.value, where));
        }
    }

    /** The plan's own tables first; failing those, what the levels above allocated. */
    private static List<PlanDraft> sourcesFor(PlanDraft subject, List<PlanDraft> upper) {
        List<PlanDraft> list = new ArrayList<>();
        list.add(subject);
        list.addAll(upper);
        return list;
    }

    // ---- against the level above -------------------------------------------------------------------

    private void checkRefinement(PlanDraft subject, PlanDraft upperPlan, List<Finding> findings) {
        Region issuer = regions.byId(subject.plan().issuerRegionId());
        for (BreakdownTable ut : upperPlan.tables()) {
            for (int uc = 0; uc < ut.columns().size(); uc++) {
                Column column = ut.columns().get(uc);
                Integer year = column.year();
                if (year == null || !subject.plan().covers(year) || column.kind() != FigureKind.TARGET) {
                    continue;
                }
                List<Located> mine = cells(subject, column.indicator(), year);
                if (mine.isEmpty()) {
                    continue;   // this plan does not break the indicator down: nothing to compare
                }
                List<Region> covering = new ArrayList<>();
                for (Row ur : ut.rows()) {
                    if (!regions.contains(issuer, ur.region())) {
                        continue;
                    }
                    if (!ur.region().equals(issuer)) {
                        covering.add(ur.region());
                    }
                    compareAllocation(subject, upperPlan, ut, ur, column, uc, issuer, mine, findings);
                }
                if (!covering.isEmpty()) {
                    reportUnallocated(subject, upperPlan, ut, column, covering, mine, findings);
                }
            }
        }
    }

    private void compareAllocation(PlanDraft subject, PlanDraft upperPlan, BreakdownTable ut, Row ur, Column column,
                                   int uc, Region issuer, List<Located> mine, List<Finding> findings) {
        Cell allocated = ur.cell(uc);
        Region u = ur.region();
        Sum sum = new Sum(column.indicator());
        Located anchor = null;
        if (u.equals(issuer)) {
            Optional<Figure> f = figure(subject, issuer, column.indicator(), column.year());
            if (f.isPresent()) {
                sum.addAll(f.get().sum);
                anchor = f.get().anchor;
            }
        } else {
            Optional<Located> exact = mine.stream().filter(l -> l.row.region().equals(u)).findFirst();
            if (exact.isPresent()) {
                sum.add(exact.get().cell());
                anchor = exact.get();
            } else {
                for (Located l : mine) {
                    if (l.row.role() == RowRole.DETAIL && covers(u, l.row.region())) {
                        sum.add(l.cell());
                        anchor = anchor == null ? l : anchor;
                    }
                }
            }
        }
        if (allocated.blank() && sum.allBlank) {
            return;
        }
        BigDecimal tolerance = sum.tolerance.add(Precision.tolerance(allocated, column.indicator()));
        if (Precision.agree(sum.value, allocated.orZero(), tolerance)) {
            return;
        }
        String against = upperPlan.plan().label() + " " + ut.displayLabel() + "「" + ur.label() + "」";
        boolean exactRow = anchor != null && anchor.row.region().equals(u);
        String label = u.equals(issuer) ? u.name() + "合计" : exactRow ? anchor.row.label() : displayName(u);
        findings.add(Finding.refinement(subject.plan().label(), anchor == null ? null : anchor.table.displayLabel(),
                exactRow ? anchor.row.sourceRow() : null, label, u, displayName(u), column,
                sum.allBlank ? null : sum.value, allocated, against));
    }

    /** 赣州市中心城区 rather than a bare 中心城区: groups and 市本级 are named after their city. */
    private String displayName(Region r) {
        if (r.kind() == RegionKind.GROUP || r.kind() == RegionKind.CITY_LEVEL) {
            return regions.parent(r).filter(p -> !r.name().startsWith(p.name()))
                    .map(p -> p.name() + r.name()).orElse(r.name());
        }
        return r.name();
    }

    /** Units this plan gives a task that the level above, which did break the area down, did not. */
    private void reportUnallocated(PlanDraft subject, PlanDraft upperPlan, BreakdownTable ut, Column column,
                                   List<Region> covering, List<Located> mine, List<Finding> findings) {
        for (Located l : mine) {
            if (l.row.role() != RowRole.DETAIL || l.cell().blank() || l.cell().value().signum() == 0) {
                continue;
            }
            boolean covered = covering.stream().anyMatch(u -> covers(u, l.row.region()));
            if (!covered) {
                findings.add(Finding.notAllocated(subject.plan().label(), l.table, l.row, l.column,
                        upperPlan.plan().label() + " " + ut.displayLabel()));
            }
        }
    }

    // ---- figures ---------------------------------------------------------------------------------

    /** A cell of a plan with its table and row. */
    private record Located(BreakdownTable table, Row row, int column) {
        Cell cell() {
            return row.cell(column);
        }
    }

    private record Figure(Sum sum, Located anchor) {
    }

    private static List<Located> cells(PlanDraft plan, Indicator indicator, Integer year) {
        List<Located> list = new ArrayList<>();
        for (BreakdownTable t : plan.tables()) {
            for (int c = 0; c < t.columns().size(); c++) {
                Column column = t.columns().get(c);
                if (column.indicator().equals(indicator) && Objects.equals(column.year(), year)
                        && column.kind() == FigureKind.TARGET) {
                    for (Row r : t.rows()) {
                        list.add(new Located(t, r, c));
                    }
                }
            }
        }
        return list;
    }

    /**
     * A plan's figure for a region: the row printed for it (the 合计 row when it is the issuer), else
     * the sum of the units' rows under it.
     */
    private Optional<Figure> figure(PlanDraft plan, Region region, Indicator indicator, Integer year) {
        List<Located> cells = cells(plan, indicator, year);
        if (cells.isEmpty()) {
            return Optional.empty();
        }
        boolean issuer = region.id() == plan.plan().issuerRegionId();
        for (Located l : cells) {
            if (l.row.region().equals(region) && (l.row.role() == RowRole.TOTAL || !issuer)) {
                Sum s = new Sum(indicator);
                s.add(l.cell());
                return Optional.of(new Figure(s, l));
            }
        }
        Sum s = new Sum(indicator);
        Located anchor = null;
        for (Located l : cells) {
            if (l.row.role() == RowRole.DETAIL && regions.contains(region, l.row.region())) {
                s.add(l.cell());
                anchor = anchor == null ? l : anchor;
            }
        }
        return anchor == null ? Optional.empty() : Optional.of(new Figure(s, anchor));
    }

    /** Whether an allocation to {@code u} covers unit {@code r}: r lies under u, or under a member of group u. */
    private boolean covers(Region u, Region r) {
        if (u.kind() == RegionKind.GROUP) {
            return regions.members(u).stream().anyMatch(m -> regions.contains(m, r));
        }
        return regions.contains(u, r);
    }

    // ---- small helpers ---------------------------------------------------------------------------

    /** A running sum of printed figures and of the rounding slack they carry. */
    private static final class Sum {
        private final Indicator indicator;
        BigDecimal value = BigDecimal.ZERO;
        BigDecimal tolerance = BigDecimal.ZERO;
        boolean allBlank = true;

        Sum(Indicator indicator) {
            this.indicator = indicator;
        }

        void add(Cell cell) {
            if (!cell.blank()) {
                value = value.add(cell.value());
                tolerance = tolerance.add(Precision.tolerance(cell, indicator));
                allBlank = false;
            }
        }

        void addAll(Sum other) {
            value = value.add(other.value);
            tolerance = tolerance.add(other.tolerance);
            allBlank &= other.allBlank;
        }
    }

}
