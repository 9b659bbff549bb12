package org.anju.platform;

/** The stored data forbids the request now; the message says what would allow it (409, CLI exit 4). */
public final class Conflict extends IllegalStateException implements Refusal {

    public Conflict(String message) {
        super(message);
    }

    @Override
    public Kind kind() {
        return Kind.CONFLICT;
    }
}
