package org.anju;

import org.anju.account.Access;
import org.anju.account.Actor;
import org.anju.ledger.item.Ledger;
import org.anju.ledger.item.LedgerFigures;
import org.anju.progress.RecordedFigures;
import org.anju.region.Region;
import org.anju.region.Regions;
import org.anju.rental.application.Applications;
import org.anju.rental.lease.Leases;
import org.anju.rental.stock.Stock;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.TestPropertySource;
import org.springframework.transaction.PlatformTransactionManager;
import tools.jackson.databind.JsonNode;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.function.Supplier;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A county's pages and figures read that county's rows, whatever the tables' statistics say. With the statistics the
 * autovacuum leaves after the tables were emptied (reltuples 0 on the pages it keeps — trial data deleted before going
 * live) the planner read every county's children and, per child, the county's parents: a county's rent bills, payments
 * and violations through its leases, its dwellings and their vacated events through its estates and buildings, its
 * applications' review steps, its ledger items through the region tree (a helper's sweep of the read paths, nineteenth
 * session: 452,600,000 rows for the applications' figures, 196,700,000 for the vacated dwellings, 138,800,000 for the
 * bills — 55 s and 36 s for one page). Here the county and sixteen others hold {@value #N} households, applications and
 * ledger items each (in a transaction, rolled back), the tables in that state, and each statement's plan is read from
 * {@code auto_explain}: rows handled against the county's own.
 */
@AnjuTest
@TestPropertySource(properties = "anju.test.database=county_reads")
class CountyReadsWithoutStatisticsTest {

    static final int N = 600;
    static final int OTHERS = 16;

    @Autowired
    Leases leases;
    @Autowired
    Stock stock;
    @Autowired
    Applications applications;
    @Autowired
    LedgerFigures ledgerFigures;
    @Autowired
    Ledger ledger;
    @Autowired
    ApplicationContext context;
    @Autowired
    Regions regions;
    @Autowired
    JdbcTemplate template;
    @Autowired
    PlatformTransactionManager transactions;

    @Test
    void rentalPagesAndFiguresReadTheCountysRows() {
        RecordedFigures figures = context.getBeansOfType(RecordedFigures.class).values().stream()
                .filter(f -> f.getClass().getName().contains("RentalFigures")).findFirst().orElseThrow();
        inCounties(this::rental, (county, plans) -> {
            AutoExplain.emptiedStatistics(template, "rental_household", "rental_estate", "rental_building",
                    "rental_dwelling", "rental_dwelling_event", "rental_allocation", "rental_lease", "rental_rent_bill",
                    "rental_rent_payment", "rental_violation");
            String code = county.code();
            assertThat(read(plans, () -> leases.countyViolations(code))).as("the county's violations").hasSize(
                    template.queryForObject("select count(*) from rental_violation v join rental_lease l on l.id = v.lease_id"
                            + " where l.county_id = ?", Integer.class, county.id()));
            assertThat(read(plans, () -> leases.countyArrears(code, LocalDate.of(2025, 7, 1)))).as("arrears").isNotEmpty();
            read(plans, () -> leases.figures(code, YearMonth.of(2025, 3)));
            read(plans, () -> figures.figures(county, YearMonth.of(2025, 2)));
            assertThat(read(plans, () -> stock.estates(code))).as("the county's estates").hasSize(2);
            read(plans, () -> stock.dwellings(code, null, null, 0));
        });
    }

    @Test
    void applicationAndLedgerFiguresReadTheCountysRows() {
        inCounties(this::applicationsAndLedger, (county, plans) -> {
            AutoExplain.emptiedStatistics(template, "rental_application", "rental_application_step", "ledger_item",
                    "ledger_event", "ledger_unit");
            String code = county.code();
            LocalDate on = LocalDate.of(2025, 3, 31);
            assertThat(read(plans, () -> applications.figures(code, YearMonth.of(2025, 3)))).as("the month's figures")
                    .isNotEmpty();
            assertThat(read(plans, () -> ledgerFigures.counts(code, on))).as("the ledger's counts").isNotEmpty();
            read(plans, () -> ledgerFigures.overdue(code, on));
            read(plans, () -> ledgerFigures.rates(code));
            read(plans, () -> ledger.standing(code, on));
        });
    }

    /** Seeds 赣州市's 章贡区 and sixteen other counties, then reads; every plan's rows handled under 30 × N. */
    private void inCounties(SeededCounties.Seed seed, java.util.function.BiConsumer<Region, List<JsonNode>> reads) {
        SeededCounties.firstAmongOthers(regions, transactions, template, OTHERS, seed, county -> {
            List<JsonNode> plans = new java.util.ArrayList<>();
            Access.runAs(Actor.system(regions.root()), () -> {
                reads.accept(county, plans);
                return null;
            });
            assertThat(plans).as("the reads' plans").hasSizeGreaterThan(5);
            SoftAssertions soft = new SoftAssertions();
            for (JsonNode p : plans) {
                soft.assertThat(AutoExplain.handled(p)).as("rows handled by %s", AutoExplain.firstLine(p)).isLessThan(30L * N);
            }
            soft.assertAll();
        });
    }

    /** {@code read}'s result, its statements' plans added to {@code plans}. */
    private <T> T read(List<JsonNode> plans, Supplier<T> read) {
        AutoExplain.on(template);
        try (AutoExplain.Captured captured = new AutoExplain.Captured()) {
            T result = read.get();
            template.queryForObject("select 1", Integer.class);   // a query's plan comes with the next statement's
            plans.addAll(captured.plans());
            return result;
        } finally {
            template.execute("set auto_explain.log_min_duration = -1");
        }
    }

    private void rental(Region city, Region c, int k) {
        int base = k * N;
        int cid = c.id();
        SyntheticHouseholds.insert(template, city, c, "PUBLIC_RENTAL", base + 1, base + N);
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
                 where e.region_id = ?""", Math.max(1, N / 20), cid);
        String dwellings = """
                select d.id, row_number() over (order by d.id) rn from rental_dwelling d
                  join rental_building b on b.id = d.building_id join rental_estate e on e.id = b.estate_id
                 where e.region_id = %d""".formatted(cid);
        template.update("""
                insert into rental_dwelling_event (dwelling_id, seq, step, status, effective_on)
                select d.id, 1, 'ENTER', 'VACANT', date '2024-01-01' from (%s) d""".formatted(dwellings));
        template.update("""
                insert into rental_dwelling_event (dwelling_id, seq, step, status, effective_on)
                select d.id, s.seq, s.step, s.status, s.on_day from (%s) d,
                  (values (2, 'ALLOCATE', 'ALLOCATED', date '2024-06-01'), (3, 'OCCUPY', 'OCCUPIED', date '2024-07-01')) s(seq, step, status, on_day)
                 where d.rn %% 3 = 0""".formatted(dwellings));
        template.update("""
                insert into rental_dwelling_event (dwelling_id, seq, step, status, effective_on)
                select d.id, 4, 'VACATE', 'VACANT', date '2025-02-10' from (%s) d where d.rn %% 9 = 0""".formatted(dwellings));
        template.update("""
                update rental_dwelling d set status = (select v.status from rental_dwelling_event v where v.dwelling_id = d.id
                       order by v.seq desc limit 1)
                  from rental_building b, rental_estate e where b.id = d.building_id and e.id = b.estate_id and e.region_id = ?""", cid);
        template.update("""
                insert into rental_round (county_id, city_id, name, rules, method, on_excess, status, candidates_hash, created_by)
                select ?, ?, '第' || j || '轮', 'x', 'ORDER', 'ROUND', 'CLOSED', 'h', 't' from generate_series(1, 3) j""",
                cid, city.id());
        template.update("""
                insert into rental_round_event (round_id, seq, kind, what, on_day, by_user)
                select r.id, g, case when g % 4 = 0 then 'REFUSED' else 'LISTED' end, 'x', date '2025-03-01' + g % 28, 't'
                  from rental_round r, generate_series(1, ?) g where r.county_id = ?""", Math.max(1, N / 3), cid);
        template.update("""
                insert into rental_allocation (household_id, dwelling_id, round_id, county_id, allocated_on, created_by)
                select h.id, d.id, (select min(id) from rental_round where county_id = %d), %d,
                       date '2024-06-01' + (h.rn %% 300)::int, 't'
                  from (select id, row_number() over (order by id) rn from rental_household where county_id = %d) h
                  join (%s) d on d.rn = h.rn where h.rn %% 3 = 0""".formatted(cid, cid, cid, dwellings));
        template.update("""
                insert into rental_lease (lease_no, household_id, dwelling_id, county_id, city_id, rules_file, rules_from,
                    applicant_masked, certificate_no, signed_on, starts_on, ends_on, standard_rent, monthly_rent, rent_basis,
                    status, ended_on, created_by, updated_by)
                select ? || '-' || a.id, a.household_id, a.dwelling_id, a.county_id, ?, 'f', date '2024-01-01', '王*',
                       'c' || a.id, date '2024-07-01', date '2024-07-01', date '2027-06-30', 500, 400, 'x',
                       case when a.id % 10 = 0 then 'ENDED' else 'ACTIVE' end,
                       case when a.id % 10 = 0 then date '2025-01-31' end, 't', 't'
                  from rental_allocation a where a.county_id = ?""", c.code(), city.id(), cid);
        template.update("""
                insert into rental_rent_bill (lease_id, period, kind, amount, basis, due_on, created_by)
                select l.id, m::date, 'RENT', 400, 'x', m::date + 9, 't'
                  from rental_lease l, generate_series(date '2024-07-01', date '2025-06-01', interval '1 month') m
                 where l.county_id = ?""", cid);
        template.update("""
                insert into rental_rent_payment (lease_id, paid_on, amount, channel, created_by)
                select l.id, m::date + 5, 400, 'TRANSFER', 't'
                  from rental_lease l, generate_series(date '2024-07-01', date '2025-03-01', interval '1 month') m
                 where l.county_id = ?""", cid);
        template.update("""
                insert into rental_violation (lease_id, kind, act_on, found_on, evidence, penalty, ban, created_by)
                select l.id, 'IDLE', date '2025-01-01', date '2025-02-01', '无人居住', '第X条', false, 't'
                  from rental_lease l where l.county_id = ?""", cid);   // each lease: pages enough for its index to serve
        template.update("""
                insert into rental_waiting_exclusion (household_id, since, reason, created_by)
                select h.id, date '2024-05-01', 'x', 't' from rental_household h where h.county_id = ? and h.id % 7 = 0""", cid);
    }

    private void applicationsAndLedger(Region city, Region c, int k) {
        int base = k * N;
        int cid = c.id();
        template.update("""
                insert into rental_application (household_id, city_id, county_id, region_id, town_id, applicant_name_masked,
                    applicant_id_masked, members, guarantee, programme, rules_id, flow_id, applied_on, status, step, step_since,
                    step_region_id, due_on, closed_on, created_by, updated_by)
                select i, ?, ?, ?, ?, '王*', '3607**', 3, case when i % 2 = 0 then 'PUBLIC_RENTAL' else 'SUBSIDY' end, 'P', 1, 1,
                       date '2025-01-01' + i % 90, s.status, 's1', date '2025-03-01',
                       case when s.status in ('IN_STEP', 'OBJECTION') then ? end,
                       case when s.status = 'IN_STEP' then date '2025-03-01' + i % 60 end,
                       case when s.status in ('QUALIFIED', 'REJECTED') then date '2025-03-01' + i % 30 end, 't', 't'
                  from generate_series(?, ?) i,
                       lateral (select (array['QUALIFIED', 'IN_STEP', 'REJECTED', 'OBJECTION'])[i % 4 + 1] status) s""",
                city.id(), cid, cid, cid, cid, base + 1, base + N);
        template.update("""
                insert into rental_application_step (application_id, step, kind, region_id, started_on, due_on, ended_on)
                select a.id, st.step, st.kind, ?, date '2025-02-01', date '2025-01-01' + a.id::int % 365,
                       case when a.id % 3 = 0 then date '2025-03-20' end
                  from rental_application a, (values ('s0', 'REVIEW'), ('s1', 'NOTICE'), ('s2', 'REVIEW')) st(step, kind)
                 where a.county_id = ?""", cid, cid);
        template.update("""
                insert into ledger_unit (region_id, name, unit_kind) values (?, '住建局' || ?, 'GOVERNMENT')""", cid, k);
        template.update("""
                insert into ledger_item (kind, region_id, title, unit_id, deadline, deadline_rule, state, state_on, closed_on)
                select case when i % 2 = 0 then 'AUDIT' else 'PETITION' end, ?, '事项' || i, (select max(id) from ledger_unit),
                       date '2025-01-01' + i % 180, 'x', s.state, date '2025-01-01', case when s.state = 'CLOSED' then date '2025-02-01' end
                  from generate_series(1, ?) i,
                       lateral (select (array['PENDING', 'IN_PROGRESS', 'APPLIED', 'CLOSED'])[i % 4 + 1] state) s""", cid, N);
        template.update("""
                insert into ledger_event (item_id, seq, action, state, on_date, text)
                select i.id, g, case when g = 2 then '报送进展' else '交办' end, case when g = 1 then 'PENDING' else i.state end,
                       date '2025-01-01' + g * 20, '进展' || g
                  from ledger_item i, generate_series(1, 3) g where i.region_id = ?""", cid);
    }
}
