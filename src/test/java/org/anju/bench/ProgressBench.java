package org.anju.bench;

import org.anju.AnjuApplication;
import org.anju.account.Access;
import org.anju.account.Actor;
import org.anju.bulletin.BulletinOptions;
import org.anju.bulletin.Bulletins;
import org.anju.plan.SyntheticNationalPlan;
import org.anju.plan.imports.ImportOptions;
import org.anju.plan.imports.ImportResult;
import org.anju.plan.imports.PlanImporter;
import org.anju.platform.PgCopy;
import org.anju.progress.Progress;
import org.anju.progress.Rollups;
import org.anju.region.Region;
import org.anju.report.ReportValue;
import org.anju.report.Reports;
import org.anju.region.RegionKind;
import org.anju.region.Regions;
import org.anju.supervision.Ranking;
import org.anju.supervision.Supervision;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Benchmarks for the progress feature's targets on synthetic national data (every county-level
 * division, 100,000 projects, 36 months) and the synthetic national plan's targets:
 * <ol>
 *   <li>roll-up of every indicator (with targets and rates) for any node and month: p95 ≤ 50 ms</li>
 *   <li>ranking of all counties by a rate: ≤ 200 ms</li>
 *   <li>province bulletin (DOCX): ≤ 2 s</li>
 *   <li>heap ≤ 512 MB (run with -Xmx512m; the peak used is reported)</li>
 * </ol>
 * Run with {@code ./mvnw -q -Pbench verify -Dbench=ProgressBench} (see docs/PERFORMANCE.md).
 */
public final class ProgressBench {

    public static void main(String[] args) {
        try (ConfigurableApplicationContext ctx = new SpringApplicationBuilder(AnjuApplication.class)
                .web(WebApplicationType.NONE).profiles("test")
                .properties("anju.demo.enabled=false", "logging.level.root=WARN", "logging.level.io.zonky=ERROR")
                .run()) {
            // as the command line runs: the system actor, with the national scope (writes need an identity)
            Regions regions = ctx.getBean(Regions.class);
            Access.runAs(Actor.system(regions.root()), () -> {
                run(ctx, regions);
                return null;
            });
        }
    }

    private static void run(ConfigurableApplicationContext ctx, Regions regions) {
        JdbcClient jdbc = ctx.getBean(JdbcClient.class);
        TransactionTemplate tx = new TransactionTemplate(ctx.getBean(PlatformTransactionManager.class));

        long t0 = System.nanoTime();
        byte[] plan = SyntheticNationalPlan.text(regions, 42).getBytes(StandardCharsets.UTF_8);
        ImportResult r = ctx.getBean(PlanImporter.class).importFile("全国.txt", plan, ImportOptions.commit());
        if (!r.ok()) {
            throw new IllegalStateException(r.problems().toString());
        }
        long progressRows = tx.execute(s -> SyntheticProgress.generate(jdbc, ctx.getBean(PgCopy.class), regions, 100_000, 7));
        long t1 = System.nanoTime();
        int rollupRows = ctx.getBean(Rollups.class).rebuild();
        long t2 = System.nanoTime();
        jdbc.sql("analyze").update();
        long facts = jdbc.sql("select count(*) from progress_fact").query(Long.class).single();
        System.out.printf("data: national plan + 100000 projects, %d progress rows, %d unit figures in %.1f s; "
                        + "roll-up rebuilt (%d rows) in %.1f s%n", progressRows, facts, (t1 - t0) / 1e9, rollupRows,
                (t2 - t1) / 1e9);

        Progress progress = ctx.getBean(Progress.class);
        Supervision supervision = ctx.getBean(Supervision.class);
        Bulletins bulletins = ctx.getBean(Bulletins.class);
        List<Region> all = regions.subtree(regions.root()).stream().filter(x -> x.kind() != RegionKind.GROUP).toList();
        List<Region> provinces = regions.children(regions.root());
        SplittableRandom random = new SplittableRandom(1);

        System.out.println("| benchmark | runs | mean ms | p50 ms | p95 ms | max ms | target |");
        System.out.println("|---|---|---|---|---|---|---|");
        Timer warm = new Timer("warm-up");
        for (int i = 0; i < 300; i++) {
            Region x = all.get(random.nextInt(all.size()));
            warm.time(() -> progress.summary(x, month(random)));
        }
        Timer rollup = new Timer("roll-up, every indicator, random node of " + all.size() + " and month of 36");
        int lines = 0;
        for (int i = 0; i < 2000; i++) {
            Region x = all.get(random.nextInt(all.size()));
            YearMonth m = month(random);
            lines += rollup.time(() -> progress.summary(x, m)).lines().size();
        }
        Timer root = new Timer("roll-up, every indicator, 全国, random month");
        for (int i = 0; i < 200; i++) {
            YearMonth m = month(random);
            root.time(() -> progress.summary(regions.root(), m));
        }
        System.out.println(rollup.report(50, 95));
        System.out.println(root.report(50, 95));

        Timer rankWarm = new Timer("warm-up");
        Timer ranking = new Timer("ranking of all counties (开工率, 棚改)");
        int ranked = 0;
        for (int i = 0; i < 60; i++) {
            YearMonth m = YearMonth.of(2025, 1 + random.nextInt(12));
            Ranking k = (i < 10 ? rankWarm : ranking).time(() -> supervision.ranking("000000", m, "SHANTYTOWN.START.UNIT", true));
            ranked = k.units().size();
        }
        Timer rankFunds = new Timer("ranking of all counties (拨付率)");
        for (int i = 0; i < 50; i++) {
            YearMonth m = month(random);
            rankFunds.time(() -> supervision.ranking("000000", m, "HOUSING.FUND_DISBURSED.YUAN_10K", true));
        }
        System.out.println(ranking.report(200, 100));
        System.out.println(rankFunds.report(200, 100));

        Timer bulletinWarm = new Timer("warm-up");
        Timer bulletin = new Timer("province bulletin (DOCX), random province and month of 2025");
        int size = 0;
        for (int i = 0; i < 25; i++) {
            Region p = provinces.get(random.nextInt(provinces.size()));
            YearMonth m = YearMonth.of(2025, 1 + random.nextInt(12));
            byte[] docx = (i < 5 ? bulletinWarm : bulletin).time(() ->
                    bulletins.docx(p.code(), m, new BulletinOptions(null, null, LocalDate.of(2026, 1, 9))));
            size = docx.length;
        }
        System.out.println(bulletin.report(2000, 100));

        // live roll-up: a county's submit moves every ancestor's sums in the submit's transaction
        Reports reports = ctx.getBean(Reports.class);
        List<Region> counties = all.stream().filter(x -> x.kind() == RegionKind.COUNTY).toList();
        Timer submitWarm = new Timer("warm-up");
        Timer submit = new Timer("submit of a county's month (save + submit, roll-up of all ancestors)");
        for (int i = 0; i < 120; i++) {
            Region c = counties.get(random.nextInt(counties.size()));
            YearMonth m = YearMonth.of(2026, 1 + i % 12);
            var values = List.of(new ReportValue("RENTAL_SUBSIDY.ISSUE.HOUSEHOLD", "", java.math.BigDecimal.valueOf(100 + i)),
                    new ReportValue("HOUSING.FUND_RECEIVED.YUAN_10K", "CENTRAL_SUBSIDY", java.math.BigDecimal.valueOf(500)),
                    new ReportValue("HOUSING.FUND_DISBURSED.YUAN_10K", "CENTRAL_SUBSIDY", java.math.BigDecimal.valueOf(300)));
            if (reports.get(c.code(), m).id() != null) {
                continue;
            }
            (i < 20 ? submitWarm : submit).time(() -> reports.submit(c.code(), m, reports.save(c.code(), m, 0, values).version()));
        }
        System.out.println(submit.report(200, 95));
        System.out.println();
        System.out.printf("%d lines per roll-up on average; %d counties ranked; last bulletin %d KB%n",
                lines / 2000, ranked, size / 1024);
        long peak = HeapPeak.bytes();
        System.out.println("JVM " + Runtime.version() + ", " + Runtime.getRuntime().availableProcessors() + " CPUs, max heap "
                + Runtime.getRuntime().maxMemory() / (1024 * 1024) + " MB, peak heap used (sum of pools' peaks) "
                + peak / (1024 * 1024) + " MB");
    }

    private static YearMonth month(SplittableRandom random) {
        return SyntheticProgress.FIRST.plusMonths(random.nextInt(SyntheticProgress.MONTHS));
    }
}
