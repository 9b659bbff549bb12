package org.anju.bench;

import org.anju.AnjuApplication;
import org.anju.account.Access;
import org.anju.account.Actor;
import org.anju.ledger.item.LedgerFigures;
import org.anju.region.Regions;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.LocalDate;
import java.util.List;

/**
 * 台账 (issue 13): 100,000 ledger items spread over every county-level region of the country (the loaded 区划), each
 * with its 交办 entry; 赣州市's overdue list through {@link LedgerFigures#overdue} (target p95 ≤ 100 ms) and the plain
 * SQL doing the same work in the same run (the ratio says what the service adds), plus the counts by kind × state ×
 * unit as at a date and the due-soon list, and the bulletin's section (七) for 赣州市 (its audit and petition items as
 * they stood at November's end, target p95 ≤ 200 ms). Items and events are written by set-based SQL with triggers off for the
 * load. Run with {@code ./mvnw -q -Pbench verify -Dbench=LedgerBench}.
 */
public final class LedgerBench {

    static final int ITEMS = 100_000;
    static final int RUNS = 50;

    public static void main(String[] args) {
        try (ConfigurableApplicationContext ctx = new SpringApplicationBuilder(AnjuApplication.class)
                .web(WebApplicationType.NONE).profiles("test")
                .properties("anju.demo.enabled=false", "logging.level.root=WARN", "logging.level.io.zonky=ERROR")
                .run()) {
            Regions regions = ctx.getBean(Regions.class);
            JdbcClient jdbc = ctx.getBean(JdbcClient.class);
            TransactionTemplate tx = new TransactionTemplate(ctx.getBean(PlatformTransactionManager.class));
            LedgerFigures figures = ctx.getBean(LedgerFigures.class);
            Actor system = Actor.system(regions.root());

            long t0 = System.nanoTime();
            tx.executeWithoutResult(s -> {
                jdbc.sql("set local session_replication_role = replica").update();
                jdbc.sql("""
                        create temporary table bench_county on commit drop as
                        select row_number() over (order by id) as n, id from region where kind in ('COUNTY', 'DEV_ZONE')""").update();
                int counties = jdbc.sql("select count(*) from bench_county").query(Integer.class).single();
                jdbc.sql("""
                                insert into ledger_item (kind, region_id, title, fields, deadline, deadline_rule, state, state_on, closed_on,
                                    created_by, updated_by)
                                select (array['AUDIT','PETITION','OVERDUE_RESETTLEMENT','LATE_DELIVERY','DANGEROUS_BUILDING'])[1 + i % 5],
                                       c.id, '基准测试事项 ' || i, '{}', date '2025-01-01' + (i * 7919 % 900),
                                       '基准测试', s.state, date '2025-01-01', case when s.state = 'CLOSED' then date '2025-06-30' end,
                                       'bench', 'bench'
                                  from generate_series(1, :n) i
                                  join bench_county c on c.n = 1 + (i * 2654435761 % :counties)
                                  cross join lateral (select (array['PENDING','IN_PROGRESS','APPLIED','CLOSED','CLOSED'])[1 + i % 5] as state) s""")
                        .param("n", ITEMS).param("counties", counties).update();
                jdbc.sql("""
                        insert into ledger_event (item_id, seq, action, state, on_date, by_user)
                        select id, 1, '交办', state, date '2025-01-01', 'bench' from ledger_item where created_by = 'bench'""").update();
                jdbc.sql("analyze ledger_item").update();
                jdbc.sql("analyze ledger_event").update();
            });
            double loadS = (System.nanoTime() - t0) / 1e9;
            LocalDate on = LocalDate.of(2026, 12, 1);
            String city = "360700";
            int cityId = regions.byCode(city).orElseThrow().id();

            Timer service = new Timer("赣州市逾期事项 LedgerFigures.overdue (" + ITEMS + " items nationally)");
            Timer plain = new Timer("the same list in plain SQL (JdbcClient, rows to records)");
            Timer counts = new Timer("赣州市 counts by kind × state × unit as at a date");
            Timer dueSoon = new Timer("赣州市临近到期 LedgerFigures.dueSoon");
            Timer section = new Timer("赣州市通报（七）审计及信访 Bulletins.ledgerSection, 2026年11月");
            org.anju.bulletin.Bulletins bulletins = ctx.getBean(org.anju.bulletin.Bulletins.class);
            java.time.YearMonth november = java.time.YearMonth.of(2026, 11);
            int[] paragraphChars = new int[1];
            int[] sizes = new int[2];
            for (int i = 0; i < 5; i++) {   // warm-up
                Access.runAs(system, () -> figures.overdue(city, on));
            }
            for (int i = 0; i < RUNS; i++) {
                sizes[0] = service.time(() -> Access.runAs(system, () -> figures.overdue(city, on))).size();
                sizes[1] = plain.time(() -> plainOverdue(jdbc, cityId, on)).size();
                counts.time(() -> Access.runAs(system, () -> figures.counts(city, on)));
                dueSoon.time(() -> Access.runAs(system, () -> figures.dueSoon(city, on)));
                paragraphChars[0] = section.time(() -> Access.runAs(system, () -> bulletins.ledgerSection(city, november)))
                        .map(x -> x.paragraphs().stream().mapToInt(String::length).sum()).orElse(0);
            }
            if (sizes[0] != sizes[1]) {
                throw new IllegalStateException("service and plain SQL disagree: " + sizes[0] + " vs " + sizes[1]);
            }
            System.out.println();
            System.out.printf("data: %d items over the country's county-level regions, loaded in %.1f s; 赣州市's overdue list: %d items%n",
                    jdbc.sql("select count(*) from ledger_item").query(Integer.class).single(), loadS, sizes[0]);
            System.out.println("| benchmark | runs | mean ms | p50 ms | p95 ms | max ms | target |");
            System.out.println("|---|---|---|---|---|---|---|");
            System.out.println(service.report(100, 95));
            System.out.println(plain.report());
            System.out.println(counts.report());
            System.out.println(dueSoon.report());
            System.out.println(section.report(200, 95));
            System.out.println("section (七): " + paragraphChars[0] + " characters");
            System.out.printf("ratio service / plain SQL at p95: %.2f%n", service.percentile(95) / plain.percentile(95));
            System.out.println("JVM " + Runtime.version() + ", " + Runtime.getRuntime().availableProcessors() + " CPUs");
        }
    }

    record Row(long id, String kind, String region, String unit, String title, LocalDate deadline, String state) {
    }

    static List<Row> plainOverdue(JdbcClient jdbc, int cityId, LocalDate on) {
        return jdbc.sql("""
                        select i.id, i.kind, g.name, u.name, i.title, i.deadline, i.state
                        from ledger_item i join region_ancestor a on a.region_id = i.region_id and a.ancestor_id = ?
                        join region g on g.id = i.region_id left join ledger_unit u on u.id = i.unit_id
                        where i.state <> 'CLOSED' and i.deadline < ? order by i.deadline, i.id limit 5000""")
                .params(cityId, on).query((rs, n) -> new Row(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getString(5), rs.getObject(6, LocalDate.class), rs.getString(7))).list();
    }
}
