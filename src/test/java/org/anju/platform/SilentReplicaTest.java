package org.anju.platform;

import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A replica lost without a word — its host off, the network cut, the machine frozen: no reset reaches the node, the
 * connection stays open and nothing answers. Here a relay in front of a real PostgreSQL stops passing bytes on, in
 * either direction, without closing anything. Before (review): the monitor's query waited in a socket read for as long
 * as the kernel retried (no socket timeout), the last check's "reachable" stood, and reads kept being sent to the
 * replica to wait as well. Now reads go to the primary once the monitor's query has gone unanswered for
 * {@link ReadReplicaRouting#PROBE_SILENT}, its query gives up at {@link ReadReplicaRouting#PROBE_SOCKET_TIMEOUT}, and
 * the replica is used again once it answers.
 *
 * <p>The "replica" is the primary itself behind the relay (not a standby, so reads stay on the primary: found
 * {@code NotStandby}); what is checked is the monitor's finding while the replica is silent, not where reads go.
 */
class SilentReplicaTest {

    @Test
    void aReplicaThatStopsAnsweringIsUnreachableWithinSecondsAndFoundAgainAfterwards() throws Exception {
        EmbeddedPostgresServer server = EmbeddedPostgresServer.startEphemeral();
        String url = server.ensureDatabase("silent_replica");
        int port = java.net.URI.create(url.substring("jdbc:".length())).getPort();
        try (Relay relay = new Relay(port)) {
            String replicaUrl = url.replace(":" + port + "/", ":" + relay.port() + "/");
            assertThat(replicaUrl).isNotEqualTo(url);
            try (DatabaseConfiguration.Pools pools = ExternalPools.of(url, server, 2, Duration.ofSeconds(30),
                    new DatabaseProperties.Replica(replicaUrl, null, null, Duration.ofHours(1), Duration.ofMillis(200)))) {
                ReadReplicaRouting routing = pools.routing();
                awaitStatus(routing, ReplicaRoute.Status.NotStandby.class, Duration.ofSeconds(10));

                relay.freeze();
                long frozen = System.nanoTime();
                awaitStatus(routing, ReplicaRoute.Status.Unreachable.class, Duration.ofSeconds(10));
                long silentFor = Duration.ofNanos(System.nanoTime() - frozen).toMillis();
                // the monitor's query unanswered for 3 s (a check every 200 ms): before, it never was
                assertThat(silentFor).isBetween(ReadReplicaRouting.PROBE_SILENT.toMillis() - 300, 6_000L);
                assertThat(((ReplicaRoute.Status.Unreachable) routing.status()).why()).contains("未答复监测查询");
                // and the monitor's own query gives up at its socket timeout (5 s): its finding, as it is logged
                Thread.sleep(ReadReplicaRouting.PROBE_SOCKET_TIMEOUT.toMillis() + 1_000);
                assertThat(routing.status()).isInstanceOf(ReplicaRoute.Status.Unreachable.class);

                relay.thaw();
                awaitStatus(routing, ReplicaRoute.Status.NotStandby.class, Duration.ofSeconds(15));
            }
        } finally {
            server.close();
        }
    }

    private static void awaitStatus(ReadReplicaRouting routing, Class<? extends ReplicaRoute.Status> expected,
                                    Duration atMost) throws InterruptedException {
        long until = System.nanoTime() + atMost.toNanos();
        while (!expected.isInstance(routing.status()) && System.nanoTime() < until) {
            Thread.sleep(50);
        }
        assertThat(routing.status()).isInstanceOf(expected);
    }
}
