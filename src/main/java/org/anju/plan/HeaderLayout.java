package org.anju.plan;

import java.util.ArrayList;
import java.util.List;

/**
 * How a breakdown table's header is drawn: rows of cells with spans, as printed. A cell spans the
 * columns below it that share it; a column's last header cell reaches down to the bottom header row.
 * The first cell of the first row is the row header (市、县名称), spanning all header rows.
 */
public record HeaderLayout(int depth, List<List<Cell>> rows) {

    /** @param column index of the first column it covers (0 = the row-header column) */
    public record Cell(String text, int row, int column, int rowSpan, int colSpan) {
    }

    public static HeaderLayout of(BreakdownTable t) {
        List<BreakdownTable.Column> columns = t.columns();
        int depth = Math.max(1, columns.stream().mapToInt(c -> c.header().size()).max().orElse(1));
        List<List<Cell>> rows = new ArrayList<>();
        for (int d = 0; d < depth; d++) {
            rows.add(new ArrayList<>());
        }
        rows.getFirst().add(new Cell(t.rowHeader(), 0, 0, depth, 1));
        for (int d = 0; d < depth; d++) {
            int c = 0;
            while (c < columns.size()) {
                List<String> path = columns.get(c).header();
                if (d >= path.size()) {
                    c++;
                    continue;
                }
                int end = c;
                while (end + 1 < columns.size() && shared(path, columns.get(end + 1).header(), d)) {
                    end++;
                }
                boolean last = d == path.size() - 1;
                rows.get(d).add(new Cell(path.get(d), d, c + 1, last ? depth - d : 1, end - c + 1));
                c = end + 1;
            }
        }
        return new HeaderLayout(depth, rows);
    }

    /** Whether two columns share their header cell at this depth (never a column's own last cell). */
    private static boolean shared(List<String> a, List<String> b, int depth) {
        if (depth >= a.size() - 1 || depth >= b.size() - 1) {
            return false;
        }
        for (int i = 0; i <= depth; i++) {
            if (!a.get(i).equals(b.get(i))) {
                return false;
            }
        }
        return true;
    }
}
