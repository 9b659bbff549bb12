package org.anju.platform;

import net.javacrumbs.shedlock.core.ClockProvider;
import net.javacrumbs.shedlock.core.ExtensibleLockProvider;
import net.javacrumbs.shedlock.core.LockConfiguration;
import net.javacrumbs.shedlock.core.LockProvider;
import net.javacrumbs.shedlock.core.SimpleLock;
import net.javacrumbs.shedlock.support.KeepAliveLockProvider;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

import java.time.Duration;
import java.util.Optional;

/**
 * Start-up work that must not run on two nodes at once: the demo data's loads, each "load it unless it is there". Two
 * nodes started together on a new database both found nothing loaded and both inserted — the second died on a
 * duplicate key (region_code_key; a helper's PgBouncer trial of the eighteenth session, also without PgBouncer). Such
 * work takes the cluster's lock of its name in ShedLock's table, as scheduled work does, waiting while another node
 * holds it, so that it then finds what the other loaded. Not a session-level advisory lock: that does not survive a
 * transaction pooler. Without a lock provider (no web app: one process) the work simply runs.
 */
@Component
public class ClusterOnce {

    /** The demo data's loads (every module's): one node at a time. */
    public static final String DEMO_DATA = "demo-data";

    /**
     * The lock's lease, renewed every half of it while the work runs: a node that died holding it (killed in its first
     * demo load, a container restarted) holds it no longer than this — it was ten minutes, and the node started again
     * waited them out (review of the eighteenth session) — and a load of any length keeps it.
     */
    static final Duration LEASE = Duration.ofSeconds(30);
    /** How long a node waits for another's work before it gives up starting. */
    static final Duration WAIT = Duration.ofMinutes(30);
    private static final Logger log = LoggerFactory.getLogger(ClusterOnce.class);
    private static final java.util.concurrent.ScheduledExecutorService RENEWALS =
            java.util.concurrent.Executors.newSingleThreadScheduledExecutor(Thread.ofPlatform().daemon()
                    .name("anju-cluster-once").factory());

    private final ObjectProvider<LockProvider> locks;

    ClusterOnce(ObjectProvider<LockProvider> locks) {
        this.locks = locks;
    }

    /** Runs {@code work} holding the cluster's lock {@code name}, after any other node's run under it has ended. */
    public void run(String name, Runnable work) {
        LockProvider found = locks.getIfAvailable();
        if (found == null) {
            work.run();
            return;
        }
        LockProvider provider = found instanceof ExtensibleLockProvider extensible
                ? new KeepAliveLockProvider(extensible, RENEWALS) : found;
        Optional<SimpleLock> lock;
        boolean said = false;
        long until = System.nanoTime() + WAIT.toNanos();
        while ((lock = provider.lock(new LockConfiguration(ClockProvider.now(), name, LEASE, Duration.ZERO))).isEmpty()) {
            if (!said) {
                log.info("另一节点正在执行启动任务「{}」：等它完成后再执行（已完成的部分不会重复）", name);
                said = true;
            }
            if (System.nanoTime() > until) {
                throw new IllegalStateException("启动任务「" + name + "」等待其他节点 " + WAIT.toMinutes()
                        + " 分钟仍未完成：检查其他节点的日志");
            }
            try {
                Thread.sleep(500);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("等待启动任务「" + name + "」的集群锁时被中断", e);
            }
        }
        try {
            work.run();
        } catch (RuntimeException | Error e) {
            try {
                lock.get().unlock();
            } catch (RuntimeException notUnlocked) {
                e.addSuppressed(notUnlocked);   // a stopping node's pool is closed: the lease ends the lock
            }
            throw e;
        }
        lock.get().unlock();
    }
}
