package org.anju.account;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.jdbc.support.JdbcTransactionManager;
import org.springframework.transaction.TransactionDefinition;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;

/**
 * Tells PostgreSQL who is acting at the start of every transaction, for the audit triggers
 * ({@code set_config('anju.actor', …, true)}: local to the transaction, gone at commit or rollback).
 * Writes belong in transactions; a write outside one is recorded as made by the database user.
 */
class AuditingTransactionManager extends JdbcTransactionManager {

    private final transient ObjectProvider<Access> access;
    private final transient ObjectProvider<org.anju.platform.RequestLockWait> lockWait;

    AuditingTransactionManager(DataSource dataSource, ObjectProvider<Access> access,
                               ObjectProvider<org.anju.platform.RequestLockWait> lockWait) {
        super(dataSource);
        this.access = access;
        this.lockWait = lockWait;
    }

    @Override
    protected void prepareTransactionalConnection(Connection con, TransactionDefinition definition) throws SQLException {
        super.prepareTransactionalConnection(con, definition);
        Actor actor = access.getObject().current();
        // and, on a request's thread, how long it may wait for a lock (org.anju.platform.RequestLockWait)
        org.anju.platform.RequestLockWait wait = lockWait.getIfAvailable();
        String lockTimeout = wait == null ? null : wait.forThisThread();
        try (PreparedStatement st = con.prepareStatement("""
                select set_config('anju.actor', ?, true), set_config('anju.actor_name', ?, true),
                       set_config('anju.region', ?, true), set_config('anju.via', ?, true)"""
                + (lockTimeout == null ? "" : ", set_config('lock_timeout', ?, true)"))) {
            st.setString(1, actor.username());
            st.setString(2, actor.displayName());
            st.setString(3, actor.region().code());
            st.setString(4, actor.via().name());
            if (lockTimeout != null) {
                st.setString(5, lockTimeout);
            }
            st.execute();
        }
    }
}
