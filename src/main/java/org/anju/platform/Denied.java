package org.anju.platform;

import org.springframework.security.access.AccessDeniedException;

/**
 * The user may not do this; the message says whose data it is (403, CLI exit 5). A Spring Security
 * {@link AccessDeniedException}, so the security layer treats it as it treats its own.
 */
public final class Denied extends AccessDeniedException implements Refusal {

    public Denied(String message) {
        super(message);
    }

    @Override
    public Kind kind() {
        return Kind.DENIED;
    }
}
