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
 * The 销号 inbox reads the applied items of the regions below the reader, not their whole history, with analyzed
 * statistics: {@value #PER_REGION} items of every prefecture and county of the country, {@value #APPLIED} of them applied
 * and {@value #OPEN} open, the rest closed (seeded by SQL with the triggers off, in a transaction rolled back, the
 * regions' years interleaved), each statement's plan read from {@code auto_explain}. With analyzed statistics the
 * inbox already read the applied items through ledger_item_kind_region_idx (its state inside the index: 228 rows, 124
 * pages for 赣州市's 54); with emptied statistics its plain join read the country's open items through the open-deadline
 * index, 57,456 rows over 76,535 pages for the same 54, until each region's items were read in a fenced lateral.
 */
@AnjuTest
@TestPropertySource(properties = "anju.test.database=index_sweep")
class LedgerApprovalsByStateTest {

    static final int PER_REGION = 250;
    static final int APPLIED = 3;
    static final int OPEN = 12;

    @Autowired
    Ledger ledger;
    @Autowired
    Regions regions;
    @Autowired
    JdbcTemplate template;
    @Autowired
    PlatformTransactionManager transactions;

    @Test
    void anInboxReadsTheAppliedItemsBelow() {
        SeededCounties.rolledBack(transactions, template, () -> template.update("""
                insert into ledger_item (kind, region_id, title, deadline, deadline_rule, state, state_on, closed_on)
                select case when k % 2 = 0 then 'AUDIT' else 'PETITION' end, g.id, '事项' || k, date '2021-01-01' + k * 7,
                       'x', s.state, date '2021-01-01' + k * 7, case when s.state = 'CLOSED' then date '2021-02-01' + k * 7 end
                  from generate_series(1, ?) k,
                       (select id from region where kind in ('PREFECTURE', 'COUNTY') order by id) g,
                       lateral (select case when k > ? then 'APPLIED' when k > ? then 'IN_PROGRESS' else 'CLOSED' end state) s
                 order by k, g.id""", PER_REGION, PER_REGION - APPLIED, PER_REGION - APPLIED - OPEN), seeded -> {
            template.execute("analyze ledger_item");
            Region city = regions.byCode("360700").orElseThrow();
            Region province = regions.byCode("360000").orElseThrow();
            PlanProbe probe = new PlanProbe(template);
            long cityChildren = org.anju.SeededCounties.unitsBelow(template, city);
            long provinceChildren = org.anju.SeededCounties.unitsBelow(template, province);
            // the inbox may handle 20 rows per region below and per applied item of them
            long cityBound = 20 * (cityChildren + cityChildren * APPLIED);
            long provinceBound = 20 * (provinceChildren + provinceChildren * APPLIED);
            List<Item> cityInbox = Access.runAs(Actor.system(city),
                    () -> probe.read("approvals(city)", cityBound, ledger::approvals));
            assertThat(cityInbox).hasSize((int) cityChildren * APPLIED);
            List<Item> provinceInbox = Access.runAs(Actor.system(province),
                    () -> probe.read("approvals(province)", provinceBound, ledger::approvals));
            assertThat(provinceInbox).hasSize((int) provinceChildren * APPLIED);
            if (Boolean.getBoolean("sweep.timings")) {
                System.out.printf("TIMING seeded %d items%n", seeded);
                System.out.printf("TIMING approvals(city) %.3f ms%n",
                        Access.runAs(Actor.system(city), () -> PlanProbe.median(ledger::approvals)));
                System.out.printf("TIMING approvals(province) %.3f ms%n",
                        Access.runAs(Actor.system(province), () -> PlanProbe.median(ledger::approvals)));
            }
            // and with the statistics as the autovacuum leaves them after the table was emptied (ARCHITECTURE.md, plans
            // that do not depend on the statistics)
            org.anju.AutoExplain.emptiedStatistics(template, "ledger_item");
            assertThat(Access.runAs(Actor.system(city),
                    () -> probe.read("approvals(city), emptied statistics", cityBound, ledger::approvals))).hasSize((int) cityChildren * APPLIED);
            assertThat(Access.runAs(Actor.system(province),
                    () -> probe.read("approvals(province), emptied statistics", provinceBound, ledger::approvals))).hasSize((int) provinceChildren * APPLIED);
            System.out.println(probe.report("the 销号 inbox"));
            System.out.println(probe.plans("the 销号 inbox"));
            assertThat(probe.over()).as("reads over their bound").isEmpty();
        });
    }
}
