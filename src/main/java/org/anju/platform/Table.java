package org.anju.platform;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;

/**
 * A table as a page shows it and an official prints it: 表头 title, the 填报单位/截止日期 line, a header of one or
 * more rows with merged cells, and body rows of typed cells. Pages render it as HTML and {@link TableXlsx} writes it
 * as a workbook, so the two cannot disagree.
 *
 * @param name     the sheet name (Excel's 31 characters, no []:*?/\): 进度汇总, 排名 …
 * @param title    赣州市2025年1—10月保障性安居工程进度汇总表
 * @param subtitle 填报单位：赣州市　截止日期：2025年10月31日 (null: none)
 * @param header   header rows; a cell spans {@code colspan} columns and {@code rowspan} rows, as in HTML
 * @param rows     body rows; each as wide as the header
 * @param note     a line under the table (备注, 说明), null for none
 */
public record Table(String name, String title, String subtitle, List<List<Head>> header, List<List<Cell>> rows,
                    String note) {

    public Table {
        if (header.isEmpty()) {
            throw new IllegalStateException("a table needs a header row: " + title);
        }
        header = List.copyOf(header.stream().map(List::copyOf).toList());
        rows = List.copyOf(rows.stream().map(List::copyOf).toList());
        int width = width(header);
        for (List<Cell> row : rows) {
            if (row.size() != width) {
                throw new IllegalStateException(title + ": a row of " + row.size() + " cells under a header of " + width
                        + " columns");
            }
        }
    }

    /** A table with a single header row of the given column names. */
    public static Table of(String name, String title, String subtitle, List<String> columns, List<List<Cell>> rows,
                           String note) {
        return new Table(name, title, subtitle, List.of(columns.stream().map(Head::of).toList()), rows, note);
    }

    /** Number of columns. */
    public int width() {
        return width(header);
    }

    private static int width(List<List<Head>> header) {
        return header.getFirst().stream().mapToInt(Head::colspan).sum();
    }

    /** The cell at a body row and column (0-based). */
    public Cell cell(int row, int column) {
        return rows.get(row).get(column);
    }

    /** The header as a grid: each merged cell's text at its top-left position, null under a merge. */
    public Head[][] headerGrid() {
        Head[][] grid = new Head[header.size()][width()];
        boolean[][] taken = new boolean[header.size()][width()];
        for (int r = 0; r < header.size(); r++) {
            int c = 0;
            for (Head h : header.get(r)) {
                while (c < width() && taken[r][c]) {
                    c++;
                }
                if (c + h.colspan() > width() || r + h.rowspan() > header.size()) {
                    throw new IllegalStateException(title + ": header cell " + h.text() + " runs outside the table");
                }
                grid[r][c] = h;
                for (int dr = 0; dr < h.rowspan(); dr++) {
                    for (int dc = 0; dc < h.colspan(); dc++) {
                        taken[r + dr][c + dc] = true;
                    }
                }
                c += h.colspan();
            }
        }
        return grid;
    }

    /** A header cell. */
    public record Head(String text, int colspan, int rowspan) {
        public Head {
            if (colspan < 1 || rowspan < 1) {
                throw new IllegalStateException("a header cell spans at least one row and column: " + text);
            }
        }

        public static Head of(String text) {
            return new Head(text, 1, 1);
        }

        public static Head across(String text, int colspan) {
            return new Head(text, colspan, 1);
        }

        public static Head down(String text, int rowspan) {
            return new Head(text, 1, rowspan);
        }
    }

    /** A body cell: what it is decides how it is shown and stored (a number stays a number in Excel). */
    public sealed interface Cell {

        /** As the page prints it: 9223, 1092.28, 54.0%, 未报, —. */
        String display();

        /** Right-aligned on the page and in print. */
        default boolean numeric() {
            return !(this instanceof Text);
        }

        static Cell text(String value) {
            return new Text(value == null ? "" : value);
        }

        static Cell integer(long value) {
            return new Int(value);
        }

        /** A figure at its own decimals (trailing zeros dropped, as officials print 1092.28 and 9223); null: "—". */
        static Cell figure(BigDecimal value) {
            if (value == null) {
                return NONE;
            }
            BigDecimal s = value.stripTrailingZeros();
            if (s.scale() <= 0) {
                return new Int(s.longValueExact());
            }
            return new Decimal(s, s.scale());
        }

        /** A decimal printed with exactly {@code scale} decimals. */
        static Cell decimal(BigDecimal value, int scale) {
            return value == null ? NONE : new Decimal(value.setScale(scale, RoundingMode.HALF_UP), scale);
        }

        /** A rate given in percent (54.0 for 54.0%), as the roll-ups compute it; null: "—". */
        static Cell percent(BigDecimal percent) {
            return percent == null ? NONE : new Rate(percent.movePointLeft(2));
        }

        /** A rate as a fraction (0.54 for 54.0%); null: "—". */
        static Cell rate(BigDecimal fraction) {
            return fraction == null ? NONE : new Rate(fraction);
        }

        /** No figure because the unit did not report: "未报", never 0. */
        Cell UNREPORTED = new Unreported();
        /** No such figure (no target, no rate): "—". */
        Cell NONE = new Text("—");
        Cell EMPTY = new Text("");
    }

    public record Text(String value) implements Cell {
        @Override
        public String display() {
            return value;
        }
    }

    public record Int(long value) implements Cell {
        @Override
        public String display() {
            return Long.toString(value);
        }
    }

    public record Decimal(BigDecimal value, int scale) implements Cell {
        @Override
        public String display() {
            return value.setScale(scale, RoundingMode.HALF_UP).toPlainString();
        }
    }

    /** A rate as a fraction; shown with one decimal in percent, half-up: 0.5404 → 54.0%. */
    public record Rate(BigDecimal fraction) implements Cell {
        @Override
        public String display() {
            return fraction.movePointRight(2).setScale(1, RoundingMode.HALF_UP).toPlainString() + "%";
        }
    }

    /** The unit did not report. */
    public record Unreported() implements Cell {
        public static final String TEXT = "未报";

        @Override
        public String display() {
            return TEXT;
        }
    }

    /** Builds body rows one cell at a time. */
    public static final class Rows {
        private final List<List<Cell>> rows = new ArrayList<>();
        private List<Cell> current;

        public Rows row() {
            current = new ArrayList<>();
            rows.add(current);
            return this;
        }

        public Rows add(Cell cell) {
            current.add(cell);
            return this;
        }

        public Rows text(String s) {
            return add(Cell.text(s));
        }

        public List<List<Cell>> build() {
            return rows;
        }
    }
}
