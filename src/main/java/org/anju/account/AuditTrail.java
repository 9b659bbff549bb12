package org.anju.account;

import org.anju.platform.Page;
import org.anju.platform.PageRequest;
import org.anju.platform.PagedQuery;
import org.anju.region.Region;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads the audit trail (written by database triggers, see db/migration/platform/V0_2__audit.sql).
 * Callers check access to what the entries are about; {@link #recent} is scoped to the actors of a region.
 */
@Service
public class AuditTrail {

    private static final TypeReference<LinkedHashMap<String, Object>> MAP = new TypeReference<>() {
    };

    private final JdbcClient jdbc;
    private final JsonMapper json;
    private final AuditReading reading;

    AuditTrail(JdbcClient jdbc, JsonMapper json, AuditReading reading) {
        this.jdbc = jdbc;
        this.json = json;
        this.reading = reading;
    }

    /**
     * A page of the changes made by users of {@code scope} and below, newest first, narrowed by {@code filter}, read as
     * a person reads them ({@link AuditRecord}). Paged with limit/offset after {@code order by id desc} (the id is the
     * order of writing; the index audit_log_actor (actor_region, id) serves the scope); the count is over the filtered
     * rows. {@code filter.region()} must lie in {@code scope} (the caller checks access to it).
     */
    public Page<AuditRecord> search(Region scope, AuditFilter filter, PageRequest request) {
        String where = """
                from audit_log l
                where l.actor_region in (select r.code from region r
                                         join region_ancestor a on a.region_id = r.id and a.ancestor_id = :scope)
                  and (cast(:fromAt as timestamptz) is null or l.at >= :fromAt)
                  and (cast(:toAt as timestamptz) is null or l.at < :toAt)
                  and (cast(:actor as text) is null or l.actor = :actor or l.actor_name like '%' || :actor || '%')
                  and (cast(:table as text) is null or l.table_name = :table)
                  and (cast(:op as text) is null or l.op = :op)
                  and (cast(:via as text) is null or l.via = :via)""";
        Map<String, Object> params = new LinkedHashMap<>();
        params.put("scope", scope.id());
        params.put("fromAt", filter.from() == null ? null
                : filter.from().atStartOfDay(org.anju.platform.ChinaTime.ZONE).toOffsetDateTime());
        params.put("toAt", filter.to() == null ? null
                : filter.to().plusDays(1).atStartOfDay(org.anju.platform.ChinaTime.ZONE).toOffsetDateTime());
        params.put("actor", filter.actor());
        params.put("table", filter.table());
        params.put("op", filter.op());
        params.put("via", filter.via() == null ? null : filter.via().name());
        Page<AuditEntry> page = PagedQuery.fetch(jdbc, request, "select count(*) " + where,
                "select l.* " + where + "\norder by l.id desc", params, (rs, n) -> entry(rs));
        List<AuditRecord> records = reading.read(page.items());
        return new Page<>(records, page.page(), page.size(), page.total(), page.pages());
    }

    /** Entries (a row's {@link #history}) as a person reads them. */
    public List<AuditRecord> readable(List<AuditEntry> entries) {
        return reading.read(entries);
    }

    /** The audited tables' codes with their Chinese names (月报, 项目 …), for a filter's choices; named ones first. */
    public Map<String, String> tableNames() {
        Map<String, String> names = new LinkedHashMap<>();
        List<String> audited = tables().stream().filter(AuditedTable::audited).map(AuditedTable::table).toList();
        audited.stream().filter(reading::named).forEach(t -> names.put(t, reading.tableLabel(t)));
        audited.stream().filter(t -> !reading.named(t)).forEach(t -> names.put(t, t));
        return names;
    }

    /**
     * Every change of the row with this key (the table's key columns, see {@code audit_table}), oldest first.
     * Rows written in bulk are recorded one entry per statement and group (granularity 'statement'): their
     * entries are found by the group's key and the row is picked out of each entry's rows ({@link StatementRows}: in
     * either layout the log holds) — and so are its updates where the table records them per statement too
     * ({@code audit_updates_per_statement}: old and new arrays in the same order, the row's pair at the same index).
     */
    public List<AuditEntry> history(String table, Map<String, ?> key) {
        List<String> groups = jdbc.sql("select group_columns from audit_table where table_name = ? and audited "
                        + "and granularity = 'statement'").param(table)
                .query((rs, n) -> List.of((String[]) rs.getArray(1).getArray())).optional().orElse(null);
        String keyJson = json.writeValueAsString(key);
        if (groups == null) {
            return jdbc.sql("select * from audit_log where table_name = ? and row_key = ?::jsonb order by id")
                    .params(table, keyJson).query((rs, n) -> entry(rs)).list();
        }
        Map<String, Object> group = new LinkedHashMap<>();
        groups.forEach(g -> group.put(g, key.get(g)));
        String groupJson = json.writeValueAsString(group);
        Map<String, Object> rowKey = json.readValue(keyJson, MAP);
        // inserts and deletes: the group's entries, the row picked out here — one entry at a time (a national plan's
        // holds 48,165 rows, and each re-import adds two), so a node holds one entry's text, not the group's history
        List<AuditEntry> changes = new ArrayList<>();
        List<Long> ids = jdbc.sql("""
                        select id from audit_log
                        where table_name = :table and op <> 'UPDATE'
                          and (cast(:group as jsonb) = '{}' or row_key = cast(:group as jsonb))""")
                .param("table", table).param("group", groupJson).query(Long.class).list();
        for (long id : ids) {
            jdbc.sql("select id, at, actor, actor_name, actor_region, via, table_name, op, tx_id, "
                            + "case when op = 'DELETE' then old else new end as rows from audit_log where id = ?")
                    .param(id).query(rs -> {
                        String op = rs.getString("op");
                        for (Map<String, Object> row : rows(rs.getString("rows"), rowKey)) {
                            changes.add(entry(rs, rowKey, op.equals("DELETE") ? row : null, op.equals("INSERT") ? row : null));
                        }
                    });
        }
        changes.addAll(jdbc.sql("""
                        select l.* from audit_log l
                        where l.table_name = :table and l.op = 'UPDATE' and l.row_key = cast(:key as jsonb)
                        union all
                        select l.id, l.at, l.actor, l.actor_name, l.actor_region, l.via, l.table_name,
                               cast(:key as jsonb) as row_key, l.op, l.old -> cast(n.i - 1 as int) as old, n.e as new, l.tx_id
                        from audit_log l
                        cross join lateral json_array_elements(l.new) with ordinality as n(e, i)
                        where l.table_name = :table and l.op = 'UPDATE' and json_typeof(l.new) = 'array'
                          and (cast(:group as jsonb) = '{}' or l.row_key = cast(:group as jsonb))
                          and cast(n.e as jsonb) @> cast(:key as jsonb)""")
                .param("key", keyJson).param("group", groupJson).param("table", table)
                .query((rs, n) -> entry(rs)).list());
        changes.sort(Comparator.comparingLong(AuditEntry::id));
        return changes;
    }

    /** The rows holding {@code key} of an entry written per statement (a JSON array, in either layout), or of any other. */
    private List<Map<String, Object>> rows(String text, Map<String, Object> key) {
        if (text == null) {
            return List.of();
        }
        if (!text.stripLeading().startsWith("[")) {
            Map<String, Object> row = json.readValue(text, MAP);
            return StatementRows.contains(row, key) ? List.of(row) : List.of();
        }
        return StatementRows.matching(json.readValue(text, List.class), key);
    }

    /**
     * The latest changes made by users of {@code scope} and below, newest first.
     *
     * @param table only this table, if given
     * @param actor only this username, if given
     */
    public List<AuditEntry> recent(Region scope, String table, String actor, int limit) {
        return jdbc.sql("""
                        select l.* from audit_log l
                        where l.actor_region in (select r.code from region r
                                                 join region_ancestor a on a.region_id = r.id and a.ancestor_id = :scope)
                          and (cast(:table as text) is null or l.table_name = :table)
                          and (cast(:actor as text) is null or l.actor = :actor)
                        order by l.id desc limit :limit""")
                .param("scope", scope.id()).param("table", blank(table)).param("actor", blank(actor))
                .param("limit", Math.clamp(limit, 1, 1000))
                .query((rs, n) -> entry(rs)).list();
    }

    /** One table's entry in {@code audit_table}: how it is audited, or why it is not. */
    public record AuditedTable(String table, boolean audited, List<String> keyColumns, List<String> hiddenColumns,
                               String granularity, List<String> groupColumns, String reason) {
    }

    /**
     * The audited tables and their keys, the exempt ones and why. Mapped to a record: the driver's array objects
     * hold the connection, and serialising them as they are recursed until the JSON writer gave up (a 500).
     */
    public List<AuditedTable> tables() {
        return jdbc.sql("select * from audit_table order by table_name")
                .query((rs, n) -> new AuditedTable(rs.getString("table_name"), rs.getBoolean("audited"),
                        strings(rs.getArray("key_columns")), strings(rs.getArray("hidden_columns")),
                        rs.getString("granularity"), strings(rs.getArray("group_columns")), rs.getString("reason")))
                .list();
    }

    private static List<String> strings(java.sql.Array a) throws SQLException {
        return a == null ? List.of() : List.of((String[]) a.getArray());
    }

    private AuditEntry entry(ResultSet rs) throws SQLException {
        return entry(rs, map(rs.getString("row_key")), map(rs.getString("old")), map(rs.getString("new")));
    }

    private static AuditEntry entry(ResultSet rs, Map<String, Object> key, Map<String, Object> before,
                                    Map<String, Object> after) throws SQLException {
        return new AuditEntry(rs.getLong("id"), rs.getTimestamp("at").toInstant(), rs.getString("actor"),
                rs.getString("actor_name"), rs.getString("actor_region"), Channel.valueOf(rs.getString("via")),
                rs.getString("table_name"), key, rs.getString("op"), before, after, rs.getLong("tx_id"));
    }

    /**
     * A row as a map; an entry written per statement (granularity 'statement') holds its rows as a JSON array (in
     * either layout, {@link StatementRows}), read as {@code {"rows": [...]}} (the audit log page lists such entries
     * among the others).
     */
    private Map<String, Object> map(String text) {
        if (text == null) {
            return null;
        }
        if (text.stripLeading().startsWith("[")) {
            Map<String, Object> rows = new LinkedHashMap<>();
            rows.put("rows", StatementRows.of(json.readValue(text, List.class)));
            return rows;
        }
        return json.readValue(text, MAP);
    }

    private static String blank(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }
}
