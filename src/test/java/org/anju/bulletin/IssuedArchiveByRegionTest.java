package org.anju.bulletin;

import org.anju.AnjuTest;
import org.anju.PlanProbe;
import org.anju.SeededCounties;
import org.anju.platform.PageRequest;
import org.anju.region.Region;
import org.anju.region.Regions;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.TestPropertySource;
import org.springframework.transaction.PlatformTransactionManager;


import static org.assertj.core.api.Assertions.assertThat;

/**
 * The archive of issued bulletins a reader may read (those of its subtree and of the regions above it) is read from
 * those regions, not the country's, with analyzed statistics: a bulletin a month for {@value #MONTHS} months from every
 * province, prefecture and county (seeded by SQL with the triggers off, in a transaction rolled back), each statement's
 * plan read from {@code auto_explain}. The readable test was two EXISTS joined by OR, which no index serves: every page
 * and its count read every bulletin of the country (a county's reader: 154,295 and 308,750 rows, 60 ms). The system's
 * page (no reader, no filter) sorted every bulletin until V13_2211: 155,079 rows (156 ms), 308,584 with emptied statistics.
 */
@AnjuTest
@TestPropertySource(properties = "anju.test.database=index_sweep")
class IssuedArchiveByRegionTest {

    static final int MONTHS = 48;

    @Autowired
    BulletinDocumentRepository store;
    @Autowired
    Regions regions;
    @Autowired
    JdbcTemplate template;
    @Autowired
    PlatformTransactionManager transactions;

    @Test
    void aReadersArchiveIsReadFromItsRegions() {
        SeededCounties.rolledBack(transactions, template, () -> {
            return template.update("""
                    insert into bulletin_issue (region_id, period, issue_year, serial, edition, document_number, signed_on,
                                                issued_by, content, docx, sha256)
                    select g.id, p::date, extract(year from p)::int, extract(month from p)::int, 1, g.code || '-' || p::date,
                           p::date + 40,
                           't', '{}', '\\x00', repeat('0', 64)
                      from generate_series(date '2021-01-01', date '2021-01-01' + interval '1 month' * (? - 1),
                                           interval '1 month') p,
                           (select id, code from region where kind in ('PROVINCE', 'PREFECTURE', 'COUNTY') order by id) g
                     order by p, g.id""", MONTHS);
        }, seeded -> {
            template.execute("analyze bulletin_issue");
            Region county = regions.byCode("360702").orElseThrow();
            Region province = regions.byCode("360000").orElseThrow();
            long countyReadable = readable(county);
            long provinceReadable = readable(province);
            PlanProbe probe = new PlanProbe(template);
            PageRequest page = new PageRequest(1, 20);
            // a page: its count, the readable rows sorted, 20 of them; bound: 20 rows per readable bulletin and region
            assertThat(probe.read("issued(county reader)", 20 * (countyReadable + regionsOf(county)),
                    () -> store.issued(county.id(), null, null, page)).total()).isEqualTo(countyReadable);
            assertThat(probe.read("issued(province reader)", 20 * (provinceReadable + regionsOf(province)),
                    () -> store.issued(province.id(), null, null, page)).total()).isEqualTo(provinceReadable);
            // the system's page: no filter, the newest 20 of the country; its count reads every bulletin (one pass, no
            // sort), its page 20 rows a page and their corrections
            assertThat(probe.read("issued(system)", 2L * seeded + 20, () -> store.issued(null, null, null, page)).total())
                    .isEqualTo((long) seeded);
            if (Boolean.getBoolean("sweep.timings")) {
                System.out.printf("TIMING seeded %d bulletins%n", seeded);
                System.out.printf("TIMING issued(county reader) %.3f ms%n", PlanProbe.median(() -> store.issued(county.id(), null, null, page)));
                System.out.printf("TIMING issued(province reader) %.3f ms%n", PlanProbe.median(() -> store.issued(province.id(), null, null, page)));
                System.out.printf("TIMING issued(system) %.3f ms%n", PlanProbe.median(() -> store.issued(null, null, null, page)));
            }
            // and with the statistics as the autovacuum leaves them after the table was emptied (ARCHITECTURE.md, plans
            // that do not depend on the statistics)
            org.anju.AutoExplain.emptiedStatistics(template, "bulletin_issue");
            assertThat(probe.read("issued(county reader), emptied statistics", 20 * (countyReadable + regionsOf(county)),
                    () -> store.issued(county.id(), null, null, page)).total()).isEqualTo(countyReadable);
            assertThat(probe.read("issued(province reader), emptied statistics", 20 * (provinceReadable + regionsOf(province)),
                    () -> store.issued(province.id(), null, null, page)).total()).isEqualTo(provinceReadable);
            assertThat(probe.read("issued(system), emptied statistics", 2L * seeded + 20,
                    () -> store.issued(null, null, null, page)).total()).isEqualTo((long) seeded);
            System.out.println(probe.plans("a reader's archive"));
            assertThat(probe.over()).as("reads over their bound").isEmpty();
            // the system's page itself (not its count) reads the newest 20 by bulletin_issue_signed, not every bulletin
            // sorted: 20 rows per row of the page
            assertThat(probe.reads()).filteredOn(r -> r.label().startsWith("issued(system)")
                            && r.statement().startsWith("select i.id"))
                    .hasSize(2).allSatisfy(r -> assertThat(r.handled()).as(r.toString()).isLessThan(20L * page.limit()));
        });
    }

    long readable(Region r) {
        return template.queryForObject("""
                select count(*) from bulletin_issue i
                 where i.region_id in (select region_id from region_ancestor where ancestor_id = ?)
                    or i.region_id in (select ancestor_id from region_ancestor where region_id = ?)""", Long.class, r.id(), r.id());
    }

    long regionsOf(Region r) {
        return template.queryForObject("select count(*) from region_ancestor where ancestor_id = ? or region_id = ?",
                Long.class, r.id(), r.id());
    }

}
