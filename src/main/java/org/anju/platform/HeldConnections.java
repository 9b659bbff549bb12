package org.anju.platform;

import org.springframework.jdbc.datasource.DelegatingDataSource;

import javax.sql.DataSource;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * The application's data source, counting the connections each thread holds from it, so that work which needs a
 * connection of its own can wait until the thread holds none ({@link #whenNoneHeld}).
 *
 * <p>Why: after a commit the thread still holds the committed transaction's connection (Spring returns it after the
 * commit's callbacks). Storing the write's WAL position in the HTTP session there ({@link ReadReplicaRouting#wrote})
 * wrote the session at once (flush mode immediate) in a transaction of its own — a second connection from the same
 * pool. At a month-end burst of sign-ins every connection of a node was held by a thread waiting for a second one: all
 * {@code idle in transaction} in {@code ClientRead}, the pool empty for its whole 5 s timeout, then 503s
 * (docs/PERFORMANCE.md, month-end load). Run once the connection is back, the same write takes one connection at a time.
 */
final class HeldConnections extends DelegatingDataSource {

    private static final ThreadLocal<int[]> HELD = ThreadLocal.withInitial(() -> new int[1]);
    private static final ThreadLocal<List<Runnable>> WAITING = ThreadLocal.withInitial(ArrayList::new);

    HeldConnections(DataSource target) {
        super(target);
    }

    /** Runs {@code work} now if this thread holds no connection from the data source, else once it has returned them all. */
    static void whenNoneHeld(Runnable work) {
        if (HELD.get()[0] == 0) {
            work.run();
        } else {
            WAITING.get().add(work);
        }
    }

    /** How many connections from the data source this thread holds now. */
    static int heldByThisThread() {
        return HELD.get()[0];
    }

    @Override
    public Connection getConnection() throws SQLException {
        return counted(super.getConnection());
    }

    @Override
    public Connection getConnection(String username, String password) throws SQLException {
        return counted(super.getConnection(username, password));
    }

    private static Connection counted(Connection target) {
        HELD.get()[0]++;
        boolean[] closed = {false};
        return (Connection) Proxy.newProxyInstance(HeldConnections.class.getClassLoader(), new Class<?>[]{Connection.class},
                (proxy, method, args) -> {
                    if (method.getName().equals("close") && method.getParameterCount() == 0) {
                        if (closed[0]) {
                            return null;
                        }
                        closed[0] = true;
                        try {
                            target.close();
                        } finally {
                            released();
                        }
                        return null;
                    }
                    if (method.getName().equals("isClosed") && method.getParameterCount() == 0 && closed[0]) {
                        return true;
                    }
                    if (method.getName().equals("equals") && method.getParameterCount() == 1) {
                        return proxy == args[0];
                    }
                    if (method.getName().equals("hashCode") && method.getParameterCount() == 0) {
                        return System.identityHashCode(proxy);
                    }
                    try {
                        return method.invoke(target, args);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
    }

    private static void released() {
        int[] held = HELD.get();
        held[0] = Math.max(0, held[0] - 1);
        if (held[0] > 0 || WAITING.get().isEmpty()) {
            return;
        }
        List<Runnable> due = new ArrayList<>(WAITING.get());
        WAITING.get().clear();
        RuntimeException failed = null;
        for (Runnable work : due) {
            try {
                work.run();   // may take and return a connection itself: counted like any other
            } catch (RuntimeException e) {
                if (failed == null) {
                    failed = e;
                } else {
                    failed.addSuppressed(e);
                }
            }
        }
        if (failed != null) {
            throw failed;
        }
    }
}
