package org.anju.bench;

import com.zaxxer.hikari.HikariDataSource;
import org.anju.AnjuApplication;
import org.anju.account.Access;
import org.anju.account.Actor;
import org.anju.account.Channel;
import org.anju.account.NewUser;
import org.anju.account.Role;
import org.anju.account.Users;
import org.anju.cli.Cli;
import org.anju.platform.ChinaTime;
import org.anju.platform.PgCopy;
import org.anju.privacy.PersonalData;
import org.anju.region.Region;
import org.anju.region.Regions;
import org.anju.rental.allocation.RoundView;
import org.anju.rental.allocation.Rounds;
import org.anju.rental.draw.Draw;
import org.anju.rental.waiting.WaitingList;
import org.anju.rental.waiting.WaitingPage;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.logging.LogLevel;
import org.springframework.boot.logging.LoggingSystem;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.io.OutputStream;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Benchmarks for the waiting list and allocation rounds (issue 12) on a synthetic province (江西省): 1,000,000 households
 * with sealed personal data and 300,000 dwellings ({@link SyntheticRental}).
 * <ol>
 *   <li>the waiting-list page of the largest city (赣州市), through {@link WaitingList#page} — the first page, a deep
 *   page and the search by 资格证号 — and over HTTP (the page and the API, signed in): ≤ 200 ms</li>
 *   <li>a draw of 20,000 candidates for 3,000 dwellings as the app does it ({@link Rounds#open} freezes and publishes
 *   the list, {@link Rounds#draw} draws and starts the round), re-verified with {@code rental draw verify} from the
 *   published candidate file; and {@link Draw#run} alone: ≤ 1 s</li>
 *   <li>heap ≤ 512 MB (run with -Xmx512m; the peak used is reported)</li>
 * </ol>
 * Run with {@code ./mvnw -q -Pbench verify -Dbench=RentalBench} (see docs/PERFORMANCE.md). Environment, for working on
 * it: {@code RENTAL_BENCH_DATA=dir} keeps the database in {@code dir} (durable embedded server) and reuses its data on the
 * next run; {@code RENTAL_BENCH_RUNS} (default 50 page runs, 30 draws); {@code RENTAL_BENCH_EXPLAIN=1} logs the plans
 * of the list's statements (auto_explain) once, before measuring.
 */
public final class RentalBench {

    static final String PROVINCE = "360000";
    static final String CITY = "360700";     // 赣州市, the province's largest
    static final String COUNTY = "360702";   // 章贡区: the draws run here
    static final int HOUSEHOLDS = 1_000_000;
    static final int DWELLINGS = 300_000;
    static final int CANDIDATES = 20_000;
    static final int OFFERED = 3_000;

    public static void main(String[] args) throws Exception {
        String keep = System.getenv("RENTAL_BENCH_DATA");
        int runs = Integer.parseInt(System.getenv().getOrDefault("RENTAL_BENCH_RUNS", "50"));
        int draws = Integer.parseInt(System.getenv().getOrDefault("RENTAL_BENCH_DRAWS", "30"));
        boolean explain = "1".equals(System.getenv("RENTAL_BENCH_EXPLAIN"));
        if (keep != null) {
            System.setProperty("anju.db.ephemeral", "false");
            System.setProperty("anju.db.data-dir", keep);
        }
        watchGc();
        System.setProperty("server.port", "0");   // over application.yml's 8080: a free port, whatever else runs here
        try (ConfigurableApplicationContext ctx = new SpringApplicationBuilder(AnjuApplication.class)
                .web(WebApplicationType.SERVLET).profiles("test")
                .properties("server.port=0", "anju.demo.enabled=false",
                        "logging.level.root=WARN", "logging.level.io.zonky=ERROR")
                .run()) {
            Regions regions = ctx.getBean(Regions.class);
            JdbcClient jdbc = ctx.getBean(JdbcClient.class);
            Region root = regions.root();
            Region city = regions.byCode(CITY).orElseThrow();
            Region county = regions.byCode(COUNTY).orElseThrow();
            uploadRules(ctx.getBean(org.anju.rental.application.CityRules.class), regions);

            // ---- data ------------------------------------------------------------------------------------------
            long existing = jdbc.sql("select count(*) from rental_household").query(Long.class).single();
            if (existing == 0) {
                long t0 = System.nanoTime();
                SyntheticRental.Result r = Access.runAs(Actor.system(root), () -> {
                    try {
                        return new SyntheticRental(jdbc, ctx.getBean(PgCopy.class), regions, ctx.getBean(PersonalData.class))
                                .generate(PROVINCE, HOUSEHOLDS, DWELLINGS, COUNTY, 12);
                    } catch (Exception e) {
                        throw new IllegalStateException(e);
                    }
                });
                long t1 = System.nanoTime();
                jdbc.sql("vacuum analyze").update();
                long t2 = System.nanoTime();
                System.out.printf(Locale.ROOT, "data: %d households (%d members, %d group memberships), %d dwellings in %d estates "
                                + "(%d vacant), %d allocations in force; generated and sealed in %.1f s, vacuum analyze %.1f s%n",
                        r.households(), r.members(), r.groups(), r.dwellings(), r.estates(), r.vacant(), r.allocations(),
                        (t1 - t0) / 1e9, (t2 - t1) / 1e9);
            } else {
                // a kept database: the previous run's rounds go (untimed), so every run starts from the same list
                Access.runAs(Actor.system(root), () -> {
                    jdbc.sql("delete from rental_round_event where round_id in (select id from rental_round where created_by = 'bench_housing')").update();
                    jdbc.sql("delete from rental_round_candidate where round_id in (select id from rental_round where created_by = 'bench_housing')").update();
                    jdbc.sql("delete from rental_round_dwelling where round_id in (select id from rental_round where created_by = 'bench_housing')").update();
                    jdbc.sql("delete from rental_round where created_by = 'bench_housing'").update();
                    return null;
                });
                jdbc.sql("analyze").update();
                System.out.println("data: kept database, " + existing + " households");
            }
            String sizes = jdbc.sql("""
                    select pg_size_pretty(pg_total_relation_size('rental_household')) || ' households, '
                        || pg_size_pretty(pg_total_relation_size('rental_member')) || ' members, '
                        || pg_size_pretty(pg_database_size(current_database())) || ' database'""").query(String.class).single();
            System.out.println("sizes: " + sizes);
            generationPeak += HeapPeak.bytesThenReset();
            generationLive = liveAfterGc;
            liveAfterGc = 0;

            WaitingList waiting = ctx.getBean(WaitingList.class);
            Rounds rounds = ctx.getBean(Rounds.class);
            Actor cityAdmin = new Actor("bench_city", "赣州市住建局（基准测试）", city, EnumSet.of(Role.CITY_ADMIN), Channel.UI, false);
            Actor office = new Actor("bench_housing", "章贡区住房保障（基准测试）", county, EnumSet.of(Role.HOUSING_OFFICE),
                    Channel.UI, false);
            SplittableRandom random = new SplittableRandom(3);

            // ---- waiting list --------------------------------------------------------------------------------------
            if (explain) {
                explain(ctx, jdbc, () -> {
                    WaitingPage first = Access.runAs(cityAdmin, () -> waiting.page(CITY, null, 0));
                    Access.runAs(cityAdmin, () -> waiting.page(CITY, null, first.total() / WaitingList.PAGE * 3 / 4));
                    Access.runAs(cityAdmin, () -> waiting.page(CITY, first.entries().get(7).certificateNo(), 0));
                });
            }
            WaitingPage first = Access.runAs(cityAdmin, () -> waiting.page(CITY, null, 0));
            int total = first.total();
            int deep = total / WaitingList.PAGE * 3 / 4;
            List<String> certificates = jdbc.sql("""
                            select certificate_no from rental_household h
                             where h.city_id = :city and h.guarantee = 'PUBLIC_RENTAL' and h.closed_on is null
                               and not exists (select 1 from rental_allocation a where a.household_id = h.id and a.cancelled_on is null)
                             order by md5(certificate_no) limit 200""")
                    .param("city", city.id()).query(String.class).list();
            System.out.println();
            System.out.printf("waiting list of %s: %d households waiting (%d pages of %d); deep page = page %d%n", city.name(),
                    total, (total + WaitingList.PAGE - 1) / WaitingList.PAGE, WaitingList.PAGE, deep + 1);
            System.out.println();
            System.out.println("| benchmark | runs | mean ms | p50 ms | p95 ms | max ms | target |");
            System.out.println("|---|---|---|---|---|---|---|");
            Timer warm = new Timer("warm-up");
            for (int i = 0; i < 10; i++) {
                warm.time(() -> Access.runAs(cityAdmin, () -> waiting.page(CITY, null, 0)));
                warm.time(() -> Access.runAs(cityAdmin, () -> waiting.page(CITY, null, deep)));
                String c = certificates.get(random.nextInt(certificates.size()));
                warm.time(() -> Access.runAs(cityAdmin, () -> waiting.page(CITY, c, 0)));
            }
            Timer page0 = new Timer("waiting list of " + city.name() + ", first page (WaitingList.page)");
            Timer pageDeep = new Timer("waiting list of " + city.name() + ", page " + (deep + 1) + " (deep)");
            Timer search = new Timer("waiting list of " + city.name() + ", search by 资格证号 (with its position)");
            for (int i = 0; i < runs; i++) {
                page0.time(() -> Access.runAs(cityAdmin, () -> waiting.page(CITY, null, 0)));
                pageDeep.time(() -> Access.runAs(cityAdmin, () -> waiting.page(CITY, null, deep)));
                String c = certificates.get(random.nextInt(certificates.size()));
                WaitingPage found = search.time(() -> Access.runAs(cityAdmin, () -> waiting.page(CITY, c, 0)));
                if (found.entries().size() != 1) {
                    throw new IllegalStateException("资格证号 " + c + " not found on the list");
                }
            }
            // a change in the city (here: a household's row rewritten as it is, which bumps the city's version as any
            // write does) makes the next page compute the order again — the cost a page pays once after each change
            Timer changed = new Timer("waiting list of " + city.name() + ", first page right after a change (order computed again)");
            long someone = first.entries().getFirst().householdId();
            for (int i = 0; i < Math.min(runs, 20); i++) {
                Access.runAs(Actor.system(root), () -> jdbc.sql("update rental_household set closed_on = closed_on where id = :id")
                        .param("id", someone).update());
                changed.time(() -> Access.runAs(cityAdmin, () -> waiting.page(CITY, null, 0)));
            }
            Timer countyPage = new Timer("waiting list of " + county.name() + " (county), first page");
            for (int i = 0; i < runs; i++) {
                countyPage.time(() -> Access.runAs(office, () -> waiting.page(COUNTY, null, 0)));
            }
            System.out.println(page0.report(200, 95));
            System.out.println(pageDeep.report(200, 95));
            System.out.println(search.report(200, 95));
            System.out.println(countyPage.report(200, 95));
            System.out.println(changed.report());

            // over HTTP, signed in with a session as a browser is: the HTML page and the JSON API
            int port = Integer.parseInt(ctx.getEnvironment().getProperty("local.server.port"));
            HttpClient http = http(ctx, port, root);
            String base = "http://localhost:" + port;
            Timer htmlWarm = new Timer("warm-up");
            Timer html = new Timer("HTTP GET /rental/waiting?region=" + CITY + " (page, first)");
            Timer htmlDeep = new Timer("HTTP GET /rental/waiting?region=" + CITY + "&page=" + deep + " (page, deep)");
            Timer api = new Timer("HTTP GET /api/rental/waiting?region=" + CITY + " (JSON, first)");
            long htmlBytes = 0;
            for (int i = 0; i < runs + 10; i++) {
                boolean w = i < 10;
                htmlBytes = get(http, base + "/rental/waiting?region=" + CITY, w ? htmlWarm : html);
                get(http, base + "/rental/waiting?region=" + CITY + "&page=" + deep, w ? htmlWarm : htmlDeep);
                get(http, base + "/api/rental/waiting?region=" + CITY, w ? htmlWarm : api);
            }
            System.out.println(html.report(200, 95));
            System.out.println(htmlDeep.report(200, 95));
            System.out.println(api.report(200, 95));

            // ---- draws ----------------------------------------------------------------------------------------
            List<Long> vacant = jdbc.sql("""
                            select d.id from rental_dwelling d join rental_building b on b.id = d.building_id
                              join rental_estate e on e.id = b.estate_id
                             where e.region_id = :county and d.status = 'VACANT' order by d.id limit :n""")
                    .param("county", county.id()).param("n", OFFERED).query(Long.class).list();
            LocalDate today = LocalDate.now(ChinaTime.ZONE);
            Timer open = new Timer("Rounds.open: freeze and publish " + CANDIDATES + " candidates, " + OFFERED + " dwellings");
            Timer draw = new Timer("Rounds.draw: draw " + CANDIDATES + " for " + OFFERED + " and start the round (persisted)");
            Timer both = new Timer("open + draw (the app's whole path)");
            Timer file = new Timer("Rounds.candidateFile (the published list)");
            Timer verify = new Timer("rental draw verify (CLI) from the published file");
            Timer alone = new Timer("Draw.candidates + Draw.run alone (" + CANDIDATES + ")");
            Path dir = Files.createTempDirectory("anju-rental-draw");
            PrintStream out = System.out;
            int warmDraws = Math.min(5, Math.max(1, draws / 6));
            for (int i = 0; i < draws + warmDraws; i++) {
                boolean w = i < warmDraws;
                int n = i + 1;
                String seed = "2025056 3 7 " + i;
                java.util.function.Supplier<RoundView> openIt = () -> Access.runAs(office, () -> rounds.open(
                        new Rounds.Opening(COUNTY, "基准测试第" + n + "批", vacant, null, CANDIDATES, "基准测试：福利彩票3D开奖号码", today)));
                RoundView[] r = new RoundView[2];
                long t0 = System.nanoTime();
                long t1;
                long t2;
                if (explain && i == 0) {   // the plans of the first (warm-up) round's statements
                    explain(ctx, jdbc, () -> r[0] = openIt.get());
                    t1 = System.nanoTime();
                    explain(ctx, jdbc, () -> r[1] = Access.runAs(office, () -> rounds.draw(r[0].id(), seed)));
                } else {
                    r[0] = openIt.get();
                    t1 = System.nanoTime();
                    r[1] = Access.runAs(office, () -> rounds.draw(r[0].id(), seed));
                }
                t2 = System.nanoTime();
                RoundView opened = r[0];
                RoundView drawn = r[1];
                long t3 = System.nanoTime();
                String published = rounds.candidateFile(drawn.id());
                long t4 = System.nanoTime();
                if (opened.candidateCount() != CANDIDATES || drawn.resultHash() == null) {
                    throw new IllegalStateException("round " + opened.id() + ": " + opened.candidateCount() + " candidates");
                }
                Path list = Files.writeString(dir.resolve("第" + drawn.id() + "批次候选名单.txt"), published);
                String[] cli = {"rental", "draw", "verify", "--candidates", list.toString(), "--seed", seed, "--expect",
                        drawn.resultHash(), "--expect-candidates", drawn.candidatesHash()};
                System.setOut(new PrintStream(OutputStream.nullOutputStream(), false, StandardCharsets.UTF_8));
                int code;
                long t5 = System.nanoTime();
                try {
                    code = Cli.run(AnjuApplication.class, cli);
                } finally {
                    System.setOut(out);
                }
                long t6 = System.nanoTime();
                if (code != Cli.OK) {
                    throw new IllegalStateException("round " + drawn.id() + ": rental draw verify exit code " + code);
                }
                List<String> numbers = published.lines().toList();
                long t7 = System.nanoTime();
                Draw.Result result = Draw.run(Draw.candidates(numbers, k -> "第 " + (k + 1) + " 行"), seed);
                long t8 = System.nanoTime();
                if (!result.hash().equals(drawn.resultHash())) {
                    throw new IllegalStateException("round " + drawn.id() + ": Draw.run differs from the stored result");
                }
                // untimed: the round ends, so its households and dwellings are free for the next one
                Access.runAs(Actor.system(root), () -> jdbc.sql("update rental_round set status = 'CLOSED' where id = :id")
                        .param("id", drawn.id()).update());
                if (!w) {
                    open.add((t1 - t0) / 1e6);
                    draw.add((t2 - t1) / 1e6);
                    both.add((t2 - t0) / 1e6);
                    file.add((t4 - t3) / 1e6);
                    verify.add((t6 - t5) / 1e6);
                    alone.add((t8 - t7) / 1e6);
                }
            }
            System.out.println(open.report(1000, 95));
            System.out.println(draw.report(1000, 95));
            System.out.println(both.report());
            System.out.println(file.report());
            System.out.println(verify.report(1000, 95));
            System.out.println(alone.report(1000, 95));
            System.out.println();
            System.out.printf("last HTML page %d KB; %d rounds drawn (%d warm-up)%n", htmlBytes / 1024, draws + warmDraws,
                    warmDraws);

            long peak = HeapPeak.bytes();
            System.out.println("JVM " + Runtime.version() + ", " + Runtime.getRuntime().availableProcessors() + " CPUs, max heap "
                    + Runtime.getRuntime().maxMemory() / (1024 * 1024) + " MB; peak heap used (sum of pools' peaks): "
                    + "data generation " + generationPeak / (1024 * 1024) + " MB, measurements " + peak / (1024 * 1024) + " MB; "
                    + "largest heap after a GC (live data): data generation " + generationLive / (1024 * 1024)
                    + " MB, measurements " + liveAfterGc / (1024 * 1024) + " MB; heap used now "
                    + ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed() / (1024 * 1024) + " MB");
        }
    }

    private static long generationPeak;
    private static long generationLive;
    private static volatile long liveAfterGc;

    /** Records the largest heap in use after any collection (what the program holds, not garbage not yet collected). */
    private static void watchGc() {
        for (var gc : ManagementFactory.getGarbageCollectorMXBeans()) {
            ((javax.management.NotificationEmitter) gc).addNotificationListener((n, handback) -> {
                if (n.getType().equals(com.sun.management.GarbageCollectionNotificationInfo.GARBAGE_COLLECTION_NOTIFICATION)) {
                    var info = com.sun.management.GarbageCollectionNotificationInfo.from(
                            (javax.management.openmbean.CompositeData) n.getUserData());
                    // non-heap pools (metaspace, code cache) are in the map too: count the heap's only
                    long heap = 0;
                    for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
                        var u = info.getGcInfo().getMemoryUsageAfterGc().get(pool.getName());
                        if (pool.getType() == MemoryType.HEAP && u != null) {
                            heap += u.getUsed();
                        }
                    }
                    if (heap > liveAfterGc) {
                        liveAfterGc = heap;
                    }
                }
            }, null, null);
        }
    }

    /**
     * The waiting-list rules of the province's cities, uploaded as each city would (once; a kept database has them):
     * 赣州市 and 上饶市 the test files, the others the same kind written here — all marked 未核实.
     */
    private static void uploadRules(org.anju.rental.application.CityRules rules, Regions regions) {
        var waiting = org.anju.rental.application.RuleFile.Kind.WAITING;
        org.anju.rental.application.TestRuleFiles.upload(rules, regions, "360700", waiting, "rental/waiting-samples/360700-test.tsv");
        org.anju.rental.application.TestRuleFiles.upload(rules, regions, "361100", waiting, "rental/waiting-samples/361100-test.tsv");
        String[][] cities = {{"360100", "南昌市"}, {"360200", "景德镇市"}, {"360300", "萍乡市"}, {"360400", "九江市"},
                {"360500", "新余市"}, {"360600", "鹰潭市"}, {"360800", "吉安市"}, {"360900", "宜春市"}, {"361000", "抚州市"}};
        for (String[] c : cities) {
            String text = String.join("\n",
                    "# 基准测试用规则，未核实", "城市\t" + c[0], "名称\t" + c[1] + "公租房轮候规则（基准测试用）", "生效\t2020-01-01",
                    "来源\t基准测试数据，未核实", "核实\t未核实", "排序\t优先群体+资格日期", "优先群体\t特困\t低保\t残疾\t优抚",
                    "配租方式\t摇号", "拒绝上限\t1", "超限后果\t取消轮候资格", "复核周期\t12\t月", "");
            Access.runAs(Actor.system(regions.root()), () -> rules.files(c[0]).stream().filter(f -> f.kind() == waiting)
                    .findFirst().orElseGet(() -> rules.upload(c[0], waiting, c[0] + "-bench.tsv", text, null, null)));
        }
    }

    /** A browser's session: a CITY_ADMIN account of 赣州市 created for the run, signed in through the login form. */
    private static HttpClient http(ConfigurableApplicationContext ctx, int port, Region root) throws Exception {
        String password = "Bench-" + Long.toHexString(new SplittableRandom().nextLong()) + "x9";
        String username = "bench_city_" + Integer.toHexString(new SplittableRandom().nextInt() >>> 1);
        Access.runAs(Actor.system(root), () -> ctx.getBean(Users.class).create(new NewUser(username, "赣州市基准测试",
                CITY, EnumSet.of(Role.CITY_ADMIN), password)));
        HttpClient http = HttpClient.newBuilder().cookieHandler(new CookieManager())
                .followRedirects(HttpClient.Redirect.NEVER).build();
        String base = "http://localhost:" + port;
        String login = http.send(HttpRequest.newBuilder(URI.create(base + "/login")).build(),
                HttpResponse.BodyHandlers.ofString()).body();
        Matcher m = Pattern.compile("name=\"_csrf\"\\s+value=\"([^\"]+)\"").matcher(login);
        if (!m.find()) {
            throw new IllegalStateException("no CSRF token on /login");
        }
        String form = "username=" + username + "&password=" + URLEncoder.encode(password, StandardCharsets.UTF_8)
                + "&_csrf=" + URLEncoder.encode(m.group(1), StandardCharsets.UTF_8);
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(base + "/login"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
        String location = r.headers().firstValue("Location").orElse("");
        if (r.statusCode() != 302 || location.contains("error")) {
            throw new IllegalStateException("login failed: " + r.statusCode() + " " + location);
        }
        return http;
    }

    private static long get(HttpClient http, String url, Timer timer) {
        return timer.time(() -> {
            try {
                HttpResponse<byte[]> r = http.send(HttpRequest.newBuilder(URI.create(url)).build(),
                        HttpResponse.BodyHandlers.ofByteArray());
                if (r.statusCode() != 200) {
                    throw new IllegalStateException(url + ": HTTP " + r.statusCode());
                }
                return (long) r.body().length;
            } catch (java.io.IOException | InterruptedException e) {
                throw new IllegalStateException(e);
            }
        });
    }

    /**
     * Runs {@code work} once with auto_explain on (plans with actual times, sent to the client as notices and logged by
     * JdbcTemplate at debug level): where the list's time goes.
     */
    private static void explain(ConfigurableApplicationContext ctx, JdbcClient jdbc, Runnable work) {
        HikariDataSource ds = ctx.getBean(HikariDataSource.class);
        jdbc.sql("""
                do $$ begin
                  execute format('alter database %I set session_preload_libraries = ''auto_explain''', current_database());
                  execute format('alter database %I set auto_explain.log_min_duration = 20', current_database());
                  execute format('alter database %I set auto_explain.log_analyze = on', current_database());
                  execute format('alter database %I set auto_explain.log_buffers = on', current_database());
                  execute format('alter database %I set auto_explain.log_nested_statements = on', current_database());
                  execute format('alter database %I set auto_explain.log_level = notice', current_database());
                end $$""").update();
        ds.getHikariPoolMXBean().softEvictConnections();
        LoggingSystem logging = LoggingSystem.get(RentalBench.class.getClassLoader());
        logging.setLogLevel("org.springframework.jdbc.core.JdbcTemplate", LogLevel.DEBUG);
        try {
            work.run();
        } finally {
            logging.setLogLevel("org.springframework.jdbc.core.JdbcTemplate", LogLevel.WARN);
            jdbc.sql("""
                    do $$ begin
                      execute format('alter database %I reset all', current_database());
                    end $$""").update();
            ds.getHikariPoolMXBean().softEvictConnections();
        }
    }
}
