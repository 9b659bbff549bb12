package org.anju.platform;

import org.springframework.jdbc.core.simple.JdbcClient;

import java.util.Arrays;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * A digest of some tables that changes whenever a row of them is added, changed or removed (row count and the sum of
 * the rows' versions, {@code xmin}): a node holding reference data in memory (region directory, indicator catalogue)
 * compares it with the one read with its copy and reloads only when they differ — milliseconds where a reload costs
 * far more. One statement; the tables are the caller's constants, never user input.
 */
public final class TableDigest {

    private static final Pattern NAME = Pattern.compile("[a-z_][a-z0-9_]*");

    private TableDigest() {
    }

    public static String of(JdbcClient jdbc, String... tables) {
        String sql = Arrays.stream(tables).map(t -> {
            if (!NAME.matcher(t).matches()) {
                throw new IllegalStateException("不是表名：" + t);
            }
            return "(select count(*) || ':' || coalesce(sum(xmin::text::bigint), 0) from " + t + ")";
        }).collect(Collectors.joining(" || '/' || ", "select ", ""));
        return jdbc.sql(sql).query(String.class).single();
    }
}
