package org.anju.plan.imports;

import org.anju.indicator.IndicatorMatch;
import org.anju.indicator.Indicators;
import org.anju.intake.InputProblem;
import org.anju.intake.SourceRow;
import org.anju.plan.BreakdownTable;
import org.anju.plan.BreakdownTable.Column;
import org.anju.plan.BreakdownTable.Row;
import org.anju.plan.Cell;
import org.anju.plan.RowRole;
import org.anju.plan.SourceRef;
import org.anju.region.Region;
import org.anju.region.RegionKind;
import org.anju.region.Regions;
import org.anju.region.Resolution;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Turns raw tables into breakdown tables: which indicator and year each column counts, which region
 * each row is, which rows are parts of which (a city's units follow its row), and the figures.
 * Collects every problem instead of stopping at the first, so one pass tells the user all that is
 * wrong with a file.
 */
final class TableInterpreter {

    static final Set<String> TOTAL_LABELS = Set.of("合计", "总计", "全省", "全市", "全县", "全区", "全州", "全盟",
            "全国", "全省合计", "全市合计", "全区合计", "全县合计", "总合计");
    private static final Pattern YEAR_CELL = Pattern.compile("(\\d{4})年度?");
    private static final Pattern YEAR_IN_TITLE = Pattern.compile("(20\\d{2})\\s*年");
    private static final Set<String> PERIOD_CELLS = Set.of("合计", "小计", "总计");

    record Result(Region issuer, List<BreakdownTable> tables, List<InputProblem> problems, TreeSet<Integer> years) {
    }

    private final Regions regions;
    private final Indicators indicators;
    private final String fileName;
    private final List<InputProblem> problems = new ArrayList<>();

    TableInterpreter(Regions regions, Indicators indicators, String fileName) {
        this.regions = regions;
        this.indicators = indicators;
        this.fileName = fileName;
    }

    /**
     * @param issuer      the issuing region when known (importing into a plan, or given by the user); else inferred
     * @param defaultYear the year for columns whose header and table title name none (the plan's only year)
     */
    /** Rows interpreted, for a page showing an import's progress. */
    private org.anju.platform.JobProgress.Steps progress;

    Result interpret(List<RawTable> raws, DocumentFacts facts, Region issuer, Integer defaultYear) {
        progress = org.anju.platform.JobProgress.stage("解析地区和指标", raws.stream().mapToLong(r -> r.dataRows().size()).sum());
        if (issuer == null) {
            issuer = inferIssuer(raws);
            if (issuer == null) {
                problems.add(new InputProblem(fileName, null, null, null,
                        "无法确定发文单位：表中的地区名称都无法识别，请指定发文地区"));
                return new Result(null, List.of(), problems, new TreeSet<>());
            }
        }
        Integer documentYear = facts.titleYears().size() == 1 ? facts.titleYears().getFirst() : defaultYear;
        List<BreakdownTable> tables = new ArrayList<>();
        TreeSet<Integer> years = new TreeSet<>();
        int seq = 0;
        for (RawTable raw : raws) {
            BreakdownTable t = table(++seq, raw, facts, issuer, documentYear);
            if (t != null) {
                tables.add(t);
                t.columns().stream().map(Column::year).filter(y -> y != null).forEach(years::add);
            }
        }
        return new Result(issuer, tables, problems, years);
    }

    // ---- columns ---------------------------------------------------------------------------------

    private BreakdownTable table(int seq, RawTable raw, DocumentFacts facts, Region issuer, Integer documentYear) {
        int width = width(raw);
        List<List<String>> paths = headerPaths(raw, width);
        String rowHeader = Text.trim(cell(raw.headerRows().getFirst(), 0));
        String title = raw.title() != null ? raw.title() : facts.title();
        Integer titleYear = firstYear(raw.title());
        boolean yearColumns = paths.stream().anyMatch(p -> p.stream().anyMatch(h -> YEAR_CELL.matcher(Text.compact(h)).matches()));

        List<Column> columns = new ArrayList<>();
        List<Integer> sourceColumns = new ArrayList<>();
        int problemsBefore = problems.size();
        for (int c = 1; c < width; c++) {
            List<String> path = paths.get(c);
            boolean hasData = false;
            for (SourceRow r : raw.dataRows()) {
                hasData |= !Text.blank(cell(r, c));
            }
            if (path.isEmpty()) {
                if (hasData) {
                    problems.add(problem(raw, raw.firstRow(), c + 1, "该列有数据但没有表头"));
                }
                continue;
            }
            Integer year = null;
            boolean period = false;
            List<String> named = new ArrayList<>();
            for (String h : path) {
                String compact = Text.compact(h);
                Matcher y = YEAR_CELL.matcher(compact);
                if (y.matches()) {
                    year = Integer.parseInt(y.group(1));
                } else if (yearColumns && PERIOD_CELLS.contains(compact)) {
                    period = true;
                } else {
                    named.add(h);
                }
            }
            if (year == null && !period) {
                year = titleYear != null ? titleYear : documentYear;
                if (year == null) {
                    problems.add(problem(raw, raw.firstRow(), c + 1,
                            "无法确定「" + String.join("·", path) + "」的年度：表头和表名均未写明年度"));
                    continue;
                }
            }
            IndicatorMatch match = indicators.matchColumn(title, raw.unitLine(), named, facts.title());
            switch (match) {
                case IndicatorMatch.Matched m -> {
                    columns.add(new Column(columns.size() + 1, List.copyOf(path), m.indicator(), period ? null : year, c + 1));
                    sourceColumns.add(c);
                }
                case IndicatorMatch.Unmatched u ->
                        problems.add(problem(raw, raw.firstRow(), c + 1, "「" + String.join("·", path) + "」：" + u.reason()));
            }
        }
        if (columns.isEmpty() && problems.size() == problemsBefore) {
            problems.add(problem(raw, raw.firstRow(), null, "表中没有可识别的指标列"));
        }
        List<Row> rows = rows(raw, issuer, sourceColumns);
        if (problems.size() > problemsBefore) {
            return null;
        }
        return new BreakdownTable(null, seq, raw.label(), title == null ? "" : title, raw.unitLine(),
                rowHeader.isEmpty() ? "地区" : rowHeader, columns, rows, raw.note(),
                new SourceRef(fileName, raw.sheet(), raw.firstRow()));
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

    private static Integer firstYear(String s) {
        if (s == null) {
            return null;
        }
        Matcher m = YEAR_IN_TITLE.matcher(s);
        return m.find() ? Integer.parseInt(m.group(1)) : null;
    }

    // ---- rows ------------------------------------------------------------------------------------

    private List<Row> rows(RawTable raw, Region issuer, List<Integer> sourceColumns) {
        List<Row> rows = new ArrayList<>();
        Deque<Row> stack = new ArrayDeque<>();
        Integer totalSeq = null;
        for (SourceRow source : raw.dataRows()) {
            progress.step();
            String label = Text.compact(cell(source, 0));
            int seq = rows.size() + 1;
            List<Cell> cells = cells(raw, source, sourceColumns);
            if (label.isEmpty()) {
                problems.add(problem(raw, source.number(), 1, "缺少地区名称"));
                continue;
            }
            if (TOTAL_LABELS.contains(label)) {
                totalSeq = seq;
                rows.add(new Row(seq, label, issuer, null, RowRole.TOTAL, source.number(), cells));
                stack.clear();
                continue;
            }
            Region context = stack.isEmpty() ? issuer : regions.city(stack.peek().region()).orElse(issuer);
            Optional<Region> region = resolve(raw, source, label, context, issuer);
            if (region.isEmpty()) {
                continue;
            }
            while (!stack.isEmpty() && !covers(stack.peek().region(), region.get())) {
                stack.pop();
            }
            Integer parent = stack.isEmpty() ? totalSeq : Integer.valueOf(stack.peek().seq());
            Row row = new Row(seq, Text.trim(cell(source, 0)).replaceAll("\\s+", ""), region.get(), parent,
                    RowRole.DETAIL, source.number(), cells);
            rows.add(row);
            stack.push(row);
        }
        return roles(rows, totalSeq);
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

    private Optional<Region> resolve(RawTable raw, SourceRow source, String label, Region context, Region issuer) {
        Resolution resolution = regions.resolve(label, context);
        if (resolution instanceof Resolution.NotFound && !context.equals(issuer)) {
            resolution = regions.resolve(label, issuer);
        }
        switch (resolution) {
            case Resolution.Found f -> {
                if (!regions.contains(issuer, f.region())) {
                    problems.add(problem(raw, source.number(), 1,
                            "「" + label + "」（" + f.region().name() + "）不属于发文地区" + issuer.name()));
                    return Optional.empty();
                }
                return Optional.of(f.region());
            }
            case Resolution.Ambiguous a -> problems.add(problem(raw, source.number(), 1, "地区名称「" + label
                    + "」不唯一：" + a.candidates().stream().map(this::qualifiedName).collect(Collectors.joining("、"))
                    + "，请写全称"));
            case Resolution.NotFound n -> problems.add(problem(raw, source.number(), 1,
                    "无法识别的地区名称「" + label + "」（在" + context.name() + "范围内）"));
        }
        return Optional.empty();
    }

    private String qualifiedName(Region r) {
        return regions.parent(r).map(p -> p.name() + r.name()).orElse(r.name());
    }

    private boolean covers(Region a, Region r) {
        if (regions.contains(a, r)) {
            return true;
        }
        return a.kind() == RegionKind.GROUP && regions.members(a).stream().anyMatch(m -> regions.contains(m, r));
    }

    private List<Cell> cells(RawTable raw, SourceRow source, List<Integer> sourceColumns) {
        List<Cell> cells = new ArrayList<>(sourceColumns.size());
        for (int c : sourceColumns) {
            switch (Figure.parse(cell(source, c))) {
                case Figure.Blank b -> cells.add(Cell.BLANK);
                case Figure.Value v -> cells.add(v.cell());
                case Figure.Bad bad -> {
                    problems.add(problem(raw, source.number(), c + 1, bad.reason()));
                    cells.add(Cell.BLANK);
                }
            }
        }
        return List.copyOf(cells);
    }

    // ---- issuer ----------------------------------------------------------------------------------

    /**
     * The region whose plan this is: the lowest one above every unit the tables name. When that is itself
     * a row under a 合计 (a province table listing one city), the 合计 is the level above it.
     */
    private Region inferIssuer(List<RawTable> raws) {
        List<Region> found = new ArrayList<>();
        boolean lcaIsRowUnderTotal = false;
        for (RawTable raw : raws) {
            Region context = null;
            for (SourceRow source : raw.dataRows()) {
                String label = Text.compact(cell(source, 0));
                if (label.isEmpty() || TOTAL_LABELS.contains(label)) {
                    continue;
                }
                Resolution r = regions.resolve(label, context == null ? null : regions.city(context).orElse(null));
                if (r instanceof Resolution.Found f) {
                    found.add(f.region());
                    context = f.region();
                }
            }
        }
        if (found.isEmpty()) {
            return null;
        }
        Region lca = regions.commonAncestor(found);
        for (Region r : found) {
            lcaIsRowUnderTotal |= r.equals(lca);
        }
        boolean anyTotal = raws.stream().flatMap(t -> t.dataRows().stream())
                .anyMatch(s -> TOTAL_LABELS.contains(Text.compact(cell(s, 0))));
        if (lcaIsRowUnderTotal && anyTotal) {
            return regions.parent(lca).orElse(lca);
        }
        return lca;
    }

    // ---- helpers ---------------------------------------------------------------------------------

    private static String cell(SourceRow row, int index) {
        return index < row.cells().size() ? row.cells().get(index) : "";
    }

    private InputProblem problem(RawTable raw, Integer row, Integer column, String message) {
        String where = raw.label() != null ? raw.label() : raw.title();
        return new InputProblem(fileName, raw.sheet(), row, column, (where == null ? "" : where + "：") + message);
    }
}
