package org.anju.platform;

import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Bodies received before their request's turn ({@link SmallBodies}): the same bytes, and every bound. */
class SmallBodiesTest {

    private static final Duration WAIT = Duration.ofSeconds(10);

    private static MockHttpServletRequest json(byte[] body) {
        MockHttpServletRequest request = new MockHttpServletRequest("PUT", "/api/reports/361102/2025-01");
        request.setContentType("application/json");
        request.setCharacterEncoding("UTF-8");
        request.setContent(body);
        return request;
    }

    @Test
    void theHandlerReadsTheSameBytesAfterTheyArrivedHere() throws Exception {
        SmallBodies bodies = new SmallBodies(1_000, WAIT);
        byte[] body = "{\"version\":3,\"values\":[{\"indicatorCode\":\"公租房\",\"value\":12}]}"
                .getBytes(StandardCharsets.UTF_8);
        MockHttpServletRequest request = json(body);
        HttpServletRequest received = bodies.receive(request);
        assertThat(received).isNotSameAs(request);
        assertThat(request.getInputStream().read()).as("the container's stream was read here").isEqualTo(-1);
        assertThat(bodies.free()).isEqualTo(1_000 - body.length);
        assertThat(received.getInputStream().readAllBytes()).isEqualTo(body);
        assertThat(received.getInputStream().isFinished()).isTrue();
        assertThatThrownBy(received::getReader).isInstanceOf(IllegalStateException.class);
        bodies.release(received);
        assertThat(bodies.free()).isEqualTo(1_000);
    }

    @Test
    void theReaderIsOneReaderInTheBodysCharsetAsTheContainersIs() throws Exception {
        SmallBodies bodies = new SmallBodies(1_000, WAIT);
        byte[] body = "{\"a\":\"公租房\"}\n{\"b\":2}".getBytes(StandardCharsets.UTF_8);
        HttpServletRequest received = bodies.receive(json(body));
        assertThat((char) received.getReader().read()).isEqualTo('{');
        // asked again (a second caller), it goes on where the first stopped: nothing lost in a first reader's buffer
        assertThat(received.getReader().readLine()).isEqualTo("\"a\":\"公租房\"}");
        assertThat(received.getReader().readLine()).isEqualTo("{\"b\":2}");
        assertThatThrownBy(received::getInputStream).isInstanceOf(IllegalStateException.class);
        MockHttpServletRequest latin = json("caf\u00e9".getBytes(StandardCharsets.ISO_8859_1));
        latin.setCharacterEncoding((String) null);
        assertThat(bodies.receive(latin).getReader().readLine()).isEqualTo("caf\u00e9");
    }

    @Test
    void aNonBlockingReaderHearsAtOnceThatEverythingIsHere() throws Exception {
        SmallBodies bodies = new SmallBodies(1_000, WAIT);
        ServletInputStream in = bodies.receive(json("{}".getBytes(StandardCharsets.UTF_8))).getInputStream();
        List<String> heard = new ArrayList<>();
        in.setReadListener(new ReadListener() {
            @Override
            public void onDataAvailable() throws IOException {
                heard.add("available " + new String(in.readAllBytes(), StandardCharsets.UTF_8));
            }

            @Override
            public void onAllDataRead() {
                heard.add("all read");
            }

            @Override
            public void onError(Throwable t) {
                heard.add("error");
            }
        });
        assertThat(heard).containsExactly("available {}", "all read");
    }

    @Test
    void largerBodiesAndBodiesOfNoDeclaredLengthAreLeftToTheHandler() throws Exception {
        SmallBodies bodies = new SmallBodies(10 * SmallBodies.LARGEST, WAIT);
        MockHttpServletRequest large = json(new byte[SmallBodies.LARGEST + 1]);
        assertThat(bodies.receive(large)).isSameAs(large);
        MockHttpServletRequest chunked = new MockHttpServletRequest("PUT", "/api/x") {
            @Override
            public long getContentLengthLong() {
                return -1;
            }
        };
        chunked.setContent(new byte[10]);
        assertThat(bodies.receive(chunked)).isSameAs(chunked);
        MockHttpServletRequest none = new MockHttpServletRequest("GET", "/api/x");
        assertThat(bodies.receive(none)).isSameAs(none);
        assertThat(bodies.free()).isEqualTo(10 * SmallBodies.LARGEST);
        // the largest is received
        MockHttpServletRequest largest = json(new byte[SmallBodies.LARGEST]);
        HttpServletRequest received = bodies.receive(largest);
        assertThat(received).isNotSameAs(largest);
        assertThat(bodies.free()).isEqualTo(9 * SmallBodies.LARGEST);
        bodies.release(received);
        bodies.release(large);   // one that was not received gives nothing back
        assertThat(bodies.free()).isEqualTo(10 * SmallBodies.LARGEST);
    }

    @Test
    void aBodyOverTheBudgetLeftIsLeftToTheHandlerUntilBudgetIsGivenBack() throws Exception {
        SmallBodies bodies = new SmallBodies(100, WAIT);
        HttpServletRequest first = bodies.receive(json(new byte[60]));
        MockHttpServletRequest second = json(new byte[60]);
        assertThat(bodies.receive(second)).as("40 bytes left").isSameAs(second);
        assertThat(second.getInputStream().readAllBytes()).hasSize(60);   // unread here
        bodies.release(first);
        assertThat(bodies.free()).isEqualTo(100);
        MockHttpServletRequest third = json(new byte[60]);
        assertThat(bodies.receive(third)).isNotSameAs(third);
        assertThat(bodies.free()).isEqualTo(40);
    }

    /** A body declaring 50 bytes whose stream sends 3, then fails with {@code failure} or sends a byte now and then. */
    private static MockHttpServletRequest sending3Then(IOException failure, long pauseMillis) {
        int[] sent = {0};
        return SlowBody.request("PUT", "/api/x", 50, () -> {
            if (sent[0] < 3) {
                sent[0]++;
                return 'x';
            }
            if (failure != null) {
                throw failure;
            }
            try {
                Thread.sleep(pauseMillis);   // a byte now and then
            } catch (InterruptedException e) {
                throw new IOException(e);
            }
            return 'y';
        });
    }

    @Test
    void aBodyCutShortIsRefusedHereAndHoldsNothing() {
        SmallBodies bodies = new SmallBodies(1_000, WAIT);
        IOException gone = new IOException("Connection reset");
        assertThatThrownBy(() -> bodies.receive(sending3Then(gone, 0)))
                .isInstanceOfSatisfying(SmallBodies.Unreceived.class, e -> assertThat(e.status()).isEqualTo(400))
                .hasMessage("请求体未能收齐：连接中断。请检查网络后重新提交").hasCause(gone);
        assertThat(bodies.free()).isEqualTo(1_000);
    }

    @Test
    void aSenderThatStopsIsCutByTheReadTimeoutAndToldItWasTooSlow() {
        SmallBodies bodies = new SmallBodies(1_000, WAIT);
        // as Tomcat's read timeout comes up: its own exception around the socket's
        IOException stopped = new IOException("读取超时", new java.net.SocketTimeoutException("Read timed out"));
        assertThatThrownBy(() -> bodies.receive(sending3Then(stopped, 0)))
                .isInstanceOfSatisfying(SmallBodies.Unreceived.class, e -> assertThat(e.status()).isEqualTo(408))
                .hasMessage("请求体未能收齐：发送停顿，超过服务器的读取时限。请检查网络后重新提交");
        assertThat(bodies.free()).isEqualTo(1_000);
    }

    @Test
    void aBodySlowerThanTheWaitIsRefusedHereAs408AndHoldsNothing() {
        SmallBodies bodies = new SmallBodies(1_000, Duration.ofMillis(200));
        assertThatThrownBy(() -> bodies.receive(sending3Then(null, 50)))
                .isInstanceOfSatisfying(SmallBodies.Unreceived.class, e -> assertThat(e.status()).isEqualTo(408))
                .hasMessageMatching("请求体未能收齐：\\d+ 秒内只收到 \\d+ / 50 字节。请检查网络后重新提交");
        assertThat(bodies.free()).isEqualTo(1_000);
    }

    @Test
    void anyOtherFailureWhileReceivingGivesTheBudgetBack() {
        SmallBodies bodies = new SmallBodies(1_000, WAIT);
        MockHttpServletRequest broken = new MockHttpServletRequest("PUT", "/api/x") {
            @Override
            public ServletInputStream getInputStream() {
                throw new IllegalStateException("getReader() has already been called for this request");
            }
        };
        broken.setContent(new byte[50]);
        assertThatThrownBy(() -> bodies.receive(broken)).isInstanceOf(IllegalStateException.class);
        assertThat(bodies.free()).isEqualTo(1_000);
    }
}
