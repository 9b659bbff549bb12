package org.anju.platform;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.support.DefaultListableBeanFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.JdbcTransactionManager;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

import javax.sql.DataSource;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Read your own writes takes no second connection: with a replica configured, the primary's WAL position after a
 * commit is read on the committed transaction's own connection. With a pool of one connection, asking the pool for
 * another while the transaction still holds its own would wait the pool's whole connection timeout (30 s) and then
 * send the thread's reads to the primary for good; here the commit returns at once with a real position.
 *
 * <p>The position is past the commit record even when commits do not wait for the WAL flush (the tests' server runs
 * with {@code synchronous_commit} off: there {@code pg_current_wal_lsn()} stayed before the transaction's own rows).
 *
 * <p>Nor does keeping the position in the HTTP session: the session is written at once, in a transaction of its own
 * (Spring Session's JDBC repository, flush mode immediate), and that waits until the committed transaction's connection
 * is back in the pool. Taken while the committed one was still held, a month-end burst of sign-ins left every
 * connection of a node held by a thread waiting for another (docs/PERFORMANCE.md, month-end load).
 *
 * <p>The "replica" is the primary itself (not a standby: reads go to the primary), which is enough to run the
 * routing's write path on a real PostgreSQL.
 */
class ReadYourWritesConnectionTest {

    /** A pool of one connection on a real server, the routing data source and a transaction manager reading positions. */
    private interface Routed {
        void run(DatabaseConfiguration.Pools pools, DataSource dataSource, JdbcTransactionManager manager, JdbcClient jdbc)
                throws Exception;
    }

    private static void onePooledConnection(String database, Routed test) throws Exception {
        onePooledConnection(database, "select 1", test);
    }

    /** The same, {@code setup} run on the new database before the pools open their first connection. */
    private static void onePooledConnection(String database, String setup, Routed test) throws Exception {
        EmbeddedPostgresServer server = EmbeddedPostgresServer.startEphemeral();
        try {
            String url = server.ensureDatabase(database);
            try (java.sql.Connection c = java.sql.DriverManager.getConnection(url, server.user(), server.password());
                 java.sql.Statement st = c.createStatement()) {
                st.execute(setup);
            }
            DatabaseProperties properties = new DatabaseProperties(url, server.user(), server.password(), null, false, 1,
                    Duration.ofSeconds(30), Duration.ofSeconds(5),
                    new DatabaseProperties.Replica(url, null, null, null, Duration.ofHours(1)));
            DatabaseConfiguration configuration = new DatabaseConfiguration();
            PrimaryDatabase primary = configuration.primaryDatabase(properties, DatabaseConfiguration.EmbeddedDatabase.NONE);
            assertThat(primary.jdbcUrl()).isEqualTo(url);
            assertThat(primary.toString()).doesNotContain(server.password());
            try (DatabaseConfiguration.Pools pools = configuration.databasePools(properties, primary, -1)) {
                assertThat(pools.routing()).isNotNull();
                DataSource dataSource = configuration.dataSource(pools);
                DefaultListableBeanFactory beans = new DefaultListableBeanFactory();
                beans.registerSingleton("pools", pools);
                JdbcTransactionManager manager = new JdbcTransactionManager(dataSource);
                DatabaseConfiguration.readYourWrites(beans.getBeanProvider(DatabaseConfiguration.Pools.class))
                        .postProcessAfterInitialization(manager, "transactionManager");
                ReadReplicaRouting.forgetThisThread(); // earlier tests on this thread wrote to other servers
                assertThat(ReadReplicaRouting.writtenByThisThread()).isZero();
                test.run(pools, dataSource, manager, JdbcClient.create(dataSource));
            }
        } finally {
            server.close();
        }
    }

    @Test
    void theWritePositionIsReadOnTheCommittedTransactionsOwnConnection() throws Exception {
        onePooledConnection("read_your_writes", (pools, dataSource, manager, jdbc) -> {
            AtomicLong inserted = new AtomicLong();
            long started = System.nanoTime();
            new TransactionTemplate(manager).executeWithoutResult(s -> {
                jdbc.sql("create table written (x int)").update();
                jdbc.sql("insert into written values (1)").update();
                inserted.set(ReplicaRoute.Lsn.parse(jdbc.sql("select pg_current_wal_insert_lsn()::text")
                        .query(String.class).single()));
            });
            Duration took = Duration.ofNanos(System.nanoTime() - started);

            assertThat(took).as("no wait for a second connection").isLessThan(Duration.ofSeconds(5));
            long written = ReadReplicaRouting.writtenByThisThread();
            assertThat(written).as("a real position, not 'read from the primary for good'").isPositive()
                    .isNotEqualTo(Long.MAX_VALUE);
            long now = ReplicaRoute.Lsn.parse(jdbc.sql("select pg_current_wal_insert_lsn()::text").query(String.class)
                    .single());
            assertThat(written).as("past the transaction's writes (read after its commit)")
                    .isGreaterThan(inserted.get()).isLessThanOrEqualTo(now);
            assertThat(jdbc.sql("select count(*) from written").query(Integer.class).single()).isEqualTo(1);
            assertThat(pools.primary().getHikariPoolMXBean().getActiveConnections()).as("returned").isZero();
        });
    }

    @Test
    void theSessionKeepsTheWritePositionOnceTheCommittedConnectionIsBack() throws Exception {
        onePooledConnection("read_your_writes_session", (pools, dataSource, manager, jdbc) -> {
            jdbc.sql("create table session_write (name text, lsn bigint)").update();
            jdbc.sql("create table written (x int)").update();
            TransactionTemplate sessionWrites = new TransactionTemplate(new JdbcTransactionManager(dataSource));
            sessionWrites.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
            List<Integer> heldWhenStored = new ArrayList<>();
            MockHttpSession session = new MockHttpSession() {
                @Override
                public void setAttribute(String name, Object value) {
                    // as Spring Session's JDBC repository with flush mode immediate: written at once, in its own transaction
                    heldWhenStored.add(pools.primary().getHikariPoolMXBean().getActiveConnections());
                    sessionWrites.executeWithoutResult(s -> jdbc.sql("insert into session_write values (?, ?)")
                            .params(name, value).update());
                    super.setAttribute(name, value);
                }
            };
            MockHttpServletRequest request = new MockHttpServletRequest();
            request.setSession(session);
            RequestContextHolder.setRequestAttributes(new ServletRequestAttributes(request));
            try {
                long started = System.nanoTime();
                new TransactionTemplate(manager).executeWithoutResult(s ->
                        jdbc.sql("insert into written values (1)").update());
                Duration took = Duration.ofNanos(System.nanoTime() - started);

                assertThat(took).as("no wait for a second connection (the pool's timeout is 30 s)")
                        .isLessThan(Duration.ofSeconds(5));
                long written = ReadReplicaRouting.writtenByThisThread();
                assertThat(written).isPositive().isNotEqualTo(Long.MAX_VALUE);
                assertThat(session.getAttribute(ReadReplicaRouting.SESSION_LSN)).isEqualTo(written);
                assertThat(heldWhenStored).as("the session was written after the commit's connection went back")
                        .containsExactly(0);
                assertThat(jdbc.sql("select lsn from session_write where name = ?")
                        .param(ReadReplicaRouting.SESSION_LSN).query(Long.class).list()).containsExactly(written);
                assertThat(HeldConnections.heldByThisThread()).isZero();
                assertThat(pools.primary().getHikariPoolMXBean().getActiveConnections()).as("returned").isZero();
            } finally {
                RequestContextHolder.resetRequestAttributes();
            }
        });
    }

    /**
     * Stale-read trial (a lagging replica, two users): a county submitted its 月报; the city's administrator, whose
     * session had written nothing, saw the replica's older copy and pressed 审核通过 with its version. The update on the
     * primary was refused — "月报已被他人修改，请刷新后重试" — and the page shown with it, and every refresh after it,
     * was read from the same replica: the old version again, the same refusal again, for as long as the replica stayed
     * behind (up to {@code max-lag}). A read-write transaction that rolls back has read the primary as it is now: the
     * caller's later reads must not be older than that, so its position is kept as after a commit.
     */
    @Test
    void aRefusedWriteLeavesTheCallerReadingAtLeastWhatItWasRefusedOn() throws Exception {
        onePooledConnection("read_your_refusals", (pools, dataSource, manager, jdbc) -> {
            jdbc.sql("create table report (id int primary key, version int)").update();
            jdbc.sql("insert into report values (1, 2)").update();   // another user's submission: version 2
            ReadReplicaRouting.forgetThisThread();                    // this caller wrote nothing
            long othersWrite = ReplicaRoute.Lsn.parse(jdbc.sql("select pg_current_wal_insert_lsn()::text")
                    .query(String.class).single());
            MockHttpSession session = new MockHttpSession();
            MockHttpServletRequest request = new MockHttpServletRequest();
            request.setSession(session);
            RequestContextHolder.setRequestAttributes(new ServletRequestAttributes(request));
            try {
                assertThatThrownBy(() -> new TransactionTemplate(manager).executeWithoutResult(s -> {
                    // approve on version 0, the replica's: no row matches
                    if (jdbc.sql("update report set version = version + 1 where id = 1 and version = 0").update() == 0) {
                        throw new ConcurrentUpdateException("月报已被他人修改，请刷新后重试（未保存任何内容）");
                    }
                })).isInstanceOf(ConcurrentUpdateException.class);

                long seen = ReadReplicaRouting.writtenByThisThread();
                assertThat(seen).as("the refusal's reads wait for the primary's position at the refusal")
                        .isGreaterThanOrEqualTo(othersWrite).isNotEqualTo(Long.MAX_VALUE);
                assertThat(session.getAttribute(ReadReplicaRouting.SESSION_LSN)).as("and so do the session's next pages")
                        .isEqualTo(seen);
                assertThat(HeldConnections.heldByThisThread()).isZero();
                assertThat(pools.primary().getHikariPoolMXBean().getActiveConnections()).as("returned").isZero();
            } finally {
                RequestContextHolder.resetRequestAttributes();
            }
        });
    }

    /**
     * A read-write transaction refused before it touched the database (a form checked first) read nothing of the
     * primary: no position is kept, and none is asked for — with every connection of the pool in use (a month-end
     * burst, or the very pool timeout that made it fail) asking would wait the pool's whole timeout a second time.
     */
    @Test
    void aRollbackThatNeverTouchedTheDatabaseTakesNoConnection() throws Exception {
        onePooledConnection("untouched_rollback", (pools, dataSource, manager, jdbc) -> {
            ReadReplicaRouting.forgetThisThread();
            try (java.sql.Connection busy = pools.primary().getConnection()) { // the pool's only connection, in use
                long started = System.nanoTime();
                assertThatThrownBy(() -> new TransactionTemplate(manager).executeWithoutResult(s -> {
                    throw new BadInput("受理日期不对");
                })).isInstanceOf(BadInput.class);
                assertThat(Duration.ofNanos(System.nanoTime() - started)).as("no wait for the pool (its timeout: 30 s)")
                        .isLessThan(Duration.ofSeconds(5));
                assertThat(ReadReplicaRouting.writtenByThisThread()).isZero();
                assertThat(busy.isValid(1)).isTrue();
            }
        });
    }

    /**
     * Review of sessions: a read pool that is merely full is not a lost replica. With every connection of the read
     * pool in use, the read goes to the primary and the replica stays in use; before, the full pool was recorded as
     * "副本不可达" (every read on the primary until the next check, a warning and then "副本可用" logged each time).
     * A pool that fails otherwise still counts as the replica lost.
     */
    @Test
    void aFullReadPoolSendsOneReadToThePrimaryAndTheReplicaStaysInUse() throws Exception {
        onePooledConnection("full_read_pool", (pools, dataSource, manager, jdbc) -> {
            ReadReplicaRouting routing = pools.routing();
            ReplicaRoute.Status streaming = new ReplicaRoute.Status.Streaming(Long.MAX_VALUE >> 1, Duration.ZERO);
            routing.assume(streaming);
            TransactionTemplate readOnly = new TransactionTemplate(manager);
            readOnly.setReadOnly(true);
            com.zaxxer.hikari.HikariDataSource reads = routing.pools().getFirst();

            try (java.sql.Connection held = reads.getConnection()) { // the read pool's only connection, in use
                assertThat(readOnly.<Integer>execute(s -> jdbc.sql("select 1").query(Integer.class).single()))
                    .isEqualTo(1);
                assertThat(routing.status()).isEqualTo(streaming);
                assertThat(routing.busyReads()).isEqualTo(1);
                assertThat(routing.primaryReads()).isEqualTo(1);
            }
            assertThat(readOnly.<Integer>execute(s -> jdbc.sql("select 2").query(Integer.class).single()))
                    .isEqualTo(2);
            assertThat(routing.replicaReads()).as("the next read, a connection free again").isEqualTo(1);

            // and the operator sees it (metrics; the full pool is not logged)
            io.micrometer.core.instrument.simple.SimpleMeterRegistry registry =
                    new io.micrometer.core.instrument.simple.SimpleMeterRegistry();
            OperationsMetrics.reads(registry, routing);
            assertThat(registry.get("anju.db.reads").tag("to", "replica").functionCounter().count()).isEqualTo(1);
            assertThat(registry.get("anju.db.reads").tag("to", "primary").functionCounter().count()).isEqualTo(1);
            assertThat(registry.get("anju.db.reads.replica.pool.full").functionCounter().count()).isEqualTo(1);
            assertThat(registry.get("anju.db.replica.in.use").gauge().value()).isEqualTo(1);
            assertThat(registry.get("anju.db.replica.lag").gauge().value())
                    .isEqualTo(((ReplicaRoute.Status.Streaming) streaming).lag().toNanos() / 1e9);

            reads.close(); // not busy: gone
            assertThat(readOnly.<Integer>execute(s -> jdbc.sql("select 3").query(Integer.class).single()))
                    .isEqualTo(3);
            assertThat(routing.status()).isInstanceOf(ReplicaRoute.Status.Unreachable.class);
            assertThat(routing.busyReads()).isEqualTo(1);
            assertThat(routing.primaryReads()).isEqualTo(2);
            assertThat(registry.get("anju.db.replica.in.use").gauge().value()).as("given up").isZero();
            assertThat(registry.get("anju.db.replica.lag").gauge().value()).isNaN();
        });
    }

    /**
     * The pools' connections are READ COMMITTED whatever the server's default: the application's conflicts are version
     * checks answered 409, and a 40001 is taken for a standby's cancelled read (503). Before, a database whose default
     * was SERIALIZABLE gave every pool's connections that level.
     */
    @Test
    void everyPoolIsReadCommittedWhateverTheServersDefault() throws Exception {
        onePooledConnection("isolation", "alter database isolation set default_transaction_isolation = 'serializable'",
                (pools, dataSource, manager, jdbc) -> {
            com.zaxxer.hikari.HikariDataSource primary = pools.primary();
            try (java.sql.Connection plain = java.sql.DriverManager.getConnection(primary.getJdbcUrl(),
                    primary.getUsername(), primary.getPassword()); java.sql.Statement st = plain.createStatement();
                 java.sql.ResultSet rs = st.executeQuery("show transaction_isolation")) {
                rs.next();
                assertThat(rs.getString(1)).as("a connection of the driver's own").isEqualTo("serializable");
            }
            List<com.zaxxer.hikari.HikariDataSource> all = new ArrayList<>(List.of(pools.primary(), pools.jobs()));
            all.addAll(pools.routing().pools());
            for (com.zaxxer.hikari.HikariDataSource pool : all) {
                try (java.sql.Connection c = pool.getConnection(); java.sql.Statement st = c.createStatement()) {
                    c.setAutoCommit(false);
                    try (java.sql.ResultSet rs = st.executeQuery("show transaction_isolation")) {
                        rs.next();
                        assertThat(rs.getString(1)).as(pool.getPoolName()).isEqualTo("read committed");
                    }
                    c.rollback();
                }
            }
        });
    }
}
