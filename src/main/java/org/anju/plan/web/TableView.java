package org.anju.plan.web;

import org.anju.plan.BreakdownTable;

import java.util.List;

/**
 * A breakdown table for JSON: figures as printed strings (162.4466, 3.50) because a JSON number would
 * lose the printed scale; null where the table is blank.
 */
public record TableView(int seq, String label, String title, String unitLine, String rowHeader, String note,
                        String sourceFile, String sourceSheet, Integer sourceRow, List<ColumnView> columns,
                        List<RowView> rows) {

    public record ColumnView(int seq, List<String> header, String indicatorCode, String indicatorName, Integer year) {
    }

    public record RowView(int seq, String label, String regionCode, String regionName, String role, Integer parentSeq,
                          Integer sourceRow, List<String> values) {
    }

    public static TableView of(BreakdownTable t) {
        return new TableView(t.seq(), t.label(), t.title(), t.unitLine(), t.rowHeader(), t.note(), t.source().file(),
                t.source().sheet(), t.source().row(),
                t.columns().stream().map(c -> new ColumnView(c.seq(), c.header(), c.indicator().code(),
                        c.indicator().displayName(), c.year())).toList(),
                t.rows().stream().map(r -> new RowView(r.seq(), r.label(), r.region().code(), r.region().name(),
                        r.role().name(), r.parentSeq(), r.sourceRow(),
                        r.cells().stream().map(c -> c.blank() ? null : c.printed()).toList())).toList());
    }
}
