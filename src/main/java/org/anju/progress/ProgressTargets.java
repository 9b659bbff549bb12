package org.anju.progress;

import org.anju.plan.Plan;
import org.anju.plan.Plans;
import org.anju.plan.RegionTotal;
import org.anju.plan.Target;
import org.anju.region.Region;
import org.anju.region.Regions;
import org.springframework.stereotype.Component;

import java.math.BigDecimal;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Annual targets from the plans. For a region, the plan of the nearest level above it (or its own)
 * that gives the indicator wins: a county's target comes from its city's plan before the province's.
 */
@Component
public class ProgressTargets {

    private final Plans plans;
    private final Regions regions;

    ProgressTargets(Plans plans, Regions regions) {
        this.plans = plans;
        this.regions = regions;
    }

    /** Plans covering the year issued at or above the region, nearest level first. */
    public List<Plan> plansFor(Region region, int year) {
        return plans.all().stream()
                .filter(p -> p.covers(year))
                .filter(p -> regions.contains(regions.byId(p.issuerRegionId()), region))
                .sorted(Comparator.comparingInt((Plan p) -> regions.ancestors(regions.byId(p.issuerRegionId())).size())
                        .reversed().thenComparing(Plan::id, Comparator.reverseOrder()))
                .toList();
    }

    /** Indicator code → the region's annual target (its subtree's sum in the nearest plan giving it). */
    public Map<String, BigDecimal> forRegion(Region region, int year) {
        Map<String, BigDecimal> targets = new HashMap<>();
        for (Plan p : plansFor(region, year)) {
            for (RegionTotal t : plans.subtreeTotals(p.id(), region.code())) {
                if ((t.year() == null || t.year() == year) && !targets.containsKey(t.indicatorCode())) {
                    targets.put(t.indicatorCode(), t.total());
                }
            }
            if (region.kind() != org.anju.region.RegionKind.GROUP) {
                // rows printed for the region itself (a city's 合计 row in its own plan is not a detail row)
                for (Target t : plans.targets(p.id(), region.code(), null, null)) {
                    if ((t.year() == null || t.year() == year) && !targets.containsKey(t.indicatorCode())) {
                        targets.put(t.indicatorCode(), t.value());
                    }
                }
            }
        }
        return targets;
    }

    /**
     * One indicator's targets for many regions with one query per plan (rankings): a region's own
     * printed row, from the nearest plan that prints one.
     */
    public Map<Integer, BigDecimal> forRegions(Region scope, List<Region> list, String indicatorCode, int year) {
        List<Plan> candidates = plans.all().stream().filter(p -> p.covers(year)).filter(p -> {
            Region issuer = regions.byId(p.issuerRegionId());
            return regions.contains(issuer, scope) || regions.contains(scope, issuer);
        }).sorted(Comparator.comparingInt((Plan p) -> regions.ancestors(regions.byId(p.issuerRegionId())).size())
                .reversed()).toList();
        Map<Integer, BigDecimal> targets = new HashMap<>();
        Map<String, Region> byCode = new HashMap<>();
        list.forEach(r -> byCode.put(r.code(), r));
        for (Plan p : candidates) {
            Region issuer = regions.byId(p.issuerRegionId());
            for (Target t : plans.targets(p.id(), null, indicatorCode, null)) {
                Region r = byCode.get(t.regionCode());
                if (r != null && (t.year() == null || t.year() == year) && !targets.containsKey(r.id())
                        && regions.contains(issuer, r)) {
                    targets.put(r.id(), t.value());
                }
            }
        }
        return targets;
    }
}
