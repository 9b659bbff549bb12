package org.anju.intake;

import org.anju.platform.Labels;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Text without a single tab: a table copied from a web page, a PDF or a news repost. Two forms are read.
 *
 * <p><b>Cells separated by spaces</b>: "1 贵州 1071 全部开工", "合 计    1234    567". Where a line holds a run
 * of two or more spaces (or a full-width space), those runs separate its cells, so "合 计" stays one label;
 * otherwise single spaces do. A row shorter than the header above it (a merged 序号 or city cell, or cells
 * left empty at its end) is laid out like its header: a missing 序号 becomes an empty first cell, the figures
 * stay at the right of the labels.
 *
 * <p><b>One cell per line</b> (a web table copied cell by cell): a run of short one-cell lines with figures
 * among them is rebuilt into rows. The width comes from the data: every row is an optional 序号, one to three
 * labels (a merged city cell is omitted in the rows below it) and the same number of figures; the header is the
 * cells right before the first row. When no width explains the whole run, the lines stay prose rather than
 * become a guessed table.
 *
 * <p>A line that reads as a sentence (。，；！？ or a cell over 30 characters) is prose; so is a table-like run
 * without any figure. Blank lines inside a run are skipped.
 */
final class SpacedText {

    private static final int MAX_CELL = 30;
    private static final Pattern SENTENCE = Pattern.compile("[。，；！？]");
    private static final Pattern RUNS = Pattern.compile("[ \\u00A0]{2,}|\\u3000+");
    private static final Pattern SINGLE = Pattern.compile("[ \\u00A0]+");
    private static final Pattern FIGURE = Pattern.compile("[-+]?[0-9０-９][0-9０-９,，.．]*[%％]?|[.．][0-9０-９]+[%％]?");
    private static final Pattern INTEGER = Pattern.compile("[0-9０-９]{1,4}");
    // the same words as the importer's Figure (a cell's value) and TableInterpreter (an index column): a layout read
    // here must have the columns the importer then reads
    private static final Pattern VALUE_WORD = Pattern.compile("[—–\\-/／、－\\\\]+|已?全部开工|已?全部完成|全面开工|全部完工"
            + "|全部建成|暂未公布|未公布|暂无|暂无数据|无数据|待定");
    private static final Pattern INDEX_HEADER = Pattern.compile("序号|编号|序|排名|名次|排序|行次");

    private enum Kind { BLANK, TABLE, PROSE }

    /** A line; for table-like ones the text only (how it splits into cells depends on its neighbours). */
    private record Line(int number, Kind kind, String text) {
    }

    private SpacedText() {
    }

    static List<SourceRow> parse(List<String> lines) {
        List<Line> classified = new ArrayList<>(lines.size());
        for (int i = 0; i < lines.size(); i++) {
            classified.add(classify(i + 1, lines.get(i)));
        }
        List<SourceRow> rows = new ArrayList<>();
        int i = 0;
        while (i < classified.size()) {
            Line line = classified.get(i);
            if (line.kind() == Kind.TABLE) {
                int end = runEnd(classified, i);
                rows.addAll(run(classified.subList(i, end).stream().filter(l -> l.kind() == Kind.TABLE).toList()));
                i = end;
            } else {
                if (line.kind() == Kind.PROSE) {
                    rows.add(SourceRow.prose(line.number(), line.text()));
                }
                i++;
            }
        }
        return rows;
    }

    private static Line classify(int number, String raw) {
        String text = CellText.strip(raw);
        if (text.isEmpty()) {
            return new Line(number, Kind.BLANK, text);
        }
        boolean cells = !SENTENCE.matcher(text).find()
                && List.of(SINGLE.split(text)).stream().allMatch(t -> t.length() <= MAX_CELL);
        return new Line(number, cells ? Kind.TABLE : Kind.PROSE, text);
    }

    /** The index after a run of table-like lines (blank lines inside it included, trailing ones not). */
    private static int runEnd(List<Line> lines, int start) {
        int end = start + 1;
        for (int i = start + 1; i < lines.size() && lines.get(i).kind() != Kind.PROSE; i++) {
            if (lines.get(i).kind() == Kind.TABLE) {
                end = i + 1;
            }
        }
        return end;
    }

    /**
     * A run of table-like lines: split the way most of them are (runs of spaces, or single spaces), then cut
     * into stretches of one-cell lines and of several-cell lines.
     */
    private static List<SourceRow> run(List<Line> run) {
        long withRuns = run.stream().filter(l -> RUNS.matcher(l.text()).find()).count();
        Pattern separator = withRuns * 2 > run.size() ? RUNS : SINGLE;
        List<List<String>> tokens = run.stream().map(l -> List.of(separator.split(l.text()))).toList();
        List<SourceRow> rows = new ArrayList<>();
        int i = 0;
        while (i < run.size()) {
            boolean several = tokens.get(i).size() >= 2;
            int end = i;
            while (end < run.size() && (tokens.get(end).size() >= 2) == several) {
                end++;
            }
            rows.addAll(several ? spacedRows(run.subList(i, end), tokens.subList(i, end))
                    : cellRows(run.subList(i, end)));
            i = end;
        }
        return rows;
    }

    private static boolean figure(String token) {
        return FIGURE.matcher(token).matches();
    }

    private static boolean value(String token) {
        return figure(token) || VALUE_WORD.matcher(Labels.compact(token)).matches();
    }

    private static List<SourceRow> asProse(List<Line> run) {
        return run.stream().map(l -> SourceRow.prose(l.number(), l.text())).toList();
    }

    // ---- cells separated by spaces ---------------------------------------------------------------

    private static List<SourceRow> spacedRows(List<Line> run, List<List<String>> tokens) {
        boolean anyFigure = tokens.stream().flatMap(List::stream).anyMatch(SpacedText::figure);
        if (run.size() < 2 || !anyFigure) {
            return asProse(run);
        }
        int width = dataWidth(tokens);
        int headers = 0;
        while (headers < tokens.size() && tokens.get(headers).stream().noneMatch(SpacedText::figure)) {
            headers++;
        }
        List<List<String>> laid = new ArrayList<>(tokens);
        if (headers >= 1) {
            layOutHeader(laid, headers, width);
        }
        boolean indexed = INDEX_HEADER.matcher(Labels.compact(laid.getFirst().getFirst())).matches();
        List<SourceRow> rows = new ArrayList<>();
        for (int i = 0; i < run.size(); i++) {
            List<String> cells = laid.get(i);
            if (i >= headers && cells.size() < width) {
                cells = aligned(cells, width, indexed);
            }
            rows.add(new SourceRow(run.get(i).number(), cells, false));
        }
        return rows;
    }

    /** The number of cells most rows with figures have. */
    private static int dataWidth(List<List<String>> tokens) {
        java.util.Map<Integer, Integer> counts = new java.util.TreeMap<>();
        for (List<String> t : tokens) {
            if (t.stream().anyMatch(SpacedText::figure)) {
                counts.merge(t.size(), 1, Integer::sum);
            }
        }
        return counts.entrySet().stream().max(java.util.Map.Entry.comparingByValue()).map(java.util.Map.Entry::getKey)
                .orElse(tokens.getFirst().size());
    }

    /**
     * A header of two rows printed as text loses its merged cells: "序号 省份 小区数(个) 户数(万户)" over
     * "计划任务数 开工数 开工率 计划任务数 开工数 开工率". The lower row belongs over the figure columns (right),
     * the upper row's first cells stand over the label columns and its others over equal groups below them.
     */
    private static void layOutHeader(List<List<String>> rows, int headers, int width) {
        List<String> lower = rows.get(headers - 1);
        if (lower.size() >= width) {
            return;
        }
        int leading = width - lower.size();
        if (headers >= 2) {
            List<String> upper = rows.get(headers - 2);
            int groups = upper.size() - leading;
            if (groups > 0 && lower.size() % groups == 0) {
                List<String> spread = new ArrayList<>(upper.subList(0, leading));
                for (String group : upper.subList(leading, upper.size())) {
                    spread.add(group);
                    for (int k = 1; k < lower.size() / groups; k++) {
                        spread.add("");
                    }
                }
                rows.set(headers - 2, spread);
            }
        }
        List<String> padded = new ArrayList<>();
        for (int k = 0; k < leading; k++) {
            padded.add("");
        }
        padded.addAll(lower);
        rows.set(headers - 1, padded);
    }

    /** A short row laid out like its header: [序号] labels … figures, the figures counted from the label's end. */
    private static List<String> aligned(List<String> tokens, int width, boolean indexed) {
        List<String> cells = new ArrayList<>(tokens);
        if (indexed && !cells.isEmpty() && !INTEGER.matcher(cells.getFirst()).matches()) {
            cells.addFirst("");
        }
        while (cells.size() < width) {
            cells.add("");
        }
        return cells;
    }

    // ---- one cell per line -----------------------------------------------------------------------

    /** A header from headerStart to start, then rows (each starting at its entry in rowLines) up to end. */
    private record Shape(int headerStart, int start, int end, List<List<String>> rows, List<Integer> rowLines) {
    }

    private static List<SourceRow> cellRows(List<Line> run) {
        List<String> tokens = run.stream().map(Line::text).toList();
        long figures = tokens.stream().filter(SpacedText::figure).count();
        if (run.size() < 6 || figures < 2) {
            return asProse(run);
        }
        Shape shape = shape(tokens);
        if (shape == null) {
            return asProse(run);
        }
        List<SourceRow> rows = new ArrayList<>();
        for (int i = 0; i < shape.headerStart(); i++) {
            rows.add(SourceRow.prose(run.get(i).number(), run.get(i).text()));
        }
        rows.add(new SourceRow(run.get(shape.headerStart()).number(),
                tokens.subList(shape.headerStart(), shape.start()), false));
        for (int r = 0; r < shape.rows().size(); r++) {
            rows.add(new SourceRow(run.get(shape.rowLines().get(r)).number(), shape.rows().get(r), false));
        }
        for (int i = shape.end(); i < run.size(); i++) {
            rows.add(SourceRow.prose(run.get(i).number(), run.get(i).text()));
        }
        return rows;
    }

    /**
     * The one way of cutting the tokens into a header and rows that explains them all (up to a trailing line
     * that is no row, such as 来源：…), or null when none or several do.
     */
    private static Shape shape(List<String> tokens) {
        int firstValue = -1;
        for (int i = 0; i < tokens.size(); i++) {
            if (value(tokens.get(i)) && i + 1 < tokens.size()) {
                firstValue = i;
                break;
            }
        }
        if (firstValue < 1) {
            return null;
        }
        List<Shape> fits = new ArrayList<>();
        // the first row starts at the first figure (its 序号) or at one of the up to three labels before it
        for (int start = Math.max(1, firstValue - 3); start <= firstValue; start++) {
            for (int labels = 1; labels <= 3; labels++) {
                for (boolean indexed : new boolean[] {false, true}) {
                    for (int values = 1; values <= 20; values++) {
                        int headerStart = start - ((indexed ? 1 : 0) + labels + values);
                        if (headerStart < 0) {
                            break;
                        }
                        Shape s = cut(tokens, headerStart, start, indexed, labels, values);
                        if (s != null) {
                            fits.add(s);
                        }
                    }
                }
            }
        }
        if (fits.isEmpty()) {
            return null;
        }
        // the cut that explains the most tokens; a tie between different widths is no answer
        int best = fits.stream().mapToInt(SpacedText::explained).max().orElseThrow();
        List<Shape> top = fits.stream().filter(s -> explained(s) == best).toList();
        return top.size() == 1 ? top.getFirst() : null;
    }

    private static int explained(Shape s) {
        return s.rows().stream().mapToInt(r -> (int) r.stream().filter(c -> !c.isEmpty()).count()).sum();
    }

    private static Shape cut(List<String> tokens, int headerStart, int start, boolean indexed, int labels, int values) {
        List<String> header = tokens.subList(headerStart, start);
        if (header.stream().anyMatch(SpacedText::value)) {
            return null;
        }
        if (indexed != INDEX_HEADER.matcher(Labels.compact(header.getFirst())).matches()) {
            return null;
        }
        List<List<String>> rows = new ArrayList<>();
        List<Integer> lines = new ArrayList<>();
        int i = start;
        while (i < tokens.size()) {
            int rowStart = i;
            String index = "";
            if (indexed && i + 1 < tokens.size() && INTEGER.matcher(tokens.get(i)).matches() && !value(tokens.get(i + 1))) {
                index = tokens.get(i++);
            }
            List<String> names = new ArrayList<>();
            while (i < tokens.size() && !value(tokens.get(i)) && names.size() < labels) {
                names.add(tokens.get(i++));
            }
            int valueStart = i;
            while (i < tokens.size() && i - valueStart < values && value(tokens.get(i))) {
                i++;
            }
            if (names.isEmpty() || i - valueStart != values) {
                i = rowStart;
                break;
            }
            List<String> row = new ArrayList<>();
            if (indexed) {
                row.add(index);
            }
            for (int pad = names.size(); pad < labels; pad++) {
                row.add("");
            }
            row.addAll(names);
            row.addAll(tokens.subList(valueStart, i));
            rows.add(row);
            lines.add(rowStart);
        }
        // everything but at most two trailing lines (a source or a note) must be rows
        if (rows.size() < 2 || tokens.size() - i > 2) {
            return null;
        }
        return new Shape(headerStart, start, i, rows, lines);
    }
}
