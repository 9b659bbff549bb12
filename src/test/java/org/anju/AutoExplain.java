package org.anju;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.sql.SQLWarning;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * The plans of statements as they ran, with their actual row counts, from PostgreSQL's {@code auto_explain} (shipped
 * with the embedded server) — for tests that a statement's work stays in proportion to the rows it writes whatever the
 * tables' statistics say (the statistics cliffs of the seventeenth and eighteenth sessions). The plans come back as
 * notices: on a plain JDBC statement as its warnings ({@link #plans(SQLWarning)}); for the application's own statements
 * (JdbcClient, which drops warnings) through JdbcTemplate's debug log of them ({@link Captured}).
 */
public final class AutoExplain {

    private AutoExplain() {
    }

    /** Turns auto_explain on for the session (or the transaction's connection): every statement, nested ones too. */
    public static void on(Statement s) throws java.sql.SQLException {
        s.execute("load 'auto_explain'");
        for (String setting : SETTINGS) {
            s.execute("set auto_explain." + setting);
        }
    }

    public static void off(Statement s) throws java.sql.SQLException {
        s.execute("set auto_explain.log_min_duration = -1");
    }

    /** {@link #on(Statement)} on the connection of the current transaction. */
    public static void on(JdbcTemplate template) {
        template.execute("load 'auto_explain'");
        for (String setting : SETTINGS) {
            template.execute("set auto_explain." + setting);
        }
    }

    /**
     * Sets the tables' and their indexes' statistics as the autovacuum leaves them after every row was deleted: no rows
     * on the pages it kept ({@code reltuples} 0) — until the next analyze the planner takes them for empty, whatever
     * they hold. For the current transaction's connection; roll it back.
     */
    public static void emptiedStatistics(JdbcTemplate template, String... tables) {
        String names = String.join(", ", java.util.Arrays.stream(tables).map(t -> "'" + t + "'::regclass").toList());
        template.update("""
                update pg_class set reltuples = 0, relpages = greatest(relpages, 100)
                where oid in (%s) or oid in (select indexrelid from pg_index where indrelid in (%s))"""
                .formatted(names, names));
    }

    private static final List<String> SETTINGS = List.of("log_min_duration = 0", "log_analyze = on", "log_timing = off",
            "log_nested_statements = on", "log_format = json", "log_level = notice");

    /** The plans among a statement's warnings. */
    public static List<JsonNode> plans(SQLWarning w) {
        List<String> messages = new ArrayList<>();
        for (; w != null; w = w.getNextWarning()) {
            messages.add(w.getMessage());
        }
        return plans(messages);
    }

    /** The plans in notices' messages (each a JSON object after its prefix). */
    public static List<JsonNode> plans(List<String> messages) {
        List<JsonNode> found = new ArrayList<>();
        for (String m : messages) {
            int json = m.indexOf('{');
            if (json >= 0 && m.contains("\"Query Text\"")) {
                found.add(JsonMapper.builder().build().readTree(m.substring(json, m.lastIndexOf('}') + 1)));
            }
        }
        return found;
    }

    /** The statement's text, for messages and for picking plans. */
    public static String query(JsonNode plan) {
        return plan.path("Query Text").asString();
    }

    public static String firstLine(JsonNode plan) {
        return query(plan).strip().lines().findFirst().orElse("");
    }

    /**
     * Rows a plan's nodes returned or filtered out, over all their loops. Blind to one kind of waste: an index scan whose
     * condition is on a column after the index's first (emptied statistics make the planner take such an index) reads
     * the whole index and removes nothing visibly — look at the index a plan used too (the fourth sweep's note).
     */
    public static long handled(JsonNode plan) {
        return handledBy(plan.has("Plan") ? plan.path("Plan") : plan);
    }

    private static long handledBy(JsonNode node) {
        long loops = Math.max(1, node.path("Actual Loops").asLong());
        long rows = node.path("Actual Rows").asLong() + node.path("Rows Removed by Filter").asLong()
                + node.path("Rows Removed by Join Filter").asLong();
        long sum = rows * loops;
        for (JsonNode child : node.path("Plans")) {
            sum += handledBy(child);
        }
        return sum;
    }

    /** Catches the warnings JdbcTemplate logs (at debug) and drops, while open. */
    public static final class Captured implements AutoCloseable {
        private final Logger log = (Logger) LoggerFactory.getLogger(JdbcTemplate.class);
        private final Level before = log.getLevel();
        private final ListAppender<ILoggingEvent> appender = new ListAppender<>();

        public Captured() {
            appender.start();
            log.addAppender(appender);
            log.setLevel(Level.DEBUG);
        }

        /** The plans logged so far. */
        public List<JsonNode> plans() {
            return AutoExplain.plans(appender.list.stream().map(ILoggingEvent::getFormattedMessage).toList());
        }

        @Override
        public void close() {
            log.setLevel(before);
            log.detachAppender(appender);
            appender.stop();
        }
    }
}
