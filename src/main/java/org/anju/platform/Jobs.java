package org.anju.platform;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

/**
 * Long imports started from a page run here, off the request thread, so the browser can poll their progress
 * ({@link JobProgress}) instead of waiting on one request. They take their turn through {@link ImportSlots}: a bounded
 * number run at once on each node, the rest wait (排队中，前面还有 N 个), and a user with too many going (on any node) is
 * refused at once. The work itself is unchanged — an import stays one transaction, all or nothing.
 *
 * <p>Jobs are rows ({@code import_job}, issue 15), so any node of a cluster shows a job's progress, queue place and
 * result: the node's ticker writes its stage and rows done when they changed (looked at every
 * {@code anju.jobs.progress-interval-ms}, 250 ms) and a heartbeat at least every min(5 s, timeout / 4) (3.75 s with
 * the default timeout), each in its own short transaction; the result is stored as gzip JSON of the result record,
 * read back with {@link Snapshot#result(Class)}. A job whose node stops heartbeating for
 * {@code anju.jobs.heartbeat-timeout} (15 s) is marked 中断 by whichever node looks. Stopping a node gracefully takes
 * no new jobs, lets running ones finish within {@code spring.lifecycle.timeout-per-shutdown-phase}, then marks the rest
 * 中断 and interrupts them. 中断 says "未写入任何数据", and that is always true: the import's own transaction fences
 * itself ({@link JobFence}) — it rolls back when its row was marked first, and a row whose import committed (or is
 * committing) is never marked. A job is seen only by the user who started it; ended jobs are deleted 30 minutes later
 * by whichever node looks. When an import wrote, its end stores the primary's WAL position, which the owner's session
 * takes on when its poll sees the end (read your own writes with a replica, {@link ReadReplicaRouting}).
 */
@Component
public class Jobs implements SmartLifecycle {

    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(Jobs.class);

    static final Duration KEEP = Duration.ofMinutes(30);
    /** How often a node looks for dead and expired jobs at most. */
    static final Duration SWEEP = Duration.ofSeconds(10);
    /**
     * The stage in which a preview keeps the uploaded file for its commit: a write, but not the import's. A preview
     * job whose node died after it is 中断 with {@link Failure#PREVIEW_WRITTEN_MESSAGE}, not "导入已写入".
     */
    public static final String PREVIEW_STAGE = "保存预览";
    /** The stages of a breakdown table import, in order ({@link JobProgress#stage}). */
    public static final List<String> PLAN_STAGES = List.of("读取文件", "识别表格", "解析地区和指标",
            "校验", PREVIEW_STAGE, "写入");
    /** The stages of a register import (project register, reports). */
    public static final List<String> REGISTER_STAGES = List.of("读取文件", "解析地区和数据", "写入");

    /** This node's jobs: read from memory here (fresher than the row, and the result without a JSON round trip). */
    private final Map<String, Job> local = new ConcurrentHashMap<>();
    /** Replaced when the context starts again after a stop (a stopped executor takes nothing). */
    private volatile ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor();
    private final Duration inlineWait;
    private final Duration timeout;
    private final Duration grace;
    private final ImportSlots slots;
    private final JobTable table;
    private final JsonMapper json;
    /** The node's request slots: a page waiting for a job's end gives its slot back meanwhile ({@link #await}). */
    private final RequestSlots door;
    private volatile long lastSweep;
    private volatile boolean running;

    Jobs(@Value("${anju.jobs.inline-wait-ms:800}") long inlineWaitMillis,
         @Value("${anju.jobs.heartbeat-timeout:15s}") Duration timeout,
         @Value("${spring.lifecycle.timeout-per-shutdown-phase:30s}") Duration grace,
         ImportSlots slots, JsonMapper json, RequestSlots door) {
        this.door = door;
        this.inlineWait = Duration.ofMillis(inlineWaitMillis);
        this.timeout = timeout;
        this.grace = grace;
        this.slots = slots;
        this.table = slots.table();
        this.json = json;
    }

    /**
     * Why a job ended without a result: the kind (a {@link Refusal.Kind}'s name, {@link #INPUT} for a file's
     * problems, {@link #INTERRUPTED}, {@link #FAULT} for a bug, logged with the id its message names), the Chinese
     * text the page shows, and a file's problems one by one.
     */
    public record Failure(String kind, String message, List<String> problems) {

        public static final String INPUT = "INPUT";
        public static final String INTERRUPTED = "INTERRUPTED";
        public static final String FAULT = "FAULT";
        /**
         * The job wrote (committed), but its node stopped before storing the result: 已完成 without a summary when the
         * import wrote; 中断 with {@link #PREVIEW_WRITTEN_MESSAGE} when a preview kept its file (its result, the
         * preview, is lost with the node). Either is replaced by the job's own end if its node was only slow.
         */
        public static final String WRITTEN = "WRITTEN";
        public static final String INTERRUPTED_MESSAGE = "导入中断：处理它的服务器已停止，未写入任何数据；请重新导入";
        public static final String WRITTEN_MESSAGE = "导入已写入，但处理它的服务器随后停止，未能保存导入结果的摘要；请到相应列表中核对，不要重复导入";
        public static final String PREVIEW_WRITTEN_MESSAGE = "预览中断：处理它的服务器已停止，预览未能显示，未导入任何数据；请重新上传文件预览";

        public Failure {
            problems = problems == null ? List.of() : List.copyOf(problems);
        }

        static Failure of(Throwable e) {
            if (e instanceof Refusal r) {
                return new Failure(r.kind().name(), r.getMessage(), e instanceof ListsProblems l ? l.problemTexts() : List.of());
            }
            if (e instanceof ListsProblems l) {
                return new Failure(INPUT, e.getMessage(), l.problemTexts());
            }
            return new Failure(FAULT, Failures.message(Failures.record(e)), List.of());
        }

        static Failure interrupted() {
            return new Failure(INTERRUPTED, INTERRUPTED_MESSAGE, List.of());
        }

        static Failure written() {
            return new Failure(WRITTEN, WRITTEN_MESSAGE, List.of());
        }

        static Failure previewWritten() {
            return new Failure(WRITTEN, PREVIEW_WRITTEN_MESSAGE, List.of());
        }

        /** A bug, not a reason the user can act on. */
        public boolean fault() {
            return FAULT.equals(kind);
        }

        /** The HTTP status a page answers with: the refusal's, 400 for a file's problems, 409 when interrupted. */
        public int status() {
            return switch (kind) {
                case FAULT -> 500;
                case INPUT -> 400;
                case INTERRUPTED, WRITTEN -> 409;
                default -> Refusal.Kind.valueOf(kind).status();
            };
        }

        /**
         * Shown on the import's page as a reason, with {@link #status()} (bad input, a conflict, a stale plan, busy, a
         * file's problems, interrupted); the others go on to the error handling as {@link #asException()} (403, 404,
         * and a fault's 500), as they did when jobs were in memory.
         */
        public boolean shownOnPage() {
            return switch (kind) {
                case "BAD_INPUT", "CONFLICT", "STALE", "BUSY", INPUT, INTERRUPTED, WRITTEN -> true;
                default -> false;
            };
        }

        /** The refusal again, typed by its kind (a fault: an exception the error handling logs with a new id). */
        public RuntimeException asException() {
            return switch (kind) {
                case "BAD_INPUT" -> new BadInput(message);
                case "NOT_FOUND" -> new NotFound(message);
                case "CONFLICT", INTERRUPTED, WRITTEN -> new Conflict(message);
                case "STALE" -> new ConcurrentUpdateException(message);
                case "DENIED" -> new Denied(message);
                case "BUSY" -> new ImportSlots.Busy(message);
                default -> new IllegalStateException("导入任务出错：" + message);
            };
        }
    }

    /** A job's result, read back as its record type. */
    public interface Result {
        <T> T as(Class<T> type);
    }

    /** What a page shows of a job. */
    public record Snapshot(String id, String title, List<String> stages, JobState state, String stage, long done,
                           long total, int queueAhead, Failure failure, Result stored) {

        public boolean finished() {
            return state.finished();
        }

        /** Percent of the current stage's rows, 0–100 (0 when not counted). */
        public int percent() {
            return total <= 0 ? 0 : (int) Math.max(0, Math.min(100, done * 100 / total));
        }

        /** The result of a finished job (null otherwise), as {@code type}: the record the work returned. */
        public <T> T result(Class<T> type) {
            return stored == null ? null : stored.as(type);
        }

        /** What a JSON client reads ({@code GET /api/import-jobs/{id}}). */
        public View view() {
            return new View(id, title, state.name(), state.label(), stage, done, total, percent(), queueAhead,
                    failure == null ? null : failure.message(), failure == null ? List.of() : failure.problems());
        }
    }

    /**
     * An import job as the API shows it.
     *
     * @param state      QUEUED, RUNNING, FINISHED, FAILED or INTERRUPTED
     * @param stateName  排队中, 进行中, 已完成, 失败, 中断
     * @param stage      the stage now (读取文件, 校验, 写入, …; 排队中 while waiting, 完成 once finished)
     * @param queueAhead imports waiting before it on its node
     * @param message    why it failed or was interrupted (nothing was written); null otherwise
     */
    public record View(String id, String title, String state, String stateName, String stage, long done, long total,
                       int percent, int queueAhead, String message, List<String> problems) {
    }

    /**
     * Starts {@code work} (which binds its own actor: the caller's, see {@code Access.runAs}) for {@code owner}.
     *
     * @return the job's id
     */
    public String start(String owner, String title, List<String> stages, Supplier<?> work) {
        sweepNowAndThen();
        // refused at once, before anything is read, when the user or the node has too many imports going
        Job job = new Job(owner, title, stages, true);
        ImportSlots.Place place = slots.reserve(job);
        local.put(job.id, job);
        try {
            submit(job, place, work);
        } catch (RuntimeException e) {
            slots.cancel(place); // not started (the executor is shutting down): the place goes back, no trace
            local.remove(job.id);
            if (e instanceof java.util.concurrent.RejectedExecutionException) {
                // the node began stopping between the place and the start: the same refusal as a moment later (429),
                // not a 500 (second operator trial: a commit sent just before SIGTERM with a 1 s shutdown timeout)
                throw ImportSlots.stopping();
            }
            throw e;
        }
        return job.id;
    }

    private void submit(Job job, ImportSlots.Place place, Supplier<?> work) {
        executor.submit(() -> {
            job.worker = Thread.currentThread();
            // the place is given back after the end is written, however the job ended: given back first (a
            // try-with-resources closes before its catch blocks), a failed job left the node's live jobs before its
            // end was stored, and a stopping node could interrupt that write — other nodes then showed 中断 for a
            // job that had failed with the file's problems (review)
            try {
                // its import turn, then one of the node's request slots: its connection counts among the requests'
                // (RequestSlots#takeForJob); the page shows 排队中 meanwhile
                boolean[] slot = new boolean[1];
                place.awaitTurn(() -> slot[0] = door.takeForJob());
                Object result;
                try {
                    result = JobProgress.reporting(job, work);
                } finally {
                    if (slot[0]) {
                        door.giveBackForJob();
                    }
                }
                ended(job, JobState.FINISHED, result, null);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                ended(job, JobState.INTERRUPTED, null, Failure.interrupted());
            } catch (RuntimeException e) {
                if (fenced(e) || job.state == JobState.INTERRUPTED) {
                    // marked 中断 before the import could commit: its transaction rolled back (JobFence). Or by the
                    // node's stop, which then interrupted this thread: the JDBC call it cut ("Closed by interrupt") is
                    // how the import ended, not a fault to log with an error id (second operator trial)
                    ended(job, JobState.INTERRUPTED, null, Failure.interrupted());
                    return;
                }
                ended(job, JobState.FAILED, null, Failure.of(e));
            } catch (Error e) {
                ended(job, JobState.FAILED, null, Failure.of(new IllegalStateException("导入失败：" + e, e)));
            } finally {
                place.close();
            }
        });
    }

    private static boolean fenced(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof JobFence.Fenced) {
                return true;
            }
        }
        return false;
    }

    /**
     * Writes the end to the row (its own transaction, after the import's), then lets waiting pages go on. A row that
     * had ended already was marked 中断 before the import wrote anything (an import that wrote is never marked, see
     * {@link JobFence}): this node then shows 中断 too, as every other node does.
     */
    private void ended(Job job, JobState state, Object result, Failure failure) {
        try {
            if (!slots.silent()) {
                byte[] stored = result == null ? null : gzipJson(result);
                java.util.OptionalLong lsn = table.end(job, state, stored, failure);
                if (lsn.isEmpty()) {
                    if (state != JobState.INTERRUPTED) {
                        log.warn("导入任务 {} 在结束前已被标为中断（未写入数据）：显示为中断", job.id);
                    }
                    state = JobState.INTERRUPTED;
                    result = null;
                    failure = Failure.interrupted();
                } else {
                    job.writtenLsn = lsn.getAsLong();
                }
            }
        } catch (RuntimeException e) {
            // the page on this node still shows the end; other nodes see the job stop heartbeating (中断, or
            // 已完成 without a summary when the import wrote)
            log.warn("导入任务 {} 的结果未能写入数据库：{}", job.id, e.toString());
        }
        job.endedAt = System.nanoTime();
        job.end(state, result, failure);
    }

    private byte[] gzipJson(Object result) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(bytes, 1 << 16)) {
            json.writeValue(gz, result);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    private <T> T fromGzipJson(byte[] stored, Class<T> type) {
        try (GZIPInputStream gz = new GZIPInputStream(new ByteArrayInputStream(stored), 1 << 16)) {
            return json.readValue(gz, type);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The job, after waiting for it to finish at most the configured inline wait ({@code anju.jobs.inline-wait-ms}):
     * a small file's result comes back at once, a large one's progress is polled.
     */
    public Snapshot awaitBriefly(String id, String owner) {
        return await(id, owner, inlineWait);
    }

    /** The job as it is now, on whichever node it runs. */
    public Snapshot get(String id, String owner) {
        sweepNowAndThen();
        Job job = local.get(id);
        if (job != null) {
            if (!job.owner.equals(owner)) {
                throw unknown(id);
            }
            return snapshot(job);
        }
        JobTable.Row row = table.find(id).filter(r -> r.owner().equals(owner)).orElseThrow(() -> unknown(id));
        return snapshot(row);
    }

    /**
     * The job's end (for a page without JavaScript, which cannot poll). The wait can be minutes (the job's turn, then
     * its run): the request gives its slot back meanwhile, or a few such pages would hold every slot of the node, and
     * an API import that had its turn would wait for a slot they hold.
     */
    public Snapshot await(String id, String owner) {
        return door.awayWhile(() -> await(id, owner, null));
    }

    private Snapshot await(String id, String owner, Duration atMost) {
        Job job = local.get(id);
        if (job != null && job.owner.equals(owner)) {
            try {
                if (atMost == null) {
                    job.done.await();
                } else {
                    job.done.await(atMost.toMillis(), TimeUnit.MILLISECONDS);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return snapshot(job);
        }
        // another node's job: polled
        long until = atMost == null ? Long.MAX_VALUE : System.nanoTime() + atMost.toNanos();
        Snapshot s = get(id, owner);
        while (!s.finished() && System.nanoTime() < until) {
            try {
                Thread.sleep(250);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return s;
            }
            s = get(id, owner);
        }
        return s;
    }

    private static NotFound unknown(String id) {
        // someone else's job is as unknown as a missing one: ids reveal nothing
        return new NotFound("导入任务不存在或已过期：" + id);
    }

    private Snapshot snapshot(Job job) {
        // read the end first: once ended, the rest is final
        JobState state = job.state;
        Object result = job.result;
        if (state.finished()) {
            ReadReplicaRouting.sawWrite(job.writtenLsn);
        }
        Result stored = state == JobState.FINISHED ? new Result() {
            @Override
            public <T> T as(Class<T> type) {
                return type.cast(result);
            }
        } : null;
        return new Snapshot(job.id, job.title, job.stages, state, job.stage(), state.finished() ? 0 : job.doneSteps(),
                state.finished() ? 0 : job.total(), job.queueAhead, job.failure, stored);
    }

    private Snapshot snapshot(JobTable.Row row) {
        if (!row.state().finished() && row.state().seenAfter(row.silentMillis(), timeout.toMillis()) == JobState.INTERRUPTED) {
            // its node is gone: marked for every node — 中断, or, when its import wrote, 已完成 without a summary — and
            // shown as marked, read again: an import committing while the row was read first (its node alive but
            // unheard of) is found written by the sweep, which waits for the row's lock; shown from the first read it
            // was 中断 "未写入任何数据" (review). Not marked (the sweep failed, or the node was heard of again): shown
            // as stored, still going, and looked at again at the next poll
            sweep();
            JobTable.Row again = table.find(row.id()).orElse(row);
            return snapshot(again, again.state());
        }
        return snapshot(row, row.state());
    }

    private Snapshot snapshot(JobTable.Row row, JobState state) {
        Failure failure = row.errorKind() == null ? null
                : new Failure(row.errorKind(), row.errorMessage(), row.problems());
        if (state.finished()) {
            ReadReplicaRouting.sawWrite(row.writtenLsn()); // the owner's next pages read what the import wrote
        }
        String stage = switch (state) {
            case FINISHED -> "完成";
            case FAILED, INTERRUPTED -> state.label();
            case QUEUED -> "排队中";
            case RUNNING -> row.stage() == null ? "排队中" : row.stage();
        };
        byte[] bytes = row.result();
        Result stored = state == JobState.FINISHED && bytes != null ? new Result() {
            @Override
            public <T> T as(Class<T> type) {
                return fromGzipJson(bytes, type);
            }
        } : null;
        return new Snapshot(row.id(), row.title(), row.stages(), state, stage,
                state.finished() ? 0 : row.done(), state.finished() ? 0 : row.total(),
                state == JobState.QUEUED ? row.queueAhead() : 0, failure, stored);
    }

    /** Dead and expired jobs, looked for at most every 10 s by this node (no scheduler needed). */
    private void sweepNowAndThen() {
        long now = System.nanoTime();
        if (now - lastSweep > SWEEP.toNanos()) {
            lastSweep = now;
            sweep();
        }
    }

    private void sweep() {
        long now = System.nanoTime();
        local.values().removeIf(j -> j.endedAt != 0 && now - j.endedAt > KEEP.toNanos());
        if (slots.silent()) {
            return;
        }
        try {
            table.sweep(KEEP);
        } catch (RuntimeException e) {
            log.warn("导入任务清理失败：{}", e.toString());
        }
    }

    /**
     * Queued and running imports, on this node and in the whole cluster (jobs whose node is alive), for a metrics
     * gauge.
     */
    public record Counts(int queuedHere, int runningHere, long queuedCluster, long runningCluster) {
    }

    public Counts counts() {
        int[] here = slots.localCounts();
        long[] all = table.clusterCounts();
        return new Counts(here[0], here[1], all[0], all[1]);
    }

    // ---- graceful shutdown ------------------------------------------------------------------------------------

    @Override
    public void start() {
        // a stop is not always the end: Spring pauses an idle context (stop) and restarts it (start), as its test
        // context cache does; a node must then take imports again
        slots.open();
        if (executor.isShutdown()) {
            executor = Executors.newVirtualThreadPerTaskExecutor();
        }
        running = true;
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    @Override
    public void stop() {
        stop(() -> {
        });
    }

    /**
     * Takes no new jobs, lets the running ones finish within the shutdown phase's time (less a second to write),
     * then marks the rest 中断 (those whose import has not written) and interrupts them. Stopped after the drain and
     * before the web server ({@link #PHASE}), so pages keep polling meanwhile.
     */
    @Override
    public void stop(Runnable callback) {
        slots.close();
        Thread.ofVirtual().name("anju-jobs-stop").start(() -> {
            try {
                long until = System.nanoTime() + Math.max(0, grace.toMillis() - 1000) * 1_000_000;
                while (!slots.liveJobs().isEmpty() && System.nanoTime() < until) {
                    Thread.sleep(100);
                }
                List<Job> left = slots.liveJobs().stream().filter(j -> j.pageJob).toList();
                if (!left.isEmpty()) {
                    // only jobs whose import has not written are marked (one committing is waited for, JobFence);
                    // their imports roll back when interrupted, or at their commit at the latest
                    java.util.Set<String> marked = new java.util.HashSet<>(slots.silent()
                            ? left.stream().map(j -> j.id).toList()
                            : table.interrupt(left.stream().map(j -> j.id).toList()));
                    log.warn("停止服务：{} 个导入未能在 {} 内完成，{} 个标为中断", left.size(), grace, marked.size());
                    for (Job j : left) {
                        if (marked.contains(j.id)) {
                            j.endedAt = System.nanoTime();
                            j.end(JobState.INTERRUPTED, null, Failure.interrupted());
                            Thread worker = j.worker;
                            if (worker != null) {
                                worker.interrupt();
                            }
                        }
                    }
                    // the ones that wrote store their end now
                    long written = System.nanoTime() + 1_000_000_000L;
                    while (slots.liveJobs().stream().anyMatch(j -> !marked.contains(j.id)) && System.nanoTime() < written) {
                        Thread.sleep(50);
                    }
                }
                executor.shutdownNow();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (RuntimeException e) {
                log.warn("停止服务时未能标记中断的导入：{}", e.toString());
            } finally {
                running = false;
                callback.run();
            }
        });
    }

    @Override
    public int getPhase() {
        return PHASE;
    }

    /**
     * Stops after {@link ShutdownDrain} (lifecycles stop from the highest phase down), before the web server: in the
     * same phase as the drain, it stopped first and refused every import (429 "服务器正在停止") for the whole drain,
     * while the balancer still sent users here, and the drain came out of the running imports' time (review of
     * issue 15, admission).
     */
    static final int PHASE = ShutdownDrain.PHASE - 1;
}
