package org.anju.rental.allocation;

import org.anju.AnjuTest;
import org.anju.AutoExplain;
import org.anju.PlanProbe;
import org.anju.SyntheticHouseholds;
import org.anju.account.Access;
import org.anju.account.Actor;
import org.anju.region.Region;
import org.anju.region.Regions;
import org.anju.rental.stock.Stock;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.TestPropertySource;
import org.springframework.transaction.PlatformTransactionManager;

import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A round's reads by id (the round, its dwellings, candidates, events, allocations and offers; an allocation by household
 * or dwelling) read that round's or that id's rows, whatever the tables' statistics say: seventeen counties of
 * {@value #N} households and dwellings, three rounds each with a third of them, with the statistics as the autovacuum
 * leaves them after the tables were emptied (in a transaction, rolled back), each statement's plan read from
 * {@code auto_explain} (ARCHITECTURE.md, plans that do not depend on the statistics).
 */
@AnjuTest
@TestPropertySource(properties = "anju.test.database=byid_reads")
class RoundsByIdWithoutStatisticsTest {

    static final int N = 600;
    static final int OTHERS = 16;
    /** Rows a read of one id may handle. */
    static final long ONE = 100;
    /** Rows a read of one round may handle: ten times its share (a third of the county's {@value #N}). */
    static final long ROUND = 10L * N / 3;

    @Autowired
    RoundRepository repository;
    @Autowired
    Stock stock;
    @Autowired
    Regions regions;
    @Autowired
    JdbcTemplate template;
    @Autowired
    PlatformTransactionManager transactions;

    static final String[] TABLES = {"rental_household", "rental_estate", "rental_building", "rental_dwelling",
            "rental_round", "rental_round_dwelling", "rental_round_candidate", "rental_round_event", "rental_allocation"};

    @Test
    void readsByIdReadTheirRows() {
        inCounties((county, probe) -> {
            AutoExplain.emptiedStatistics(template, TABLES);
            reads(probe, county);
            System.out.println(probe.report("rounds by id, emptied statistics"));
            System.out.println(probe.plans("rounds by id, emptied statistics"));
            assertThat(probe.reads()).as("the reads' plans").hasSizeGreaterThan(12);
            assertThat(probe.over()).as("reads over their bound").isEmpty();
        });
    }

    /** A round's allocations were read from the whole table with analyzed statistics too: no index had round_id. */
    @Test
    void aRoundsAllocationsWithAnalyzedStatistics() {
        inCounties((county, probe) -> {
            template.execute("analyze " + String.join(", ", TABLES));
            long round = template.queryForObject("select id from rental_round where county_id = ? order by id offset 1 limit 1",
                    Long.class, county.id());
            assertThat(probe.read("allocations(round)", ROUND, () -> repository.allocations(round))).hasSize(N / 3 / 2);
            System.out.println(probe.report("a round's allocations, analyzed statistics"));
            assertThat(probe.over()).as("reads over their bound").isEmpty();
        });
    }

    void inCounties(java.util.function.BiConsumer<Region, PlanProbe> reads) {
        org.anju.SeededCounties.lastAmongOthers(regions, transactions, template, OTHERS, this::seed,
                county -> Access.runAs(Actor.system(regions.root()), () -> {
                    reads.accept(county, new PlanProbe(template));
                    return null;
                }));
    }

    /** The county's second round, read by id as its page, a choice and a new round read it. */
    void reads(PlanProbe probe, Region county) {
        long round = template.queryForObject("select id from rental_round where county_id = ? order by id offset 1 limit 1",
                Long.class, county.id());
        int share = N / 3;
        long household = template.queryForObject("""
                select household_id from rental_allocation where round_id = ? and cancelled_on is null
                order by id limit 1""", Long.class, round);
        long dwelling = template.queryForObject("select dwelling_id from rental_allocation where household_id = ?"
                + " and cancelled_on is null", Long.class, household);
        assertThat(probe.read("round(id)", ONE, () -> repository.round(round, false))).isPresent();
        assertThat(probe.read("round(id) for update", ONE, () -> repository.round(round, true))).isPresent();
        List<Long> dwellings = probe.read("dwellings(round)", ROUND, () -> repository.dwellings(round));
        assertThat(dwellings).hasSize(share);
        // a known residual, read once per call (not per row): the allocations in force through the dwelling's partial
        // index with the household as a filter (the two partial indexes tie). The rounds' dwellings read the primary
        // key whole, the ids a filter on its second column (2 × 17 × N rows), until each id was looked up in its own
        // lateral (RoundRepository.dwellingsInOpenRounds)
        long allocations = 17L * N / 2;
        assertThat(probe.read("dwellingsInOpenRounds(ids)", ROUND, () -> repository.dwellingsInOpenRounds(dwellings)))
                .isEmpty();
        assertThat(probe.read("Stock.dwellings(ids)", ROUND, () -> stock.dwellings(dwellings))).hasSize(share);
        assertThat(probe.read("Stock.dwelling(id)", ONE, () -> stock.dwelling(dwellings.getFirst())).id())
                .isEqualTo(dwellings.getFirst());
        assertThat(probe.read("candidates(round)", ROUND, () -> repository.candidates(round))).hasSize(share);
        assertThat(probe.read("candidateCount(round)", ROUND, () -> repository.candidateCount(round))).isEqualTo(share);
        assertThat(probe.read("standings(round)", ROUND, () -> repository.standings(round))).hasSize(share);
        List<RoundRepository.EventRow> events = probe.read("events(round)", ROUND, () -> repository.events(round));
        assertThat(events).hasSize(share + 1);
        assertThat(events).filteredOn(e -> e.householdId() != null).allSatisfy(e -> assertThat(e.number()).isNotNull());
        assertThat(probe.read("allocations(round)", ROUND, () -> repository.allocations(round))).hasSize(share / 2);
        assertThat(probe.read("offers(round)", ROUND, () -> repository.offers(round))).hasSize(share);
        assertThat(probe.read("refusalsElsewhere(household, round)", ONE,
                () -> repository.refusalsElsewhere(household, round))).isZero();
        assertThat(probe.read("currentAllocation(household)", ONE + allocations, () -> repository.currentAllocation(household)))
                .hasValueSatisfying(a -> assertThat(a.roundId()).isEqualTo(round));
        assertThat(probe.read("currentAllocationOfDwelling(dwelling)", ONE,
                () -> repository.currentAllocationOfDwelling(dwelling)))
                .hasValueSatisfying(a -> assertThat(a.householdId()).isEqualTo(household));
        assertThat(probe.read("householdRegion(household)", ONE, () -> repository.householdRegion(household)))
                .contains(county.id());
        probe.read("event(round, …)", ONE, () -> {
            repository.event(round, household, "CHOSE", "x", LocalDate.of(2025, 3, 2), "t");
            return null;
        });
    }

    void seed(Region city, Region c, int k) {
        int cid = c.id();
        SyntheticHouseholds.insert(template, city, c, "PUBLIC_RENTAL", k * N + 1, k * N + N);
        org.anju.SeededCounties.stock(template, cid, k, N / 20);
        template.update("""
                insert into rental_round (county_id, city_id, name, rules, method, on_excess, status, candidates_hash, created_by)
                select ?, ?, '第' || j || '轮', 'x', 'ORDER', 'ROUND', 'CLOSED', 'h', 't' from generate_series(1, 3) j""",
                cid, city.id());
        String rounds = "select id, row_number() over (order by id) - 1 j from rental_round where county_id = " + cid;
        template.update("""
                insert into rental_round_dwelling (round_id, dwelling_id)
                select r.id, d.id from (%s) r
                  join (select d.id, row_number() over (order by d.id) rn from rental_dwelling d
                          join rental_building b on b.id = d.building_id join rental_estate e on e.id = b.estate_id
                         where e.region_id = %d) d on d.rn %% 3 = r.j""".formatted(rounds, cid));
        template.update("""
                insert into rental_round_candidate (round_id, household_id, number, list_position, position, state, refusals)
                select r.id, h.id, ? || '-' || h.rn, h.rn, h.rn, case when h.rn %% 2 = 0 then 'CHOSE' else 'WAITING' end,
                       (h.rn %% 2)::int
                  from (%s) r
                  join (select id, row_number() over (order by id) rn from rental_household where county_id = ?) h
                    on h.rn %% 3 = r.j""".formatted(rounds), c.code(), cid);
        template.update("""
                insert into rental_round_event (round_id, seq, household_id, kind, what, on_day, by_user)
                select id, 1, null, 'LISTED', '名单公示', date '2025-03-01', 't' from rental_round where county_id = ?""", cid);
        template.update("""
                insert into rental_round_event (round_id, seq, household_id, kind, what, on_day, by_user)
                select c.round_id, 1 + row_number() over (partition by c.round_id order by c.household_id), c.household_id,
                       case when c.refusals > 0 then 'REFUSED' else 'CHOSE' end, 'x', date '2025-03-01', 't'
                  from rental_round_candidate c join rental_round r on r.id = c.round_id where r.county_id = ?""", cid);
        template.update("""
                insert into rental_allocation (household_id, dwelling_id, round_id, county_id, allocated_on, cancelled_on, created_by)
                select c.household_id, d.dwelling_id, c.round_id, ?, date '2025-03-05',
                       case when c.n % 10 = 0 then date '2025-06-01' end, 't'
                  from (select round_id, household_id, row_number() over (partition by round_id order by household_id) n
                          from rental_round_candidate where state = 'CHOSE'
                           and round_id in (select id from rental_round where county_id = ?)) c
                  join (select round_id, dwelling_id, row_number() over (partition by round_id order by dwelling_id) n
                          from rental_round_dwelling where round_id in (select id from rental_round where county_id = ?)) d
                    on d.round_id = c.round_id and d.n = c.n""", cid, cid, cid);
        // the county's rounds, estates and buildings beyond those the reads use, so that these tables have the pages a
        // country's have: a table of a few pages is read whole whatever its statistics (the small tables of the
        // nineteenth sweep)
        template.update("""
                insert into rental_round (county_id, city_id, name, rules, method, on_excess, status, candidates_hash, created_by)
                select ?, ?, '往年第' || j || '轮', 'x', 'ORDER', 'ROUND', 'CLOSED', 'h', 't' from generate_series(1, 30) j""",
                cid, city.id());
        org.anju.SeededCounties.padStock(template, cid, k);
    }
}
