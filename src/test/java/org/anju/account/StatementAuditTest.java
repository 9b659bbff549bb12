package org.anju.account;

import org.anju.AnjuTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;
import tools.jackson.databind.json.JsonMapper;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Bulk rows' audit entries written one JSON array per column (V0_1571, issue 15 seventh session): every row of the
 * statement is in its entry exactly as {@code to_json} writes the row — columns lined up, no row lost or moved — and
 * a row's history finds it there, as it still finds it in an entry written before, one object per row.
 */
@AnjuTest
@TestPropertySource(properties = "anju.test.database=statement_audit")
class StatementAuditTest {

    @Autowired
    JdbcClient jdbc;
    @Autowired
    AuditTrail audit;
    @Autowired
    JsonMapper json;
    @Autowired
    org.springframework.transaction.support.TransactionTemplate transactions;
    @Autowired
    org.anju.region.Regions regions;

    /** The log is append-only and kept across this class's tests: each looks at its own entries only. */
    long since;

    @BeforeEach
    void table() {
        since = jdbc.sql("select coalesce(max(id), 0) from audit_log").query(Long.class).single();
        jdbc.sql("drop table if exists audit_bulk_test").update();
        // every kind of value a bulk table holds, one hidden
        jdbc.sql("""
                create table audit_bulk_test (
                    batch int not null, seq int not null, label text, value numeric(20, 6), ok boolean, day date,
                    at timestamptz, header text[], extra jsonb, secret text, primary key (batch, seq))""").update();
        jdbc.sql("select audit_enable('audit_bulk_test', '{batch,seq}', '{secret}', 'statement', '{batch}')").query().singleRow();
    }

    /** 1,000 rows in one statement: labels with quotes, tabs, line breaks and Chinese, nulls in every column. */
    void insertBatch(int batch) {
        jdbc.sql("""
                insert into audit_bulk_test
                select :batch, g, case when g % 7 = 0 then null else '单位' || g || ' "引号"' || E'\\t' || E'\\n' || '\\' end,
                       case when g % 5 = 0 then null else g * 1.25 end, case when g % 3 = 0 then null else g % 2 = 0 end,
                       date '2025-01-01' + g, timestamptz '2025-06-30 16:00:00+00' + g * interval '1 minute',
                       case when g % 4 = 0 then null else array['合计', '第' || g || '列'] end,
                       case when g % 6 = 0 then null else jsonb_build_object('n', g, 'a', jsonb_build_array(g, '乙')) end,
                       '密' || g
                from generate_series(1000, 1, -1) g""").param("batch", batch).update();
    }

    List<Map<String, Object>> rowsAsToJsonWritesThem(String where) {
        return jdbc.sql("select to_json(r)::text from (select batch, seq, label, value, ok, day, at, header, extra "
                        + "from audit_bulk_test where " + where + ") r order by seq desc")
                .query(String.class).list().stream().map(t -> json.readValue(t, Map.class))
                .map(m -> (Map<String, Object>) m).collect(Collectors.toList());
    }

    @Test
    void everyRowOfAStatementIsInItsEntryColumnByColumn() {
        insertBatch(1);
        String layout = jdbc.sql("select json_typeof(new -> 0) || ' ' || (new -> 0)::text from audit_log "
                + "where table_name = 'audit_bulk_test' and op = 'INSERT' and id > ?").param(since).query(String.class).single();
        assertThat(layout).isEqualTo("array [\"batch\", \"seq\", \"label\", \"value\", \"ok\", \"day\", \"at\", \"header\", \"extra\"]");
        // the entry's rows, read back, are the table's rows as to_json writes them, in the statement's order
        String text = jdbc.sql("select new::text from audit_log where table_name = 'audit_bulk_test' and op = 'INSERT' and id > ?")
                .param(since).query(String.class).single();
        List<Map<String, Object>> rows = StatementRows.of(json.readValue(text, List.class));
        assertThat(rows).hasSize(1000).isEqualTo(rowsAsToJsonWritesThem("batch = 1"));
        assertThat(text).doesNotContain("密");

        // one row's history: inserted, then deleted with others in one statement
        jdbc.sql("delete from audit_bulk_test where seq between 10 and 19").update();
        List<AuditEntry> history = audit.history("audit_bulk_test", Map.of("batch", 1, "seq", 13));
        assertThat(history).extracting(AuditEntry::op).containsExactly("INSERT", "DELETE");
        Map<String, Object> row13 = rows.stream().filter(r -> ((Number) r.get("seq")).intValue() == 13).findFirst().orElseThrow();
        assertThat(history.getFirst().after()).isEqualTo(row13).containsEntry("label", "单位13 \"引号\"\t\n\\");
        assertThat(history.getFirst().before()).isNull();
        assertThat(history.getLast().before()).isEqualTo(row13);
        assertThat(history.getLast().key()).isEqualTo(Map.of("batch", 1, "seq", 13));
        String deleted = jdbc.sql("select old::text from audit_log where table_name = 'audit_bulk_test' and op = 'DELETE' and id > ?")
                .param(since).query(String.class).single();
        assertThat(StatementRows.of(json.readValue(deleted, List.class))).extracting(r -> r.get("seq"))
                .containsExactlyInAnyOrder(10, 11, 12, 13, 14, 15, 16, 17, 18, 19);
        // a row that was never there has no history; one of another group is not found in this group's entries
        assertThat(audit.history("audit_bulk_test", Map.of("batch", 1, "seq", 5000))).isEmpty();
        insertBatch(2);
        assertThat(audit.history("audit_bulk_test", Map.of("batch", 2, "seq", 13))).extracting(AuditEntry::op)
                .containsExactly("INSERT");
    }

    @Test
    void anEntryWrittenBeforeOneObjectPerRowIsStillRead() {
        // as a database from before V0_1571 holds it (the log is append-only: such entries stay)
        jdbc.sql("""
                insert into audit_log (actor, actor_region, via, table_name, row_key, op, new, tx_id)
                values ('sr_admin', '361100', 'IMPORT', 'audit_bulk_test', '{"batch": 3}', 'INSERT',
                        '[{"batch": 3, "seq": 1, "label": "甲", "value": 1.500000}, {"batch": 3, "seq": 2, "label": "乙", "value": null}]',
                        pg_current_xact_id()::text::bigint)""").update();
        transactions.executeWithoutResult(tx -> {
            jdbc.sql("select set_config('anju.region', '361100', true)").query().singleRow();
            jdbc.sql("insert into audit_bulk_test (batch, seq, label) values (3, 3, '丙'), (3, 4, '丁'), (3, 5, '戊')").update();
        });
        List<AuditEntry> old = audit.history("audit_bulk_test", Map.of("batch", 3, "seq", 2));
        assertThat(old).hasSize(1);
        assertThat(old.getFirst().after()).containsEntry("label", "乙").containsEntry("value", null);
        assertThat(audit.history("audit_bulk_test", Map.of("batch", 3, "seq", 4)).getFirst().after()).containsEntry("label", "丁");
        // the log page counts the rows of either layout
        List<AuditEntry> recent = audit.recent(regions.root(), "audit_bulk_test", null, 10);
        assertThat(audit.readable(recent)).extracting(AuditRecord::rows).containsExactly(3, 2);
    }

    @Test
    void aTableTooWideForOneCallKeepsOneObjectPerRow() {
        String columns = java.util.stream.IntStream.rangeClosed(1, 100).mapToObj(i -> "c" + i + " int")
                .collect(Collectors.joining(", "));
        jdbc.sql("drop table if exists audit_wide_test").update();
        jdbc.sql("create table audit_wide_test (id int primary key, " + columns + ")").update();
        jdbc.sql("select audit_enable('audit_wide_test', granularity => 'statement')").query().singleRow();
        jdbc.sql("insert into audit_wide_test (id, c100) select g, g * 2 from generate_series(1, 3) g").update();
        assertThat(jdbc.sql("select json_typeof(new -> 0) from audit_log where table_name = 'audit_wide_test'")
                .query(String.class).single()).isEqualTo("object");
        assertThat(audit.history("audit_wide_test", Map.of("id", 2)).getFirst().after()).containsEntry("c100", 4).hasSize(101);
    }
}
