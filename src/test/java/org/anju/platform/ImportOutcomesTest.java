package org.anju.platform;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.support.StaticListableBeanFactory;
import org.springframework.dao.CannotAcquireLockException;

import java.util.function.Supplier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

/**
 * An import's outcome in {@code anju_imports_seconds}: a lock or a connection not had in time is {@code busy} ("send
 * again"), not {@code failed}, which is kept for bugs — an alert on failed fired on ordinary contention (metrics review,
 * sixteenth session: an import refused 503 for a held lock counted as failed).
 */
class ImportOutcomesTest {

    final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    final StaticListableBeanFactory none = new StaticListableBeanFactory();
    final OperationsMetrics metrics = new OperationsMetrics(registry, null, none.getBeanProvider(Jobs.class),
            none.getBeanProvider(DatabaseConfiguration.Pools.class));

    String outcome(Supplier<Object> work) {
        catchThrowable(() -> metrics.timeImport("plan", work));
        return registry.get("anju.imports").timers().stream().filter(t -> t.count() == 1).findFirst().orElseThrow()
                .getId().getTag("outcome");
    }

    @Test
    void aLockNotHadInTimeIsBusy() {
        assertThat(outcome(() -> {
            // as Spring translates PostgreSQL's lock_timeout
            throw new CannotAcquireLockException("PreparedStatementCallback",
                    new java.sql.SQLException("canceling statement due to lock timeout", "55P03"));
        })).isEqualTo("busy");
    }

    @Test
    void aBugIsFailed() {
        assertThat(outcome(() -> {
            throw new IllegalStateException("a bug");
        })).isEqualTo("failed");
    }

    @Test
    void aResultIsOk() {
        assertThat(outcome(() -> "done")).isEqualTo("ok");
    }
}
