package org.anju.platform;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/**
 * A process' output read as it comes, so that a test waits for what the process says (that it waits for a turn, that
 * it runs) instead of sleeping a while and hoping it has got that far (on a slow machine it had not, and the test
 * checked nothing).
 */
final class OutputLines {

    private final List<String> lines = new ArrayList<>();
    private boolean ended;

    OutputLines(Process process) {
        Thread.ofVirtual().start(() -> {
            try (BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(),
                    StandardCharsets.UTF_8))) {
                String line;
                while ((line = out.readLine()) != null) {
                    synchronized (this) {
                        lines.add(line);
                        notifyAll();
                    }
                }
            } catch (java.io.IOException closed) {
                // the process ended
            } finally {
                synchronized (this) {
                    ended = true;
                    notifyAll();
                }
            }
        });
    }

    /** The first line (said already, or within the time) that matches; null if the output ends or the time passes first. */
    synchronized String first(Predicate<String> wanted, java.time.Duration within) throws InterruptedException {
        long until = System.nanoTime() + within.toNanos();
        for (int seen = 0; ; ) {
            for (; seen < lines.size(); seen++) {
                if (wanted.test(lines.get(seen))) {
                    return lines.get(seen);
                }
            }
            long left = until - System.nanoTime();
            if (ended || left <= 0) {
                return null;
            }
            java.util.concurrent.TimeUnit.NANOSECONDS.timedWait(this, left);
        }
    }

    /** What it said so far, for a failure's message. */
    synchronized String text() {
        return String.join("\n", lines);
    }
}
