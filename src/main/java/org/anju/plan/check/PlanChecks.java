package org.anju.plan.check;

import org.anju.indicator.Indicator;
import org.anju.plan.BreakdownTable;
import org.anju.plan.BreakdownTable.Column;
import org.anju.plan.BreakdownTable.Row;
import org.anju.plan.Cell;
import org.anju.plan.FigureKind;
import org.anju.plan.PlanDraft;
import org.anju.plan.RowRole;
import org.anju.plan.StatedTotal;
import org.anju.region.Region;
import org.anju.region.RegionKind;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

/**
 * Checks a plan draft: every table against itself ({@link TableChecks}), the totals its text states against its
 * tables, and its figures against what plans of the levels above allocated to it. Plain code on drafts and a
 * region tree — the application wires it to its regions and indicators in {@link PlanChecker}; a test hands it
 * drafts and regions built in code.
 */
final class PlanChecks {

    private final RegionTree regions;
    private final Function<String, Indicator> indicators;

    /** @param indicators the indicator of a code (every code a stated total names is one) */
    PlanChecks(RegionTree regions, Function<String, Indicator> indicators) {
        this.regions = regions;
        this.indicators = indicators;
    }

    /**
     * @param upper plans issued above this plan's issuer that share a year with it (the allocations it refines)
     */
    List<Finding> check(PlanDraft subject, List<PlanDraft> upper) {
        List<Finding> findings = new ArrayList<>();
        for (BreakdownTable t : subject.tables()) {
            findings.addAll(TableChecks.check(subject.plan().label(), t));
        }
        for (StatedTotal s : subject.statedTotals()) {
            statedTotal(subject, upper, s).ifPresent(findings::add);
        }
        for (PlanDraft u : upper) {
            findings.addAll(refinement(subject, u));
        }
        return findings;
    }

    // ---- the plan's text --------------------------------------------------------------------------

    /**
     * A total the text states against the plan's own tables, failing those against what the levels above allocated;
     * nothing when no table states the figure.
     */
    Optional<Finding> statedTotal(PlanDraft subject, List<PlanDraft> upper, StatedTotal s) {
        Region region = regions.byCode(s.regionCode()).orElseThrow();
        Sum sum = null;
        String where = null;
        for (PlanDraft source : sourcesFor(subject, upper)) {
            Sum candidate = new Sum(null);
            boolean all = true;
            for (String code : s.indicatorCodes()) {
                Indicator indicator = indicators.apply(code);
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
            return Optional.empty();     // no table states this figure: nothing to compare with
        }
        BigDecimal tolerance = sum.tolerance.add(s.tolerance());
        if (Precision.agree(s.value(), sum.value, tolerance)) {
            return Optional.empty();
        }
        String names = String.join("＋", s.indicatorCodes().stream().map(c -> indicators.apply(c).displayName()).toList());
        return Optional.of(Finding.statedTotal(subject.plan().label(), region, names,
                String.join("+", s.indicatorCodes()), s, sum.value, where));
    }

    /** The plan's own tables first; failing those, what the levels above allocated. */
    private static List<PlanDraft> sourcesFor(PlanDraft subject, List<PlanDraft> upper) {
        List<PlanDraft> list = new ArrayList<>();
        list.add(subject);
        list.addAll(upper);
        return list;
    }

    // ---- against the level above -------------------------------------------------------------------

    /**
     * Each target the upper plan allocates inside this plan's area, for a year this plan covers, against this plan's
     * figure for the unit (its row, else the sum of its units' rows); and the units this plan gives a task that the
     * upper plan, breaking the area down, left out.
     */
    List<Finding> refinement(PlanDraft subject, PlanDraft upperPlan) {
        List<Finding> findings = new ArrayList<>();
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
                    compareAllocation(subject, upperPlan, ut, ur, column, uc, issuer, mine).ifPresent(findings::add);
                }
                if (!covering.isEmpty()) {
                    findings.addAll(unallocated(subject, upperPlan, ut, covering, mine));
                }
            }
        }
        return findings;
    }

    private Optional<Finding> compareAllocation(PlanDraft subject, PlanDraft upperPlan, BreakdownTable ut, Row ur,
                                                Column column, int uc, Region issuer, List<Located> mine) {
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
            return Optional.empty();
        }
        BigDecimal tolerance = sum.tolerance.add(Precision.tolerance(allocated, column.indicator()));
        if (Precision.agree(sum.value, allocated.orZero(), tolerance)) {
            return Optional.empty();
        }
        String against = upperPlan.plan().label() + " " + ut.displayLabel() + "「" + ur.label() + "」";
        boolean exactRow = anchor != null && anchor.row.region().equals(u);
        String label = u.equals(issuer) ? u.name() + "合计" : exactRow ? anchor.row.label() : displayName(u);
        return Optional.of(Finding.refinement(subject.plan().label(),
                anchor == null ? null : anchor.table.displayLabel(), exactRow ? anchor.row.sourceRow() : null, label,
                u, displayName(u), column, sum.allBlank ? null : sum.value, allocated, against));
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
    private List<Finding> unallocated(PlanDraft subject, PlanDraft upperPlan, BreakdownTable ut,
                                      List<Region> covering, List<Located> mine) {
        List<Finding> findings = new ArrayList<>();
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
        return findings;
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
}
