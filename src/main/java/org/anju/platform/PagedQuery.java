package org.anju.platform;

import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.util.Map;

/**
 * A page of a list read in SQL: one {@code count(*)} over the filtered rows, then the page's rows with
 * {@code limit/offset} after the list's own {@code order by}, which must be deterministic (end in a unique column)
 * so that page 2 continues page 1. Nothing is loaded whole and sliced in Java.
 */
public final class PagedQuery {

    private PagedQuery() {
    }

    /**
     * @param countSql {@code select count(*) from … where …}
     * @param rowsSql  {@code select … from … where … order by …, id} — {@code limit :pageLimit offset :pageOffset} is
     *                 appended
     * @param params   the named parameters both statements share
     */
    public static <T> Page<T> fetch(JdbcClient jdbc, PageRequest request, String countSql, String rowsSql,
                                    Map<String, ?> params, RowMapper<T> rows) {
        long total = jdbc.sql(countSql).params(params).query(Long.class).single();
        Page.checkInRange(request, total);
        var items = jdbc.sql(rowsSql + "\nlimit :pageLimit offset :pageOffset").params(params)
                .param("pageLimit", request.limit()).param("pageOffset", request.offset())
                .query(rows).list();
        return Page.of(request, total, items);
    }
}
