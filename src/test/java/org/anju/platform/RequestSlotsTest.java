package org.anju.platform;

import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import tools.jackson.databind.json.JsonMapper;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntFunction;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The door's admission ({@link RequestSlots}) with {@link ServiceBusy} outside it, as the two filters are ordered in
 * the application; requests on virtual threads, as there.
 */
class RequestSlotsTest {

    private final ServiceBusy busy = new ServiceBusy(
            new DatabaseProperties(null, null, null, null, true, 10, null, Duration.ofSeconds(7), null),
            JsonMapper.builder().build());

    /** Runs {@code path} through ServiceBusy → RequestSlots → {@code body}; returns the response. */
    private MockHttpServletResponse serve(RequestSlots slots, String path, Runnable body) throws Exception {
        MockHttpServletRequest request = new MockHttpServletRequest("GET", path);
        MockHttpServletResponse response = new MockHttpServletResponse();
        busy.doFilter(request, response, (req, res) -> slots.doFilter(req, res, (r, s) -> body.run()));
        return response;
    }

    private static void await(CountDownLatch latch) {
        try {
            assertThat(latch.await(10, TimeUnit.SECONDS)).isTrue();
        } catch (InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Sends requests 0 … n−1 after those already there, each in the line before the next arrives. */
    private List<Future<MockHttpServletResponse>> line(ExecutorService requests, RequestSlots slots, int n,
                                                       IntFunction<Runnable> body) throws InterruptedException {
        List<Future<MockHttpServletResponse>> answers = new ArrayList<>();
        int before = slots.serving() + slots.waiting();
        for (int i = 0; i < n; i++) {
            Runnable mine = body.apply(i);
            answers.add(requests.submit(() -> serve(slots, "/report", mine)));
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            while (slots.serving() + slots.waiting() < before + i + 1 && System.nanoTime() < deadline) {
                Thread.sleep(2);
            }
        }
        return answers;
    }

    /** A request that holds a slot (one of {@code slots}) until {@code open} opens. */
    private record Held(Future<MockHttpServletResponse> answer, CountDownLatch open) {
    }

    /** Sends a request to {@code path} and returns once it holds its slot. */
    private Held hold(ExecutorService requests, RequestSlots slots, String path) {
        CountDownLatch holding = new CountDownLatch(1);
        CountDownLatch open = new CountDownLatch(1);
        Future<MockHttpServletResponse> answer = requests.submit(() -> serve(slots, path, () -> {
            holding.countDown();
            await(open);
        }));
        await(holding);
        return new Held(answer, open);
    }

    /** A sign-in that stepped away ({@link RequestSlots#awayWhile}) until {@code checked} opens. */
    private record Away(Future<MockHttpServletResponse> answer, CountDownLatch checked) {
    }

    /**
     * Sends a sign-in that notes "sign-in" in {@code events}, steps away until its check is done, then notes "sign-in
     * back, serving N"; returns once it is away.
     */
    private Away stepAway(ExecutorService requests, RequestSlots slots, List<String> events) {
        CountDownLatch away = new CountDownLatch(1);
        CountDownLatch checked = new CountDownLatch(1);
        Future<MockHttpServletResponse> answer = requests.submit(() -> serve(slots, "/login", () -> {
            events.add("sign-in");
            slots.awayWhile(() -> {
                away.countDown();
                await(checked);   // e.g. its turn for a password check
                return null;
            });
            events.add("sign-in back, serving " + slots.serving());
        }));
        await(away);
        return new Away(answer, checked);
    }

    @Test
    void noMoreRequestsServedAtOnceThanSlotsAndEveryOneAnswered() throws Exception {
        RequestSlots slots = new RequestSlots(2, Duration.ofSeconds(10));
        AtomicInteger inside = new AtomicInteger();
        AtomicInteger most = new AtomicInteger();
        CountDownLatch open = new CountDownLatch(1);
        try (ExecutorService requests = Executors.newVirtualThreadPerTaskExecutor()) {
            List<Future<MockHttpServletResponse>> answers = line(requests, slots, 6, n -> () -> {
                most.accumulateAndGet(inside.incrementAndGet(), Math::max);
                await(open);
                inside.decrementAndGet();
            });
            assertThat(slots.serving()).isEqualTo(2);
            assertThat(slots.waiting()).isEqualTo(4);
            open.countDown();
            for (Future<MockHttpServletResponse> a : answers) {
                assertThat(a.get(10, TimeUnit.SECONDS).getStatus()).isEqualTo(200);
            }
        }
        assertThat(most.get()).isEqualTo(2);
        assertThat(slots.serving()).isZero();
    }

    /**
     * A running page import holds a slot, as a request does (its transaction holds a connection as long, and longer):
     * the door then admits no more than the pool serves (review 2026-12-02, admission finding 2). Jobs hold all slots
     * but one — requests, the job's own progress polls among them, always have one; with a single slot a job takes none.
     */
    @Test
    void aRunningImportJobHoldsASlotAndJobsLeaveOneToRequests() throws Exception {
        RequestSlots slots = new RequestSlots(2, Duration.ofMillis(300), busy);
        try (ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor()) {
            assertThat(slots.takeForJob()).isTrue();
            assertThat(slots.serving()).isEqualTo(1);
            Held request = hold(threads, slots, "/projects");
            assertThat(slots.serving()).isEqualTo(2);
            // the door is full (a job, a request): the next request waits and is refused after the wait
            assertThat(serve(slots, "/report", () -> { }).getStatus()).isEqualTo(503);
            request.open().countDown();
            assertThat(request.answer().get(10, TimeUnit.SECONDS).getStatus()).isEqualTo(200);
            // a second job waits, although a slot is free: that one is the requests'
            Future<Boolean> second = threads.submit(slots::takeForJob);
            Thread.sleep(300);
            assertThat(second.isDone()).isFalse();
            assertThat(serve(slots, "/report", () -> { }).getStatus()).isEqualTo(200);
            slots.giveBackForJob();
            assertThat(second.get(10, TimeUnit.SECONDS)).isTrue();
            slots.giveBackForJob();
            assertThat(slots.serving()).isZero();
        }
        RequestSlots one = new RequestSlots(1, Duration.ofMillis(300), busy);
        assertThat(one.takeForJob()).isFalse();
        assertThat(serve(one, "/report", () -> { }).getStatus()).isEqualTo(200);
    }

    @Test
    void firstComeFirstServed() throws Exception {
        RequestSlots slots = new RequestSlots(1, Duration.ofSeconds(10));
        CountDownLatch open = new CountDownLatch(1);
        List<Integer> order = new CopyOnWriteArrayList<>();
        try (ExecutorService requests = Executors.newVirtualThreadPerTaskExecutor()) {
            // one slot: each body runs alone, so the order of the bodies is the order of the turns
            List<Future<MockHttpServletResponse>> answers = line(requests, slots, 6, n -> () -> {
                order.add(n);
                await(open);
            });
            assertThat(slots.waiting()).isEqualTo(5);
            open.countDown();
            for (Future<MockHttpServletResponse> a : answers) {
                assertThat(a.get(10, TimeUnit.SECONDS).getStatus()).isEqualTo(200);
            }
        }
        assertThat(order).containsExactly(0, 1, 2, 3, 4, 5);
    }

    @Test
    void aRequestNotLetInWithinTheWaitIsTold503WithRetryAfterAndNeverRuns() throws Exception {
        // answered by the door itself (as in the application), and by ServiceBusy outside it (other features' tests)
        for (RequestSlots slots : List.of(new RequestSlots(1, Duration.ofMillis(200), busy),
                new RequestSlots(1, Duration.ofMillis(200)))) {
            refusedAfterTheWait(slots);
        }
    }

    private void refusedAfterTheWait(RequestSlots slots) throws Exception {
        AtomicInteger ran = new AtomicInteger();
        try (ExecutorService requests = Executors.newVirtualThreadPerTaskExecutor()) {
            Held first = hold(requests, slots, "/");
            MockHttpServletResponse refused = serve(slots, "/report", ran::incrementAndGet);
            assertThat(refused.getStatus()).isEqualTo(503);
            assertThat(refused.getHeader("Retry-After")).isEqualTo("7");
            assertThat(refused.getContentAsString(StandardCharsets.UTF_8)).contains(ServiceBusy.MESSAGE);
            MockHttpServletResponse api = serve(slots, "/api/reports", ran::incrementAndGet);
            assertThat(api.getStatus()).isEqualTo(503);
            assertThat(api.getContentAsString(StandardCharsets.UTF_8)).contains("\"code\":\"BUSY\"");
            assertThat(ran.get()).isZero();
            first.open().countDown();
            assertThat(first.answer().get(10, TimeUnit.SECONDS).getStatus()).isEqualTo(200);
        }
        assertThat(slots.serving()).isZero();
        assertThat(serve(slots, "/report", ran::incrementAndGet).getStatus()).isEqualTo(200);   // the slot came back
        assertThat(ran.get()).isEqualTo(1);
    }

    @Test
    void staticFilesAndTheActuatorNeverWait() throws Exception {
        RequestSlots slots = new RequestSlots(1, Duration.ofMillis(100));
        try (ExecutorService requests = Executors.newVirtualThreadPerTaskExecutor()) {
            Held page = hold(requests, slots, "/");
            for (String path : List.of("/css/anju.css", "/js/anju.js", "/webjars/htmx.org/dist/htmx.min.js",
                    "/geo/china.json", "/actuator/health/readiness", "/favicon.ico")) {
                assertThat(serve(slots, path, () -> { }).getStatus()).as(path).isEqualTo(200);
            }
            assertThat(serve(slots, "/public/notice", () -> { }).getStatus()).isEqualTo(503);
            page.open().countDown();
        }
        assertThat(RequestSlots.counted("/login")).isTrue();
        assertThat(RequestSlots.counted("/cssx")).isTrue();
    }

    @Test
    void aRequestWaitingAwayGivesItsSlotToTheNextAndTakesOneAgainAfter() throws Exception {
        RequestSlots slots = new RequestSlots(1, Duration.ofSeconds(10));
        List<String> events = new CopyOnWriteArrayList<>();
        try (ExecutorService requests = Executors.newVirtualThreadPerTaskExecutor()) {
            Away signIn = stepAway(requests, slots, events);
            assertThat(slots.serving()).isZero();
            // the only slot is free while the sign-in waits: another page is served meanwhile
            assertThat(serve(slots, "/report", () -> events.add("page served")).getStatus()).isEqualTo(200);
            signIn.checked().countDown();
            assertThat(signIn.answer().get(10, TimeUnit.SECONDS).getStatus()).isEqualTo(200);
        }
        assertThat(events).containsExactly("sign-in", "page served", "sign-in back, serving 1");
        assertThat(slots.serving()).isZero();
        assertThat(slots.awayWhile(() -> "outside a request")).isEqualTo("outside a request");
        assertThat(slots.serving()).isZero();
    }

    @Test
    void aRequestBackFromAWaitGoesAheadOfTheLine() throws Exception {
        RequestSlots slots = new RequestSlots(1, Duration.ofSeconds(10));
        List<String> turns = new CopyOnWriteArrayList<>();
        try (ExecutorService requests = Executors.newVirtualThreadPerTaskExecutor()) {
            Away signIn = stepAway(requests, slots, turns);
            Held page = hold(requests, slots, "/report");   // takes the slot the sign-in gave back
            turns.add("page");
            List<Future<MockHttpServletResponse>> line = line(requests, slots, 2, n -> () -> turns.add("next " + n));
            assertThat(slots.waiting()).isEqualTo(2);
            signIn.checked().countDown();   // the sign-in is back: behind the page, ahead of the two in the line
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            while (slots.waiting() < 3 && System.nanoTime() < deadline) {
                Thread.sleep(2);
            }
            assertThat(slots.waiting()).isEqualTo(3);
            page.open().countDown();
            assertThat(signIn.answer().get(10, TimeUnit.SECONDS).getStatus()).isEqualTo(200);
            for (Future<MockHttpServletResponse> a : line) {
                assertThat(a.get(10, TimeUnit.SECONDS).getStatus()).isEqualTo(200);
            }
        }
        assertThat(turns).containsExactly("sign-in", "page", "sign-in back, serving 1", "next 0", "next 1");
        assertThat(slots.serving()).isZero();
    }

    @Test
    void aRequestBackJustAsTheLastSlotIsGivenBackIsNotLeftWaiting() throws Exception {
        RequestSlots slots = new RequestSlots(1, Duration.ofSeconds(5));
        CountDownLatch polled = new CountDownLatch(1);
        CountDownLatch back = new CountDownLatch(1);
        try (ExecutorService requests = Executors.newVirtualThreadPerTaskExecutor()) {
            Away signIn = stepAway(requests, slots, new CopyOnWriteArrayList<>());
            Held page = hold(requests, slots, "/report");
            // the page ends: it finds nobody back yet, and before its slot reaches the semaphore the sign-in comes back,
            // finds no slot and waits; no other request will come on this idle node
            java.util.concurrent.atomic.AtomicBoolean once = new java.util.concurrent.atomic.AtomicBoolean();
            slots.beforeRelease = () -> {
                if (once.compareAndSet(false, true)) {
                    polled.countDown();
                    await(back);
                }
            };
            page.open().countDown();
            await(polled);
            signIn.checked().countDown();
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            while (slots.waiting() < 1 && System.nanoTime() < deadline) {
                Thread.sleep(2);
            }
            back.countDown();
            long start = System.nanoTime();
            assertThat(signIn.answer().get(10, TimeUnit.SECONDS).getStatus()).isEqualTo(200);
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(4));   // not the wait
            assertThat(page.answer().get(10, TimeUnit.SECONDS).getStatus()).isEqualTo(200);
        }
        assertThat(slots.serving()).isZero();
        assertThat(slots.waiting()).isZero();
    }

    /**
     * A sign-in on the only slot steps away; meanwhile another request takes the slot and keeps it past the wait. The
     * sign-in's work ends with {@code result} (returned or, if it is an exception, thrown); what it then got is caught
     * into {@code thrown}. Returns the sign-in's answer.
     */
    private MockHttpServletResponse awayWhileTheSlotIsTaken(RequestSlots slots, Object result, List<Throwable> thrown)
            throws Exception {
        CountDownLatch away = new CountDownLatch(1);
        CountDownLatch taken = new CountDownLatch(1);
        CountDownLatch open = new CountDownLatch(1);
        try (ExecutorService requests = Executors.newVirtualThreadPerTaskExecutor()) {
            Future<MockHttpServletResponse> signIn = requests.submit(() -> serve(slots, "/login", () -> {
                try {
                    slots.awayWhile(() -> {
                        away.countDown();
                        await(taken);
                        if (result instanceof RuntimeException e) {
                            throw e;
                        }
                        return result;
                    });
                } catch (RuntimeException e) {
                    thrown.add(e);
                    throw e;
                }
            }));
            await(away);
            Future<MockHttpServletResponse> page = requests.submit(() -> serve(slots, "/report", () -> {
                taken.countDown();
                await(open);
            }));
            MockHttpServletResponse answer;
            try {
                answer = signIn.get(10, TimeUnit.SECONDS);
            } finally {
                open.countDown();   // the page ends whatever the sign-in got
            }
            assertThat(page.get(10, TimeUnit.SECONDS).getStatus()).isEqualTo(200);
            return answer;
        }
    }

    @Test
    void noSlotAgainAfterTheWaitAwayIsTheSame503AndNoSlotIsLost() throws Exception {
        RequestSlots slots = new RequestSlots(1, Duration.ofMillis(200));
        List<Throwable> thrown = new CopyOnWriteArrayList<>();
        assertThat(awayWhileTheSlotIsTaken(slots, "checked", thrown).getStatus()).isEqualTo(503);
        assertThat(thrown).singleElement().isInstanceOf(RequestSlots.Overloaded.class);
        assertThat(slots.serving()).isZero();
    }

    @Test
    void anUploadsBodyArrivesBeforeItTakesASlot() throws Exception {
        bodyArrivesBeforeItTakesASlot("/imports", "multipart/form-data; boundary=x", null, null);
    }

    @Test
    void aFormsBodyArrivesBeforeItTakesASlot() throws Exception {
        // measured on a real node with 2 slots: two anonymous sign-ins sent at a byte a second made every page wait and
        // fail with 503 while their bodies arrived
        bodyArrivesBeforeItTakesASlot("/login", "application/x-www-form-urlencoded;charset=UTF-8", null, null);
    }

    @Test
    void anApiFormWithACookieIsReadBeforeItsSlotAsTheCsrfCheckReadsIt() throws Exception {
        // with a session — an anonymous one from the sign-in page will do — Spring Security's CSRF check reads the form's
        // token before it knows the user; the door cannot tell a session's cookie from another, so: with any cookie
        bodyArrivesBeforeItTakesASlot("/api/reports", "application/x-www-form-urlencoded", "SESSION=made-up", null);
        // only HTTP Basic spares an API request the CSRF check (WebSecurity): another scheme with a cookie is read too
        bodyArrivesBeforeItTakesASlot("/api/reports", "application/x-www-form-urlencoded", "SESSION=made-up", "Bearer x");
    }

    /** A slow body ({@code getParts}/{@code getParameterMap} block until it is there) read holding no slot. */
    private void bodyArrivesBeforeItTakesASlot(String path, String type, String cookie, String authorization)
            throws Exception {
        RequestSlots slots = new RequestSlots(1, Duration.ofSeconds(10));
        CountDownLatch arriving = new CountDownLatch(1);
        CountDownLatch arrived = new CountDownLatch(1);
        AtomicInteger servingWhileArriving = new AtomicInteger(-1);
        MockHttpServletRequest slow = new MockHttpServletRequest("POST", path) {
            @Override
            public java.util.Collection<jakarta.servlet.http.Part> getParts() {
                arrive();
                return List.of();
            }

            @Override
            public java.util.Map<String, String[]> getParameterMap() {
                arrive();
                return java.util.Map.of();
            }

            private void arrive() {
                servingWhileArriving.set(slots.serving());
                arriving.countDown();
                await(arrived);   // a slow line: the body is still coming
            }
        };
        slow.setContentType(type);
        if (cookie != null) {
            slow.addHeader("Cookie", cookie);
        }
        if (authorization != null) {
            slow.addHeader("Authorization", authorization);
        }
        try (ExecutorService requests = Executors.newVirtualThreadPerTaskExecutor()) {
            Future<?> answer = requests.submit(() -> {
                slots.doFilter(slow, new MockHttpServletResponse(), (r, s) -> { });
                return null;
            });
            await(arriving);
            assertThat(servingWhileArriving.get()).isZero();
            // the only slot serves another page meanwhile
            assertThat(serve(slots, "/report", () -> { }).getStatus()).isEqualTo(200);
            arrived.countDown();
            answer.get(10, TimeUnit.SECONDS);
        }
        assertThat(slots.serving()).isZero();
    }

    @Test
    void aJsonRecordArrivesBeforeItTakesASlotAndItsHandlerReadsItWhole() throws Exception {
        // ninth session's list: a JSON body over haproxy's 16 KB buffer, sent slowly by a signed-in script, held a slot
        RequestSlots slots = new RequestSlots(1, Duration.ofSeconds(10));
        byte[] body = ("{\"version\":1,\"values\":[" + "{\"indicatorCode\":\"X\",\"value\":1},".repeat(1000) + "{}]}")
                .getBytes(StandardCharsets.UTF_8);
        CountDownLatch arriving = new CountDownLatch(1);
        CountDownLatch arrived = new CountDownLatch(1);
        AtomicInteger servingWhileArriving = new AtomicInteger(-1);
        int[] next = {0};
        MockHttpServletRequest slow = SlowBody.request("PUT", "/api/reports/361102/2025-01", body.length, () -> {
            if (next[0] == 0) {
                servingWhileArriving.set(slots.serving());
                arriving.countDown();
                await(arrived);   // a slow line: the rest is still coming
            }
            return next[0] < body.length ? body[next[0]++] & 0xff : -1;
        });
        slow.addHeader("Authorization", "Basic YTpi");
        try (ExecutorService requests = Executors.newVirtualThreadPerTaskExecutor()) {
            Future<byte[]> handled = requests.submit(() -> {
                byte[][] read = new byte[1][];
                slots.doFilter(slow, new MockHttpServletResponse(), (r, s) -> {
                    assertThat(slots.serving()).isEqualTo(1);
                    read[0] = r.getInputStream().readAllBytes();
                });
                return read[0];
            });
            await(arriving);
            assertThat(servingWhileArriving.get()).isZero();
            assertThat(slots.bodyBytesFree()).isEqualTo(RequestSlots.BODY_BUDGET - body.length);
            assertThat(serve(slots, "/report", () -> { }).getStatus()).isEqualTo(200);
            arrived.countDown();
            assertThat(handled.get(10, TimeUnit.SECONDS)).isEqualTo(body);
        }
        assertThat(slots.serving()).isZero();
        assertThat(slots.bodyBytesFree()).isEqualTo(RequestSlots.BODY_BUDGET);
    }

    @Test
    void aReceivedBodyRefusedAtTheDoorGivesItsBytesBack() throws Exception {
        RequestSlots slots = new RequestSlots(1, Duration.ofMillis(100), busy);
        try (ExecutorService requests = Executors.newVirtualThreadPerTaskExecutor()) {
            Held held = hold(requests, slots, "/report");
            MockHttpServletRequest save = new MockHttpServletRequest("PUT", "/api/reports/361102/2025-01");
            save.setContentType("application/json");
            save.addHeader("Cookie", "SESSION=x");
            save.setContent("{\"version\":1}".getBytes(StandardCharsets.UTF_8));
            MockHttpServletResponse refused = new MockHttpServletResponse();
            AtomicInteger ran = new AtomicInteger();
            slots.doFilter(save, refused, (r, s) -> ran.incrementAndGet());
            assertThat(refused.getStatus()).isEqualTo(503);
            assertThat(ran.get()).isZero();
            assertThat(slots.bodyBytesFree()).isEqualTo(RequestSlots.BODY_BUDGET);
            held.open().countDown();
            held.answer().get(10, TimeUnit.SECONDS);
        }
    }

    @Test
    void aSmallBodySlowerThanItsDeadlineIsAnswered408AtTheDoorWithoutASlot() throws Exception {
        // the door's own wait does not matter (0 s: no waiting at all — a body of more than one read was refused)
        RequestSlots slots = new RequestSlots(1, Duration.ZERO, busy, Duration.ofMillis(200));
        AtomicInteger servingWhileArriving = new AtomicInteger();
        MockHttpServletRequest slow = SlowBody.request("PUT", "/api/reports/361102/2025-01", 1000, () -> {
            java.util.concurrent.locks.LockSupport.parkNanos(50_000_000);   // a byte every 50 ms
            servingWhileArriving.accumulateAndGet(slots.serving(), Math::max);
            return ' ';
        });
        slow.addHeader("Authorization", "Basic YTpi");
        MockHttpServletResponse answer = new MockHttpServletResponse();
        AtomicInteger ran = new AtomicInteger();
        slots.doFilter(slow, answer, (r, s) -> ran.incrementAndGet());
        assertThat(answer.getStatus()).isEqualTo(408);
        assertThat(answer.getContentAsString(StandardCharsets.UTF_8)).contains("请求体未能收齐").contains("/ 1000 字节")
                .contains("\"code\":\"BAD_INPUT\"");
        assertThat(ran.get()).isZero();
        assertThat(servingWhileArriving.get()).isZero();
        assertThat(slots.serving()).isZero();
        assertThat(slots.bodyBytesFree()).isEqualTo(RequestSlots.BODY_BUDGET);
    }

    @Test
    void aPagesBodyWithoutAnyCookieIsLeftUnreadAndAHandlersFailureGivesTheBudgetBack() throws Exception {
        RequestSlots slots = new RequestSlots(1, Duration.ofSeconds(1), busy);
        // JSON to a page with no session at all: the CSRF check refuses it unread, so it is not received here
        MockHttpServletRequest anonymous = new MockHttpServletRequest("POST", "/reports/361102/2025-01/save");
        anonymous.setContentType("application/json");
        anonymous.setContent(new byte[100]);
        slots.doFilter(anonymous, new MockHttpServletResponse(), (r, s) -> assertThat(r).isSameAs(anonymous));
        assertThat(anonymous.getInputStream().available()).isEqualTo(100);
        // with a cookie it is; a handler that fails still gives the bytes back
        MockHttpServletRequest signedIn = new MockHttpServletRequest("POST", "/api/reports/361102/2025-01/submit");
        signedIn.setContentType("application/json");
        signedIn.addHeader("Cookie", "SESSION=x");
        signedIn.setContent(new byte[100]);
        assertThatThrownBy(() -> slots.doFilter(signedIn, new MockHttpServletResponse(), (r, s) -> {
            assertThat(r).isNotSameAs(signedIn);
            assertThat(slots.bodyBytesFree()).isEqualTo(RequestSlots.BODY_BUDGET - 100);
            throw new IllegalStateException("处理出错");
        })).hasMessage("处理出错");
        assertThat(slots.bodyBytesFree()).isEqualTo(RequestSlots.BODY_BUDGET);
        assertThat(slots.serving()).isZero();
    }

    @Test
    void anApiUploadIsReadBeforeItsSlotUnlessItCarriesNoCredentials() throws Exception {
        // without credentials nor a cookie Spring Security refuses an API request unread (no CSRF check): left unread
        // here. With HTTP Basic (and a cookie or not) it is read before its slot, as a page's form is: the handler
        // would read it with the slot held (seventh session's list: a slow script's upload held a slot while it came)
        for (String type : List.of("multipart/form-data; boundary=x", "application/x-www-form-urlencoded")) {
            for (String header : new String[] {null, "Basic", "Basic and cookie"}) {
                RequestSlots slots = new RequestSlots(1, Duration.ofSeconds(1));
                AtomicInteger reads = new AtomicInteger();
                AtomicInteger servingAtRead = new AtomicInteger(-1);
                MockHttpServletRequest upload = new MockHttpServletRequest("POST", "/api/imports") {
                    @Override
                    public java.util.Collection<jakarta.servlet.http.Part> getParts() {
                        reads.incrementAndGet();
                        servingAtRead.set(slots.serving());
                        return List.of();
                    }

                    @Override
                    public java.util.Map<String, String[]> getParameterMap() {
                        reads.incrementAndGet();
                        servingAtRead.set(slots.serving());
                        return java.util.Map.of();
                    }
                };
                upload.setContentType(type);
                if (header != null) {
                    upload.addHeader("Authorization", "Basic YTpi");
                }
                if ("Basic and cookie".equals(header)) {
                    upload.addHeader("Cookie", "SESSION=x");
                }
                AtomicInteger servingInside = new AtomicInteger(-1);
                slots.doFilter(upload, new MockHttpServletResponse(), (r, s) -> servingInside.set(slots.serving()));
                assertThat(reads.get()).as(type + ", " + header).isEqualTo(header == null ? 0 : 1);
                if (header != null) {
                    assertThat(servingAtRead.get()).as(type + ", " + header + ": read without a slot").isZero();
                }
                assertThat(servingInside.get()).isEqualTo(1);
            }
        }
    }

    /**
     * Uploads are held in memory, never spooled to the node's disk (application.yml's file-size-threshold), so how many
     * bytes of them a node holds at once is bounded here: five of the largest; the sixth waits for one to be served
     * and, past the door's wait, is answered 503 unread. Chunked uploads (no declared length) count as the largest.
     */
    @Test
    void uploadsHeldInMemoryAtOnceAreBounded() throws Exception {
        RequestSlots slots = new RequestSlots(10, Duration.ofMillis(300), busy);
        int largest = RequestSlots.UPLOAD_LARGEST;
        int fit = RequestSlots.UPLOAD_BUDGET / largest;
        assertThat(fit).isEqualTo(5);
        CountDownLatch inside = new CountDownLatch(fit);
        CountDownLatch open = new CountDownLatch(1);
        AtomicInteger parsed = new AtomicInteger();
        java.util.function.LongFunction<MockHttpServletRequest> upload = length -> {
            MockHttpServletRequest r = new MockHttpServletRequest("POST", "/api/rental/stock/import") {
                @Override
                public long getContentLengthLong() {
                    return length;
                }

                @Override
                public java.util.Collection<jakarta.servlet.http.Part> getParts() {
                    parsed.incrementAndGet();
                    return List.of();
                }
            };
            r.setContentType("multipart/form-data; boundary=x");
            r.addHeader("Authorization", "Basic YTpi");
            return r;
        };
        try (ExecutorService requests = Executors.newVirtualThreadPerTaskExecutor()) {
            List<Future<MockHttpServletResponse>> held = new ArrayList<>();
            for (int i = 0; i < fit; i++) {
                long length = i == 0 ? -1 : largest;   // the first chunked: charged as the largest
                held.add(requests.submit(() -> {
                    MockHttpServletResponse response = new MockHttpServletResponse();
                    busy.doFilter(upload.apply(length), response, (req, res) -> slots.doFilter(req, res, (r, x) -> {
                        inside.countDown();
                        await(open);
                    }));
                    return response;
                }));
            }
            await(inside);
            assertThat(slots.uploadsFree()).isEqualTo(RequestSlots.UPLOAD_BUDGET - fit * largest);

            MockHttpServletResponse sixth = new MockHttpServletResponse();
            busy.doFilter(upload.apply(largest), sixth, (req, res) -> slots.doFilter(req, res, (r, x) -> { }));
            assertThat(sixth.getStatus()).isEqualTo(503);
            assertThat(sixth.getHeader("Retry-After")).isEqualTo("7");
            assertThat(parsed.get()).as("the sixth was not read").isEqualTo(fit);

            // a small one fits in what is left
            MockHttpServletResponse small = new MockHttpServletResponse();
            busy.doFilter(upload.apply(1024), small, (req, res) -> slots.doFilter(req, res, (r, x) -> { }));
            assertThat(small.getStatus()).isEqualTo(200);

            open.countDown();
            for (Future<MockHttpServletResponse> f : held) {
                assertThat(f.get(10, TimeUnit.SECONDS).getStatus()).isEqualTo(200);
            }
        }
        assertThat(slots.uploadsFree()).as("all given back").isEqualTo(RequestSlots.UPLOAD_BUDGET);
        assertThat(slots.serving()).isZero();
    }

    @Test
    void aFailureWhileAwayIsThrownAsItIsEvenWithoutASlotAgain() throws Exception {
        RequestSlots slots = new RequestSlots(1, Duration.ofMillis(200));
        List<Throwable> thrown = new CopyOnWriteArrayList<>();
        // not a 503: the request answers its own failure (here a bug, so it goes up as one)
        assertThatThrownBy(() -> awayWhileTheSlotIsTaken(slots, new IllegalStateException("登录核验排队超过 30 秒"), thrown))
                .hasRootCauseInstanceOf(IllegalStateException.class).hasStackTraceContaining("登录核验");
        assertThat(thrown).singleElement().satisfies(e -> {
            assertThat(e).isInstanceOf(IllegalStateException.class).hasMessageContaining("登录核验");
            assertThat(e.getSuppressed()).singleElement().isInstanceOf(RequestSlots.Overloaded.class);
        });
        assertThat(slots.serving()).isZero();   // neither lost nor given back twice
        assertThat(serve(slots, "/report", () -> { }).getStatus()).isEqualTo(200);
    }

    @Test
    void underARushOfRequestsSteppingAwayAndTimingOutNoSlotIsLostOrMade() throws Exception {
        RequestSlots slots = new RequestSlots(3, Duration.ofMillis(20));
        AtomicInteger inside = new AtomicInteger();
        AtomicInteger most = new AtomicInteger();
        AtomicInteger served = new AtomicInteger();
        AtomicInteger refused = new AtomicInteger();
        try (ExecutorService requests = Executors.newVirtualThreadPerTaskExecutor()) {
            List<Future<MockHttpServletResponse>> answers = new ArrayList<>();
            for (int i = 0; i < 400; i++) {
                boolean away = i % 2 == 0;
                answers.add(requests.submit(() -> serve(slots, "/report", () -> {
                    most.accumulateAndGet(inside.incrementAndGet(), Math::max);
                    java.util.concurrent.locks.LockSupport.parkNanos(200_000);
                    if (away) {
                        inside.decrementAndGet();
                        // no slot again within the wait: Overloaded, the request ends without one (503)
                        slots.awayWhile(() -> {
                            java.util.concurrent.locks.LockSupport.parkNanos(300_000);
                            return null;
                        });
                        most.accumulateAndGet(inside.incrementAndGet(), Math::max);
                        java.util.concurrent.locks.LockSupport.parkNanos(100_000);
                    }
                    inside.decrementAndGet();
                })));
            }
            for (Future<MockHttpServletResponse> a : answers) {
                (a.get(30, TimeUnit.SECONDS).getStatus() == 200 ? served : refused).incrementAndGet();
            }
        }
        assertThat(served.get() + refused.get()).isEqualTo(400);
        assertThat(served.get()).isPositive();
        assertThat(most.get()).isEqualTo(3);   // the slots filled, never one more
        assertThat(slots.serving()).isZero();
        assertThat(slots.waiting()).isZero();
        assertThat(serve(slots, "/report", () -> { }).getStatus()).isEqualTo(200);
    }
}
