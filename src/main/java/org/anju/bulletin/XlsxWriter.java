package org.anju.bulletin;

import org.anju.platform.Table;
import org.anju.platform.TableXlsx;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The bulletin's attachment tables, one sheet each, written by the platform's {@link TableXlsx}: title, 单位 line,
 * merged header, figures as numbers, rates as numbers formatted 0.0% (not text), 未报 as text; every sheet on A4,
 * one page wide (landscape when wide), header rows repeated on each printed page.
 */
final class XlsxWriter {

    private static final Pattern NUMBER = Pattern.compile("-?\\d+(\\.\\d+)?");
    private static final Pattern PERCENT = Pattern.compile("(-?\\d+(\\.\\d+)?)%");

    private XlsxWriter() {
    }

    static byte[] write(Bulletin b) {
        return TableXlsx.write(b.tables().stream().map(XlsxWriter::table).toList());
    }

    /** A 附件 as a typed table: the printed texts read back into numbers, rates and 未报. */
    static Table table(BulletinTable t) {
        List<List<Table.Head>> header = t.header().stream()
                .map(row -> row.stream().map(h -> new Table.Head(h.text(), h.colspan(), h.rowspan())).toList()).toList();
        int width = t.width();
        List<List<Table.Cell>> rows = new ArrayList<>();
        for (List<String> values : t.rows()) {
            List<Table.Cell> row = new ArrayList<>();
            for (int c = 0; c < width; c++) {
                String v = c < values.size() ? values.get(c) : "";
                row.add(c == 0 ? Table.Cell.text(v) : cell(v));
            }
            rows.add(row);
        }
        return new Table(t.label(), t.title(), t.unitLine(), header, rows, t.note());
    }

    static Table.Cell cell(String printed) {
        String v = printed == null ? "" : printed.strip();
        if (v.equals(Table.Unreported.TEXT)) {
            return Table.Cell.UNREPORTED;
        }
        var percent = PERCENT.matcher(v);
        if (percent.matches()) {
            BigDecimal p = new BigDecimal(percent.group(1));
            return Table.Cell.rate(p.movePointLeft(2));
        }
        if (NUMBER.matcher(v).matches()) {
            return Table.Cell.figure(new BigDecimal(v));
        }
        return Table.Cell.text(v);
    }
}
