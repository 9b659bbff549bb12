package org.anju.platform;

/**
 * Too many attempts of one kind in a while, from one address or at one thing (a public lookup's misses): wait, or go
 * another way (HTTP 429, CLI exit 4). Unlike {@link ImportSlots.Busy} it is about the caller's own attempts, not the
 * node's load, and the message says how long.
 */
public final class TooMany extends IllegalStateException implements Refusal {

    public TooMany(String message) {
        super(message);
    }

    @Override
    public Kind kind() {
        return Kind.BUSY;
    }
}
