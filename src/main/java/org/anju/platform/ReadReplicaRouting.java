package org.anju.platform;

import com.zaxxer.hikari.HikariDataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.datasource.AbstractDataSource;
import org.springframework.jdbc.datasource.DelegatingDataSource;
import org.springframework.jdbc.datasource.LazyConnectionDataSourceProxy;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

import jakarta.servlet.http.HttpSession;
import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Read-only transactions on a streaming replica, everything else on the primary (configured by
 * {@code ANJU_DB_REPLICA_URL}). Spring's {@link LazyConnectionDataSourceProxy} hands a transaction marked
 * {@code readOnly} its connection from the read-only data source; that one ({@link #readOnlyDataSource()}) asks
 * {@link ReplicaRoute#decide} each time whether the replica may serve it:
 * <ul>
 *   <li>a monitor checks the replica every {@code anju.db.replica.check-interval} (reachable, {@code pg_is_in_recovery()},
 *   {@code pg_last_wal_replay_lsn()} against the primary's {@code pg_current_wal_lsn()}); unreachable or more than
 *   {@code anju.db.replica.max-lag} behind, reads go to the primary until it recovers, and the switch is logged once
 *   each way;</li>
 *   <li>read your own writes: after a read-write transaction commits, the primary's WAL position is kept for the
 *   thread (a request runs on its own virtual thread) and in the HTTP session if there is one (in memory or in the
 *   database alike: a {@code Long} attribute, which the database keeps at its greatest however the session's
 *   requests interleave: {@link SessionWrites#sessionAttributeWrites()}); that session's reads go to the replica only
 *   once it has replayed that far.</li>
 * </ul>
 */
public final class ReadReplicaRouting implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(ReadReplicaRouting.class);

    /** The HTTP session attribute holding the primary's WAL position after the session's last write. */
    public static final String SESSION_LSN = "anju.db.writtenLsn";

    private static final ThreadLocal<long[]> WRITTEN = ThreadLocal.withInitial(() -> new long[1]);

    /**
     * The primary's connections this thread took for its read-write transactions (the lazy proxy's targets), latest
     * last; closed ones are dropped as new ones come. A rollback asks it whether the transaction touched the primary.
     */
    private static final ThreadLocal<java.util.ArrayDeque<Connection>> OPENED =
            ThreadLocal.withInitial(java.util.ArrayDeque::new);

    private final HikariDataSource primary;
    private final HikariDataSource replica;
    private final HikariDataSource probe;
    private final HikariDataSource primaryProbe;
    private final Duration maxLag;
    private final ReplicaRoute.LagClock clock;
    private final ScheduledExecutorService monitor;
    private final AtomicLong replicaReads = new AtomicLong();
    private final AtomicLong primaryReads = new AtomicLong();
    private final AtomicLong busyReads = new AtomicLong();
    /** How long the monitor's query to the replica may wait for its reply (the monitor's pool's socket timeout). */
    static final Duration PROBE_SOCKET_TIMEOUT = Duration.ofSeconds(5);
    /** A monitor's query unanswered this long: reads go to the primary without waiting for its timeout. */
    static final Duration PROBE_SILENT = Duration.ofSeconds(3);

    private volatile ReplicaRoute.Status status = new ReplicaRoute.Status.Unknown();
    /** When the monitor's current query to the replica was sent (nanoTime, odd), or 0 between queries. */
    private volatile long probeSince;
    private volatile Boolean usable; // null until the first check: the first state is logged too

    /**
     * @param replica the pool read-only transactions use ({@code ApplicationName=anju-read})
     * @param probe   a pool of one connection for the monitor ({@code anju-replica-monitor}), so that the monitor
     *                neither waits behind reads nor makes the replica look used
     * @param primaryProbe a pool of one connection to the primary for the monitor ({@code anju-primary-monitor}).
     *                On the requests' pool, at month end — every connection lent out — the monitor waited the pool's
     *                timeout for each sample and got none; a level replica then looked further behind with every
     *                check (a primary not sampled is not taken to be level), and every read was sent to the full
     *                primary pool to wait there and fail, the replica abandoned when it was needed most (review)
     */
    ReadReplicaRouting(HikariDataSource primary, HikariDataSource replica, HikariDataSource probe,
                       HikariDataSource primaryProbe, Duration maxLag, Duration interval) {
        this.primary = primary;
        this.replica = replica;
        this.probe = probe;
        this.primaryProbe = primaryProbe;
        this.maxLag = maxLag;
        long samples = Math.max(10, 4 * maxLag.toMillis() / Math.max(1, interval.toMillis()));
        this.clock = new ReplicaRoute.LagClock((int) Math.min(10_000, samples));
        this.monitor = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "anju-replica-monitor");
            t.setDaemon(true);
            return t;
        });
        check();
        monitor.scheduleWithFixedDelay(() -> {
            try {
                check();
            } catch (Throwable e) {
                // the executor cancels a periodic task for good once a run throws: the last status would then stand
                // for ever, a replica found healthy once used however far behind it fell
                log.error("只读副本监测出错（下一次照常进行）：{}", e.toString());
            }
        }, interval.toMillis(), interval.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Whether reads go to the replica now (what the switch log says), for the metrics. */
    boolean inUse() {
        return ReplicaRoute.health(status(), maxLag).onReplica();
    }

    /** The replica's delay at the last check in seconds, NaN when not known (not a standby, unreachable, behind). */
    double lagSeconds() {
        return status() instanceof ReplicaRoute.Status.Streaming s ? s.lag().toNanos() / 1e9 : Double.NaN;
    }

    /** The monitor's and the replica's pools: the reads', the monitor's on each side (for the metrics). */
    java.util.List<HikariDataSource> pools() {
        return java.util.List.of(replica, probe, primaryProbe);
    }

    /** The data source for the application: writes on the primary, read-only transactions routed. */
    DataSource dataSource() {
        LazyConnectionDataSourceProxy proxy = new LazyConnectionDataSourceProxy(new DelegatingDataSource(primary) {
            @Override
            public Connection getConnection() throws SQLException {
                return opened(super.getConnection());
            }

            @Override
            public Connection getConnection(String username, String password) throws SQLException {
                return opened(super.getConnection(username, password));
            }
        });
        proxy.setReadOnlyDataSource(readOnlyDataSource());
        proxy.setDefaultAutoCommit(true);
        proxy.setDefaultTransactionIsolation(Connection.TRANSACTION_READ_COMMITTED);
        return new HeldConnections(proxy);   // the session keeps a write's position once the connection is back
    }

    DataSource readOnlyDataSource() {
        return new AbstractDataSource() {
            @Override
            public Connection getConnection() throws SQLException {
                return readConnection();
            }

            @Override
            public Connection getConnection(String username, String password) throws SQLException {
                return readConnection();
            }
        };
    }

    /**
     * What reads go by: the last check's finding — or, while the monitor's query to the replica has gone unanswered
     * for more than {@link #PROBE_SILENT}, unreachable. A replica lost without a word (no reset) answers nothing: the
     * monitor's own query waits until {@link #PROBE_SOCKET_TIMEOUT}, and the reads sent there meanwhile would wait too.
     */
    public ReplicaRoute.Status status() {
        long since = probeSince;
        if (since != 0 && System.nanoTime() - since > PROBE_SILENT.toNanos()) {
            return new ReplicaRoute.Status.Unreachable("副本 " + Duration.ofNanos(System.nanoTime() - since).toSeconds()
                    + " 秒未答复监测查询（主机停机、网络中断或停顿？）：" + probe.getJdbcUrl());
        }
        return status;
    }

    /** Read-only transactions served by the replica and by the primary since start. */
    public long replicaReads() {
        return replicaReads.get();
    }

    public long primaryReads() {
        return primaryReads.get();
    }

    /** Of the primary's reads, those the replica would have served had its read pool had a connection free. */
    public long busyReads() {
        return busyReads.get();
    }

    private Connection readConnection() throws SQLException {
        long required = required();
        ReplicaRoute.Status now = status();
        ReplicaRoute.Decision decision = ReplicaRoute.decide(now, maxLag, required);
        Connection connection = null;
        if (!decision.onReplica() && ReplicaRoute.worthAsking(now, maxLag, required)) {
            connection = replayedOnReplica(required);
        } else if (decision.onReplica()) {
            try {
                connection = replica.getConnection();
                replicaReads.incrementAndGet();
            } catch (SQLException e) {
                failed(e); // found before the monitor: this read and the next go to the primary
            }
        }
        if (connection == null) {
            connection = primary.getConnection();
            primaryReads.incrementAndGet();
        }
        connection.setReadOnly(true); // the pool resets it when the connection returns
        return connection;
    }

    /** A replica connection if the replica has replayed {@code required} by now, else null (read on the primary). */
    private Connection replayedOnReplica(long required) {
        Connection c = null;
        try {
            c = replica.getConnection();
            try (Statement st = c.createStatement();
                 ResultSet rs = st.executeQuery("select pg_last_wal_replay_lsn()::text")) {
                rs.next();
                if (ReplicaRoute.Lsn.parse(rs.getString(1)) >= required) {
                    replicaReads.incrementAndGet();
                    return c;
                }
            }
            c.close();
            return null;
        } catch (SQLException | RuntimeException e) {
            if (c != null) {
                try {
                    c.close();
                } catch (SQLException ignored) {
                    // the read goes to the primary anyway
                }
            }
            if (e instanceof SQLException sql) {
                failed(sql);
            }
            return null;
        }
    }

    /** The WAL position this caller must see: its thread's last write, or its HTTP session's. */
    private static long required() {
        long lsn = WRITTEN.get()[0];
        HttpSession session = session();
        if (session != null) {
            try {
                if (session.getAttribute(SESSION_LSN) instanceof Long stored) {
                    lsn = Math.max(lsn, stored);
                }
            } catch (IllegalStateException invalidated) {
                // the session ended during this request (logout): nothing to wait for
            }
        }
        return lsn;
    }

    /**
     * After a read-write transaction committed: the caller's later reads must see the primary as it is now.
     *
     * @param committed the transaction's own connection, still held (the commit is done, the connection not yet
     *                  returned): the primary's WAL position is read on it, after the commit, so it is at least the
     *                  commit's; no second connection is taken from the pool while this one is held (under load, threads
     *                  holding one connection and waiting for another would wait on each other). Null when the
     *                  transaction had none: then a connection is borrowed for the query.
     */
    void wrote(Connection committed) {
        long lsn;
        try {
            lsn = committed != null ? currentLsn(committed) : currentLsnOnce();
        } catch (SQLException e) {
            // the commit is done; without its position the caller reads from the primary until the replica is level
            log.warn("Cannot read the primary's WAL position after a write ({}); this thread reads from the primary", e.getMessage());
            lsn = Long.MAX_VALUE;
        }
        long[] written = WRITTEN.get();
        written[0] = Math.max(written[0], lsn);
        if (lsn != Long.MAX_VALUE) {
            keepInSession(lsn);
        }
    }

    /**
     * After a read-write transaction rolled back — most often a refusal made on the primary's rows: a version that is
     * not the stored one (409 "已被他人修改，请刷新后重试"), a state that no longer allows the action. The caller has been
     * told about the primary as it is now, so its later reads must not be older: the primary's position is kept as
     * after a commit. Stale-read trial: a city administrator whose session had written nothing approved the version a
     * lagging replica showed, was refused, and every refresh read the same replica — the old version and the same
     * refusal again until the replica caught up.
     *
     * <p>Deliberate rollbacks (a dry run, a preview) keep it too: their caller then reads the primary a moment longer.
     * Read on the latest primary connection this thread holds — the rolled-back transaction's own, not yet returned, or
     * an enclosing transaction's (the same primary, a position no older) — never a new one: a transaction refused before it touched the database saw nothing of the primary, and asking the
     * pool then — full at month end, or the very timeout that failed it — would wait its whole timeout again. A position
     * that cannot be read is simply not kept (the commit's rule, primary for good, is for a write the caller made).
     */
    void rolledBack() {
        Connection held = openedByThisThread();
        if (held == null) {
            return;
        }
        long lsn;
        try {
            lsn = currentLsn(held);
        } catch (SQLException e) {
            log.debug("No WAL position after a rollback ({}): the caller's reads are routed as before", e.getMessage());
            return;
        }
        long[] written = WRITTEN.get();
        written[0] = Math.max(written[0], lsn);
        keepInSession(lsn);
    }

    private static Connection opened(Connection c) {
        java.util.ArrayDeque<Connection> opened = OPENED.get();
        opened.removeIf(ReadReplicaRouting::closed);
        opened.addLast(c);
        return c;
    }

    /** The latest primary connection this thread took for a read-write transaction and still holds, or null. */
    private static Connection openedByThisThread() {
        java.util.ArrayDeque<Connection> opened = OPENED.get();
        opened.removeIf(ReadReplicaRouting::closed);
        return opened.peekLast();
    }

    private static boolean closed(Connection c) {
        try {
            return c.isClosed();   // the pool's proxy: no round trip
        } catch (SQLException e) {
            return true;
        }
    }

    /**
     * Keeps {@code lsn} in the caller's HTTP session, if it has one, when this thread holds no connection any more: the
     * session is written at once in a transaction of its own, and asking the pool for that connection while holding
     * the committed one made threads wait on each other ({@link HeldConnections}). Still before the response: the
     * connection goes back as the transaction ends, inside the request. If the session cannot be written (no
     * connection in time), this request's reads still see the write (the thread's position); the session's next
     * request may read from the replica before it has replayed it — logged.
     */
    private static void keepInSession(long lsn) {
        HttpSession session = session();
        if (session == null) {
            return;
        }
        HeldConnections.whenNoneHeld(() -> {
            try {
                long previous = session.getAttribute(SESSION_LSN) instanceof Long stored ? stored : 0;
                if (lsn > previous) {
                    session.setAttribute(SESSION_LSN, lsn);
                }
            } catch (IllegalStateException invalidated) {
                // logged out in this very request
            } catch (RuntimeException e) {
                log.warn("Cannot keep a write's WAL position in the session ({}); its next request may read from the "
                        + "replica before the replica has replayed it", e.toString());
            }
        });
    }

    /** Forgets this thread's last write (a test's thread runs many tests against different servers). */
    static void forgetThisThread() {
        WRITTEN.remove();
        OPENED.remove();
    }

    /** The WAL position this thread's reads must see: its last write's (0: none yet). */
    static long writtenByThisThread() {
        return WRITTEN.get()[0];
    }

    /**
     * Where the primary's WAL ends, after the commit: the insert position, which is past the commit record whatever
     * {@code synchronous_commit} says. ({@code pg_current_wal_lsn()}, the write position, may still be before the
     * commit record when commits do not wait for the flush — reads would then go to a replica that lacks the write.)
     */
    private static long currentLsn(Connection c) throws SQLException {
        try (Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("select pg_current_wal_insert_lsn()::text")) {
            rs.next();
            return ReplicaRoute.Lsn.parse(rs.getString(1));
        }
    }

    private long currentLsnOnce() throws SQLException {
        try (Connection c = primary.getConnection()) {
            return currentLsn(c);
        }
    }

    /**
     * A write made elsewhere for this caller (an import job's, committed on the jobs' thread) at the primary's WAL
     * position {@code lsn}: kept for the thread and in the HTTP session as after the caller's own write. 0: nothing.
     */
    public static void sawWrite(long lsn) {
        if (lsn <= 0) {
            return;
        }
        long[] written = WRITTEN.get();
        written[0] = Math.max(written[0], lsn);
        keepInSession(lsn);
    }


    private static HttpSession session() {
        RequestAttributes attributes = RequestContextHolder.getRequestAttributes();
        if (attributes instanceof ServletRequestAttributes servlet) {
            return servlet.getRequest().getSession(false);
        }
        return null;
    }

    /** One round of the monitor: the primary's position, then the replica's. */
    void check() {
        try (Connection c = primaryProbe.getConnection(); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("select pg_current_wal_lsn()::text")) {
            rs.next();
            clock.primary(ReplicaRoute.Lsn.parse(rs.getString(1)), System.nanoTime());
        } catch (SQLException | RuntimeException e) {
            log.debug("Replica monitor: the primary did not answer: {}", e.getMessage());
        }
        ReplicaRoute.Status found;
        probeSince = System.nanoTime() | 1;   // never 0, which means "not asking"
        try (Connection c = probe.getConnection(); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("select pg_is_in_recovery(), pg_last_wal_replay_lsn()::text")) {
            rs.next();
            if (!rs.getBoolean(1)) {
                found = new ReplicaRoute.Status.NotStandby();
            } else {
                long replay = ReplicaRoute.Lsn.parse(rs.getString(2));
                found = clock.lag(replay, System.nanoTime())
                        .<ReplicaRoute.Status>map(lag -> new ReplicaRoute.Status.Streaming(replay, lag))
                        .orElseGet(() -> new ReplicaRoute.Status.Behind(replay));
            }
        } catch (SQLException | RuntimeException e) {
            found = new ReplicaRoute.Status.Unreachable(why(e, probe.getJdbcUrl(), probe.getUsername()));
        } finally {
            probeSince = 0;
        }
        update(found);
    }

    /**
     * The read pool gave no connection: the replica is lost — unless all the pool's connections are reading (more
     * requests at once than the pool has connections, e.g. {@code ANJU_CONCURRENT_REQUESTS} above its size). Then only
     * this read goes to the primary; before (review), the full pool was recorded as "副本不可达", logged, every read
     * sent to the primary until the next check, and "副本可用" logged again a second later.
     */
    private void failed(SQLException e) {
        if (PoolWait.exhausted(e, replica)) {
            busyReads.incrementAndGet();
            return;
        }
        lost(e);
    }

    private void lost(SQLException e) {
        update(new ReplicaRoute.Status.Unreachable(why(e, replica.getJdbcUrl(), replica.getUsername())));
    }

    /**
     * Why the replica could not be reached, as the application's start says it of the primary (the address, the user,
     * the setting to check) but naming the replica's settings. Operator trial: a wrong replica port and a wrong replica
     * password both logged only HikariCP's "anju-replica-monitor - Connection is not available, request timed out
     * after 1006ms".
     */
    static String why(Throwable e, String url, String user) {
        DatabaseUnreachable u = DatabaseUnreachable.of(e, url, user);
        if (u == null) {
            return String.valueOf(e.getMessage());
        }
        // the primary's advice does not fit a replica (createdb on a standby, a restart when it only stopped): its own
        return u.description() + "只读事务暂由主库承担，副本可连且跟上后自动回到副本。副本停了则启动它；设置错了则改正 "
                + "ANJU_DB_REPLICA_URL、ANJU_DB_REPLICA_USER、ANJU_DB_REPLICA_PASSWORD（后两者未设时同主库的 ANJU_DB_USER、"
                + "ANJU_DB_PASSWORD）后重新启动节点。";
    }

    /** For tests without a standby: as if a check had found {@code found} (the next check replaces it). */
    void assume(ReplicaRoute.Status found) {
        update(found);
    }

    private synchronized void update(ReplicaRoute.Status found) {
        status = found;
        ReplicaRoute.Decision health = ReplicaRoute.health(found, maxLag);
        if (usable == null || usable != health.onReplica()) {
            usable = health.onReplica();
            if (health.onReplica()) {
                log.info("只读副本可用，只读事务改由副本承担 (read replica in use: {})", found);
            } else {
                log.warn("只读副本不可用，只读事务改走主库：{} (reading from the primary)", health.reason());
            }
        }
    }

    @Override
    public void close() {
        monitor.shutdownNow();
        primaryProbe.close();
        probe.close();
        replica.close();
    }
}
