package org.anju.report;

import org.anju.AnjuTest;
import org.anju.PlanProbe;
import org.anju.SeededCounties;
import org.anju.region.Region;
import org.anju.region.Regions;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.TestPropertySource;
import org.springframework.transaction.PlatformTransactionManager;

import java.time.YearMonth;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The 审核 inbox reads the submitted reports of the units below the reader, not their years of approved ones, with
 * analyzed statistics: a report a month for {@value #MONTHS} months from every prefecture and county of the country, the
 * last one submitted and the rest approved (seeded by SQL with the triggers off, in a transaction rolled back, the
 * units' months interleaved), each statement's plan read from {@code auto_explain}. Before V12_2211 each unit's reports
 * were read by the unique key and the submitted one kept: 赣州市's inbox handled 2,662 rows over 1,363 pages (2.8 ms),
 * 江西省's 1,618 rows; with emptied statistics both read the country's submitted reports (9,585 rows, 9,806 pages).
 */
@AnjuTest
@TestPropertySource(properties = "anju.test.database=index_sweep")
class SubmittedBelowByStatusTest {

    static final int MONTHS = 72;

    @Autowired
    ReportRepository repository;
    @Autowired
    Regions regions;
    @Autowired
    JdbcTemplate template;
    @Autowired
    PlatformTransactionManager transactions;

    @Test
    void anInboxReadsTheSubmittedReportsBelow() {
        SeededCounties.rolledBack(transactions, template, () -> template.update("""
                insert into report (region_id, period, status, deadline, submitted_at, submitted_by)
                select g.id, p::date, case when p = date '2021-01-01' + interval '1 month' * (? - 1) then 'SUBMITTED' else 'APPROVED' end,
                       p::date + 40, p + interval '35 days', 'seed'
                  from generate_series(date '2021-01-01', date '2021-01-01' + interval '1 month' * (? - 1), interval '1 month') p,
                       (select id from region where kind in ('PREFECTURE', 'COUNTY') order by id) g
                 order by p, g.id""", MONTHS, MONTHS), seeded -> {
            template.execute("analyze report");
            Region city = regions.byCode("360700").orElseThrow();
            Region province = regions.byCode("360000").orElseThrow();
            PlanProbe probe = new PlanProbe(template);
            long cityUnits = org.anju.SeededCounties.unitsBelow(template, city);
            long provinceUnits = org.anju.SeededCounties.unitsBelow(template, province);
            // the inbox may handle 10 rows per unit below and per submitted report of them (one a unit)
            List<ReportRepository.Head> cityInbox = probe.read("submittedBelow(city)", 10 * (cityUnits + cityUnits),
                    () -> repository.submittedBelow(city.id()));
            assertThat(cityInbox).hasSize((int) cityUnits)
                    .allSatisfy(h -> assertThat(h.period()).isEqualTo(YearMonth.of(2021, 1).plusMonths(MONTHS - 1)));
            List<ReportRepository.Head> provinceInbox = probe.read("submittedBelow(province)",
                    10 * (provinceUnits + provinceUnits), () -> repository.submittedBelow(province.id()));
            assertThat(provinceInbox).hasSize((int) provinceUnits);
            if (Boolean.getBoolean("sweep.timings")) {
                System.out.printf("TIMING seeded %d reports%n", seeded);
                System.out.printf("TIMING submittedBelow(city) %.3f ms%n", PlanProbe.median(() -> repository.submittedBelow(city.id())));
                System.out.printf("TIMING submittedBelow(province) %.3f ms%n", PlanProbe.median(() -> repository.submittedBelow(province.id())));
            }
            // and with the statistics as the autovacuum leaves them after the table was emptied (ARCHITECTURE.md, plans
            // that do not depend on the statistics)
            org.anju.AutoExplain.emptiedStatistics(template, "report");
            assertThat(probe.read("submittedBelow(city), emptied statistics", 10 * (cityUnits + cityUnits),
                    () -> repository.submittedBelow(city.id()))).hasSize((int) cityUnits);
            assertThat(probe.read("submittedBelow(province), emptied statistics", 10 * (provinceUnits + provinceUnits),
                    () -> repository.submittedBelow(province.id()))).hasSize((int) provinceUnits);
            System.out.println(probe.report("the 审核 inbox"));
            System.out.println(probe.plans("the 审核 inbox"));
            assertThat(probe.over()).as("reads over their bound").isEmpty();
        });
    }
}
