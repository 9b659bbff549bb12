package org.anju.ledger.item;

import org.anju.AnjuTest;
import org.anju.AutoExplain;
import org.anju.PlanProbe;
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
 * The ledger's reads by id (an item, its timeline and files, a file, a notice, a unit) read that id's rows, whatever the
 * tables' statistics say: seventeen counties of {@value #N} items each, their events, files, notices and units, with
 * the statistics as the autovacuum leaves them after the tables were emptied (in a transaction, rolled back), each
 * statement's plan read from {@code auto_explain} (ARCHITECTURE.md, plans that do not depend on the statistics).
 */
@AnjuTest
@TestPropertySource(properties = "anju.test.database=byid_reads")
class LedgerByIdWithoutStatisticsTest {

    static final int N = 600;
    static final int OTHERS = 16;
    /** Rows a read of one id may handle: its row, its region and unit, a few events or items. */
    static final long ONE = 100;

    @Autowired
    Ledger ledger;
    @Autowired
    Regions regions;
    @Autowired
    JdbcTemplate template;
    @Autowired
    PlatformTransactionManager transactions;

    @Test
    void readsByIdReadTheirRows() {
        inCounties(county -> {
            AutoExplain.emptiedStatistics(template, TABLES);
            PlanProbe probe = new PlanProbe(template);
            Access.runAs(Actor.system(regions.root()), () -> {
                reads(probe, county);
                return null;
            });
            System.out.println(probe.report("ledger by id, emptied statistics"));
            System.out.println(probe.plans("ledger by id, emptied statistics"));
            assertThat(probe.reads()).as("the reads' plans").hasSizeGreaterThan(8);
            assertThat(probe.over()).as("reads over their bound").isEmpty();
        });
    }

    static final String[] TABLES = {"ledger_item", "ledger_event", "ledger_unit", "ledger_file", "ledger_notice",
            "ledger_notice_item"};

    void inCounties(java.util.function.Consumer<Region> reads) {
        org.anju.SeededCounties.lastAmongOthers(regions, transactions, template, OTHERS, this::seed, reads);
    }

    /** Reads three of the county's items, their timelines and files, a file, a notice and a unit by id. */
    void reads(PlanProbe probe, Region county) {
        List<Long> ids = template.queryForList("""
                select id from ledger_item where region_id = ? and id % 10 = 0 order by id limit 3 offset 20""",
                Long.class, county.id());
        for (long id : ids) {
            Item i = probe.read("Ledger.item(id)", ONE, () -> ledger.item(id));
            assertThat(i.id()).isEqualTo(id);
            assertThat(i.unitName()).as("its unit").isNotNull();
            assertThat(probe.read("Ledger.timeline(id)", ONE, () -> ledger.timeline(id))).hasSize(3);
            assertThat(probe.read("Ledger.files(itemId)", ONE, () -> ledger.files(id))).hasSize(1);
        }
        long file = template.queryForObject("select max(f.id) from ledger_file f join ledger_item i on i.id = f.item_id"
                + " where i.region_id = ?", Long.class, county.id());
        assertThat(probe.read("Ledger.file(id)", ONE, () -> ledger.file(file)).id()).isEqualTo(file);
        long notice = template.queryForObject("select min(id) from ledger_notice where region_id = ?", Long.class, county.id());
        assertThat(probe.read("Ledger.notice(id)", ONE, () -> ledger.notice(notice)).itemIds()).hasSize(5);
        long unit = template.queryForObject("select min(id) from ledger_unit where region_id = ?", Long.class, county.id());
        assertThat(probe.read("Ledger.unit(id)", ONE, () -> ledger.unit(unit)).id()).isEqualTo(unit);
    }

    void seed(Region city, Region c, int k) {
        int cid = c.id();
        template.update("""
                insert into ledger_unit (region_id, name, unit_kind)
                select ?, '单位' || ? || '-' || j, 'GOVERNMENT' from generate_series(1, 3) j""", cid, k);
        template.update("""
                insert into ledger_item (kind, region_id, title, unit_id, deadline, deadline_rule, state, state_on, closed_on)
                select case when i % 2 = 0 then 'AUDIT' else 'PETITION' end, ?, '事项' || i,
                       (select min(id) from ledger_unit where region_id = ?) + i % 3,
                       date '2025-01-01' + i % 180, 'x', s.state, date '2025-01-01', case when s.state = 'CLOSED' then date '2025-02-01' end
                  from generate_series(1, ?) i,
                       lateral (select (array['PENDING', 'IN_PROGRESS', 'APPLIED', 'CLOSED'])[i % 4 + 1] state) s""", cid, cid, N);
        template.update("""
                insert into ledger_event (item_id, seq, action, state, on_date, text)
                select i.id, g, case when g = 2 then '报送进展' else '交办' end, case when g = 1 then 'PENDING' else i.state end,
                       date '2025-01-01' + g * 20, '进展' || g
                  from ledger_item i, generate_series(1, 3) g where i.region_id = ?""", cid);
        template.update("""
                insert into ledger_file (item_id, event_seq, name, media_type, size, sha256, content)
                select i.id, 2, '材料.pdf', 'application/pdf', 1, repeat('0', 64), '\\x00'::bytea
                  from ledger_item i where i.region_id = ? and i.id % 10 = 0""", cid);
        template.update("""
                insert into ledger_notice (issuer_region_id, region_id, title, deadline)
                select ?, ?, '督办' || j, date '2025-06-30' from generate_series(1, 20) j""", city.id(), cid);
        template.update("""
                insert into ledger_notice_item (notice_id, item_id)
                select n.id, i.id
                  from (select id, row_number() over (order by id) rn from ledger_notice where region_id = ?) n
                  join (select id, row_number() over (order by id) rn from ledger_item where region_id = ?) i
                    on (i.rn - 1) / 5 + 1 = n.rn""", cid, cid);
        // the other counties' units and notices beyond the seventeen's, so that these tables have the pages a country's
        // have: a table of a few pages is read whole whatever its statistics (the small tables of the nineteenth sweep)
        template.update("""
                insert into ledger_unit (region_id, name, unit_kind)
                select ?, '其他单位' || ? || '-' || j, 'OTHER' from generate_series(1, 50) j""", cid, k);
        template.update("""
                insert into ledger_notice (issuer_region_id, region_id, title, deadline)
                select ?, ?, '其他督办' || j, date '2025-06-30' from generate_series(1, 100) j""", city.id(), cid);
    }
}
