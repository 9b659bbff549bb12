package org.anju.plan;

import org.anju.AutoExplain;
import org.anju.SeedDataTest;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;

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
 * the rows written. V3_1's join handles some 3,000 × 3,000. The same for the deletes' cascades (V3_1702).
 */
@SeedDataTest
class PlanChecksWithoutStatisticsTest extends JiangxiPlanRolledBack {

    @Autowired
    JdbcTemplate template;

    /** A statement run with auto_explain on: the rows it wrote or deleted, and the plans of its trigger queries. */
    record Run(String what, long rows, List<JsonNode> plans) {
    }

    @Test
    void theChecksReadEachWrittenRowOnceWhenTheStatisticsSayTheTablesAreEmpty() {
        List<Run> runs = new ArrayList<>();
        rolledBack(plan -> template.execute((ConnectionCallback<Void>) c -> {
            try (Statement s = c.createStatement()) {
                emptiedStatistics(s);
                tableAndColumn(s, plan);
                explained(s, true);
                for (String[] w : writes(plan)) {
                    runs.add(run(s, w[0], w[1], "written_"));
                }
                explained(s, false);
            }
            return null;
        }));
        assertThat(runs.get(1).rows()).as("counties written").isGreaterThan(3000);
        assertThat(runs.get(2).rows()).as("targets written").isGreaterThan(3300);
        assertHandledWithin(runs, 2);
    }

    /**
     * The deletes' cascades likewise (V3_1702; the statistics review of the seventeenth session): deleting a national
     * plan while another was stored compared every deleted row with every target of the other plans — 102 s instead of
     * 0.15 s. Here the table written above is deleted beside the demo's plans: its columns take their targets, its rows
     * the rest.
     */
    @Test
    void theCascadesDeleteByKeyWhenTheStatisticsSayTheTablesAreEmpty() {
        List<Run> runs = new ArrayList<>();
        long[] others = new long[2];
        rolledBack(plan -> template.execute((ConnectionCallback<Void>) c -> {
            try (Statement s = c.createStatement()) {
                emptiedStatistics(s);
                tableAndColumn(s, plan);
                for (String[] w : writes(plan)) {
                    s.executeUpdate(w[1]);
                }
                try (var rs = s.executeQuery("""
                        select count(*) filter (where r.id is null), count(*) filter (where r.id is not null)
                        from target t left join breakdown_row r on r.id = t.row_id
                                                               and r.table_id = currval('breakdown_table_id_seq')""")) {
                    rs.next();
                    others[0] = rs.getLong(1);
                    others[1] = rs.getLong(2);
                }
                explained(s, true);
                runs.add(run(s, "the table deleted", "delete from breakdown_table where id = currval('breakdown_table_id_seq')",
                        "deleted_"));
                explained(s, false);
                try (var rs = s.executeQuery("select (select count(*) from breakdown_row"
                        + " where table_id = currval('breakdown_table_id_seq')), (select count(*) from target)")) {
                    rs.next();
                    assertThat(rs.getLong(1)).as("the table's rows went with it").isZero();
                    assertThat(rs.getLong(2)).as("its targets too, and only those").isEqualTo(others[0]);
                }
            }
            return null;
        }));
        assertThat(others[0]).as("the demo's targets beside it").isGreaterThan(500);
        Run deleted = runs.getFirst();
        assertThat(deleted.plans()).as("the cascades' statements").isNotEmpty();
        long written = others[1];   // the table's targets, and as many rows
        assertThat(written).isGreaterThan(3300);
        SoftAssertions soft = new SoftAssertions();
        for (JsonNode p : deleted.plans()) {
            soft.assertThat(handled(p)).as("rows handled by %s", firstLine(p)).isLessThan(10 * 2 * written);
        }
        soft.assertAll();
    }

    /** What the autovacuum writes after the rows are deleted: no rows on the pages it keeps. */
    private static void emptiedStatistics(Statement s) throws java.sql.SQLException {
        s.execute("""
                update pg_class set reltuples = 0, relpages = greatest(relpages, 100)
                where oid in ('breakdown_row'::regclass, 'target'::regclass, 'breakdown_table'::regclass,
                              'breakdown_column'::regclass)""");
    }

    /** A table of the plan with one column, as the plan's first table's first column. */
    private static void tableAndColumn(Statement s, long plan) throws java.sql.SQLException {
        s.execute("""
                insert into breakdown_table (plan_id, seq, label, title, row_header, fingerprint)
                values (%d, 99, '附表99', '统计信息测试', '地区', 'statistics-test')""".formatted(plan));
        s.execute("""
                insert into breakdown_column (table_id, seq, header, indicator_id, year)
                select currval('breakdown_table_id_seq'), 1, '{目标}', indicator_id, year
                from breakdown_column where table_id = (select min(id) from breakdown_table where plan_id = %d)
                limit 1""".formatted(plan));
    }

    /** The provinces' and cities' rows, then the counties' under them, then a target for every row. */
    private static String[][] writes(long plan) {
        return new String[][]{
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
    }

    private static void explained(Statement s, boolean on) throws java.sql.SQLException {
        if (on) {
            AutoExplain.on(s);
        } else {
            AutoExplain.off(s);
        }
    }

    private static Run run(Statement s, String what, String sql, String reading) throws java.sql.SQLException {
        long rows = s.executeUpdate(sql);
        Run run = new Run(what, rows, plans(s.getWarnings(), reading));
        s.clearWarnings();
        return run;
    }

    private static void assertHandledWithin(List<Run> runs, int plansEach) {
        SoftAssertions soft = new SoftAssertions();
        for (Run w : runs) {
            soft.assertThat(w.plans()).as("the checks' plans after %s", w.what()).hasSize(plansEach);
            for (JsonNode p : w.plans()) {
                soft.assertThat(handled(p))
                        .as("rows handled after %s (%d written) by %s", w.what(), w.rows(), firstLine(p))
                        .isLessThan(10 * w.rows());
            }
        }
        soft.assertAll();
    }

    private static String firstLine(JsonNode plan) {
        return AutoExplain.firstLine(plan);
    }

    /** The plans auto_explain sent for the trigger queries that read a transition table whose name starts {@code reading}. */
    private static List<JsonNode> plans(SQLWarning w, String reading) {
        return AutoExplain.plans(w).stream().filter(plan -> {
            String query = AutoExplain.query(plan);
            return query.contains(reading + "rows") || query.contains(reading + "targets")
                    || query.contains(reading + "columns") || query.contains(reading + "tables");
        }).toList();
    }

    private static long handled(JsonNode plan) {
        return AutoExplain.handled(plan);
    }
}
