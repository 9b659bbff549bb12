package org.anju.bench;

import org.anju.plan.SyntheticNationalPlan;
import org.anju.plan.imports.ImportOptions;
import org.anju.plan.imports.ImportResult;
import org.anju.plan.imports.PlanImporter;
import org.anju.platform.PgCopy;
import org.anju.progress.Rollups;
import org.anju.region.Region;
import org.anju.region.RegionKind;
import org.anju.region.Regions;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * The national dataset of issue 15, generated once into a kept database and reused: the national plans of 2021–2025
 * (every county-level unit × 15 indicators, imported through {@link PlanImporter} as a ministry's file would be),
 * 1,000,000 projects over every county (skewed: a few counties have thousands, most a few hundred), their monthly
 * progress from start to completion, and 60 months (2021-01 … 2025-12) of what the app stores per reporting unit and
 * month: the {@code report} row, its {@code report_value}s (subsidies, funds by source, 公租房 entries), the unit's
 * {@code progress_fact}s (its projects' figures and the reported ones) and {@code progress_reported}; then the
 * roll-up sums rebuilt ({@link Rollups#rebuild}). Some units are 未报 in some months: a few counties lag in a third of
 * them, every county misses about one month in seventy, and a tenth of the last month is not yet in — those months have
 * no facts at all (a draft or no report), never zeros.
 *
 * <p>Everything but the plans is written by COPY with triggers off (a bulk load, not operations to audit).
 */
final class NationalData {

    /** Work on the kept dataset, done in a running application as the command line runs (the system actor, 全国). */
    interface Work {
        void run(ConfigurableApplicationContext ctx, Path dataDir);
    }

    /**
     * Starts the application (no web server) on the dataset under {@code anju.bench.data} (default
     * /work/bench-data/national) and runs {@code work} in it as the system actor with the national scope.
     */
    static void onDataset(Work work) throws Exception {
        Path dataDir = Path.of(System.getProperty("anju.bench.data", "/work/bench-data/national"));
        // a system property: application.yml's anju.db.data-dir (ANJU_DATA_DIR) outranks the builder's defaults
        System.setProperty("anju.db.data-dir", dataDir.toString());
        try (ConfigurableApplicationContext ctx = new org.springframework.boot.builder.SpringApplicationBuilder(
                org.anju.AnjuApplication.class)
                .web(org.springframework.boot.WebApplicationType.NONE)
                .properties("anju.demo.enabled=false", "logging.level.root=WARN", "logging.level.io.zonky=ERROR")
                .run()) {
            Regions regions = ctx.getBean(Regions.class);
            org.anju.account.Access.runAs(org.anju.account.Actor.system(regions.root()), () -> {
                work.run(ctx, dataDir);
                return null;
            });
        }
    }


    static final int PROJECTS = 1_000_000;
    static final YearMonth FIRST = YearMonth.of(2021, 1);
    static final int MONTHS = 60;
    static final String MARKER = "GENERATED";

    /** Programs of the synthetic projects; old communities count 小区, 户, 栋 and area instead of 套. */
    static final String[] PROGRAMS = {"AFFORDABLE_RENTAL", "PUBLIC_RENTAL", "SHANTYTOWN", "MINING_SHANTYTOWN", "OLD_COMMUNITY"};
    private static final int[] PROGRAM_WEIGHTS = {30, 10, 25, 5, 30};

    private NationalData() {
    }

    /** Generates unless the data directory's marker says it is there; returns the marker's text. */
    static String ensure(ConfigurableApplicationContext ctx, Path dataDir) {
        Path marker = dataDir.resolve(MARKER);
        try {
            if (Files.exists(marker)) {
                return "reused " + dataDir + ": " + Files.readString(marker).strip();
            }
            String summary = generate(ctx);
            Files.writeString(marker, summary + "\n", StandardCharsets.UTF_8);
            return "generated " + dataDir + ": " + summary;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String generate(ConfigurableApplicationContext ctx) {
        Regions regions = ctx.getBean(Regions.class);
        JdbcClient jdbc = ctx.getBean(JdbcClient.class);
        PgCopy copy = ctx.getBean(PgCopy.class);
        TransactionTemplate tx = new TransactionTemplate(ctx.getBean(PlatformTransactionManager.class));
        long t0 = System.nanoTime();
        if (jdbc.sql("select count(*) from project").query(Long.class).single() > 0) {
            throw new IllegalStateException("the bench database has projects but no " + MARKER + " marker: an interrupted "
                    + "generation; delete the data directory and run again");
        }
        String text = SyntheticNationalPlan.text(regions, 42);
        for (int year = FIRST.getYear(); year < FIRST.getYear() + MONTHS / 12; year++) {
            byte[] plan = text.replace("2025", Integer.toString(year)).getBytes(StandardCharsets.UTF_8);
            ImportResult r = ctx.getBean(PlanImporter.class).importFile("全国" + year + ".txt", plan, ImportOptions.commit());
            if (!r.ok()) {
                throw new IllegalStateException(r.problems().toString());
            }
        }
        long t1 = System.nanoTime();
        System.out.printf("plans 2021–2025 imported in %.1f s%n", (t1 - t0) / 1e9);
        long[] counts = tx.execute(s -> {
            jdbc.sql("set local session_replication_role = replica").update();
            return load(jdbc, copy, regions);
        });
        long t2 = System.nanoTime();
        System.out.printf("projects, progress, reports and facts loaded in %.1f s%n", (t2 - t1) / 1e9);
        int rollups = ctx.getBean(Rollups.class).rebuild();
        long t3 = System.nanoTime();
        System.out.printf("roll-up rebuilt (%d rows) in %.1f s%n", rollups, (t3 - t2) / 1e9);
        jdbc.sql("vacuum analyze").update();
        long t4 = System.nanoTime();
        return String.format(java.util.Locale.ROOT, "%d projects, %d project_progress rows, %d reports (%d 未报 unit-months), "
                        + "%d report values, %d progress_fact rows, %d progress_rollup rows; generated in %.0f s "
                        + "(plans %.0f s, load %.0f s, roll-up %.0f s, vacuum analyze %.0f s) on %s",
                counts[0], counts[1], counts[2], counts[3], counts[4], counts[5], rollups, (t4 - t0) / 1e9, (t1 - t0) / 1e9,
                (t2 - t1) / 1e9, (t3 - t2) / 1e9, (t4 - t3) / 1e9, LocalDate.now());
    }

    /** Returns projects, progress rows, reports, unreported unit-months, report values, facts. */
    private static long[] load(JdbcClient jdbc, PgCopy copy, Regions regions) {
        List<Region> counties = regions.subtree(regions.root()).stream().filter(r -> r.kind() == RegionKind.COUNTY).toList();
        int n = counties.size();
        SplittableRandom random = new SplittableRandom(15);
        Map<String, Integer> ids = new HashMap<>();
        jdbc.sql("select program_code || '.' || stage_code || '.' || measure_code, id from indicator")
                .query(rs -> {
                    ids.put(rs.getString(1), rs.getInt(2));
                });
        int maxIndicator = ids.values().stream().mapToInt(Integer::intValue).max().orElseThrow() + 1;

        // which unit-months are reported: laggards miss a third, everyone about one in seventy, a tenth of the last month
        boolean[][] reported = new boolean[n][MONTHS];
        long unreported = 0;
        for (int c = 0; c < n; c++) {
            boolean laggard = random.nextInt(50) == 0;
            for (int m = 0; m < MONTHS; m++) {
                boolean missing = laggard ? random.nextInt(3) == 0 : random.nextInt(70) == 0;
                if (m == MONTHS - 1 && random.nextInt(10) == 0) {
                    missing = true;
                }
                reported[c][m] = !missing;
                unreported += missing ? 1 : 0;
            }
        }
        // reports: approved, the last two months submitted; a missing month has a draft or nothing
        PgCopy.Rows reports = new PgCopy.Rows();
        long reportId = 0;
        for (int c = 0; c < n; c++) {
            for (int m = 0; m < MONTHS; m++) {
                YearMonth p = FIRST.plusMonths(m);
                String status = reported[c][m] ? (m >= MONTHS - 2 ? "SUBMITTED" : "APPROVED") : random.nextBoolean() ? "DRAFT" : null;
                if (status != null) {
                    reports.add(++reportId, counties.get(c).id(), p.atDay(1), status, status.equals("DRAFT") ? 1 : 3,
                            p.plusMonths(1).atDay(5), status.equals("DRAFT") ? null : p.plusMonths(1).atDay(3) + " 10:00:00+08",
                            status.equals("DRAFT") ? null : "bench");
                }
            }
        }
        copy.copy("report (id, region_id, period, status, version, deadline, submitted_at, submitted_by)", reports);
        jdbc.sql("select setval('report_id_seq', ?)").param(reportId).query(Long.class).single();

        // skewed projects per county: log-normal weights (the largest county has some 30 times the median)
        double[] cumulative = new double[n];
        double total = 0;
        for (int c = 0; c < n; c++) {
            total += Math.exp(1.2 * random.nextGaussian());
            cumulative[c] = total;
        }
        // the units' monthly figures from their projects, [county][month][indicator id]; NaN: no figure
        double[][][] facts = new double[n][MONTHS][];
        int programWeights = Arrays.stream(PROGRAM_WEIGHTS).sum();
        PgCopy.Rows projects = new PgCopy.Rows();
        PgCopy.Rows progress = new PgCopy.Rows();
        long progressRows = 0;
        YearMonth last = FIRST.plusMonths(MONTHS - 1);
        for (int id = 1; id <= PROJECTS; id++) {
            int c = Arrays.binarySearch(cumulative, random.nextDouble() * total);
            c = c < 0 ? Math.min(-c - 1, n - 1) : c;
            int w = random.nextInt(programWeights);
            int k = 0;
            while (w >= PROGRAM_WEIGHTS[k]) {
                w -= PROGRAM_WEIGHTS[k++];
            }
            String program = PROGRAMS[k];
            boolean old = program.equals("OLD_COMMUNITY");
            int year = FIRST.getYear() + random.nextInt(MONTHS / 12);
            int size = 20 + random.nextInt(600);
            int households = old ? size : 0;
            int communities = old ? 1 + random.nextInt(3) : 0;
            int buildings = old ? 2 + random.nextInt(20) : 0;
            double area = old ? (1 + random.nextInt(500)) / 100.0 : 0;
            int planned = 500 + random.nextInt(20_000);
            LocalDate started = random.nextInt(20) == 0 ? null : LocalDate.of(year, 1 + random.nextInt(10), 1 + random.nextInt(28));
            LocalDate prelim = started == null || random.nextInt(10) > 0 ? LocalDate.of(year, 1, 15) : null;
            LocalDate done = started == null || random.nextInt(4) == 0 ? null
                    : started.plusMonths(6 + random.nextInt(24)).withDayOfMonth(20);
            if (done != null && YearMonth.from(done).isAfter(last)) {
                done = null;
            }
            projects.add(id, counties.get(c).id(), program, year, "项目" + id, old ? null : size, old ? households : null,
                    old ? communities : null, old ? buildings : null, old ? area : null, planned, prelim, started, done);
            // monthly progress from the start to completion (or the last month), cumulative investment
            double invested = 0;
            double[] byMonth = new double[MONTHS];
            Arrays.fill(byMonth, -1);
            if (started != null) {
                YearMonth end = done == null ? last : YearMonth.from(done);
                for (YearMonth m = YearMonth.from(started); !m.isAfter(end); m = m.plusMonths(1)) {
                    invested = Math.min(planned, invested + planned / 12.0 * random.nextDouble());
                    long rounded = Math.round(invested);
                    progress.add(id, m.atDay(1), rounded, m.equals(end) && done != null ? "主体完工" : "施工中");
                    byMonth[(int) FIRST.until(m, java.time.temporal.ChronoUnit.MONTHS)] = rounded;
                    progressRows++;
                }
            }
            // its figures in the reports of its plan year (as ProjectRepository.facts derives them)
            double latest = -1;
            for (int month = 1; month <= 12; month++) {
                YearMonth p = YearMonth.of(year, month);
                int m = (int) FIRST.until(p, java.time.temporal.ChronoUnit.MONTHS);
                if (byMonth[m] >= 0) {
                    latest = byMonth[m];
                }
                if (!reported[c][m]) {
                    continue;
                }
                LocalDate next = p.plusMonths(1).atDay(1);
                boolean begun = started != null && started.isBefore(next);
                boolean finished = done != null && done.isBefore(next);
                double[] f = facts[c][m];
                if (f == null) {
                    f = facts[c][m] = new double[maxIndicator];
                    Arrays.fill(f, Double.NaN);
                }
                add(f, ids.get(program + ".PLANNED_INVESTMENT.YUAN_10K"), planned);
                if (latest >= 0) {
                    add(f, ids.get(program + ".INVESTMENT.YUAN_10K"), latest);
                }
                if (old) {
                    if (begun) {
                        add(f, ids.get("OLD_COMMUNITY.START.HOUSEHOLD"), households);
                        add(f, ids.get("OLD_COMMUNITY.START.COMMUNITY"), communities);
                        add(f, ids.get("OLD_COMMUNITY.START.BUILDING"), buildings);
                        add(f, ids.get("OLD_COMMUNITY.START.AREA_10K_M2"), area);
                    }
                    if (finished) {
                        add(f, ids.get("OLD_COMMUNITY.COMPLETION.HOUSEHOLD"), households);
                        add(f, ids.get("OLD_COMMUNITY.COMPLETION.COMMUNITY"), communities);
                        add(f, ids.get("OLD_COMMUNITY.COMPLETION.BUILDING"), buildings);
                        add(f, ids.get("OLD_COMMUNITY.COMPLETION.AREA_10K_M2"), area);
                    }
                } else {
                    if (begun) {
                        add(f, ids.get(program + ".START.UNIT"), size);
                    }
                    if (finished) {
                        add(f, ids.get(program + ".BASIC_COMPLETION.UNIT"), size);
                    }
                }
            }
            if (id % 100_000 == 0) {
                copy.copy("project (id, region_id, program_code, year, name, units, households, communities, buildings, area, "
                        + "planned_investment, prelim_done_on, started_on, basic_completed_on)", projects);
                copy.copy("project_progress (project_id, period, investment, image_progress)", progress);
                projects = new PgCopy.Rows();
                progress = new PgCopy.Rows();
                System.out.printf("  %d projects, %d progress rows%n", id, progressRows);
            }
        }
        copy.copy("project (id, region_id, program_code, year, name, units, households, communities, buildings, area, "
                + "planned_investment, prelim_done_on, started_on, basic_completed_on)", projects);
        copy.copy("project_progress (project_id, period, investment, image_progress)", progress);
        jdbc.sql("select setval('project_id_seq', ?)").param(PROJECTS).query(Long.class).single();

        long factRows = 0;
        PgCopy.Rows rows = new PgCopy.Rows();
        for (int c = 0; c < n; c++) {
            for (int m = 0; m < MONTHS; m++) {
                double[] f = facts[c][m];
                if (f == null) {
                    continue;
                }
                for (int i = 0; i < f.length; i++) {
                    if (!Double.isNaN(f[i])) {
                        rows.add(counties.get(c).id(), FIRST.plusMonths(m).atDay(1), i, "",
                                java.math.BigDecimal.valueOf(f[i]).setScale(2, java.math.RoundingMode.HALF_UP).stripTrailingZeros().toPlainString());
                        factRows++;
                    }
                }
                facts[c][m] = null;
            }
            if (rows.count() > 200_000) {
                copy.copy("progress_fact (region_id, period, indicator_id, source, value)", rows);
                rows = new PgCopy.Rows();
            }
        }
        copy.copy("progress_fact (region_id, period, indicator_id, source, value)", rows);
        // the reported figures of every reported unit-month: subsidy, funds by two sources, 公租房 entries — as values of
        // its report and as its facts
        long values = jdbc.sql("""
                insert into report_value (report_id, indicator_id, source, value)
                select r.id, i.id, s.source,
                       round((extract(month from r.period) * (50 + (r.region_id * 7919 + i.id * 31 + extract(year from r.period)::int) % 400))
                             / 12.0 * case when i.stage_code = 'FUND_RECEIVED' then 3 when i.stage_code = 'FUND_DISBURSED' then 2 else 1 end)
                from report r
                join indicator i on i.program_code in ('RENTAL_SUBSIDY', 'HOUSING')
                                 or (i.program_code = 'PUBLIC_RENTAL' and i.stage_code in ('NEW_BENEFICIARY', 'DATA_ENTRY', 'VACATE'))
                cross join lateral (select unnest(case when i.program_code = 'HOUSING'
                                                       then array['CENTRAL_SUBSIDY', 'SPECIAL_BOND'] else array[''] end)) as s(source)
                where r.status <> 'DRAFT'""").update();
        factRows += jdbc.sql("""
                insert into progress_fact (region_id, period, indicator_id, source, value)
                select r.region_id, r.period, v.indicator_id, v.source, v.value
                from report r join report_value v on v.report_id = r.id
                where r.status in ('SUBMITTED', 'APPROVED', 'LOCKED')""").update();
        jdbc.sql("""
                insert into progress_reported (region_id, period)
                select region_id, period from report where status in ('SUBMITTED', 'APPROVED', 'LOCKED')""").update();
        return new long[]{PROJECTS, progressRows, reportId, unreported, values, factRows};
    }

    private static void add(double[] f, Integer indicatorId, double value) {
        if (indicatorId == null) {
            throw new IllegalStateException("unknown indicator");
        }
        f[indicatorId] = Double.isNaN(f[indicatorId]) ? value : f[indicatorId] + value;
    }
}
