package org.anju.bench;

import org.anju.AnjuApplication;
import org.anju.account.Access;
import org.anju.account.Actor;
import org.anju.region.Region;
import org.anju.region.Regions;
import org.anju.rental.subsidy.PaymentRolls;
import org.anju.rental.subsidy.Roll;
import org.anju.rental.subsidy.Subsidies;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;

/**
 * The monthly 租赁补贴 roll of 300,000 households in one county (issue 12: ≤ 10 s, heap ≤ 512 MB). Synthetic households,
 * agreements and changes are written by set-based SQL (generate_series, triggers off for the load): every agreement
 * starts 2024-01, one in ten stops on a day of March 2025, one in twenty is re-rated from February 2025. The roll of
 * 2025-03 is generated (one INSERT … SELECT), generated again (the draft replaced: idempotent), then its lines are
 * counted and summed against a direct computation; it is confirmed, every line marked paid, and the month's figures read
 * (checked against the roll). Run with {@code ./mvnw -q -Pbench verify -Dbench=SubsidyBench}.
 */
public final class SubsidyBench {

    static final int HOUSEHOLDS = 300_000;

    public static void main(String[] args) throws Exception {
        try (ConfigurableApplicationContext ctx = new SpringApplicationBuilder(AnjuApplication.class)
                .web(WebApplicationType.NONE).profiles("test")
                .properties("anju.demo.enabled=false", "logging.level.root=WARN", "logging.level.io.zonky=ERROR")
                .run()) {
            Regions regions = ctx.getBean(Regions.class);
            JdbcClient jdbc = ctx.getBean(JdbcClient.class);
            TransactionTemplate tx = new TransactionTemplate(ctx.getBean(PlatformTransactionManager.class));
            Subsidies subsidies = ctx.getBean(Subsidies.class);
            PaymentRolls rolls = ctx.getBean(PaymentRolls.class);
            Region city = regions.byCode("360700").orElseThrow();
            Region county = regions.byCode("360702").orElseThrow();
            Region street = regions.byCode("360702001000").orElseThrow();
            Actor system = Actor.system(regions.root());

            String file;
            try (InputStream in = SubsidyBench.class.getResourceAsStream("/rental/subsidy/500103.tsv")) {
                file = new String(in.readAllBytes(), StandardCharsets.UTF_8).replace("城市\t500103", "城市\t360700")
                        + "发放周期\t按月\n不足月\t按日折算\n";
            }
            String params = file;
            Access.runAs(system, () -> subsidies.uploadParameters("360700", LocalDate.of(2024, 1, 1), "基准测试.tsv", params));

            long t0 = System.nanoTime();
            tx.executeWithoutResult(s -> {
                jdbc.sql("set local session_replication_role = replica").update();
                jdbc.sql("""
                                insert into rental_household (city_id, county_id, region_id, applicant_name_enc, applicant_name_bidx,
                                    applicant_name_masked, applicant_id_enc, applicant_id_bidx, applicant_id_masked, held_area,
                                    guarantee, certificate_no, qualified_on, created_by, updated_by)
                                select :city, :county, :street, decode(md5('n' || i), 'hex'), decode(md5('nb' || i), 'hex'), '王*',
                                       decode(md5('i' || i), 'hex'), decode(md5('ib' || i), 'hex'), '3607**********' || lpad((i % 10000)::text, 4, '0'),
                                       0, 'SUBSIDY', '3607002024' || lpad(i::text, 7, '0'), date '2024-01-01', 'bench', 'bench'
                                  from generate_series(1, :n) i""")
                        .param("city", city.id()).param("county", county.id()).param("street", street.id())
                        .param("n", HOUSEHOLDS).update();
                jdbc.sql("""
                                insert into rental_subsidy_agreement (household_id, county_id, city_id, bank_account_enc,
                                    bank_account_bidx, bank_account_masked, bank_name, status, monthly_amount, review_due,
                                    created_by, updated_by)
                                select h.id, :county, :city, decode(md5('a' || h.id), 'hex'), decode(md5('ab' || h.id), 'hex'),
                                       '****' || lpad((h.id % 10000)::text, 4, '0'), '中国工商银行赣州章贡支行', 'ACTIVE',
                                       200 + (h.id % 600), date '2025-12-31', 'bench', 'bench'
                                  from rental_household h where h.county_id = :county""")
                        .param("city", city.id()).param("county", county.id()).update();
                jdbc.sql("""
                                insert into rental_subsidy_change (agreement_id, seq, kind, effective_on, monthly_amount, computation,
                                    tier, persons, held_area, review_due, by_user)
                                select a.id, 1, 'START', date '2024-01-01', 200 + (a.household_id % 600), '基准测试', '低保', 1, 0,
                                       date '2025-12-31', 'bench'
                                  from rental_subsidy_agreement a where a.county_id = :county""")
                        .param("county", county.id()).update();
                jdbc.sql("""
                                insert into rental_subsidy_change (agreement_id, seq, kind, effective_on, monthly_amount, computation,
                                    tier, persons, held_area, review_due, by_user)
                                select a.id, 2, 'ADJUST', date '2025-02-01', 250 + (a.household_id % 500), '基准测试', '低保', 1, 0,
                                       date '2026-01-31', 'bench'
                                  from rental_subsidy_agreement a where a.county_id = :county and a.id % 20 = 0""")
                        .param("county", county.id()).update();
                jdbc.sql("""
                                insert into rental_subsidy_change (agreement_id, seq, kind, effective_on, stop_reason, by_user)
                                select a.id, (select max(seq) + 1 from rental_subsidy_change c where c.agreement_id = a.id), 'STOP',
                                       date '2025-03-01' + (a.id % 31)::int, 'INELIGIBLE', 'bench'
                                  from rental_subsidy_agreement a where a.county_id = :county and a.id % 10 = 3""")
                        .param("county", county.id()).update();
            });
            jdbc.sql("analyze").update();
            System.out.printf("synthetic data: %d households, agreements and their changes in %.1f s%n", HOUSEHOLDS,
                    (System.nanoTime() - t0) / 1e9);

            Timer first = new Timer("monthly roll of 300,000 households (2025-03), first generation");
            Timer again = new Timer("the same roll generated again (draft replaced)");
            Roll roll = first.time(() -> Access.runAs(system, () -> rolls.generate("360702", YearMonth.of(2025, 3))));
            Roll second = again.time(() -> Access.runAs(system, () -> rolls.generate("360702", YearMonth.of(2025, 3))));
            for (int i = 0; i < 2; i++) {
                again.time(() -> Access.runAs(system, () -> rolls.generate("360702", YearMonth.of(2025, 3))));
            }
            // the confirmation's check for agreements changed since the roll was generated; every line paid; the month's
            // figures (households paid, stops)
            Timer confirm = new Timer("confirming the roll (no agreement changed since it was generated)");
            Timer figures = new Timer("the county's figures of 2025-03 (lines paid, stops and resumptions)");
            Roll confirmed = confirm.time(() -> Access.runAs(system, () -> rolls.confirm(second.id(), second.version() + 2)));
            for (int from = 1; from <= second.households(); from += 100_000) {   // mark takes 100,000 lines at most
                List<Integer> seqs = java.util.stream.IntStream.range(from, Math.min(from + 100_000, second.households() + 1))
                        .boxed().toList();
                Access.runAs(system, () -> rolls.mark(second.id(), seqs, org.anju.rental.subsidy.PayStatus.PAID, true, null));
            }
            org.anju.rental.subsidy.SubsidyFigures march = null;
            for (int i = 0; i < 3; i++) {
                march = figures.time(() -> Access.runAs(system, () -> rolls.figures("360702", YearMonth.of(2025, 3))));
            }
            // the expected total, computed here without the roll: full months, and March's stops prorated by day
            String expected = jdbc.sql("""
                            select sum(case when a.id % 10 = 3 then round(amt * ((a.id % 31)) / 31.0, 2) else amt end)
                              from (select a.id, case when a.id % 20 = 0 then 250 + (a.household_id % 500)
                                                      else 200 + (a.household_id % 600) end amt
                                      from rental_subsidy_agreement a where a.county_id = :county) a""")
                    .param("county", county.id()).query(java.math.BigDecimal.class).single().toPlainString();
            System.out.println();
            System.out.println("| benchmark | runs | mean ms | p50 ms | p95 ms | max ms | target |");
            System.out.println("|---|---|---|---|---|---|---|");
            System.out.println(first.report(10_000, 100));
            System.out.println(again.report(10_000, 100));
            System.out.println(confirm.report(10_000, 100));
            System.out.println(figures.report(10_000, 100));
            System.out.println();
            System.out.printf("roll %s: %d lines, total %s 元 (computed directly: %s 元); again: %d lines, total %s 元%n",
                    roll.periodName(), roll.households(), roll.total().toPlainString(), expected, second.households(),
                    second.total().toPlainString());
            if (roll.total().compareTo(new java.math.BigDecimal(expected)) != 0 || second.total().compareTo(roll.total()) != 0
                    || !confirmed.confirmed() || march.households() != roll.households()
                    || march.amount().compareTo(roll.total()) != 0) {
                throw new IllegalStateException("花名册合计与直接计算不符");
            }
            long peak = HeapPeak.bytes();
            System.out.println("JVM " + Runtime.version() + ", " + Runtime.getRuntime().availableProcessors() + " CPUs, max heap "
                    + Runtime.getRuntime().maxMemory() / (1024 * 1024) + " MB, peak heap used (sum of pools' peaks) "
                    + peak / (1024 * 1024) + " MB");
        }
    }
}
