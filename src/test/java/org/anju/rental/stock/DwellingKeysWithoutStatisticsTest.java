package org.anju.rental.stock;

import org.anju.AnjuTest;
import org.anju.AutoExplain;
import org.anju.PlanProbe;
import org.anju.region.Region;
import org.anju.region.RegionKind;
import org.anju.region.Regions;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.TestPropertySource;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

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
        Region city = regions.byCode("360700").orElseThrow();
        Region county = regions.byCode("360702").orElseThrow();
        // the county last: its rows the last of every table and index (a scan that stops at its row reads all before)
        List<Region> counties = Stream.concat(regions.children(city).stream()
                .filter(r -> r.kind() == RegionKind.COUNTY && !r.equals(county)).limit(OTHERS), Stream.of(county)).toList();
        assertThat(counties).hasSize(OTHERS + 1);
        new TransactionTemplate(transactions).executeWithoutResult(status -> {
            status.setRollbackOnly();
            template.update("set local session_replication_role = replica");
            for (Region c : counties) {
                seed(c, counties.indexOf(c));
            }
            template.update("set local session_replication_role = origin");
            reads.accept(county);
        });
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
        template.update("""
                insert into rental_estate (region_id, name, programme, name_key)
                select ?, '小区' || ? || '-' || j, 'PUBLIC_RENTAL', '小区' || ? || '-' || j from generate_series(1, 2) j""",
                cid, k, k);
        template.update("""
                insert into rental_building (estate_id, name, name_key)
                select e.id, b || '号楼', b || '号楼' from rental_estate e, generate_series(1, 10) b where e.region_id = ?""", cid);
        template.update("""
                insert into rental_dwelling (building_id, room_no, dwelling_key, status, status_on, entered_on)
                select b.id, r::text, r::text, 'VACANT', date '2024-01-01', date '2024-01-01'
                  from rental_building b join rental_estate e on e.id = b.estate_id, generate_series(1, ?) r
                 where e.region_id = ?""", N / 20, cid);
        // the county's estates and buildings beyond those holding the dwellings, so that these tables have the pages a
        // country's have: a table of a few pages is read whole whatever its statistics (the small tables of the
        // nineteenth sweep)
        template.update("""
                insert into rental_estate (region_id, name, programme, name_key)
                select ?, '其他小区' || ? || '-' || j, 'PUBLIC_RENTAL', '其他小区' || ? || '-' || j from generate_series(1, 40) j""",
                cid, k, k);
        template.update("""
                insert into rental_building (estate_id, name, name_key)
                select e.id, b || '号楼', b || '号楼' from rental_estate e, generate_series(1, 5) b
                 where e.region_id = ? and e.name like '其他小区%'""", cid);
    }

}
