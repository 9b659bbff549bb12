package org.anju.platform;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import java.time.Duration;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/**
 * How many imports run at once on this node. Reading a file and checking every row costs memory in proportion to the
 * file (bounded by the intake limits, see {@code SpreadsheetLimits}); without a bound, a handful of simultaneous
 * uploads inside those limits could still exhaust the heap and make everyone else wait. So imports — page jobs and
 * API calls alike — take one of {@code anju.imports.max-running} (2) slots, wait in a queue of at most
 * {@code anju.imports.max-queued} (20), and one user holds at most {@code anju.imports.max-per-user} (2) places,
 * running or waiting. Beyond that an import is refused at once, before its file is read, with a message saying to
 * try again shortly.
 */
@Component
public class ImportSlots {

    private final Semaphore running;
    private final int maxRunning;
    private final int maxQueued;
    private final int maxPerUser;
    private final Duration maxWait;
    private final AtomicInteger places = new AtomicInteger();
    private final ConcurrentHashMap<String, AtomicInteger> perUser = new ConcurrentHashMap<>();

    ImportSlots(@Value("${anju.imports.max-running:2}") int maxRunning,
                @Value("${anju.imports.max-queued:20}") int maxQueued,
                @Value("${anju.imports.max-per-user:2}") int maxPerUser,
                @Value("${anju.imports.max-wait-seconds:120}") int maxWaitSeconds) {
        this.running = new Semaphore(maxRunning, true);
        this.maxRunning = maxRunning;
        this.maxQueued = maxQueued;
        this.maxPerUser = maxPerUser;
        this.maxWait = Duration.ofSeconds(maxWaitSeconds);
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

    /** A place held by one import: waiting, then running; closing gives it back. */
    public final class Place implements AutoCloseable {
        private final String owner;
        private boolean holdsSlot;
        private boolean closed;

        private Place(String owner) {
            this.owner = owner;
        }

        /** Waits for a running slot (a page job waits as long as it takes; it shows 排队中 meanwhile). */
        public void awaitTurn() throws InterruptedException {
            running.acquire();
            holdsSlot = true;
        }

        /** Waits for a running slot at most {@code anju.imports.max-wait-seconds} (an API call holds a connection). */
        void awaitTurnBriefly() {
            try {
                holdsSlot = running.tryAcquire(maxWait.toMillis(), TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            if (!holdsSlot) {
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
                places.decrementAndGet();
                perUser.computeIfPresent(owner, (k, n) -> n.decrementAndGet() == 0 ? null : n);
            }
        }
    }

    /**
     * Takes a place for {@code owner}'s import, or refuses at once when the user already has their share or the
     * node's queue is full.
     */
    public synchronized Place reserve(String owner) { // with close(): the counts move together
        AtomicInteger mine = perUser.computeIfAbsent(owner, k -> new AtomicInteger());
        if (mine.incrementAndGet() > maxPerUser) {
            mine.decrementAndGet();
            throw new Busy("您已有 " + maxPerUser + " 个导入正在进行或排队，请等其完成后再导入（未写入任何数据）");
        }
        if (places.incrementAndGet() > maxRunning + maxQueued) {
            places.decrementAndGet();
            perUser.computeIfPresent(owner, (k, n) -> n.decrementAndGet() == 0 ? null : n);
            throw new Busy("服务器正在处理的导入较多（" + maxRunning + " 个进行中、" + maxQueued + " 个排队），请稍后重试（未写入任何数据）");
        }
        return new Place(owner);
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
            place.awaitTurnBriefly();
            return work.get();
        }
    }
}
