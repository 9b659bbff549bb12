package org.anju;

import com.zaxxer.hikari.HikariDataSource;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two nodes started at the same moment on a new database with the demo data: both start, and the demo is loaded once.
 * Each demo load is "load it unless it is there"; both nodes found nothing and both inserted, and the second died on a
 * duplicate key (region_code_key, 下淀社区 — a helper's PgBouncer trial of the eighteenth session, also without
 * PgBouncer; {@code scripts/cluster/up.sh} starts its nodes one after the other). The loads now take the cluster's lock
 * one node at a time ({@link org.anju.platform.ClusterOnce}).
 */
class DemoOnTwoNodesTest {

    @Test
    void twoNodesStartedTogetherBothStartAndTheDemoIsLoadedOnce() throws Exception {
        String url;
        String user;
        String password;
        // the database made and migrated first, without demo data: the nodes then race for the demo only
        try (ConfigurableApplicationContext first = node("anju.test.database=demo_two_nodes", "anju.demo.enabled=false")) {
            HikariDataSource db = first.getBean(HikariDataSource.class);
            url = db.getJdbcUrl();
            user = db.getUsername();
            password = db.getPassword();
        }
        CyclicBarrier together = new CyclicBarrier(2);
        // two threads of their own: the common pool has one on a 2-core machine
        java.util.concurrent.ExecutorService threads = java.util.concurrent.Executors.newFixedThreadPool(2);
        List<CompletableFuture<ConfigurableApplicationContext>> nodes = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            nodes.add(CompletableFuture.supplyAsync(() -> {
                try {
                    together.await(60, TimeUnit.SECONDS);
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
                return node("anju.db.url=" + url, "anju.db.user=" + user, "anju.db.password=" + password,
                        "anju.demo.enabled=true");
            }, threads));
        }
        List<ConfigurableApplicationContext> started = new ArrayList<>();
        try {
            for (CompletableFuture<ConfigurableApplicationContext> n : nodes) {
                started.add(n.get(10, TimeUnit.MINUTES));   // before: the second failed on a duplicate key
            }
            JdbcClient jdbc = started.getFirst().getBean(JdbcClient.class);
            Map<String, Object> counts = jdbc.sql("""
                    select (select count(*) from region where code = '320302002006') as community,
                           (select count(*) from plan) as plans,
                           (select count(*) from ledger_expro_project) as expropriations,
                           (select count(*) from rental_subsidy_parameters) as subsidies""").query().singleRow();
            assertThat(counts.get("community")).as("下淀社区, once").isEqualTo(1L);
            assertThat((Long) counts.get("plans")).as("the seed plans").isPositive();
            assertThat(counts.get("expropriations")).as("the demo's expropriation project, once").isEqualTo(1L);
            assertThat(jdbc.sql("""
                    select (select count(*) - count(distinct (issuer_region_id, title, first_year, last_year)) from plan)
                         + (select count(*) - count(distinct region_id) from rental_subsidy_parameters)""")
                    .query(Long.class).single()).as("no plan and no unit's subsidy parameters loaded twice").isZero();
            // and again: the demo of a node started alone later on the same database adds nothing
            long plans = (Long) counts.get("plans");
            try (ConfigurableApplicationContext later = node("anju.db.url=" + url, "anju.db.user=" + user,
                    "anju.db.password=" + password, "anju.demo.enabled=true")) {
                assertThat(jdbc.sql("select count(*) from plan").query(Long.class).single()).isEqualTo(plans);
            }
        } finally {
            started.forEach(ConfigurableApplicationContext::close);
            for (CompletableFuture<ConfigurableApplicationContext> n : nodes) {
                n.thenAccept(ConfigurableApplicationContext::close);
            }
            threads.shutdown();
        }
    }

    static ConfigurableApplicationContext node(String... properties) {
        String[] args = java.util.stream.Stream.concat(java.util.stream.Stream.of("server.port=0",
                        "anju.privacy.key=" + TwoNodesTest.KEY), java.util.stream.Stream.of(properties))
                .map(p -> "--" + p).toArray(String[]::new);
        return new SpringApplicationBuilder(AnjuApplication.class).profiles("test").run(args);
    }
}
