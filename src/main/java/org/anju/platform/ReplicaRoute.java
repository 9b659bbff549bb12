package org.anju.platform;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Iterator;

/**
 * Where a read-only transaction reads: the pure decision behind {@link ReadReplicaRouting}, without a database.
 * The replica is used only when it is reachable, still a standby, not more than {@code maxLag} behind the primary,
 * and has replayed the caller's last write ({@code requiredLsn}, read your own writes); otherwise the primary.
 */
public final class ReplicaRoute {

    private ReplicaRoute() {
    }

    /** Where one read goes, and why (for the switch log and the tests). */
    public record Decision(boolean onReplica, String reason) {
        static Decision replica() {
            return new Decision(true, "副本正常");
        }

        static Decision primary(String reason) {
            return new Decision(false, reason);
        }
    }

    /** What the last check found on the replica. */
    public sealed interface Status {
        /** No check has finished yet (start-up): read from the primary. */
        record Unknown() implements Status {
        }

        /** No connection, or the query failed. */
        record Unreachable(String why) implements Status {
        }

        /** Reachable but not in recovery: promoted, or a primary by mistake; its data may have diverged. */
        record NotStandby() implements Status {
        }

        /** A standby that has replayed up to {@code replayLsn}, at most {@code lag} behind the primary. */
        record Streaming(long replayLsn, Duration lag) implements Status {
        }

        /**
         * A standby behind every primary position this node has on record (at start, or after a long stall): how far
         * behind is not known, so it is not taken to be near ({@link LagClock}).
         */
        record Behind(long replayLsn) implements Status {
        }
    }

    /** The decision for one read-only transaction whose caller last wrote at {@code requiredLsn} (0: never). */
    public static Decision decide(Status status, Duration maxLag, long requiredLsn) {
        return switch (status) {
            case Status.Unknown u -> Decision.primary("副本状态未知（尚未检查）");
            case Status.Unreachable u -> Decision.primary("副本不可达：" + u.why());
            case Status.NotStandby n -> Decision.primary("副本不在恢复（备库）状态，可能已被提升为主库");
            case Status.Behind b -> Decision.primary("副本（已重放到 " + Lsn.format(b.replayLsn())
                    + "）落后于本节点记录的最早主库位置，延迟未知");
            case Status.Streaming s when s.lag().compareTo(maxLag) > 0 ->
                    Decision.primary("副本延迟 " + s.lag().toMillis() + " ms，超过上限 " + maxLag.toMillis() + " ms");
            case Status.Streaming s when s.replayLsn() < requiredLsn ->
                    Decision.primary("副本尚未重放本会话的写入（" + Lsn.format(s.replayLsn()) + " < "
                            + Lsn.format(requiredLsn) + "）");
            case Status.Streaming s -> Decision.replica();
        };
    }

    /**
     * Whether the replica, healthy but not known to have replayed the caller's write at the last check, is worth asking
     * directly ({@code pg_last_wal_replay_lsn()} on the connection the read would use): on a loopback or LAN replica the
     * write is usually there a millisecond after its commit, long before the next check.
     */
    public static boolean worthAsking(Status status, Duration maxLag, long requiredLsn) {
        return status instanceof Status.Streaming s && s.lag().compareTo(maxLag) <= 0 && s.replayLsn() < requiredLsn;
    }

    /** Whether the replica is usable at all (no write of the caller to wait for): what the switch log reports. */
    public static Decision health(Status status, Duration maxLag) {
        return decide(status, maxLag, 0);
    }

    /** PostgreSQL's {@code pg_lsn} text form {@code 16/B374D848} as a number (and back). */
    public static final class Lsn {
        private Lsn() {
        }

        public static long parse(String text) {
            if (text == null) {
                return 0;
            }
            int slash = text.indexOf('/');
            if (slash <= 0 || slash == text.length() - 1) {
                throw new IllegalStateException("不是 pg_lsn：" + text);
            }
            long high = Long.parseLong(text.substring(0, slash), 16);
            long low = Long.parseLong(text.substring(slash + 1), 16);
            if (high > 0xFFFFFFFFL || low > 0xFFFFFFFFL) {
                throw new IllegalStateException("不是 pg_lsn：" + text);
            }
            return (high << 32) | low;
        }

        public static String format(long lsn) {
            return Long.toHexString(lsn >>> 32).toUpperCase() + "/" + Long.toHexString(lsn & 0xFFFFFFFFL).toUpperCase();
        }
    }

    /**
     * How long the replica is behind, in time, at most: the primary's WAL position is sampled at every check. What
     * the replica has not replayed was written after the last time the primary was seen at a position the replica
     * has replayed — so it is at most that old. (Not {@code now() - pg_last_xact_replay_timestamp()}, which grows on an
     * idle primary where nothing is behind: the primary is seen at the same position again at every check.) A replica
     * behind every sample on record (or with none yet) is behind by an unknown time ({@link Status.Behind}). Before
     * (review), the age of the oldest sample it had not replayed was taken as the lag — a lower bound: a node starting
     * beside a replica hours behind saw it milliseconds behind, its one sample that young, and read from it until that
     * sample was {@code max-lag} old.
     */
    public static final class LagClock {
        private final int capacity;
        // {lsn, nanoTime last seen there}, oldest first. Monotonic time, not the wall clock: a clock stepped back (NTP, a
        // VM resumed from a snapshot) made a replica 13 s behind look 3 s behind, and it was read from (review)
        private final Deque<long[]> samples = new ArrayDeque<>();

        public LagClock(int capacity) {
            this.capacity = Math.max(2, capacity);
        }

        /** The primary was at {@code lsn} at {@code nanos} ({@link System#nanoTime()}). */
        public synchronized void primary(long lsn, long nanos) {
            long[] last = samples.peekLast();
            if (last != null && last[0] == lsn) {
                last[1] = nanos; // nothing written since: the primary was still there then
                return;
            }
            samples.addLast(new long[]{lsn, nanos});
            while (samples.size() > capacity) {
                samples.removeFirst();
            }
        }

        /**
         * The replica's delay at {@code nanos} ({@link System#nanoTime()}), at most, when it has replayed up to
         * {@code replayLsn}; empty when it is behind every sample on record (how far is not known).
         */
        public synchronized java.util.Optional<Duration> lag(long replayLsn, long nanos) {
            long[] replayed = null;
            for (Iterator<long[]> it = samples.iterator(); it.hasNext(); ) {
                long[] sample = it.next();
                if (sample[0] > replayLsn) {
                    break;
                }
                replayed = sample;
            }
            // level with the newest sample too: what the primary wrote since it was last seen is not known either, so
            // a primary not sampled for a while (its pool exhausted at month-end) does not make a stalled replica look
            // level; sampled every check, that is the few milliseconds between the two queries
            return replayed == null ? java.util.Optional.empty()
                    : java.util.Optional.of(Duration.ofNanos(Math.max(0, nanos - replayed[1])));
        }
    }
}
