package org.anju.platform;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.JdbcTransactionManager;
import org.springframework.transaction.TransactionSystemException;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

import java.sql.Connection;
import java.sql.DriverManager;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

/**
 * A connection the server ends in the middle of a transaction (PostgreSQL restarted, a failover, an administrator's
 * {@code pg_terminate_backend}) is "系统繁忙", the 503 with {@code Retry-After}, not a bug's 500 with an error id. The
 * pool evicts the broken connection, the rollback then fails with "Connection is closed" (no SQL state), and Spring
 * throws that rollback failure — the server's "terminating connection" only in {@code getApplicationException()}, not
 * among the causes (review 2026-12-02, admission finding 5: every write in flight during a restart answered 500).
 */
class LostConnectionTest {

    private static EmbeddedPostgresServer server;
    private static String url;

    @BeforeAll
    static void start() {
        server = EmbeddedPostgresServer.startEphemeral();
        url = server.ensureDatabase("lost_connection");
    }

    @AfterAll
    static void stop() throws Exception {
        server.close();
    }

    @Test
    void aTransactionWhoseConnectionTheServerEndedIsBusyNotABug() throws Exception {
        try (HikariDataSource pool = pool(2);
             Connection admin = DriverManager.getConnection(url, server.user(), server.password())) {
            JdbcClient jdbc = JdbcClient.create(pool);
            TransactionTemplate tx = new TransactionTemplate(new JdbcTransactionManager(pool));
            Throwable thrown = catchThrowable(() -> tx.executeWithoutResult(status -> {
                jdbc.sql("create temp table t (x int)").update();
                int pid = jdbc.sql("select pg_backend_pid()").query(Integer.class).single();
                try (var st = admin.createStatement()) {
                    st.execute("select pg_terminate_backend(" + pid + ")");
                } catch (java.sql.SQLException e) {
                    throw new IllegalStateException(e);
                }
                jdbc.sql("insert into t values (1)").update();
            }));
            // the shape the review found: the rollback's failure thrown, the server's reason beside it
            assertThat(thrown).isInstanceOf(TransactionSystemException.class);
            assertThat(((TransactionSystemException) thrown).getApplicationException()).isNotNull();
            assertThat(ServiceBusy.is(thrown)).isTrue();
            // and the pool serves again once the server does
            assertThat(jdbc.sql("select 1").query(Integer.class).single()).isEqualTo(1);
        }
    }

    @Test
    void aBugInsideATransactionStaysABug() {
        try (HikariDataSource pool = pool(1)) {
            JdbcClient jdbc = JdbcClient.create(pool);
            TransactionTemplate tx = new TransactionTemplate(new JdbcTransactionManager(pool));
            Throwable syntax = catchThrowable(() -> tx.executeWithoutResult(status -> jdbc.sql("selec 1").query().listOfRows()));
            Throwable npe = catchThrowable(() -> tx.executeWithoutResult(status -> {
                throw new NullPointerException("a bug");
            }));
            assertThat(ServiceBusy.is(syntax)).isFalse();
            assertThat(ServiceBusy.is(npe)).isFalse();
        }
    }

    /**
     * A transaction PostgreSQL asks to try again (SQLSTATE 40001) is busy, not a bug: on a standby, a read cancelled
     * for a conflict with its recovery. Made here on the primary the one way a plain server gives it: a REPEATABLE READ
     * transaction updating a row another committed after its snapshot.
     */
    @Test
    void aTransactionTheServerAsksToTryAgainIsBusy() throws Exception {
        try (HikariDataSource pool = pool(2);
             Connection other = DriverManager.getConnection(url, server.user(), server.password())) {
            JdbcClient jdbc = JdbcClient.create(pool);
            jdbc.sql("create table if not exists again (id int primary key, x int)").update();
            jdbc.sql("insert into again values (1, 0) on conflict (id) do update set x = 0").update();
            TransactionTemplate tx = new TransactionTemplate(new JdbcTransactionManager(pool));
            tx.setIsolationLevel(TransactionDefinition.ISOLATION_REPEATABLE_READ);
            Throwable thrown = catchThrowable(() -> tx.executeWithoutResult(status -> {
                jdbc.sql("select x from again where id = 1").query(Integer.class).single(); // the snapshot
                try (var st = other.createStatement()) {
                    st.execute("update again set x = 1 where id = 1");
                } catch (java.sql.SQLException e) {
                    throw new IllegalStateException(e);
                }
                jdbc.sql("update again set x = 2 where id = 1").update();
            }));
            assertThat(thrown).hasRootCauseInstanceOf(java.sql.SQLException.class);
            assertThat(((java.sql.SQLException) org.assertj.core.util.Throwables.getRootCause(thrown)).getSQLState())
                    .isEqualTo("40001");
            assertThat(ServiceBusy.is(thrown)).isTrue();
        }
    }

    /** A pool of {@code size} connections on the test's server. */
    private static HikariDataSource pool(int size) {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(url);
        config.setUsername(server.user());
        config.setPassword(server.password());
        config.setMaximumPoolSize(size);
        return new HikariDataSource(config);
    }
}
