package org.anju.account;

import org.anju.region.Regions;
import org.springframework.security.core.CredentialsContainer;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.UserDetails;

import java.io.Serial;
import java.io.Serializable;
import java.time.Instant;
import java.util.Collection;
import java.util.EnumSet;
import java.util.Set;

/**
 * A signed-in user as Spring Security keeps it (in the session for the browser). Holds ids, not
 * regions: the region directory is looked up when an {@link Actor} is needed.
 */
public final class AnjuUser implements UserDetails, CredentialsContainer, Serializable {

    @Serial
    private static final long serialVersionUID = 1L;

    private final long id;
    private final String username;
    private final String displayName;
    private final int regionId;
    private final EnumSet<Role> roles;
    private final boolean enabled;
    private final int version;
    /** When the password was last set: a session signed in before another change of it ends (see CurrentUserFilter). */
    private final Instant passwordChangedAt;
    private transient String passwordHash;

    AnjuUser(long id, String username, String displayName, int regionId, Set<Role> roles, boolean enabled,
             int version, Instant passwordChangedAt, String passwordHash) {
        this.id = id;
        this.username = username;
        this.displayName = displayName;
        this.regionId = regionId;
        this.roles = roles.isEmpty() ? EnumSet.noneOf(Role.class) : EnumSet.copyOf(roles);
        this.enabled = enabled;
        this.version = version;
        this.passwordChangedAt = passwordChangedAt;
        this.passwordHash = passwordHash;
    }

    public long id() {
        return id;
    }

    public String displayName() {
        return displayName;
    }

    public int regionId() {
        return regionId;
    }

    public Set<Role> roles() {
        return EnumSet.copyOf(roles.isEmpty() ? EnumSet.noneOf(Role.class) : roles);
    }

    int version() {
        return version;
    }

    Actor actor(Regions regions, Channel via) {
        return new Actor(username, displayName, regions.byId(regionId), roles, via, false);
    }

    /** The same user without the password hash, to keep in the session. */
    AnjuUser withoutPassword() {
        return new AnjuUser(id, username, displayName, regionId, roles, enabled, version, passwordChangedAt,
                null);
    }

    Instant passwordChangedAt() {
        return passwordChangedAt;
    }

    @Override
    public Collection<? extends GrantedAuthority> getAuthorities() {
        return roles.stream().map(r -> new SimpleGrantedAuthority("ROLE_" + r.name())).toList();
    }

    @Override
    public String getPassword() {
        return passwordHash;
    }

    @Override
    public String getUsername() {
        return username;
    }

    @Override
    public boolean isAccountNonLocked() {
        return true;   // failed logins delay per client address (LoginThrottle), never lock the account
    }

    @Override
    public boolean isEnabled() {
        return enabled;
    }

    @Override
    public void eraseCredentials() {
        passwordHash = null;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof AnjuUser u && u.id == id;
    }

    @Override
    public int hashCode() {
        return Long.hashCode(id);
    }

    @Override
    public String toString() {
        return "AnjuUser[" + username + "]";
    }
}
