package org.anju.platform;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.stereotype.Component;

import javax.sql.DataSource;
import java.sql.Connection;
import java.time.Duration;
import java.util.function.LongSupplier;

/**
 * The primary database for the health probes ({@code db} in {@code /actuator/health/readiness}), in place of Spring
 * Boot's {@code DataSourceHealthIndicator} (this bean takes its name, so Boot's stands back). Boot's logged a warning
 * with a stack trace of some 100 lines at every probe while PostgreSQL was down — 832 lines in 30 s with the balancer
 * probing two nodes (operator trial, issue 15) — and the one line that mattered was lost among them. This one says it
 * once when the database stops answering, naming the cause, and once when it answers again.
 *
 * <p>It asks on a connection of its own ({@code anju-health}, {@link DatabaseConfiguration}), not the requests' pool: a
 * node whose every connection is lent out is busy, not down, and a primary that does not answer within seconds is
 * down even when the requests' connections all hang waiting for it. The answer is shared for a second
 * ({@link #SHARED}): {@link MigrationHealth} asks first, so that one probe waits once during an outage, not once per
 * component. The primary only: a lost replica degrades reads to the primary ({@code ReadReplicaRouting}) and must not
 * take the node out.
 */
@Component("dbHealthIndicator")
public class DatabaseHealth implements HealthIndicator {

    static final Duration SHARED = Duration.ofSeconds(1);
    private static final Logger log = LoggerFactory.getLogger(DatabaseHealth.class);

    private final DataSource primary;
    private final LongSupplier nanoTime;
    private final Object checking = new Object();
    private volatile Answer last;
    /** When the database stopped answering (nanoTime), or null while it answers. */
    private Long downSince;

    /** One check: null when the database answered, else why not. */
    private record Answer(String problem, long at) {
    }

    @org.springframework.beans.factory.annotation.Autowired
    DatabaseHealth(DatabaseConfiguration.Pools pools) {
        this(pools.health(), System::nanoTime);
    }

    DatabaseHealth(DataSource primary, LongSupplier nanoTime) {
        this.primary = primary;
        this.nanoTime = nanoTime;
    }

    @Override
    public Health health() {
        String problem = problem();
        return problem == null
                ? Health.up().withDetail("database", "PostgreSQL").withDetail("validationQuery", "isValid()").build()
                : Health.down().withDetail("error", problem).build();
    }

    /** Null when the primary database answers (checked at most once a second), else why it does not, in Chinese. */
    String problem() {
        Answer kept = last;
        if (kept != null && nanoTime.getAsLong() - kept.at() < SHARED.toNanos()) {
            return kept.problem();
        }
        synchronized (checking) {   // probes arriving together wait for one check, not one pool timeout each
            kept = last;
            long now = nanoTime.getAsLong();
            if (kept != null && now - kept.at() < SHARED.toNanos()) {
                return kept.problem();
            }
            String problem = check();
            said(problem, now);
            last = new Answer(problem, nanoTime.getAsLong());
            return problem;
        }
    }

    private String check() {
        try (Connection c = primary.getConnection()) {
            return c.isValid(VALID_WITHIN) ? null
                    : "数据库 " + VALID_WITHIN + " 秒内未答复（isValid 未通过）：主库停止响应或网络中断";
        } catch (java.sql.SQLException | RuntimeException e) {
            return "无法连接数据库：" + causes(e);
        }
    }

    /** Seconds the primary has to answer a probe on an open connection. */
    static final int VALID_WITHIN = 2;

    /** Logs a change only: the first failure and the recovery. */
    private void said(String problem, long now) {
        if (problem != null && downSince == null) {
            downSince = now;
            log.warn("{}。数据库恢复前，本节点的就绪检查（/actuator/health/readiness）答 DOWN（503）；恢复时另记一行",
                    problem);
        } else if (problem == null && downSince != null) {
            log.info("数据库已恢复，就绪检查重新为 UP（不可用约 {} 秒）", Duration.ofNanos(now - downSince).toSeconds());
            downSince = null;
        }
    }

    /** Each cause's message, outermost first, without repeats: the pool's timeout and the driver's reason under it. */
    static String causes(Throwable e) {
        StringBuilder text = new StringBuilder();
        java.util.Set<String> seen = new java.util.HashSet<>();
        for (Throwable t = e; t != null && seen.size() < 8; t = t.getCause() == t ? null : t.getCause()) {
            String line = t.getClass().getSimpleName() + (t.getMessage() == null ? "" : ": " + t.getMessage().strip());
            if (seen.add(line)) {
                text.append(text.isEmpty() ? "" : " ← ").append(line);
            }
        }
        return text.toString();
    }
}
