package org.anju.intake;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Reads plain text in one of the two layouts the seed documents use.
 *
 * <p><b>Row per line</b> (seeds 001, 002, 004): a line with a tab is a table row, its cells
 * separated by tabs; a line without a tab is prose; a blank line is neither. Consecutive rows form
 * a block (blank or prose lines end it). Empty cells are kept, trailing ones too as long as they are
 * in the text, but not beyond the block's width (the last column holding text in any of its rows):
 * "南昌县\t3000\t" is [南昌县, 3000, ""] in a three-column block. A line of nothing but tabs and
 * spaces holds no text and counts as blank.
 *
 * <p><b>Cell per line</b> (seed 000): a line starting with a tab is one cell (a line that is only a
 * tab is an empty cell); consecutive such lines are one row, rows are separated by blank lines; a
 * line not starting with a tab directly after a cell (inside the row) continues that cell's text
 * ("\t建筑面积" + "（万平米）" is the cell "建筑面积（万平米）"). The row's number is the line of its
 * first cell. Any other line not starting with a tab is prose, even if it contains a tab.
 *
 * <p><b>No tab at all</b> (a table copied from a web page or a PDF, a news repost): see {@link SpacedText} —
 * cells separated by spaces, or one cell per line.
 *
 * <p><b>Detection</b>: a "cell line" starts with a tab (after spaces) and has no other tab; a "row
 * line" is any other line with a tab. The document is cell-per-line when it has at least two cell
 * lines and more cell lines than row lines, row-per-line otherwise; without any tab it is spaced text.
 *
 * <p>Lines end at CRLF, LF or CR. Cells and prose are trimmed of ASCII and full-width spaces.
 */
final class PlainTextParser {

    enum Layout { ROW_PER_LINE, CELL_PER_LINE, SPACED }

    private PlainTextParser() {
    }

    static List<SourceRow> parse(String text) {
        List<String> lines = lines(text);
        return switch (layout(lines)) {
            case ROW_PER_LINE -> rowPerLine(lines);
            case CELL_PER_LINE -> cellPerLine(lines);
            case SPACED -> SpacedText.parse(lines);
        };
    }

    static List<String> lines(String text) {
        List<String> lines = new ArrayList<>();
        int start = 0;
        int n = text.length();
        for (int i = 0; i < n; i++) {
            char c = text.charAt(i);
            if (c == '\n' || c == '\r') {
                lines.add(text.substring(start, i));
                if (c == '\r' && i + 1 < n && text.charAt(i + 1) == '\n') {
                    i++;
                }
                start = i + 1;
            }
        }
        if (start < n) {
            lines.add(text.substring(start));
        }
        return lines;
    }

    static Layout layout(List<String> lines) {
        int cellLines = 0;
        int rowLines = 0;
        for (String line : lines) {
            if (isCellLine(line)) {
                cellLines++;
            } else if (line.indexOf('\t') >= 0) {
                rowLines++;
            }
        }
        if (cellLines == 0 && rowLines == 0) {
            return Layout.SPACED;
        }
        return cellLines >= 2 && cellLines > rowLines ? Layout.CELL_PER_LINE : Layout.ROW_PER_LINE;
    }

    /** Starts with a tab (after spaces) and has no other tab. */
    private static boolean isCellLine(String line) {
        int tab = leadingTab(line);
        return tab >= 0 && line.indexOf('\t', tab + 1) < 0;
    }

    /** Position of the tab the line starts with (after spaces other than tabs), or -1. */
    private static int leadingTab(String line) {
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (c == '\t') {
                return i;
            }
            if (!CellText.isSpace(c)) {
                return -1;
            }
        }
        return -1;
    }

    /** Blank: no tab and nothing but spaces. */
    private static boolean isBlankLine(String line) {
        return line.indexOf('\t') < 0 && CellText.isBlank(line);
    }

    private static List<SourceRow> rowPerLine(List<String> lines) {
        List<SourceRow> rows = new ArrayList<>();
        List<SourceRow> block = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            if (line.indexOf('\t') >= 0) {
                List<String> cells = splitCells(line);
                if (CellText.contentWidth(cells) == 0) {
                    flush(block, rows); // only tabs and spaces: as good as a blank line
                } else {
                    block.add(new SourceRow(i + 1, cells, false));
                }
            } else {
                flush(block, rows);
                if (!CellText.isBlank(line)) {
                    rows.add(SourceRow.prose(i + 1, CellText.strip(line)));
                }
            }
        }
        flush(block, rows);
        return rows;
    }

    private static List<String> splitCells(String line) {
        return Arrays.stream(line.split("\t", -1)).map(CellText::strip).toList();
    }

    /** Adds the block's rows, cutting trailing empty cells beyond the block's width. */
    private static void flush(List<SourceRow> block, List<SourceRow> rows) {
        int width = 0;
        for (SourceRow row : block) {
            width = Math.max(width, CellText.contentWidth(row.cells()));
        }
        for (SourceRow row : block) {
            rows.add(row.cells().size() <= width ? row
                    : new SourceRow(row.number(), row.cells().subList(0, width), false));
        }
        block.clear();
    }

    private static List<SourceRow> cellPerLine(List<String> lines) {
        List<SourceRow> rows = new ArrayList<>();
        int i = 0;
        while (i < lines.size()) {
            String line = lines.get(i);
            if (leadingTab(line) >= 0) {
                int first = i;
                List<String> cells = new ArrayList<>();
                while (i < lines.size() && !isBlankLine(lines.get(i))) {
                    String current = lines.get(i);
                    int tab = leadingTab(current);
                    if (tab >= 0) {
                        // a cell line; should it hold further tabs, they separate further cells
                        cells.addAll(splitCells(current.substring(tab + 1)));
                    } else {
                        int last = cells.size() - 1;
                        cells.set(last, cells.get(last) + CellText.strip(current));
                    }
                    i++;
                }
                if (CellText.contentWidth(cells) > 0) {
                    rows.add(new SourceRow(first + 1, cells, false));
                }
            } else {
                if (!CellText.isBlank(line)) {
                    rows.add(SourceRow.prose(i + 1, CellText.strip(line)));
                }
                i++;
            }
        }
        return rows;
    }
}
