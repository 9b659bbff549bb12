package org.anju.platform;

import net.javacrumbs.shedlock.core.ClockProvider;
import net.javacrumbs.shedlock.core.LockConfiguration;
import net.javacrumbs.shedlock.core.LockProvider;
import net.javacrumbs.shedlock.core.SimpleLock;
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

    /** Longer than a load takes; a node that died holding the lock holds it no longer than this. */
    static final Duration AT_MOST = Duration.ofMinutes(10);
    private static final Logger log = LoggerFactory.getLogger(ClusterOnce.class);

    private final ObjectProvider<LockProvider> locks;

    ClusterOnce(ObjectProvider<LockProvider> locks) {
        this.locks = locks;
    }

    /** Runs {@code work} holding the cluster's lock {@code name}, after any other node's run under it has ended. */
    public void run(String name, Runnable work) {
        LockProvider provider = locks.getIfAvailable();
        if (provider == null) {
            work.run();
            return;
        }
        Optional<SimpleLock> lock;
        boolean said = false;
        long until = System.nanoTime() + AT_MOST.toNanos() + Duration.ofMinutes(1).toNanos();
        while ((lock = provider.lock(new LockConfiguration(ClockProvider.now(), name, AT_MOST, Duration.ZERO))).isEmpty()) {
            if (!said) {
                log.info("另一节点正在执行启动任务「{}」：等它完成后再执行（已完成的部分不会重复）", name);
                said = true;
            }
            if (System.nanoTime() > until) {
                throw new IllegalStateException("启动任务「" + name + "」的集群锁 " + AT_MOST.plusMinutes(1).toMinutes()
                        + " 分钟未释放：检查其他节点是否卡住，或删除 shedlock 表中 name = '" + name + "' 的行后重启");
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
        } finally {
            lock.get().unlock();
        }
    }
}
