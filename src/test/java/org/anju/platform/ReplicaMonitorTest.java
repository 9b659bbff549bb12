package org.anju.platform;

import com.zaxxer.hikari.HikariDataSource;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The replica monitor samples the primary's WAL position on a connection of its own ({@code anju-primary-monitor}).
 * Before (review), it took one from the requests' pool: at month end, every connection lent out, each check waited
 * the pool's whole timeout and got no sample, so a level replica looked further behind at every check (a primary not
 * sampled is not taken to be level, {@code ReplicaRouteTest}) and every read was sent to the full primary pool, to
 * wait there and fail with 503 — the replica abandoned when it was needed most.
 *
 * <p>The "replica" is the primary itself under another pool (not a standby); what is checked is that a check neither
 * waits for the requests' pool nor fails to sample the primary while that pool is all lent out.
 */
class ReplicaMonitorTest {

    @Test
    void theMonitorSamplesThePrimaryWhileEveryRequestConnectionIsLentOut() throws Exception {
        EmbeddedPostgresServer server = EmbeddedPostgresServer.startEphemeral();
        String url = server.ensureDatabase("replica_monitor");
        Duration poolTimeout = Duration.ofSeconds(5);
        try {
            try (DatabaseConfiguration.Pools pools = ExternalPools.of(url, server, 2, poolTimeout,
                    new DatabaseProperties.Replica(url, null, null, Duration.ofSeconds(5), Duration.ofHours(1)))) {
                ReadReplicaRouting routing = pools.routing();
                List<Connection> lent = new ArrayList<>();
                for (int i = 0; i < pools.primary().getMaximumPoolSize(); i++) {
                    lent.add(pools.primary().getConnection());
                }
                try {
                    long started = System.nanoTime();
                    routing.check();
                    Duration took = Duration.ofNanos(System.nanoTime() - started);
                    // before: the pool's whole timeout (5 s), and no sample
                    assertThat(took).as("a check while the requests' pool is all lent out").isLessThan(Duration.ofMillis(2_500));
                    HikariDataSource own = routing.pools().stream()
                            .filter(p -> p.getPoolName().equals("anju-primary-monitor")).findFirst().orElseThrow();
                    assertThat(own.getHikariPoolMXBean().getTotalConnections()).as("sampled on its own connection").isEqualTo(1);
                    assertThat(own.getMaximumPoolSize()).isEqualTo(1);
                    assertThat(routing.status()).isInstanceOf(ReplicaRoute.Status.NotStandby.class);
                } finally {
                    for (Connection c : lent) {
                        c.close();
                    }
                }
            }
        } finally {
            server.close();
        }
    }
}
