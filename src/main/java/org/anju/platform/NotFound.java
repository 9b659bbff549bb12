package org.anju.platform;

/** What the request names does not exist, or the user may not learn that it does (404, CLI exit 2). */
public final class NotFound extends java.util.NoSuchElementException implements Refusal {

    public NotFound(String message) {
        super(message);
    }

    @Override
    public Kind kind() {
        return Kind.NOT_FOUND;
    }
}
