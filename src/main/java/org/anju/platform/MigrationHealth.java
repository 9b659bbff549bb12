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
 * node brings that are not applied yet ({@code pending}) are {@code OUT_OF_SERVICE}; both name the versions. Migrations
 * applied by a newer node (a rolling update: the database is ahead of this node) leave it {@code UP}: Flyway accepts
 * them, and every migration of Anju is additive. The answer is kept 30 seconds ({@link #KEPT}).
 */
@Component("migrations")
public class MigrationHealth implements HealthIndicator {

    /** How long an answer is kept: pending migrations change with a deploy, not between two probes. */
    static final Duration KEPT = Duration.ofSeconds(30);

    private final Flyway flyway;
    private final LongSupplier nanoTime;
    private volatile Answer last;

    private record Answer(Health health, long at) {
    }

    @org.springframework.beans.factory.annotation.Autowired
    public MigrationHealth(Flyway flyway) {
        this(flyway, System::nanoTime);
    }

    MigrationHealth(Flyway flyway, LongSupplier nanoTime) {
        this.flyway = flyway;
        this.nanoTime = nanoTime;
    }

    /**
     * The schema's state, read from flyway_schema_history at most every {@link #KEPT} (30 s): the load balancer probes
     * readiness every second on every node, and each reading scans the migrations on the class path and the history
     * table. A failure to read (database down) is not kept: the next probe tries again.
     */
    @Override
    public Health health() {
        Answer kept = last;
        long now = nanoTime.getAsLong();
        if (kept != null && now - kept.at() < KEPT.toNanos()) {
            return kept.health();
        }
        Health health = read();
        last = new Answer(health, now);
        return health;
    }

    private Health read() {
        MigrationInfoService info = flyway.info(); // once: it reads the history table and scans the class path
        MigrationInfo[] all = info.all();
        List<String> failed = versions(all, true);
        List<String> pending = versions(all, false);
        MigrationInfo current = info.current();
        Health.Builder health = failed.isEmpty() ? pending.isEmpty() ? Health.up() : Health.status(Status.OUT_OF_SERVICE)
                : Health.down();
        health.withDetail("current", current == null ? "无" : String.valueOf(current.getVersion()));
        if (!failed.isEmpty()) {
            health.withDetail("failed", failed).withDetail("message", "数据库迁移失败：" + String.join("、", failed)
                    + "（修复后重新启动，见 flyway_schema_history）");
        }
        if (!pending.isEmpty()) {
            health.withDetail("pending", pending).withDetail("message", (failed.isEmpty() ? "" : "；")
                    + "尚未执行的数据库迁移：" + String.join("、", pending));
        }
        return health.build();
    }

    private static List<String> versions(MigrationInfo[] all, boolean failed) {
        return Arrays.stream(all)
                .filter(m -> failed ? m.getState().isFailed() : m.getState() == MigrationState.PENDING
                        || m.getState() == MigrationState.OUTDATED)
                .map(m -> m.getVersion() == null ? m.getDescription() : m.getVersion() + " " + m.getDescription())
                .toList();
    }
}
