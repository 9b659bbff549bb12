package org.anju.platform;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * The application's own metrics (issue 15), next to the ones Spring Boot records (requests, JVM, connection pool):
 *
 * <ul>
 *   <li>{@code anju.imports} — a timer per import, tagged {@code kind} (plan, plan-preview, projects, reports, stock,
 *       ledger, ledger-preview, expropriation, expropriation-preview) and {@code outcome}: {@code ok}, {@code refused}
 *       (the file or the request was refused with a reason for the user: nothing written), {@code busy} (a lock or a
 *       connection not had in time: "send again", nothing written) or {@code failed} (a bug). Its count is the number
 *       of imports.</li>
 *   <li>{@code anju.reports.submitted} — a counter of 月报 submitted (上报), counted once the submission is committed
 *       (a submission rolled back with its import counts nothing), tagged {@code channel} (UI, API, IMPORT, CLI).</li>
 *   <li>{@code anju.jobs.queue} — a gauge of this node's imports, tagged {@code state} running or queued
 *       ({@link ImportSlots#usage()}); {@code anju.jobs.cluster} the same for all nodes together (rows of
 *       {@code import_job}, {@link Jobs#counts()}).</li>
 *   <li>With a replica ({@link ReadReplicaRouting}): {@code anju.db.reads}, this node's read-only transactions tagged
 *       {@code to} replica or primary, and {@code anju.db.reads.replica.pool.full}, those of the primary's that went
 *       there only because the replica's read pool had no connection free (not logged: it is not the replica lost);
 *       {@code anju.db.replica.in.use} (1/0) and {@code anju.db.replica.lag} (seconds, NaN when not known).</li>
 * </ul>
 */
@Component
public class OperationsMetrics {

    /** The intake's refusal of a file (org.anju.intake.InputException): the platform does not depend on the intake. */
    private static final String INPUT_PROBLEM = "org.anju.intake.InputException";

    private final MeterRegistry registry;

    OperationsMetrics(MeterRegistry registry, ImportSlots slots,
                      org.springframework.beans.factory.ObjectProvider<Jobs> jobs,
                      org.springframework.beans.factory.ObjectProvider<DatabaseConfiguration.Pools> pools) {
        this.registry = registry;
        // with a replica: where this node's read-only transactions went, and those the replica's pool had no
        // connection for (a pool smaller than the requests at once: reads move to the primary without a word in the log)
        DatabaseConfiguration.Pools database = pools.getIfAvailable();
        if (database != null && database.routing() != null) {
            reads(registry, database.routing());
        }
        // the whole cluster's imports, from import_job (read at scrape time: Jobs is looked up then, not at start)
        io.micrometer.core.instrument.Gauge.builder("anju.jobs.cluster", jobs, j -> j.getObject().counts().runningCluster())
                .description("全部节点的导入（import_job）：进行中（running）、排队（queued）").tag("state", "running")
                .strongReference(true).register(registry); // the provider is held by nothing else
        io.micrometer.core.instrument.Gauge.builder("anju.jobs.cluster", jobs, j -> j.getObject().counts().queuedCluster())
                .description("全部节点的导入（import_job）：进行中（running）、排队（queued）").tag("state", "queued")
                .strongReference(true).register(registry);
        io.micrometer.core.instrument.Gauge.builder("anju.jobs.queue", slots, s -> s.usage().running())
                .description("本节点的导入：进行中（running）、排队（queued）").tag("state", "running").register(registry);
        io.micrometer.core.instrument.Gauge.builder("anju.jobs.queue", slots, s -> s.usage().queued())
                .description("本节点的导入：进行中（running）、排队（queued）").tag("state", "queued").register(registry);
    }

    /** The read routing's counters ({@code anju.db.reads…}). */
    static void reads(MeterRegistry registry, ReadReplicaRouting routing) {
        String what = "只读事务去向：副本（replica）、主库（primary；其中 replica.pool.full 为副本连接池已满而改走主库的）";
        io.micrometer.core.instrument.FunctionCounter.builder("anju.db.reads", routing, ReadReplicaRouting::replicaReads)
                .description(what).tag("to", "replica").register(registry);
        io.micrometer.core.instrument.FunctionCounter.builder("anju.db.reads", routing, ReadReplicaRouting::primaryReads)
                .description(what).tag("to", "primary").register(registry);
        io.micrometer.core.instrument.FunctionCounter.builder("anju.db.reads.replica.pool.full", routing,
                ReadReplicaRouting::busyReads).description(what).register(registry);
        // whether the replica carries the reads now, and how far behind it is: before, only a rising
        // anju_db_reads_total{to="primary"} and one log line told that a node had given the replica up (operator trial)
        io.micrometer.core.instrument.Gauge.builder("anju.db.replica.in.use", routing, r -> r.inUse() ? 1 : 0)
                .description("只读副本是否正在承担只读事务（1 是，0 否：不可达、延迟超限、不是备库或状态未知，只读事务改走主库）")
                .register(registry);
        io.micrometer.core.instrument.Gauge.builder("anju.db.replica.lag", routing, ReadReplicaRouting::lagSeconds)
                .baseUnit("seconds").description("只读副本落后主库的时间（上次检查；未知时为 NaN）").register(registry);
    }

    /** Times one import of {@code kind}; every result counts as {@code ok}. */
    public <T> T timeImport(String kind, Supplier<T> work) {
        return timeImport(kind, work, r -> true);
    }

    /**
     * Times one import of {@code kind}.
     *
     * @param accepted whether a returned result is an import done ({@code ok}) rather than a file refused with its
     *                 problems listed ({@code refused}, e.g. a plan import's result with problems)
     */
    public <T> T timeImport(String kind, Supplier<T> work, Predicate<? super T> accepted) {
        Timer.Sample sample = Timer.start(registry);
        String outcome = "failed";
        try {
            T result = work.get();
            outcome = result == null || accepted.test(result) ? "ok" : "refused";
            return result;
        } catch (RuntimeException e) {
            // busy (a lock or a connection not had in time, "send again") is not a bug: an alert on failed would fire on
            // ordinary contention (metrics review, sixteenth session)
            outcome = refused(e) ? "refused" : ServiceBusy.is(e) ? "busy" : "failed";
            throw e;
        } finally {
            sample.stop(Timer.builder("anju.imports").description("导入（计划分解表、项目库、月报、房源、台账、征收调查登记）的次数和用时")
                    .tag("kind", kind).tag("outcome", outcome).register(registry));
        }
    }

    private static boolean refused(RuntimeException e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof Refusal || t.getClass().getName().equals(INPUT_PROBLEM)) {
                return true;
            }
        }
        return false;
    }

    /** Counts a 月报 submitted through {@code channel}, once the current transaction commits (at once without one). */
    public void reportSubmitted(String channel) {
        Counter counter = Counter.builder("anju.reports.submitted").description("上报的月报份数")
                .tag("channel", channel).register(registry);
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    counter.increment();
                }
            });
        } else {
            counter.increment();
        }
    }
}
