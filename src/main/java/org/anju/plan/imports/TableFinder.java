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

    private static final Pattern ATTACHMENT = Pattern.compile("附件\\s*([0-9０-９]+(?:\\s*[-－—‐]\\s*[0-9０-９]+)?)?\\s*[:：]?\\s*(.*)");
    private static final Pattern UNIT_LINE = Pattern.compile("^[（(]?单\\s*位\\s*[:：].*");
    /** "单位：万元" or "（单位：户）" at the end of a title line. */
    private static final Pattern TRAILING_UNIT = Pattern.compile("^(.+?)\\s*([（(]?单\\s*位\\s*[:：][^）)]*[）)]?)$");
    private static final Pattern PERIOD_LINE = Pattern.compile("^[（(]?\\s*(截至|截止|统计截止|数据截至).{0,20}[）)]?$");
    private static final Pattern SENTENCE = Pattern.compile("[。；，！？]");
    private static final Pattern DEFAULT_SHEET = Pattern.compile("(?i)sheet\\d*|工作表\\d*|正文|表格\\d+");

    private TableFinder() {
    }

    static List<RawTable> find(SourceDocument document) {
        List<RawTable> tables = new ArrayList<>();
        for (SourceSheet sheet : document.sheets()) {
            findInSheet(sheet, tables);
        }
        return tables;
    }

    /** What was printed since the last table: the lines that may say what the next one is. */
    private static final class Above {
        String label;
        String unitLine;
        String periodLine;
        final List<String> titleLines = new ArrayList<>();
        final List<String> context = new ArrayList<>();

        /** A line of running text: headings before it were not the next table's. */
        void paragraph(String line) {
            context.add(line);
            titleLines.clear();
            unitLine = null;
            periodLine = null;
            label = null;
        }

        void heading(String line) {
            titleLines.add(line);
            if (titleLines.size() > 3) {
                titleLines.removeFirst();
            }
        }

        void tableRead() {
            label = null;
            unitLine = null;
            periodLine = null;
            titleLines.clear();
            context.clear();
        }
    }

    /** Rows with figures that no header was found for, by sheet: what to say when no table was found. */
    static List<String> orphanRows(SourceDocument document) {
        List<String> where = new ArrayList<>();
        for (SourceSheet sheet : document.sheets()) {
            List<Integer> orphans = new ArrayList<>();
            findInSheet(sheet, new ArrayList<>(), orphans);
            if (!orphans.isEmpty()) {
                where.add((document.sheets().size() > 1 ? sheet.name() + " " : "") + "第 " + orphans.getFirst() + " 行");
            }
        }
        return where;
    }

    private static void findInSheet(SourceSheet sheet, List<RawTable> tables) {
        findInSheet(sheet, tables, new ArrayList<>());
    }

    private static void findInSheet(SourceSheet sheet, List<RawTable> tables, List<Integer> orphans) {
        List<SourceRow> rows = sheet.rows();
        Above above = new Above();
        int i = 0;
        while (i < rows.size()) {
            SourceRow row = rows.get(i);
            String line = lineText(row);
            if (line != null) {
                if (!line.isEmpty()) {
                    read(line.strip(), above);
                }
                i++;
                continue;
            }
            String title = title(above.titleLines);
            if (title == null && !DEFAULT_SHEET.matcher(Text.compact(sheet.name())).matches()) {
                title = sheet.name();   // a workbook whose sheet is named after its table
            }
            if (startsHeader(row)) {
                i = readTable(sheet, rows, i, List.of(), above, title, tables);
                above.tableRead();
            } else if (title != null && headerless(row)) {
                // "2020年山东省城镇棚户区改造开工计划(单位:套)" over "济南市 15546" rows: the title names the one column
                SourceRow header = new SourceRow(row.number(), List.of("", title), false);
                i = readTable(sheet, rows, i, List.of(header), above, title, tables);
                above.tableRead();
            } else {
                orphans.add(row.number());
                i++;
            }
        }
    }

    private static void read(String line, Above above) {
        String compact = Text.compact(line);
        Matcher m = ATTACHMENT.matcher(compact);
        if (m.matches() && (m.group(2).isEmpty() || isHeading(m.group(2)))) {
            above.label = m.group(1) == null ? "附件" : "附件" + Text.compact(m.group(1)).replaceAll("[－—‐]", "-");
            above.titleLines.clear();
            above.unitLine = null;
            above.periodLine = null;
            if (!m.group(2).isEmpty()) {
                // the heading as printed (its spaces kept), or as compacted when 附 件 is spaced out
                Matcher printed = ATTACHMENT.matcher(line.strip());
                above.heading(printed.matches() && !printed.group(2).isBlank() ? printed.group(2).strip() : m.group(2));
            }
        } else if (UNIT_LINE.matcher(compact).matches()) {
            above.unitLine = line;
        } else if (PERIOD_LINE.matcher(compact).matches()) {
            above.periodLine = line;
        } else if (isHeading(line)) {
            Matcher u = TRAILING_UNIT.matcher(line);
            if (u.matches()) {
                above.heading(u.group(1).strip());
                above.unitLine = u.group(2).strip();
            } else {
                above.heading(line);
            }
        } else {
            above.paragraph(line);
        }
    }

    /** A heading, not running text: short, and no sentence punctuation. */
    private static boolean isHeading(String line) {
        String c = Text.compact(line);
        return c.length() <= 60 && !SENTENCE.matcher(c).find();
    }

    /** Reads one table starting at its first header row; returns the index after it. */
    private static int readTable(SourceSheet sheet, List<SourceRow> rows, int start, List<SourceRow> givenHeader,
                                 Above above, String title, List<RawTable> tables) {
        List<SourceRow> header = new ArrayList<>(givenHeader);
        int i = start;
        if (header.isEmpty()) {
            header.add(rows.get(start));
            i = start + 1;
            while (i < rows.size() && lineText(rows.get(i)) == null && continuesHeader(rows.get(i))) {
                header.add(rows.get(i));
                i++;
            }
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
        tables.add(new RawTable(sheet.name(), above.label, title, above.unitLine, above.periodLine, above.context,
                List.copyOf(header), List.copyOf(data), note));
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

    /** 备注, 注, 说明, 来源 lines under a table (a unit's row never starts so, nor reads as a sentence). */
    private static boolean isNote(String text) {
        if (text == null) {
            return false;
        }
        String c = Text.compact(text);
        return c.startsWith("备注") || c.startsWith("注:") || c.startsWith("说明") || c.startsWith("来源")
                || c.startsWith("数据来源") || c.startsWith("资料来源") || c.startsWith("附注") || c.contains("。");
    }

    private static boolean startsHeader(SourceRow row) {
        List<String> cells = row.cells();
        if (cells.size() < 2 || Text.blank(cells.getFirst())) {
            return false;
        }
        long filled = cells.stream().filter(c -> !Text.blank(c)).count();
        return filled >= 2 && cells.stream().skip(1).noneMatch(Figure::isNumeric) && !Figure.isNumeric(cells.getFirst());
    }

    /** A unit's row of a table printed without a header: a name, then one figure. */
    private static boolean headerless(SourceRow row) {
        List<String> cells = row.cells().stream().filter(c -> !Text.blank(c)).toList();
        return cells.size() == 2 && !Text.blank(row.cell(0)) && !Figure.isFigureLike(cells.getFirst())
                && Figure.isNumeric(cells.get(1));
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
