package org.anju.account;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import java.net.InetAddress;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/**
 * Progressive delays after failed logins, kept in the database (shared by every app node). Nothing here locks an account: every delay is tied
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
 * exactly which guess was right (also for guesses sent in parallel: a right password whose check ends while the address
 * is delayed is refused, see {@link #succeeded}). What stays open: an attacker behind the same address can guess the accounts
 * that signed in from there (each bounded by its pair delay), and many addresses can each guess one account
 * (bounded per address only; {@code users.failed_attempts} shows administrators the total and every tenth
 * failure is logged as a warning).
 *
 * Unknown usernames are counted exactly like real ones (nothing here asks whether an account exists), so
 * delays reveal nothing about which names exist. An attempt refused during a delay is not counted: retrying
 * too early does not extend the wait. Attempts being checked count against the pair's free failures, so parallel
 * guesses at one account earn no more than sequential ones (a pair that signed in here may run {@link #PARALLEL} at
 * once: API scripts). At the address only failures count, never attempts in flight: sign-ins of many accounts from one
 * NAT address at once all go through (issue 15), and a right password found by a burst of parallel guesses after the
 * address's free failures are spent is refused when its check ends. IPv6 addresses count per /64 (one subscriber's network) or one subscriber would have
 * unlimited addresses. Failures are forgotten {@link #FORGET} after the last one. A browser with a known-device cookie
 * for the name ({@link KnownDevices}) is counted as name + device instead of name + address.
 *
 * <p>The counts live in the table {@code login_throttle} (issue 15), so that every app node behind the balancer
 * sees the same: failures on one node delay the next attempt on another. Each step locks its rows with one upsert
 * ({@code insert … on conflict do update … returning}, which also creates a row on first use), decides in Java
 * with the rules above and writes the result in the same transaction; the pair's row is always taken before the
 * address's, so concurrent attempts neither lose a count nor deadlock. An attempt in flight on a node that died
 * stops counting after {@link #IN_FLIGHT_EXPIRES}. Rows that hold nothing any more are deleted by
 * {@link #cleanUp} (the hourly scheduled work, once per cluster), which bounds the table as the old per-map limit
 * bounded memory.
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
     * of {@link #failed}, {@link #succeeded}, {@link #disabled}, {@link #abandoned}.
     *
     * @param busy    refused only because as many attempts of the pair are being checked as it may have at once (no
     *                delay, no failure): told as that, not as failures that never happened (review 2026-12-02, sessions
     *                finding 5)
     * @param devices the count a known device's attempt shares with the name's other devices ({@link #DEVICES}); null
     *                for an attempt without one
     */
    record Attempt(String pair, String address, boolean atAddress, Duration delay, boolean busy, String devices) {
        Attempt(String pair, String address, boolean atAddress, Duration delay, boolean busy) {
            this(pair, address, atAddress, delay, busy, null);
        }

        Attempt(String pair, String address, boolean atAddress, Duration delay) {
            this(pair, address, atAddress, delay, false, null);
        }

        boolean admitted() {
            return delay.isZero();
        }
    }

    static final Backoff PAIR = new Backoff(3, Duration.ofMinutes(15));
    static final Backoff ADDRESS = new Backoff(30, Duration.ofMinutes(15));
    /**
     * All known devices of one name together ({@link KnownDevices}): each device has its own count, and whoever holds
     * the cookies' key can make devices at will — without this shared one, as many guesses as ids (review of this
     * session: 120 guesses from one address, three per forged id, all checked).
     */
    static final Backoff DEVICES = new Backoff(10, Duration.ofMinutes(15));
    /** Failures this old are dropped (and the free failures come back). */
    static final Duration FORGET = Duration.ofHours(24);
    /** How long a successful sign-in exempts its pair from the address delay. */
    static final Duration REMEMBER_SUCCESS = Duration.ofDays(45);   // longer than a monthly reporter's gap (3 Jan – 5 Feb)
    /** Attempts checked at once for a pair that signed in here and has not failed since. */
    static final int PARALLEL = 8;
    /** The wait told to an attempt refused because others of its pair or address are being checked. */
    static final Duration BUSY = Duration.ofSeconds(1);
    /** A password check takes well under a second; an attempt still "in flight" after this was lost with its node. */
    static final Duration IN_FLIGHT_EXPIRES = Duration.ofMinutes(1);

    private enum Outcome { FAILED, SUCCEEDED, ABANDONED }

    /** The two kinds of rows: a username at an address, and an address over all usernames. */
    private enum Kind { PAIR, ADDRESS }

    /** Failures (the last at {@code last}, null when none) and attempts being checked (the last entered at {@code since}). */
    private record Count(int failures, Instant last, int inFlight, Instant since) {

        Count fresh(Instant now) {
            Count c = inFlight > 0 && (since == null || !now.isBefore(since.plus(IN_FLIGHT_EXPIRES)))
                    ? new Count(failures, last, 0, null) : this;
            return c.failures > 0 && !now.isBefore(c.last.plus(FORGET)) ? new Count(0, null, c.inFlight, c.since) : c;
        }

        Duration wait(Backoff backoff, Instant now) {
            if (failures == 0) {
                return Duration.ZERO;
            }
            Instant until = last.plus(backoff.after(failures));
            return now.isBefore(until) ? Duration.between(now, until) : Duration.ZERO;
        }
    }

    /** A row as locked for this step: its count (already {@link Count#fresh}) and, for a pair, its last success. */
    private record Row(Kind kind, String key, Count count, Instant signedIn) {
    }

    private final JdbcClient jdbc;
    private final TransactionTemplate tx;
    private final Clock clock;

    @Autowired
    LoginThrottle(JdbcClient jdbc, TransactionTemplate tx) {
        this(jdbc, tx, Clock.systemUTC());
    }

    LoginThrottle(JdbcClient jdbc, TransactionTemplate tx, Clock clock) {
        this.jdbc = jdbc;
        this.tx = tx;
        this.clock = clock;
    }

    /**
     * Admits the attempt to a password check, or says how long it must wait first. At the address only its delay
     * (earned by failures) is asked, not how many sign-ins from there are being checked: a province's reporters behind
     * one NAT address sign in at once at month end (issue 15). What bounds parallel guessing across usernames instead
     * is {@link #succeeded}: a right password is accepted only if the address is not delayed when its check ends.
     */
    Attempt admit(String username, String address) {
        return admit(username, address, null);
    }

    /**
     * {@link #admit(String, String)} from a browser with a valid known-device cookie for the name ({@link KnownDevices},
     * {@code device} its id; null: none): counted as name + device instead of name + address, and exempt from the
     * address's delay as a name that signed in there — an insider failing the name at the same address delays the
     * name there, not the colleague's own browser (review 2026-12-02, sessions finding 4).
     */
    Attempt admit(String username, String address, String device) {
        Instant now = clock.instant();
        String pair = device == null ? pair(username, address) : username + "\ndevice:" + device;
        String devices = device == null ? null : username + "\ndevices";
        String addr = key(address);
        return tx.execute(status -> {
            Row p = lock(Kind.PAIR, pair, now);
            boolean signedInHere = device != null
                    || p.signedIn() != null && now.isBefore(p.signedIn().plus(REMEMBER_SUCCESS));
            Duration wait = refusal(p.count(), PAIR, signedInHere ? PARALLEL : 0, now);
            if (!wait.isZero()) {
                return new Attempt(pair, addr, false, wait, p.count().wait(PAIR, now).isZero(), devices);
            }
            if (devices != null) {
                // the device's row is locked first, then the name's devices' row: every device attempt in that order
                wait = lock(Kind.PAIR, devices, now).count().wait(DEVICES, now);
                if (!wait.isZero()) {
                    return new Attempt(pair, addr, false, wait, false, devices);
                }
            }
            if (!signedInHere) {
                wait = addressDelay(addr, now);
                if (!wait.isZero()) {
                    return new Attempt(pair, addr, true, wait);      // the pair's entry is never written
                }
            }
            write(p, entered(p.count(), now), null);
            return new Attempt(pair, addr, !signedInHere, Duration.ZERO, false, devices);
        });
    }

    /**
     * The password was wrong. @return how long the pair must now wait — the address delay included even for
     * a pair exempt from it, so that the answer does not tell whether the pair ever signed in.
     */
    Duration failed(Attempt attempt) {
        Instant now = clock.instant();
        return tx.execute(status -> {
            Count p = leave(lock(Kind.PAIR, attempt.pair(), now), true, Outcome.FAILED, now, null);
            if (attempt.devices() != null) {
                Count d = leave(lock(Kind.PAIR, attempt.devices(), now), false, Outcome.FAILED, now, null);
                return max(max(p.wait(PAIR, now), d.wait(DEVICES, now)), addressDelay(attempt.address(), now));
            }
            if (!attempt.atAddress()) {
                // a typo of a name that signed in here counts on its pair only (its own delay bounds it): counted at
                // the address too, forty colleagues' typos behind one NAT kept every name not signed in there lately
                // — a new account, a monthly reporter — out for as long as typos went on (review 2026-12-02,
                // sessions finding 3). Told the address's delay all the same, like any name there.
                return max(p.wait(PAIR, now), addressDelay(attempt.address(), now));
            }
            Count a = leave(lock(Kind.ADDRESS, attempt.address(), now), false, Outcome.FAILED, now, null);
            return max(p.wait(PAIR, now), a.wait(ADDRESS, now));
        });
    }

    /**
     * The password was right: the pair starts afresh and is exempt from its address's delay from now on — unless the
     * address became delayed while this attempt was being checked (failures of other names from there, as in a burst
     * of parallel guesses): then, as if it had arrived a moment later, it is refused with that delay and counts
     * nothing, so that a burst learns no more right passwords than sequential guesses would.
     * @return zero, or the wait the refused sign-in is told
     */
    Duration succeeded(Attempt attempt) {
        return passed(attempt, true);
    }

    /** The password was right but the account may not sign in (disabled): counts nothing, earns no exemption. */
    Duration disabled(Attempt attempt) {
        return passed(attempt, false);
    }

    private Duration passed(Attempt attempt, boolean signIn) {
        Instant now = clock.instant();
        return tx.execute(status -> {
            Row p = lock(Kind.PAIR, attempt.pair(), now);
            Duration wait = attempt.atAddress() ? addressDelay(attempt.address(), now) : Duration.ZERO;
            // likewise the name's devices' count, which admission asks before the check: a burst of parallel guesses
            // over many forged device ids (8 in flight each) would all be admitted before one failure counted
            Row d = attempt.devices() == null ? null : lock(Kind.PAIR, attempt.devices(), now);
            if (d != null) {
                wait = max(wait, d.count().wait(DEVICES, now));
            }
            boolean success = signIn && wait.isZero();
            // a right password refused for the address's delay is counted as a wrong one: left uncounted, its name
            // stood out later (one more attempt at once than a wrong guess's), and a burst learned the password
            leave(p, true, success ? Outcome.SUCCEEDED : signIn ? Outcome.FAILED : Outcome.ABANDONED, now,
                    success ? now : null);
            if (d != null && signIn) {
                leave(d, false, success ? Outcome.SUCCEEDED : Outcome.FAILED, now, null);
            }
            return wait;
        });
    }

    /** The check did not finish (an error): counts nothing. */
    void abandoned(Attempt attempt) {
        Instant now = clock.instant();
        tx.executeWithoutResult(status -> leave(lock(Kind.PAIR, attempt.pair(), now), true, Outcome.ABANDONED, now, null));
    }

    /** The address's delay now, read without locking (sign-ins from one address do not queue on its row). */
    private Duration addressDelay(String address, Instant now) {
        return jdbc.sql("select failures, last_failure from login_throttle where kind = :kind and key = :key")
                .param("kind", Kind.ADDRESS.name()).param("key", address)
                .query((rs, i) -> new Count(rs.getInt(1), instant(rs.getObject(2, OffsetDateTime.class)), 0, null)
                        .fresh(now).wait(ADDRESS, now))
                .optional().orElse(Duration.ZERO);
    }

    /**
     * Deletes the rows that hold nothing any more: no failure within {@link #FORGET}, nothing in flight, no success
     * within {@link #REMEMBER_SUCCESS}. Run by the scheduled work ({@link AccountMaintenance}). @return rows deleted
     */
    int cleanUp() {
        Instant now = clock.instant();
        return jdbc.sql("""
                        delete from login_throttle
                        where (failures = 0 or last_failure <= :forget)
                          and (in_flight = 0 or in_flight_at is null or in_flight_at <= :lost)
                          and (signed_in_at is null or signed_in_at <= :remembered)""")
                .param("forget", at(now.minus(FORGET))).param("lost", at(now.minus(IN_FLIGHT_EXPIRES)))
                .param("remembered", at(now.minus(REMEMBER_SUCCESS))).update();
    }

    /** How many rows the table holds (tests). */
    int rows() {
        return jdbc.sql("select count(*) from login_throttle").query(Integer.class).single();
    }

    /** Forgets everything (tests). */
    void reset() {
        jdbc.sql("delete from login_throttle").update();
    }

    /** The wait refusing an attempt now (zero: it may enter) — delayed, or already checking as many as it has free failures. */
    private static Duration refusal(Count n, Backoff backoff, int parallel, Instant now) {
        Duration wait = n.wait(backoff, now);
        int limit = parallel > 0 && n.failures() == 0 ? parallel : Math.max(1, backoff.free() - n.failures());
        return wait.isZero() && n.inFlight() >= limit ? BUSY : wait;
    }

    private static Count entered(Count n, Instant now) {
        return new Count(n.failures(), n.last(), n.inFlight() + 1, now);
    }

    private Count leave(Row row, boolean entered, Outcome outcome, Instant now, Instant signedIn) {
        Count n = row.count();
        int inFlight = entered ? Math.max(0, n.inFlight() - 1) : n.inFlight();
        Count next = switch (outcome) {
            case FAILED -> new Count(n.failures() + 1, now, inFlight, n.since());
            case SUCCEEDED -> new Count(0, null, inFlight, n.since());
            case ABANDONED -> new Count(n.failures(), n.last(), inFlight, n.since());
        };
        write(row, next, signedIn);
        return next;
    }

    /**
     * Locks the row of {@code key} (creating it on first use) with one upsert and reads it: the no-op update of an
     * existing row holds its lock until the transaction ends, so the caller's decision and write are not interleaved
     * with another node's.
     */
    private Row lock(Kind kind, String key, Instant now) {
        return jdbc.sql("""
                        insert into login_throttle as t (kind, key) values (:kind, :key)
                        on conflict (kind, key) do update set failures = t.failures
                        returning failures, last_failure, in_flight, in_flight_at, signed_in_at""")
                .param("kind", kind.name()).param("key", key)
                .query((rs, i) -> new Row(kind, key, new Count(rs.getInt(1), instant(rs.getObject(2, OffsetDateTime.class)),
                        rs.getInt(3), instant(rs.getObject(4, OffsetDateTime.class))).fresh(now),
                        instant(rs.getObject(5, OffsetDateTime.class)))).single();
    }

    /** Writes the row's new count (and, when given, its last success). */
    private void write(Row row, Count next, Instant signedIn) {
        jdbc.sql("""
                        update login_throttle set failures = :failures, last_failure = :last, in_flight = :inFlight,
                               in_flight_at = :since, signed_in_at = coalesce(:signedIn, signed_in_at)
                        where kind = :kind and key = :key""")
                .param("failures", next.failures()).param("last", at(next.last())).param("inFlight", next.inFlight())
                .param("since", at(next.since())).param("signedIn", at(signedIn))
                .param("kind", row.kind().name()).param("key", row.key()).update();
    }

    private static OffsetDateTime at(Instant i) {
        return i == null ? null : i.atOffset(ZoneOffset.UTC);
    }

    private static Instant instant(OffsetDateTime t) {
        return t == null ? null : t.toInstant();
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
