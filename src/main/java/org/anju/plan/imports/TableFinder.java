package org.anju.plan.imports;

import org.anju.intake.SourceDocument;
import org.anju.intake.SourceRow;
import org.anju.intake.SourceSheet;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds the breakdown tables in a document as read: the 附件 line, title and 单位 line before each
 * table, its header rows (several when cells are grouped: 2023年 over 开工 and 基本建成), its rows up to
 * the next running text, skipping header rows repeated at page breaks.
 *
 * <p>A header starts a table: the first row with two or more cells and no figures after its first
 * cell. Rows right under it whose first cell is empty and that hold no figures continue the header.
 */
final class TableFinder {

    private static final Pattern ATTACHMENT = Pattern.compile("附件\\s*([0-9０-９]+(?:\\s*[-－—‐]\\s*[0-9０-９]+)?)\\s*[:：]?");
    private static final Pattern UNIT_LINE = Pattern.compile("^单\\s*位\\s*[:：].*");

    private TableFinder() {
    }

    static List<RawTable> find(SourceDocument document) {
        List<RawTable> tables = new ArrayList<>();
        for (SourceSheet sheet : document.sheets()) {
            findInSheet(sheet, tables);
        }
        return tables;
    }

    private static void findInSheet(SourceSheet sheet, List<RawTable> tables) {
        List<SourceRow> rows = sheet.rows();
        String label = null;
        String unitLine = null;
        List<String> titleLines = new ArrayList<>();
        int i = 0;
        while (i < rows.size()) {
            SourceRow row = rows.get(i);
            String line = lineText(row);
            if (line != null) {
                if (line.isEmpty()) {
                    i++;
                    continue;
                }
                String compact = Text.compact(line);
                Matcher m = ATTACHMENT.matcher(compact);
                if (m.matches()) {
                    label = "附件" + Text.compact(m.group(1)).replaceAll("[－—‐]", "-");
                    titleLines.clear();
                    unitLine = null;
                } else if (UNIT_LINE.matcher(line.strip()).matches()) {
                    unitLine = line.strip();
                } else {
                    if (unitLine != null) {
                        // running text after a 单位 line: that heading had no table under it
                        titleLines.clear();
                        unitLine = null;
                        label = null;
                    }
                    titleLines.add(line.strip());
                    if (titleLines.size() > 3) {
                        titleLines.removeFirst();
                    }
                }
                i++;
                continue;
            }
            if (!startsHeader(row)) {
                i++;
                continue;
            }
            i = readTable(sheet, rows, i, label, title(titleLines), unitLine, tables);
            label = null;
            unitLine = null;
            titleLines.clear();
        }
    }

    /** Reads one table starting at its first header row; returns the index after it. */
    private static int readTable(SourceSheet sheet, List<SourceRow> rows, int start, String label, String title,
                                 String unitLine, List<RawTable> tables) {
        List<SourceRow> header = new ArrayList<>();
        header.add(rows.get(start));
        int i = start + 1;
        while (i < rows.size() && lineText(rows.get(i)) == null && continuesHeader(rows.get(i))) {
            header.add(rows.get(i));
            i++;
        }
        List<SourceRow> data = new ArrayList<>();
        String note = null;
        while (i < rows.size()) {
            SourceRow row = rows.get(i);
            List<String> filled = row.cells().stream().filter(c -> !Text.blank(c)).toList();
            if (filled.isEmpty()) {
                i++;
                continue;
            }
            String single = row.prose() ? Text.joinNonBlank(row.cells())
                    : filled.size() == 1 && !Text.blank(row.cells().getFirst()) ? filled.getFirst().strip() : null;
            if (row.prose() || (single != null && endsTable(single))) {
                if (isNote(single)) {
                    note = single;
                    i++;
                }
                break;
            }
            if (sameCells(row, header.getFirst())) {
                // the header printed again after a page break, with its continuation rows
                i++;
                int h = 1;
                while (h < header.size() && i < rows.size() && !rows.get(i).prose()
                        && sameCells(rows.get(i), header.get(h))) {
                    i++;
                    h++;
                }
                continue;
            }
            data.add(row);
            i++;
        }
        tables.add(new RawTable(sheet.name(), label, title, unitLine, List.copyOf(header), List.copyOf(data), note));
        return i;
    }

    /**
     * The text of a row that is running text rather than table cells: prose, or a row with a single
     * non-empty cell that holds no figure (a title in a merged spreadsheet cell). Null for table rows;
     * "" for blank lines.
     */
    static String lineText(SourceRow row) {
        if (row.prose()) {
            return Text.joinNonBlank(row.cells());
        }
        List<String> filled = row.cells().stream().filter(c -> !Text.blank(c)).toList();
        if (filled.isEmpty()) {
            return "";
        }
        if (filled.size() == 1 && !Figure.isNumeric(filled.getFirst())
                && (row.cells().isEmpty() || !Text.blank(row.cells().getFirst()) || row.cells().size() == 1)) {
            return filled.getFirst().strip();
        }
        return null;
    }

    /** A single-cell row that is not a unit's row: the next 附件, a heading, a 单位 line or a note. */
    private static boolean endsTable(String text) {
        String c = Text.compact(text);
        return ATTACHMENT.matcher(c).matches() || UNIT_LINE.matcher(text).matches() || isNote(text)
                || (c.length() >= 8 && endsHeading(c));
    }

    private static boolean isNote(String text) {
        if (text == null) {
            return false;
        }
        String c = Text.compact(text);
        return c.startsWith("备注") || c.startsWith("注:") || c.startsWith("说明:");
    }

    private static boolean startsHeader(SourceRow row) {
        List<String> cells = row.cells();
        if (cells.size() < 2 || Text.blank(cells.getFirst())) {
            return false;
        }
        long filled = cells.stream().filter(c -> !Text.blank(c)).count();
        return filled >= 2 && cells.stream().skip(1).noneMatch(Figure::isNumeric) && !Figure.isNumeric(cells.getFirst());
    }

    private static boolean continuesHeader(SourceRow row) {
        List<String> cells = row.cells();
        return cells.size() >= 2 && Text.blank(cells.getFirst())
                && cells.stream().anyMatch(c -> !Text.blank(c))
                && cells.stream().noneMatch(Figure::isNumeric);
    }

    private static boolean sameCells(SourceRow a, SourceRow b) {
        List<String> x = trimTrailing(a.cells());
        List<String> y = trimTrailing(b.cells());
        if (x.size() != y.size()) {
            return false;
        }
        for (int k = 0; k < x.size(); k++) {
            if (!Text.compact(x.get(k)).equals(Text.compact(y.get(k)))) {
                return false;
            }
        }
        return true;
    }

    private static List<String> trimTrailing(List<String> cells) {
        int n = cells.size();
        while (n > 0 && Text.blank(cells.get(n - 1))) {
            n--;
        }
        return cells.subList(0, n);
    }

    /** The heading right above the table; a heading broken over two lines is joined. */
    private static String title(List<String> lines) {
        if (lines.isEmpty()) {
            return null;
        }
        String last = lines.getLast();
        if (lines.size() >= 2) {
            String before = lines.get(lines.size() - 2);
            if (!endsHeading(before) && endsHeading(last)) {
                return before + last;
            }
        }
        return last;
    }

    private static boolean endsHeading(String s) {
        String c = Text.compact(s);
        return c.endsWith("表") || c.endsWith("数") || c.endsWith(")") || c.endsWith("情况") || c.endsWith("任务");
    }
}
