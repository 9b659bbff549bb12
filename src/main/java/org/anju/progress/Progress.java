package org.anju.progress;

import org.anju.indicator.RateRule;
import org.anju.account.Access;
import org.anju.indicator.Indicator;
import org.anju.indicator.Indicators;
import org.anju.indicator.Program;
import org.anju.region.Region;
import org.anju.region.RegionKind;
import org.anju.region.Regions;
import org.springframework.stereotype.Service;

import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;

/** Roll-ups and rates for any region and month: the public face of the progress feature. */
// reads only: a read-only transaction, served by the read replica when one is configured (ReadReplicaRouting)
@Service
@org.springframework.transaction.annotation.Transactional(readOnly = true)
public class Progress {

    private final Rollups rollups;
    private final ProgressTargets targets;
    private final Indicators indicators;
    private final Regions regions;
    private final Access access;

    Progress(Rollups rollups, ProgressTargets targets, Indicators indicators, Regions regions, Access access) {
        this.rollups = rollups;
        this.targets = targets;
        this.indicators = indicators;
        this.regions = regions;
        this.access = access;
    }

    public Region region(String code) {
        return regions.byCode(code).orElseThrow(() -> new org.anju.platform.NotFound("地区不存在：" + code));
    }

    /** Every indicator of the region's subtree for the month, with targets and rates. */
    public ProgressSummary summary(String regionCode, YearMonth period) {
        Region region = region(regionCode);
        access.checkRead(region);
        return summary(region, period);
    }

    public ProgressSummary summary(Region region, YearMonth period) {
        int reported = reported(region, period);
        // a returned report leaves its sums at 0 behind: with no unit counted there is no figure at all
        Map<Fact.Key, Rollups.Total> totals = reported == 0 ? Map.of() : totals(region, period);
        return compose(region, period, reported, totals, () -> reportingUnits(region, period));
    }

    /**
     * The summaries of several regions for one month — what {@link #summary(Region, YearMonth)} gives for each, with the
     * sums, the counts of reporting units and the partly reported regions' units read in one query each instead of one
     * per region (a node's children on the dashboard, the map and the progress page). A 片区 among them is summed from
     * its members as before. The caller checks access (the regions are below one it has checked).
     */
    public List<ProgressSummary> summaries(List<Region> list, YearMonth period) {
        List<Integer> ids = list.stream().filter(r -> r.kind() != RegionKind.GROUP).map(Region::id).toList();
        Map<Integer, Integer> reported = rollups.reported(ids, period);
        Map<Integer, Map<Fact.Key, Rollups.Total>> totals = rollups.totals(
                ids.stream().filter(reported::containsKey).toList(), period);
        List<Integer> partly = list.stream().filter(r -> r.kind() != RegionKind.GROUP)
                .filter(r -> reported.getOrDefault(r.id(), 0) > 0 && reported.get(r.id()) < expected(r))
                .map(Region::id).toList();
        // the partly reported children's units that reported, in one query for all of them
        Map<Integer, List<Region>> unitsOf = new HashMap<>();
        for (Region r : list) {
            if (partly.contains(r.id())) {
                unitsOf.put(r.id(), units(r));
            }
        }
        java.util.Set<Integer> counted = rollups.reportedAmong(unitsOf.values().stream().flatMap(List::stream)
                .map(Region::id).collect(java.util.stream.Collectors.toSet()), period);
        List<ProgressSummary> summaries = new ArrayList<>();
        for (Region r : list) {
            if (r.kind() == RegionKind.GROUP) {
                summaries.add(summary(r, period));
                continue;
            }
            int n = reported.getOrDefault(r.id(), 0);
            // a region every unit of which reported was not read above: its units are asked only if a line needs them
            summaries.add(compose(r, period, n, n == 0 ? Map.of() : totals.getOrDefault(r.id(), Map.of()),
                    () -> unitsOf.containsKey(r.id())
                            ? unitsOf.get(r.id()).stream().filter(u -> counted.contains(u.id())).toList()
                            : reportingUnits(r, period)));
        }
        return summaries;
    }

    /** The summaries of the region's children ({@link #summaries}); the caller has checked access to the region. */
    public List<ProgressSummary> childSummaries(Region region, YearMonth period) {
        return summaries(regions.children(region), period);
    }

    private ProgressSummary compose(Region region, YearMonth period, int reported, Map<Fact.Key, Rollups.Total> totals,
                                    java.util.function.Supplier<List<Region>> reportingUnits) {
        int expected = expected(region);
        Counted counted = new Counted(reportingUnits, period);
        Map<String, BigDecimal> planTargets = targets.forRegion(region, period.getYear());
        Map<String, BigDecimal> tasks = planTargets;
        if (reported > 0 && reported < expected) {
            // the sums hold only the units that reported: so must the targets they are rated against, or the
            // others would count as 0 after all
            Map<String, BigDecimal> sums = new HashMap<>(targets.forUnits(counted.units(), period.getYear()));
            sums.keySet().retainAll(planTargets.keySet());
            planTargets = sums;
        }
        Map<Integer, BigDecimal> actual = new HashMap<>();
        Map<Integer, Integer> units = new HashMap<>();
        Map<Integer, Map<String, BigDecimal>> bySource = new HashMap<>();
        totals.forEach((k, t) -> {
            actual.merge(k.indicatorId(), t.value(), BigDecimal::add);
            units.merge(k.indicatorId(), t.units(), Math::max);
            if (!k.source().isEmpty()) {
                bySource.computeIfAbsent(k.indicatorId(), x -> new LinkedHashMap<>()).merge(k.source(), t.value(), BigDecimal::add);
            }
        });
        List<ProgressLine> lines = new ArrayList<>();
        for (Indicator i : indicators.all()) {
            BigDecimal a = actual.get(i.id());
            RateRule rule = RateRule.of(i).orElse(null);
            BigDecimal target = null;
            if (rule != null) {
                target = rule.fromPlan() ? planTargets.get(i.code())
                        : indicators.byCode(rule.targetIndicatorCode()).map(t -> actual.get(t.id())).orElse(null);
            } else if (planTargets.containsKey(i.code())) {
                target = planTargets.get(i.code());
            }
            if (a == null && target == null) {
                continue;
            }
            // a unit that reported and has no figure of a register stage has 0 (no project started); one that left
            // an item of the form blank said nothing (未填); nobody reporting is 未报
            BigDecimal shown = a == null && !i.entered() && rule != null && target != null && reported > 0 ? BigDecimal.ZERO : a;
            Indicator base = entered(rule);
            boolean full = units.getOrDefault(i.id(), 0) >= reported
                    && (base == null || units.getOrDefault(base.id(), 0) >= reported);
            int blanks = full || !(i.entered() || base != null) || untasked(rule, tasks.get(i.code())) ? 0
                    : unfilled(counted, i, rule, base, a, target, reported);
            lines.add(new ProgressLine(i.programCode(), i.programName(), i.code(), i.displayName(), i.stageLabel(),
                    i.measureName(), a, target, rule == null ? null : rule.name(),
                    rule == null || blanks > 0 ? null : Rates.rate(shown, target), units.getOrDefault(i.id(), 0),
                    bySource.getOrDefault(i.id(), Map.of()), reported == 0, blanks));
        }
        return new ProgressSummary(region.code(), region.name(), period, lines, reported, expected);
    }

    /**
     * A task's figure (已发放户数) of a region with no task: it has no rate for a blank to take away, so its sum is shown
     * as a sum, with "—" for the rate, not 含未填项 (review 26 M2; the form never listed such a blank). A region with a
     * task whose reporting units' own tasks do not make it up has its rate taken away by the blanks all the same.
     */
    private static boolean untasked(RateRule rule, BigDecimal task) {
        return rule != null && rule.fromPlan() && Rates.rate(BigDecimal.ONE, task) == null;
    }

    /** The typed figure a rate divides by (拨付率's 到位资金 …), or null for a plan's target or a register stage. */
    private Indicator entered(RateRule rule) {
        return rule == null || rule.fromPlan() ? null
                : indicators.byCode(rule.targetIndicatorCode()).filter(Indicator::entered).orElse(null);
    }

    /**
     * How many of the region's {@code reported} units left a typed item blank where it counts: all of them when
     * nobody filled it in (or its base); else, for a rated line, the units that left one of the figure and its base
     * blank and filled the other, and for a plan's task the units that left the figure blank — each would move the rate
     * as if the blank were 0. A blank unit without a task of its own (a 开发区 that pays no subsidies) moves nothing only
     * where the units' own tasks make up the region's: a region's task not broken down by unit (a province's figure for
     * the city) counts every blank (review 25 H2).
     *
     * @param counted the region's reporting units in the month's sums and which filled an item (each read once per summary)
     */
    private int unfilled(Counted counted, Indicator i, RateRule rule, Indicator base, BigDecimal actual, BigDecimal target,
                         int reported) {
        if (reported == 0) {
            return 0;
        }
        if (i.entered() && actual == null || base != null && target == null) {
            return reported;
        }
        if (reported == 1 || rule == null) {
            return 0;   // one unit with the figure (and its base); or no rate the blanks could move
        }
        List<Integer> ids = counted.ids();
        java.util.Set<Integer> with = counted.filled(i.id());
        if (base != null) {
            java.util.Set<Integer> withBase = counted.filled(base.id());
            return (int) ids.stream().filter(u -> with.contains(u) != withBase.contains(u)).count();
        }
        if (!i.entered()) {
            return 0;
        }
        List<Integer> blank = ids.stream().filter(u -> !with.contains(u)).toList();
        return blank.isEmpty() ? 0
                : blanksThatCount(blank, targets.ownTargets(counted.units(), counted.period.getYear(), i.code()), target);
    }

    /**
     * Of the units that left a task's figure blank, those that move the region's rate: each with a task of its own; and
     * every one of them unless the units' own tasks ({@code own}, of all the units counted) make up the region's task
     * ({@code target}) — a task not broken down by unit counts a blank unit's part at 0 whatever its own row says.
     */
    static int blanksThatCount(List<Integer> blank, Map<Integer, BigDecimal> own, BigDecimal target) {
        BigDecimal sum = own.values().stream().reduce(BigDecimal.ZERO, BigDecimal::add);
        if (target == null || sum.compareTo(target) < 0) {
            return blank.size();
        }
        return (int) blank.stream().map(own::get).filter(v -> v != null && v.signum() > 0).count();
    }

    /**
     * The typed items one unit's 月报 for the month leaves blank where a roll-up would count the blank, by the rule
     * {@link #unfilled} counts blanks by: a task's figure where the unit has that task, or where a region above it has
     * one that its units' own tasks do not make up ({@link #blanksThatCount}: the seed's 市本级, with no subsidy task
     * beside counties whose tasks make up the city's, is not one); either figure of a ratio whose other figure is filled.
     * Asked of the form before 上报, when the month's sums are not in: every unit of a region is taken as counted.
     *
     * @param filled the indicator codes the form has a figure for
     * @return their indicator codes, in catalogue order (review 25 L6: the form's list said 未填 of the 市本级's blank,
     *         which no roll-up counted, as it kept a rule of its own)
     */
    public List<String> blanksThatCount(Region unit, YearMonth period, java.util.Set<String> filled) {
        List<String> codes = new ArrayList<>();
        for (Indicator i : indicators.all()) {
            RateRule rule = RateRule.of(i).orElse(null);
            Indicator base = entered(rule);
            if (rule == null) {
                continue;
            }
            if (rule.fromPlan()) {
                // on every plan, as the roll-ups above read them (a province's reader), not the reporter's own few:
                // a county reads only its city's plans, so a province's task would seem not made up; what is
                // answered is only whether to list the item (review 26 M1)
                if (i.entered() && !filled.contains(i.code()) && Access.runAs(org.anju.account.Actor.system(regions.root()),
                        () -> taskBlankCounts(unit, period.getYear(), i.code()))) {
                    codes.add(i.code());
                }
            } else if (base != null && filled.contains(i.code()) != filled.contains(base.code())) {
                codes.add(filled.contains(i.code()) ? base.code() : i.code());
            }
        }
        return codes.stream().distinct().toList();
    }

    /** Whether the unit's blank of a task's figure moves a rate: its own task, or one above its units' tasks don't make up. */
    private boolean taskBlankCounts(Region unit, int year, String code) {
        if (Rates.rate(BigDecimal.ONE, targets.forRegion(unit, year).get(code)) != null) {
            return true;
        }
        for (Region above : regions.ancestors(unit).reversed()) {   // the nearest first: the city most often answers
            BigDecimal target = targets.forRegion(above, year).get(code);
            if (Rates.rate(BigDecimal.ONE, target) != null
                    && blanksThatCount(List.of(unit.id()), targets.ownTargets(units(above), year, code), target) > 0) {
                return true;
            }
        }
        return false;
    }

    /**
     * The reporting units in a sum and which of them filled an item in, each read once per summary (or ranking line):
     * a rate and its base ask the same item — 已发放户数 for its own line and as 线上发放's base, 到位资金 as the base of
     * 拨付 and of 支出 — and the nation's units are 2,850 (NationalBench, part blanks).
     */
    private final class Counted {
        private final java.util.function.Supplier<List<Region>> read;
        private final YearMonth period;
        private final Map<Integer, java.util.Set<Integer>> filled = new HashMap<>();
        private List<Region> units;
        private List<Integer> ids;

        Counted(java.util.function.Supplier<List<Region>> read, YearMonth period) {
            this.read = read;
            this.period = period;
        }

        List<Region> units() {
            if (units == null) {
                units = read.get();
                ids = units.stream().map(Region::id).toList();
            }
            return units;
        }

        List<Integer> ids() {
            units();
            return ids;
        }

        java.util.Set<Integer> filled(int indicatorId) {
            return filled.computeIfAbsent(indicatorId, k -> rollups.filledAmong(ids(), period, k));
        }
    }

    /** The region's reporting units (a 片区: its members') that have the month in the sums. */
    private List<Region> reportingUnits(Region region, YearMonth period) {
        List<Region> units = units(region);
        java.util.Set<Integer> reported = rollups.reportedAmong(units.stream().map(Region::id).toList(), period);
        return units.stream().filter(u -> reported.contains(u.id())).toList();
    }

    /** The reporting units of the region's subtree (a 片区: of its members'), from the region tree in memory. */
    private List<Region> units(Region region) {
        List<Region> roots = region.kind() == RegionKind.GROUP ? regions.members(region) : List.of(region);
        return roots.stream().flatMap(r -> regions.subtree(r).stream()).filter(r -> r.kind().reports()).toList();
    }

    /** How many reporting units of the region (a 片区: of its members) have the month in the sums. */
    public int reported(Region region, YearMonth period) {
        if (region.kind() != RegionKind.GROUP) {
            return rollups.reported(region.id(), period);
        }
        return regions.members(region).stream().mapToInt(m -> rollups.reported(m.id(), period)).sum();
    }

    /** How many reporting units the region has (a 片区: its members'). */
    public int expected(Region region) {
        // counted, not listed: a ranking of all counties asks this 2,850 times (issue 15)
        int n = 0;
        for (Region root : region.kind() == RegionKind.GROUP ? regions.members(region) : List.of(region)) {
            for (Region r : regions.subtree(root)) {
                if (r.kind().reports()) {
                    n++;
                }
            }
        }
        return n;
    }

    /** Drill-down: the summary of each child (groups sum their members). */
    public List<ProgressSummary> children(String regionCode, YearMonth period) {
        Region region = region(regionCode);
        access.checkRead(region);
        return childSummaries(region, period);
    }

    /** Subtree sums; a 片区 (group) is the sum of its members, never counted with them. */
    private Map<Fact.Key, Rollups.Total> totals(Region region, YearMonth period) {
        if (region.kind() != RegionKind.GROUP) {
            return rollups.totals(region.id(), period);
        }
        Map<Fact.Key, Rollups.Total> sum = new HashMap<>();
        for (Region m : regions.members(region)) {
            rollups.totals(m.id(), period).forEach((k, t) -> sum.merge(k, t,
                    (x, y) -> new Rollups.Total(x.value().add(y.value()), x.units() + y.units())));
        }
        return sum;
    }

    /** One rate for many regions at once (rankings): actual, target and rate per region id. */
    public Map<Integer, ProgressLine> lines(Region scope, List<Region> list, YearMonth period, String indicatorCode) {
        Indicator i = indicators.byCode(indicatorCode).orElseThrow(() -> new org.anju.platform.NotFound("指标不存在：" + indicatorCode));
        RateRule rule = RateRule.of(i).orElse(null);
        List<Integer> ids = list.stream().map(Region::id).toList();
        Map<Integer, BigDecimal> actual = rollups.totals(ids, period, i.id());
        Map<Integer, BigDecimal> target;
        if (rule == null || rule.fromPlan()) {
            target = targets.forRegions(scope, list, indicatorCode, period.getYear());
        } else {
            target = rollups.totals(ids, period, indicators.byCode(rule.targetIndicatorCode()).orElseThrow().id());
        }
        Map<Integer, Integer> reported = rollups.reported(ids, period);
        Indicator base = entered(rule);
        // for the regions of several units, how many figures their sums hold: where every unit's figure (and base) is
        // in, nobody left it blank, and no unit needs to be looked at (one query for them all, not three per region)
        List<Integer> several = i.entered() || base != null
                ? ids.stream().filter(id -> reported.getOrDefault(id, 0) > 1).toList() : List.of();
        Map<Integer, Integer> figures = rollups.figures(several, period, i.id());
        Map<Integer, Integer> baseFigures = base == null ? Map.of() : rollups.figures(several, period, base.id());
        Map<Integer, ProgressLine> lines = new LinkedHashMap<>();
        for (Region r : list) {
            boolean unreported = !reported.containsKey(r.id());
            BigDecimal a = unreported ? null : actual.get(r.id());
            BigDecimal t = unreported && rule != null && !rule.fromPlan() ? null : target.get(r.id());
            if (a == null && t == null) {
                continue;
            }
            int n = reported.getOrDefault(r.id(), 0);
            boolean full = n > 1 && figures.getOrDefault(r.id(), 0) >= n
                    && (base == null || baseFigures.getOrDefault(r.id(), 0) >= n);
            int blanks = unreported || full || !(i.entered() || base != null) || untasked(rule, t) ? 0
                    : unfilled(new Counted(() -> reportingUnits(r, period), period), i, rule, base, a, t, n);
            // as in a summary: 0 for a register stage nobody reached, never for an item of the form left blank
            BigDecimal shown = a == null && t != null && !unreported && !i.entered() ? BigDecimal.ZERO : a;
            lines.put(r.id(), new ProgressLine(i.programCode(), i.programName(), i.code(), i.displayName(),
                    i.stageLabel(), i.measureName(), a, t, rule == null ? null : rule.name(),
                    rule == null || blanks > 0 ? null : Rates.rate(shown, t), n, Map.of(), unreported, blanks));
        }
        return lines;
    }

    /** The programs in catalogue order, for pages and bulletins. */
    public List<Program> programs() {
        return indicators.programs();
    }

    public Indicators indicators() {
        return indicators;
    }
}
