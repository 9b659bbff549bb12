package org.anju.platform;

import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;

import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UnsupportedEncodingException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Semaphore;

/**
 * The bodies a handler reads itself — the API's JSON records — received whole before their request takes a slot at
 * the door ({@link RequestSlots}), as forms and uploads are. Before (ninth session's list): a JSON body over haproxy's
 * 16 KB buffer, sent slowly by a signed-in script, held one of the node's slots for as long as it took to arrive.
 *
 * <p>Bounded twice, so that received bodies cannot fill the heap: one body at most {@link #LARGEST} bytes, as its
 * {@code Content-Length} declares (a body without one — chunked — is not received here), and all bodies held at once
 * at most the node's budget. A body over either is read by its handler with the slot held, as before: nothing is
 * refused here that was served before.
 */
final class SmallBodies {

    /** The largest body received before its turn: the API's records are a few KB (a county's report with every figure). */
    static final int LARGEST = 256 * 1024;

    /** Bytes of the bodies held at once, over all requests of the node. */
    private final Semaphore budget;

    SmallBodies(int budgetBytes) {
        this.budget = new Semaphore(budgetBytes);
    }

    /**
     * {@code request} itself, or — for a body of a declared length within both bounds — a request whose body has been
     * received here, to be handed to {@link #release} when served. A failure while receiving (the client gone) is met
     * again by the handler, which reports it as usual.
     */
    HttpServletRequest receive(HttpServletRequest request) {
        long length = request.getContentLengthLong();
        if (length <= 0 || length > LARGEST || !budget.tryAcquire((int) length)) {
            return request;
        }
        try {
            return new Received(request, request.getInputStream().readNBytes((int) length), null);
        } catch (IOException e) {
            return new Received(request, new byte[0], e);
        }
    }

    /** Gives back the budget a request received by {@link #receive} held. */
    void release(HttpServletRequest served) {
        if (served instanceof Received received) {
            budget.release((int) received.getContentLengthLong());
        }
    }

    /** Bytes free in the budget now (for tests). */
    int free() {
        return budget.availablePermits();
    }

    /** A request whose body is here: its bytes, then the failure that cut it short, if one did. */
    private static final class Received extends HttpServletRequestWrapper {
        private final byte[] body;
        private final IOException failure;
        private ServletInputStream stream;

        Received(HttpServletRequest request, byte[] body, IOException failure) {
            super(request);
            this.body = body;
            this.failure = failure;
        }

        @Override
        public ServletInputStream getInputStream() {
            if (stream == null) {
                stream = new Bytes(new ByteArrayInputStream(body), failure);
            }
            return stream;
        }

        @Override
        public BufferedReader getReader() throws IOException {
            String encoding = getCharacterEncoding();
            Charset charset;
            try {
                // the container's default for a body that names no charset
                charset = encoding == null ? StandardCharsets.ISO_8859_1 : Charset.forName(encoding);
            } catch (IllegalArgumentException e) {
                // as the container says it
                throw new UnsupportedEncodingException(encoding);
            }
            return new BufferedReader(new InputStreamReader(getInputStream(), charset));
        }
    }

    private static final class Bytes extends ServletInputStream {
        private final ByteArrayInputStream in;
        private final IOException failure;

        Bytes(ByteArrayInputStream in, IOException failure) {
            this.in = in;
            this.failure = failure;
        }

        @Override
        public int read() throws IOException {
            int b = in.read();
            if (b < 0 && failure != null) {
                throw failure;
            }
            return b;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            int n = in.read(b, off, len);
            if (n < 0 && failure != null) {
                throw failure;
            }
            return n;
        }

        @Override
        public boolean isFinished() {
            return in.available() == 0 && failure == null;
        }

        @Override
        public boolean isReady() {
            return true;
        }

        @Override
        public void setReadListener(ReadListener listener) {
            throw new IllegalStateException("请求体已在排队前收齐，不支持异步读取");
        }
    }
}
