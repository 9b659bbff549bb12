package org.anju.rental.stock;

import org.anju.AnjuTest;
import org.anju.AutoExplain;
import org.anju.PlanProbe;
import org.anju.region.Region;
import org.anju.region.Regions;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.TestPropertySource;
import org.springframework.transaction.PlatformTransactionManager;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A stock import's check reads the county's stock (its estates, their buildings, the keys of its dwellings) with work in
 * proportion to the county's {@value #N} dwellings, whatever the tables' statistics say: seventeen counties of them,
 * with the statistics as the autovacuum leaves them after the tables were emptied (in a transaction, rolled back), each
 * statement's plan read from {@code auto_explain} (ARCHITECTURE.md, plans that do not depend on the statistics).
 */
@AnjuTest
@TestPropertySource(properties = "anju.test.database=byid_reads")
class DwellingKeysWithoutStatisticsTest {

    static final int N = 600;
    static final int OTHERS = 16;

    @Autowired
    StockRepository repository;
    @Autowired
    Regions regions;
    @Autowired
    JdbcTemplate template;
    @Autowired
    PlatformTransactionManager transactions;

    @Test
    void theImportsCheckReadsTheCountysStock() {
        inCounties(county -> {
            AutoExplain.emptiedStatistics(template, "rental_estate", "rental_building", "rental_dwelling");
            PlanProbe probe = new PlanProbe(template);
            reads(probe, county);
            System.out.println(probe.report("stock import's reads, emptied statistics"));
            System.out.println(probe.plans("stock import's reads, emptied statistics"));
            assertThat(probe.over()).as("reads over their bound").isEmpty();
        });
    }

    void inCounties(java.util.function.Consumer<Region> reads) {
        org.anju.SeededCounties.lastAmongOthers(regions, transactions, template, OTHERS, (city, c, k) -> seed(c, k), reads);
    }

    /** What the import's check reads: the county's estates, the keys of its dwellings, each estate's buildings. */
    void reads(PlanProbe probe, Region county) {
        assertThat(probe.read("estatesByKey(county)", 5L * N, () -> repository.estatesByKey(county.id()))).hasSize(42);
        Map<String, String> keys = probe.read("dwellingKeys(county)", 5L * N, () -> repository.dwellingKeys(county.id()));
        assertThat(keys).hasSize(N);
        assertThat(keys.get("小区" + OTHERS + "-1|1号楼|1")).isEqualTo("小区" + OTHERS + "-1 1号楼 1");
        long estate = template.queryForObject("select min(id) from rental_estate where region_id = ?", Long.class, county.id());
        assertThat(probe.read("buildings(estate)", 100, () -> repository.buildings(estate))).hasSize(10);
    }

    void seed(Region c, int k) {
        int cid = c.id();
        org.anju.SeededCounties.stock(template, cid, k, N / 20);
        // the county's estates and buildings beyond those holding the dwellings, so that these tables have the pages a
        // country's have: a table of a few pages is read whole whatever its statistics (the small tables of the
        // nineteenth sweep)
        org.anju.SeededCounties.padStock(template, cid, k);
    }

}
