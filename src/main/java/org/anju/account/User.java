package org.anju.account;

import java.time.Instant;
import java.util.Set;

/**
 * A user account as administrators see it (never with its password hash).
 *
 * @param failedAttempts failed logins since the last success
 * @param lockedUntil    locked after too many failed logins, until then; null when not locked
 * @param version        for optimistic locking: an update names the version it was based on
 */
public record User(long id, String username, String displayName, int regionId, Set<Role> roles, boolean enabled,
                   int failedAttempts, Instant lockedUntil, int version, Instant createdAt, String createdBy,
                   Instant updatedAt, Instant passwordChangedAt) {

    public boolean locked() {
        return lockedUntil != null && lockedUntil.isAfter(Instant.now());
    }

    public String rolesLabel() {
        return String.join("、", roles.stream().sorted().map(Role::label).toList());
    }

    /** The highest role, which decides what the user may grant. */
    public Role mainRole() {
        return roles.stream().sorted().findFirst().orElse(Role.VIEWER);
    }
}
