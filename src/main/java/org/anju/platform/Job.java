package org.anju.platform;

import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicLong;

/**
 * One import on this node, as it goes: written to its row ({@code import_job}) by the node's ticker (progress when it
 * changed, looked at every 250 ms; a heartbeat every few seconds), so the import's own thread only sets fields (a row
 * counted is an atomic add, never a database write).
 */
final class Job {

    final String id = UUID.randomUUID().toString();
    final String owner;
    final String title;
    final List<String> stages;
    /** A page job (its owner polls it) or an API call's place (its row only counts the owner's share). */
    final boolean pageJob;
    final CountDownLatch done = new CountDownLatch(1);
    private final AtomicLong steps = new AtomicLong();
    private volatile String stage;
    private volatile long total;
    volatile JobState state = JobState.QUEUED;
    volatile int queueAhead;
    volatile Object result;
    volatile Jobs.Failure failure;
    /** The primary's WAL position after the import wrote (0: it wrote nothing), for the owner's session. */
    volatile long writtenLsn;
    /** The thread running it (interrupted when the node stops before it could finish). */
    volatile Thread worker;
    /** When it ended (System.nanoTime), 0 before. */
    volatile long endedAt;
    /** What the ticker last wrote (stage, done, total, state, queue place), to skip unchanged rows. */
    String written = "";
    long writtenAt;

    Job(String owner, String title, List<String> stages, boolean pageJob) {
        this.owner = owner;
        this.title = title;
        this.stages = List.copyOf(stages);
        this.pageJob = pageJob;
    }

    void stage(String name, long total) {
        this.total = total;
        steps.set(0);
        this.stage = name;
    }

    void step(long n) {
        steps.addAndGet(n);
    }

    /** The stage shown: 排队中 while waiting, the import's stage while running, the end's name once ended. */
    String stage() {
        JobState s = state;
        if (s == JobState.FINISHED) {
            return "完成";
        }
        if (s.finished()) {
            return s.label();
        }
        return s == JobState.QUEUED || stage == null ? "排队中" : stage;
    }

    long doneSteps() {
        return steps.get();
    }

    long total() {
        return total;
    }

    /** Ended with {@code result} or {@code failure}; whoever awaits it goes on. */
    synchronized void end(JobState state, Object result, Jobs.Failure failure) {
        if (this.state.finished()) {
            return; // marked 中断 at shutdown; the thread's own end comes too late
        }
        this.result = result;
        this.failure = failure;
        this.state = state;
        done.countDown();
    }
}
