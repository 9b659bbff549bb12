package org.anju.platform;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.nio.file.Path;
import java.time.Duration;

/**
 * Where the database is. With no {@code url} the application runs PostgreSQL itself: under
 * {@code dataDir} (kept across restarts), or, when {@code ephemeral}, in a throw-away server whose
 * every Spring context gets a fresh database (tests). With a {@code replica.url} (a streaming replica of the external
 * primary) read-only transactions read there ({@link ReadReplicaRouting}).
 *
 * <p>{@code maximumPoolSize} (ANJU_DB_POOL_SIZE, default 10) connections per node to the primary (and as many to the
 * replica); a request waits at most {@code poolTimeout} (ANJU_DB_POOL_TIMEOUT, default 5 s) for one, then is answered
 * 503 with {@code Retry-After: retryAfter} (ANJU_DB_RETRY_AFTER, default 5 s) by {@link ServiceBusy}. Size the pool
 * so that nodes × (pool size + 5: the import jobs' one, the health probes' three, the replica monitor's one) ≤ the server's max_connections − superuser_reserved_connections − what other
 * clients (psql, backups, monitoring) need (README, 生产部署).
 */
@ConfigurationProperties("anju.db")
public record DatabaseProperties(String url, String user, String password, Path dataDir, boolean ephemeral,
                                 int maximumPoolSize, Duration poolTimeout, Duration retryAfter, Replica replica) {

    public DatabaseProperties {
        dataDir = dataDir == null ? Path.of("anju-data") : dataDir;
        // 0 and null are "not bound" (no setting); a setting out of range never gets here: SettingChecks refuses it
        // before the start (below HikariCP's 250 ms, a Retry-After under a second) instead of replacing it by the default
        maximumPoolSize = maximumPoolSize == 0 ? 10 : maximumPoolSize;
        poolTimeout = poolTimeout == null ? Duration.ofSeconds(5) : poolTimeout;
        retryAfter = retryAfter == null ? Duration.ofSeconds(5) : retryAfter;
        if (maximumPoolSize < 0 || poolTimeout.compareTo(SettingChecks.POOL_TIMEOUT_LEAST.duration()) < 0
                || retryAfter.compareTo(SettingChecks.RETRY_AFTER_LEAST.duration()) < 0) {
            throw new IllegalArgumentException("anju.db: pool size " + maximumPoolSize + ", pool timeout " + poolTimeout
                    + ", retry after " + retryAfter + " — out of range (SettingChecks)");
        }
        replica = replica == null ? new Replica(null, null, null, null, null) : replica;
    }

    /**
     * A streaming replica for read-only work: {@code url} (ANJU_DB_REPLICA_URL; empty: none), {@code user} and
     * {@code password} (default: the primary's), {@code maxLag} (further behind than this, reads go to the primary;
     * default 5 s), {@code checkInterval} (how often the replica is checked; default 1 s).
     */
    public record Replica(String url, String user, String password, Duration maxLag, Duration checkInterval) {
        public Replica {
            maxLag = maxLag == null ? Duration.ofSeconds(5) : maxLag;
            checkInterval = checkInterval == null ? Duration.ofSeconds(1) : checkInterval;
            if (maxLag.isNegative() || checkInterval.compareTo(SettingChecks.CHECK_INTERVAL_LEAST.duration()) < 0) {
                throw new IllegalArgumentException("anju.db.replica: max lag " + maxLag + ", check interval " + checkInterval
                        + " — out of range (SettingChecks)");
            }
        }

        boolean configured() {
            return url != null && !url.isBlank();
        }
    }

    public boolean external() {
        return url != null && !url.isBlank();
    }
}
