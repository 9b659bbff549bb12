package org.anju.rental.waiting;

import org.anju.AnjuTest;
import org.anju.PlanProbe;
import org.anju.SeededCounties;
import org.anju.SyntheticHouseholds;
import org.anju.account.Access;
import org.anju.account.Actor;
import org.anju.region.Region;
import org.anju.region.Regions;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.TestPropertySource;
import org.springframework.transaction.PlatformTransactionManager;

import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A county's households waiting at a month's end (轮候 in the county's allocation figures) are checked against their own
 * allocations and leases, not the country's, with analyzed statistics: {@value #H} households in 章贡区 (a third
 * allocated, with a lease; every seventh struck off) beside {@value #ELSEWHERE} allocations and leases of other
 * counties' households (seeded by SQL with the triggers off, in a transaction rolled back), the statement's plan read from
 * {@code auto_explain}. Before V42_2111 and V43_2112 no index held every allocation and lease of a household (only the
 * ones in force: partial indexes), so each call hashed both national tables whole (1,152,715 rows, 140 ms); with the
 * indexes alone the planner still chose a merge anti join through half of them (160,001 rows), so the statement tests
 * each household by its key in a subquery it cannot turn into a join (4,715 rows, 5 ms).
 */
@AnjuTest
@TestPropertySource(properties = "anju.test.database=index_sweep")
class WaitingOnByHouseholdTest {

    static final int H = 3_000;
    static final int ELSEWHERE = 300_000;

    @Autowired
    WaitingList waiting;
    @Autowired
    Regions regions;
    @Autowired
    JdbcTemplate template;
    @Autowired
    PlatformTransactionManager transactions;

    @Test
    void aCountysWaitingHouseholdsAreCheckedByTheirKeys() {
        Region city = regions.byCode("360700").orElseThrow();
        Region county = regions.byCode("360702").orElseThrow();
        Region other = regions.byCode("360703").orElseThrow();
        SeededCounties.rolledBack(transactions, template, () -> {
            // the country's: allocations and leases of households elsewhere, numbered before and after the county's (their
            // households, dwellings and rounds are not needed by the statement, and the keys are off)
            template.update("""
                    insert into rental_allocation (household_id, dwelling_id, round_id, county_id, allocated_on, cancelled_on,
                                                   created_by)
                    select %1$s, 100000000 + i, 1, ?, date '2024-06-01' + i %% 300,
                           case when i %% 10 = 0 then date '2025-04-30' end, 't'
                      from generate_series(1, ?) i""".formatted(ELSEWHERE_HOUSEHOLD), other.id(), ELSEWHERE);
            template.update(LEASES.formatted(ELSEWHERE_HOUSEHOLD, "100000000 + i"), other.id(), city.id(), ELSEWHERE);
            // the county's
            SyntheticHouseholds.insert(template, city, county, "PUBLIC_RENTAL", 1, H);
            template.update("""
                    insert into rental_allocation (household_id, dwelling_id, round_id, county_id, allocated_on, created_by)
                    select h.id, 200000000 + h.id, 1, ?, date '2024-06-01', 't'
                      from rental_household h where h.county_id = ? and h.id % 3 = 0""", county.id(), county.id());
            template.update("""
                    insert into rental_lease (lease_no, household_id, dwelling_id, county_id, city_id, rules_file, rules_from,
                        applicant_masked, certificate_no, signed_on, starts_on, ends_on, standard_rent, monthly_rent,
                        rent_basis, status, created_by, updated_by)
                    select 'L' || h.id, h.id, 200000000 + h.id, ?, ?, 'f', date '2024-01-01', '王*', 'c' || h.id,
                           date '2024-07-01', date '2024-07-01', date '2027-06-30', 500, 400, 'x', 'ACTIVE', 't', 't'
                      from rental_household h where h.county_id = ? and h.id % 3 = 0""", county.id(), city.id(), county.id());
            template.update("""
                    insert into rental_waiting_exclusion (household_id, since, reason, created_by)
                    select h.id, date '2024-05-01', 'x', 't' from rental_household h
                     where h.county_id = ? and h.id % 7 = 0 and h.id % 3 <> 0""", county.id());
            return null;
        }, none -> {
            for (String t : new String[]{"rental_household", "rental_allocation", "rental_lease", "rental_waiting_exclusion"}) {
                template.execute("analyze " + t);
            }
            int expected = template.queryForObject("""
                    select count(*) from rental_household h where h.county_id = ? and h.id % 3 <> 0 and h.id % 7 <> 0""",
                    Integer.class, county.id());
            PlanProbe probe = new PlanProbe(template);
            LocalDate day = LocalDate.of(2025, 6, 30);
            Access.runAs(Actor.system(regions.root()), () -> {
                assertThat(probe.read("waitingOn(county, day)", 20L * H, () -> waiting.waitingOn(county, day)))
                        .isEqualTo(expected);
                if (Boolean.getBoolean("sweep.timings")) {
                    System.out.printf("TIMING waitingOn %.3f ms%n", PlanProbe.median(() -> waiting.waitingOn(county, day)));
                    // what the index adds to a lease's and an allocation's insert (their keys and audit off)
                    template.update("set local session_replication_role = replica");
                    int[] n = {0};
                    System.out.printf("TIMING insert allocation %.3f ms%n", PlanProbe.median(() -> template.update("""
                            insert into rental_allocation (household_id, dwelling_id, round_id, county_id, allocated_on,
                                                           created_by)
                            values (?, ?, 1, ?, date '2025-01-01', 't')""", 300000000 + n[0], 300000000 + n[0]++,
                            county.id())));
                    System.out.printf("TIMING insert lease %.3f ms%n", PlanProbe.median(() -> template.update(LEASES.formatted(
                            "400000000 + i + " + n[0], "400000000 + i + " + n[0]++), other.id(), city.id(), 1)));
                }
                return null;
            });
            System.out.println(probe.plans("a county's waiting households, analyzed statistics"));
            assertThat(probe.over()).as("reads over their bound").isEmpty();
        });
    }

    /** The i-th household elsewhere: every other one numbered before the county's households, the rest after them. */
    static final String ELSEWHERE_HOUSEHOLD = "case when i % 2 = 0 then -i else 100000000 + i end";

    static final String LEASES = """
            insert into rental_lease (lease_no, household_id, dwelling_id, county_id, city_id, rules_file, rules_from,
                applicant_masked, certificate_no, signed_on, starts_on, ends_on, standard_rent, monthly_rent, rent_basis,
                status, ended_on, created_by, updated_by)
            select 'X' || (%1$s), %1$s, %2$s, ?, ?, 'f', date '2024-01-01', '王*', 'c' || i, date '2024-07-01',
                   date '2024-07-01', date '2027-06-30', 500, 400, 'x',
                   case when i %% 10 = 0 then 'ENDED' else 'ACTIVE' end, case when i %% 10 = 0 then date '2025-01-31' end,
                   't', 't'
              from generate_series(1, ?) i""";

}
