package org.anju.ledger.item;

import org.anju.AnjuTest;
import org.anju.PlanProbe;
import org.anju.SeededCounties;
import org.anju.account.Access;
import org.anju.account.Actor;
import org.anju.region.Region;
import org.anju.region.Regions;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.TestPropertySource;
import org.springframework.transaction.PlatformTransactionManager;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A region's 督办通知 page reads the notices sent to or by its subtree, not the country's, with analyzed statistics:
 * {@value #PER_COUNTY} notices from each county's city to every county of the country (seeded by SQL with the triggers
 * off, in a transaction rolled back, the county's own interleaved with everyone else's), each statement's plan read from
 * {@code auto_explain}. Before V50_2111 the page walked the whole table newest first and probed the subtree per notice
 * until it had 500: 章贡区's 60 handled 6,326,358 rows (463 ms), 赣州市's 99,350 rows (578,000 pages, 192 ms).
 */
@AnjuTest
@TestPropertySource(properties = "anju.test.database=index_sweep")
class LedgerNoticesByRegionTest {

    static final int PER_COUNTY = 60;

    @Autowired
    Ledger ledger;
    @Autowired
    Regions regions;
    @Autowired
    JdbcTemplate template;
    @Autowired
    PlatformTransactionManager transactions;

    @Test
    void aRegionsNoticesAreReadFromItsSubtree() {
        SeededCounties.rolledBack(transactions, template, () -> {
            int seeded = template.update("""
                    insert into ledger_notice (issuer_region_id, region_id, title, body, deadline, created_by, updated_by)
                    select c.parent_id, c.id, '督办' || k, '请按期整改', date '2025-06-30', 'seed', 'seed'
                      from generate_series(1, ?) k, (select id, parent_id from region where kind = 'COUNTY' order by id) c
                     order by k, c.id""", PER_COUNTY);
            template.update("insert into ledger_notice_item (notice_id, item_id) select id, id from ledger_notice");
            return seeded;
        }, seeded -> {
            template.execute("analyze ledger_notice");
            template.execute("analyze ledger_notice_item");
            Region county = regions.byCode("360702").orElseThrow();
            Region city = regions.byCode("360700").orElseThrow();
            int cityCounties = template.queryForObject("select count(*) from region where parent_id = ? and kind = 'COUNTY'",
                    Integer.class, city.id());
            // a read of a subtree's notices may handle 20 rows per region of the subtree and per notice of it
            long countyBound = 20 * (subtree(county) + PER_COUNTY);
            long cityBound = 20 * (subtree(city) + (long) cityCounties * PER_COUNTY);
            // the country's: its newest 500, their regions (a merge join may read the region table once)
            long rootBound = 10L * 500 + 2 * template.queryForObject("select count(*) from region", Long.class);
            PlanProbe probe = new PlanProbe(template);
            Access.runAs(Actor.system(regions.root()), () -> {
                List<Notice> mine = probe.read("notices(county)", countyBound, () -> ledger.notices(county.code()));
                assertThat(mine).hasSize(PER_COUNTY).allSatisfy(n -> assertThat(n.regionCode()).isEqualTo("360702"));
                assertThat(mine).extracting(Notice::id).isSortedAccordingTo(java.util.Comparator.reverseOrder());
                List<Notice> city500 = probe.read("notices(city)", cityBound,
                        () -> ledger.notices(city.code()));
                assertThat(city500).hasSize(Math.min(500, cityCounties * PER_COUNTY));
                List<Notice> all = probe.read("notices(root)", rootBound, () -> ledger.notices(regions.root().code()));
                assertThat(all).hasSize(500);
                assertThat(all.getFirst().id()).isEqualTo(template.queryForObject("select max(id) from ledger_notice", Long.class));
                if (Boolean.getBoolean("sweep.timings")) {
                    System.out.printf("TIMING seeded %d notices%n", seeded);
                    System.out.printf("TIMING notices(county) %.3f ms%n", PlanProbe.median(() -> ledger.notices(county.code())));
                    System.out.printf("TIMING notices(city) %.3f ms%n", PlanProbe.median(() -> ledger.notices(city.code())));
                    System.out.printf("TIMING notices(root) %.3f ms%n", PlanProbe.median(() -> ledger.notices(regions.root().code())));
                    Region province = regions.byCode("360000").orElseThrow();
                    System.out.printf("TIMING notices(province) %.3f ms%n", PlanProbe.median(() -> ledger.notices(province.code())));
                }
                // and with the statistics as the autovacuum leaves them after the table was emptied (ARCHITECTURE.md,
                // plans that do not depend on the statistics)
                org.anju.AutoExplain.emptiedStatistics(template, "ledger_notice", "ledger_notice_item");
                assertThat(probe.read("notices(county), emptied statistics", countyBound, () -> ledger.notices(county.code())))
                        .hasSize(PER_COUNTY);
                assertThat(probe.read("notices(city), emptied statistics", cityBound, () -> ledger.notices(city.code())))
                        .hasSize(500);
                assertThat(probe.read("notices(root), emptied statistics", rootBound,
                        () -> ledger.notices(regions.root().code()))).hasSize(500);
                return null;
            });
            System.out.println(probe.plans("a region's notices, analyzed statistics"));
            assertThat(probe.over()).as("reads over their bound").isEmpty();
        });
    }

    long subtree(Region r) {
        return template.queryForObject("select count(*) from region_ancestor where ancestor_id = ?", Long.class, r.id());
    }

}
