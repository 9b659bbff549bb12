package org.anju.platform;

import org.anju.AnjuTest;
import org.anju.report.ReportImport;
import org.anju.report.Reports;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.availability.AvailabilityChangeEvent;
import org.springframework.boot.availability.ReadinessState;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.Status;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.ApplicationContext;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.nio.charset.StandardCharsets;
import java.time.YearMonth;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Health, readiness and metrics (issue 15) on the demo data: what the load balancer sees without an account, what the
 * operations account (the demo's 运维监控 account prometheus; a 全国 viewer too) sees, that other accounts see neither
 * metrics nor details and that the 运维监控 account sees nothing else, the metrics Anju records itself, and readiness
 * following the schema and the shutdown.
 */
@AnjuTest
@AutoConfigureMockMvc
@TestPropertySource(properties = {"anju.demo.enabled=true", "anju.test.database=ops"})
class OperationsEndpointsTest {

    static final JsonMapper JSON = JsonMapper.builder().build();
    static final String PASSWORD = "anju2023";
    static final String OPERATOR = "prometheus";

    @Autowired
    MockMvc mvc;
    @Autowired
    Reports reports;
    @Autowired
    ReportImport reportImport;
    @Autowired
    TransactionTemplate transaction;
    @Autowired
    Flyway flyway;
    @Autowired
    org.springframework.jdbc.core.simple.JdbcClient jdbc;
    @Autowired
    ApplicationContext context;

    JsonNode json(String path, int status, org.springframework.test.web.servlet.request.RequestPostProcessor... as)
            throws Exception {
        var request = get(path);
        for (var p : as) {
            request.with(p);
        }
        String body = mvc.perform(request).andExpect(status().is(status)).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        return JSON.readTree(body);
    }

    String prometheus() throws Exception {
        return mvc.perform(get("/actuator/prometheus").with(httpBasic(OPERATOR, PASSWORD))).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
    }

    /** The value of the sample whose name and labels contain all of {@code parts} (0 when there is none yet). */
    static double sample(String scrape, String name, String... labels) {
        Pattern line = Pattern.compile("^" + Pattern.quote(name) + "\\{([^}]*)} ([0-9.eE+-]+)$", Pattern.MULTILINE);
        Matcher m = line.matcher(scrape);
        while (m.find()) {
            if (List.of(labels).stream().allMatch(m.group(1)::contains)) {
                return Double.parseDouble(m.group(2));
            }
        }
        return 0;
    }

    @Test
    void theBalancerSeesOnlyTheStatusWithoutAnAccount() throws Exception {
        for (String probe : List.of("/actuator/health/readiness", "/actuator/health/liveness")) {
            JsonNode body = json(probe, 200);
            assertThat(body.propertyNames()).as(probe).containsExactly("status");
            assertThat(body.get("status").asString()).isEqualTo("UP");
        }
        // nothing else without signing in, as JSON problem details (not a redirect to the login page)
        for (String path : List.of("/actuator/prometheus", "/actuator/metrics", "/actuator/health", "/actuator/env",
                "/actuator/heapdump", "/actuator")) {
            JsonNode problem = json(path, 401);
            assertThat(problem.get("title").asString()).as(path).isEqualTo("未登录");
            // not "a browser session, or HTTP Basic": a session counts for nothing here (operator trial, sixth session)
            assertThat(problem.get("detail").asString()).as(path).contains("只接受运维账号的 HTTP Basic").doesNotContain("浏览器会话，或");
        }
    }

    /**
     * The 运维监控 account's password sits in the monitoring system's configuration: with it one reads the node's metrics
     * and nothing else — no page, no API, not even reference data or its own account (least privilege, seventh session's
     * list). Each answer says why, in Chinese.
     */
    @Test
    void theMonitoringAccountOpensNoPageAndNoData() throws Exception {
        for (String path : List.of("/api/me", "/api/indicators", "/api/plans", "/api/users")) {
            JsonNode problem = json(path, 403, httpBasic(OPERATOR, PASSWORD));
            assertThat(problem.get("code").asString()).as(path).isEqualTo("DENIED");
            assertThat(problem.get("detail").asString()).as(path).contains("运维监控账号只能读取运行指标");
        }
        for (String page : List.of("/", "/plans", "/account", "/regions", "/audit")) {
            String body = mvc.perform(get(page).with(org.anju.TestUsers.asExisting(OPERATOR)))
                    .andExpect(status().isForbidden()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
            assertThat(body).as(page).contains("运维监控账号只能读取运行指标");
        }
        // the services ask too (a job or a command acting as it reads nothing)
        var regions = context.getBean(org.anju.region.Regions.class);
        var access = context.getBean(org.anju.account.Access.class);
        var monitor = new org.anju.account.Actor(OPERATOR, "运维监控", regions.root(),
                java.util.EnumSet.of(org.anju.account.Role.MONITOR), org.anju.account.Channel.API, false);
        assertThat(org.anju.account.Access.runAs(monitor, () -> access.canRead(regions.root())
                || access.canReadIssuedBy(regions.root()) || access.canWrite(regions.root()))).isFalse();
        var viewer = new org.anju.account.Actor("mohurd_viewer", "查看", regions.root(),
                java.util.EnumSet.of(org.anju.account.Role.VIEWER), org.anju.account.Channel.API, false);
        assertThat(org.anju.account.Access.runAs(viewer, () -> access.canRead(regions.root()))).isTrue();
    }

    @Test
    void onlyTheOperationsAccountSeesMetricsAndDetails() throws Exception {
        // a province administrator and a city viewer: signed in, but not the whole country's
        for (String user : List.of("jx_admin", "zy_viewer")) {
            assertThat(json("/actuator/prometheus", 403, httpBasic(user, PASSWORD)).get("detail").asString())
                    .contains("运维账号", "绑定到全国", "当前账号（" + user + "，");
            json("/actuator/metrics", 403, httpBasic(user, PASSWORD));
            assertThat(json("/actuator/health/readiness", 200, httpBasic(user, PASSWORD)).propertyNames())
                    .containsExactly("status");
        }
        json("/actuator/prometheus", 401, httpBasic(OPERATOR, "wrong-password"));

        JsonNode readiness = json("/actuator/health/readiness", 200, httpBasic(OPERATOR, PASSWORD));
        assertThat(readiness.get("components").propertyNames()).containsExactlyInAnyOrder("db", "migrations",
                "readinessState");
        assertThat(readiness.at("/components/migrations/status").asString()).isEqualTo("UP");
        assertThat(readiness.at("/components/migrations/details/current").asString()).isNotBlank();
        assertThat(json("/actuator/health/liveness", 200, httpBasic(OPERATOR, PASSWORD)).get("components")
                .propertyNames()).containsExactly("livenessState");
        // the rest of the actuator stays off, even for the operations account
        // nor an index of links (/actuator): the three endpoints are the README's
        for (String off : List.of("/actuator", "/actuator/env", "/actuator/heapdump", "/actuator/loggers", "/actuator/shutdown",
                "/actuator/configprops", "/actuator/threaddump")) {
            mvc.perform(get(off).with(httpBasic(OPERATOR, PASSWORD))).andExpect(status().isNotFound());
        }
        assertThat(json("/actuator/health", 200, httpBasic(OPERATOR, PASSWORD)).get("components").propertyNames())
                .contains("db", "migrations", "livenessState", "readinessState");
        assertThat(json("/actuator/metrics", 200, httpBasic(OPERATOR, PASSWORD)).get("names").toString())
                .contains("anju.jobs.queue", "jvm.memory.used", "hikaricp.connections.active");
        // a 全国 查看/审计 account is bound to every region too
        json("/actuator/metrics", 200, httpBasic("mohurd_viewer", PASSWORD));
        // no session: Prometheus signs in with every scrape
        assertThat(mvc.perform(get("/actuator/prometheus").with(httpBasic(OPERATOR, PASSWORD))).andReturn()
                .getResponse().getHeader("Set-Cookie")).isNull();
    }

    @Test
    void prometheusScrapesRequestsSubmissionsImportsAndTheQueue() throws Exception {
        mvc.perform(get("/actuator/health/readiness")).andExpect(status().isOk()); // a request to be timed
        String before = prometheus();
        double submitted = sample(before, "anju_reports_submitted_total", "channel=\"SYSTEM\"");

        YearMonth month = YearMonth.of(2024, 2);
        reports.submit("620702", month, 0);
        // a submission rolled back (its import failed later, say) is not counted
        YearMonth other = YearMonth.of(2024, 3);
        transaction.executeWithoutResult(status -> {
            reports.submit("620723", other, 0);
            status.setRollbackOnly();
        });
        assertThatThrownBy(() -> reportImport.importFile("月报.csv",
                "地区,月份\n不存在的县,2024-02\n".getBytes(StandardCharsets.UTF_8), "620700", false))
                .isInstanceOf(org.anju.intake.InputException.class);

        String after = prometheus();
        assertThat(sample(after, "anju_reports_submitted_total", "channel=\"SYSTEM\"")).isEqualTo(submitted + 1);
        assertThat(sample(after, "anju_imports_seconds_count", "kind=\"reports\"", "outcome=\"refused\""))
                .isEqualTo(sample(before, "anju_imports_seconds_count", "kind=\"reports\"", "outcome=\"refused\"") + 1);
        // the demo load imported the seed plans (and seed 004's register and reports) through the same entry points
        assertThat(sample(after, "anju_imports_seconds_count", "kind=\"plan\"", "outcome=\"ok\"")).isPositive();
        assertThat(after).contains("anju_jobs_queue{application=\"anju\",state=\"queued\"} 0.0",
                "anju_jobs_queue{application=\"anju\",state=\"running\"} 0.0",
                // the cluster's, from import_job: nothing left queued or running by the imports above
                "anju_jobs_cluster{application=\"anju\",state=\"queued\"} 0.0",
                "anju_jobs_cluster{application=\"anju\",state=\"running\"} 0.0",
                // the door's slots (RequestSlots): this scrape, under /actuator, takes none; nobody waits
                "anju_requests_slots{application=\"anju\",state=\"serving\"} 0.0",
                "anju_requests_slots{application=\"anju\",state=\"waiting\"} 0.0");
        // request latency with a histogram (percentiles across nodes), the application's name on every series
        assertThat(after).containsPattern("http_server_requests_seconds_bucket\\{application=\"anju\",[^}]*"
                + "uri=\"/actuator/health/\\*\\*\"[^}]*le=\"[0-9.]+\"}");
        // its buckets: around the targets, 12 a series (the full histogram had 69)
        assertThat(after.lines().filter(l -> l.startsWith("http_server_requests_seconds_bucket{")
                        && l.contains("uri=\"/actuator/health/**\"") && l.contains("status=\"200\""))
                .map(l -> l.replaceAll(".*le=\"([^\"]+)\".*", "$1")).distinct().toList()).as("the latency buckets")
                .containsExactly("0.01", "0.025", "0.05", "0.1", "0.2", "0.5", "1.0", "2.0", "5.0", "10.0", "30.0", "+Inf");
        assertThat(after).contains("jvm_memory_used_bytes{application=\"anju\"", "hikaricp_connections_active{");
        // the jobs' own pool too, not only the primary's (operator trial: only pool="anju" was there)
        assertThat(after).containsPattern("hikaricp_connections_max\\{[^}]*pool=\"anju-jobs\"[^}]*} 1\\.0")
                .containsPattern("hikaricp_connections_max\\{[^}]*pool=\"anju-health\"[^}]*} 3\\.0")
                .containsPattern("hikaricp_connections_max\\{[^}]*pool=\"anju\"");
    }

    @Test
    void aPendingMigrationTakesTheNodeOutOfService() {
        assertThat(new MigrationHealth(flyway).health().getStatus()).isEqualTo(Status.UP);
        // this node's migrations plus one the database has not run (a test-only location): what a node sees that
        // starts on a database another node has not yet migrated
        Flyway ahead = Flyway.configure().configuration(flyway.getConfiguration())
                .locations("classpath:db/migration", "classpath:db/pending-probe").load();
        Health health = new MigrationHealth(ahead).health();
        assertThat(health.getStatus()).isEqualTo(Status.OUT_OF_SERVICE);
        assertThat(health.getDetails().get("pending")).isEqualTo(List.of("9999.1 ops pending probe"));
        assertThat(health.getDetails().get("message").toString()).contains("尚未执行的数据库迁移", "9999.1");
        assertThat(health.getDetails().get("current")).isEqualTo(flyway.info().current().getVersion().toString());
    }

    @Test
    void aMigrationOfANewerBuildTakesTheNodeOutOfService() {
        // a newer build migrated the database while this node runs: this node does not know that migration
        Flyway newer = Flyway.configure().configuration(flyway.getConfiguration())
                .locations("classpath:db/migration", "classpath:db/newer-build-probe").load();
        newer.migrate();
        try {
            Health health = new MigrationHealth(flyway).health();
            assertThat(health.getStatus()).isEqualTo(Status.OUT_OF_SERVICE);
            assertThat(health.getDetails().get("newer")).isEqualTo(List.of("0.9998 newer build probe"));
            assertThat(health.getDetails().get("message")).isEqualTo(
                    "数据库已由较新的版本升级（本节点没有的迁移：0.9998 newer build probe）：请停下本节点，换成新版本");
            // the newer build itself is ready, and says it applied the migration (below "current": out of order)
            Health ready = new MigrationHealth(newer).health();
            assertThat(ready.getStatus()).isEqualTo(Status.UP);
            assertThat(ready.getDetails().get("lastApplied")).isEqualTo("0.9998 newer build probe");
            assertThat(ready.getDetails().get("current")).isNotEqualTo("0.9998");
            // one more behind (a pending migration too) says both
            Flyway both = Flyway.configure().configuration(flyway.getConfiguration())
                    .locations("classpath:db/migration", "classpath:db/pending-probe").load();
            assertThat(new MigrationHealth(both).health().getDetails().get("message").toString())
                    .startsWith("尚未执行的数据库迁移：9999.1 ops pending probe；数据库已由较新的版本升级");
        } finally {
            jdbc.sql("delete from flyway_schema_history where version = '0.9998'").update();
        }
        assertThat(new MigrationHealth(flyway).health().getStatus()).isEqualTo(Status.UP);
        // after a start the last row of the history is a repeatable migration (no version), run after the versioned
        // ones: lastApplied shows the last versioned one, not "null CalendarNotices" (operator trial)
        assertThat(jdbc.sql("select version is null from flyway_schema_history order by installed_rank desc limit 1")
                .query(Boolean.class).single()).isTrue();
        assertThat(new MigrationHealth(flyway).health().getDetails().get("lastApplied")).isEqualTo(jdbc.sql(
                "select version || ' ' || description from flyway_schema_history where version is not null and success"
                        + " order by installed_rank desc limit 1").query(String.class).single());
    }

    @Test
    void theMigrationStateIsReadOnceAndKeptThirtySeconds() {
        java.util.concurrent.atomic.AtomicInteger reads = new java.util.concurrent.atomic.AtomicInteger();
        Flyway counted = new Flyway(flyway.getConfiguration()) {
            @Override
            public org.flywaydb.core.api.MigrationInfoService info() {
                reads.incrementAndGet();
                return super.info();
            }
        };
        long[] clock = {0};
        MigrationHealth health = new MigrationHealth(counted, () -> clock[0]);
        assertThat(health.health().getStatus()).isEqualTo(Status.UP);
        assertThat(reads).as("one reading per answer").hasValue(1);
        clock[0] += java.time.Duration.ofSeconds(29).toNanos();
        assertThat(health.health().getStatus()).isEqualTo(Status.UP);
        assertThat(reads).as("a probe a second later: the kept answer").hasValue(1);
        clock[0] += java.time.Duration.ofSeconds(2).toNanos();
        assertThat(health.health().getDetails().get("current")).isEqualTo(flyway.info().current().getVersion().toString());
        assertThat(reads).as("after 30 s: read again").hasValue(2);
    }

    @Test
    void aDatabaseOutageIsDownAndSaidOnceAndItsEndOnce() throws Exception {
        // the database as the probes see it: the test's own, then a closed port (PostgreSQL down), then back
        int closedPort = DatabaseUnreachableTest.closedPort();
        com.zaxxer.hikari.HikariConfig config = new com.zaxxer.hikari.HikariConfig();
        config.setJdbcUrl("jdbc:postgresql://127.0.0.1:" + closedPort + "/anju");
        config.setUsername("anju");
        config.setConnectionTimeout(250);
        config.setInitializationFailTimeout(-1);
        java.util.concurrent.atomic.AtomicInteger asked = new java.util.concurrent.atomic.AtomicInteger();
        org.springframework.jdbc.datasource.DelegatingDataSource database =
                new org.springframework.jdbc.datasource.DelegatingDataSource(flyway.getConfiguration().getDataSource()) {
                    @Override
                    public java.sql.Connection getConnection() throws java.sql.SQLException {
                        asked.incrementAndGet();
                        return super.getConnection();
                    }
                };
        long[] clock = {0};
        DatabaseHealth db = new DatabaseHealth(database, () -> clock[0]);
        MigrationHealth migrations = new MigrationHealth(Flyway.configure().configuration(flyway.getConfiguration())
                .dataSource(database).load(), db, () -> clock[0]);
        ch.qos.logback.classic.Logger logger = (ch.qos.logback.classic.Logger) org.slf4j.LoggerFactory.getLogger(DatabaseHealth.class);
        ch.qos.logback.core.read.ListAppender<ch.qos.logback.classic.spi.ILoggingEvent> logged = new ch.qos.logback.core.read.ListAppender<>();
        logged.start();
        logger.addAppender(logged);
        try (com.zaxxer.hikari.HikariDataSource down = new com.zaxxer.hikari.HikariDataSource(config)) {
            assertThat(migrations.health().getStatus()).isEqualTo(Status.UP);
            assertThat(db.health().getDetails()).containsEntry("database", "PostgreSQL");

            database.setTargetDataSource(down);
            for (int probe = 0; probe < 5; probe++) {
                clock[0] += java.time.Duration.ofSeconds(31).toNanos();   // past the migrations' kept answer
                int before = asked.get();
                Health schema = migrations.health();
                Health connection = db.health();
                // DOWN, not the busy page's problem+json Spring answered when the migrations' read failed
                assertThat(schema.getStatus()).isEqualTo(Status.DOWN);
                assertThat(connection.getStatus()).isEqualTo(Status.DOWN);
                assertThat(connection.getDetails().get("error").toString())
                        .startsWith("无法连接数据库：").contains("Connection refused");
                assertThat(schema.getDetails().get("error")).isEqualTo(connection.getDetails().get("error"));
                assertThat(asked.get() - before).as("one wait for the pool per probe, not one per component").isEqualTo(1);
            }
            // said once, in one line: Spring Boot's indicator logged ~100 lines of stack trace at every probe
            assertThat(logged.list).hasSize(1);
            assertThat(logged.list.getFirst().getLevel()).isEqualTo(ch.qos.logback.classic.Level.WARN);
            assertThat(logged.list.getFirst().getThrowableProxy()).isNull();
            assertThat(logged.list.getFirst().getFormattedMessage()).startsWith("无法连接数据库：")
                    .contains("Connection refused", "DOWN（503）");

            database.setTargetDataSource(flyway.getConfiguration().getDataSource());
            clock[0] += java.time.Duration.ofSeconds(31).toNanos();
            assertThat(migrations.health().getStatus()).isEqualTo(Status.UP);
            assertThat(db.health().getStatus()).isEqualTo(Status.UP);
            assertThat(db.health().getStatus()).isEqualTo(Status.UP);
            assertThat(logged.list).hasSize(2);
            assertThat(logged.list.get(1).getFormattedMessage()).isEqualTo("数据库已恢复，就绪检查重新为 UP（不可用约 155 秒）");
        } finally {
            logger.detachAppender(logged);
        }
    }

    /**
     * Every connection of the requests' pool lent out for longer than the pool's wait (two page imports and progress
     * saves queued behind them, review of issue 15): the node is busy, not down. It answered DOWN, and the balancer took
     * the busiest nodes out; then the database check took a full pool for busy, but the schema's reading (every 30 s)
     * waited for that pool and answered DOWN. Both ask on the probes' own connection now (as the context wires them),
     * at once; a database that refuses connections is still DOWN (the test above), and one that stops answering too
     * ({@code SilentPrimaryTest}).
     */
    @Test
    void aNodeWhosePoolIsAllLentOutIsBusyNotDown() throws Exception {
        DatabaseConfiguration.Pools pools = context.getBean(DatabaseConfiguration.Pools.class);
        String current = flyway.info().current().getVersion().toString();
        java.util.List<java.sql.Connection> lent = new java.util.ArrayList<>();
        try {
            for (int i = 0; i < pools.primary().getMaximumPoolSize(); i++) {
                lent.add(pools.primary().getConnection());
            }
            assertThatThrownBy(() -> pools.primary().getConnection().close())
                    .isInstanceOf(java.sql.SQLTransientConnectionException.class);
            DatabaseHealth db = new DatabaseHealth(pools);
            MigrationHealth migrations = new MigrationHealth(flyway, db, pools);
            long asked = System.nanoTime();
            Health schema = migrations.health();
            assertThat(schema.getStatus()).as(String.valueOf(schema.getDetails())).isEqualTo(Status.UP);
            assertThat(schema.getDetails().get("current")).isEqualTo(current);
            assertThat(db.health().getDetails()).containsEntry("database", "PostgreSQL");
            assertThat(System.nanoTime() - asked).as("no wait for the requests' pool")
                    .isLessThan(pools.primary().getConnectionTimeout() * 1_000_000L);
            // the cluster's import gauges too: they asked the requests' pool at every scrape, waited its timeout twice
            // and read NaN (metrics review, sixteenth session: a 10 s scrape, Prometheus' own timeout)
            var registry = context.getBean(io.micrometer.core.instrument.MeterRegistry.class);
            long scraped = System.nanoTime();
            assertThat(registry.get("anju.jobs.cluster").tag("state", "running").gauge().value()).isNotNaN();
            assertThat(registry.get("anju.jobs.cluster").tag("state", "queued").gauge().value()).isNotNaN();
            assertThat(System.nanoTime() - scraped).isLessThan(pools.primary().getConnectionTimeout() * 1_000_000L);
        } finally {
            for (java.sql.Connection c : lent) {
                c.close();
            }
        }
    }

    /**
     * Prometheus signs in with every scrape, and the sign-in asked the requests' pool: with every connection lent out (a
     * month-end peak) a scrape waited the pool's timeout and failed — no metrics from the busiest node
     * (docs/reviews/2026-12-02-admission-shutdown.md, finding 1). An operations account accepted once is accepted from memory for a minute
     * ({@code OperationsSignIns}); a wrong password is not (its full sign-in needs the pool: refused, never 200).
     */
    @Test
    void aScrapeOfANodeWhosePoolIsAllLentOutIsAnswered() throws Exception {
        prometheus();
        DatabaseConfiguration.Pools pools = context.getBean(DatabaseConfiguration.Pools.class);
        java.util.List<java.sql.Connection> lent = new java.util.ArrayList<>();
        try {
            for (int i = 0; i < pools.primary().getMaximumPoolSize(); i++) {
                lent.add(pools.primary().getConnection());
            }
            long asked = System.nanoTime();
            var scrape = mvc.perform(get("/actuator/prometheus").with(httpBasic(OPERATOR, PASSWORD))).andReturn().getResponse();
            assertThat(scrape.getStatus()).isEqualTo(200);
            assertThat(scrape.getContentAsString()).contains("hikaricp_connections_active", "anju_jobs_cluster");
            assertThat(System.nanoTime() - asked).as("no wait for the requests' pool")
                    .isLessThan(pools.primary().getConnectionTimeout() * 1_000_000L);
            assertThat(mvc.perform(get("/actuator/prometheus").with(httpBasic(OPERATOR, "wrong-password"))).andReturn()
                    .getResponse().getStatus()).isNotEqualTo(200);
        } finally {
            for (java.sql.Connection c : lent) {
                c.close();
            }
        }
    }

    /**
     * A pool that cannot connect (a replica's wrong password) made HikariCP log a WARN with a 17-frame stack trace once a
     * minute, after the one Chinese line that says it (operator trial; measured with a wrong password, fifteenth
     * session); a lost database likewise one per broken connection. Both are off in application.yml.
     */
    @Test
    void hikariCpsRepeatedStackTracesAreOff() {
        assertThat(org.slf4j.LoggerFactory.getLogger("com.zaxxer.hikari.pool.PoolBase").isWarnEnabled()).isFalse();
        assertThat(org.slf4j.LoggerFactory.getLogger("com.zaxxer.hikari.pool.ProxyConnection").isWarnEnabled()).isFalse();
        assertThat(org.slf4j.LoggerFactory.getLogger("com.zaxxer.hikari.pool.HikariPool").isWarnEnabled())
                .as("the pool's own warnings (a thread starvation, say) stay").isTrue();
    }

    @Test
    void readinessGoesOutOfServiceWhenTheNodeStops() throws Exception {
        // what the context publishes when it begins to close (ServletWebServerApplicationContext.doClose), before the
        // drain and the graceful shutdown of the web server
        AvailabilityChangeEvent.publish(context, ReadinessState.REFUSING_TRAFFIC);
        try {
            assertThat(json("/actuator/health/readiness", 503).get("status").asString()).isEqualTo("OUT_OF_SERVICE");
            assertThat(json("/actuator/health/liveness", 200).get("status").asString()).isEqualTo("UP");
        } finally {
            AvailabilityChangeEvent.publish(context, ReadinessState.ACCEPTING_TRAFFIC);
        }
        assertThat(json("/actuator/health/readiness", 200).get("status").asString()).isEqualTo("UP");
    }
}
