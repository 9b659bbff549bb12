package org.anju.account;

import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The actuator's sign-in ({@link ActuatorSecurity}): an operations account's name and password, once the full sign-in
 * ({@link AnjuAuthenticationProvider}) has accepted them, are accepted again from memory for {@code ttl}.
 *
 * <p>Prometheus signs in with every scrape. Each full sign-in takes four statements on the requests' pool and a bcrypt
 * check (~75 ms of CPU): at a month-end peak, when every connection of that pool is lent out, a scrape waited the
 * pool's timeout for its sign-in and failed — the node's metrics were missing exactly while it was busiest
 * (docs/reviews/2026-12-02-admission-shutdown.md, finding 1). Remembered, a scrape every 15 s signs in fully once per
 * {@code ttl}.
 *
 * <p>Only what was accepted is remembered, and only for accounts bound to the whole country (the only ones the chain
 * lets see anything but the status): a wrong password is never taken from memory, it goes through the full sign-in
 * and its throttling. The password itself is not kept: a SHA-256 of it with a salt drawn per process. What the cache
 * costs: an account disabled, deleted, given a new password, another role or another region keeps reading the metrics
 * of a node it signed in to for at most {@code ttl} (the remembered sign-in is the account as it was).
 */
final class OperationsSignIns implements AuthenticationManager {

    /** One full sign-in per account and node every this long while Prometheus scrapes. */
    static final Duration TTL = Duration.ofSeconds(60);

    private record Accepted(byte[] digest, Authentication result, Instant until) {
    }

    private final AuthenticationManager full;
    private final int nation;
    private final Duration ttl;
    private final Clock clock;
    private final byte[] salt = new byte[32];
    private final Map<String, Accepted> accepted = new ConcurrentHashMap<>();

    OperationsSignIns(AuthenticationManager full, int nation, Duration ttl, Clock clock) {
        this.full = full;
        this.nation = nation;
        this.ttl = ttl;
        this.clock = clock;
        new SecureRandom().nextBytes(salt);
    }

    @Override
    public Authentication authenticate(Authentication given) throws AuthenticationException {
        if (!(given instanceof UsernamePasswordAuthenticationToken) || given.getCredentials() == null) {
            return full.authenticate(given);
        }
        String name = Users.normalize(given.getName());
        byte[] digest = digest(name, given.getCredentials().toString());
        Accepted known = accepted.get(name);
        if (known != null && clock.instant().isBefore(known.until()) && MessageDigest.isEqual(known.digest(), digest)) {
            var again = UsernamePasswordAuthenticationToken.authenticated(known.result().getPrincipal(), null,
                    known.result().getAuthorities());
            again.setDetails(given.getDetails());
            return again;
        }
        Authentication result = full.authenticate(given);
        if (result.isAuthenticated() && result.getPrincipal() instanceof AnjuUser user && user.regionId() == nation) {
            accepted.put(name, new Accepted(digest, result, clock.instant().plus(ttl)));
        } else {
            accepted.remove(name);
        }
        return result;
    }

    private byte[] digest(String name, String password) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update(salt);
            sha.update(name.getBytes(StandardCharsets.UTF_8));
            sha.update((byte) 0);
            return sha.digest(password.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
