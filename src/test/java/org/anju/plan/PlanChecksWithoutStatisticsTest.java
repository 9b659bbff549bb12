package org.anju.plan;

import org.anju.SeedDataTest;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.sql.SQLWarning;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The integrity checks of breakdown rows and targets (V3_1, rewritten by V3_1701) do work in proportion to the rows a
 * statement writes, whatever the tables' statistics say. After a plan's deletion the autovacuum leaves breakdown_row
 * and target recorded as empty on the pages they keep (reltuples 0); V3_1's joins then compared each written row with
 * every row of the table — a national plan's import 6–8 s instead of 0.6 s on PostgreSQL 15.
 *
 * <p>The statistics are set here as that vacuum leaves them (in the transaction, rolled back), a table of some 3,000
 * rows and their targets is written, and the checks' plans are read back from {@code auto_explain} (shipped with the
 * embedded server) with their actual row counts: the rows their nodes handled, summed, stay within a small multiple of
 * the rows written. V3_1's join handles some 3,000 × 3,000.
 */
@SeedDataTest
class PlanChecksWithoutStatisticsTest extends JiangxiPlanRolledBack {

    @Autowired
    JdbcTemplate template;

    @Test
    void theChecksReadEachWrittenRowOnceWhenTheStatisticsSayTheTablesAreEmpty() {
        record Written(String what, long rows, List<JsonNode> plans) {
        }
        List<Written> statements = new ArrayList<>();
        rolledBack(plan -> template.execute((ConnectionCallback<Void>) c -> {
            try (Statement s = c.createStatement()) {
                // what the autovacuum writes after the rows are deleted: no rows on the pages it keeps
                s.execute("""
                        update pg_class set reltuples = 0, relpages = greatest(relpages, 100)
                        where oid in ('breakdown_row'::regclass, 'target'::regclass, 'breakdown_table'::regclass,
                                      'breakdown_column'::regclass)""");
                s.execute("""
                        insert into breakdown_table (plan_id, seq, label, title, row_header, fingerprint)
                        values (%d, 99, '附表99', '统计信息测试', '地区', 'statistics-test')""".formatted(plan));
                s.execute("""
                        insert into breakdown_column (table_id, seq, header, indicator_id, year)
                        select currval('breakdown_table_id_seq'), 1, '{目标}', indicator_id, year
                        from breakdown_column where table_id = (select min(id) from breakdown_table where plan_id = %d)
                        limit 1""".formatted(plan));
                s.execute("load 'auto_explain'");
                for (String setting : List.of("log_min_duration = 0", "log_analyze = on", "log_timing = off",
                        "log_nested_statements = on", "log_format = json", "log_level = notice")) {
                    s.execute("set auto_explain." + setting);
                }
                String[][] writes = {
                        {"the provinces' and cities' rows", """
                                insert into breakdown_row (table_id, seq, label, region_id, role)
                                select currval('breakdown_table_id_seq'), g.id, g.name, g.id, 'PARENT'
                                from region g where g.level between 1 and 2"""},
                        {"the counties' rows, under their city's or province's row", """
                                insert into breakdown_row (table_id, seq, label, region_id, parent_row_id, role)
                                select p.table_id, g.id, g.name, g.id, p.id, 'DETAIL'
                                from region g join breakdown_row p on p.region_id = g.parent_id
                                                                  and p.table_id = currval('breakdown_table_id_seq')
                                where g.level = 3"""},
                        {"a target for every row", """
                                insert into target (row_id, column_id, plan_id, region_id, indicator_id, year, value,
                                                    scale, detail)
                                select r.id, c.id, %d, r.region_id, c.indicator_id, c.year, 1, 0, true
                                from breakdown_row r join breakdown_column c on c.table_id = r.table_id
                                where r.table_id = currval('breakdown_table_id_seq')""".formatted(plan)}};
                for (String[] w : writes) {
                    long rows = s.executeUpdate(w[1]);
                    statements.add(new Written(w[0], rows, checks(s.getWarnings())));
                    s.clearWarnings();
                }
                s.execute("set auto_explain.log_min_duration = -1");
            }
            return null;
        }));
        assertThat(statements.get(1).rows()).as("counties written").isGreaterThan(3000);
        assertThat(statements.get(2).rows()).as("targets written").isGreaterThan(3300);
        SoftAssertions soft = new SoftAssertions();
        for (Written w : statements) {
            soft.assertThat(w.plans()).as("the checks' plans after %s", w.what()).hasSize(2);
            for (JsonNode p : w.plans()) {
                soft.assertThat(handled(p.path("Plan")))
                        .as("rows handled after %s (%d written) by %s", w.what(), w.rows(),
                                p.path("Query Text").asString().strip().lines().findFirst().orElse(""))
                        .isLessThan(10 * w.rows());
            }
        }
        soft.assertAll();
    }

    /** The plans auto_explain sent for the checks' queries (those that read the statement's written rows). */
    private static List<JsonNode> checks(SQLWarning w) {
        List<JsonNode> found = new ArrayList<>();
        for (; w != null; w = w.getNextWarning()) {
            String m = w.getMessage();
            int json = m.indexOf('{');
            if (json < 0) {
                continue;
            }
            JsonNode plan = JsonMapper.builder().build().readTree(m.substring(json));
            String query = plan.path("Query Text").asString();
            if (query.contains("written_rows") || query.contains("written_targets")) {
                found.add(plan);
            }
        }
        return found;
    }

    /** Rows a plan's nodes returned or filtered out, over all their loops. */
    private static long handled(JsonNode node) {
        long loops = Math.max(1, node.path("Actual Loops").asLong());
        long rows = node.path("Actual Rows").asLong() + node.path("Rows Removed by Filter").asLong()
                + node.path("Rows Removed by Join Filter").asLong();
        long sum = rows * loops;
        for (JsonNode child : node.path("Plans")) {
            sum += handled(child);
        }
        return sum;
    }
}
