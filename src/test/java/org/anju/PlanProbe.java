package org.anju;

import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * Statements' plans as they ran ({@link AutoExplain}), each with the bound its rows handled should stay under: for the
 * statistics tests of by-id reads, where a statement's share is a handful of rows (an id's) or a parent's children.
 */
public final class PlanProbe {

    /** A statement's plan as read by {@code label}, with the bound its rows handled should stay under. */
    public record Read(String label, JsonNode plan, long bound) {

        public long handled() {
            return AutoExplain.handled(plan);
        }

        /** Buffers the plan's top node touched (its children's included): what rows handled does not see. */
        public long pages() {
            JsonNode top = plan.path("Plan");
            return top.path("Shared Hit Blocks").asLong() + top.path("Shared Read Blocks").asLong();
        }

        public String statement() {
            return AutoExplain.firstLine(plan);
        }

        @Override
        public String toString() {
            return "%-40s %12d rows (bound %d) %8d pages  %s".formatted(label, handled(), bound, pages(), statement());
        }
    }

    /** Median of 41 calls after 5 warm-up calls, in ms: the statistics tests' opt-in timings (printed, never asserted). */
    public static double median(Supplier<?> call) {
        for (int i = 0; i < 5; i++) {
            call.get();
        }
        double[] ms = new double[41];
        for (int i = 0; i < ms.length; i++) {
            long t = System.nanoTime();
            call.get();
            ms[i] = (System.nanoTime() - t) / 1e6;
        }
        java.util.Arrays.sort(ms);
        return ms[ms.length / 2];
    }

    private final JdbcTemplate template;
    private final List<Read> reads = new ArrayList<>();

    public PlanProbe(JdbcTemplate template) {
        this.template = template;
    }

    /** {@code read}'s result; each of its statements' plans recorded under {@code label} with {@code bound}. */
    public <T> T read(String label, long bound, Supplier<T> read) {
        AutoExplain.on(template);
        template.execute("set auto_explain.log_buffers = on");
        try (AutoExplain.Captured captured = new AutoExplain.Captured()) {
            T result = read.get();
            template.queryForObject("select 1", Integer.class);   // a query's plan comes with the next statement's
            captured.plans().stream().filter(p -> !AutoExplain.query(p).strip().equals("select 1"))
                    .forEach(p -> reads.add(new Read(label, p, bound)));
            return result;
        } finally {
            template.execute("set auto_explain.log_min_duration = -1");
        }
    }

    public List<Read> reads() {
        return reads;
    }

    /** The reads over their bound. */
    public List<Read> over() {
        return reads.stream().filter(r -> r.handled() >= r.bound()).toList();
    }

    /** The reads, one a line, for the test's output. */
    public String report(String title) {
        StringBuilder s = new StringBuilder("---- ").append(title).append('\n');
        reads.forEach(r -> s.append(r).append('\n'));
        return s.toString();
    }

    /** The plan's nodes, one a line: type, relation and index, conditions, rows and loops, rows removed. */
    public static String describe(JsonNode plan) {
        StringBuilder s = new StringBuilder();
        describe(plan.has("Plan") ? plan.path("Plan") : plan, 1, s);
        return s.toString();
    }

    private static void describe(JsonNode n, int depth, StringBuilder s) {
        s.append("  ".repeat(depth)).append(n.path("Node Type").asString());
        for (String f : List.of("Join Type", "Relation Name", "Index Name", "Index Cond", "Hash Cond", "Join Filter",
                "Filter", "Recheck Cond", "Subplan Name")) {
            if (n.has(f)) {
                s.append(" [").append(f).append(": ").append(n.path(f).asString()).append(']');
            }
        }
        s.append(" rows=").append(n.path("Actual Rows").asLong()).append(" loops=").append(n.path("Actual Loops").asLong());
        for (String f : List.of("Rows Removed by Filter", "Rows Removed by Join Filter", "Rows Removed by Index Recheck")) {
            if (n.path(f).asLong() > 0) {
                s.append(" removed=").append(n.path(f).asLong());
            }
        }
        s.append('\n');
        for (JsonNode c : n.path("Plans")) {
            describe(c, depth + 1, s);
        }
    }

    /** The reads, each with its plan's nodes. */
    public String plans(String title) {
        StringBuilder s = new StringBuilder("---- plans: ").append(title).append('\n');
        java.util.Set<String> seen = new java.util.HashSet<>();
        for (Read r : reads) {
            if (seen.add(r.label() + "|" + AutoExplain.query(r.plan()))) {
                s.append(r).append('\n').append(describe(r.plan()));
            }
        }
        return s.toString();
    }
}
