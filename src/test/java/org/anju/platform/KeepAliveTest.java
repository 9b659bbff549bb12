package org.anju.platform;

import com.zaxxer.hikari.HikariDataSource;
import org.junit.jupiter.api.Test;

import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every pool's connections to PostgreSQL carry their pool's name beside the node's, and TCP keepalive with short times
 * ({@link KeepAliveSockets}), as the kernel sees them: a peer gone without a word is found in about a minute, where a
 * request on the requests' pool (no keepalive at all) waited without end and one on a replica's pool for the kernel's
 * 2 hours — and no long statement is cut, as a socket timeout would.
 *
 * <p>Read from the kernel's own table of this machine's TCP connections ({@code /proc/net/tcp}): each connection's
 * client port, as the server saw it ({@code pg_stat_activity.client_port}), and its timer — a keepalive timer
 * ({@code tr} 2) due within {@link KeepAliveSockets#IDLE_SECONDS}.
 */
class KeepAliveTest {

    @Test
    void theSocketsFactoryTurnsKeepaliveOnWithItsTimes() throws Exception {
        try (Socket s = new KeepAliveSockets().createSocket()) {
            assertThat(s.getKeepAlive()).isTrue();
            if (s.supportedOptions().contains(jdk.net.ExtendedSocketOptions.TCP_KEEPIDLE)) {
                assertThat(s.getOption(jdk.net.ExtendedSocketOptions.TCP_KEEPIDLE)).isEqualTo(30);
                assertThat(s.getOption(jdk.net.ExtendedSocketOptions.TCP_KEEPINTERVAL)).isEqualTo(10);
                assertThat(s.getOption(jdk.net.ExtendedSocketOptions.TCP_KEEPCOUNT)).isEqualTo(3);
            }
        }
    }

    @Test
    void everyPoolsConnectionsAreKeptAliveAsTheKernelSeesThem() throws Exception {
        org.junit.jupiter.api.Assumptions.assumeTrue(Files.isReadable(Path.of("/proc/net/tcp")), "Linux only");
        EmbeddedPostgresServer server = EmbeddedPostgresServer.startEphemeral();
        // as the cluster scripts and README name a node's connections
        String url = server.ensureDatabase("keep_alive") + "?ApplicationName=anju-node-a";
        try {
            try (DatabaseConfiguration.Pools pools = ExternalPools.of(url, server, 2, Duration.ofSeconds(5),
                    new DatabaseProperties.Replica(url, null, null, Duration.ofSeconds(5), Duration.ofHours(1)))) {
                List<HikariDataSource> all = new ArrayList<>(List.of(pools.primary()));
                all.addAll(pools.others());
                for (HikariDataSource pool : all) {
                    try (Connection c = pool.getConnection(); Statement st = c.createStatement();
                         ResultSet rs = st.executeQuery("select client_port, application_name from pg_stat_activity"
                                 + " where pid = pg_backend_pid()")) {
                        rs.next();
                        int port = rs.getInt(1);
                        // named by its work beside the node's name (before: the address's name alone, every pool alike)
                        assertThat(rs.getString(2)).isEqualTo(pool == pools.primary() || pool == pools.jobs()
                                ? "anju-node-a" : "anju-node-a/" + pool.getPoolName());
                        assertThat(port).as(pool.getPoolName() + ": a TCP connection").isPositive();
                        Thread.sleep(200);   // idle: the kernel arms the keepalive timer
                        long[] timer = timer(port);
                        assertThat(timer).as(pool.getPoolName() + ": the connection in /proc/net/tcp").isNotNull();
                        // before: no timer (tr 0) on the requests' pool, the kernel's 7,200 s on the replica's
                        assertThat(timer[0]).as(pool.getPoolName() + ": a keepalive timer").isEqualTo(2);
                        assertThat(timer[1]).as(pool.getPoolName() + ": due within 30 s (clock ticks)")
                                .isLessThanOrEqualTo(KeepAliveSockets.IDLE_SECONDS * 100L);
                    }
                }
            }
        } finally {
            server.close();
        }
    }

    /** {tr, tm->when} of the established connection whose local port is {@code port}, or null. */
    private static long[] timer(int port) throws Exception {
        String local = ":" + String.format(Locale.ROOT, "%04X", port);
        for (String table : new String[] {"/proc/net/tcp", "/proc/net/tcp6"}) {
            Path path = Path.of(table);
            if (!Files.isReadable(path)) {
                continue;
            }
            for (String line : Files.readAllLines(path).subList(1, Files.readAllLines(path).size())) {
                String[] f = line.trim().split("\\s+");
                if (f[1].endsWith(local) && f[3].equals("01")) {
                    String[] t = f[5].split(":");
                    return new long[] {Long.parseLong(t[0], 16), Long.parseLong(t[1], 16)};
                }
            }
        }
        return null;
    }
}
