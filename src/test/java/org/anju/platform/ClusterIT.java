package org.anju.platform;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.fail;

/**
 * The cluster of issue 15 with real parts (scripts/cluster/up.sh): Debian's PostgreSQL 15 primary and a streaming
 * replica, two app nodes from the packaged jar, haproxy in front (round robin, no stickiness). Runs in
 * {@code ./mvnw verify} after the jar is packaged; always stops everything (down.sh) at the end.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ClusterIT {

    static final Path REPO = Path.of("").toAbsolutePath();
    static final Path SCRIPTS = REPO.resolve("scripts/cluster");
    /**
     * Where the scripts keep the cluster: target/cluster, or (as root, when the checkout is closed to the postgres user)
     * the directory scripts/cluster/common.sh names in target/cluster.where.
     */
    static final Path WORK = work();

    static Path work() {
        String chosen = System.getenv("ANJU_CLUSTER_DIR");
        if (chosen != null && !chosen.isBlank()) {
            return Path.of(chosen);
        }
        Path where = REPO.resolve("target/cluster.where");
        if ("root".equals(System.getProperty("user.name"))) {
            try { // common.sh decides on its first run (up.sh, before any file is read from the cluster)
                new ProcessBuilder("bash", "-c", "source scripts/cluster/common.sh").directory(REPO.toFile())
                        .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start().waitFor();
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        try {
            return Files.exists(where) ? Path.of(Files.readString(where).strip()) : REPO.resolve("target/cluster");
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /**
     * The ports the environment names (ANJU_CLUSTER_*_PORT), else free ones below Linux's ephemeral range (32768–60999).
     * The scripts' defaults put the primary on 55432, inside that range: a run here failed before its first test with
     * 55432 in use, and nothing listened there a minute later — most likely an outgoing connection's local port for a
     * moment. A port below the range is taken only by a listener, and one found free just before up.sh is very unlikely
     * to be taken by one in between.
     */
    static Map<String, String> ports() {
        List<String> names = List.of("ANJU_CLUSTER_PRIMARY_PORT", "ANJU_CLUSTER_REPLICA_PORT", "ANJU_CLUSTER_NODE_A_PORT",
                "ANJU_CLUSTER_NODE_B_PORT", "ANJU_CLUSTER_LB_PORT");
        Map<String, String> ports = new java.util.LinkedHashMap<>();
        int candidate = 20_000 + java.util.concurrent.ThreadLocalRandom.current().nextInt(10_000);
        for (String name : names) {
            String given = System.getenv(name);
            if (given != null && !given.isBlank()) {
                ports.put(name, given.strip());
                continue;
            }
            while (!free(candidate) || ports.containsValue(String.valueOf(candidate))) {
                candidate++;
            }
            ports.put(name, String.valueOf(candidate++));
        }
        return Map.copyOf(ports);
    }

    /** Nothing listens on the port, on any address (the nodes listen on all of them). */
    static boolean free(int port) {
        try (java.net.ServerSocket socket = new java.net.ServerSocket()) {
            socket.setReuseAddress(false);
            socket.bind(new java.net.InetSocketAddress(port));
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    /** Node A's connections to the primary (scripts/cluster gives each node its ApplicationName). */
    static final String NODE_A_BACKENDS = "select count(*) from pg_stat_activity where datname = 'anju'"
            + " and application_name = 'anju-node-a' and backend_xid is not null";
    /** The ports this run's cluster listens on, given to every script (scripts/cluster/common.sh reads them). */
    static final Map<String, String> PORTS = ports();
    static final String LB = "http://127.0.0.1:" + PORTS.get("ANJU_CLUSTER_LB_PORT");
    static final String NODE_A = "http://127.0.0.1:" + PORTS.get("ANJU_CLUSTER_NODE_A_PORT");
    static final String NODE_B = "http://127.0.0.1:" + PORTS.get("ANJU_CLUSTER_NODE_B_PORT");
    static final int PRIMARY = Integer.parseInt(PORTS.get("ANJU_CLUSTER_PRIMARY_PORT"));
    static final int REPLICA = Integer.parseInt(PORTS.get("ANJU_CLUSTER_REPLICA_PORT"));
    static final String PASSWORD = "anju2023";
    static final String REGISTER_HEADER = "地区,工程类别,年度,项目名称,套数,户数,小区数,计划投资（万元）,前期手续办结日期,开工日期,"
            + "基本建成（完工）日期,进度月份,累计完成投资（万元）,形象进度\n";

    static final int PROGRESS_ROWS = 3_000;

    static boolean started;

    @BeforeAll
    static void up() throws Exception {
        List<String> missing = new ArrayList<>();
        if (!Files.isExecutable(Path.of("/usr/lib/postgresql/15/bin/pg_basebackup"))) {
            missing.add("postgresql (Debian 15)");
        }
        if (!Files.isExecutable(Path.of("/usr/sbin/haproxy"))) {
            missing.add("haproxy");
        }
        if (!missing.isEmpty()) {
            fail("ClusterIT 需要 Debian 软件包 " + missing + "：.ci/run 会安装它们（apt-get install postgresql haproxy）");
        }
        started = true;
        run(Duration.ofMinutes(6), "up.sh");
    }

    @AfterAll
    static void down() throws Exception {
        if (started) {
            run(Duration.ofMinutes(2), "down.sh");
        }
    }

    /** (a) A session made on node A goes on on node B, and through the balancer whichever node answers. */
    @Test
    @Order(1)
    void loginOnNodeAContinueOnNodeB() throws Exception {
        Session browser = new Session();
        browser.login(NODE_A, "zy_admin");
        HttpResponse<String> onB = browser.get(NODE_B + "/dashboard?region=620700&period=2023-12");
        assertThat(onB.statusCode()).as("node B knows the session made on node A (sessions in the database)").isEqualTo(200);
        assertThat(onB.body()).contains("张掖市");

        Set<String> nodes = new HashSet<>();
        for (int i = 0; i < 4; i++) {
            HttpResponse<String> page = browser.get(LB + "/dashboard?region=620700&period=2023-12");
            assertThat(page.statusCode()).isEqualTo(200);
            assertThat(page.body()).contains("张掖市");
            nodes.add(page.headers().firstValue("X-Anju-Node").orElse("?"));
        }
        assertThat(nodes).as("round robin without stickiness").containsExactlyInAnyOrder("A", "B");
    }

    /** (b) An import started on node A; its progress is read on node B. */
    @Test
    @Order(2)
    void importOnNodeAProgressFromNodeB() throws Exception {
        Session browser = new Session();
        browser.login(NODE_A, "gzq_reporter");
        String token = browser.csrf(NODE_A + "/projects");
        HttpResponse<String> started = browser.send(HttpRequest.newBuilder(URI.create(NODE_A + "/projects/import"))
                .header("HX-Request", "true").header("X-CSRF-TOKEN", token)
                .header("Content-Type", "multipart/form-data; boundary=" + Multipart.BOUNDARY)
                .POST(HttpRequest.BodyPublishers.ofByteArray(Multipart.file("file", "集群进度.csv",
                        register("集群进度", PROGRESS_ROWS), Map.of("region", "620702")))));
        try {
            assertThat(started.statusCode()).isEqualTo(200);
            Matcher job = Pattern.compile("/jobs/([A-Za-z0-9-]+)").matcher(started.body());
            assertThat(job.find()).as("the import page names its job: %s", started.body()).isTrue();

            HttpResponse<String> progress = basic(NODE_B + "/api/import-jobs/" + job.group(1), "gzq_reporter");
            assertThat(progress.statusCode()).as("node B reads the job node A runs (jobs in the database)").isEqualTo(200);
            assertThat(progress.body()).contains(job.group(1));
        } finally {
            // the import runs on: let it end before the next scenarios count rows
            long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(3);
            while (scalar(PRIMARY, "select count(*) from project where name like '集群进度-%'") < PROGRESS_ROWS
                    && System.nanoTime() < deadline) {
                Thread.sleep(500);
            }
        }
    }

    /**
     * Reads go to the replica; after a write, the writer's reads wait for the replica (read your own writes): with the
     * replica's replay paused, a project created on node A is found by the read-only lookup that follows.
     */
    @Test
    @Order(3)
    void readsUseTheReplicaAndTheWriterReadsItsOwnWrite() throws Exception {
        Session browser = new Session();
        browser.login(NODE_A, "gzq_reporter");
        for (int i = 0; i < 3; i++) {
            assertThat(browser.get(NODE_A + "/dashboard?region=620702&period=2023-12").statusCode()).isEqualTo(200);
        }
        assertThat(scalar(REPLICA, "select count(*) from pg_stat_activity where application_name = 'anju-read'"))
                .as("the dashboard's read-only transactions opened connections on the replica").isPositive();
        // and the replica's pool is in the node's metrics beside the primary's (operator trial: only pool="anju" was)
        HttpResponse<String> scrape = basic(NODE_A + "/actuator/prometheus", "prometheus");
        assertThat(scrape.statusCode()).isEqualTo(200);
        assertThat(scrape.body()).containsPattern("hikaricp_connections_max\\{[^}]*pool=\"anju-read\"")
                .containsPattern("hikaricp_connections_max\\{[^}]*pool=\"anju-replica-monitor\"")
                .containsPattern("hikaricp_connections_max\\{[^}]*pool=\"anju-primary-monitor\"")
                .containsPattern("hikaricp_connections_max\\{[^}]*pool=\"anju-health\"");

        sql(REPLICA, "select pg_wal_replay_pause()");
        try {
            String name = "读己之写-" + UUID.randomUUID();
            long id = browser.createProject(NODE_A, name);
            assertThat(scalar(REPLICA, "select count(*) from project where id = " + id))
                    .as("the replica has not replayed the write").isZero();
            HttpResponse<String> read = browser.get(NODE_A + "/api/projects/" + id);
            assertThat(read.statusCode()).as("the writer reads its write (from the primary)").isEqualTo(200);
            assertThat(read.body()).contains(name);
        } finally {
            sql(REPLICA, "select pg_wal_replay_resume()");
        }
    }

    /** (d) With the replica stopped, reads fall back to the primary and a write is read back; then it comes back. */
    @Test
    @Order(4)
    void aStoppedReplicaFallsBackToThePrimary() throws Exception {
        run(Duration.ofMinutes(1), "stop-replica.sh");
        try {
            Thread.sleep(2500); // the monitor checks every second
            for (int i = 0; i < 4; i++) {
                assertThat(basic(LB + "/api/progress/620700/2023-12", "zy_admin").statusCode()).isEqualTo(200);
                assertThat(basic(LB + "/api/supervision/620700/2023-12/reporting", "zy_admin").statusCode()).isEqualTo(200);
                assertThat(basic(LB + "/api/dashboard/map?region=620700&period=2023-12", "zy_admin").statusCode())
                        .isEqualTo(200);
            }
            String name = "副本停止时写入-" + UUID.randomUUID();
            String json = projectJson(name);
            HttpResponse<String> created = send(HttpRequest.newBuilder(URI.create(LB + "/api/projects"))
                    .header("Authorization", basicAuth("gzq_reporter")).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(json)).build());
            assertThat(created.statusCode()).isEqualTo(200);
            long id = Long.parseLong(field(created.body(), "id"));
            HttpResponse<String> read = basic(LB + "/api/projects/" + id, "gzq_reporter");
            assertThat(read.statusCode()).isEqualTo(200);
            assertThat(read.body()).contains(name);
            assertThat(Files.readString(WORK.resolve("logs/node-a.log"))).contains("只读副本不可用，只读事务改走主库");
            // and the monitoring system sees it too (operator trial: only the log and a rising reads{to=primary} did)
            assertThat(basic(NODE_A + "/actuator/prometheus", "prometheus").body())
                    .contains("anju_db_replica_in_use{application=\"anju\"} 0.0")
                    .contains("anju_db_replica_lag_seconds{application=\"anju\"} NaN");
            screenshot(NODE_A, "zy_admin", "/dashboard?region=620700&period=2023-12", "cluster-dashboard-replica-stopped.png");
        } finally {
            run(Duration.ofMinutes(1), "start-replica.sh");
        }
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (count(Files.readString(WORK.resolve("logs/node-a.log")), "只读副本可用") < 2) {
            if (System.nanoTime() > deadline) {
                fail("node A did not return to the replica after it was started again");
            }
            Thread.sleep(500);
        }
        assertThat(basic(NODE_A + "/actuator/prometheus", "prometheus").body())
                .contains("anju_db_replica_in_use{application=\"anju\"} 1.0");
    }

    /** (c) kill -9 of node A in the middle of an import: nothing of it is stored, node B serves on. */
    @Test
    @Order(5)
    void killingANodeMidImportLeavesNothingPartial() throws Exception {
        long before = scalar(PRIMARY, "select count(*) from project");
        long progressBefore = scalar(PRIMARY, "select count(*) from project_progress");
        byte[] file = register("集群中断", 20_000);
        CompletableFuture<HttpResponse<String>> upload = CompletableFuture.supplyAsync(() -> {
            try {
                return send(HttpRequest.newBuilder(URI.create(NODE_A + "/api/projects/import?region=620702"))
                        .header("Authorization", basicAuth("gzq_reporter"))
                        .header("Content-Type", "multipart/form-data; boundary=" + Multipart.BOUNDARY)
                        .timeout(Duration.ofMinutes(3))
                        .POST(HttpRequest.BodyPublishers.ofByteArray(Multipart.file("file", "集群中断.csv", file, Map.of())))
                        .build());
            } catch (Exception e) {
                return null; // the node is killed under it
            }
        });
        // the import is writing once its job is open (an API call's share: a row until it returns) and a transaction of
        // node A's holds a transaction id — not node B's (sessions, scheduled work), not node A's own bookkeeping of
        // sessions, locks and job progress
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
        while (scalar(PRIMARY, NODE_A_BACKENDS + " and query !~* 'shedlock|import_job|spring_session|login_throttle'"
                + " and exists (select 1 from import_job where finished_at is null)") == 0) {
            if (upload.isDone()) {
                fail("the import ended before node A could be killed (make the file larger): " + describe(upload.join()));
            }
            if (System.nanoTime() > deadline) {
                fail("the import did not start writing within 90 s");
            }
            Thread.sleep(20);
        }
        run(Duration.ofSeconds(30), "kill-node.sh", "A");
        HttpResponse<String> answer = upload.get(30, TimeUnit.SECONDS);
        assertThat(answer).as("node A died before answering").isNull();

        deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (scalar(PRIMARY, NODE_A_BACKENDS) > 0) {
            if (System.nanoTime() > deadline) {
                fail("the killed node's transaction is still open after 30 s");
            }
            Thread.sleep(100);
        }
        assertThat(scalar(PRIMARY, "select count(*) from project")).as("no project of the killed import").isEqualTo(before);
        assertThat(scalar(PRIMARY, "select count(*) from project_progress")).isEqualTo(progressBefore);
        assertThat(scalar(PRIMARY, "select count(*) from project where name like '集群中断-%'")).isZero();

        for (int i = 0; i < 6; i++) {
            HttpResponse<String> r = basic(LB + "/api/progress/620700/2023-12", "zy_admin");
            assertThat(r.statusCode()).as("node B serves through the balancer").isEqualTo(200);
            assertThat(r.headers().firstValue("X-Anju-Node")).hasValue("B");
        }
    }

    /**
     * The README's upgrade steps on the loopback cluster (seventh session's upgrade trial): a node stopped gracefully
     * with stop-node.sh (SIGTERM, drained, the script returns once the process has ended) while the balancer serves
     * every request from the other, then started again from a jar named by ANJU_CLUSTER_JAR.
     */
    @Test
    @Order(6)
    void aNodeStoppedGracefullyAndStartedFromANamedJar() throws Exception {
        run(Duration.ofMinutes(5), "start-node.sh", "A");   // back after the kill above
        CompletableFuture<Void> stop = CompletableFuture.runAsync(() -> {
            try {
                run(Duration.ofMinutes(2), "stop-node.sh", "B");
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        // while B drains and after it has gone: every request through the balancer answered
        int fromA = 0;
        while (!stop.isDone() || fromA < 6) {
            HttpResponse<String> r = basic(LB + "/api/progress/620700/2023-12", "zy_admin");
            assertThat(r.statusCode()).as("served through the balancer while B stops").isEqualTo(200);
            fromA = stop.isDone() && r.headers().firstValue("X-Anju-Node").orElse("").equals("A") ? fromA + 1 : 0;
            Thread.sleep(200);
        }
        stop.join();
        assertThat(Files.readString(REPO.resolve("target/cluster-stop-node.sh.out"))).contains("stopped node B", "SIGTERM");
        assertThatThrownBy(() -> send(HttpRequest.newBuilder(URI.create(NODE_B + "/login")).timeout(Duration.ofSeconds(5))
                .GET().build())).as("B's process has ended").isInstanceOf(java.net.ConnectException.class);

        Path jar;
        try (var jars = Files.list(REPO.resolve("target"))) {
            jar = jars.filter(f -> f.getFileName().toString().matches("anju-.*\\.jar") && !f.toString().contains("plain"))
                    .findFirst().orElseThrow();
        }
        Path copy = Files.copy(jar, Files.createTempDirectory("anju-upgrade").resolve("new.jar"));
        run(Duration.ofMinutes(5), Map.of("ANJU_CLUSTER_JAR", copy.toString()), "start-node.sh", "B");
        assertThat(Files.readString(WORK.resolve("logs/node-b.log"))).contains("启动节点 B（" + copy + "）");
        assertThat(basic(NODE_B + "/api/progress/620700/2023-12", "zy_admin").statusCode()).isEqualTo(200);
    }

    // ---- helpers

    /** What a user sees: the page in Chromium (Debian's, as the browser tests use), saved for the issue. */
    static void screenshot(String base, String user, String path, String file) throws IOException {
        Path chromium = Path.of("/usr/bin/chromium");
        if (!Files.isExecutable(chromium)) {
            fail("截图需要 Chromium（/usr/bin/chromium）：.ci/run 会安装它");
        }
        Path dir = Files.createDirectories(REPO.resolve("target/screenshots/issue15"));
        try (Playwright playwright = Playwright.create(new Playwright.CreateOptions()
                .setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
             Browser browser = playwright.chromium().launch(new BrowserType.LaunchOptions().setExecutablePath(chromium)
                     .setHeadless(true).setArgs(List.of("--no-sandbox", "--disable-gpu")))) {
            Page page = browser.newPage(new Browser.NewPageOptions().setViewportSize(1280, 900));
            page.setDefaultTimeout(60_000);
            page.navigate(base + "/login");
            page.fill("#username", user);
            page.fill("#password", PASSWORD);
            page.click("#login-form button[type=submit]");
            page.waitForURL(url -> !url.contains("/login"));
            page.navigate(base + path);
            assertThat(page.content()).contains("张掖市");
            page.screenshot(new Page.ScreenshotOptions().setPath(dir.resolve(file)).setFullPage(true));
        }
    }

    static byte[] register(String prefix, int rows) {
        StringBuilder csv = new StringBuilder(REGISTER_HEADER);
        for (int i = 1; i <= rows; i++) {
            csv.append("甘州区,保租房,2025,").append(prefix).append('-').append(i).append(",10,,,100,,,,,,\n");
        }
        return csv.toString().getBytes(StandardCharsets.UTF_8);
    }

    static String projectJson(String name) {
        return "{\"regionCode\":\"620702\",\"programCode\":\"AFFORDABLE_RENTAL\",\"year\":2025,\"name\":\"" + name
                + "\",\"units\":10}";
    }

    static String field(String json, String name) {
        Matcher m = Pattern.compile("\"" + name + "\"\\s*:\\s*\"?([^\",}]+)").matcher(json);
        if (!m.find()) {
            fail("no " + name + " in " + json);
        }
        return m.group(1);
    }

    static int count(String text, String part) {
        int n = 0;
        for (int i = text.indexOf(part); i >= 0; i = text.indexOf(part, i + 1)) {
            n++;
        }
        return n;
    }

    static String describe(HttpResponse<String> r) {
        return r == null ? "no answer" : r.statusCode() + " " + r.body();
    }

    static final HttpClient PLAIN = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5))
            .followRedirects(HttpClient.Redirect.NEVER).build();

    static HttpResponse<String> send(HttpRequest request) throws IOException, InterruptedException {
        return PLAIN.send(request, HttpResponse.BodyHandlers.ofString());
    }

    static String basicAuth(String user) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + PASSWORD).getBytes(StandardCharsets.UTF_8));
    }

    static HttpResponse<String> basic(String url, String user) throws IOException, InterruptedException {
        return send(HttpRequest.newBuilder(URI.create(url)).header("Authorization", basicAuth(user)).GET().build());
    }

    static Connection database(int port) throws IOException, SQLException {
        String password = Files.readString(WORK.resolve("superuser-password")).strip();
        return DriverManager.getConnection("jdbc:postgresql://127.0.0.1:" + port + "/anju", "postgres", password);
    }

    static long scalar(int port, String query) throws IOException, SQLException {
        try (Connection c = database(port); PreparedStatement st = c.prepareStatement(query); ResultSet rs = st.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        }
    }

    static void sql(int port, String query) throws IOException, SQLException {
        try (Connection c = database(port); PreparedStatement st = c.prepareStatement(query)) {
            st.execute();
        }
    }

    static void run(Duration timeout, String script, String... args) throws IOException, InterruptedException {
        run(timeout, PORTS, script, args);
    }

    static void run(Duration timeout, Map<String, String> env, String script, String... args)
            throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("bash", SCRIPTS.resolve(script).toString()));
        command.addAll(List.of(args));
        Path log = Files.createDirectories(REPO.resolve("target")).resolve("cluster-" + script + ".out");
        ProcessBuilder pb = new ProcessBuilder(command).directory(REPO.toFile()).redirectErrorStream(true)
                .redirectOutput(log.toFile());
        pb.environment().putAll(PORTS);
        pb.environment().putAll(env);
        Process p = pb.start();
        if (!p.waitFor(timeout.toSeconds(), TimeUnit.SECONDS)) {
            p.destroyForcibly();
            fail(script + " took longer than " + timeout + ": " + Files.readString(log));
        }
        if (p.exitValue() != 0) {
            fail(script + " failed (" + p.exitValue() + "): " + Files.readString(log));
        }
    }

    /** A browser: cookies (the session) and the CSRF token of its pages. */
    static final class Session {
        final HttpClient client = HttpClient.newBuilder().cookieHandler(new CookieManager())
                .connectTimeout(Duration.ofSeconds(5)).followRedirects(HttpClient.Redirect.NEVER).build();

        HttpResponse<String> send(HttpRequest.Builder request) throws IOException, InterruptedException {
            return client.send(request.timeout(Duration.ofMinutes(2)).build(), HttpResponse.BodyHandlers.ofString());
        }

        HttpResponse<String> get(String url) throws IOException, InterruptedException {
            return send(HttpRequest.newBuilder(URI.create(url)).GET());
        }

        String csrf(String pageUrl) throws IOException, InterruptedException {
            HttpResponse<String> page = get(pageUrl);
            Matcher m = Pattern.compile("name=\"_csrf\"\\s+(?:value|content)=\"([^\"]+)\"").matcher(page.body());
            if (!m.find()) {
                fail("no CSRF token on " + pageUrl + " (" + page.statusCode() + ")");
            }
            return m.group(1);
        }

        void login(String base, String user) throws IOException, InterruptedException {
            String token = csrf(base + "/login");
            String form = Map.of("username", user, "password", PASSWORD, "_csrf", token).entrySet().stream()
                    .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                    .collect(Collectors.joining("&"));
            HttpResponse<String> r = send(HttpRequest.newBuilder(URI.create(base + "/login"))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(form)));
            assertThat(r.statusCode()).isEqualTo(302);
            assertThat(r.headers().firstValue("Location").orElse("")).doesNotContain("error");
        }

        long createProject(String base, String name) throws IOException, InterruptedException {
            String token = csrf(base + "/projects");
            HttpResponse<String> r = send(HttpRequest.newBuilder(URI.create(base + "/api/projects"))
                    .header("Content-Type", "application/json").header("X-CSRF-TOKEN", token)
                    .POST(HttpRequest.BodyPublishers.ofString(projectJson(name))));
            assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
            return Long.parseLong(field(r.body(), "id"));
        }
    }

    static final class Multipart {
        static final String BOUNDARY = "anju-cluster-" + UUID.randomUUID();

        static byte[] file(String field, String fileName, byte[] content, Map<String, String> fields) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            fields.forEach((k, v) -> out.writeBytes(("--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"" + k
                    + "\"\r\n\r\n" + v + "\r\n").getBytes(StandardCharsets.UTF_8)));
            out.writeBytes(("--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"" + field + "\"; filename=\""
                    + fileName + "\"\r\nContent-Type: text/csv\r\n\r\n").getBytes(StandardCharsets.UTF_8));
            out.writeBytes(content);
            out.writeBytes(("\r\n--" + BOUNDARY + "--\r\n").getBytes(StandardCharsets.UTF_8));
            return out.toByteArray();
        }
    }
}
