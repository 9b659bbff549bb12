package org.anju.platform;

import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.support.JdbcTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.TransactionException;
import org.springframework.transaction.support.TransactionCallback;
import org.springframework.transaction.support.TransactionOperations;
import org.springframework.transaction.support.TransactionTemplate;

import javax.sql.DataSource;

/**
 * The transactions Spring Session JDBC reads and writes sessions in (issue 15): plain ones on the same pool, each its
 * own ({@code REQUIRES_NEW}, as Spring Session does by default), not the application's auditing transaction manager.
 * That one asks who is acting when a transaction begins, which reads the security context from the session — which
 * is being read: each level took another connection until the pool was exhausted. Session tables are exempt from the
 * audit trail, so nothing is lost. The bean carries the {@code @Qualifier} Spring Session asks for and is no default
 * candidate: nothing else gets it by type, and Boot still makes the application's {@link TransactionTemplate} (whose
 * auto-configuration steps back for any default-candidate {@link TransactionOperations}).
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication
class SessionTransactions {

    @Bean(defaultCandidate = false)
    @Qualifier("springSessionTransactionOperations")
    TransactionOperations springSessionTransactionOperations(DataSource dataSource) {
        TransactionTemplate template = new TransactionTemplate(new JdbcTransactionManager(dataSource));
        template.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        return new TransactionOperations() {
            @Override
            public <T> T execute(TransactionCallback<T> action) throws TransactionException {
                return template.execute(action);
            }
        };
    }
}
