package org.anju.platform;

import org.springframework.jdbc.datasource.ConnectionHolder;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.TransactionExecution;
import org.springframework.transaction.TransactionExecutionListener;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.web.context.request.RequestContextHolder;

import java.sql.SQLException;
import java.time.Duration;

/**
 * A request's transaction waits for a lock at most {@code anju.db.lock-timeout} (ANJU_DB_LOCK_TIMEOUT, 5 s; 0: no
 * limit), then ends "系统繁忙" (55P03, {@link ServiceBusy}: 503 with Retry-After), nothing written. An import rewrites
 * thousands of rows in one transaction for a minute or more; a progress save on one of them waited that long, holding a
 * request slot and a connection, and a few such saves filled the node (review 2026-12-02, admission finding 3: 38–67 s
 * each).
 *
 * <p>Requests only — a thread serving one (Spring's request attributes bound): page import jobs, schedulers and the
 * migrations at start wait as before (Flyway's lock waits for another node's migration). An import sent to the API runs
 * on its request's thread and is limited too: behind another import of the same rows it is refused after the timeout,
 * and sent again, rather than holding its slot for the other's whole run. {@code SET LOCAL}: the setting ends with
 * the transaction, the pooled connection keeps no trace.
 */
final class RequestLockWait implements TransactionExecutionListener {

    private final DataSourceTransactionManager manager;
    private final String statement;

    private RequestLockWait(DataSourceTransactionManager manager, Duration timeout) {
        this.manager = manager;
        this.statement = "set local lock_timeout = '" + timeout.toMillis() + "ms'";
    }

    /** Adds the limit to {@code manager}, unless {@code timeout} is zero (no limit) or it has no data source. */
    static void limit(DataSourceTransactionManager manager, Duration timeout) {
        if (timeout != null && timeout.isPositive() && manager.getDataSource() != null) {
            manager.addListener(new RequestLockWait(manager, timeout));
        }
    }

    @Override
    public void afterBegin(TransactionExecution transaction, Throwable failure) {
        if (failure != null || !transaction.isNewTransaction() || RequestContextHolder.getRequestAttributes() == null) {
            return;
        }
        if (TransactionSynchronizationManager.getResource(manager.getDataSource()) instanceof ConnectionHolder holder) {
            try (var st = holder.getConnection().createStatement()) {
                st.execute(statement);
            } catch (SQLException e) {
                throw new org.springframework.transaction.CannotCreateTransactionException("无法设置锁等待时限", e);
            }
        }
    }
}
