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

    AuditingTransactionManager(DataSource dataSource, ObjectProvider<Access> access) {
        super(dataSource);
        this.access = access;
    }

    @Override
    protected void prepareTransactionalConnection(Connection con, TransactionDefinition definition) throws SQLException {
        super.prepareTransactionalConnection(con, definition);
        Actor actor = access.getObject().current();
        try (PreparedStatement st = con.prepareStatement("""
                select set_config('anju.actor', ?, true), set_config('anju.actor_name', ?, true),
                       set_config('anju.region', ?, true), set_config('anju.via', ?, true)""")) {
            st.setString(1, actor.username());
            st.setString(2, actor.displayName());
            st.setString(3, actor.region().code());
            st.setString(4, actor.via().name());
            st.execute();
        }
    }
}
