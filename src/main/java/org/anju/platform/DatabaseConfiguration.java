package org.anju.platform;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.datasource.ConnectionHolder;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.TransactionExecution;
import org.springframework.transaction.TransactionExecutionListener;
import org.springframework.transaction.support.AbstractPlatformTransactionManager;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import javax.sql.DataSource;
import java.sql.Connection;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.concurrent.atomic.AtomicInteger;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(DatabaseProperties.class)
class DatabaseConfiguration {

    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(DatabaseConfiguration.class);

    /** One throw-away server per JVM: starting PostgreSQL costs seconds, a database milliseconds. */
    private static final class Ephemeral {
        static final EmbeddedPostgresServer SERVER = EmbeddedPostgresServer.startEphemeral();
        static final AtomicInteger NEXT = new AtomicInteger();

        static {
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                try {
                    SERVER.close();
                } catch (IOException ignored) {
                    // the JVM is going away; the temp directory goes with the OS' cleanup
                }
            }));
        }
    }

    @Bean(destroyMethod = "close")
    EmbeddedDatabase embeddedDatabase(DatabaseProperties properties) {
        if (properties.external()) {
            return EmbeddedDatabase.NONE;
        }
        if (properties.ephemeral()) {
            String name = "anju_test_" + Ephemeral.NEXT.incrementAndGet();
            return new EmbeddedDatabase(null, Ephemeral.SERVER.ensureDatabase(name), Ephemeral.SERVER.user(),
                    Ephemeral.SERVER.password(), null);
        }
        return StartupClock.step("内置 PostgreSQL 启动（或连接已运行的）", () -> {
            if (CommandTurn.heldOn(properties.dataDir())) {   // a command: its turn is taken (org.anju.cli.Cli)
                return embedded(properties, null);
            }
            try {
                if (CommandTurn.heldHere()) {
                    // a command whose turn Cli took on the directory the environment names (ANJU_DATA_DIR, ./anju-data)
                    // while a configuration file names another: that one's turn too, for the command's whole run — it
                    // attached to another command's server there, and a web app started meanwhile attached to this
                    // one's (review of the sixteenth session, 8). Not free at once: the environment's turn is given back
                    // for good before the wait (two commands on crossed directories waited for each other for ever),
                    // once the server started early there (DatabasePrestart) has stopped
                    CommandTurn turn = CommandTurn.take(properties.dataDir(), dir -> System.err.println(
                            "安居：另一个命令正在使用内置数据库 " + dir + "，等它结束后再运行本命令……"),
                            () -> EmbeddedPostgresServer.stopPrestartUnless(properties.dataDir()));
                    try {
                        return embedded(properties, turn);
                    } catch (RuntimeException e) {
                        turn.close();
                        throw e;
                    }
                }
                // the web app: not on the server of a command that will stop it when it ends (CommandTurn)
                try (CommandTurn turn = CommandTurn.take(properties.dataDir(), dir -> LOG.warn(
                        "一个命令正在使用内置数据库 {}：等它结束（它结束时停止它启动的数据库）后再启动本应用的数据库……", dir))) {
                    return embedded(properties, null);
                }
            } catch (CommandTurn.Stopping e) {
                throw new IllegalStateException(e.getMessage(), e);
            } catch (IOException e) {
                throw new UncheckedIOException("无法在数据目录 " + properties.dataDir().toAbsolutePath()
                        + " 中取得内置数据库的使用权：检查该目录是否属于运行安居的用户、是否可写", e);
            }
        });
    }

    /** @param turn a turn to give back when the database is closed, after its server stopped; null for none */
    private static EmbeddedDatabase embedded(DatabaseProperties properties, CommandTurn turn) {
        EmbeddedPostgresServer server = EmbeddedPostgresServer.startOrAttach(properties.dataDir());
        return new EmbeddedDatabase(server, server.ensureDatabase(EmbeddedPostgresServer.DATABASE), server.user(),
                server.password(), turn);
    }

    /**
     * Flyway at start: {@code flyway.migrate()} as always, or for a command ({@code anju.db.fast-schema-check}, set by
     * org.anju.cli.Cli) skipped when Flyway already validated exactly this jar's migrations against exactly the present
     * history ({@link SchemaCheck}).
     */
    /** Flyway's validation refuses every applied migration this jar does not have ({@link SchemaCheck#STRICT}). */
    @Bean
    org.springframework.boot.flyway.autoconfigure.FlywayConfigurationCustomizer strictMigrations() {
        return configuration -> configuration.ignoreMigrationPatterns(SchemaCheck.STRICT);
    }

    @Bean
    SchemaCheck schemaCheck(@org.springframework.beans.factory.annotation.Value("${anju.db.fast-schema-check:false}") boolean fast) {
        return new SchemaCheck(fast);
    }

    /**
     * Spring Boot's lifecycle processor (the shutdown phase's timeout as it sets it), which first stops the embedded
     * server this context started when the run is an ahead-of-time cache's training ({@code -Dspring.context.exit=
     * onRefresh}, scripts/anju): Spring then ends the JVM with {@code Runtime.halt} right after the refresh, so no
     * shutdown hook ran and the server stayed up with nobody to stop it — one per first start of scripts/anju and per
     * scripts/measure-startup.sh run, the latter on a directory the script then deleted (second operator trial).
     */
    @Bean(name = org.springframework.context.support.AbstractApplicationContext.LIFECYCLE_PROCESSOR_BEAN_NAME)
    org.springframework.context.support.DefaultLifecycleProcessor lifecycleProcessor(
            @org.springframework.beans.factory.annotation.Value("${spring.lifecycle.timeout-per-shutdown-phase:30s}")
            java.time.Duration timeout, ObjectProvider<EmbeddedDatabase> embedded) {
        var processor = new org.springframework.context.support.DefaultLifecycleProcessor() {
            @Override
            public void onRefresh() {
                if ("onRefresh".equalsIgnoreCase(org.springframework.core.SpringProperties.getProperty("spring.context.exit"))) {
                    embedded.ifAvailable(EmbeddedDatabase::close);
                }
                super.onRefresh();
            }
        };
        processor.setTimeoutPerShutdownPhase(timeout.toMillis());
        return processor;
    }

    /** The primary's address, without a pool: {@code anju backup}/{@code restore} give it to pg_dump and psql. */
    @Bean
    PrimaryDatabase primaryDatabase(DatabaseProperties properties, EmbeddedDatabase embedded) {
        return properties.external() ? new PrimaryDatabase(properties.url(), properties.user(), properties.password(), true)
                : new PrimaryDatabase(embedded.jdbcUrl(), embedded.user(), embedded.password(), false);
    }

    /**
     * @param minimumIdle connections kept open while idle; negative (the default): as many as the pool's size. The
     *                    command line sets 1 (org.anju.cli.Cli): a command uses one or two connections, and every
     *                    connection opened costs a SCRAM handshake (4,096 rounds of HMAC-SHA-256 in the JVM).
     */
    @Bean(destroyMethod = "close")
    Pools databasePools(DatabaseProperties properties, PrimaryDatabase database,
                        @org.springframework.beans.factory.annotation.Value("${anju.db.minimum-idle:-1}") int minimumIdle) {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(database.jdbcUrl());
        config.setUsername(database.user());
        config.setPassword(database.password());
        config.setMaximumPoolSize(properties.maximumPoolSize());
        if (minimumIdle >= 0) {
            config.setMinimumIdle(Math.min(minimumIdle, properties.maximumPoolSize()));
        }
        // a request that cannot get a connection this soon is answered 503 + Retry-After (ServiceBusy), not kept waiting
        config.setConnectionTimeout(properties.poolTimeout().toMillis());
        // imports write tens of thousands of rows in batches; let the driver send them as multi-row inserts
        config.addDataSourceProperty("reWriteBatchedInserts", "true");
        // what the application is written for, whatever the server's default_transaction_isolation: its conflicts are
        // version checks (409), and a 40001 is taken for a standby's cancelled read (ServiceBusy) — under SERIALIZABLE
        // by default a concurrent save would answer 系统繁忙 instead of its 409 (review of the fourteenth session)
        config.setTransactionIsolation("TRANSACTION_READ_COMMITTED");
        keepAlive(config);
        config.setPoolName("anju");
        HikariDataSource primary = new HikariDataSource(config);
        HikariDataSource jobs = jobsPool(config);
        // Flyway's reading of the history takes two at once, and the database check must not wait behind it
        HikariDataSource health = ownPool(database, "anju-health", 3);
        DatabaseProperties.Replica replica = properties.replica();
        if (!replica.configured()) {
            return new Pools(primary, jobs, health, null);
        }
        if (!properties.external()) {
            health.close();
            jobs.close();
            primary.close();
            throw new IllegalStateException("只读副本（ANJU_DB_REPLICA_URL）只能配合外部主库（ANJU_DB_URL）使用：内嵌数据库没有副本");
        }
        HikariDataSource reads = replicaPool(properties, "anju-read", properties.maximumPoolSize(), READ_SOCKET_TIMEOUT);
        HikariDataSource probe = replicaPool(properties, "anju-replica-monitor", 1, ReadReplicaRouting.PROBE_SOCKET_TIMEOUT);
        ReadReplicaRouting routing = new ReadReplicaRouting(primary, reads, probe,
                ownPool(database, "anju-primary-monitor", 1), replica.maxLag(), replica.checkInterval());
        return new Pools(primary, jobs, health, routing);
    }

    /**
     * One connection of its own for the import jobs' progress and heartbeats ({@link ImportSlots}' ticker): when every
     * request holds or waits for a connection of the main pool (the month-end load), a running import must still be
     * heard of, or another node marks it 中断 and its work is rolled back for nothing. Opened when a job first writes.
     */
    private static HikariDataSource jobsPool(HikariConfig primary) {
        HikariConfig config = new HikariConfig();
        primary.copyStateTo(config);
        config.setPoolName("anju-jobs");
        config.setMaximumPoolSize(1);
        config.setMinimumIdle(0);
        config.setInitializationFailTimeout(-1);
        return new HikariDataSource(config);
    }

    /**
     * Connections of their own to the primary, with short waits: the health probes' ({@link DatabaseHealth},
     * {@link MigrationHealth}; three: one stays open between probes, two are for Flyway's reading every 30 s), the
     * replica monitor's ({@link ReadReplicaRouting}; one). On the main pool the probes could not tell a busy node from
     * a primary that stopped answering: with every connection lent out — a month-end rush, or every request hanging on
     * a primary black-holed by a network fault (until keepalive cuts it, {@link KeepAliveSockets}) — the wait for a
     * connection ran out the same way, and both were taken for busy (UP) (left out since the admission review); the
     * schema's reading every 30 s ({@link MigrationHealth}) waited for the busy pool and answered DOWN. Here a busy node
     * still answers at once, and a primary that does not answer within {@link #HEALTH_SOCKET_TIMEOUT} is DOWN — within
     * the balancer's 5 s check. Opened when first used.
     */
    private static HikariDataSource ownPool(PrimaryDatabase database, String name, int size) {
        HikariConfig config = new HikariConfig();
        // named in pg_stat_activity by their work; an ApplicationName in the address (the node's, as README advises)
        // would win over the property, so there it is extended (review of the fifteenth session)
        config.setJdbcUrl(named(database.jdbcUrl(), name));
        config.setUsername(database.user());
        config.setPassword(database.password());
        config.setPoolName(name);
        config.setMaximumPoolSize(size);
        config.setMinimumIdle(0);
        config.setInitializationFailTimeout(-1);
        config.setTransactionIsolation("TRANSACTION_READ_COMMITTED");   // as the primary's (databasePools)
        config.setConnectionTimeout(2000);
        config.setValidationTimeout(1000);
        config.addDataSourceProperty("ApplicationName", name);
        config.addDataSourceProperty("connectTimeout", "2");
        config.addDataSourceProperty("socketTimeout", String.valueOf(HEALTH_SOCKET_TIMEOUT.toSeconds()));
        keepAlive(config);
        return new HikariDataSource(config);
    }

    /**
     * Every connection's socket with TCP keepalive of its own times ({@link KeepAliveSockets}): a peer gone without a
     * word is found in about a minute, not the kernel's 2 hours, and no long statement is cut (a socket timeout would).
     * The jobs' pool shares the primary's driver properties ({@code copyStateTo}).
     */
    private static void keepAlive(HikariConfig config) {
        config.addDataSourceProperty("socketFactory", KeepAliveSockets.class.getName());
        config.addDataSourceProperty("tcpKeepAlive", "true");
    }

    private static final java.util.regex.Pattern APPLICATION_NAME =
            java.util.regex.Pattern.compile("(?i)([?&]ApplicationName=)([^&]*)");

    /**
     * {@code url} with its {@code ApplicationName}, if it has one, extended by the pool's {@code name}
     * ({@code anju-node-a/anju-health}): the address's parameter wins over the pool's property, and every pool of a
     * node showed as the node alone in pg_stat_activity (review of the fifteenth session).
     */
    static String named(String url, String name) {
        return APPLICATION_NAME.matcher(url).replaceAll("$1$2/" + name);
    }

    /** How long a probe's or the replica monitor's query waits for the primary's reply; a silent primary is DOWN after it. */
    static final java.time.Duration HEALTH_SOCKET_TIMEOUT = java.time.Duration.ofSeconds(3);

    /**
     * How long a read on the replica waits for a reply that does not come. A replica lost without a word (its host
     * off, the network cut, the machine frozen: no reset reaches the node) left reads waiting in a socket read for as
     * long as the kernel retried, some 15 minutes, each holding a turn at the door (review). A minute: a standby
     * cancels a read that holds up its replay after 30 s anyway ({@code max_standby_streaming_delay}), and the reads
     * sent there (dashboards, roll-ups, 通报) take seconds.
     */
    static final java.time.Duration READ_SOCKET_TIMEOUT = java.time.Duration.ofSeconds(60);

    private static HikariDataSource replicaPool(DatabaseProperties properties, String name, int size,
                                                java.time.Duration socketTimeout) {
        DatabaseProperties.Replica replica = properties.replica();
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(named(replica.url(), name));
        config.setUsername(replica.user() == null || replica.user().isBlank() ? properties.user() : replica.user());
        config.setPassword(replica.password() == null || replica.password().isBlank()
                ? properties.password() : replica.password());
        config.setMaximumPoolSize(size);
        // connections are opened when reads need them (and the replica's pg_stat_activity shows that reads use it)
        config.setMinimumIdle(0);
        config.setReadOnly(true);
        config.setTransactionIsolation("TRANSACTION_READ_COMMITTED");   // as the primary's (databasePools)
        config.setPoolName(name);
        config.addDataSourceProperty("ApplicationName", name);
        // a lost replica must not hold up a request: fail fast, the read goes to the primary
        config.setConnectionTimeout(1000);
        config.setValidationTimeout(500);
        config.addDataSourceProperty("connectTimeout", "2");
        // a replica that stops answering without closing the connection: the wait ends (READ_SOCKET_TIMEOUT), and
        // idle connections to a host that is gone are found by the kernel
        config.addDataSourceProperty("socketTimeout", String.valueOf(socketTimeout.toSeconds()));
        keepAlive(config);
        // the application starts (on the primary) while the replica is down
        config.setInitializationFailTimeout(-1);
        return new HikariDataSource(config);
    }

    /** The one data source of the application (a routing proxy when a replica is configured). */
    @Bean(destroyMethod = "")
    DataSource dataSource(Pools pools) {
        return pools.routing() == null ? pools.primary() : pools.routing().dataSource();
    }

    /**
     * Read your own writes: after a read-write transaction commits, its caller's later read-only transactions wait for
     * the replica to reach the primary's position (or read from the primary); after one rolls back — a refusal made on
     * the primary's rows — likewise ({@link ReadReplicaRouting#rolledBack}). The position is read on the transaction's
     * own connection, before the manager releases it: never a second connection from the pool. And every data-source
     * transaction manager fences an import job's commits ({@link JobFence}).
     */
    @Bean
    static BeanPostProcessor readYourWrites(ObjectProvider<Pools> pools) {
        return new BeanPostProcessor() {
            @Override
            public Object postProcessAfterInitialization(Object bean, String beanName) {
                if (bean instanceof org.springframework.jdbc.datasource.DataSourceTransactionManager jdbc
                        && jdbc.getDataSource() != null) {
                    jdbc.addListener(new JobFence(jdbc.getDataSource())); // an import job's commit fences itself
                }
                if (bean instanceof AbstractPlatformTransactionManager manager) {
                    manager.addListener(new TransactionExecutionListener() {
                        @Override
                        public void afterCommit(TransactionExecution transaction, Throwable failure) {
                            if (failure == null && transaction.isNewTransaction() && !transaction.isReadOnly()) {
                                ReadReplicaRouting routing = pools.getObject().routing();
                                if (routing != null) {
                                    routing.wrote(connection(manager));
                                }
                            }
                        }

                        @Override
                        public void afterRollback(TransactionExecution transaction, Throwable failure) {
                            // a refusal made on the primary's rows: the caller reads no older than what refused it
                            if (failure == null && transaction.isNewTransaction() && !transaction.isReadOnly()) {
                                ReadReplicaRouting routing = pools.getObject().routing();
                                if (routing != null) {
                                    routing.rolledBack();
                                }
                            }
                        }
                    });
                }
                return bean;
            }
        };
    }

    /**
     * The connection of the transaction that just committed: still bound to the thread when the listeners' afterCommit
     * runs (the manager releases it afterwards, in cleanupAfterCompletion). Null if there is none (another kind of
     * manager, or a transaction that never touched the database).
     */
    private static Connection connection(AbstractPlatformTransactionManager manager) {
        if (manager instanceof DataSourceTransactionManager jdbc && jdbc.getDataSource() != null
                && TransactionSynchronizationManager.getResource(jdbc.getDataSource()) instanceof ConnectionHolder holder
                && holder.getConnectionHandle() != null) {
            return holder.getConnection();
        }
        return null;
    }

    /**
     * The pools besides the primary's in the metrics, as Spring Boot puts the primary's there ({@code hikaricp_*} with
     * their {@code pool} tag): they are no beans, so Boot does not see them, and the README's pool sizing counts them
     * (operator trial, tenth session: only {@code pool="anju"} was scraped). Hikari takes the tracker on a running pool.
     */
    @Bean
    io.micrometer.core.instrument.binder.MeterBinder otherPoolsMetrics(Pools pools) {
        return registry -> pools.others().forEach(p -> p.setMetricsTrackerFactory(
                new com.zaxxer.hikari.metrics.micrometer.MicrometerMetricsTrackerFactory(registry)));
    }

    /**
     * The primary's pool, the import jobs' own connection, the health probes' own and, with a replica, the routing that
     * owns the replica's pools.
     */
    record Pools(HikariDataSource primary, HikariDataSource jobs, HikariDataSource health, ReadReplicaRouting routing)
            implements AutoCloseable {

        /** Every pool but the primary's: the jobs', the probes', and the replica's reads and monitor when there is one. */
        java.util.List<HikariDataSource> others() {
            java.util.List<HikariDataSource> others = new java.util.ArrayList<>(java.util.List.of(jobs, health));
            if (routing != null) {
                others.addAll(routing.pools());
            }
            return others;
        }

        @Override
        public void close() {
            if (routing != null) {
                routing.close();
            }
            health.close();
            jobs.close();
            primary.close();
        }
    }

    /**
     * The embedded server this context owns, if any; closed after the pool that uses it.
     *
     * @param turn the data directory's turn this database holds until closed (null: none, or held elsewhere)
     */
    record EmbeddedDatabase(EmbeddedPostgresServer server, String jdbcUrl, String user, String password,
                            CommandTurn turn) implements AutoCloseable {
        static final EmbeddedDatabase NONE = new EmbeddedDatabase(null, null, null, null, null);

        @Override
        public void close() {
            try {
                if (server != null) {
                    StartupClock.step("内置 PostgreSQL 停止", () -> {
                        try {
                            server.close();
                        } catch (IOException e) {
                            throw new UncheckedIOException(e);
                        }
                    });
                }
            } finally {
                if (turn != null) {
                    turn.close();   // after the server stopped: the next command starts its own, not this one's
                }
            }
        }
    }
}
