package org.anju.platform;

/**
 * Someone else changed the row since the caller read it: the caller's change was not saved (HTTP 409).
 * Features with editable rows keep a {@code version} column, let every update name the version it was
 * based on ({@code update … set …, version = version + 1 where id = ? and version = ?}) and throw this
 * when no row matched. See docs/ARCHITECTURE.md.
 */
public final class ConcurrentUpdateException extends IllegalStateException implements Refusal {

    public ConcurrentUpdateException(String message) {
        super(message);
    }

    @Override
    public Kind kind() {
        return Kind.STALE;
    }
}
