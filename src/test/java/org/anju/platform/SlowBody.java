package org.anju.platform;

import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletInputStream;
import org.springframework.mock.web.MockHttpServletRequest;

import java.io.IOException;

/**
 * A request body as a slow line delivers it: one byte per read, each when {@link Next} gives it (or its failure), as
 * the container's stream returns what has come. For the door's tests ({@link RequestSlots}, {@link SmallBodies}).
 */
final class SlowBody extends ServletInputStream {

    /** The next byte, −1 at the end; may wait or fail as the line does. */
    interface Next {
        int read() throws IOException;
    }

    private final Next next;

    private SlowBody(Next next) {
        this.next = next;
    }

    /** A JSON request declaring {@code length} bytes, whose body comes from {@code next}. */
    static MockHttpServletRequest request(String method, String path, int length, Next next) {
        MockHttpServletRequest request = new MockHttpServletRequest(method, path) {
            @Override
            public ServletInputStream getInputStream() {
                return new SlowBody(next);
            }
        };
        request.setContentType("application/json");
        request.setContent(new byte[length]);   // the length it declares
        return request;
    }

    @Override
    public int read() throws IOException {
        return next.read();
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        int c = next.read();
        if (c < 0) {
            return -1;
        }
        b[off] = (byte) c;
        return 1;
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
}
