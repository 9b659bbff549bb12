package org.anju.platform;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.support.DefaultListableBeanFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.JdbcTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import javax.sql.DataSource;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Read your own writes takes no second connection: with a replica configured, the primary's WAL position after a
 * commit is read on the committed transaction's own connection. With a pool of one connection, asking the pool for
 * another while the transaction still holds its own would wait the pool's whole connection timeout (30 s) and then
 * send the thread's reads to the primary for good; here the commit returns at once with a real position.
 *
 * <p>The position is past the commit record even when commits do not wait for the WAL flush (the tests' server runs
 * with {@code synchronous_commit} off: there {@code pg_current_wal_lsn()} stayed before the transaction's own rows).
 *
 * <p>The "replica" is the primary itself (not a standby: reads go to the primary), which is enough to run the
 * routing's write path on a real PostgreSQL.
 */
class ReadYourWritesConnectionTest {

    @Test
    void theWritePositionIsReadOnTheCommittedTransactionsOwnConnection() throws Exception {
        EmbeddedPostgresServer server = EmbeddedPostgresServer.startEphemeral();
        try {
            String url = server.ensureDatabase("read_your_writes");
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
                JdbcClient jdbc = JdbcClient.create(dataSource);
                ReadReplicaRouting.forgetThisThread(); // earlier tests on this thread wrote to other servers
                assertThat(ReadReplicaRouting.writtenByThisThread()).isZero();

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
            }
        } finally {
            server.close();
        }
    }
}
