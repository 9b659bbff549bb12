package org.anju.account;

import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.stereotype.Component;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;

/**
 * The Chinese names of audited tables and their columns, as data: one file per table,
 * {@code src/main/resources/audit/labels/<table>.properties} (UTF-8):
 * <pre>
 * _name   = 月报                       # what the table's rows are
 * _object = {region_id} {period}       # how one row is named: columns in braces, resolved like the values
 * _skip   = version,updated_at         # columns not worth listing as a change
 * region_id = 地区                     # column → 中文名
 * status.DRAFT = 草稿                  # a column's coded values → 中文
 * </pre>
 * A column without a name is shown by its code; {@code AuditLabelsTest} lists those of the main tables.
 */
@Component
class AuditLabels {

    /** Columns never listed as a change unless a table's {@code _skip} says otherwise. */
    static final Set<String> DEFAULT_SKIP = Set.of("version", "updated_at");

    private final Map<String, Properties> tables = new HashMap<>();

    AuditLabels() {
        try {
            for (Resource r : new PathMatchingResourcePatternResolver().getResources("classpath*:audit/labels/*.properties")) {
                Properties p = new Properties();
                try (Reader in = new InputStreamReader(r.getInputStream(), StandardCharsets.UTF_8)) {
                    p.load(in);
                }
                String name = r.getFilename();
                tables.put(name.substring(0, name.length() - ".properties".length()), p);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("审计字段中文名文件读不出：audit/labels/*.properties", e);
        }
    }

    /** 月报 for report; the table's code where no file names it. */
    String table(String table) {
        return get(table, "_name").orElse(table);
    }

    /** Whether the table has a file at all. */
    boolean named(String table) {
        return tables.containsKey(table);
    }

    /** 上报人 for report.submitted_by; empty where the file has no name for it. */
    Optional<String> column(String table, String column) {
        return get(table, column);
    }

    /** 草稿 for report.status = DRAFT; empty where not named. */
    Optional<String> value(String table, String column, String value) {
        return get(table, column + "." + value);
    }

    /** The template naming one row, e.g. {@code {region_id} {period}}; empty where none. */
    Optional<String> object(String table) {
        return get(table, "_object");
    }

    Set<String> skipped(String table) {
        return get(table, "_skip").map(s -> Set.copyOf(List.of(s.split("\\s*,\\s*")))).orElse(DEFAULT_SKIP);
    }

    private Optional<String> get(String table, String key) {
        Properties p = tables.get(table);
        return p == null ? Optional.empty() : Optional.ofNullable(p.getProperty(key)).map(String::strip);
    }
}
