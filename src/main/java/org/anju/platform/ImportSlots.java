package org.anju.platform;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import javax.sql.DataSource;
import java.lang.management.ManagementFactory;
import java.net.InetAddress;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/**
 * How many imports run at once. Reading a file and checking every row costs memory in proportion to the
 * file (bounded by the intake limits, see {@code SpreadsheetLimits}); without a bound, a handful of simultaneous
 * uploads inside those limits could still exhaust the heap and make everyone else wait. So imports — page jobs and
 * API calls alike — take one of {@code anju.imports.max-running} (2) slots <em>of their node</em>, wait in the node's
 * queue of at most {@code anju.imports.max-queued} (20), and one user holds at most {@code anju.imports.max-per-user}
 * (2) places, running or waiting, <em>on all nodes together</em> (counted in {@code import_job}, issue 15). Beyond
 * that an import is refused at once, before its file is read, with a message saying to try again shortly.
 *
 * <p>Every place is a row of {@code import_job}; the node's ticker looks every {@code anju.jobs.progress-interval-ms}
 * (250) and writes a place's progress when it changed, and its heartbeat at least every min(5 s, heartbeat timeout / 4),
 * each in its own short transaction, on a connection of its own (a pool of one, {@code anju-jobs}): a month-end rush
 * that keeps every connection of the main pool busy must not silence a running import, or another node would mark it
 * 中断 and roll back its work for nothing.
 */
@Component
public class ImportSlots {

    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(ImportSlots.class);

    private final Semaphore running;
    private final int maxRunning;
    private final int maxQueued;
    private final int maxPerUser;
    private final Duration maxWait;
    private final AtomicInteger places = new AtomicInteger();
    /** The node's places, in the order they came (the semaphore is fair: that is the queue's order). */
    private final Set<Place> live = ConcurrentHashMap.newKeySet();
    private final ConcurrentLinkedQueue<Place> waiting = new ConcurrentLinkedQueue<>();
    private final Shares shares;
    private final JobTable table;
    private final Duration heartbeat;
    /** The node's request slots: an import on a request's thread gives its slot back while it waits for its turn. */
    private final RequestSlots door;
    private ScheduledExecutorService ticker;
    private volatile boolean closing;
    /** Test hook: a node that "died" writes nothing more (its heartbeats stop). */
    private volatile boolean silent;

    /** A user's share of imports, counted across nodes (the table) or, in a unit test, in memory. */
    interface Shares {
        /** Takes one of {@code job.owner}'s {@code maxPerUser} places, or throws {@link Busy}. */
        void take(Job job, int maxPerUser);

        /** Gives the place back (a page job's row stays: its end is written by {@link Jobs}). */
        void drop(Job job);

        /** Gives back a place that never started (refused by the node, or the node is stopping): no trace. */
        void cancel(Job job);
    }

    /** Counts in memory: one node, no table (unit tests). */
    static final class LocalShares implements Shares {
        private final ConcurrentHashMap<String, AtomicInteger> perUser = new ConcurrentHashMap<>();

        @Override
        public synchronized void take(Job job, int maxPerUser) {
            AtomicInteger mine = perUser.computeIfAbsent(job.owner, k -> new AtomicInteger());
            if (mine.incrementAndGet() > maxPerUser) {
                mine.decrementAndGet();
                throw userBusy(maxPerUser);
            }
        }

        @Override
        public synchronized void drop(Job job) {
            perUser.computeIfPresent(job.owner, (k, n) -> n.decrementAndGet() == 0 ? null : n);
        }

        @Override
        public void cancel(Job job) {
            drop(job);
        }
    }

    /** One node, in memory (unit tests). */
    ImportSlots(int maxRunning, int maxQueued, int maxPerUser, int maxWaitSeconds) {
        this(maxRunning, maxQueued, maxPerUser, maxWaitSeconds, new LocalShares(), null, Duration.ofSeconds(5),
                new RequestSlots(1, Duration.ZERO));
    }

    @Autowired
    ImportSlots(@Value("${anju.imports.max-running:2}") int maxRunning,
                @Value("${anju.imports.max-queued:20}") int maxQueued,
                @Value("${anju.imports.max-per-user:2}") int maxPerUser,
                @Value("${anju.imports.max-wait-seconds:120}") int maxWaitSeconds,
                @Value("${anju.jobs.node-name:}") String nodeName,
                @Value("${anju.jobs.heartbeat-timeout:15s}") Duration heartbeatTimeout,
                @Value("${anju.jobs.progress-interval-ms:250}") long progressMillis,
                DataSource dataSource, DatabaseConfiguration.Pools pools, RequestSlots door) {
        this(maxRunning, maxQueued, maxPerUser, maxWaitSeconds,
                new JobTable(dataSource, pools.jobs(), pools.health(), node(nodeName), heartbeatTimeout), heartbeatTimeout, progressMillis,
                door);
    }

    ImportSlots(int maxRunning, int maxQueued, int maxPerUser, int maxWaitSeconds, JobTable table,
                Duration heartbeatTimeout, long progressMillis, RequestSlots door) {
        this(maxRunning, maxQueued, maxPerUser, maxWaitSeconds, table, table,
                // heard of several times within the timeout, however slow one write is
                Duration.ofMillis(Math.max(progressMillis, Math.min(5000, heartbeatTimeout.toMillis() / 4))), door);
        ticker = Executors.newSingleThreadScheduledExecutor(Thread.ofPlatform().daemon().name("anju-import-jobs").factory());
        ticker.scheduleWithFixedDelay(this::tick, progressMillis, progressMillis, TimeUnit.MILLISECONDS);
    }

    private ImportSlots(int maxRunning, int maxQueued, int maxPerUser, int maxWaitSeconds, Shares shares,
                        JobTable table, Duration heartbeat, RequestSlots door) {
        this.door = door;
        this.running = new Semaphore(maxRunning, true);
        this.maxRunning = maxRunning;
        this.maxQueued = maxQueued;
        this.maxPerUser = maxPerUser;
        this.maxWait = Duration.ofSeconds(maxWaitSeconds);
        this.shares = shares;
        this.table = table;
        this.heartbeat = heartbeat;
    }

    /** This node's name in {@code import_job.node}: {@code anju.jobs.node-name}, else host name and process id. */
    static String node(String configured) {
        long pid = ProcessHandle.current().pid();
        if (configured != null && !configured.isBlank()) {
            return configured.strip() + ":" + pid;
        }
        try {
            return InetAddress.getLocalHost().getHostName() + ":" + pid;
        } catch (java.io.IOException e) {
            return ManagementFactory.getRuntimeMXBean().getName();
        }
    }

    JobTable table() {
        return table;
    }

    /** Too many imports at once: try again shortly (HTTP 429). */
    public static final class Busy extends IllegalStateException implements Refusal {
        Busy(String message) {
            super(message);
        }

        @Override
        public Kind kind() {
            return Kind.BUSY;
        }
    }

    /** The node is stopping: no new import, from the moment it begins (also to one that took its place just before). */
    static Busy stopping() {
        return new Busy("服务器正在停止，不再接受新的导入，请稍后重试（未写入任何数据）");
    }

    static Busy userBusy(int maxPerUser) {
        return new Busy("您已有 " + maxPerUser + " 个导入正在进行或排队，请等其完成后再导入（未写入任何数据）");
    }

    /** A place held by one import: waiting, then running; closing gives it back. */
    public final class Place implements AutoCloseable {
        final Job job;
        private volatile boolean holdsSlot;
        private boolean closed;
        private boolean cancelled;

        private Place(Job job) {
            this.job = job;
        }

        /** Waits for a running slot (a page job waits as long as it takes; it shows 排队中 meanwhile). */
        public void awaitTurn() throws InterruptedException {
            awaitTurn(() -> { });
        }

        /** What a job takes after its running slot and before it runs (its request slot), still shown 排队中. */
        interface Before {
            void take() throws InterruptedException;
        }

        /**
         * {@link #awaitTurn()}, then {@code before} while the job still shows 排队中 — a job waiting for a request slot
         * showed 进行中 at 0 % (review of this session).
         */
        void awaitTurn(Before before) throws InterruptedException {
            running.acquire();
            try {
                before.take();
            } catch (InterruptedException | RuntimeException | Error e) {
                running.release();   // not started: close() gives back only what a started place holds
                throw e;
            }
            started();
        }

        private void started() {
            holdsSlot = true;
            waiting.remove(this);
            job.queueAhead = 0;
            job.state = JobState.RUNNING;
        }

        /** Waits for a running slot at most {@code anju.imports.max-wait-seconds} (an API call holds a connection). */
        void awaitTurnBriefly() {
            boolean got = false;
            try {
                got = running.tryAcquire(maxWait.toMillis(), TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            if (got) {
                started();
            } else {
                close();
                throw new Busy("服务器正在处理的导入较多，等候超过 " + maxWait.toSeconds() + " 秒仍未轮到，请稍后重试（未写入任何数据）");
            }
        }

        @Override
        public void close() {
            synchronized (ImportSlots.this) {
                if (closed) {
                    return;
                }
                closed = true;
                if (holdsSlot) {
                    running.release();
                }
                waiting.remove(this);
                live.remove(this);
                places.decrementAndGet();
            }
            try {
                if (cancelled) {
                    shares.cancel(job);
                } else {
                    shares.drop(job);
                }
            } catch (RuntimeException e) {
                // the database is unreachable: the row stops heartbeating and no longer counts after the timeout
                log.warn("导入名额未能归还（{}）：{}", job.id, e.toString());
            }
        }
    }

    /**
     * Takes a place for {@code owner}'s import (an API call), or refuses at once when the user already has their
     * share or the node's queue is full.
     */
    public Place reserve(String owner) {
        return reserve(new Job(owner, "接口导入", List.of(), false));
    }

    /** Takes a place for a page job; refused like {@link #reserve(String)}. */
    Place reserve(Job job) {
        if (closing) {
            throw stopping();
        }
        shares.take(job, maxPerUser); // counted across nodes; refuses first, as before
        synchronized (this) {
            if (places.incrementAndGet() > maxRunning + maxQueued) {
                places.decrementAndGet();
                shares.cancel(job);
                throw busyNode();
            }
            Place place = new Place(job);
            live.add(place);
            waiting.add(place);
            return place;
        }
    }

    private Busy busyNode() {
        return new Busy("服务器正在处理的导入较多（" + maxRunning + " 个进行中、" + maxQueued + " 个排队），请稍后重试（未写入任何数据）");
    }

    /** How many of this node's places wait before {@code place} (排队中，前面还有 N 个). */
    int ahead(Place place) {
        int n = 0;
        for (Place p : waiting) {
            if (p == place) {
                return n;
            }
            n++;
        }
        return 0;
    }

    /** Queued and running places on this node. */
    int[] localCounts() {
        int queued = waiting.size();
        return new int[]{queued, Math.max(0, live.size() - queued)};
    }

    /** Gives back a place whose job could not be started at all (no trace of it stays). */
    void cancel(Place place) {
        place.cancelled = true;
        place.close();
    }

    /** Page jobs of this node not yet ended (shutdown). */
    List<Job> liveJobs() {
        return live.stream().map(p -> p.job).filter(j -> !j.state.finished()).toList();
    }

    /** No new imports from now on (the node is stopping). */
    void close() {
        closing = true;
    }

    /** Imports taken again: the context was restarted after a stop (Spring pauses and restarts cached test contexts). */
    void open() {
        closing = false;
    }

    /** Test hook: the node stops writing to {@code import_job}, as if killed (its heartbeats stop). */
    void fallSilent() {
        silent = true;
        if (ticker != null) {
            ticker.shutdownNow();
        }
    }

    boolean silent() {
        return silent;
    }

    /**
     * The ticker's turn. Whatever one turn throws is logged and the next turn comes as usual: the executor cancels a
     * periodic task for good once a run throws, and an {@link Error} (an OutOfMemoryError while a large file is read)
     * escaped the writes' own catch — the node's imports went unheard of, every other node declared them 中断 and
     * their commits were refused, until the node restarted (review).
     */
    private void tick() {
        try {
            beat();
        } catch (Throwable e) {
            log.error("导入进度的定时写入出错（下一次照常进行）：{}", e.toString());
        }
    }

    /** Writes each place's progress when it changed, and a heartbeat at least every {@code heartbeat}. */
    private void beat() {
        if (silent) {
            return;
        }
        long now = System.nanoTime();
        for (Place p : live) {
            Job job = p.job;
            if (job.state.finished()) {
                continue;
            }
            if (job.state == JobState.QUEUED) {
                job.queueAhead = ahead(p);
            }
            String stage = job.stage();
            long done = job.doneSteps();
            long total = job.total();
            JobState state = job.state;
            int ahead = job.queueAhead;
            String now1 = state + "|" + stage + "|" + done + "|" + total + "|" + ahead;
            if (now1.equals(job.written) && now - job.writtenAt < heartbeat.toNanos()) {
                continue;
            }
            try {
                table.progress(job, state, stage, done, total, ahead);
                job.written = now1;
                job.writtenAt = now;
            } catch (RuntimeException e) {
                log.warn("导入进度未能写入（{}）：{}", job.id, e.toString());
            }
        }
    }

    /** Stops the ticker (the application context closes). */
    @jakarta.annotation.PreDestroy
    void stopTicker() {
        if (ticker != null) {
            ticker.shutdownNow();
        }
    }

    /** This node's imports now: running, and waiting for a slot (the {@code anju.jobs.queue} gauge). */
    public record Usage(int running, int queued) {
    }

    /** How many imports run and wait on this node now. */
    public synchronized Usage usage() {
        int runningNow = maxRunning - running.availablePermits();
        return new Usage(runningNow, Math.max(0, places.get() - runningNow));
    }

    /**
     * The bytes of an uploaded file, read once a place is taken (call inside {@link #run}): a refused import costs no
     * memory for its file.
     */
    public static byte[] bytes(org.springframework.web.multipart.MultipartFile file) {
        try {
            return file.getBytes();
        } catch (java.io.IOException e) {
            throw new BadInput("无法读取上传的文件“" + file.getOriginalFilename() + "”（上传中断？），请重新上传");
        }
    }

    /** Runs an import on the request's thread (an API call, a form post) in a place of the signed-in user's. */
    public <T> T run(Supplier<T> work) {
        var authentication = org.springframework.security.core.context.SecurityContextHolder.getContext().getAuthentication();
        return run(authentication == null ? "" : authentication.getName(), work);
    }

    /** Runs an import on the caller's thread in a place of {@code owner}'s. */
    public <T> T run(String owner, Supplier<T> work) {
        try (Place place = reserve(owner)) {
            // the wait has its own bound (max-wait-seconds): queued imports must not hold the pages' slots
            door.awayWhile(() -> {
                place.awaitTurnBriefly();
                return null;
            });
            return work.get();
        }
    }
}
