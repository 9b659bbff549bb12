package org.anju.platform;

import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Bodies received before their request's turn ({@link SmallBodies}): the same bytes, and both bounds. */
class SmallBodiesTest {

    private static MockHttpServletRequest json(byte[] body) {
        MockHttpServletRequest request = new MockHttpServletRequest("PUT", "/api/reports/361102/2025-01");
        request.setContentType("application/json");
        request.setCharacterEncoding("UTF-8");
        request.setContent(body);
        return request;
    }

    @Test
    void theHandlerReadsTheSameBytesAfterTheyArrivedHere() throws Exception {
        SmallBodies bodies = new SmallBodies(1_000);
        byte[] body = "{\"version\":3,\"values\":[{\"indicatorCode\":\"公租房\",\"value\":12}]}"
                .getBytes(StandardCharsets.UTF_8);
        MockHttpServletRequest request = json(body);
        HttpServletRequest received = bodies.receive(request);
        assertThat(received).isNotSameAs(request);
        assertThat(request.getInputStream().read()).as("the container's stream was read here").isEqualTo(-1);
        assertThat(bodies.free()).isEqualTo(1_000 - body.length);
        assertThat(received.getInputStream().readAllBytes()).isEqualTo(body);
        assertThat(received.getInputStream().isFinished()).isTrue();
        // the reader of the same request (a handler that asks for it instead), in the body's charset
        HttpServletRequest again = bodies.receive(json(body));
        assertThat(again.getReader().readLine()).isEqualTo(new String(body, StandardCharsets.UTF_8));
        bodies.release(received);
        bodies.release(again);
        assertThat(bodies.free()).isEqualTo(1_000);
    }

    @Test
    void largerBodiesAndBodiesOfNoDeclaredLengthAreLeftToTheHandler() throws Exception {
        SmallBodies bodies = new SmallBodies(10 * SmallBodies.LARGEST);
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
        bodies.release(received);
        bodies.release(large);   // one that was not received gives nothing back
        assertThat(bodies.free()).isEqualTo(10 * SmallBodies.LARGEST);
    }

    @Test
    void aBodyOverTheBudgetLeftIsLeftToTheHandlerUntilBudgetIsGivenBack() throws Exception {
        SmallBodies bodies = new SmallBodies(100);
        HttpServletRequest first = bodies.receive(json(new byte[60]));
        MockHttpServletRequest second = json(new byte[60]);
        assertThat(bodies.receive(second)).as("40 bytes left").isSameAs(second);
        assertThat(second.getInputStream().readAllBytes()).hasSize(60);   // unread here
        bodies.release(first);
        assertThat(bodies.free()).isEqualTo(100);
        assertThat(bodies.receive(json(new byte[60]))).isNotSameAs(second);
    }

    @Test
    void aBodyCutShortIsTheHandlersFailureAsBefore() throws Exception {
        SmallBodies bodies = new SmallBodies(1_000);
        IOException gone = new IOException("连接已断开");
        MockHttpServletRequest cut = new MockHttpServletRequest("PUT", "/api/x") {
            @Override
            public ServletInputStream getInputStream() {
                return new ServletInputStream() {
                    private int sent;

                    @Override
                    public int read() throws IOException {
                        if (sent++ < 3) {
                            return 'x';
                        }
                        throw gone;
                    }

                    @Override
                    public boolean isFinished() {
                        return false;
                    }

                    @Override
                    public boolean isReady() {
                        return true;
                    }

                    @Override
                    public void setReadListener(ReadListener listener) {
                    }
                };
            }
        };
        cut.setContent(new byte[50]);   // the length it declares
        HttpServletRequest received = bodies.receive(cut);
        assertThatThrownBy(() -> received.getInputStream().readAllBytes()).isSameAs(gone);
        assertThat(received.getInputStream().isFinished()).isFalse();
        bodies.release(received);
        assertThat(bodies.free()).isEqualTo(1_000);
    }
}
