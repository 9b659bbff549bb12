package org.anju.plan.imports;

import org.anju.indicator.Indicators;
import org.anju.intake.InputProblem;
import org.anju.intake.SourceRow;
import org.anju.plan.BreakdownTable;
import org.anju.plan.BreakdownTable.Column;
import org.anju.plan.BreakdownTable.Row;
import org.anju.plan.Cell;
import org.anju.plan.FigureKind;
import org.anju.plan.RowRole;
import org.anju.plan.SourceRef;
import org.anju.plan.imports.ColumnMeaning.Counted;
import org.anju.plan.imports.ImportResult.Choice;
import org.anju.plan.imports.ImportResult.ColumnLine;
import org.anju.plan.imports.ImportResult.Note;
import org.anju.plan.imports.ImportResult.Question;
import org.anju.platform.JobProgress;
import org.anju.region.Region;
import org.anju.region.RegionKind;
import org.anju.region.Regions;
import org.anju.region.Resolution;

import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns raw tables into tables of figures: which columns hold the unit names, which hold figures and what each
 * of those counts (program, stage, measure, year, target/actual/rate — {@link ColumnReader}), which region each
 * row is and which rows are parts of which, and the figures in the indicator's measure. What cannot be told is a
 * {@link Question}, never a default; what is wrong is an {@link InputProblem}. Collects everything instead of
 * stopping at the first, so one pass tells the user all that is wrong or open.
 */
final class TableInterpreter {

    private static final Pattern INDEX_HEADER = Pattern.compile("序号|编号|序|排名|名次|排序|行次");
    private static final Set<String> PERIOD_CELLS = Set.of("合计", "小计", "总计");

    /** What the user answered or stated: column meanings, region codes, year, program, stage, period. */
    record Answers(Map<String, String> columns, Map<String, String> regions, ColumnReader.Stated stated,
                   YearMonth period) {
        static final Answers NONE = new Answers(Map.of(), Map.of(), ColumnReader.Stated.NOTHING, null);
    }

    /** One table read: its figures (columns as far as decided), and what the preview must show or ask. */
    record Reading(RawTable raw, BreakdownTable table, boolean progress, YearMonth period, List<ColumnLine> columns,
                   List<Question> questions, List<Note> notes) {
    }

    record Result(Region issuer, List<Reading> readings, List<InputProblem> problems) {
    }

    private enum Role { INDEX, REGION, VALUE, TEXT, EMPTY }

    private final Regions regions;
    private final Indicators indicators;
    private final String fileName;
    private final Answers answers;
    private final ColumnReader reader;
    private final List<InputProblem> problems = new ArrayList<>();
    private final Set<String> usedColumnAnswers = new HashSet<>();
    /** The user's region answers by cleaned label (or label@row for one row), and which were used. */
    private final Map<String, String> regionAnswers = new LinkedHashMap<>();
    private final Set<String> usedRegionAnswers = new HashSet<>();
    private JobProgress.Steps progress;

    TableInterpreter(Regions regions, Indicators indicators, String fileName, Answers answers) {
        this.regions = regions;
        this.indicators = indicators;
        this.fileName = fileName;
        this.answers = answers;
        this.reader = new ColumnReader(indicators, answers.stated());
        answers.regions().forEach((label, code) -> {
            int at = label.lastIndexOf('@');
            String key = at > 0 ? RowLabels.clean(label.substring(0, at)) + label.substring(at).strip() : RowLabels.clean(label);
            regionAnswers.put(key, code);
        });
    }

    /** The user's answer for this row: by its label and row (小计@45), else by its label. */
    private String regionAnswer(String cleaned, int row) {
        for (String key : List.of(cleaned + "@" + row, cleaned)) {
            String answer = regionAnswers.get(key);
            if (answer != null) {
                usedRegionAnswers.add(key);
                return answer;
            }
        }
        return null;
    }

    /**
     * @param issuer the issuing region when known (importing into a plan, or given by the user); else inferred
     */
    Result interpret(List<RawTable> raws, DocumentFacts facts, Region issuer) {
        progress = JobProgress.stage("解析地区和指标", raws.stream().mapToLong(r -> r.dataRows().size()).sum());
        List<Layout> layouts = raws.stream().map(this::layout).toList();
        if (issuer == null) {
            issuer = inferIssuer(layouts);
            if (issuer == null) {
                problems.add(new InputProblem(fileName, null, null, null,
                        "无法确定发文单位：表中的地区名称都无法识别，请指定发文地区（命令行 --issuer 代码）"));
                return new Result(null, List.of(), problems);
            }
        }
        List<Reading> readings = new ArrayList<>();
        int seq = 0;
        for (Layout layout : layouts) {
            if (layout == null) {
                continue;
            }
            Reading r = read(++seq, layout, facts, issuer);
            if (r != null) {
                readings.add(r);
            }
        }
        checkAnswersUsed(readings);
        return new Result(issuer, uniqueKeys(readings), problems);
    }

    // ---- layout: which columns are what -----------------------------------------------------------

    /** A table's columns by role, with their header cells. */
    private record Layout(RawTable raw, int width, List<List<String>> paths, Role[] roles, List<Integer> regionColumns,
                          int indexColumn) {
    }

    private Layout layout(RawTable raw) {
        int width = width(raw);
        List<List<String>> paths = headerPaths(raw, width);
        Role[] roles = new Role[width];
        int firstValue = -1;
        int index = -1;
        for (int c = 0; c < width; c++) {
            int filled = 0;
            int figures = 0;
            for (SourceRow r : raw.dataRows()) {
                String v = cell(r, c);
                if (!Text.blank(v)) {
                    filled++;
                    figures += Figure.isFigureLike(v) ? 1 : 0;
                }
            }
            String header = Text.compact(String.join("", paths.get(c)));
            if (filled == 0 && header.isEmpty()) {
                roles[c] = Role.EMPTY;
            } else if (INDEX_HEADER.matcher(header).matches()) {
                roles[c] = Role.INDEX;
                index = index < 0 ? c : index;
            } else if (figures > 0 && figures * 2 >= filled && c > 0) {
                roles[c] = Role.VALUE;
                firstValue = firstValue < 0 ? c : firstValue;
            } else {
                roles[c] = Role.TEXT;
            }
        }
        List<Integer> regionColumns = new ArrayList<>();
        for (int c = 0; c < (firstValue < 0 ? width : firstValue); c++) {
            if (roles[c] == Role.TEXT) {
                roles[c] = Role.REGION;
                regionColumns.add(c);
            }
        }
        if (regionColumns.isEmpty()) {
            problems.add(problem(raw, raw.firstRow(), null, "未找到地区名称列（表头下应有一列地区名称，如「市、县名称」）"));
            return null;
        }
        if (firstValue < 0) {
            problems.add(problem(raw, raw.firstRow(), null, "表中没有数字列"));
            return null;
        }
        return new Layout(raw, width, paths, roles, regionColumns, index);
    }

    private static int width(RawTable raw) {
        int w = 0;
        for (SourceRow r : raw.headerRows()) {
            w = Math.max(w, lastFilled(r) + 1);
        }
        for (SourceRow r : raw.dataRows()) {
            w = Math.max(w, lastFilled(r) + 1);
        }
        return w;
    }

    private static int lastFilled(SourceRow r) {
        for (int i = r.cells().size() - 1; i >= 0; i--) {
            if (!Text.blank(r.cells().get(i))) {
                return i;
            }
        }
        return -1;
    }

    /**
     * Each column's header cells top to bottom. An empty cell in a grouping row belongs to the group to
     * its left (a merged 2023年 spanning 开工 and 基本建成), but only within the group above it.
     */
    static List<List<String>> headerPaths(RawTable raw, int width) {
        int depth = raw.headerRows().size();
        String[][] grid = new String[depth][width];
        for (int r = 0; r < depth; r++) {
            for (int c = 0; c < width; c++) {
                grid[r][c] = Text.trim(cell(raw.headerRows().get(r), c));
            }
        }
        for (int r = 0; r < depth - 1; r++) {
            for (int c = 2; c < width; c++) {
                if (grid[r][c].isEmpty() && sameAbove(grid, r, c - 1, c)) {
                    grid[r][c] = grid[r][c - 1];
                }
            }
        }
        List<List<String>> paths = new ArrayList<>();
        for (int c = 0; c < width; c++) {
            List<String> path = new ArrayList<>();
            for (int r = 0; r < depth; r++) {
                String h = grid[r][c];
                if (!h.isEmpty() && (path.isEmpty() || !path.getLast().equals(h))) {
                    path.add(h);
                }
            }
            paths.add(path);
        }
        return paths;
    }

    private static boolean sameAbove(String[][] grid, int row, int a, int b) {
        for (int r = 0; r < row; r++) {
            if (!grid[r][a].equals(grid[r][b])) {
                return false;
            }
        }
        return true;
    }

    // ---- one table -------------------------------------------------------------------------------

    private Reading read(int seq, Layout layout, DocumentFacts facts, Region issuer) {
        RawTable raw = layout.raw();
        int problemsBefore = problems.size();
        List<Question> questions = new ArrayList<>();
        List<Note> notes = new ArrayList<>();
        YearMonth printedPeriod = PeriodText.find(raw.periodLine(), ColumnReader.titleYear(raw.title()));
        ColumnReader.Sense sense = ColumnReader.sense(raw, facts.title(), layout.paths(),
                printedPeriod == null ? null : printedPeriod.getYear());

        // columns
        boolean yearColumns = layout.paths().stream().anyMatch(p -> p.stream()
                .anyMatch(h -> ColumnReader.YEAR_CELL.matcher(Text.compact(h)).matches()));
        Map<Integer, ColumnMeaning> meanings = new LinkedHashMap<>();
        List<ColumnLine> lines = new ArrayList<>();
        for (int c = 0; c < layout.width(); c++) {
            List<String> path = layout.paths().get(c);
            if (layout.roles()[c] != Role.VALUE) {
                continue;
            }
            if (path.isEmpty()) {
                problems.add(problem(raw, raw.firstRow(), c + 1, "该列有数字但没有表头"));
                continue;
            }
            Integer year = null;
            boolean period = false;
            List<String> named = new ArrayList<>();
            for (String h : path) {
                String compact = Text.compact(h);
                Matcher y = ColumnReader.YEAR_CELL.matcher(compact);
                if (y.matches()) {
                    year = Integer.parseInt(y.group(1));
                } else if (yearColumns && PERIOD_CELLS.contains(compact)) {
                    period = true;
                } else {
                    named.add(h);
                }
            }
            if (named.isEmpty()) {
                named.add(path.getLast());
            }
            meanings.put(c, reader.read(named, year, period, sense, answer(raw, path, c), groupStage(layout, c)));
        }
        settle(meanings);
        for (Map.Entry<Integer, ColumnMeaning> e : meanings.entrySet()) {
            int c = e.getKey();
            lines.add(columnLine(raw, c, layout.paths().get(c), e.getValue(), questions));
        }
        for (int c = 0; c < layout.width(); c++) {
            if (layout.roles()[c] == Role.TEXT) {
                lines.add(new ColumnLine(raw.where(), c + 1, String.join("·", layout.paths().get(c)), "不导入",
                        "文字列（不是数字）", "IGNORED", null, List.of()));
            } else if (layout.roles()[c] == Role.INDEX) {
                lines.add(new ColumnLine(raw.where(), c + 1, String.join("·", layout.paths().get(c)), "不导入",
                        "序号列", "IGNORED", null, List.of()));
            }
        }
        lines.sort(java.util.Comparator.comparingInt(ColumnLine::column));

        List<Integer> counted = meanings.entrySet().stream().filter(e -> e.getValue() instanceof Counted)
                .map(Map.Entry::getKey).toList();
        List<Column> columns = new ArrayList<>();
        for (int c : counted) {
            Counted m = (Counted) meanings.get(c);
            columns.add(new Column(columns.size() + 1, List.copyOf(layout.paths().get(c)), m.indicator(), m.year(),
                    c + 1, m.kind(), m.factor()));
        }
        boolean progressTable = sense.kind() == ColumnReader.TableKind.PROGRESS
                || columns.stream().anyMatch(col -> col.kind() != FigureKind.TARGET);
        YearMonth period = null;
        boolean anyFigures = meanings.values().stream().anyMatch(m -> !(m instanceof ColumnMeaning.Ignored));
        if (progressTable && anyFigures) {
            period = period(raw, sense, columns, questions, notes);
        }
        List<Row> rows = rows(layout, issuer, counted, columns, questions, notes);
        if (problems.size() > problemsBefore) {
            return null;
        }
        String rowHeader = String.join("·", layout.paths().get(layout.regionColumns().getLast()));
        BreakdownTable table = new BreakdownTable(null, seq, raw.label(), raw.title() == null ? "" : raw.title(),
                raw.unitLine(), rowHeader.isEmpty() ? "地区" : rowHeader, columns, rows, raw.note(),
                new SourceRef(fileName, raw.sheet(), raw.firstRow()));
        return new Reading(raw, table, progressTable, period, lines, questions, notes);
    }

    /**
     * The stage the other columns of this column's group name (计划任务数 | 开工数 | 开工率 under one header, or a
     * one-row header of 年度任务 | 开工数 | 开工率): one group counts one stage's target, actual and rate. Null when
     * they name none or several.
     */
    private org.anju.indicator.Stage groupStage(Layout layout, int column) {
        List<String> path = layout.paths().get(column);
        if (path.isEmpty()) {
            return null;
        }
        List<String> group = path.subList(0, path.size() - 1);      // empty: the table's one-row header
        Set<org.anju.indicator.Stage> stages = new java.util.LinkedHashSet<>();
        for (int c = 0; c < layout.width(); c++) {
            List<String> other = layout.paths().get(c);
            if (c != column && layout.roles()[c] == Role.VALUE && other.size() == path.size()
                    && other.subList(0, other.size() - 1).equals(group)) {
                stages.addAll(indicators.stagesIn(other.getLast()));
            }
        }
        return stages.size() == 1 ? stages.iterator().next() : null;
    }

    /** Settles rates by their neighbours, and opens columns that would count the same thing twice. */
    private void settle(Map<Integer, ColumnMeaning> meanings) {
        List<ColumnMeaning> all = List.copyOf(meanings.values());
        meanings.replaceAll((c, m) -> m instanceof ColumnMeaning.PendingRate p ? reader.settleRate(p, all) : m);
        Map<String, List<Integer>> same = new HashMap<>();
        meanings.forEach((c, m) -> {
            if (m instanceof Counted k) {
                same.computeIfAbsent(k.indicator().code() + "|" + k.year() + "|" + k.kind(), x -> new ArrayList<>()).add(c);
            }
        });
        for (List<Integer> columns : same.values()) {
            if (columns.size() > 1) {
                for (int c : columns) {
                    Counted k = (Counted) meanings.get(c);
                    String others = String.join("、", columns.stream().filter(x -> x != c)
                            .map(x -> InputProblem.columnLetters(x + 1)).toList());
                    meanings.put(c, new ColumnMeaning.Open("与 " + others + " 列读出的含义相同（" + k.indicator().displayName()
                            + " · " + k.kind().label() + "），不能两列都导入：请逐列指定含义或不导入",
                            List.of(new ColumnMeaning.Option(ColumnAnswer.format(k.indicator().code(), k.kind(), k.year()),
                                    k.indicator().displayName() + " · " + k.kind().label()))));
                }
            }
        }
    }

    private ColumnLine columnLine(RawTable raw, int c, List<String> path, ColumnMeaning m, List<Question> questions) {
        String header = String.join("·", path);
        return switch (m) {
            case Counted k -> new ColumnLine(raw.where(), c + 1, header, meaningText(k), String.join("；", k.basis()),
                    "COUNTED", null, List.of());
            case ColumnMeaning.Ignored i -> new ColumnLine(raw.where(), c + 1, header, "不导入", i.reason(), "IGNORED",
                    null, List.of());
            case ColumnMeaning.Open o -> {
                List<Choice> choices = new ArrayList<>();
                o.options().forEach(opt -> choices.add(new Choice(opt.value(), opt.label())));
                choices.add(new Choice("ignore", "不导入"));
                questions.add(new Question("COLUMN", columnKey(raw, path), raw.where() + " 第 "
                        + InputProblem.columnLetters(c + 1) + " 列", o.question(), choices));
                yield new ColumnLine(raw.where(), c + 1, header, "待确认", o.question(), "OPEN", columnKey(raw, path),
                        choices);
            }
            case ColumnMeaning.PendingRate p -> throw new IllegalStateException("未定的完成率列：" + p.header());
        };
    }

    static String meaningText(Counted k) {
        String factor = k.factor().compareTo(BigDecimal.ONE) == 0 ? "" : "（×" + k.factor().stripTrailingZeros()
                .toPlainString() + "）";
        return k.indicator().displayName() + " · " + k.kind().label() + " · " + (k.year() == null ? "合计" : k.year() + "年")
                + factor;
    }

    /**
     * Open columns whose keys would answer several columns at once (the same header in two tables without a 附件
     * label, or twice in one table) are keyed by their table and letter instead (附件1:C).
     */
    private static List<Reading> uniqueKeys(List<Reading> readings) {
        Map<String, Long> counts = new HashMap<>();
        readings.forEach(r -> r.columns().stream().filter(l -> l.key() != null)
                .forEach(l -> counts.merge(l.key(), 1L, Long::sum)));
        if (counts.values().stream().allMatch(n -> n == 1)) {
            return readings;
        }
        List<Reading> out = new ArrayList<>();
        for (Reading r : readings) {
            Map<String, String> renamed = new HashMap<>();
            List<ColumnLine> lines = r.columns().stream().map(l -> {
                if (l.key() == null || counts.get(l.key()) == 1) {
                    return l;
                }
                String key = r.raw().where() + ":" + l.letter();
                renamed.put(l.table() + " 第 " + l.letter() + " 列", key);
                return new ColumnLine(l.table(), l.column(), l.header(), l.meaning(), l.basis(), l.status(), key, l.choices());
            }).toList();
            List<Question> questions = r.questions().stream().map(q -> renamed.containsKey(q.where())
                    ? new Question(q.kind(), renamed.get(q.where()), q.where(), q.text(), q.choices()) : q).toList();
            out.add(new Reading(r.raw(), r.table(), r.progress(), r.period(), lines, questions, r.notes()));
        }
        return out;
    }

    /** The key a user answers a column with: the table's label and the header path. */
    private static String columnKey(RawTable raw, List<String> path) {
        return (raw.label() != null ? raw.label() + ":" : "") + String.join("·", path);
    }

    /** The user's answer for this column, if any: by header path, last header cell or column letter. */
    private ColumnAnswer answer(RawTable raw, List<String> path, int c) {
        for (Map.Entry<String, String> e : answers.columns().entrySet()) {
            if (matches(e.getKey(), raw, path, c)) {
                usedColumnAnswers.add(e.getKey());
                try {
                    return ColumnAnswer.parse(e.getValue());
                } catch (IllegalArgumentException ex) {
                    problems.add(new InputProblem(fileName, null, null, null,
                            "列的指定「" + e.getKey() + "=" + e.getValue() + "」：" + ex.getMessage()));
                    return null;
                }
            }
        }
        return null;
    }

    /**
     * Whether a key names this column: its header path (cells joined by · or /, or run together), its last
     * header cell, its letter (C) or 第3列 — optionally after the table's 附件 label, title or sheet and a colon.
     */
    static boolean matches(String key, RawTable raw, List<String> path, int c) {
        String k = Text.compact(key);
        int colon = k.indexOf(':');
        if (colon > 0) {
            String table = k.substring(0, colon);
            boolean thisTable = table.equals(Text.compact(raw.label())) || table.equals(Text.compact(raw.title()))
                    || table.equals(Text.compact(raw.sheet()));
            if (thisTable) {
                return matchesColumn(k.substring(colon + 1), path, c);
            }
        }
        return matchesColumn(k, path, c);   // a colon inside a header (其中：户数) names no table
    }

    private static boolean matchesColumn(String k, List<String> path, int c) {
        String full = Text.compact(String.join("", path)).replace("/", "");
        String joined = k.replace("·", "").replace("/", "");
        return joined.equals(full) || k.equals(Text.compact(path.getLast()))
                || k.equalsIgnoreCase(InputProblem.columnLetters(c + 1)) || k.equals("第" + (c + 1) + "列");
    }

    private void checkAnswersUsed(List<Reading> readings) {
        for (String key : regionAnswers.keySet()) {
            if (!usedRegionAnswers.contains(key)) {
                problems.add(new InputProblem(fileName, null, null, null, "指定的地区「" + key + "」在表中没有这一行"
                        + "（写表中的名称，如 --region \"开发区=371471\"，或 名称@行号）"));
            }
        }
        for (String key : answers.columns().keySet()) {
            if (!usedColumnAnswers.contains(key)) {
                String known = String.join("、", readings.stream().flatMap(r -> r.columns().stream())
                        .map(ColumnLine::header).distinct().limit(12).toList());
                problems.add(new InputProblem(fileName, null, null, null, "指定的列「" + key + "」在表中不存在"
                        + (known.isEmpty() ? "" : "（表中的列：" + known + "）")));
            }
        }
    }

    // ---- the period of a progress table -------------------------------------------------------------

    private YearMonth period(RawTable raw, ColumnReader.Sense sense, List<Column> columns, List<Question> questions,
                             List<Note> notes) {
        Integer year = columns.stream().map(Column::year).filter(Objects::nonNull).findFirst().orElse(null);
        YearMonth p = PeriodText.find(raw.periodLine(), year);
        if (p == null) {
            p = PeriodText.find(raw.title(), year);
        }
        if (p == null) {
            for (String line : sense.context()) {
                p = PeriodText.find(line, year);
                if (p != null) {
                    break;
                }
            }
        }
        if (answers.period() != null && (p == null || p.equals(answers.period()))) {
            return answers.period();
        }
        if (answers.period() != null) {
            notes.add(new Note(raw.where(), "表中写明截至 " + p + "，按表中所印，未用指定的 " + answers.period()));
        }
        if (p == null) {
            questions.add(new Question("PERIOD", "period", raw.where(), "进展表「" + raw.where()
                    + "」的数字截至哪个月，表名和上下文都没有写明：请指定截止月份（命令行 --period 2023-09）", List.of()));
        }
        return p;
    }

    // ---- rows ------------------------------------------------------------------------------------

    /** A row's region as first read: found, several candidates, or left out by the user's answer. */
    private record Pending(int index, SourceRow source, int column, String printed, String cleaned, Region context,
                           List<Region> candidates, boolean total, Region subtotalOf) {
    }

    private List<Row> rows(Layout layout, Region issuer, List<Integer> counted, List<Column> columns,
                           List<Question> questions, List<Note> notes) {
        RawTable raw = layout.raw();
        List<Integer> regionColumns = layout.regionColumns();
        String[] carried = new String[layout.width()];
        List<Pending> pending = new ArrayList<>();
        Map<Integer, Region> found = new HashMap<>();
        Region context = issuer;
        boolean issuerTotal = false;
        for (SourceRow source : raw.dataRows()) {
            progress.step();
            List<String> labels = new ArrayList<>();
            for (int k = 0; k < regionColumns.size(); k++) {
                int c = regionColumns.get(k);
                String v = Text.trim(cell(source, c));
                boolean lowest = k == regionColumns.size() - 1;
                if (!v.isEmpty()) {
                    carried[c] = v;
                } else if (!lowest && carried[c] != null && !Text.blank(cell(source, regionColumns.getLast()))) {
                    v = carried[c];     // a merged city cell, printed once for its rows
                }
                labels.add(v);
            }
            String printed = null;
            for (int k = labels.size() - 1; k >= 0 && printed == null; k--) {
                printed = labels.get(k).isEmpty() ? null : labels.get(k);
            }
            boolean anyFigure = counted.stream().anyMatch(c -> !Text.blank(cell(source, c)));
            if (printed == null && layout.indexColumn() >= 0 && !Text.blank(cell(source, layout.indexColumn()))
                    && !Figure.isNumeric(cell(source, layout.indexColumn()))) {
                printed = Text.trim(cell(source, layout.indexColumn()));   // 合计 printed in the 序号 column
            }
            if (printed == null) {
                if (anyFigure) {
                    problems.add(problem(raw, source.number(), regionColumns.getLast() + 1, "缺少地区名称"));
                }
                continue;
            }
            int labelColumn = regionColumns.getLast() + 1;
            for (int k = labels.size() - 1; k >= 0; k--) {
                if (!labels.get(k).isEmpty()) {
                    labelColumn = regionColumns.get(k) + 1;
                    break;
                }
            }
            String cleaned = RowLabels.clean(printed);
            if (cleaned.isEmpty()) {
                if (anyFigure) {
                    problems.add(problem(raw, source.number(), regionColumns.getLast() + 1,
                            "「" + printed + "」不是地区名称"));
                }
                continue;
            }
            String answer = regionAnswer(cleaned, source.number());
            if (answer != null && Text.compact(answer).equalsIgnoreCase("ignore")) {
                notes.add(new Note(raw.where() + " 第 " + source.number() + " 行", "「" + printed + "」按指定不导入"));
                continue;
            }
            // an upper column naming a region makes a 小计 that region's row
            Region upper = null;
            String unresolvedUpper = null;
            for (int k = 0; k < labels.size() - 1; k++) {
                String u = RowLabels.clean(labels.get(k));
                if (!u.isEmpty() && !RowLabels.isTotal(u) && !labels.get(k).equals(printed)) {
                    Resolution r = regions.resolve(u, issuer);
                    if (r instanceof Resolution.Found f) {
                        upper = f.region();
                    } else {
                        unresolvedUpper = labels.get(k);
                    }
                }
            }
            boolean total = RowLabels.isTotal(cleaned);
            if (total && answer != null) {
                total = false;      // the user said whose subtotal it is
            }
            if (total && upper == null && (unresolvedUpper != null || issuerTotal)) {
                // a second 小计, or one beside a name not found: whose it is is not printed, so it is asked
                String key = cleaned + "@" + source.number();
                List<Choice> choices = new ArrayList<>();
                lastRegion(pending, found).flatMap(regions::city).filter(c -> !c.equals(issuer))
                        .ifPresent(c -> choices.add(new Choice(c.code(), qualifiedName(c) + "（" + c.code() + "）")));
                choices.add(new Choice("ignore", "不导入该行"));
                questions.add(new Question("REGION", key, raw.where() + " 第 " + source.number() + " 行", "「" + printed
                        + "」" + (unresolvedUpper != null ? "旁边的「" + unresolvedUpper + "」无法确定是哪个地区"
                        : "是本表的第二个合计行，不知是哪个单位的小计") + "，请指定（命令行 --region \"" + key + "=代码\"）",
                        choices));
                continue;
            }
            if (total && upper == null) {
                issuerTotal = true;
                pending.add(new Pending(pending.size(), source, labelColumn, printed, cleaned, issuer, List.of(issuer), true, null));
                found.put(pending.size() - 1, issuer);
                continue;
            }
            if (total) {
                pending.add(new Pending(pending.size(), source, labelColumn, printed, cleaned, upper, List.of(upper), false, upper));
                found.put(pending.size() - 1, upper);
                continue;
            }
            Region ctx = upper != null ? upper : context;
            if (answer != null) {
                Region r = regions.byCode(Text.compact(answer)).orElse(null);
                if (r == null) {
                    problems.add(problem(raw, source.number(), regionColumns.getLast() + 1,
                            "「" + printed + "」指定的地区代码「" + answer + "」不存在"));
                    continue;
                }
                pending.add(new Pending(pending.size(), source, labelColumn, printed, cleaned, ctx, List.of(r), false, null));
                found.put(pending.size() - 1, r);
                continue;
            }
            Candidates candidates = resolve(cleaned, ctx, issuer);
            pending.add(new Pending(pending.size(), source, labelColumn, printed, cleaned, ctx, candidates.regions(), false,
                    null));
            if (candidates.certain()) {
                found.put(pending.size() - 1, candidates.regions().getFirst());
                context = regions.city(candidates.regions().getFirst()).orElse(context);
            }
        }
        decideByLevel(pending, found, issuer, raw, questions, notes);

        // rows, with the parts of a city under its row
        List<Row> rows = new ArrayList<>();
        Deque<Row> stack = new ArrayDeque<>();
        Integer totalSeq = null;
        for (Pending p : pending) {
            Region region = found.get(p.index());
            if (region == null) {
                continue;
            }
            if (!p.total() && !regions.contains(issuer, region)) {
                problems.add(problem(raw, p.source().number(), regionColumns.getLast() + 1,
                        "「" + p.printed() + "」（" + region.name() + "）不属于发文地区" + issuer.name()));
                continue;
            }
            int seq = rows.size() + 1;
            List<Cell> cells = cells(raw, p.source(), counted, columns);
            String label = Text.trim(p.printed()).replaceAll("\\s+", "");
            if (p.total()) {
                totalSeq = seq;
                rows.add(new Row(seq, label, issuer, null, RowRole.TOTAL, p.source().number(), cells));
                stack.clear();
                continue;
            }
            while (!stack.isEmpty() && !covers(stack.peek().region(), region)) {
                stack.pop();
            }
            Integer parent = stack.isEmpty() ? totalSeq : Integer.valueOf(stack.peek().seq());
            Row row = new Row(seq, label, region, parent, RowRole.DETAIL, p.source().number(), cells);
            rows.add(row);
            stack.push(row);
        }
        return roles(rows, totalSeq);
    }

    /** The region of the last row read so far. */
    private static java.util.Optional<Region> lastRegion(List<Pending> pending, Map<Integer, Region> found) {
        for (int i = pending.size() - 1; i >= 0; i--) {
            Region r = found.get(pending.get(i).index());
            if (r != null && !pending.get(i).total()) {
                return java.util.Optional.of(r);
            }
        }
        return java.util.Optional.empty();
    }

    /**
     * The regions a cleaned label may be: {@code certain} when its name or alias names exactly one; else the
     * candidates (several of that name, a short name that is no alias, a city's zones for a bare 开发区), which
     * {@link #decideByLevel} settles by the level of the other rows or asks about.
     */
    private record Candidates(List<Region> regions, boolean certain) {
    }

    private Candidates resolve(String label, Region context, Region issuer) {
        Resolution resolution = regions.resolve(label, context);
        if (resolution instanceof Resolution.NotFound && !context.equals(issuer)) {
            resolution = regions.resolve(label, issuer);
        }
        return switch (resolution) {
            case Resolution.Found f -> new Candidates(List.of(f.region()), true);
            case Resolution.Ambiguous a -> new Candidates(a.candidates(), false);
            case Resolution.NotFound n -> {
                List<Region> c = regions.candidates(label, context);
                yield new Candidates(c.isEmpty() && !context.equals(issuer) ? regions.candidates(label, issuer) : c, false);
            }
        };
    }

    /**
     * Labels that fit several regions (吉林: 吉林省 or 吉林市) are the one of the same kind as the table's other
     * rows under the same parent; a bare 开发区 is asked even when one zone fits, since its name is not printed.
     */
    private void decideByLevel(List<Pending> pending, Map<Integer, Region> found, Region issuer, RawTable raw,
                               List<Question> questions, List<Note> notes) {
        Map<RegionKind, Integer> kinds = new HashMap<>();
        for (Pending p : pending) {
            Region r = found.get(p.index());
            if (r != null && !p.total() && p.subtotalOf() == null && regions.parent(r).map(issuer::equals).orElse(false)) {
                kinds.merge(r.kind(), 1, Integer::sum);
            }
        }
        RegionKind usual = kinds.entrySet().stream().max(Map.Entry.comparingByValue()).map(Map.Entry::getKey).orElse(null);
        for (Pending p : pending) {
            if (found.containsKey(p.index())) {
                continue;
            }
            List<Region> fit = p.candidates().stream().filter(r -> regions.contains(issuer, r))
                    .filter(r -> usual == null || r.kind() == usual || kindsAlike(r.kind(), usual)).toList();
            // a short name (吉林 for 吉林省) is decided by the level; a bare 开发区 names no zone, so it is asked
            boolean shortName = fit.stream().allMatch(r -> RowLabels.clean(r.name()).startsWith(p.cleaned()));
            if (fit.size() == 1 && usual != null && shortName) {
                found.put(p.index(), fit.getFirst());
                notes.add(new Note(raw.where() + " 第 " + p.source().number() + " 行", "「" + p.printed() + "」按同表其他行的级别（"
                        + usual.label() + "）读作" + fit.getFirst().name() + "（" + fit.getFirst().code() + "）"));
                continue;
            }
            List<Region> offer = fit.isEmpty() ? p.candidates() : fit;
            if (offer.isEmpty()) {
                problems.add(problem(raw, p.source().number(), p.column(), "无法识别的地区名称「" + p.printed() + "」（在"
                        + p.context().name() + "范围内）：请指定它是哪个地区，如 --region \"" + p.cleaned()
                        + "=六位代码\"（代码可在“地区”页查找），或不导入该行：--region \"" + p.cleaned() + "=ignore\""));
                continue;
            }
            List<Choice> choices = new ArrayList<>(offer.stream().map(r -> new Choice(r.code(), qualifiedName(r)
                    + "（" + r.code() + "）")).toList());
            choices.add(new Choice("ignore", "不导入该行"));
            questions.add(new Question("REGION", p.cleaned(), raw.where() + " 第 " + p.source().number() + " 行",
                    "「" + p.printed() + "」可能是" + String.join("、", offer.stream().map(this::qualifiedName).toList())
                            + "，请指定（命令行 --region \"" + p.cleaned() + "=代码\"）", choices));
        }
    }

    private static boolean kindsAlike(RegionKind a, RegionKind b) {
        Set<RegionKind> county = Set.of(RegionKind.COUNTY, RegionKind.DEV_ZONE, RegionKind.CITY_LEVEL);
        return county.contains(a) && county.contains(b);
    }

    /** Rows before a 合计 printed at the bottom belong to it too; a row with rows under it is a PARENT. */
    private static List<Row> roles(List<Row> rows, Integer totalSeq) {
        Set<Integer> parents = new HashSet<>();
        List<Row> withTotal = new ArrayList<>();
        for (Row r : rows) {
            Integer parent = r.parentSeq() == null && r.role() != RowRole.TOTAL ? totalSeq : r.parentSeq();
            if (parent != null) {
                parents.add(parent);
            }
            withTotal.add(new Row(r.seq(), r.label(), r.region(), parent, r.role(), r.sourceRow(), r.cells()));
        }
        return withTotal.stream()
                .map(r -> r.role() == RowRole.DETAIL && parents.contains(r.seq())
                        ? new Row(r.seq(), r.label(), r.region(), r.parentSeq(), RowRole.PARENT, r.sourceRow(), r.cells())
                        : r)
                .toList();
    }

    private String qualifiedName(Region r) {
        return regions.parent(r).filter(p -> p.kind() != RegionKind.NATION).map(p -> p.name() + r.name()).orElse(r.name());
    }

    private boolean covers(Region a, Region r) {
        if (regions.contains(a, r)) {
            return true;
        }
        return a.kind() == RegionKind.GROUP && regions.members(a).stream().anyMatch(m -> regions.contains(m, r));
    }

    // ---- cells -----------------------------------------------------------------------------------

    private List<Cell> cells(RawTable raw, SourceRow source, List<Integer> counted, List<Column> columns) {
        List<Cell> cells = new ArrayList<>(counted.size());
        for (int k = 0; k < counted.size(); k++) {
            int c = counted.get(k);
            Column column = columns.get(k);
            boolean rate = column.kind() == FigureKind.RATE;
            switch (Figure.parse(cell(source, c))) {
                case Figure.Blank b -> cells.add(Cell.BLANK);
                case Figure.NotPublished n -> cells.add(Cell.BLANK);
                case Figure.Value v -> {
                    Cell figure = rate ? v.cell() : scaled(v.cell(), column.factor());
                    if (!rate && column.indicator().exact() && figure.value().stripTrailingZeros().scale() > 0) {
                        // a count is whole (org.anju.progress.FigureLimits): 1.5 套 is a typo, never a task to store
                        problems.add(problem(raw, source.number(), c + 1, column.indicator().displayName() + "应为整数：「"
                                + Text.trim(cell(source, c)) + "」" + (figure == v.cell() ? "" : "即 "
                                + figure.value().toPlainString() + " " + column.indicator().measureName())
                                + "（按" + column.indicator().measureName() + "计数，不能有小数；"
                                + (source.shownRounded(c) == null ? "" : source.shownRounded(c) + "；") + "请核对原表）"));
                        cells.add(Cell.BLANK);
                    } else {
                        cells.add(figure);
                    }
                }
                case Figure.Percent p -> {
                    if (rate) {
                        cells.add(p.cell());
                    } else {
                        problems.add(problem(raw, source.number(), c + 1, "是百分比「" + Text.trim(cell(source, c))
                                + "」，但该列是" + column.kind().label() + "（应填数量）"));
                        cells.add(Cell.BLANK);
                    }
                }
                case Figure.AllDone a -> {
                    if (rate) {
                        cells.add(new Cell(new BigDecimal(100), 0, a.printed()));
                    } else {
                        problems.add(problem(raw, source.number(), c + 1, "「" + a.printed() + "」只能出现在完成率列"));
                        cells.add(Cell.BLANK);
                    }
                }
                case Figure.Bad bad -> {
                    problems.add(problem(raw, source.number(), c + 1, bad.reason()));
                    cells.add(Cell.BLANK);
                }
            }
        }
        return List.copyOf(cells);
    }

    /** A figure printed in 万 (or 亿, or 平方米 for 万平方米) in the indicator's measure, its precision kept. */
    static Cell scaled(Cell printed, BigDecimal factor) {
        if (factor.compareTo(BigDecimal.ONE) == 0) {
            return printed;
        }
        return new Cell(printed.value().multiply(factor).stripTrailingZeros(), printed.scale() - Column.powerOfTen(factor));
    }

    // ---- issuer ----------------------------------------------------------------------------------

    /**
     * The region whose plan this is: the lowest one above every unit the tables name. When that is itself
     * listed as a unit's row, the issuer is the level above it (a province table listing one city's block).
     */
    private Region inferIssuer(List<Layout> layouts) {
        List<Region> found = new ArrayList<>();
        for (Layout layout : layouts) {
            if (layout == null) {
                continue;
            }
            Region context = null;
            for (SourceRow source : layout.raw().dataRows()) {
                for (int c : layout.regionColumns()) {
                    String label = RowLabels.clean(cell(source, c));
                    if (label.isEmpty() || RowLabels.isTotal(label)) {
                        continue;
                    }
                    Resolution r = regions.resolve(label, context == null ? null : regions.city(context).orElse(null));
                    if (r instanceof Resolution.Found f) {
                        found.add(f.region());
                        context = f.region();
                    }
                }
            }
        }
        if (found.isEmpty()) {
            return null;
        }
        Region lca = regions.commonAncestor(found);
        boolean anyTotal = layouts.stream().filter(Objects::nonNull).flatMap(l -> l.raw().dataRows().stream()
                .map(s -> RowLabels.clean(cell(s, l.regionColumns().getFirst())))).anyMatch(RowLabels::isTotal)
                || layouts.stream().filter(Objects::nonNull).flatMap(l -> l.raw().dataRows().stream()
                .map(s -> RowLabels.clean(cell(s, l.regionColumns().getLast())))).anyMatch(RowLabels::isTotal);
        return found.contains(lca) && anyTotal ? regions.parent(lca).orElse(lca) : lca;
    }

    // ---- helpers ---------------------------------------------------------------------------------

    private static String cell(SourceRow row, int index) {
        return index < row.cells().size() ? row.cells().get(index) : "";
    }

    private InputProblem problem(RawTable raw, Integer row, Integer column, String message) {
        String where = raw.where();
        return new InputProblem(fileName, raw.sheet(), row, column, (where == null ? "" : where + "：") + message);
    }
}
