package org.anju.account;

import org.anju.platform.ChinaTime;
import org.anju.region.Region;
import org.anju.region.Regions;
import org.springframework.stereotype.Component;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns raw audit entries into {@link AuditRecord}s: Chinese table and column names ({@link AuditLabels}), values
 * readable (regions by name, people by name — one query for a whole page —, months 2025年10月, days 2025年10月5日, times
 * in Beijing time, 是/否, coded values by their Chinese names), the row named by its table's {@code _object}.
 */
@Component
class AuditReading {

    private static final Pattern DAY = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");
    private static final Pattern MOMENT = Pattern.compile("\\d{4}-\\d{2}-\\d{2}T.*");
    private static final Pattern BLANK = Pattern.compile("\\{([a-z0-9_]+)}");

    private final AuditLabels labels;
    private final Regions regions;
    private final UserStore users;
    private final ChinaTime time;

    AuditReading(AuditLabels labels, Regions regions, UserStore users, ChinaTime time) {
        this.labels = labels;
        this.regions = regions;
        this.users = users;
        this.time = time;
    }

    boolean named(String table) {
        return labels.named(table);
    }

    String tableLabel(String table) {
        return labels.table(table);
    }

    List<AuditRecord> read(List<AuditEntry> entries) {
        Set<String> people = new HashSet<>();
        for (AuditEntry e : entries) {
            people.add(e.actor());
            collectPeople(e.before(), people);
            collectPeople(e.after(), people);
        }
        Map<String, String> names = users.displayNames(people);
        return entries.stream().map(e -> read(e, names)).toList();
    }

    private AuditRecord read(AuditEntry e, Map<String, String> names) {
        String table = e.table();
        String actorName = e.actorName() != null && !e.actor().startsWith("db:") && !"system".equals(e.actor())
                ? e.actorName() : names.getOrDefault(e.actor(), e.actor());
        List<AuditRecord.FieldChange> changes = new ArrayList<>();
        int rows = 0;
        String object;
        Map<String, Object> before = e.before();
        Map<String, Object> after = e.after();
        if (isBulk(before) || isBulk(after)) {
            rows = Math.max(size(before), size(after));
            object = labels.table(table) + " " + rows + " 行" + groupText(table, e.key(), names);
        } else {
            Map<String, Object> row = after != null ? after : before != null ? before : e.key();
            object = name(table, row, e.key(), names);
            Set<String> columns = new LinkedHashSet<>();
            if (before != null) {
                columns.addAll(before.keySet());
            }
            if (after != null) {
                columns.addAll(after.keySet());
            }
            Set<String> skip = labels.skipped(table);
            changes.addAll(changes(e, table, columns, skip, names));
            if (changes.isEmpty()) {
                // only bookkeeping changed (version, time of change): say so rather than show an empty change
                changes.addAll(changes(e, table, columns, Set.of(), names));
            }
        }
        return new AuditRecord(e.id(), e.at(), time.official(e.at()), e.actor(), actorName, e.viaLabel(), e.opLabel(),
                table, labels.table(table), object, changes, rows);
    }

    private List<AuditRecord.FieldChange> changes(AuditEntry e, String table, Set<String> columns, Set<String> skip,
                                                  Map<String, String> names) {
        Map<String, Object> before = e.before();
        Map<String, Object> after = e.after();
        List<AuditRecord.FieldChange> changes = new ArrayList<>();
            for (String c : columns) {
                Object o = before == null ? null : before.get(c);
                Object n = after == null ? null : after.get(c);
                if (skip.contains(c) || "UPDATE".equals(e.op()) && Objects.equals(o, n)
                        || !"UPDATE".equals(e.op()) && o == null && n == null) {
                    continue;
                }
                changes.add(new AuditRecord.FieldChange(c, labels.column(table, c).orElse(c),
                        before == null ? "—" : value(table, c, o, names), after == null ? "—" : value(table, c, n, names)));
            }
        return changes;
    }

    /** 月报 章贡区 2025年10月: the table's name and its {@code _object} template filled from the row. */
    private String name(String table, Map<String, Object> row, Map<String, Object> key, Map<String, String> names) {
        String template = labels.object(table).orElse(null);
        if (template == null) {
            return labels.table(table) + " " + keyText(table, key, names);
        }
        Matcher m = BLANK.matcher(template);
        StringBuilder sb = new StringBuilder();
        while (m.find()) {
            String c = m.group(1);
            Object v = row.containsKey(c) ? row.get(c) : key.get(c);
            m.appendReplacement(sb, Matcher.quoteReplacement(v == null ? "" : value(table, c, v, names)));
        }
        m.appendTail(sb);
        return (labels.table(table) + " " + sb.toString().strip()).strip();
    }

    private String keyText(String table, Map<String, Object> key, Map<String, String> names) {
        if (key == null || key.isEmpty()) {
            return "";
        }
        List<String> parts = new ArrayList<>();
        key.forEach((c, v) -> parts.add(labels.column(table, c).orElse(c) + " " + value(table, c, v, names)));
        return String.join("，", parts);
    }

    private String groupText(String table, Map<String, Object> key, Map<String, String> names) {
        if (key == null || key.containsKey("statement")) {
            return "（批量）";
        }
        return "（" + keyText(table, key, names) + "）";
    }

    /** A value as the page shows it. */
    String value(String table, String column, Object v, Map<String, String> names) {
        return switch (v) {
            case null -> "—";
            case Boolean b -> b ? "是" : "否";
            case Number n when isRegion(column) -> region(n.intValue());
            case Number n -> n.toString();
            case Collection<?> list -> String.join("、", list.stream().map(x -> value(table, column, x, names)).toList());
            case Map<?, ?> map -> map.toString();
            case String s when isPerson(column) -> names.getOrDefault(s, s);
            case String s -> text(table, column, s);
            default -> v.toString();
        };
    }

    private String text(String table, String column, String s) {
        var coded = labels.value(table, column, s);
        if (coded.isPresent()) {
            return coded.get();
        }
        if ("roles".equals(column)) {
            try {
                return Role.valueOf(s).label();
            } catch (IllegalArgumentException e) {
                return s;
            }
        }
        try {
            if (DAY.matcher(s).matches()) {
                LocalDate d = LocalDate.parse(s);
                return column.equals("period") || column.endsWith("_period") || column.equals("month")
                        ? d.getYear() + "年" + d.getMonthValue() + "月"
                        : d.getYear() + "年" + d.getMonthValue() + "月" + d.getDayOfMonth() + "日";
            }
            if (MOMENT.matcher(s).matches()) {
                return time.official(OffsetDateTime.parse(s));
            }
        } catch (DateTimeParseException e) {
            return s;
        }
        return s.isEmpty() ? "（空）" : s;
    }

    private String region(int id) {
        try {
            Region r = regions.byId(id);
            return r.name();
        } catch (RuntimeException e) {
            return "地区#" + id;
        }
    }

    static boolean isRegion(String column) {
        return column.equals("region_id") || column.endsWith("_region_id");
    }

    static boolean isPerson(String column) {
        return column.endsWith("_by") || column.equals("actor") || column.equals("username");
    }

    private static void collectPeople(Map<String, Object> row, Set<String> people) {
        if (row == null || isBulk(row)) {
            return;
        }
        row.forEach((c, v) -> {
            if (isPerson(c) && v instanceof String s) {
                people.add(s);
            }
        });
    }

    private static boolean isBulk(Map<String, Object> row) {
        return row != null && row.size() == 1 && row.get("rows") instanceof List;
    }

    private static int size(Map<String, Object> row) {
        return row == null || !(row.get("rows") instanceof List<?> l) ? 0 : l.size();
    }
}
