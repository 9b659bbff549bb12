package org.anju.rental.subsidy;

import org.anju.AnjuTest;
import org.anju.AutoExplain;
import org.anju.SyntheticHouseholds;
import org.anju.account.Access;
import org.anju.account.Actor;
import org.anju.region.Region;
import org.anju.region.RegionKind;
import org.anju.region.Regions;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.TestPropertySource;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A county's 租赁补贴 roll is computed from that county's agreements, read by their keys, whatever the tables' statistics
 * say. With the statistics the autovacuum leaves after the subsidy tables were emptied (reltuples 0 on the pages it keeps
 * — trial data deleted before going live), the roll's statement read every stored change and, per change, the county's
 * agreements, and a draft generated again compared each stored line with every new one (review of the eighteenth
 * session: 12.5 s instead of 23 ms for 3,000 lines beside 40,000 agreements; a 300,000-line roll would never end). Here
 * a county's rolls are generated in that state beside sixteen other counties' agreements and rolls (in a transaction,
 * rolled back), their totals checked against a direct computation and each statement's plan read from
 * {@code auto_explain}; so too the check on confirming (agreements changed since the roll was generated) and the
 * month's figures (the lines paid; stops and resumptions), which joined the same way — the other counties' rolls
 * confirmed and paid.
 */
@AnjuTest
@TestPropertySource(properties = "anju.test.database=subsidy_statistics")
class PaymentRollsWithoutStatisticsTest {

    static final int PER_COUNTY = 600;
    static final int OTHERS = 16;

    @Autowired
    PaymentRolls rolls;
    @Autowired
    Subsidies subsidies;
    @Autowired
    Regions regions;
    @Autowired
    JdbcTemplate template;
    @Autowired
    PlatformTransactionManager transactions;

    @Test
    void aCountysRollReadsItsOwnAgreementsByKey() {
        Region city = regions.byCode("360700").orElseThrow();
        Region county = regions.byCode("360702").orElseThrow();
        List<Region> others = regions.children(city).stream()
                .filter(r -> r.kind() == RegionKind.COUNTY && !r.equals(county)).limit(OTHERS).toList();
        assertThat(others).hasSize(OTHERS);
        Actor system = Actor.system(regions.root());
        new TransactionTemplate(transactions).executeWithoutResult(status -> {
            status.setRollbackOnly();
            Access.runAs(system, () -> subsidies.uploadParameters("360700", LocalDate.of(2024, 1, 1), "基准测试.tsv",
                    parameters()));
            List<Region> counties = java.util.stream.Stream.concat(java.util.stream.Stream.of(county), others.stream()).toList();
            for (Region c : counties) {
                agreements(city, c, counties.indexOf(c) * PER_COUNTY);
                Roll march = Access.runAs(system, () -> rolls.generate(c.code(), YearMonth.of(2025, 3)));
                if (!c.equals(county)) {   // the others' rolls confirmed and paid
                    Access.runAs(system, () -> rolls.mark(rolls.confirm(march.id(), march.version()).id(),
                            seqs(march), PayStatus.PAID, true, null));
                }
            }
            // re-rated since the draft: the draft generated again rewrites these lines only
            template.update("set local session_replication_role = replica");
            template.update("""
                    update rental_subsidy_change c set monthly_amount = 260 + a.household_id % 500
                      from rental_subsidy_agreement a
                     where a.id = c.agreement_id and a.county_id = ? and c.kind = 'ADJUST' and a.id % 40 = 0""",
                    county.id());
            // and the other counties' agreements changed after the county's roll is generated again: not its concern
            template.update("""
                    update rental_subsidy_change c set at = now() + interval '1 minute' from rental_subsidy_agreement a
                     where a.id = c.agreement_id and a.county_id <> ?""", county.id());
            template.update("set local session_replication_role = origin");
            AutoExplain.emptiedStatistics(template, "rental_subsidy_agreement", "rental_subsidy_change",
                    "rental_subsidy_roll", "rental_subsidy_roll_line", "rental_subsidy_payment");

            Roll again;
            Roll april;
            Roll confirmed;
            SubsidyFigures march;
            List<JsonNode> plans;
            AutoExplain.on(template);
            try (AutoExplain.Captured captured = new AutoExplain.Captured()) {
                again = Access.runAs(system, () -> rolls.generate(county.code(), YearMonth.of(2025, 3)));
                april = Access.runAs(system, () -> rolls.generate(county.code(), YearMonth.of(2025, 4)));
                // confirming looks for agreements changed since the roll was generated; the figures count the month's stops
                confirmed = Access.runAs(system, () -> rolls.confirm(again.id(), again.version()));
                Access.runAs(system, () -> rolls.mark(again.id(), seqs(again), PayStatus.PAID, true, null));
                march = rolls.figures(county.code(), YearMonth.of(2025, 3));
                // a query's plan arrives when its portal is closed, with the next statement's warnings
                template.queryForObject("select 1", Integer.class);
                plans = captured.plans();
            }
            template.execute("set auto_explain.log_min_duration = -1");

            assertThat(again.total()).as("March's roll generated again").isEqualByComparingTo(expected(county, """
                    case when a.id % 10 = 3 then round(amt * (a.id % 31) / 31.0, 2) else amt end"""));
            assertThat(april.total()).as("April's roll, the first of the month")
                    .isEqualByComparingTo(expected(county, "case when a.id % 10 = 3 then 0 else amt end"));
            assertThat(again.households() + april.households()).as("lines").isGreaterThan(PER_COUNTY);
            assertThat(confirmed.confirmed()).as("confirmed: no agreement changed since").isTrue();
            assertThat(List.of(march.households(), march.onlineHouseholds())).as("March's households paid, online")
                    .containsExactly(again.households(), again.households());
            assertThat(march.amount()).as("March's amount paid").isEqualByComparingTo(again.total());
            assertThat(march.stopped()).as("March's stops in the county").isEqualTo(template.queryForObject(
                    "select count(*) from rental_subsidy_agreement where county_id = ? and id % 10 = 3", Integer.class,
                    county.id()));
            assertThat(plans).as("the rolls' plans: the lines computed, the draft's stale lines deleted")
                    .anySatisfy(p -> assertThat(AutoExplain.query(p)).contains("with iv as"))
                    .anySatisfy(p -> assertThat(AutoExplain.query(p)).contains("delete from rental_subsidy_roll_line"))
                    .anySatisfy(p -> assertThat(AutoExplain.query(p)).contains("select exists"))
                    .anySatisfy(p -> assertThat(AutoExplain.query(p)).contains("filter (where c.kind = 'STOP')"));
            SoftAssertions soft = new SoftAssertions();
            for (JsonNode p : plans) {   // a roll's lines pass some twenty plan nodes each; the other counties' must not
                soft.assertThat(AutoExplain.handled(p)).as("rows handled by %s", AutoExplain.firstLine(p))
                        .isLessThan(30L * PER_COUNTY);
            }
            soft.assertAll();
        });
    }

    private static List<Integer> seqs(Roll roll) {
        return java.util.stream.IntStream.rangeClosed(1, roll.households()).boxed().toList();
    }

    /** Agreements from 2024-01 (the households numbered after {@code before}), one in twenty re-rated from 2025-02, one in ten stopped on a day of March 2025. */
    private void agreements(Region city, Region county, int before) {
        template.update("set local session_replication_role = replica");
        SyntheticHouseholds.insert(template, city, county, "SUBSIDY", before + 1, before + PER_COUNTY);
        template.update("""
                insert into rental_subsidy_agreement (household_id, county_id, city_id, bank_account_enc, bank_account_bidx,
                    bank_account_masked, bank_name, status, monthly_amount, review_due, created_by, updated_by)
                select h.id, h.county_id, h.city_id, decode(md5('a' || h.id), 'hex'), decode(md5('ab' || h.id), 'hex'),
                       '****0000', '中国工商银行', 'ACTIVE', 200 + h.id % 600, date '2025-12-31', 'test', 'test'
                  from rental_household h where h.county_id = ?""", county.id());
        template.update("""
                insert into rental_subsidy_change (agreement_id, seq, kind, effective_on, monthly_amount, computation, tier,
                    persons, held_area, review_due, by_user)
                select a.id, 1, 'START', date '2024-01-01', 200 + a.household_id % 600, '测试', '低保', 1, 0,
                       date '2025-12-31', 'test'
                  from rental_subsidy_agreement a where a.county_id = ?""", county.id());
        template.update("""
                insert into rental_subsidy_change (agreement_id, seq, kind, effective_on, monthly_amount, computation, tier,
                    persons, held_area, review_due, by_user)
                select a.id, 2, 'ADJUST', date '2025-02-01', 250 + a.household_id % 500, '测试', '低保', 1, 0,
                       date '2026-01-31', 'test'
                  from rental_subsidy_agreement a where a.county_id = ? and a.id % 20 = 0""", county.id());
        template.update("""
                insert into rental_subsidy_change (agreement_id, seq, kind, effective_on, stop_reason, by_user)
                select a.id, (select max(seq) + 1 from rental_subsidy_change c where c.agreement_id = a.id), 'STOP',
                       date '2025-03-01' + (a.id % 31)::int, 'INELIGIBLE', 'test'
                  from rental_subsidy_agreement a where a.county_id = ? and a.id % 10 = 3""", county.id());
        template.update("set local session_replication_role = origin");
    }

    /** The county's total computed here without the roll: {@code paid} of each agreement's amount {@code amt}. */
    private BigDecimal expected(Region county, String paid) {
        return template.queryForObject("""
                select sum(%s)
                  from (select a.id, case when a.id %% 40 = 0 then 260 + a.household_id %% 500
                                          when a.id %% 20 = 0 then 250 + a.household_id %% 500
                                          else 200 + a.household_id %% 600 end amt
                          from rental_subsidy_agreement a where a.county_id = ?) a""".formatted(paid),
                BigDecimal.class, county.id());
    }

    /** Chongqing 渝中区's real parameter file (as SubsidyBench uses it) for 赣州市, paid monthly, part months by day. */
    private static String parameters() {
        try (InputStream in = PaymentRollsWithoutStatisticsTest.class.getResourceAsStream("/rental/subsidy/500103.tsv")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).replace("城市\t500103", "城市\t360700")
                    + "发放周期\t按月\n不足月\t按日折算\n";
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
