package org.anju.account;

import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Limits on failed logins kept in memory: per client address (any usernames), and per username that
 * has no account — so that an unknown name locks exactly like a real one and the lock reveals nothing.
 * Real accounts count their failures in the users table (visible to administrators, kept over restarts).
 */
@Component
class LoginThrottle {

    /** Failures of one username before it is locked. */
    static final int MAX_USER_FAILURES = 5;
    /** Failures from one address (over all usernames) before it is blocked. */
    static final int MAX_ADDRESS_FAILURES = 30;
    static final Duration LOCK = Duration.ofMinutes(15);
    private static final int MAX_ENTRIES = 100_000;

    private final ConcurrentHashMap<String, Window> addresses = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<String, Window> unknownUsers = new ConcurrentHashMap<>();
    private final Clock clock;

    LoginThrottle() {
        this(Clock.systemUTC());
    }

    LoginThrottle(Clock clock) {
        this.clock = clock;
    }

    /** Failures within a window that starts at the first failure and lasts {@link #LOCK}. */
    private record Window(Instant start, int failures) {
        boolean expired(Instant now) {
            return !now.isBefore(start.plus(LOCK));
        }
    }

    boolean addressBlocked(String address) {
        return blocked(addresses, address, MAX_ADDRESS_FAILURES);
    }

    boolean unknownUserLocked(String username) {
        return blocked(unknownUsers, username, MAX_USER_FAILURES);
    }

    void addressFailed(String address) {
        fail(addresses, address);
    }

    /** @return whether the name is locked now */
    boolean unknownUserFailed(String username) {
        fail(unknownUsers, username);
        return unknownUserLocked(username);
    }

    /** Forgets all counts (tests). */
    void reset() {
        addresses.clear();
        unknownUsers.clear();
    }

    private boolean blocked(ConcurrentHashMap<String, Window> map, String key, int max) {
        if (key == null) {
            return false;
        }
        Window w = map.get(key);
        return w != null && !w.expired(clock.instant()) && w.failures() >= max;
    }

    private void fail(ConcurrentHashMap<String, Window> map, String key) {
        if (key == null) {
            return;
        }
        Instant now = clock.instant();
        if (map.size() > MAX_ENTRIES) {
            map.values().removeIf(w -> w.expired(now));
        }
        map.compute(key, (k, w) -> w == null || w.expired(now) ? new Window(now, 1) : new Window(w.start(), w.failures() + 1));
    }
}
