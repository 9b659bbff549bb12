package org.anju.platform;

import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A primary lost without a word — its host off, the network cut, a failover that moved the address — while every
 * connection of the node's pool waits for it: the requests hang in socket reads for as long as the kernel retries
 * (some 15 minutes). Before, the readiness check asked on that pool, found every connection lent out and took the node
 * for busy (UP), so the balancer went on sending requests to hang. Now it asks on a connection of its own with short
 * waits ({@code anju-health}) and answers DOWN within the balancer's 5 s check; UP again once the primary answers.
 *
 * <p>The primary is a real PostgreSQL behind a {@link Relay} that stops passing bytes on without closing anything.
 */
class SilentPrimaryTest {

    @Test
    void aPrimaryThatStopsAnsweringIsDownWithinSecondsEvenWhileEveryRequestHangsOnIt() throws Exception {
        EmbeddedPostgresServer server = EmbeddedPostgresServer.startEphemeral();
        String url = server.ensureDatabase("silent_primary");
        int port = java.net.URI.create(url.substring("jdbc:".length())).getPort();
        try (Relay relay = new Relay(port)) {
            String relayed = url.replace(":" + port + "/", ":" + relay.port() + "/");
            assertThat(relayed).isNotEqualTo(url);
            try (DatabaseConfiguration.Pools pools = ExternalPools.of(relayed, server, 2, Duration.ofSeconds(1), null)) {
                DatabaseHealth health = new DatabaseHealth(pools);
                assertThat(health.problem()).isNull();

                // every connection of the requests' pool waiting for a reply that does not come
                List<Connection> lent = new ArrayList<>();
                for (int i = 0; i < pools.primary().getMaximumPoolSize(); i++) {
                    lent.add(pools.primary().getConnection());
                }
                relay.freeze();
                List<Thread> hanging = new ArrayList<>();
                for (Connection c : lent) {
                    hanging.add(Thread.ofVirtual().start(() -> {
                        try (c; Statement s = c.createStatement()) {
                            s.execute("select 1");
                        } catch (java.sql.SQLException ended) {
                            // the pool closed under it at the end of the test
                        }
                    }));
                }
                Thread.sleep(DatabaseHealth.SHARED.toMillis() + 200);   // past the last answer, kept a second
                assertThat(pools.primary().getHikariPoolMXBean().getActiveConnections())
                        .isEqualTo(pools.primary().getMaximumPoolSize());

                long asked = System.nanoTime();
                String problem = health.problem();
                long tookMillis = Duration.ofNanos(System.nanoTime() - asked).toMillis();
                // before: null — the full pool was taken for a busy node
                assertThat(problem).as("readiness of a node whose primary went silent").isNotNull()
                        .containsAnyOf("未答复", "无法连接数据库");
                assertThat(tookMillis).as("within the balancer's 5 s check timeout").isLessThan(5_000);

                relay.thaw();
                long until = System.nanoTime() + Duration.ofSeconds(20).toNanos();
                while (health.problem() != null && System.nanoTime() < until) {
                    Thread.sleep(200);
                }
                assertThat(health.problem()).as("UP again once the primary answers").isNull();
                for (Thread t : hanging) {
                    t.join(Duration.ofSeconds(10));
                }
            }
        } finally {
            server.close();
        }
    }
}
