package org.anju.account;

import java.time.Instant;
import java.util.Set;

/**
 * A user account as administrators see it (never with its password hash).
 *
 * @param failedAttempts failed logins since the last success, from any address (information: failures delay
 *                       only the address they come from, see LoginThrottle)
 * @param version        for optimistic locking: an update names the version it was based on
 */
public record User(long id, String username, String displayName, int regionId, Set<Role> roles, boolean enabled,
                   int failedAttempts, int version, Instant createdAt, String createdBy,
                   Instant updatedAt, Instant passwordChangedAt) {

    public String rolesLabel() {
        return String.join("、", roles.stream().sorted().map(Role::label).toList());
    }

    /** The highest role, which decides what the user may grant. */
    public Role mainRole() {
        return roles.stream().sorted().findFirst().orElse(Role.VIEWER);
    }
}
