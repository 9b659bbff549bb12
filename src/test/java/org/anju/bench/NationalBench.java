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
import org.anju.progress.Progress;
import org.anju.region.Region;
import org.anju.region.RegionKind;
import org.anju.region.Regions;
import org.anju.supervision.Ranking;
import org.anju.supervision.Supervision;
import org.postgresql.PGConnection;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

import javax.sql.DataSource;
import java.io.StringReader;
import java.io.StringWriter;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Date;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.Stream;

/**
 * Issue 15's national-scale benchmarks on the kept national dataset ({@link NationalData}: 1,000,000 projects, 60
 * months, every county-level unit; generated once under {@code -Danju.bench.data}, default /work/bench-data/national,
 * and reused). Each figure is measured beside a plain-SQL baseline doing the same reading on the same database in the
 * same run, so the ratio shows what the application adds:
 * <ol>
 *   <li>roll-up of every indicator for a random node (nation, province, city, county) and month: p95 ≤ 50 ms</li>
 *   <li>ranking of all counties nation-wide: ≤ 200 ms</li>
 *   <li>a province bulletin (compose + DOCX): ≤ 2 s</li>
 *   <li>national plan import + validate: ≤ 500 ms, beside a plain COPY of the same target rows</li>
 * </ol>
 * Run with {@code ./mvnw -q -Pbench verify -Dbench=NationalBench -Dbench.xmx=1g} (see docs/PERFORMANCE.md).
 */
public final class NationalBench {

    private static final java.lang.management.ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    /** The parts {@code -Dbench.parts} may name. */
    static final List<String> PARTS = List.of("rollup", "nation", "ranking", "bulletin", "import", "blanks");

    public static void main(String[] args) throws Exception {
        // a mistyped part ran nothing and printed an empty table with exit 0 (a trial of the docs' commands)
        for (String p : System.getProperty("bench.parts", "").split(",")) {
            if (!p.isBlank() && !PARTS.contains(p.strip())) {
                System.err.println("-Dbench.parts 中的“" + p.strip() + "”不是本基准的一部分：可选 " + String.join("、", PARTS)
                        + "（逗号分隔；不给则全部运行）");
                System.exit(2);
            }
        }
        Path dataDir = Path.of(System.getProperty("anju.bench.data", "/work/bench-data/national"));
        // a system property: application.yml's anju.db.data-dir (ANJU_DATA_DIR) outranks the builder's defaults
        System.setProperty("anju.db.data-dir", dataDir.toString());
        try (ConfigurableApplicationContext ctx = new SpringApplicationBuilder(AnjuApplication.class)
                .web(WebApplicationType.NONE)
                .properties("anju.demo.enabled=false", "logging.level.root=WARN", "logging.level.io.zonky=ERROR")
                .run()) {
            Regions regions = ctx.getBean(Regions.class);
            // as the command line runs: the system actor, with the national scope
            Access.runAs(Actor.system(regions.root()), () -> {
                try {
                    run(ctx, dataDir);
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
                return null;
            });
        }
    }

    private static void run(ConfigurableApplicationContext ctx, Path dataDir) throws Exception {
        System.out.println(NationalData.ensure(ctx, dataDir));
        if (Boolean.getBoolean("bench.generateOnly")) {
            return;
        }
        ManagementFactory.getMemoryPoolMXBeans().forEach(MemoryPoolMXBean::resetPeakUsage);
        Regions regions = ctx.getBean(Regions.class);
        JdbcClient jdbc = ctx.getBean(JdbcClient.class);
        System.out.println("database " + jdbc.sql("select pg_size_pretty(pg_database_size(current_database()))")
                .query(String.class).single() + "; " + jdbc.sql("""
                        select string_agg(relname || ' ' || n_live_tup || ' rows ' || pg_size_pretty(pg_total_relation_size(relid)), ', '
                                          order by pg_total_relation_size(relid) desc)
                        from pg_stat_user_tables where relname in ('project', 'project_progress', 'report', 'report_value',
                              'progress_fact', 'progress_rollup', 'target', 'audit_log')""").query(String.class).single());
        System.out.println("load before: " + uptime());

        Progress progress = ctx.getBean(Progress.class);
        Supervision supervision = ctx.getBean(Supervision.class);
        Bulletins bulletins = ctx.getBean(Bulletins.class);
        List<Region> nodes = regions.subtree(regions.root()).stream()
                .filter(r -> r.kind() == RegionKind.NATION || r.kind() == RegionKind.PROVINCE
                        || r.kind() == RegionKind.PREFECTURE || r.kind() == RegionKind.COUNTY).toList();
        List<Region> provinces = regions.children(regions.root()).stream().filter(r -> r.kind() == RegionKind.PROVINCE).toList();
        SplittableRandom random = new SplittableRandom(1);
        java.util.Map<Integer, List<Long>> plansOf = new java.util.HashMap<>();
        for (int y = NationalData.FIRST.getYear(); y < NationalData.FIRST.getYear() + NationalData.MONTHS / 12; y++) {
            plansOf.put(y, jdbc.sql("select id from plan where ? between first_year and last_year").param(y).query(Long.class).list());
        }

        System.out.println();
        System.out.println("| benchmark | runs | mean ms | p50 ms | p95 ms | max ms | target |");
        System.out.println("|---|---|---|---|---|---|---|");

        int lines = 0;
        int rankedUnits = 0;
        int size = 0;
        if (part("rollup")) {
            // 1. roll-up of every indicator for a node and month, and the plain SQL reading the same sums and targets
            Timer warm = new Timer("warm-up");
            for (int i = 0; i < 300; i++) {
                Region x = nodes.get(random.nextInt(nodes.size()));
                YearMonth m = month(random);
                warm.time(() -> progress.summary(x, m));
                warm.time(() -> plainRollup(jdbc, x, m, plansOf.get(m.getYear())));
            }
            Timer rollup = new Timer("roll-up, every indicator, random node of " + nodes.size() + " (全国, 省, 市, 县) and month of 60");
            Timer rollupSql = new Timer("the same sums, counts and targets in plain SQL");
            Timer nation = new Timer("roll-up, every indicator, 全国, random month");
            Timer nationSql = new Timer("全国 in plain SQL");
            for (int i = 0; i < 2000; i++) {
                Region x = i % 10 == 0 ? regions.root() : nodes.get(random.nextInt(nodes.size()));
                YearMonth m = month(random);
                // alternate which goes first, so neither always finds the other's pages warm
                if (i % 2 == 0) {
                    lines += rollup.time(() -> progress.summary(x, m)).lines().size();
                    rollupSql.time(() -> plainRollup(jdbc, x, m, plansOf.get(m.getYear())));
                } else {
                    rollupSql.time(() -> plainRollup(jdbc, x, m, plansOf.get(m.getYear())));
                    lines += rollup.time(() -> progress.summary(x, m)).lines().size();
                }
                if (x.kind() == RegionKind.NATION) {
                    nation.addLast(rollup);
                    nationSql.addLast(rollupSql);
                }
            }
            System.out.println(rollup.report(50, 95) + " p99 " + fmt(rollup.percentile(99)));
            System.out.println(rollupSql.report() + " p99 " + fmt(rollupSql.percentile(99)));
            System.out.println(nation.report(50, 95));
            System.out.println(nationSql.report());

        }

        if (part("nation")) {
            // the nation's roll-up alone (also every tenth of part 1), for profiling
            Timer nationOnly = new Timer("roll-up, every indicator, 全国, random month (alone)");
            for (int i = 0; i < 300; i++) {
                YearMonth m = month(random);
                nationOnly.time(() -> progress.summary(regions.root(), m));
            }
            System.out.println(nationOnly.report(50, 95));
        }

        if (part("ranking")) {
            // 2. ranking of all counties nation-wide, and the plain SQL ranking
            String[] ranked = {"SHANTYTOWN.START.UNIT", "AFFORDABLE_RENTAL.START.UNIT"};
            Timer rankWarm = new Timer("warm-up");
            Timer ranking = new Timer("ranking of all counties, 全国 (开工率, 棚改 / 保租房)");
            Timer rankingSql = new Timer("the same ranking in plain SQL (sums, targets, rank())");
            for (int i = 0; i < 60; i++) {
                YearMonth m = YearMonth.of(2025, 1 + random.nextInt(12));
                String indicator = ranked[i % 2];
                Ranking k = (i < 10 ? rankWarm : ranking).time(() -> supervision.ranking("000000", m, indicator, true));
                (i < 10 ? rankWarm : rankingSql).time(() -> plainRanking(jdbc, m, indicator, plansOf.get(m.getYear())));
                rankedUnits = k.units().size() + k.unreported().size();
            }
            System.out.println(ranking.report(200, 100));
            System.out.println(rankingSql.report());

        }

        if (part("bulletin")) {
            // 3. a province bulletin, and the plain SQL reading the figures it prints
            Timer bulletinWarm = new Timer("warm-up");
            Timer bulletin = new Timer("province bulletin (compose + DOCX), random province and month of 2025");
            Timer bulletinSql = new Timer("the province's and its units' sums in plain SQL");
            List<String> each = new java.util.ArrayList<>();
            for (int i = 0; i < 25; i++) {
                Region p = provinces.get(random.nextInt(provinces.size()));
                YearMonth m = YearMonth.of(2025, 1 + random.nextInt(12));
                long cpu = THREADS.getCurrentThreadCpuTime();
                long pgCpu = postgresCpuMillis(dataDir);
                byte[] docx = (i < 5 ? bulletinWarm : bulletin).time(() ->
                        bulletins.docx(p.code(), m, new BulletinOptions(null, null, LocalDate.of(2026, 1, 9))));
                double ms = (i < 5 ? bulletinWarm : bulletin).last();   // before the plain SQL's time is taken
                cpu = THREADS.getCurrentThreadCpuTime() - cpu;
                pgCpu = postgresCpuMillis(dataDir) - pgCpu;
                (i < 5 ? bulletinWarm : bulletinSql).time(() -> plainProvince(jdbc, regions, p, m));
                size = docx.length;
                // each bulletin apart: which province and month the slow ones are (issue 15, third session)
                each.add(String.format(java.util.Locale.ROOT, "%s%s %s: %.0f ms, CPU: bench thread %.0f ms, PostgreSQL %d ms; %d KB",
                        i < 5 ? "warm-up " : "", p.name(), m, ms, cpu / 1e6, pgCpu, docx.length / 1024));
            }
            each.forEach(line -> System.out.println("  " + line));
            System.out.println(bulletin.report(2000, 100));
            System.out.println(bulletinSql.report());
            // the target is for every province: random picks may miss the largest, so each one's December 2025 too —
            // the month with the most projects past their windows (广东省: 10,000+ stalled projects listed)
            Timer december = new Timer("province bulletin (compose + DOCX), every province, December 2025");
            String slowest = "";
            for (Region p : provinces) {
                byte[] docx = december.time(() -> bulletins.docx(p.code(), YearMonth.of(2025, 12),
                        new BulletinOptions(null, null, LocalDate.of(2026, 1, 9))));
                if (december.last() >= december.percentile(100)) {
                    slowest = String.format(java.util.Locale.ROOT, "slowest: %s, %.0f ms, %d KB", p.name(), december.last(),
                            docx.length / 1024);
                }
            }
            System.out.println(december.report(2000, 100) + " | " + slowest);

        }

        if (part("import")) {
            // 4. national plan import + validate (the 2025 plan's figures as a second plan), beside a
            // plain COPY of the same target rows into a table with the same indexes
            PlanImporter importer = ctx.getBean(PlanImporter.class);
            // the 2025 plan's figures under another title (the kept 2025 plan stays), deleted after each run as PlanBench does
            byte[] plan = SyntheticNationalPlan.text(regions, 42).replace("工作计划的通知", "工作计划的补充通知")
                    .getBytes(StandardCharsets.UTF_8);
            org.anju.plan.Plans plans = ctx.getBean(org.anju.plan.Plans.class);
            Timer importWarm = new Timer("warm-up");
            Timer imports = new Timer("national plan import + validate (" + SyntheticNationalPlan.counties(regions)
                    + " counties × " + SyntheticNationalPlan.INDICATORS + " indicators), on the national dataset");
            // CPU time beside wall time: on the shared machine the load moves the one far more than the other
            CpuClock clock = new CpuClock(dataDir.resolve("pg"));
            Timer jvmCpu = new Timer("the same imports' CPU time in this JVM (every thread: JIT and GC too)");
            Timer threadCpu = new Timer("the same imports' CPU time of the importing thread");
            java.lang.management.ThreadMXBean threads = ManagementFactory.getThreadMXBean();
            Timer serverCpu = new Timer("the same imports' CPU time in the database server (its processes but autovacuum)");
            // -Dbench.import.warm=25: the JIT settled (the JVM's CPU per import falls from ~550 to ~240 ms, the wall time
            // hardly moves)
            int warm = Integer.getInteger("bench.import.warm", 3);
            int measured = Integer.getInteger("bench.import.runs", 5);
            for (int i = 0; i < warm + measured; i++) {
                long cpu0 = CpuClock.jvm();
                long thread0 = threads.getCurrentThreadCpuTime();
                long server0 = clock.server();
                ImportResult r = (i < warm ? importWarm : imports).time(() -> importer.importFile("全国2025.txt", plan, ImportOptions.commit()));
                if (i >= warm) {
                    serverCpu.add((clock.server() - server0) / 1e6);
                    threadCpu.add((threads.getCurrentThreadCpuTime() - thread0) / 1e6);
                    jvmCpu.add((CpuClock.jvm() - cpu0) / 1e6);
                }
                if (!r.ok()) {
                    throw new IllegalStateException(r.problems().toString());
                }
                plans.delete(r.planId());
            }
            Timer copy = new Timer("plain COPY of the same target rows into a table with target's indexes");
            long targetRows = plainCopy(ctx.getBean(DataSource.class), jdbc, copy, true);
            Timer logged = new Timer("the same COPY into an ordinary (logged) table with target's indexes, committed");
            plainCopy(ctx.getBean(DataSource.class), jdbc, logged, false);
            System.out.println(imports.report(500, 100));
            System.out.println(jvmCpu.report());
            System.out.println(threadCpu.report());
            System.out.println(serverCpu.report());
            Timer writes = new Timer("plain COPY of a national plan's every row written — table rows, targets, sums — into tables with their indexes, one transaction, committed");
            String written = plainWrites(ctx.getBean(DataSource.class), jdbc, writes);
            System.out.println(copy.report() + " (" + targetRows + " rows; a temporary table: no WAL, no commit)");
            System.out.println(logged.report() + " (" + targetRows + " rows)");
            System.out.println(writes.report() + " (" + written + "; no triggers: no audit entries, no checks)");

        }

        if (part("blanks")) {
            blanks(ctx, jdbc, regions, progress, supervision, bulletins, provinces);
        }

        System.out.println();
        System.out.printf("%d lines per roll-up on average; %d counties in the ranking; last bulletin %d KB%n",
                lines / 2000, rankedUnits, size / 1024);
        long peak = HeapPeak.bytes();
        System.out.println("JVM " + Runtime.version() + ", " + Runtime.getRuntime().availableProcessors() + " CPUs, max heap "
                + Runtime.getRuntime().maxMemory() / (1024 * 1024) + " MB, peak heap used while measuring (sum of pools' peaks) "
                + peak / (1024 * 1024) + " MB");
        System.out.println("load after: " + uptime());
    }

    /**
     * CPU time (user + sys) of the dataset's PostgreSQL so far, in ms: its server process with the children it has
     * reaped (parallel workers that ended) and every child still running (the pool's backends) — from /proc, in clock
     * ticks (10 ms); -1 where there is no /proc.
     */
    static long postgresCpuMillis(Path dataDir) {
        try {
            String server = Files.readAllLines(dataDir.resolve("pg/postmaster.pid")).getFirst().strip();
            long ticks = 0;
            try (var dirs = Files.list(Path.of("/proc"))) {
                for (Path d : (Iterable<Path>) dirs::iterator) {
                    String name = d.getFileName().toString();
                    if (!name.chars().allMatch(Character::isDigit)) {
                        continue;
                    }
                    String[] f;
                    try {
                        String stat = Files.readString(d.resolve("stat"));
                        f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                    } catch (java.io.IOException gone) {
                        continue;
                    }
                    // after the name: state(0) ppid(1) … utime(11) stime(12) cutime(13) cstime(14)
                    if (name.equals(server)) {
                        ticks += Long.parseLong(f[11]) + Long.parseLong(f[12]) + Long.parseLong(f[13]) + Long.parseLong(f[14]);
                    } else if (f[1].equals(server)) {
                        ticks += Long.parseLong(f[11]) + Long.parseLong(f[12]);
                    }
                }
            }
            return ticks * 10;
        } catch (java.io.IOException | RuntimeException e) {
            return -1;
        }
    }

    /**
     * 5. Typed items left blank (guesses audit H1): the generated months have every item filled, so the code that finds
     * which units left one blank (which ranks them apart and gives a sum with blanks no rate) is not run by parts 1–3.
     * Here one month has 5 % of the counties' 已发放户数 and 到位资金 removed — as reports returned and submitted again
     * without them — and the same reads are timed on it and on the month before, alternated: summaries of the nation, a
     * province and a city, the rankings of all counties and of a province's cities by 发放完成率, a province bulletin.
     * The removed figures are put back at the end (the dataset is kept for the next run).
     */
    private static void blanks(ConfigurableApplicationContext ctx, JdbcClient jdbc, Regions regions, Progress progress, Supervision supervision,
                               Bulletins bulletins, List<Region> provinces) {
        String issued = "RENTAL_SUBSIDY.ISSUE.HOUSEHOLD";
        YearMonth holed = YearMonth.of(2025, 6);
        YearMonth whole = YearMonth.of(2025, 5);
        SplittableRandom random = new SplittableRandom(5);
        List<Region> counties = regions.subtree(regions.root()).stream().filter(r -> r.kind() == RegionKind.COUNTY).toList();
        Integer[] blank = counties.stream().filter(c -> random.nextInt(20) == 0).map(Region::id).toArray(Integer[]::new);
        // through Rollups.replace, as a report's submit does: it moves the ancestors' sums and their unit counts
        org.anju.progress.Rollups rollups = ctx.getBean(org.anju.progress.Rollups.class);
        var tx = new org.springframework.transaction.support.TransactionTemplate(
                ctx.getBean(org.springframework.transaction.PlatformTransactionManager.class));
        java.util.Set<Integer> items = java.util.Set.of(progress.indicators().byCode(issued).orElseThrow().id(),
                progress.indicators().byCode("HOUSING.FUND_RECEIVED.YUAN_10K").orElseThrow().id());
        // a run killed before its finally below left June holed; the reports still hold every figure, so they are put
        // back from them first (review 26 L7: nothing told, and the next run measured a dataset with holes)
        Integer[] itemIds = items.toArray(Integer[]::new);
        List<Integer> holes = jdbc.sql("""
                        select distinct r.region_id from report r join report_value v on v.report_id = r.id
                        where r.period = ? and r.status in ('SUBMITTED', 'APPROVED', 'LOCKED') and v.indicator_id = any(?)
                          and not exists (select 1 from progress_fact f where f.region_id = r.region_id and f.period = r.period
                                          and f.indicator_id = v.indicator_id and f.source = v.source)""")
                .params(holed.atDay(1), itemIds).query(Integer.class).list();
        if (!holes.isEmpty()) {
            // the county's facts as they are (its projects' too) and the removed items' figures from its report
            tx.executeWithoutResult(status -> holes.forEach(county -> rollups.replace(county, holed, jdbc.sql("""
                            select indicator_id, source, value from progress_fact where region_id = ? and period = ?
                            union all
                            select v.indicator_id, v.source, v.value from report r join report_value v on v.report_id = r.id
                            where r.region_id = ? and r.period = ? and v.indicator_id = any(?)
                              and not exists (select 1 from progress_fact f where f.region_id = r.region_id
                                              and f.period = r.period and f.indicator_id = v.indicator_id and f.source = v.source)""")
                    .params(county, holed.atDay(1), county, holed.atDay(1), itemIds)
                    .query((rs, i) -> new org.anju.progress.Fact(rs.getInt(1), rs.getString(2), rs.getBigDecimal(3))).list())));
            System.out.println("put back from the reports, left out by a run that did not end: " + holes.size() + " counties' figures");
        }
        java.util.Map<Integer, List<org.anju.progress.Fact>> kept = new java.util.LinkedHashMap<>();
        int removed = tx.execute(status -> {
            int n = 0;
            for (Integer county : blank) {
                List<org.anju.progress.Fact> facts = jdbc.sql(
                                "select indicator_id, source, value from progress_fact where region_id = ? and period = ?")
                        .params(county, holed.atDay(1))
                        .query((rs, i) -> new org.anju.progress.Fact(rs.getInt(1), rs.getString(2), rs.getBigDecimal(3))).list();
                List<org.anju.progress.Fact> left = facts.stream().filter(f -> !items.contains(f.indicatorId())).toList();
                if (left.size() < facts.size()) {
                    kept.put(county, facts);
                    rollups.replace(county, holed, left);
                    n += facts.size() - left.size();
                }
            }
            return n;
        });
        try {
            Region province = provinces.get(random.nextInt(provinces.size()));
            Region city = regions.children(province).stream().filter(r -> r.kind() == RegionKind.PREFECTURE)
                    .max(java.util.Comparator.comparingInt(r -> regions.children(r).size())).orElseThrow();
            record Read(String name, java.util.function.Function<YearMonth, Object> work) {
            }
            List<Read> reads = List.of(
                    new Read("roll-up, 全国", m -> progress.summary(regions.root(), m)),
                    new Read("roll-up, " + province.name(), m -> progress.summary(province, m)),
                    new Read("roll-up, " + city.name(), m -> progress.summary(city, m)),
                    new Read("ranking of all counties, 全国, 发放完成率", m -> supervision.ranking("000000", m, issued, true)),
                    new Read("ranking of " + province.name() + "'s cities, 发放完成率", m -> supervision.ranking(province.code(), m, issued, false)),
                    new Read("province bulletin (compose + DOCX), " + province.name(), m -> bulletins.docx(province.code(), m,
                            new BulletinOptions(null, null, LocalDate.of(2025, 7, 9)))));
            System.out.println();
            System.out.println("Blank items: " + blank.length + " of " + counties.size() + " counties without 已发放户数 and 到位资金 in "
                    + holed + " (" + removed + " figures of " + kept.size() + " reporting counties removed); " + whole + " as generated");
            System.out.println("| read | runs | " + holed + " p50 ms | p95 ms | " + whole + " p50 ms | p95 ms | ratio of p50 |");
            System.out.println("|---|---|---|---|---|---|---|");
            for (Read read : reads) {
                Timer withBlanks = new Timer(read.name());
                Timer without = new Timer(read.name());
                int runs = read.name().contains("bulletin") ? 15 : 60;
                for (int i = 0; i < runs + 5; i++) {
                    // alternated, the first five of each not counted (warm-up)
                    Timer a = i < 5 ? new Timer("warm-up") : withBlanks;
                    Timer b = i < 5 ? new Timer("warm-up") : without;
                    if (i % 2 == 0) {
                        a.time(() -> read.work().apply(holed));
                        b.time(() -> read.work().apply(whole));
                    } else {
                        b.time(() -> read.work().apply(whole));
                        a.time(() -> read.work().apply(holed));
                    }
                }
                System.out.printf(java.util.Locale.ROOT, "| %s | %d | %.1f | %.1f | %.1f | %.1f | %.2f |%n", read.name(), runs,
                        withBlanks.percentile(50), withBlanks.percentile(95), without.percentile(50), without.percentile(95),
                        withBlanks.percentile(50) / without.percentile(50));
            }
            // what the reads found: the blank counties apart, the sum with blanks without a rate
            Ranking ranking = supervision.ranking("000000", holed, issued, true);
            org.anju.progress.ProgressLine nation = progress.summary(regions.root(), holed).line(issued).orElseThrow();
            System.out.println("in " + holed + ": " + ranking.units().size() + " counties ranked, " + ranking.unreported().size()
                    + " apart; 全国 已发放户数 " + nation.actualText() + ", rate " + nation.rateText() + ", units blank " + nation.unfilled());
        } finally {
            tx.executeWithoutResult(status -> kept.forEach((county, facts) -> rollups.replace(county, holed, facts)));
            System.out.println("put back: " + removed + " figures");
        }
    }

    /** Whether to run a part: -Dbench.parts=rollup,ranking,bulletin,import (default every one). */
    private static boolean part(String name) {
        String parts = System.getProperty("bench.parts", "");
        return parts.isBlank() || java.util.Arrays.stream(parts.split(",")).map(String::strip).toList().contains(name);
    }

    /** What a roll-up reads, in plain SQL: the node's sums for the month, its count of reporting units, its targets. */
    private static int plainRollup(JdbcClient jdbc, Region x, YearMonth m, List<Long> plans) {
        Date day = Date.valueOf(m.atDay(1));
        int rows = jdbc.sql("""
                        select r.indicator_id, r.source, r.value, r.units,
                               (select reported from progress_reporting where region_id = :region and period = :day)
                        from progress_rollup r where r.region_id = :region and r.period = :day""")
                .param("region", x.id()).param("day", day).query((rs, n) -> rs.getBigDecimal(3)).list().size();
        rows += jdbc.sql("""
                        select indicator_id, sum(total) from target_rollup
                        where plan_id = any(:plans) and region_id = :region and (year is null or year = :year)
                        group by indicator_id""")
                .param("plans", plans.toArray(Long[]::new)).param("region", x.id()).param("year", m.getYear())
                .query((rs, n) -> rs.getBigDecimal(2)).list().size();
        return rows;
    }

    /** Every county's actual, target and rate for one indicator, ranked, in one statement. */
    private static int plainRanking(JdbcClient jdbc, YearMonth m, String indicator, List<Long> plans) {
        return jdbc.sql("""
                        with i as (select id from indicator where program_code || '.' || stage_code || '.' || measure_code = :code),
                        u as (select id from region where kind = 'COUNTY'),
                        act as (select f.region_id, sum(f.value) as v from progress_rollup f join u on u.id = f.region_id
                                where f.period = :day and f.indicator_id = (select id from i) group by f.region_id),
                        tg as (select t.region_id, max(t.value) as v from target t join u on u.id = t.region_id
                               where t.plan_id = any(:plans) and t.indicator_id = (select id from i)
                                 and (t.year is null or t.year = :year) group by t.region_id),
                        rep as (select r.region_id, r.reported from progress_reporting r join u on u.id = r.region_id
                                where r.period = :day and r.reported > 0)
                        select u.id, act.v, tg.v, round(100 * coalesce(act.v, 0) / nullif(tg.v, 0), 1) as rate,
                               rank() over (order by coalesce(act.v, 0) / nullif(tg.v, 0) desc nulls last)
                        from u join rep on rep.region_id = u.id left join act on act.region_id = u.id
                        left join tg on tg.region_id = u.id""")
                .param("code", indicator).param("day", Date.valueOf(m.atDay(1))).param("plans", plans.toArray(Long[]::new))
                .param("year", m.getYear()).query((rs, n) -> rs.getInt(1)).list().size();
    }

    /** The sums of a province and of each of its units for the month, in one statement. */
    private static int plainProvince(JdbcClient jdbc, Regions regions, Region p, YearMonth m) {
        List<Integer> ids = Stream.concat(Stream.of(p), regions.children(p).stream()).map(Region::id).toList();
        return jdbc.sql("""
                        select f.region_id, f.indicator_id, f.source, f.value, f.units, r.reported
                        from progress_rollup f left join progress_reporting r on r.region_id = f.region_id and r.period = f.period
                        where f.region_id = any(:ids) and f.period = :day""")
                .param("ids", ids.toArray(Integer[]::new)).param("day", Date.valueOf(m.atDay(1)))
                .query((rs, n) -> rs.getBigDecimal(4)).list().size();
    }

    /**
     * COPY of the national plan's target rows (as stored) into a scratch table with target's indexes, 5 times: a
     * temporary one (what the baseline was: no WAL), or an ordinary one, each COPY committed and flushed like
     * an import's (the kept database runs with fsync and synchronous_commit on).
     */
    private static long plainCopy(DataSource ds, JdbcClient jdbc, Timer timer, boolean temporary) throws Exception {
        long planId = jdbc.sql("select max(plan_id) from target").query(Long.class).single();
        try (Connection c = ds.getConnection()) {
            PGConnection pg = c.unwrap(PGConnection.class);
            StringWriter out = new StringWriter();
            long rows = pg.getCopyAPI().copyOut("copy (select * from target where plan_id = " + planId + ") to stdout", out);
            String text = out.toString();
            try (var st = c.createStatement()) {
                st.execute("create " + (temporary ? "temporary " : "") + "table bench_target (like target including all)");
            }
            for (int i = 0; i < 8; i++) {
                try (var st = c.createStatement()) {
                    st.execute("truncate bench_target");
                }
                Timer t = i < 3 ? new Timer("warm-up") : timer;
                t.time(() -> {
                    try {
                        return pg.getCopyAPI().copyIn("copy bench_target from stdin", new StringReader(text));
                    } catch (Exception e) {
                        throw new IllegalStateException(e);
                    }
                });
            }
            try (var st = c.createStatement()) {
                st.execute("drop table bench_target");
            }
            return rows;
        }
    }

    /**
     * The plain SQL of an import's writes: the kept national plan's table rows, targets and sums copied into tables
     * like theirs (columns, defaults, constraints, indexes — not their triggers), the three COPYs in one committed
     * transaction; what the import adds to them is its reading, its checks and its audit entries.
     *
     * @return the rows copied, for the report
     */
    private static String plainWrites(DataSource ds, JdbcClient jdbc, Timer timer) throws Exception {
        long planId = jdbc.sql("select max(plan_id) from target").query(Long.class).single();
        String[][] tables = {
                {"breakdown_row", "select r.* from breakdown_row r join breakdown_table t on t.id = r.table_id where t.plan_id = " + planId},
                {"target", "select * from target where plan_id = " + planId},
                {"target_rollup", "select * from target_rollup where plan_id = " + planId}};
        try (Connection c = ds.getConnection()) {
            PGConnection pg = c.unwrap(PGConnection.class);
            String[] texts = new String[tables.length];
            StringBuilder counts = new StringBuilder();
            for (int k = 0; k < tables.length; k++) {
                StringWriter out = new StringWriter();
                long n = pg.getCopyAPI().copyOut("copy (" + tables[k][1] + ") to stdout", out);
                texts[k] = out.toString();
                counts.append(counts.isEmpty() ? "" : ", ").append(n).append(' ').append(tables[k][0]);
                try (var st = c.createStatement()) {
                    st.execute("create table bench_" + tables[k][0] + " (like " + tables[k][0] + " including all)");
                }
            }
            for (int i = 0; i < 8; i++) {
                try (var st = c.createStatement()) {
                    for (String[] t : tables) {
                        st.execute("truncate bench_" + t[0]);
                    }
                }
                Timer t = i < 3 ? new Timer("warm-up") : timer;
                t.time(() -> {
                    try {
                        c.setAutoCommit(false);
                        for (int k = 0; k < tables.length; k++) {
                            pg.getCopyAPI().copyIn("copy bench_" + tables[k][0] + " from stdin", new StringReader(texts[k]));
                        }
                        c.commit();
                        c.setAutoCommit(true);
                        return null;
                    } catch (Exception e) {
                        throw new IllegalStateException(e);
                    }
                });
            }
            try (var st = c.createStatement()) {
                for (String[] t : tables) {
                    st.execute("drop table bench_" + t[0]);
                }
            }
            return counts.toString();
        }
    }

    private static YearMonth month(SplittableRandom random) {
        return NationalData.FIRST.plusMonths(random.nextInt(NationalData.MONTHS));
    }

    private static String fmt(double ms) {
        return String.format(java.util.Locale.ROOT, "%.1f ms", ms);
    }

    private static String uptime() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).strip();
        } catch (java.io.IOException e) {
            return "?";
        }
    }
}
