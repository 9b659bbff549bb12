package org.anju.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/**
 * CPU time (user + system) of this JVM and of the PostgreSQL server's processes (the postmaster and its children: the
 * backends, the WAL writer …), read from {@code /proc}. On the shared 2-core machine an operation's wall time follows
 * everybody's load; the CPU it used does much less, so variants are compared on both (issue 15, third session).
 */
final class CpuClock {

    /** Linux's clock ticks per second for /proc/[pid]/stat (USER_HZ, 100 on every usual kernel). */
    private static final long TICKS = 100;

    private final long postmaster;

    /** @param pgData the server's data directory (its postmaster.pid names the server); -1 when not readable */
    CpuClock(Path pgData) {
        long pid = -1;
        try {
            pid = Long.parseLong(Files.readAllLines(pgData.resolve("postmaster.pid")).getFirst().strip());
        } catch (IOException | RuntimeException e) {
            // not on Linux, or the server is not in this directory: the server's figure is then left out
        }
        this.postmaster = pid;
    }

    /** CPU nanoseconds this JVM used so far (every thread: the work, JIT, GC). */
    static long jvm() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime();
    }

    /**
     * CPU nanoseconds the database server's processes used so far (children that ended included, autovacuum's
     * workers left out); -1 when unknown.
     */
    long server() {
        if (postmaster < 0) {
            return -1;
        }
        long ticks = 0;
        try (Stream<Path> procs = Files.list(Path.of("/proc"))) {
            for (Path p : (Iterable<Path>) procs::iterator) {
                String name = p.getFileName().toString();
                if (!name.chars().allMatch(Character::isDigit)) {
                    continue;
                }
                String[] f = fields(p.resolve("stat"));
                if (f == null) {
                    continue;
                }
                long pid = Long.parseLong(name);
                // after the command's closing parenthesis: state, ppid, … utime (11), stime (12), cutime (13), cstime (14)
                if (pid == postmaster) {
                    ticks += Long.parseLong(f[11]) + Long.parseLong(f[12]) + Long.parseLong(f[13]) + Long.parseLong(f[14]);
                } else if (Long.parseLong(f[1]) == postmaster && !autovacuum(p)) {
                    ticks += Long.parseLong(f[11]) + Long.parseLong(f[12]);
                }
            }
        } catch (IOException e) {
            return -1;
        }
        return ticks * 1_000_000_000L / TICKS;
    }

    /** Autovacuum's workers clean up after earlier statements whenever they choose: not the measured work's. */
    private static boolean autovacuum(Path proc) {
        try {
            return Files.readString(proc.resolve("cmdline")).contains("autovacuum");
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }

    private static String[] fields(Path stat) {
        try {
            String s = Files.readString(stat);
            return s.substring(s.lastIndexOf(')') + 2).split(" ");
        } catch (IOException | RuntimeException e) {
            return null;   // the process ended meanwhile
        }
    }
}
