package org.anju.platform;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

/**
 * Long imports started from a page run here, off the request thread, so the browser can poll their progress
 * ({@link JobProgress}) instead of waiting on one request. They take their turn through {@link ImportSlots}: a bounded
 * number run at once, the rest wait (排队中), and a user with too many going is refused at once. The work itself is unchanged — an import stays one
 * transaction, all or nothing. A job is seen only by the user who started it; finished jobs are forgotten after
 * 30 minutes. Jobs live in memory: a restart loses the progress display, never data (an unfinished transaction
 * is rolled back).
 */
@Component
public class Jobs {

    static final Duration KEEP = Duration.ofMinutes(30);
    /** The stages of a breakdown table import, in order ({@link JobProgress#stage}). */
    public static final java.util.List<String> PLAN_STAGES = java.util.List.of("读取文件", "识别表格", "解析地区和指标",
            "校验", "保存预览", "写入");
    /** The stages of a register import (project register, reports). */
    public static final java.util.List<String> REGISTER_STAGES = java.util.List.of("读取文件", "解析地区和数据", "写入");

    private final Map<String, Job> jobs = new ConcurrentHashMap<>();
    private final ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor();
    private final Duration inlineWait;
    private final ImportSlots slots;

    Jobs(@Value("${anju.jobs.inline-wait-ms:800}") long inlineWaitMillis, ImportSlots slots) {
        this.inlineWait = Duration.ofMillis(inlineWaitMillis);
        this.slots = slots;
    }

    /** What a page shows of a job. */
    public record Snapshot(String id, String title, java.util.List<String> stages, String stage, long done, long total,
                           boolean finished, Object result, RuntimeException error) {

        /** Percent of the current stage's rows, 0–100 (0 when not counted). */
        public int percent() {
            return total <= 0 ? 0 : (int) Math.min(100, done * 100 / total);
        }
    }

    /**
     * Starts {@code work} (which binds its own actor: the caller's, see {@code Access.runAs}) for {@code owner}.
     *
     * @return the job's id
     */
    public String start(String owner, String title, java.util.List<String> stages, Supplier<?> work) {
        Instant now = Instant.now();
        jobs.values().removeIf(j -> j.finishedAt != null && j.finishedAt.plus(KEEP).isBefore(now));
        // refused at once, before anything is read, when the user or the node has too many imports going
        ImportSlots.Place place = slots.reserve(owner);
        Job job = new Job(UUID.randomUUID().toString(), owner, title, stages);
        jobs.put(job.id, job);
        try {
            submit(job, place, work);
        } catch (RuntimeException e) {
            place.close(); // not started (the executor is shutting down): the place goes back
            jobs.remove(job.id);
            throw e;
        }
        return job.id;
    }

    private void submit(Job job, ImportSlots.Place place, Supplier<?> work) {
        executor.submit(() -> {
            try (place) {
                place.awaitTurn(); // the page shows 排队中 meanwhile
                job.result = JobProgress.reporting(job, work);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                job.error = new Conflict("导入已取消（服务器正在停止），未写入任何数据；请稍后重新导入");
            } catch (RuntimeException e) {
                job.error = e;
            } catch (Error e) {
                job.error = new IllegalStateException("导入失败：" + e, e);
            } finally {
                job.finishedAt = Instant.now();
                job.done.countDown();
            }
        });
    }

    /**
     * The job, after waiting for it to finish at most the configured inline wait ({@code anju.jobs.inline-wait-ms}):
     * a small file's result comes back at once, a large one's progress is polled.
     */
    public Snapshot awaitBriefly(String id, String owner) {
        Job job = job(id, owner);
        try {
            job.done.await(inlineWait.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return job.snapshot();
    }

    /** The job as it is now. */
    public Snapshot get(String id, String owner) {
        return job(id, owner).snapshot();
    }

    /** The job's end (for a page without JavaScript, which cannot poll). */
    public Snapshot await(String id, String owner) {
        Job job = job(id, owner);
        try {
            job.done.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return job.snapshot();
    }

    private Job job(String id, String owner) {
        Job job = jobs.get(id);
        if (job == null || !job.owner.equals(owner)) {
            // someone else's job is as unknown as a missing one: ids reveal nothing
            throw new NotFound("导入任务不存在或已过期：" + id);
        }
        return job;
    }

    /** One running or finished job. */
    static final class Job {
        final String id;
        final String owner;
        final String title;
        final java.util.List<String> stages;
        final CountDownLatch done = new CountDownLatch(1);
        private final AtomicLong steps = new AtomicLong();
        private volatile String stage = "排队中";
        private volatile long total;
        volatile Object result;
        volatile RuntimeException error;
        volatile Instant finishedAt;

        Job(String id, String owner, String title, java.util.List<String> stages) {
            this.stages = stages;
            this.id = id;
            this.owner = owner;
            this.title = title;
        }

        void stage(String name, long total) {
            this.total = total;
            steps.set(0);
            this.stage = name;
        }

        void step(long n) {
            steps.addAndGet(n);
        }

        Snapshot snapshot() {
            boolean finished = done.getCount() == 0;
            return new Snapshot(id, title, stages, finished ? "完成" : stage, steps.get(), total, finished, result, error);
        }
    }
}
