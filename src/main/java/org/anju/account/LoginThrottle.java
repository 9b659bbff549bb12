package org.anju.account;

import org.springframework.stereotype.Component;

import java.net.InetAddress;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Progressive delays after failed logins, kept in memory. Nothing here locks an account: every delay is tied
 * to the client address it was earned from, so failures from one address never stop the owner signing in
 * from another.
 *
 * <ul>
 *   <li><b>Per username and address</b> (the pair): after 3 failures ({@link #PAIR}) the pair's next attempt
 *       waits 1 s, then 2, 4, … up to 15 minutes; a success resets the pair. One address thus gets 3 guesses
 *       at one account at once, 10 more over the next 17 minutes, then 4 an hour.</li>
 *   <li><b>Per address</b> over all usernames: after 30 failures ({@link #ADDRESS}) the same progression, so
 *       an address rotating through usernames (credential stuffing) gets 30 guesses, 10 more over 17 minutes,
 *       then 4 an hour. A success does not reset it (an attacker's own account would wipe the record).</li>
 * </ul>
 *
 * The address delay would lock out everyone behind one proxy or NAT. So it does not apply to a pair that
 * signed in successfully from that address within {@link #REMEMBER_SUCCESS}: the colleagues behind the proxy
 * keep signing in while somebody there fails. It applies to every other pair, real account or not: letting
 * any correct password through would make the address delay bound nothing, since the attacker would learn
 * exactly which guess was right. What stays open: an attacker behind the same address can guess the accounts
 * that signed in from there (each bounded by its pair delay), and many addresses can each guess one account
 * (bounded per address only; {@code users.failed_attempts} shows administrators the total and every tenth
 * failure is logged as a warning).
 *
 * Unknown usernames are counted exactly like real ones (nothing here asks whether an account exists), so
 * delays reveal nothing about which names exist. An attempt refused during a delay is not counted: retrying
 * too early does not extend the wait. Attempts being checked count against the free failures, so parallel
 * guesses earn no more than sequential ones (a pair that signed in here may run {@link #PARALLEL} at once:
 * API scripts). IPv6 addresses count per /64 (one subscriber's network) or one subscriber would have
 * unlimited addresses. Each map holds at most {@link #MAX_ENTRIES}; failures are forgotten {@link #FORGET}
 * after the last one.
 */
@Component
class LoginThrottle {

    /** Failures allowed before delays start, and the longest delay. */
    record Backoff(int free, Duration cap) {
        /** How long the next attempt waits after {@code failures} failures: 1 s, 2, 4, … up to the cap. */
        Duration after(int failures) {
            if (failures < free) {
                return Duration.ZERO;
            }
            int doublings = failures - free;
            return doublings >= 30 ? cap : min(Duration.ofSeconds(1L << doublings), cap);
        }
    }

    /**
     * One attempt, admitted or refused ({@code delay} non-zero). An admitted one is handed back to exactly one
     * of {@link #failed}, {@link #succeeded}, {@link #abandoned}.
     */
    record Attempt(String pair, String address, boolean atAddress, Duration delay) {
        boolean admitted() {
            return delay.isZero();
        }
    }

    static final Backoff PAIR = new Backoff(3, Duration.ofMinutes(15));
    static final Backoff ADDRESS = new Backoff(30, Duration.ofMinutes(15));
    /** Failures this old are dropped (and the free failures come back). */
    static final Duration FORGET = Duration.ofHours(24);
    /** How long a successful sign-in exempts its pair from the address delay. */
    static final Duration REMEMBER_SUCCESS = Duration.ofDays(30);
    /** Attempts checked at once for a pair that signed in here and has not failed since. */
    static final int PARALLEL = 8;
    /** The wait told to an attempt refused because others of its pair or address are being checked. */
    static final Duration BUSY = Duration.ofSeconds(1);
    static final int MAX_ENTRIES = 100_000;

    private enum Outcome { FAILED, SUCCEEDED, ABANDONED }

    /** Failures (the last at {@code last}, null when none) and attempts being checked. */
    private record Count(int failures, Instant last, int inFlight) {
        static final Count NONE = new Count(0, null, 0);

        Count fresh(Instant now) {
            return failures > 0 && !now.isBefore(last.plus(FORGET)) ? new Count(0, null, inFlight) : this;
        }

        Duration wait(Backoff backoff, Instant now) {
            if (failures == 0) {
                return Duration.ZERO;
            }
            Instant until = last.plus(backoff.after(failures));
            return now.isBefore(until) ? Duration.between(now, until) : Duration.ZERO;
        }
    }

    private final Map<String, Count> pairs = new ConcurrentHashMap<>();
    private final Map<String, Count> addresses = new ConcurrentHashMap<>();
    /** When each pair last signed in successfully. */
    private final Map<String, Instant> signedIn = new ConcurrentHashMap<>();
    private final Clock clock;

    LoginThrottle() {
        this(Clock.systemUTC());
    }

    LoginThrottle(Clock clock) {
        this.clock = clock;
    }

    /** Admits the attempt to a password check, or says how long it must wait first. */
    Attempt admit(String username, String address) {
        Instant now = clock.instant();
        String pair = pair(username, address);
        String addr = key(address);
        Instant success = signedIn.get(pair);
        boolean signedInHere = success != null && now.isBefore(success.plus(REMEMBER_SUCCESS));
        Duration wait = enter(pairs, pair, PAIR, signedInHere ? PARALLEL : 0, now);
        if (!wait.isZero() || signedInHere) {
            return new Attempt(pair, addr, false, wait);
        }
        wait = enter(addresses, addr, ADDRESS, 0, now);
        if (!wait.isZero()) {
            leave(pairs, pair, true, Outcome.ABANDONED, now);
        }
        return new Attempt(pair, addr, true, wait);
    }

    /**
     * The password was wrong. @return how long the pair must now wait — the address delay included even for
     * a pair exempt from it, so that the answer does not tell whether the pair ever signed in.
     */
    Duration failed(Attempt attempt) {
        Instant now = clock.instant();
        leave(pairs, attempt.pair(), true, Outcome.FAILED, now);
        leave(addresses, attempt.address(), attempt.atAddress(), Outcome.FAILED, now);
        return max(waitOf(pairs, attempt.pair(), PAIR, now), waitOf(addresses, attempt.address(), ADDRESS, now));
    }

    /** The password was right: the pair starts afresh and is exempt from its address's delay from now on. */
    void succeeded(Attempt attempt) {
        Instant now = clock.instant();
        leave(pairs, attempt.pair(), true, Outcome.SUCCEEDED, now);
        leave(addresses, attempt.address(), attempt.atAddress(), Outcome.ABANDONED, now);
        if (signedIn.size() >= MAX_ENTRIES && !signedIn.containsKey(attempt.pair())) {
            signedIn.values().removeIf(t -> !now.isBefore(t.plus(REMEMBER_SUCCESS)));
            evictOldest(signedIn, Comparator.naturalOrder());
        }
        signedIn.put(attempt.pair(), now);
    }

    /** The check did not finish (an error): counts nothing. */
    void abandoned(Attempt attempt) {
        Instant now = clock.instant();
        leave(pairs, attempt.pair(), true, Outcome.ABANDONED, now);
        leave(addresses, attempt.address(), attempt.atAddress(), Outcome.ABANDONED, now);
    }

    /** The size of the largest map (tests: each stays within {@link #MAX_ENTRIES}). */
    int largestMap() {
        return Math.max(pairs.size(), Math.max(addresses.size(), signedIn.size()));
    }

    /** Forgets everything (tests). */
    void reset() {
        pairs.clear();
        addresses.clear();
        signedIn.clear();
    }

    /** Enters an attempt unless the key is delayed or already checking as many attempts as it has free failures. */
    private Duration enter(Map<String, Count> map, String key, Backoff backoff, int parallel, Instant now) {
        makeRoom(map, key, now);
        Duration[] refused = {Duration.ZERO};
        map.compute(key, (k, c) -> {
            Count n = c == null ? Count.NONE : c.fresh(now);
            Duration wait = n.wait(backoff, now);
            int limit = parallel > 0 && n.failures() == 0 ? parallel : Math.max(1, backoff.free() - n.failures());
            if (wait.isZero() && n.inFlight() >= limit) {
                wait = BUSY;
            }
            if (!wait.isZero()) {
                refused[0] = wait;
                return c;
            }
            return new Count(n.failures(), n.last(), n.inFlight() + 1);
        });
        return refused[0];
    }

    private void leave(Map<String, Count> map, String key, boolean entered, Outcome outcome, Instant now) {
        if (outcome == Outcome.FAILED) {
            makeRoom(map, key, now);
        }
        map.compute(key, (k, c) -> {
            Count n = c == null ? Count.NONE : c.fresh(now);
            int inFlight = entered ? Math.max(0, n.inFlight() - 1) : n.inFlight();
            Count next = switch (outcome) {
                case FAILED -> new Count(n.failures() + 1, now, inFlight);
                case SUCCEEDED -> new Count(0, null, inFlight);
                case ABANDONED -> new Count(n.failures(), n.last(), inFlight);
            };
            return next.failures() == 0 && next.inFlight() == 0 ? null : next;
        });
    }

    private static Duration waitOf(Map<String, Count> map, String key, Backoff backoff, Instant now) {
        Count c = map.get(key);
        return c == null ? Duration.ZERO : c.fresh(now).wait(backoff, now);
    }

    /** Before adding a key to a full map: drop what expired, and if still full the oldest record. */
    private static void makeRoom(Map<String, Count> map, String key, Instant now) {
        if (map.size() >= MAX_ENTRIES && !map.containsKey(key)) {
            map.values().removeIf(c -> c.inFlight() == 0 && c.fresh(now).failures() == 0);
            evictOldest(map, Comparator.comparing(Count::last, Comparator.nullsLast(Comparator.naturalOrder())));
        }
    }

    private static <V> void evictOldest(Map<String, V> map, Comparator<V> age) {
        if (map.size() >= MAX_ENTRIES) {
            map.entrySet().stream().min(Map.Entry.comparingByValue(age)).ifPresent(e -> map.remove(e.getKey()));
        }
    }

    private static Duration min(Duration a, Duration b) {
        return a.compareTo(b) <= 0 ? a : b;
    }

    private static Duration max(Duration a, Duration b) {
        return a.compareTo(b) >= 0 ? a : b;
    }

    /** Usernames never contain control characters (AnjuAuthenticationProvider replaces them), so "\n" separates. */
    private static String pair(String username, String address) {
        return username + "\n" + key(address);
    }

    /** The address as counted: IPv6 by its /64 network. */
    static String key(String address) {
        if (address == null) {
            return "?";
        }
        if (address.indexOf(':') < 0 || !ClientAddress.isIpLiteral(address)) {
            return address;
        }
        InetAddress parsed = InetAddress.ofLiteral(address);
        byte[] b = parsed.getAddress();
        if (b.length != 16) {
            return parsed.getHostAddress();   // an IPv4-mapped address counts as the IPv4 one
        }
        StringBuilder s = new StringBuilder();
        for (int i = 0; i < 8; i += 2) {
            s.append(Integer.toHexString((b[i] & 0xff) << 8 | b[i + 1] & 0xff)).append(':');
        }
        return s.append(":/64").toString();
    }
}
