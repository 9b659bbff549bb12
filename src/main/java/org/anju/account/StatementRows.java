package org.anju.account;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The rows of an audit entry written per statement (granularity 'statement'), from its JSON array as parsed, in either
 * layout the log holds: one object per row (entries written before V0_1571), or the column names followed by one array
 * per column (since: {@code [["id", "name"], [1, 2], ["甲", "乙"]]}). The layouts are told apart by the first
 * element — an array of names, or a row object — never by the table's settings, which may have changed since.
 */
final class StatementRows {

    private StatementRows() {
    }

    /** The entry's rows as column → value, columns in the table's order. */
    static List<Map<String, Object>> of(List<?> entry) {
        if (!byColumn(entry)) {
            List<Map<String, Object>> rows = new ArrayList<>(entry.size());
            for (Object row : entry) {
                rows.add(row(row));
            }
            return rows;
        }
        int count = rowCount(entry);
        List<Map<String, Object>> rows = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            rows.add(rowAt(entry, i));
        }
        return rows;
    }

    /**
     * The entry's rows that hold every pair of {@code key} ({@link #contains}). By column, only the key's columns are
     * compared and only the rows found are made into maps: a national plan's entry has 48,165 rows, a history one.
     */
    static List<Map<String, Object>> matching(List<?> entry, Map<String, ?> key) {
        if (!byColumn(entry)) {
            return of(entry).stream().filter(row -> contains(row, key)).toList();
        }
        int count = rowCount(entry);
        List<?> names = (List<?>) entry.getFirst();
        List<List<?>> keyColumns = new ArrayList<>();
        for (String k : key.keySet()) {
            int c = names.indexOf(k);
            if (c < 0) {
                return List.of();   // a column the rows lack: no row holds the key
            }
            keyColumns.add((List<?>) entry.get(c + 1));
        }
        List<Object> values = new ArrayList<>(key.values());
        List<Map<String, Object>> found = new ArrayList<>();
        rows:
        for (int i = 0; i < count; i++) {
            for (int k = 0; k < keyColumns.size(); k++) {
                if (!same(keyColumns.get(k).get(i), values.get(k))) {
                    continue rows;
                }
            }
            found.add(rowAt(entry, i));
        }
        return found;
    }

    private static boolean byColumn(List<?> entry) {
        return !entry.isEmpty() && entry.getFirst() instanceof List<?>;
    }

    /** How many rows an entry by column holds; refused when its columns do not line up (never padded or cut). */
    private static int rowCount(List<?> entry) {
        List<?> names = (List<?>) entry.getFirst();
        if (entry.size() != names.size() + 1) {
            throw new IllegalStateException("审计记录的列数与列名数不符：" + names.size() + " 个列名，" + (entry.size() - 1) + " 列");
        }
        int count = names.isEmpty() ? 0 : ((List<?>) entry.get(1)).size();
        for (int c = 1; c < names.size(); c++) {
            if (!(entry.get(c + 1) instanceof List<?> column) || column.size() != count) {
                throw new IllegalStateException("审计记录的列长短不一：" + names.getFirst() + " 有 " + count + " 行，"
                        + names.get(c) + " 有 " + (entry.get(c + 1) instanceof List<?> l ? l.size() : 0) + " 行");
            }
        }
        return count;
    }

    private static Map<String, Object> rowAt(List<?> entry, int i) {
        List<?> names = (List<?>) entry.getFirst();
        Map<String, Object> row = new LinkedHashMap<>();
        for (int c = 0; c < names.size(); c++) {
            row.put((String) names.get(c), ((List<?>) entry.get(c + 1)).get(i));
        }
        return row;
    }

    /**
     * Whether the row holds every pair of {@code key}, as PostgreSQL's jsonb containment ({@code @>}) decides for
     * scalars: numbers equal by value (3 and 3.0, an Integer and a Long), everything else by equality.
     */
    static boolean contains(Map<String, Object> row, Map<String, ?> key) {
        for (Map.Entry<String, ?> k : key.entrySet()) {
            if (!row.containsKey(k.getKey()) || !same(row.get(k.getKey()), k.getValue())) {
                return false;
            }
        }
        return true;
    }

    private static boolean same(Object a, Object b) {
        if (a instanceof Number x && b instanceof Number y) {
            return new BigDecimal(x.toString()).compareTo(new BigDecimal(y.toString())) == 0;
        }
        return a == null ? b == null : a.equals(b);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> row(Object row) {
        if (!(row instanceof Map<?, ?> map)) {
            throw new IllegalStateException("审计记录中的行不是对象：" + row);
        }
        return (Map<String, Object>) map;
    }
}
