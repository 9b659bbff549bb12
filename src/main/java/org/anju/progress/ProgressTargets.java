package org.anju.progress;

import org.anju.plan.Plan;
import org.anju.plan.Plans;
import org.anju.plan.RegionTotal;
import org.anju.plan.Target;
import org.anju.region.Region;
import org.anju.region.RegionKind;
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
 * A region no plan reaches from above (the country, a province whose own plan is not loaded) gets,
 * per indicator, the sum of the targets of the highest issuers below it that have one — so the
 * ministry's and a province's rates are not blank just because nobody above handed them a figure.
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
        return plansFor(region, ofYear(year));
    }

    private List<Plan> plansFor(Region region, List<Plan> ofYear) {
        return ofYear.stream()
                .filter(p -> regions.contains(regions.byId(p.issuerRegionId()), region))
                .sorted(Comparator.comparingInt((Plan p) -> regions.ancestors(regions.byId(p.issuerRegionId())).size())
                        .reversed().thenComparing(Plan::id, Comparator.reverseOrder()))
                .toList();
    }

    /**
     * Indicator code → the sum of the units' own annual targets, each from the nearest plan printing its row: the
     * targets of the units that reported, when some of a region's have not.
     */
    public Map<String, BigDecimal> forUnits(List<Region> units, int year) {
        OwnTargets own = ownTargets(year);
        // summed over arrays indexed by indicator, not merged into a map per unit: the nation has 2,850 units
        // (issue 15: a quarter of the nation's roll-up went to the merges)
        BigDecimal[] sums = new BigDecimal[own.codes().size()];
        for (Region u : units) {
            BigDecimal[] values = own.byRegion().get(u.id());
            if (values == null) {
                continue;
            }
            for (int k = 0; k < values.length; k++) {
                if (values[k] != null) {
                    sums[k] = sums[k] == null ? values[k] : sums[k].add(values[k]);
                }
            }
        }
        Map<String, BigDecimal> byCode = new HashMap<>();
        for (int k = 0; k < sums.length; k++) {
            if (sums[k] != null) {
                byCode.put(own.codes().get(k), sums[k]);
            }
        }
        return byCode;
    }

    /**
     * Each unit's own annual target of one indicator, from the nearest plan printing its row (a unit without one is
     * absent): one read of the year's own targets for all of them.
     */
    public Map<Integer, BigDecimal> ownTargets(List<Region> units, int year, String indicatorCode) {
        OwnTargets own = ownTargets(year);
        int k = own.codes().indexOf(indicatorCode);
        Map<Integer, BigDecimal> targets = new HashMap<>();
        if (k < 0) {
            return targets;
        }
        for (Region u : units) {
            BigDecimal[] values = own.byRegion().get(u.id());
            if (values != null && values[k] != null) {
                targets.put(u.id(), values[k]);
            }
        }
        return targets;
    }

    /**
     * The own targets of a year, kept while the plans covering it are the same ones at the same versions: per region,
     * the values in the order of {@code codes} (null where the region has no target for the indicator).
     */
    private record OwnTargets(List<String> plans, List<String> codes, Map<Integer, BigDecimal[]> byRegion) {
    }

    private final Map<Integer, OwnTargets> ownTargets = new java.util.concurrent.ConcurrentHashMap<>();

    /**
     * Every region's own target of the year. Read once per set of plans: a plan's targets change only with a new
     * version (an import replacing its tables raises it) or a new or deleted plan, and each of these changes the
     * key — a stale copy is never used (the key is read from the database on every call, so another node's import
     * is seen at once).
     */
    private OwnTargets ownTargets(int year) {
        List<Plan> ofYear = ofYear(year);
        List<String> key = ofYear.stream().map(p -> p.id() + "@" + p.version()).sorted().toList();
        // keyed by the plans read, not the year alone: readers with different rights read different sets
        OwnTargets cached = ownTargets.get(key.hashCode());
        if (cached != null && cached.plans().equals(key)) {
            return cached;
        }
        List<Plan> nearestFirst = ofYear.stream()
                .sorted(Comparator.comparingInt((Plan p) -> regions.ancestors(regions.byId(p.issuerRegionId())).size())
                        .reversed().thenComparing(Plan::id, Comparator.reverseOrder()))
                .toList();
        Map<Integer, Map<String, BigDecimal>> read = plans.ownTargets(nearestFirst, year);
        List<String> codes = read.values().stream().flatMap(m -> m.keySet().stream()).distinct().sorted().toList();
        Map<String, Integer> index = new HashMap<>();
        for (int k = 0; k < codes.size(); k++) {
            index.put(codes.get(k), k);
        }
        Map<Integer, BigDecimal[]> byRegion = new HashMap<>();
        read.forEach((regionId, values) -> {
            BigDecimal[] row = new BigDecimal[codes.size()];
            values.forEach((code, v) -> row[index.get(code)] = v);
            byRegion.put(regionId, row);
        });
        OwnTargets fresh = new OwnTargets(key, codes, byRegion);
        if (ownTargets.size() > 64) {
            ownTargets.clear(); // old plan versions' entries: never read again
        }
        ownTargets.put(key.hashCode(), fresh);
        return fresh;
    }

    /** Indicator code → the region's annual target (its subtree's sum in the nearest plan giving it). */
    public Map<String, BigDecimal> forRegion(Region region, int year) {
        return forRegion(region, year, ofYear(year));
    }

    /** {@code ofYear}: the plans covering the year, read once for a region and the issuers below it. */
    private Map<String, BigDecimal> forRegion(Region region, int year, List<Plan> ofYear) {
        Map<String, BigDecimal> targets = new HashMap<>();
        for (Plan p : plansFor(region, ofYear)) {
            for (RegionTotal t : plans.subtreeTotals(p.id(), region.code())) {
                if ((t.year() == null || t.year() == year) && !targets.containsKey(t.indicatorCode())) {
                    targets.put(t.indicatorCode(), t.total());
                }
            }
            if (region.kind() != RegionKind.GROUP) {
                // rows printed for the region itself (a city's 合计 row in its own plan is not a detail row)
                for (Target t : plans.targets(p.id(), region.code(), null, null)) {
                    if ((t.year() == null || t.year() == year) && !targets.containsKey(t.indicatorCode())) {
                        targets.put(t.indicatorCode(), t.value());
                    }
                }
            }
        }
        if (region.kind() != RegionKind.GROUP) {
            fromIssuersBelow(region, year, ofYear).forEach(targets::putIfAbsent);
        }
        return targets;
    }

    /**
     * Per indicator, the sum over the highest plan issuers strictly inside the region. An issuer's
     * figure comes from {@link #forRegion} (its own plan or one above it), which in turn looks below
     * for what it lacks; no plan above the region gives these indicators, so nothing is counted twice.
     */
    private Map<String, BigDecimal> fromIssuersBelow(Region region, int year, List<Plan> ofYear) {
        List<Region> issuers = issuers(ofYear).stream()
                .filter(i -> i.id() != region.id() && regions.contains(region, i))
                .toList();
        Map<String, BigDecimal> sum = new HashMap<>();
        for (Region issuer : issuers) {
            boolean highest = issuers.stream().noneMatch(o -> o.id() != issuer.id() && regions.contains(o, issuer));
            if (highest) {
                forRegion(issuer, year, ofYear).forEach((code, value) -> sum.merge(code, value, BigDecimal::add));
            }
        }
        return sum;
    }

    private List<Plan> ofYear(int year) {
        return plans.readable().stream().filter(p -> p.covers(year)).toList();
    }

    /** The regions that issued these plans. */
    private List<Region> issuers(List<Plan> ofYear) {
        return ofYear.stream().map(p -> regions.byId(p.issuerRegionId())).distinct().toList();
    }

    /**
     * One plan's printed rows of one indicator, in the order {@link Plans#targets} lists them (region code, year, value
     * at its printed scale), kept with the plan's id and version like {@link #ownTargets}: its rows change only with a
     * new version (an import replacing its tables raises it) and a new or deleted plan has another key, and the key
     * comes from the plans read on every call — another node's import is seen at once, a stale copy never used. The
     * ranking of all counties read these 3,000-odd rows (joined with their tables and regions) on every call: 40 % of
     * its time in the first national profile (issue 15).
     */
    private record PrintedRows(String[] regionCodes, Integer[] years, BigDecimal[] values) {
    }

    private final Map<String, PrintedRows> printedRows = new java.util.concurrent.ConcurrentHashMap<>();

    private PrintedRows printedRows(Plan p, String indicatorCode) {
        String key = p.id() + "@" + p.version() + " " + indicatorCode;
        PrintedRows cached = printedRows.get(key);
        if (cached != null) {
            return cached;
        }
        List<Target> list = plans.targets(p.id(), null, indicatorCode, null);
        PrintedRows fresh = new PrintedRows(list.stream().map(Target::regionCode).toArray(String[]::new),
                list.stream().map(Target::year).toArray(Integer[]::new),
                list.stream().map(Target::value).toArray(BigDecimal[]::new));
        if (printedRows.size() > 256) {
            printedRows.clear(); // old plan versions' entries: never read again
        }
        printedRows.put(key, fresh);
        return fresh;
    }

    /**
     * One indicator's targets for many regions with one query per plan (rankings): a region's own
     * printed row, from the nearest plan that prints one.
     */
    public Map<Integer, BigDecimal> forRegions(Region scope, List<Region> list, String indicatorCode, int year) {
        List<Plan> ofYear = ofYear(year);
        List<Plan> candidates = ofYear.stream().filter(p -> {
            Region issuer = regions.byId(p.issuerRegionId());
            return regions.contains(issuer, scope) || regions.contains(scope, issuer);
        }).sorted(Comparator.comparingInt((Plan p) -> regions.ancestors(regions.byId(p.issuerRegionId())).size())
                .reversed()).toList();
        Map<Integer, BigDecimal> targets = new HashMap<>();
        Map<String, Region> byCode = new HashMap<>();
        list.forEach(r -> byCode.put(r.code(), r));
        for (Plan p : candidates) {
            Region issuer = regions.byId(p.issuerRegionId());
            PrintedRows rows = printedRows(p, indicatorCode);
            for (int k = 0; k < rows.regionCodes().length; k++) {
                Region r = byCode.get(rows.regionCodes()[k]);
                Integer y = rows.years()[k];
                if (r != null && (y == null || y == year) && !targets.containsKey(r.id())
                        && regions.contains(issuer, r)) {
                    targets.put(r.id(), rows.values()[k]);
                }
            }
        }
        // a region in the list with plan issuers below it but no printed row (a province ranked nationally)
        List<Region> issuersOfYear = issuers(ofYear);
        for (Region r : list) {
            if (!targets.containsKey(r.id()) && r.kind() != RegionKind.GROUP
                    && issuersOfYear.stream().anyMatch(i -> i.id() != r.id() && regions.contains(r, i))) {
                BigDecimal below = fromIssuersBelow(r, year, ofYear).get(indicatorCode);
                if (below != null) {
                    targets.put(r.id(), below);
                }
            }
        }
        return targets;
    }
}
