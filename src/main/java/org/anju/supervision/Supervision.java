package org.anju.supervision;

import org.anju.indicator.RateRule;
import org.anju.account.Access;
import org.anju.indicator.Indicator;
import org.anju.indicator.Indicators;
import org.anju.plan.Milestone;
import org.anju.plan.Plan;
import org.anju.plan.Plans;
import org.anju.progress.Progress;
import org.anju.progress.ProgressLine;
import org.anju.progress.ProgressSummary;
import org.anju.progress.ProgressTargets;
import org.anju.progress.Rates;
import org.anju.project.Project;
import org.anju.project.ProjectView;
import org.anju.project.Projects;
import org.anju.region.Region;
import org.anju.region.RegionKind;
import org.anju.region.Regions;
import org.springframework.stereotype.Service;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;

/**
 * Supervision (督导) of a region's units for a month: rankings, units below the region's average,
 * plan milestones missed, units behind the 序时进度, stalled projects and year-end projections.
 */
// reads only: a read-only transaction, served by the read replica when one is configured (ReadReplicaRouting)
@Service
@org.springframework.transaction.annotation.Transactional(readOnly = true)
public class Supervision {

    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    private final Progress progress;
    private final ProgressTargets targets;
    private final Plans plans;
    private final Projects projects;
    private final Regions regions;
    private final Indicators indicators;
    private final Access access;

    Supervision(Progress progress, ProgressTargets targets, Plans plans, Projects projects, Regions regions,
                Indicators indicators, Access access) {
        this.progress = progress;
        this.targets = targets;
        this.plans = plans;
        this.projects = projects;
        this.regions = regions;
        this.indicators = indicators;
        this.access = access;
    }

    // ------------------------------------------------------------------------------------ rankings

    /**
     * Ranks the scope's units by an indicator's rate.
     *
     * @param allCounties rank every county-level division below the scope, not just its children
     */
    public Ranking ranking(String scopeCode, YearMonth period, String indicatorCode, boolean allCounties) {
        Region scope = region(scopeCode);
        access.checkRead(scope);
        Indicator indicator = indicator(indicatorCode);
        List<Region> units = allCounties
                ? regions.subtree(scope).stream().filter(r -> r.kind() == RegionKind.COUNTY).toList()
                : units(scope);
        Map<Integer, ProgressLine> lines = progress.lines(scope, units, period, indicatorCode);
        // a unit that did not report — or only some of its units did (a city with 3 of 7 counties) — is no low rate
        // at the bottom: it is listed apart, out of the ranks and the average
        Map<Integer, Integer> expected = new HashMap<>();
        units.forEach(r -> expected.put(r.id(), progress.expected(r)));
        // and so is one whose report left the item blank: 未填 is no 0
        java.util.function.Predicate<Region> apart = r -> lines.get(r.id()).unreported()
                || lines.get(r.id()).units() < expected.get(r.id()) || lines.get(r.id()).unfilled() > 0;
        // a rate whose base is the unit's own figure (拨付率 = 拨付 ÷ 到位) has no line at all for a unit that did not
        // report: it is listed apart all the same
        boolean ownBase = RateRule.of(indicator).map(rule -> !rule.fromPlan()).orElse(false);
        List<Region> unreported = units.stream().filter(r -> lines.containsKey(r.id()) ? apart.test(r)
                : ownBase && expected.get(r.id()) > 0 && progress.reported(r, period) == 0).toList();
        List<Region> complete = units.stream().filter(r -> lines.containsKey(r.id()) && !apart.test(r)).toList();
        BigDecimal average = unreported.isEmpty() ? progress.summary(scope, period).rate(indicatorCode)
                : reportedAverage(complete, lines);
        List<RankedUnit> ranked = new ArrayList<>();
        List<Region> ordered = new ArrayList<>(complete);
        ordered.sort(Comparator.comparing((Region r) -> lines.get(r.id()).rate(),
                Comparator.nullsLast(Comparator.reverseOrder())));
        Integer rank = null;
        BigDecimal previous = null;
        for (int i = 0; i < ordered.size(); i++) {
            Region r = ordered.get(i);
            ProgressLine l = lines.get(r.id());
            if (l.rate() == null) {
                rank = null;
            } else if (previous == null || l.rate().compareTo(previous) != 0) {
                rank = i + 1;
            }
            previous = l.rate();
            boolean below = average != null && l.rate() != null && l.rate().compareTo(average) < 0;
            ranked.add(new RankedUnit(rank, r.code(), r.name(), l.actual(), l.target(), l.rate(), below));
        }
        RateRule rule = RateRule.of(indicator).orElse(null);
        return new Ranking(scope.code(), scope.name(), period, indicator.code(), indicator.displayName(),
                rule == null ? null : rule.name(), average, ranked,
                unreported.stream().map(r -> new Ranking.Unreported(r.code(), r.name(),
                        lines.containsKey(r.id()) ? lines.get(r.id()).units() : 0, expected.get(r.id()),
                        lines.containsKey(r.id()) ? lines.get(r.id()).unfilled() : 0,
                        lines.containsKey(r.id()) && !lines.get(r.id()).unreported() ? lines.get(r.id()).actual() : null,
                        ownBase))
                        .toList());
    }

    /** The rate of the units that reported in full, together (Σ actual ÷ Σ target): the average when some did not. */
    private static BigDecimal reportedAverage(List<Region> units, Map<Integer, ProgressLine> lines) {
        BigDecimal actual = BigDecimal.ZERO;
        BigDecimal target = BigDecimal.ZERO;
        for (Region r : units) {
            ProgressLine l = lines.get(r.id());
            if (l != null && l.target() != null && l.target().signum() > 0) {
                actual = actual.add(l.actual() == null ? BigDecimal.ZERO : l.actual());
                target = target.add(l.target());
            }
        }
        return Rates.rate(actual, target);
    }

    /**
     * The scope's children that have not reported the month, or only some of their units: what every list of
     * rates must say beside itself, since their figures are 未报, not low.
     */
    public List<Reporting> reporting(String scopeCode, YearMonth period) {
        Region scope = region(scopeCode);
        access.checkRead(scope);
        List<Reporting> list = new ArrayList<>();
        for (Region r : units(scope)) {
            int reported = progress.reported(r, period);
            int expected = progress.expected(r);
            if (reported < expected) {
                list.add(new Reporting(r.code(), r.name(), reported, expected));
            }
        }
        return list;
    }

    /** A unit that has not reported the month, or only some of its units (3 of 7). */
    public record Reporting(String regionCode, String regionName, int reported, int expected) {

        public String text() {
            return reported == 0 ? regionName + "未报送" : regionName + "已报送 " + reported + "/" + expected + " 个单位";
        }
    }

    // ---------------------------------------------------------------------------------- milestones

    /** Units (the scope and its children) that missed a milestone due by the end of the month. */
    public List<MilestoneAlert> milestoneAlerts(String scopeCode, YearMonth period) {
        return milestoneChecks(scopeCode, period).stream().filter(c -> c.status() == MilestoneCheck.Status.MISSED)
                .map(MilestoneCheck::alert).toList();
    }

    /**
     * Every milestone of the month's year for the scope and its children, each checked the way it can be: on the
     * register projects it names (前期工作, 基本建成 of 2021年结转高层, 开工 of 货币化安置), on the monthly figures of
     * its indicator (开工率, 录入率, 分配入住率), or — a work item nothing measures — listed for a person to check.
     */
    public List<MilestoneCheck> milestoneChecks(String scopeCode, YearMonth period) {
        Region scope = region(scopeCode);
        access.checkRead(scope);
        java.time.LocalDate end = period.atEndOfMonth();
        List<MilestoneCheck> checks = new ArrayList<>();
        for (Region r : withScope(scope)) {
            ProgressSummary s = null;
            for (Plan p : targets.plansFor(r, period.getYear())) {
                for (Milestone m : plans.milestones(p.id())) {
                    if (m.dueOn().getYear() != period.getYear()) {
                        continue;
                    }
                    boolean due = !m.dueOn().isAfter(end);
                    if (m.selection() != null) {
                        checks.add(onProjects(r, p, m, due, end));
                    } else if (m.indicatorCode() != null) {
                        if (s == null) {
                            s = progress.summary(r, period);
                        }
                        checks.add(onFigures(r, p, m, due, s));
                    } else {
                        checks.add(check(r, p, m, m.workItem(), MilestoneCheck.Status.MANUAL, null,
                                "平台没有衡量这一事项的数据，请人工核对", null));
                    }
                }
            }
        }
        return checks;
    }

    private MilestoneCheck onProjects(Region r, Plan p, Milestone m, boolean due, java.time.LocalDate end) {
        Milestone.Selection sel = m.selection();
        Projects.Reach reach = projects.reached(r, new Projects.Selection(m.programCode(), sel.stageCode(),
                sel.measureCode(), sel.years(), sel.placements(), sel.constructions(), sel.buildingTypes()), end);
        String stage = indicators.stages().stream().filter(x -> x.code().equals(sel.stageCode())).findFirst()
                .map(x -> x.name()).orElse(sel.stageCode());
        String measure = sel.measureCode() == null ? "按项目个数" : switch (sel.measureCode()) {
            case "UNIT" -> "按套数";
            case "HOUSEHOLD" -> "按户数";
            case "COMMUNITY" -> "按小区个数";
            case "BUILDING" -> "按栋数";
            case "AREA_10K_M2" -> "按面积";
            default -> "按" + sel.measureCode();
        };
        String program = indicators.program(m.programCode()).map(x -> x.name()).orElse(m.programCode());
        String what = program + "（" + sel.text() + "）" + stage + "（" + measure + "）";
        String code = sel.measureCode() == null ? null
                : indicators.find(m.programCode(), sel.stageCode(), sel.measureCode()).map(Indicator::code).orElse(null);
        if (reach.projects() == 0) {
            return check(r, p, m, what, MilestoneCheck.Status.NO_DATA, null, "项目库中没有符合条件的项目，无法核对", code);
        }
        BigDecimal rate = reach.rate();
        String basis = "项目库：" + reach.projects() + "个项目，其中" + reach.reachedProjects() + "个已"
                + (sel.stageCode().equals("PRELIMINARY_WORK") ? "完成前期工作" : stage)
                + (reach.unsized() > 0 && !reach.byCount() ? "；" + reach.unsized() + "个项目未填规模，未计入" : "");
        if (rate == null) {
            return check(r, p, m, what, MilestoneCheck.Status.NO_DATA, null, basis + "；所选项目均未填规模，无法核对", code);
        }
        return check(r, p, m, what, status(due, rate, m), rate, basis, code);
    }

    private MilestoneCheck onFigures(Region r, Plan p, Milestone m, boolean due, ProgressSummary s) {
        ProgressLine line = s.line(m.indicatorCode()).orElse(null);
        String what = indicators.byCode(m.indicatorCode()).map(Indicator::displayName).orElse(m.indicatorCode());
        if (s.unreported()) {
            // a month nobody reported is 未报送, not a milestone missed at 0
            return check(r, p, m, what, MilestoneCheck.Status.UNREPORTED, null, "本月未报送", m.indicatorCode());
        }
        if (line == null || line.target() == null || line.target().signum() <= 0) {
            // no task (or a task of 0) for this unit: nothing it could miss
            return check(r, p, m, what, MilestoneCheck.Status.NO_DATA, null, "没有该指标的目标或数据", m.indicatorCode());
        }
        if (line.unfilled() > 0) {
            // a blank item of the form is no 0: nothing to check it against
            return check(r, p, m, what, MilestoneCheck.Status.NO_DATA, null,
                    line.blank() ? "本月月报未填该项" : "本月月报有单位未填该项（或其基数）", m.indicatorCode());
        }
        BigDecimal rate = line.rate() == null ? BigDecimal.ZERO.setScale(1) : line.rate();
        return check(r, p, m, what, status(due, rate, m), rate, "月报数据（" + line.rateName() + "）", m.indicatorCode());
    }

    private static MilestoneCheck.Status status(boolean due, BigDecimal rate, Milestone m) {
        BigDecimal threshold = m.threshold();
        if (rate.compareTo(threshold) >= 0) {
            return MilestoneCheck.Status.MET;
        }
        return due ? MilestoneCheck.Status.MISSED : MilestoneCheck.Status.PENDING;
    }

    private static MilestoneCheck check(Region r, Plan p, Milestone m, String what, MilestoneCheck.Status status,
                                        BigDecimal rate, String basis, String indicatorCode) {
        return new MilestoneCheck(r.code(), r.name(), what, m.dueOn(), m.threshold(), status, rate, basis,
                p.label(), m.quote(), indicatorCode);
    }

    /**
     * The share of the annual target expected by the end of the month: m/12, or a plan milestone's
     * stricter path (its threshold by its date, reached in a straight line from January).
     */
    public Schedule schedule(Region region, YearMonth period, String indicatorCode) {
        return schedule(planMilestones(region, period.getYear()), period, indicatorCode);
    }

    /** The plans reaching the region in the year (nearest first), each with its milestones. */
    private record PlanMilestones(Plan plan, List<Milestone> milestones) {
    }

    private List<PlanMilestones> planMilestones(Region region, int year) {
        return targets.plansFor(region, year).stream().map(p -> new PlanMilestones(p, plans.milestones(p.id()))).toList();
    }

    /**
     * {@link #schedule(Region, YearMonth, String)} with the region's plans and milestones read once: a unit's rates
     * are checked one after the other against the same ones (a province bulletin read them again for each rate of
     * each city — two queries per plan each time, issue 15).
     */
    private Schedule schedule(List<PlanMilestones> planMilestones, YearMonth period, String indicatorCode) {
        int m = period.getMonthValue();
        BigDecimal expected = BigDecimal.valueOf(m * 100L).divide(BigDecimal.valueOf(12), 1, RoundingMode.HALF_UP);
        String basis = "序时进度 " + m + "/12";
        boolean milestone = false;
        for (PlanMilestones pm : planMilestones) {
            Plan p = pm.plan();
            for (Milestone ms : pm.milestones()) {
                // a milestone about some projects (货币化安置 only) does not set the pace of the whole target
                if (!indicatorCode.equals(ms.indicatorCode()) || ms.selection() != null
                        || ms.dueOn().getYear() != period.getYear()) {
                    continue;
                }
                int due = ms.dueOn().getMonthValue();
                BigDecimal path = m >= due ? ms.threshold()
                        : ms.threshold().multiply(BigDecimal.valueOf(m)).divide(BigDecimal.valueOf(due), 1, RoundingMode.HALF_UP);
                if (path.compareTo(expected) > 0) {
                    expected = path.setScale(1, RoundingMode.HALF_UP);
                    basis = p.label() + "：" + ms.dueOn() + "前达到 " + Rates.figure(ms.threshold()) + "%";
                    milestone = true;
                }
            }
        }
        return new Schedule(expected, basis, milestone);
    }

    /** Expected percent and why; {@code milestone}: a plan's 进度要求 set it, not month/12. */
    public record Schedule(BigDecimal expected, String basis, boolean milestone) {
    }

    /**
     * Children of the scope whose rates are behind schedule (targets from plans, and investment): what the scope's
     * bulletin names as 进度滞后. Each unit is judged by {@link #laggingOf} — the same as on its own page.
     */
    public List<LaggingUnit> lagging(String scopeCode, YearMonth period) {
        Region scope = region(scopeCode);
        access.checkRead(scope);
        List<LaggingUnit> lagging = new ArrayList<>();
        for (Region r : units(scope)) {
            lagging.addAll(laggingOf(r, period));
        }
        return lagging;
    }

    /**
     * What the supervision page of {@code scopeCode} lists as behind schedule: the region itself (a county, whose
     * page said 无 while its city's bulletin named it — it had no units below it to check), then its units.
     */
    public List<LaggingUnit> laggingOnPage(String scopeCode, YearMonth period) {
        Region scope = region(scopeCode);
        access.checkRead(scope);
        List<LaggingUnit> lagging = new ArrayList<>(laggingOf(scope, period));
        lagging.addAll(lagging(scopeCode, period));
        return lagging;
    }

    /** One region's rates behind schedule (no access check: callers check the scope). */
    private List<LaggingUnit> laggingOf(Region r, YearMonth period) {
        List<LaggingUnit> lagging = new ArrayList<>();
        List<PlanMilestones> planMilestones = null;
        for (ProgressLine l : progress.summary(r, period).lines()) {
            if (l.rate() == null || !scheduled(l)) {
                continue;
            }
            if (planMilestones == null) {
                planMilestones = planMilestones(r, period.getYear());
            }
            Schedule s = schedule(planMilestones, period, l.indicatorCode());
            if (l.rate().compareTo(s.expected()) < 0) {
                lagging.add(new LaggingUnit(r.code(), r.name(), l.indicatorCode(), l.indicatorName(), l.rateName(),
                        l.rate(), s.expected(), s.basis(), s.milestone()));
            }
        }
        return lagging;
    }

    /** Rates that should grow with the year: against plan targets, and investment. */
    private boolean scheduled(ProgressLine l) {
        Indicator i = indicator(l.indicatorCode());
        RateRule rule = RateRule.of(i).orElse(null);
        return rule != null && (rule.fromPlan() || "INVESTMENT".equals(i.stageCode()));
    }

    // ------------------------------------------------------------------------------------ projects

    /**
     * Projects of the year (and carried into it) in the scope that do not move: started while 前期手续
     * are not done, not started late in the year, no investment growth or no progress reported over
     * the last three months.
     */
    /** Projects of the scope past their promised delivery date and not delivered at the end of the month. */
    public List<OverdueDelivery> overdueDeliveries(String scopeCode, YearMonth period) {
        Region scope = region(scopeCode);
        access.checkRead(scope);
        return projects.overdueDeliveries(scope, period.atEndOfMonth()).stream().map(v -> {
            Project p = v.project();
            Region unit = region(p.regionCode());
            String where = unit.kind() == RegionKind.CITY_LEVEL || p.name().startsWith(unit.name()) ? "" : unit.name();
            return new OverdueDelivery(p.regionCode(), p.regionName(), p.id(), p.name(), p.sizeText(), p.deliveryDueOn(), where);
        }).toList();
    }

    public List<StalledProject> stalled(String scopeCode, YearMonth period) {
        Region scope = region(scopeCode);
        access.checkRead(scope);
        // the database picks the candidates by the rules below (Projects.stallCandidates); the reasons are worded here
        java.time.LocalDate end = period.atEndOfMonth();
        List<StalledProject> stalled = new ArrayList<>();
        for (Projects.StallCandidate c : projects.stallCandidates(scope, period)) {
            ProjectView v = c.view();
            Project p = v.project();
            if (p.basicCompletedOn() != null && !p.basicCompletedOn().isAfter(end)) {
                continue;
            }
            List<String> reasons = new ArrayList<>();
            boolean started = p.startedOn() != null && !p.startedOn().isAfter(end);
            if (started && p.prelimDoneOn() == null) {
                reasons.add("已开工但前期手续尚未办结");
            } else if (!started && p.prelimDoneOn() == null && period.getMonthValue() >= 6) {
                reasons.add("前期手续办理滞后，尚未开工");
            } else if (!started && period.getMonthValue() >= 10) {
                reasons.add("尚未开工");
            }
            if (started && p.startedOn().isBefore(period.minusMonths(2).atDay(1))) {
                if (v.progressPeriod() == null || v.progressPeriod().isBefore(period.minusMonths(2))) {
                    reasons.add("近3个月未报送进度");
                } else if (c.earlierPeriod() != null && v.investment().compareTo(c.earlierInvestment()) <= 0) {
                    reasons.add("近3个月累计完成投资无增长（" + Rates.figure(v.investment()) + " 万元）");
                }
            }
            if (!reasons.isEmpty()) {
                stalled.add(new StalledProject(p.id(), p.regionCode(), p.regionName(), p.programCode(),
                        indicators.program(p.programCode()).map(x -> x.name()).orElse(p.programCode()), p.year(),
                        p.name(), p.sizeText(), v.carriedOver(), List.copyOf(reasons)));
            }
        }
        return stalled;
    }

    // --------------------------------------------------------------------------------- projections

    /** Year-end projections of the scope's plan-target and investment rates from the trend. */
    public List<Projection> projections(String scopeCode, YearMonth period) {
        Region scope = region(scopeCode);
        access.checkRead(scope);
        List<Projection> list = new ArrayList<>();
        List<Region> all = withScope(scope);
        int m = period.getMonthValue();
        // the roll-ups of the scope and its units read together, not one region at a time
        List<ProgressSummary> nows = progress.summaries(all, period);
        List<ProgressSummary> earliers = m > 3 && m < 12 ? progress.summaries(all, period.minusMonths(3)) : null;
        for (int k = 0; k < all.size(); k++) {
            Region r = all.get(k);
            ProgressSummary now = nows.get(k);
            ProgressSummary earlier = earliers == null ? null : earliers.get(k);
            for (ProgressLine l : now.lines()) {
                if (l.target() == null || !scheduled(l) || l.unreported() || l.unfilled() > 0) {
                    continue;
                }
                BigDecimal actual = l.actual() == null ? BigDecimal.ZERO : l.actual();
                BigDecimal projected;
                String method;
                BigDecimal past = earlier == null ? null : earlier.actual(l.indicatorCode());
                if (m == 12) {
                    projected = actual;
                    method = "年末实际";
                } else if (past != null) {
                    BigDecimal pace = actual.subtract(past).divide(BigDecimal.valueOf(3), 4, RoundingMode.HALF_UP);
                    projected = actual.add(pace.multiply(BigDecimal.valueOf(12 - m))).setScale(2, RoundingMode.HALF_UP);
                    method = "按近3个月进度";
                } else {
                    projected = actual.multiply(BigDecimal.valueOf(12)).divide(BigDecimal.valueOf(m), 2, RoundingMode.HALF_UP);
                    method = "按1—" + m + "月平均进度";
                }
                list.add(new Projection(r.code(), r.name(), l.indicatorCode(), l.indicatorName(), l.actual(),
                        l.target(), projected, Rates.rate(projected, l.target()), method));
            }
        }
        return list;
    }

    // ------------------------------------------------------------------------------------- helpers

    /** The units a region supervises directly: its children, groups left out (their members are children). */
    public List<Region> units(Region scope) {
        return regions.children(scope).stream().filter(r -> r.kind() != RegionKind.GROUP).toList();
    }

    private List<Region> withScope(Region scope) {
        List<Region> list = new ArrayList<>();
        list.add(scope);
        list.addAll(units(scope));
        return list;
    }

    private Indicator indicator(String code) {
        return indicators.byCode(code).orElseThrow(() -> new org.anju.platform.NotFound("指标不存在：" + code));
    }

    private Region region(String code) {
        return regions.byCode(code).orElseThrow(() -> new org.anju.platform.NotFound("地区不存在：" + code));
    }
}
