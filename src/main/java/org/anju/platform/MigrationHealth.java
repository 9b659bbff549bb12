package org.anju.platform;

import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.MigrationInfoService;
import org.flywaydb.core.api.MigrationState;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.health.contributor.Status;
import org.springframework.stereotype.Component;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.function.LongSupplier;

/**
 * The database schema's state for the readiness probe ({@code migrations} in {@code /actuator/health/readiness}):
 * a node must not take requests on a schema it does not expect. A failed migration is {@code DOWN}; migrations this
 * node brings that are not applied yet ({@code pending}) are {@code OUT_OF_SERVICE}; both name the versions. So are
 * migrations a newer build applied that this node does not have ({@code newer}): a node left running while a newer
 * version upgraded the database reads and writes in the old ways (not every migration is additive: V0_1571 changed
 * the layout of bulk audit entries), so the balancer takes it out within 30 s; restarted, it is refused
 * ({@link SchemaProblem}). The answer is kept 30 seconds ({@link #KEPT}).
 */
@Component("migrations")
public class MigrationHealth implements HealthIndicator {

    /** How long an answer is kept: pending migrations change with a deploy, not between two probes. */
    static final Duration KEPT = Duration.ofSeconds(30);

    private final Flyway flyway;
    private final DatabaseHealth database;
    private final LongSupplier nanoTime;
    private volatile Answer last;
    private final Object reading = new Object();

    private record Answer(Health health, long at) {
    }

    /**
     * The history is read on the probes' own connection ({@code anju-health}), as {@link DatabaseHealth} asks: on the
     * requests' pool, a node whose every connection was lent out answered DOWN every 30 s, when its reading waited for
     * the pool in vain — and the balancer took the busiest nodes out.
     */
    @org.springframework.beans.factory.annotation.Autowired
    MigrationHealth(Flyway flyway, DatabaseHealth database, DatabaseConfiguration.Pools pools) {
        this(Flyway.configure().configuration(flyway.getConfiguration()).dataSource(pools.health()).load(), database,
                System::nanoTime);
    }

    /** On Flyway's own database (tests). */
    MigrationHealth(Flyway flyway) {
        this(flyway, System::nanoTime);
    }

    MigrationHealth(Flyway flyway, LongSupplier nanoTime) {
        this(flyway, new DatabaseHealth(flyway.getConfiguration().getDataSource(), nanoTime), nanoTime);
    }

    MigrationHealth(Flyway flyway, DatabaseHealth database, LongSupplier nanoTime) {
        this.flyway = flyway;
        this.database = database;
        this.nanoTime = nanoTime;
    }

    /**
     * The schema's state, read from flyway_schema_history at most every {@link #KEPT} (30 s): the load balancer probes
     * readiness every second on every node, and each reading scans the migrations on the class path and the history
     * table. A database that does not answer is {@code DOWN}, not kept: the next probe tries again. It is asked
     * through {@link DatabaseHealth} first (shared with the {@code db} component), so that a probe during an outage
     * waits for the pool once; a failure used to escape here as the busy page's problem+json (operator trial).
     */
    @Override
    public Health health() {
        Answer kept = last;
        long now = nanoTime.getAsLong();
        if (kept != null && now - kept.at() < KEPT.toNanos()) {
            return kept.health();
        }
        String unreachable = database.problem();
        if (unreachable != null) {
            return Health.down().withDetail("error", unreachable).build();
        }
        // one reading at a time, the others wait for it and share it: Flyway holds two connections of the probes' own
        // pool, and two probes reading at once each got one and waited for a second in vain — DOWN (review)
        synchronized (reading) {
            kept = last;
            if (kept != null && nanoTime.getAsLong() - kept.at() < KEPT.toNanos()) {
                return kept.health();
            }
            Health health;
            try {
                health = read();
            } catch (org.flywaydb.core.api.FlywayException | org.springframework.dao.DataAccessException e) {
                // the database went away between the two, or the history table cannot be read: said, not kept
                return Health.down().withDetail("error", "无法读取数据库迁移记录（flyway_schema_history）："
                        + DatabaseHealth.causes(e)).build();
            }
            last = new Answer(health, now);
            return health;
        }
    }

    private Health read() {
        MigrationInfoService info = flyway.info(); // once: it reads the history table and scans the class path
        MigrationInfo[] all = info.all();
        List<String> failed = versions(all, m -> m.getState().isFailed());
        List<String> pending = versions(all, m -> m.getState() == MigrationState.PENDING
                || m.getState() == MigrationState.OUTDATED);
        List<String> newer = versions(all, m -> m.getState() == MigrationState.MISSING_SUCCESS
                || m.getState() == MigrationState.FUTURE_SUCCESS);
        MigrationInfo current = info.current();
        Health.Builder health = !failed.isEmpty() ? Health.down()
                : pending.isEmpty() && newer.isEmpty() ? Health.up() : Health.status(Status.OUT_OF_SERVICE);
        health.withDetail("current", current == null ? "无" : String.valueOf(current.getVersion()));
        // the last one applied: with features' version ranges (out of order) an upgrade's new migration may lie below
        // "current", the highest version, which then does not show that the upgrade ran (upgrade trial). Versioned ones
        // only: a repeatable Java migration (CalendarNotices) is applied again after every change and showed as "null
        // CalendarNotices" (operator trial)
        Arrays.stream(all).filter(m -> m.getVersion() != null && m.getInstalledRank() != null && m.getState().isApplied()
                        && !m.getState().isFailed())
                .max(java.util.Comparator.comparing(MigrationInfo::getInstalledRank))
                .ifPresent(m -> health.withDetail("lastApplied", m.getVersion() + " " + m.getDescription()));
        List<String> message = new java.util.ArrayList<>();
        if (!failed.isEmpty()) {
            health.withDetail("failed", failed);
            message.add("数据库迁移失败：" + String.join("、", failed) + "（修复后重新启动，见 flyway_schema_history）");
        }
        if (!pending.isEmpty()) {
            health.withDetail("pending", pending);
            message.add("尚未执行的数据库迁移：" + String.join("、", pending));
        }
        if (!newer.isEmpty()) {
            health.withDetail("newer", newer);
            message.add("数据库已由较新的版本升级（本节点没有的迁移：" + String.join("、", newer) + "）：请停下本节点，换成新版本");
        }
        if (!message.isEmpty()) {
            health.withDetail("message", String.join("；", message));   // each said, not the last one only
        }
        return health.build();
    }

    private static List<String> versions(MigrationInfo[] all, java.util.function.Predicate<MigrationInfo> which) {
        return Arrays.stream(all)
                .filter(which)
                .map(m -> m.getVersion() == null ? m.getDescription() : m.getVersion() + " " + m.getDescription())
                .toList();
    }
}
