package org.anju.platform;

import java.lang.management.ManagementFactory;
import java.util.function.Supplier;

/**
 * Where a start-up's time goes below Spring's own steps ({@code -Danju.startup.trace=true}, as org.anju.cli's
 * StartupTrace): the embedded PostgreSQL's start and stop, the schema check, the region directory. Each step is printed
 * to standard error with its wall time and the JVM's CPU time (all threads) spent meanwhile; without the property
 * nothing is measured or printed.
 */
public final class StartupClock {

    private static final boolean ON = Boolean.getBoolean("anju.startup.trace");

    private StartupClock() {
    }

    public static boolean on() {
        return ON;
    }

    /** Runs {@code step}, printing its times when tracing. */
    public static <T> T step(String name, Supplier<T> step) {
        if (!ON) {
            return step.get();
        }
        long wall = System.nanoTime();
        long cpu = cpuNanos();
        try {
            return step.get();
        } finally {
            System.err.printf("[startup]   %-40s %6d ms（JVM CPU %d ms）%n", name, (System.nanoTime() - wall) / 1_000_000,
                    (cpuNanos() - cpu) / 1_000_000);
        }
    }

    public static void step(String name, Runnable step) {
        step(name, () -> {
            step.run();
            return null;
        });
    }

    /** The JVM's CPU time so far (every thread), or 0 where the platform does not tell. */
    public static long cpuNanos() {
        return ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os
                ? Math.max(0, os.getProcessCpuTime()) : 0;
    }
}
