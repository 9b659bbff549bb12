package org.anju.platform;

import com.zaxxer.hikari.HikariDataSource;
import com.zaxxer.hikari.HikariPoolMXBean;

import javax.sql.DataSource;
import java.sql.SQLTransientConnectionException;

/** Why a pool's wait for a connection ran out. */
final class PoolWait {

    private PoolWait() {
    }

    /**
     * The wait ran out because every connection of {@code pool} is in use, not because the database failed: no
     * connection failed to open (HikariCP's timeout then has no cause) and all the pool's connections are lent out.
     * Busy is not down: a full read pool must not send the reads to the primary as if the replica were lost
     * ({@link ReadReplicaRouting}).
     */
    static boolean exhausted(Exception e, DataSource pool) {
        if (!(e instanceof SQLTransientConnectionException) || e.getCause() != null
                || !(pool instanceof HikariDataSource hikari)) {
            return false;
        }
        HikariPoolMXBean bean = hikari.getHikariPoolMXBean();
        return bean != null && bean.getTotalConnections() > 0 && bean.getActiveConnections() >= bean.getTotalConnections();
    }
}
