package org.anju.plan;

import org.anju.region.Region;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;

/**
 * A plan's subtree sums ({@code target_rollup}) worked out from its tables in memory: for every region above a unit's
 * own figure (a {@link RowRole#DETAIL} row), per indicator and year, the sum of those figures and how many there are.
 * The same rows as the statement it replaced ({@code INSERT … SELECT … FROM target JOIN region_ancestor … GROUP BY},
 * issue 15: a fifth of a national import), computed where the figures already are and written with COPY.
 *
 * <p>Figures are summed as stored: {@code target.value} is {@code numeric(20, 6)}, so each is first rounded to six
 * decimals as PostgreSQL rounds it on input (half away from zero; figures are never negative).
 */
public final class TargetRollup {

    /** One line of {@code target_rollup}: the sum of the units' figures below {@code regionId}. */
    public record Sum(int regionId, int indicatorId, Integer year, BigDecimal total, int units) {
    }

    private record Key(int regionId, int indicatorId, Integer year) {
    }

    private TargetRollup() {
    }

    /**
     * @param ancestors a region's ancestors from the root down, itself excluded ({@code Regions::ancestors}: the same
     *                  tree as {@code region_ancestor} with {@code depth > 0})
     * @return the sums, in a stable order (region, indicator, year; a null year first)
     */
    public static List<Sum> of(List<BreakdownTable> tables, Function<Region, List<Region>> ancestors) {
        Map<Key, BigDecimal> totals = new HashMap<>();
        Map<Key, Integer> units = new HashMap<>();
        Map<Integer, List<Region>> above = new HashMap<>();
        for (BreakdownTable t : tables) {
            List<BreakdownTable.Column> columns = t.columns();
            for (BreakdownTable.Row r : t.rows()) {
                if (r.role() != RowRole.DETAIL) {
                    continue;
                }
                List<Region> line = above.computeIfAbsent(r.region().id(), id -> ancestors.apply(r.region()));
                for (int c = 0; c < columns.size(); c++) {
                    Cell cell = r.cell(c);
                    if (cell.blank()) {
                        continue;
                    }
                    BigDecimal stored = cell.value().setScale(6, RoundingMode.HALF_UP);
                    BreakdownTable.Column col = columns.get(c);
                    for (Region a : line) {
                        Key k = new Key(a.id(), col.indicator().id(), col.year());
                        totals.merge(k, stored, BigDecimal::add);
                        units.merge(k, 1, Integer::sum);
                    }
                }
            }
        }
        List<Sum> sums = new ArrayList<>(totals.size());
        totals.forEach((k, v) -> sums.add(new Sum(k.regionId(), k.indicatorId(), k.year(), v, units.get(k))));
        sums.sort(java.util.Comparator.comparingInt(Sum::regionId).thenComparingInt(Sum::indicatorId)
                .thenComparing(Sum::year, java.util.Comparator.nullsFirst(java.util.Comparator.naturalOrder())));
        return sums;
    }

    /** Whether two lists hold the same sums, whatever their order and trailing zeros. */
    static boolean same(List<Sum> a, List<Sum> b) {
        if (a.size() != b.size()) {
            return false;
        }
        Map<Key, Sum> byKey = new HashMap<>();
        a.forEach(s -> byKey.put(new Key(s.regionId(), s.indicatorId(), s.year()), s));
        return b.stream().allMatch(s -> {
            Sum o = byKey.get(new Key(s.regionId(), s.indicatorId(), s.year()));
            return o != null && o.units() == s.units() && o.total().compareTo(s.total()) == 0
                    && Objects.equals(o.year(), s.year());
        });
    }
}
