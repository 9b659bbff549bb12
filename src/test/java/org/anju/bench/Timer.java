package org.anju.bench;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;

/** Wall-clock samples of one operation, reported as mean, median, p95 and max in milliseconds. */
final class Timer {

    private final String name;
    private final List<Long> nanos = new ArrayList<>();

    Timer(String name) {
        this.name = name;
    }

    <T> T time(java.util.function.Supplier<T> work) {
        long start = System.nanoTime();
        T result = work.get();
        nanos.add(System.nanoTime() - start);
        return result;
    }

    void time(Runnable work) {
        time(() -> {
            work.run();
            return null;
        });
    }

    /** Adds the other timer's latest sample (a subset of runs reported apart). */
    void addLast(Timer other) {
        nanos.add(other.nanos.getLast());
    }

    void addAll(Timer other) {
        nanos.addAll(other.nanos);
    }

    /** Adds a sample measured elsewhere, in milliseconds. */
    void add(double millis) {
        nanos.add((long) (millis * 1e6));
    }

    /** The latest sample, in milliseconds. */
    double last() {
        return nanos.getLast() / 1e6;
    }

    double percentile(double p) {
        List<Long> sorted = new ArrayList<>(nanos);
        Collections.sort(sorted);
        int index = (int) Math.ceil(p / 100.0 * sorted.size()) - 1;
        return sorted.get(Math.max(0, Math.min(index, sorted.size() - 1))) / 1e6;
    }

    /** A measurement without a target (reported, not judged). */
    String report() {
        double mean = nanos.stream().mapToLong(Long::longValue).average().orElse(0) / 1e6;
        return String.format(Locale.ROOT, "| %s | %d | %.1f | %.1f | %.1f | %.1f | (measured, no target) |", name,
                nanos.size(), mean, percentile(50), percentile(95), percentile(100));
    }

    String report(double targetMs, double atPercentile) {
        double mean = nanos.stream().mapToLong(Long::longValue).average().orElse(0) / 1e6;
        double measured = percentile(atPercentile);
        return String.format(Locale.ROOT, "| %s | %d | %.1f | %.1f | %.1f | %.1f | %s ≤ %.0f ms: %s |", name, nanos.size(),
                mean, percentile(50), percentile(95), percentile(100), atPercentile == 100 ? "max" : "p" + (int) atPercentile,
                targetMs, measured <= targetMs ? "met" : "NOT MET");
    }
}
