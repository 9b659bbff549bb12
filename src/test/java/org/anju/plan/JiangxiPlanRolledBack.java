package org.anju.plan;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import java.util.function.Consumer;

/**
 * The integrity tests' fixture (TableIntegrityTest, TargetRollupIntegrityTest): each case works on the Jiangxi plan of
 * the demo data inside a transaction that is rolled back, so one case's bad rows never reach the next.
 */
abstract class JiangxiPlanRolledBack {

    @Autowired
    JdbcClient jdbc;
    @Autowired
    PlatformTransactionManager transactions;
    @Autowired
    Plans plans;

    long plan() {
        return plans.byDocumentNumber("赣建保〔2023〕1号").orElseThrow().id();
    }

    void rolledBack(Consumer<Long> work) {
        new TransactionTemplate(transactions).executeWithoutResult(tx -> {
            try {
                work.accept(plan());
            } finally {
                tx.setRollbackOnly();
            }
        });
    }

    long count(String sql, Object... params) {
        return jdbc.sql(sql).params(params).query(Long.class).single();
    }
}
