package org.anju.cli;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.context.metrics.buffering.BufferingApplicationStartup;
import org.springframework.boot.context.metrics.buffering.StartupTimeline;
import org.springframework.core.metrics.StartupStep;

import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;

/**
 * Where start-up time goes, on demand ({@code -Danju.startup.trace=true}, used by scripts/measure-startup.sh): the JVM
 * until {@code main}, Spring's phases and its slowest beans (each with what it waited for inside), the command itself.
 * Printed to standard error; without the property nothing is recorded.
 */
public final class StartupTrace {

    private static final int SLOWEST = 15;

    private final BufferingApplicationStartup startup = new BufferingApplicationStartup(50_000);
    private final long mainAt = System.currentTimeMillis();

    private StartupTrace() {
    }

    /** A trace attached to the application when asked for, else null. */
    public static StartupTrace of(SpringApplication application) {
        if (!Boolean.getBoolean("anju.startup.trace")) {
            return null;
        }
        StartupTrace trace = new StartupTrace();
        application.setApplicationStartup(trace.startup);
        return trace;
    }

    /** Prints the summary; {@code commandMillis} the time of the command after the context was up (-1: none). */
    public void print(PrintStream out, long commandMillis) {
        long jvmStart = ManagementFactory.getRuntimeMXBean().getStartTime();
        StartupTimeline timeline = startup.getBufferedTimeline();
        List<StartupTimeline.TimelineEvent> events = timeline.getEvents();
        out.printf("[startup] JVM 启动到 main：%d ms%n", mainAt - jvmStart);
        // the end of the refresh: with lazy beans (the command line) many are made later, during the command
        out.printf("[startup] main 到 Spring 上下文就绪：%d ms%n", events.stream()
                .filter(e -> e.getStartupStep().getName().equals("spring.context.refresh"))
                .mapToLong(e -> e.getEndTime().toEpochMilli()).max().orElse(mainAt) - mainAt);
        for (String phase : List.of("spring.boot.application.environment-prepared", "spring.context.beandef-registry.post-process",
                "spring.context.beans.post-process", "spring.context.refresh", "spring.boot.application.ready")) {
            long ms = events.stream().filter(e -> e.getStartupStep().getName().equals(phase))
                    .mapToLong(e -> e.getDuration().toMillis()).sum();
            out.printf("[startup]   %-48s %6d ms%n", phase, ms);
        }
        out.printf("[startup] 最慢的 Bean（含其依赖的 Bean）：%n");
        events.stream().filter(e -> e.getStartupStep().getName().equals("spring.beans.instantiate"))
                .sorted(Comparator.comparing(StartupTimeline.TimelineEvent::getDuration).reversed()).limit(SLOWEST)
                .forEach(e -> out.printf("[startup]   %6d ms  %s%n", e.getDuration().toMillis(), beanName(e.getStartupStep())));
        if (commandMillis >= 0) {
            out.printf("[startup] 命令（含它才用到的 Bean）：%d ms%n", commandMillis);
        }
        out.printf("[startup] 自 JVM 启动共计：%d ms%n", System.currentTimeMillis() - jvmStart);
    }

    private static String beanName(StartupStep step) {
        for (StartupStep.Tag tag : step.getTags()) {
            if (tag.getKey().equals("beanName")) {
                return tag.getValue();
            }
        }
        return step.getName();
    }

    static long millisSince(long nanoTime) {
        return Duration.ofNanos(System.nanoTime() - nanoTime).toMillis();
    }
}
