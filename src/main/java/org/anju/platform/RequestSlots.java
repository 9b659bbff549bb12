package org.anju.platform;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.Ordered;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/**
 * Admission at the door: at most {@code anju.web.concurrent-requests} (ANJU_CONCURRENT_REQUESTS; default as many as
 * the node's pool has connections) requests of a node are served at once; the others wait their turn, first come first
 * served, up to {@code anju.web.request-wait} (ANJU_REQUEST_WAIT, default 30 s), then get {@link ServiceBusy}'s 503.
 *
 * <p>Why (issue 15, docs/PERFORMANCE.md "Fifth session"): a page takes the pool's connections one after another — the
 * session's read, the user, the handler's transactions, the session's save — each with its own pool timeout. On nodes
 * started at the month's peak, hundreds of requests were let in at once; while the cold JVMs compiled, every one of
 * them competed at the pool four times over, and those that lost one race past the 5 s timeout failed (235 of a run's
 * 36,151, all in its first 2.5 minutes), some after their page had begun. Here a request that is let in finds a
 * connection whenever it needs one, since a request holds one connection at a time ({@link HeldConnections}), and a
 * request that waits holds nothing but its virtual thread.
 *
 * <p>Not counted: static files and the actuator (the balancer's health checks must not queue behind pages), a body
 * while it arrives — a form's, an upload's, a small JSON record's ({@link #receive}) — and waits that need no slot
 * ({@link #awayWhile}): a sign-in's turn for its password check, an API import's turn, a page without JavaScript waiting
 * for its import's end.
 */
@Component
public class RequestSlots extends OncePerRequestFilter implements Ordered {

    /** Served without a slot: they read no database (the actuator's health reads it, but must answer at once). */
    private static final List<String> FREE =
            List.of("/css/", "/js/", "/webjars/", "/geo/", "/actuator/", "/favicon.ico");

    /** Whether this thread's request holds a slot now. */
    private static final ThreadLocal<Boolean> HOLDING = new ThreadLocal<>();

    /**
     * Bytes of small bodies received before their turn, held at once (16 MB: 64 of the largest, a fraction of a node's
     * heap; more wait for their turn unread, as before).
     */
    static final int BODY_BUDGET = 16 * 1024 * 1024;
    /**
     * How long a small body may take to arrive: haproxy's {@code timeout http-request} (scripts/cluster), not the door's
     * wait — an operator may set that to 0 s (no waiting at all), and a body of more than one read (8 KB) then had none.
     */
    static final Duration BODY_DEADLINE = Duration.ofSeconds(30);

    /**
     * Bytes of uploads (multipart bodies) held in memory at once, over all requests of the node (128 MB: five of the
     * largest, on the 1 GB heap the cluster runs with). Uploads are never written to the node's disk
     * ({@code spring.servlet.multipart.file-size-threshold} above the largest request): Tomcat spooled every part to a
     * file under its work directory — the file with ID numbers in clear for the whole request, for good after a
     * kill -9 (review of issue 15, jobs). More wait up to the door's wait, then 503.
     */
    static final int UPLOAD_BUDGET = 128 * 1024 * 1024;
    /**
     * The largest request the container takes ({@code spring.servlet.multipart.max-request-size}): what an upload of
     * undeclared length (chunked) is charged.
     */
    static final int UPLOAD_LARGEST = 25 * 1024 * 1024;
    private static final String UPLOAD_CHARGE = RequestSlots.class.getName() + ".upload";
    private final Semaphore uploads = new Semaphore(UPLOAD_BUDGET, true);

    private final Semaphore slots;
    /** The slots page import jobs may hold at once: all but one ({@link #takeForJob}). */
    private final Semaphore jobs;
    private final SmallBodies bodies;
    /** Requests back from {@link #awayWhile}, waiting for the next slot given back (ahead of the semaphore's line). */
    private final Queue<Returning> back = new ConcurrentLinkedQueue<>();
    private final int size;
    private final Duration wait;
    /** Test hook: runs between a release's look at the returning line and its release to the semaphore. */
    volatile Runnable beforeRelease = () -> { };
    /** Answers a request refused at the door (null in other features' tests: the exception goes up to it). */
    private final ServiceBusy busy;
    /** The largest form Tomcat reads (Spring Boot's server.tomcat.max-http-form-post-size), said when one is larger. */
    private org.springframework.util.unit.DataSize formLimit = org.springframework.util.unit.DataSize.ofMegabytes(2);

    @Autowired
    RequestSlots(DatabaseProperties database, @Value("${anju.web.concurrent-requests:0}") int concurrent,
                 @Value("${anju.web.request-wait:30s}") Duration wait, ServiceBusy busy,
                 ObjectProvider<MeterRegistry> registry,
                 @Value("${server.tomcat.max-http-form-post-size:2MB}") org.springframework.util.unit.DataSize formLimit) {
        this(concurrent > 0 ? concurrent : database.maximumPoolSize(), wait, busy);
        this.formLimit = formLimit;
        registry.ifAvailable(r -> {
            // one description for both: Prometheus shows one HELP line per name (it said "waiting" only: operator trial)
            String help = "本节点的请求：state=serving 正在处理（含运行中的页面导入），state=waiting 排队等待（静态文件、actuator 除外）";
            Gauge.builder("anju.requests.slots", this, s -> s.size - s.slots.availablePermits())
                    .description(help).tag("state", "serving").register(r);
            Gauge.builder("anju.requests.slots", this, RequestSlots::waiting)
                    .description(help).tag("state", "waiting").register(r);
        });
    }

    /** {@code size} requests served at once, the others waiting up to {@code wait} (public for others' tests). */
    public RequestSlots(int size, Duration wait) {
        this(size, wait, null);
    }

    RequestSlots(int size, Duration wait, ServiceBusy busy) {
        this(size, wait, busy, BODY_DEADLINE);
    }

    /** @param bodyDeadline how long a small body may take to arrive (shorter in tests) */
    RequestSlots(int size, Duration wait, ServiceBusy busy, Duration bodyDeadline) {
        this.busy = busy;
        this.size = size;
        this.slots = new Semaphore(size, true);
        this.jobs = new Semaphore(Math.max(size - 1, 0), true);
        this.wait = wait == null || wait.isNegative() ? Duration.ZERO : wait;
        this.bodies = new SmallBodies(BODY_BUDGET, bodyDeadline);
    }

    /** Whether the request waits for a slot (and holds one while served). */
    static boolean counted(String path) {
        return FREE.stream().noneMatch(path::startsWith);
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        if (!counted(path)) {
            chain.doFilter(request, response);
            return;
        }
        HttpServletRequest served;
        try {
            served = receive(request);
        } catch (SmallBodies.Unreceived e) {
            if (busy == null) {
                throw e;
            }
            busy.unreceived(request, response, e);
            return;
        } catch (UnreadForm e) {
            if (busy == null) {
                throw e;
            }
            busy.refused(request, response, e.status, e.title, e.getMessage());
            return;
        } catch (Overloaded e) {
            if (busy == null) {
                throw e;
            }
            busy.answer(request, response, e);
            return;
        }
        try {
            try {
                take();
            } catch (Overloaded e) {
                if (busy == null) {
                    throw e;
                }
                // answered here, inside the request metrics' filter, so that they count it as the 503 it is
                busy.answer(served, response, e);
                return;
            }
            HOLDING.set(Boolean.TRUE);
            try {
                chain.doFilter(served, response);
            } finally {
                if (HOLDING.get() != null) {
                    release();
                }
                HOLDING.remove();
            }
        } finally {
            bodies.release(served);
            if (served.getAttribute(UPLOAD_CHARGE) instanceof Integer charged) {
                uploads.release(charged);
            }
        }
    }

    /**
     * A body that Spring Security reads before it knows the user is read here, before its request takes a slot: a form
     * (the CSRF check reads its token from it) and an upload (the same check parses it). A county's 20 MB over a slow
     * line must not hold a slot for minutes, and nobody may hold the node's slots by sending bodies slowly: measured on a
     * node with 2 slots, two sign-in forms sent at a byte a second by someone not signed in — or two API forms with the
     * anonymous session the sign-in page gives — made every other page wait its turn and then fail with 503 (issue 15,
     * sixth session; {@code BusyBrowserTest}). The container keeps what it read (the CSRF check and the handler get
     * these, not a second read), and also a failure — over the limit, a broken body — which the handler gets again and
     * reports as usual ({@link UploadLimits}); a form no handler could use — over Tomcat's form limit, or a failure the
     * container does not keep (a form it could not decode) — is refused here.
     *
     * <p>An API upload signed in with HTTP Basic is read here too: no CSRF check reads it, but the handler would, with
     * a slot held — a province's script sending a 20 MB table over a slow line held one for as long (seventh session's
     * list; haproxy passes on what exceeds its 16 KB buffer as it comes). Its credentials are checked after it arrived,
     * so a wrong password costs the upload's bytes, as behind a balancer that buffers whole bodies (nginx). Neither the
     * header nor a cookie is verified here: how many bodies arrive at once is the connector's and the balancer's limit
     * (docs/SECURITY.md).
     *
     * <p>Other bodies — the API's JSON records, read by the handler after authentication — are received here too, each
     * up to {@link SmallBodies#LARGEST}, all at once up to {@link #BODY_BUDGET}, each within {@link #BODY_DEADLINE} ({@link SmallBodies};
     * ninth session's list: one over haproxy's 16 KB sent slowly held a slot). Not read here: a request with neither
     * credentials nor a cookie — Spring Security refuses it unread ({@code WebSecurity}), except a page's form, which
     * the sign-in is — and a form sent with PUT, PATCH or DELETE, which nothing reads: the container parses only a
     * POST's form, and Spring's {@code FormContentFilter}, which would read it holding a slot, is off (application.yml).
     *
     * @return the request to serve: {@code request}, or one whose body {@link SmallBodies} received
     * @throws SmallBodies.Unreceived a small body that did not arrive whole in time, answered without a slot
     */
    private HttpServletRequest receive(HttpServletRequest request) {
        String authorization = request.getHeader("Authorization");
        boolean basic = authorization != null && authorization.regionMatches(true, 0, "Basic ", 0, 6);
        boolean anonymous = !basic && request.getHeader("Cookie") == null;
        if (ApiErrors.isApi(request) && anonymous) {
            return request;
        }
        String type = request.getContentType();
        boolean form = startsWith(type, "application/x-www-form-urlencoded");
        if (!form && !startsWith(type, "multipart/")) {
            // a page's JSON without any cookie: the CSRF check refuses it unread
            return anonymous ? request : bodies.receive(request);
        }
        if (!form) {
            chargeUpload(request);
        }
        try {
            if (form) {
                request.getParameterMap();
            } else {
                request.getParts();
            }
        } catch (IOException | ServletException | RuntimeException e) {
            // left for the handler, which meets the same failure — unless the container forgot it: a form it could not
            // decode (a name in GBK, %ZZ) throws once and then reads as empty, so the CSRF check found no token and
            // answered "请求已失效", and a handler would have taken what was left for the whole form
            if (form && e instanceof org.apache.tomcat.util.http.InvalidParameterException p && p.getErrorCode() == 413) {
                // kept, but no handler could use it: Spring Boot's English JSON answered ("Content Too Large"), a page too
                throw new UnreadForm(HttpStatus.CONTENT_TOO_LARGE, "表单过大", "表单内容超过服务器接受的 " + UploadLimits.human(formLimit)
                        + "（server.tomcat.max-http-form-post-size）：大量数据请以文件上传（multipart/form-data）或 JSON 提交");
            }
            if (form && !kept(request)) {
                Refusal said = Refusal.of(e);
                throw new UnreadForm(HttpStatus.BAD_REQUEST, Refusal.Kind.BAD_INPUT.title(), said != null ? said.getMessage()
                        : "表单内容无法读取（" + e.getMessage() + "），请检查提交的内容及其编码（应为 UTF-8）");
            }
        }
        return request;
    }

    /** Whether the container throws its form's failure again when the parameters are read once more. */
    private static boolean kept(HttpServletRequest request) {
        try {
            request.getParameterNames();   // not the map: Tomcat's map, once made, answers without parsing
            return false;
        } catch (RuntimeException again) {
            return true;
        }
    }

    /** A form no handler could use (too large, or one the container will not say it could not read): refused here. */
    static final class UnreadForm extends RuntimeException {

        final HttpStatus status;
        final String title;

        UnreadForm(HttpStatus status, String title, String message) {
            super(message, null, false, false);
            this.status = status;
            this.title = title;
        }
    }

    /**
     * Takes the upload's bytes from {@link #UPLOAD_BUDGET} before it is read into memory, waiting up to the door's wait;
     * given back when the request is served. A declared length over the largest request is charged as the largest:
     * the container refuses it at that size.
     *
     * @throws Overloaded the budget stayed short for the whole wait
     */
    private void chargeUpload(HttpServletRequest request) {
        long declared = request.getContentLengthLong();
        int charge = declared <= 0 || declared > UPLOAD_LARGEST ? UPLOAD_LARGEST : (int) declared;
        boolean taken;
        try {
            taken = uploads.tryAcquire(charge, wait.toNanos(), TimeUnit.NANOSECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new Overloaded("等待接收上传文件时被中断");
        }
        if (!taken) {
            throw new Overloaded("同时接收的上传文件已达 " + UPLOAD_BUDGET / (1024 * 1024) + " MB，等待超过 "
                    + wait.toSeconds() + " 秒");
        }
        request.setAttribute(UPLOAD_CHARGE, charge);
    }

    /** Bytes of the uploads' budget free now (for tests). */
    int uploadsFree() {
        return uploads.availablePermits();
    }

    private static boolean startsWith(String type, String prefix) {
        return type != null && type.regionMatches(true, 0, prefix, 0, prefix.length());
    }

    /**
     * Runs {@code work} — a wait that needs neither the database nor this node's processors, such as a sign-in's turn
     * for its password check — with this thread's slot given back, and takes a slot again after it, ahead of the line
     * ({@link #takeBack}). Without a slot held (not a request, a free path), just runs it.
     *
     * @throws Overloaded no slot again within the wait; {@code work}'s result is then lost. A failure of {@code work}
     *                    itself is thrown as it is, with or without a slot again (the request then only answers it)
     */
    public <T> T awayWhile(Supplier<T> work) {
        if (HOLDING.get() == null) {
            return work.get();
        }
        HOLDING.remove();
        release();
        T result;
        try {
            result = work.get();
        } catch (RuntimeException | Error e) {
            // the request goes on to answer this failure; with a slot if it gets one in time, else without
            try {
                takeBack();
                HOLDING.set(Boolean.TRUE);
            } catch (Overloaded busy) {
                e.addSuppressed(busy);
            }
            throw e;
        }
        takeBack();
        HOLDING.set(Boolean.TRUE);
        return result;
    }

    /**
     * A slot again for a request back from {@link #awayWhile}, ahead of the line: it has waited its turn once and done
     * part of its work (a sign-in its password check); behind the line it would wait twice — measured, the sign-ins
     * were the slowest requests of cold runs (docs/PERFORMANCE.md, "Fifth session"). The next slot given back is handed
     * to it directly ({@link #release}); a slot free now is taken at once.
     */
    private void takeBack() {
        if (slots.tryAcquire()) {
            return;
        }
        Returning me = new Returning();
        back.add(me);
        // a slot given back before this one stood in the returning line went to the semaphore: take it from there
        if (slots.tryAcquire()) {
            if (me.abandon()) {
                back.remove(me);
            } else {
                release();   // handed one meanwhile as well: keep one
            }
            return;
        }
        boolean granted;
        try {
            granted = me.granted.await(wait.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            granted = false;
        }
        if (!granted && me.abandon()) {
            back.remove(me);
            throw new Overloaded("已有 " + size + " 个请求在处理，返回后等待超过 " + wait.toSeconds() + " 秒");
        }
    }

    /**
     * A slot for a page import job while it runs, taken in the line with the requests, as long as it takes (the
     * node's stop interrupts the wait). The job's transaction holds a pooled connection as long as a request, and far
     * longer: outside the door, two page imports left the admitted requests 8 connections for 10 slots, and with a pool
     * of 2 every admitted request failed after the pool's wait (review 2026-12-02, admission finding 2). Jobs hold at
     * most all slots but one, so that requests — the job's own progress polls among them — always have one; with a
     * single slot a job takes none (else it could never run beside its page). Give it back with {@link #giveBackForJob}.
     *
     * @return whether a slot was taken
     */
    boolean takeForJob() throws InterruptedException {
        if (size < 2) {
            return false;
        }
        jobs.acquire();
        try {
            slots.acquire();
        } catch (InterruptedException e) {
            jobs.release();
            throw e;
        }
        return true;
    }

    /** Gives back the slot {@link #takeForJob} took. */
    void giveBackForJob() {
        release();
        jobs.release();
    }

    /** Gives a slot back: to the first request back from a wait ({@link #takeBack}), else to the line. */
    private void release() {
        while (true) {
            for (Returning r; (r = back.poll()) != null; ) {
                if (r.grant()) {
                    return;
                }
            }
            beforeRelease.run();
            slots.release();
            // one may have come back between the poll and the release, found no slot and begun to wait: on an idle
            // node no other release would come to hand it one, so the slot is taken back for it
            if (back.isEmpty() || !slots.tryAcquire()) {
                return;
            }
        }
    }

    /** A request back from {@link #awayWhile} waiting for a slot handed to it: granted or abandoned, once. */
    private static final class Returning {
        private final AtomicInteger state = new AtomicInteger();
        final CountDownLatch granted = new CountDownLatch(1);

        boolean grant() {
            if (state.compareAndSet(0, 1)) {
                granted.countDown();
                return true;
            }
            return false;
        }

        boolean abandon() {
            return state.compareAndSet(0, 2);
        }
    }

    private void take() {
        boolean taken;
        try {
            taken = slots.tryAcquire(wait.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new Overloaded("等待处理时被中断");
        }
        if (!taken) {
            throw new Overloaded("已有 " + size + " 个请求在处理，排队超过 " + wait.toSeconds() + " 秒");
        }
    }

    /** How many requests the node serves at once (tests). */
    int size() {
        return size;
    }

    /** Requests being served now (for tests and the gauge). */
    int serving() {
        return size - slots.availablePermits();
    }

    /** Bytes of the small bodies' budget free now (for tests). */
    int bodyBytesFree() {
        return bodies.free();
    }

    /** Requests waiting for a slot now, in the line or back from a wait (an estimate, as the semaphore's count). */
    int waiting() {
        return slots.getQueueLength() + back.size();
    }

    /**
     * Inside {@link ServiceBusy} and the request metrics' filter (Spring Boot's, at {@code HIGHEST_PRECEDENCE + 1}: the
     * wait at the door counts in {@code http.server.requests}), outside the session repository.
     */
    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE + 3;
    }

    /** No slot within the wait: the node is busy, told as 503 + Retry-After by {@link ServiceBusy}. */
    public static final class Overloaded extends RuntimeException {
        Overloaded(String message) {
            super(message);
        }
    }
}
