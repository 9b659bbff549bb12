package org.anju.platform;

import org.anju.platform.ReplicaRoute.Decision;
import org.anju.platform.ReplicaRoute.LagClock;
import org.anju.platform.ReplicaRoute.Lsn;
import org.anju.platform.ReplicaRoute.Status;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The routing decision for read-only transactions, without a database. */
class ReplicaRouteTest {

    private static final Duration MAX_LAG = Duration.ofSeconds(5);
    /** A {@link System#nanoTime()} reading: any origin, negative too. */
    private static final long T0 = -7_000_000_000L;

    @Test
    void anUnreachableReplicaIsNamedWithItsSettings() {
        // HikariCP's timeout carries the driver's failure as its cause: the wrong password, the closed port
        String url = "jdbc:postgresql://127.0.0.1:57499/anju";
        String password = ReadReplicaRouting.why(new java.sql.SQLTransientConnectionException(
                "anju-replica-monitor - Connection is not available, request timed out after 1006ms",
                new org.postgresql.util.PSQLException("FATAL: password authentication failed for user \"anju\"",
                        org.postgresql.util.PSQLState.INVALID_PASSWORD)), url, "anju");
        assertThat(password).contains("数据库 " + url + " 拒绝了用户 anju 的登录：密码不对", "ANJU_DB_REPLICA_PASSWORD",
                "未设时同主库的 ANJU_DB_USER、ANJU_DB_PASSWORD", "自动回到副本").doesNotContain("请检查 ANJU_DB_PASSWORD");
        String closed = ReadReplicaRouting.why(new java.sql.SQLTransientConnectionException("timed out",
                new org.postgresql.util.PSQLException("Connection to 127.0.0.1:57499 refused",
                        org.postgresql.util.PSQLState.CONNECTION_UNABLE_TO_CONNECT, new java.net.ConnectException("refused"))),
                url, "anju");
        assertThat(closed).contains("无法连接数据库 " + url, "服务器拒绝连接", "副本停了则启动它", "ANJU_DB_REPLICA_URL")
                .doesNotContain("createdb");
        // anything else: the message as it is
        assertThat(ReadReplicaRouting.why(new IllegalStateException("其他"), url, "anju")).isEqualTo("其他");
    }

    @Test
    void aHealthyReplicaThatHasReplayedTheCallersWriteServesTheRead() {
        Decision d = ReplicaRoute.decide(new Status.Streaming(Lsn.parse("0/3000100"), Duration.ofMillis(200)), MAX_LAG,
                Lsn.parse("0/3000100"));
        assertThat(d.onReplica()).isTrue();
        assertThat(ReplicaRoute.decide(new Status.Streaming(500, Duration.ZERO), MAX_LAG, 0).onReplica()).isTrue();
    }

    @Test
    void readYourOwnWritesWaitsForTheReplay() {
        Decision d = ReplicaRoute.decide(new Status.Streaming(Lsn.parse("0/30000FF"), Duration.ZERO), MAX_LAG,
                Lsn.parse("0/3000100"));
        assertThat(d.onReplica()).isFalse();
        assertThat(d.reason()).contains("尚未重放本会话的写入").contains("0/30000FF").contains("0/3000100");
    }

    @Test
    void lagBeyondTheLimitUnreachableUnknownOrPromotedReadFromThePrimary() {
        assertThat(ReplicaRoute.decide(new Status.Streaming(10, Duration.ofMillis(5001)), MAX_LAG, 0))
                .isEqualTo(new Decision(false, "副本延迟 5001 ms，超过上限 5000 ms"));
        assertThat(ReplicaRoute.decide(new Status.Streaming(10, Duration.ofMillis(5000)), MAX_LAG, 0).onReplica()).isTrue();
        assertThat(ReplicaRoute.decide(new Status.Unreachable("Connection refused"), MAX_LAG, 0).reason())
                .isEqualTo("副本不可达：Connection refused");
        assertThat(ReplicaRoute.decide(new Status.Unknown(), MAX_LAG, 0).onReplica()).isFalse();
        assertThat(ReplicaRoute.decide(new Status.NotStandby(), MAX_LAG, 0).onReplica()).isFalse();
        assertThat(ReplicaRoute.health(new Status.Streaming(1, Duration.ZERO), MAX_LAG).onReplica()).isTrue();
    }

    @Test
    void lsnTextRoundTrips() {
        assertThat(Lsn.parse("16/B374D848")).isEqualTo((0x16L << 32) | 0xB374D848L);
        assertThat(Lsn.format(Lsn.parse("16/B374D848"))).isEqualTo("16/B374D848");
        assertThat(Lsn.parse("0/0")).isZero();
        assertThat(Lsn.parse(null)).isZero(); // pg_last_wal_replay_lsn() before any replay
        assertThat(Lsn.parse("1/0")).isGreaterThan(Lsn.parse("0/FFFFFFFF"));
        assertThatThrownBy(() -> Lsn.parse("16B374D848")).hasMessageContaining("不是 pg_lsn");
        assertThatThrownBy(() -> Lsn.parse("100000000/0")).hasMessageContaining("不是 pg_lsn");
    }

    @Test
    void lagIsAtMostTheTimeSinceThePrimaryWasLastSeenWhereTheReplicaHasReplayed() {
        LagClock clock = new LagClock(100);
        clock.primary(100, T0);
        clock.primary(200, (T0 + 1 * 1_000_000_000L));
        clock.primary(300, (T0 + 2 * 1_000_000_000L));
        long now = (T0 + 3 * 1_000_000_000L);
        // level with the primary as last sampled: what it wrote since T0+2 is not known either
        assertThat(clock.lag(300, now)).contains(Duration.ofSeconds(1));
        assertThat(clock.lag(300, (T0 + 2 * 1_000_000_000L))).contains(Duration.ZERO);
        // missing what came after 200: written after T0+1, when the primary was last seen at 200
        assertThat(clock.lag(250, now)).contains(Duration.ofSeconds(2));
        assertThat(clock.lag(150, now)).contains(Duration.ofSeconds(3));
        // behind the oldest sample: by how much is not known — before (review) this was "3 s", a lower bound
        assertThat(clock.lag(50, now)).isEmpty();
        assertThat(new LagClock(10).lag(50, now)).as("nothing sampled yet").isEmpty();
    }

    @Test
    void anIdlePrimaryIsNotLagAndAReplicaBehindAllThatIsKnownIsNotNear() {
        LagClock clock = new LagClock(100);
        clock.primary(100, T0);
        clock.primary(100, (T0 + 1 * 1_000_000_000L));
        clock.primary(100, (T0 + 60 * 1_000_000_000L));
        assertThat(clock.lag(100, (T0 + 60 * 1_000_000_000L))).contains(Duration.ZERO);  // idle: nothing behind however long
        assertThat(clock.lag(99, (T0 + 60 * 1_000_000_000L))).isEmpty();                 // stuck before T0: unknown
        // a node that starts beside a replica hours behind: its first sample is young, the replica is not near
        LagClock starting = new LagClock(100);
        starting.primary(5_000_000, T0);
        assertThat(starting.lag(1_000, (T0 + 5 * 1_000_000L))).isEmpty();
        assertThat(ReplicaRoute.decide(new Status.Behind(1_000), MAX_LAG, 0).onReplica()).isFalse();
        assertThat(ReplicaRoute.decide(new Status.Behind(1_000), MAX_LAG, 0).reason()).contains("延迟未知");
        assertThat(ReplicaRoute.worthAsking(new Status.Behind(1_000), MAX_LAG, 2_000)).isFalse();
    }

    @Test
    void aPrimaryNotSampledForAWhileMakesNoReplicaLookLevel() {
        // the monitor's primary sample skipped (its pool exhausted at month-end): a replica level with the last sample
        // is as far behind as that sample is old, at most
        LagClock clock = new LagClock(100);
        clock.primary(100, T0);
        assertThat(clock.lag(100, (T0 + 10 * 1_000_000_000L))).contains(Duration.ofSeconds(10));
        assertThat(ReplicaRoute.decide(new Status.Streaming(100, Duration.ofSeconds(10)), MAX_LAG, 0).onReplica()).isFalse();
    }

    /**
     * The samples are timed on a monotonic clock: on the wall clock (before, review) a step back of 10 s made a replica
     * 13 s behind look 3 s behind, and it was read from with max-lag 5 s. Here the caller's clock cannot step: what is
     * checked is that the lag is the difference of the readings given, whatever their origin (nanoTime's is arbitrary).
     */
    @Test
    void lagIsTheDifferenceOfMonotonicReadingsWhateverTheirOrigin() {
        LagClock clock = new LagClock(20);
        long stalledAt = 1_000;
        long origin = Long.MAX_VALUE - 5_000_000_000L;   // nanoTime may be near its wrap-around
        clock.primary(stalledAt, origin);
        for (int s = 1; s <= 13; s++) {
            clock.primary(stalledAt + s * 100L, origin + s * 1_000_000_000L);   // overflows past Long.MAX_VALUE
        }
        assertThat(clock.lag(stalledAt, origin + 13 * 1_000_000_000L)).contains(Duration.ofSeconds(13));
        assertThat(ReplicaRoute.decide(new Status.Streaming(stalledAt, Duration.ofSeconds(13)), MAX_LAG, 0).onReplica())
                .isFalse();
    }

    @Test
    void theClockKeepsABoundedHistoryAndStaysConservative() {
        LagClock clock = new LagClock(3);
        for (int i = 1; i <= 10; i++) {
            clock.primary(i * 100L, (T0 + i * 1_000_000_000L));
        }
        // only T0+8..T0+10 are kept: a replica at 50 is behind all of them, by an unknown time
        assertThat(clock.lag(50, (T0 + 11 * 1_000_000_000L))).isEmpty();
        assertThat(clock.lag(950, (T0 + 11 * 1_000_000_000L))).contains(Duration.ofSeconds(2));
    }

    @Test
    void aHealthyReplicaBehindTheCallersWriteIsAskedDirectlyOthersAreNot() {
        assertThat(ReplicaRoute.worthAsking(new Status.Streaming(100, Duration.ZERO), MAX_LAG, 200)).isTrue();
        assertThat(ReplicaRoute.worthAsking(new Status.Streaming(200, Duration.ZERO), MAX_LAG, 200)).isFalse(); // no need
        assertThat(ReplicaRoute.worthAsking(new Status.Streaming(100, Duration.ofSeconds(6)), MAX_LAG, 200)).isFalse();
        assertThat(ReplicaRoute.worthAsking(new Status.Unreachable("x"), MAX_LAG, 200)).isFalse();
        assertThat(ReplicaRoute.worthAsking(new Status.NotStandby(), MAX_LAG, 200)).isFalse();
    }
}
