package org.anju.platform;

import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;

import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UnsupportedEncodingException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.Semaphore;

/**
 * The bodies a handler reads itself — the API's JSON records — received whole before their request takes a slot at
 * the door ({@link RequestSlots}), as forms and uploads are. Before (ninth session's list): a JSON body over haproxy's
 * 16 KB buffer, sent slowly by a signed-in script, held one of the node's slots for as long as it took to arrive.
 *
 * <p>Bounded three ways, so that received bodies cannot fill the heap nor be held for long: one body at most
 * {@link #LARGEST} bytes, as its {@code Content-Length} declares (a body without one — chunked — is not received
 * here); all bodies held at once at most the node's budget; and each must arrive within the deadline (30 s, as
 * haproxy's), or it is answered 408 there, as haproxy answers a body it buffers that does not arrive in time. The
 * deadline is checked as bytes come: a sender that stops altogether is cut by the container's read timeout (Tomcat's
 * 60 s), also 408. A body over either size bound is read by its handler with the slot held, as before.
 */
final class SmallBodies {

    /** The largest body received before its turn: the API's records are a few KB (a county's report with every figure). */
    static final int LARGEST = 256 * 1024;

    /** Bytes of the bodies held at once, over all requests of the node. */
    private final Semaphore budget;
    /** How long a body may take to arrive. */
    private final Duration deadline;

    SmallBodies(int budgetBytes, Duration deadline) {
        this.budget = new Semaphore(budgetBytes);
        this.deadline = deadline;
    }

    /**
     * {@code request} itself, or — for a body of a declared length within both size bounds — a request whose body has
     * been received here, to be handed to {@link #release} when served.
     *
     * @throws Unreceived the body did not arrive whole (the client gone, or slower than the deadline); nothing is held
     */
    HttpServletRequest receive(HttpServletRequest request) {
        long length = request.getContentLengthLong();
        if (length <= 0 || length > LARGEST || !budget.tryAcquire((int) length)) {
            return request;
        }
        int size = (int) length;
        try {
            return new Received(request, read(request.getInputStream(), size), size);
        } catch (IOException e) {
            budget.release(size);
            if (timedOut(e)) {
                // the container's read timeout: a sender that stopped altogether, not a connection that ended
                throw new Unreceived(true, "发送停顿，超过服务器的读取时限", e);
            }
            throw new Unreceived(false, "连接中断", e);
        } catch (RuntimeException | Error e) {
            // Unreceived, or anything else: the budget is never kept by a request that holds nothing
            budget.release(size);
            throw e;
        }
    }

    private byte[] read(InputStream in, int size) throws IOException {
        byte[] body = new byte[size];
        long until = System.nanoTime() + deadline.toNanos();
        int n = 0;
        // each read returns what has come (the container's read timeout bounds one wait); the deadline is checked between
        while (n < size) {
            int r = in.read(body, n, size - n);
            if (r < 0) {
                throw new Unreceived(false, "只收到 " + n + " / " + size + " 字节，连接已结束", null);
            }
            n += r;
            if (n < size && System.nanoTime() - until > 0) {
                throw new Unreceived(true, deadline.toSeconds() + " 秒内只收到 " + n + " / " + size + " 字节", null);
            }
        }
        return body;
    }

    private static boolean timedOut(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof java.net.SocketTimeoutException) {
                return true;
            }
        }
        return false;
    }

    /** Gives back the budget a request received by {@link #receive} held (nothing for any other request). */
    void release(HttpServletRequest served) {
        if (served instanceof Received received) {
            budget.release(received.size);
        }
    }

    /** Bytes free in the budget now (for tests). */
    int free() {
        return budget.availablePermits();
    }

    /** A body that did not arrive whole before its turn: answered at the door (408 when too slow, else 400). */
    static final class Unreceived extends RuntimeException {
        private final boolean tooSlow;

        Unreceived(boolean tooSlow, String message, Throwable cause) {
            super("请求体未能收齐：" + message + "。请检查网络后重新提交", cause);
            this.tooSlow = tooSlow;
        }

        int status() {
            return tooSlow ? 408 : 400;
        }
    }

    /** A request whose body is here: the container's rules kept — one reader, not both the reader and the stream. */
    private static final class Received extends HttpServletRequestWrapper {
        private final byte[] body;
        private final int size;
        private ServletInputStream stream;
        private BufferedReader reader;

        Received(HttpServletRequest request, byte[] body, int size) {
            super(request);
            this.body = body;
            this.size = size;
        }

        @Override
        public ServletInputStream getInputStream() {
            if (reader != null) {
                throw new IllegalStateException("getReader() has already been called for this request");
            }
            if (stream == null) {
                stream = new Bytes(body);
            }
            return stream;
        }

        @Override
        public BufferedReader getReader() throws IOException {
            if (reader != null) {
                return reader;
            }
            if (stream != null) {
                throw new IllegalStateException("getInputStream() has already been called for this request");
            }
            String encoding = getCharacterEncoding();
            Charset charset;
            try {
                // the container's default for a body that names no charset
                charset = encoding == null ? StandardCharsets.ISO_8859_1 : Charset.forName(encoding);
            } catch (IllegalArgumentException e) {
                // as the container says it
                throw new UnsupportedEncodingException(encoding);
            }
            reader = new BufferedReader(new InputStreamReader(new ByteArrayInputStream(body), charset));
            return reader;
        }
    }

    private static final class Bytes extends ServletInputStream {
        private final ByteArrayInputStream in;

        Bytes(byte[] body) {
            this.in = new ByteArrayInputStream(body);
        }

        @Override
        public int read() {
            return in.read();
        }

        @Override
        public int read(byte[] b, int off, int len) {
            return in.read(b, off, len);
        }

        @Override
        public boolean isFinished() {
            return in.available() == 0;
        }

        @Override
        public boolean isReady() {
            return true;
        }

        /** Everything is here: the listener hears so at once (nothing in Anju reads without blocking). */
        @Override
        public void setReadListener(ReadListener listener) {
            try {
                if (!isFinished()) {
                    listener.onDataAvailable();
                }
                listener.onAllDataRead();
            } catch (IOException e) {
                listener.onError(e);
            }
        }
    }
}
