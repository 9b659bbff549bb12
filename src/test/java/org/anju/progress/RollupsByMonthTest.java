package org.anju.progress;

import org.anju.SeedDataTest;
import org.anju.region.Region;
import org.anju.region.Regions;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Many regions at once ({@link Rollups#MANY} and more) are read as the month's range of the indexes by period
 * (V12_1511) and filtered by the ids asked for; a few are looked up one by one. Both ways must give the same figures:
 * on the seed data (张掖市's units reported December 2023), the whole country's regions and units asked at once equal
 * the same lists asked in chunks below the threshold, and a long list leaving 甘肃省 out gets nothing of it.
 */
@SeedDataTest
class RollupsByMonthTest {

    @Autowired
    Rollups rollups;
    @Autowired
    Regions regions;

    private static final YearMonth DECEMBER = YearMonth.of(2023, 12);

    @Test
    void manyRegionsAtOnceEqualTheSameInSmallChunks() {
        List<Region> all = regions.subtree(regions.root());
        List<Integer> units = all.stream().filter(r -> r.kind().reports()).map(Region::id).toList();
        List<Integer> ids = all.stream().map(Region::id).toList();
        assertThat(units.size()).isGreaterThan(Rollups.MANY);

        Set<Integer> reported = rollups.reportedAmong(units, DECEMBER);
        assertThat(reported).as("张掖市's units reported December 2023").isNotEmpty()
                .allSatisfy(id -> assertThat(regions.contains(regions.byCode("620700").orElseThrow(), regions.byId(id))).isTrue());
        Set<Integer> chunked = new HashSet<>();
        chunks(units).forEach(c -> chunked.addAll(rollups.reportedAmong(c, DECEMBER)));
        assertThat(reported).isEqualTo(chunked);

        Map<Integer, Integer> counts = rollups.reported(ids, DECEMBER);
        assertThat(counts).containsKey(regions.root().id());
        Map<Integer, Integer> countsChunked = new HashMap<>();
        chunks(ids).forEach(c -> countsChunked.putAll(rollups.reported(c, DECEMBER)));
        assertThat(counts).isEqualTo(countsChunked);

        // an indicator the country has a sum of that month
        int start = rollups.totals(regions.root().id(), DECEMBER).keySet().iterator().next().indicatorId();
        Map<Integer, BigDecimal> totals = rollups.totals(ids, DECEMBER, start);
        Map<Integer, BigDecimal> totalsChunked = new HashMap<>();
        chunks(ids).forEach(c -> totalsChunked.putAll(rollups.totals(c, DECEMBER, start)));
        assertThat(totals).isNotEmpty().isEqualTo(totalsChunked);

        // a long list without 甘肃省's subtree: nothing of it comes back, though its rows are in the month's range
        Region gansu = regions.byCode("620000").orElseThrow();
        List<Integer> others = all.stream().filter(r -> !regions.contains(gansu, r) && r.id() != regions.root().id())
                .map(Region::id).toList();
        assertThat(others.size()).isGreaterThan(Rollups.MANY);
        assertThat(rollups.reportedAmong(others, DECEMBER)).isEmpty();
        assertThat(rollups.reported(others, DECEMBER)).isEmpty();
        assertThat(rollups.totals(others, DECEMBER, start)).isEmpty();
    }

    private static List<List<Integer>> chunks(List<Integer> ids) {
        int size = Rollups.MANY;
        List<List<Integer>> chunks = new java.util.ArrayList<>();
        for (int i = 0; i < ids.size(); i += size) {
            chunks.add(ids.subList(i, Math.min(ids.size(), i + size)));
        }
        return chunks;
    }
}
