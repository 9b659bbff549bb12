package org.anju.progress;

import org.anju.intake.InputException;
import org.anju.intake.InputProblem;
import org.anju.intake.SourceDocument;
import org.anju.intake.SourceRow;
import org.anju.intake.SourceSheet;
import org.anju.region.Region;
import org.anju.region.Regions;
import org.anju.region.Resolution;
import org.springframework.security.access.AccessDeniedException;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a register-like table (one header row, one record per row) from a document that
 * {@link org.anju.intake.SourceReader} read. Every bad cell becomes a problem naming file, sheet, row
 * and column; callers write nothing unless {@link #problems()} is empty at the end. A header written twice is a
 * problem (which of the two columns is meant cannot be known); a header the caller does not read is its to refuse or
 * list ({@link #refuseUnknown}), never dropped without a word.
 */
public final class TableInput {

    private static final Pattern DATE = Pattern.compile("(\\d{4})\\s*[-/.年]\\s*(\\d{1,2})\\s*[-/.月]\\s*(\\d{1,2})\\s*日?(?:[T ].*)?");
    /** A label naming a total, not a unit or project: 合计, 总计, 小计, 全市合计, 全县小计 … */
    private static final Pattern TOTAL = Pattern.compile(
            "(?:全(?:省|市|县|区|州|盟|旗)|本(?:省|市|县|区)|总)?(?:合计|总计|小计|共计|汇总)[:：]?");

    /** Whether a cell names a total (合计, 全市合计 …): a row to check against the rows above it, not a record. */
    public static boolean isTotal(String label) {
        return label != null && TOTAL.matcher(label.replaceAll("[\\s\u3000]", "")).matches();
    }

    /**
     * The 合计 rows of a table kept by hand (as county and city sheets end): the figures of the rows since the last one
     * are added up by column, and a 合计 row is checked against them and left out — a problem on its cell where it does
     * not add up — then said in the answer ({@link #said}). Both the 月报 and the project register read them so.
     */
    public static final class Totals {
        private final java.util.Map<String, BigDecimal> sums = new java.util.HashMap<>();
        private final List<String> rows = new ArrayList<>();

        /** Adds a record's figure of a column to the running sum (a blank adds nothing). */
        public void add(String header, BigDecimal value) {
            if (value != null) {
                sums.merge(header, value, BigDecimal::add);
            }
        }

        /** Checks the 合计 row {@code row}, named by {@code label}, in {@code headers} against the sums; starts anew. */
        public void check(Row row, String label, java.util.Collection<String> headers) {
            for (String header : headers) {
                BigDecimal given = row.number(header);
                BigDecimal sum = sums.get(header);
                if (given != null && (sum == null || given.compareTo(sum) != 0)) {
                    row.problem(header, "合计行的“" + header + "”为 " + Rates.figure(given) + "，"
                            + (sum == null ? "其上各行均未填写该项" : "与其上各行之和 " + Rates.figure(sum) + " 不符")
                            + "：请核对各行和合计，或删去合计行");
                }
            }
            rows.add("第 " + row.number() + " 行“" + label + "”");
            sums.clear();
        }

        /** The 合计 rows checked: "第 5 行“合计”", for the answer. */
        public List<String> said() {
            return List.copyOf(rows);
        }
    }

    /** A parent's name (两个字以上，到第一个 省/市/州/盟/地区) and the rest: 张掖市|甘州区. */
    private static final Pattern PARENT = Pattern.compile("(\\S{2,}?(?:省|自治区|市|州|盟|地区))(\\S{2,})");
    private static final Pattern MONTH = Pattern.compile("(\\d{4})\\s*[-/.年]\\s*(\\d{1,2})\\s*月?(?:[-/.]\\d{1,2}.*)?");

    private final String file;
    private final SourceSheet sheet;
    private final Map<String, Integer> columns = new HashMap<>();
    private final int headerIndex;
    private final List<InputProblem> problems = new ArrayList<>();
    /** Rows naming a unit the user may not write: the whole file is refused (403), not just reported as bad input. */
    private final List<InputProblem> refused = new ArrayList<>();

    /** The column names as read: the header row's cells, or the two rows' combined ({@link #openTwoRowHeader}). */
    private final List<String> names;

    private TableInput(String file, SourceSheet sheet, int headerIndex) {
        this(file, sheet, headerIndex, sheet.rows().get(headerIndex).cells());
    }

    private TableInput(String file, SourceSheet sheet, int headerIndex, List<String> names) {
        this.file = file;
        this.sheet = sheet;
        this.headerIndex = headerIndex;
        this.names = List.copyOf(names);
        List<String> cells = this.names;
        for (int c = 0; c < cells.size(); c++) {
            String h = normalize(cells.get(c));
            if (!h.isEmpty() && columns.putIfAbsent(h, c) != null) {
                // two 累计完成投资 (2024 and 2025 side by side), two 地区 (county and town): reading the first would guess
                headerProblem(c, "列“" + cells.get(c).strip() + "”重复：同名的列只能有一列，不能确定读哪一列；请删去或改名其中一列");
            }
        }
    }

    private void headerProblem(int column, String message) {
        problems.add(new InputProblem(file, sheet.name(), sheet.rows().get(headerIndex).number(), column + 1, message));
    }

    /**
     * Makes every header that is not one of {@code known} (compared as {@link #has} compares) a problem on its header
     * cell ({@link #notAColumn}): a misspelled or unit-differing column (发放金额（元）, 开工时间) is refused, not skipped
     * while the rest of its row is imported.
     */
    public void refuseUnknown(String what, List<String> known) {
        java.util.Set<String> names = new java.util.HashSet<>();
        known.forEach(k -> names.add(normalize(k)));
        List<String> cells = this.names;
        for (int c = 0; c < cells.size(); c++) {
            String h = normalize(cells.get(c));
            if (!h.isEmpty() && !names.contains(h)) {
                headerProblem(c, notAColumn(cells.get(c).strip(), what, known));
            }
        }
    }

    /** A problem with the header cell of {@code header} (on the header row, without a column when the file lacks it). */
    public void headerProblem(String header, String message) {
        Integer c = columns.get(normalize(header));
        problems.add(new InputProblem(file, sheet.name(), sheet.rows().get(headerIndex).number(), c == null ? null : c + 1,
                message));
    }

    /**
     * The refusal of a header that is not one of {@code known} ({@code what}: 月报导入): the column of the same name in
     * another unit or spelling when there is one (发放金额（元） → 应为 发放金额（万元）: its figures are to be given in that
     * unit), else every column there is.
     */
    private static String notAColumn(String header, String what, List<String> known) {
        String name = bare(header);
        List<String> like = known.stream().filter(k -> bare(k).equals(name)).toList();
        return like.isEmpty()
                ? "“" + header + "”不是" + what + "的列，不能确定它对应哪一项：请改为以下列名之一，或删去该列：" + String.join("、", known)
                : "“" + header + "”不是" + what + "的列（应为 " + String.join(" 或 ", like) + "）：请改用该列名并按其单位填写，或删去该列";
    }

    /** A header without spaces and its bracketed unit: 发放金额 (元) → 发放金额. */
    private static String bare(String header) {
        return normalize(header).replaceAll("（[^）]*）", "");
    }

    /**
     * The first sheet holding a row with the marker header (e.g. 项目名称); the row is the header.
     *
     * @throws InputException naming the file when no sheet has it
     */
    public static TableInput open(SourceDocument document, String marker, String what) {
        String key = normalize(marker);
        for (SourceSheet s : document.sheets()) {
            for (int i = 0; i < s.rows().size(); i++) {
                SourceRow row = s.rows().get(i);
                if (!row.prose() && row.cells().stream().anyMatch(c -> normalize(c).equals(key))) {
                    return new TableInput(document.fileName(), s, i);
                }
            }
        }
        throw new InputException(InputProblem.ofFile(document.fileName(),
                "找不到" + what + "的表头（应有“" + marker + "”列）"));
    }

    /** A sub-header that is only a unit of measure: 户, （万元）, 单位：套. */
    private static final Pattern UNIT_ONLY = Pattern.compile("(?:单位[:：])?[（(]?(户|套|间|个|栋|元|万元|万平方米|平方米)[)）]?");

    /**
     * As {@link #open}, for a header that takes two rows, as sheets kept by hand have it: groups merged over their items
     * (住房租赁补贴 over 已发放户数（户）…, 中央补助 over 到位资金（万元）…) with {@code keys} (地区, 月份) merged down both
     * rows, or a row of units under the names (已发放户数 over 户). The second row is taken as part of the header only
     * when every {@code keys} column is blank in it (a record always names its unit and month) and some column has text
     * in both rows; each column's name is then, from the lower row's text and the group above it (the upper row's text,
     * or the nearest to its left for a cell covered by a horizontal merge):
     * <ul>
     *   <li>a unit alone below a name: the name with the unit in brackets (已发放户数 + 户 → 已发放户数（户））;</li>
     *   <li>group·item when that is one of {@code known} (中央补助·到位资金（万元））;</li>
     *   <li>the item alone when the group is one of {@code groups} (住房租赁补贴 over 已发放户数（户））, or when no group
     *       is above it;</li>
     *   <li>else group·item, which the caller's {@link #refuseUnknown} refuses naming the cell — a group it does not
     *       know (a year, another source) is never dropped without a word.</li>
     * </ul>
     * Problems with the header name the lower row; records start below it.
     */
    public static TableInput openTwoRowHeader(SourceDocument document, String marker, String what, List<String> keys,
                                              java.util.Set<String> groups, List<String> known) {
        TableInput one = open(document, marker, what);
        List<SourceRow> rows = one.sheet.rows();
        int top = one.headerIndex;
        if (top + 1 >= rows.size() || rows.get(top + 1).prose()) {
            return one;
        }
        SourceRow upper = rows.get(top);
        SourceRow lower = rows.get(top + 1);
        java.util.Set<String> keyNames = new java.util.HashSet<>();
        keys.forEach(k -> keyNames.add(normalize(k)));
        int width = Math.max(upper.cells().size(), lower.cells().size());
        boolean keysBlank = true;
        boolean stacked = false;
        for (int c = 0; c < width; c++) {
            String u = normalize(upper.cell(c));
            String l = normalize(lower.cell(c));
            if (keyNames.contains(u) && !l.isEmpty()) {
                keysBlank = false;
            }
            if (!u.isEmpty() && !l.isEmpty()) {
                stacked = true;
            }
        }
        if (!keysBlank || !stacked) {
            return one;
        }
        java.util.Set<String> knownNames = new java.util.HashSet<>();
        known.forEach(k -> knownNames.add(normalize(k)));
        java.util.Set<String> groupNames = new java.util.HashSet<>();
        groups.forEach(g -> groupNames.add(normalize(g)));
        List<String> names = new ArrayList<>();
        String group = "";
        for (int c = 0; c < width; c++) {
            String u = upper.cell(c).strip();
            String l = lower.cell(c).strip();
            if (!u.isEmpty()) {
                group = keyNames.contains(normalize(u)) ? "" : u;
            }
            Matcher unit = UNIT_ONLY.matcher(normalize(l));
            if (l.isEmpty()) {
                names.add(u);
            } else if (!u.isEmpty() && unit.matches()) {
                names.add(u + "（" + unit.group(1) + "）");
            } else if (group.isEmpty()) {
                names.add(l);
            } else if (knownNames.contains(normalize(group + "·" + l))) {
                names.add(group + "·" + l);
            } else if (groupNames.contains(normalize(group))) {
                names.add(l);
            } else {
                names.add(group + "·" + l);
            }
        }
        return new TableInput(one.file, one.sheet, top + 1, names);
    }

    /** Reports missing required headers as problems; true when all are there. */
    public boolean require(String... headers) {
        boolean ok = true;
        for (String h : headers) {
            if (!has(h)) {
                problems.add(new InputProblem(file, sheet.name(), sheet.rows().get(headerIndex).number(), null,
                        "缺少“" + h + "”列"));
                ok = false;
            }
        }
        return ok;
    }

    public boolean has(String header) {
        return columns.containsKey(normalize(header));
    }

    /** Each non-empty row below the header. */
    public void rows(Consumer<Row> each) {
        var progress = org.anju.platform.JobProgress.stage("解析地区和数据", sheet.rows().size() - headerIndex - 1);
        for (int i = headerIndex + 1; i < sheet.rows().size(); i++) {
            progress.step();
            SourceRow r = sheet.rows().get(i);
            if (r.prose() || r.cells().stream().allMatch(c -> c == null || c.isBlank())) {
                continue;
            }
            each.accept(new Row(r));
        }
    }

    public List<InputProblem> problems() {
        return problems;
    }

    /** Throws all problems found, if any. */
    public void failIfProblems() {
        if (!problems.isEmpty()) {
            throw new InputException(problems);
        }
    }

    /**
     * Refuses the whole file when any row named a unit the user may not write ({@link Row#checkAllowed}):
     * an {@link AccessDeniedException} (HTTP 403) naming file, sheet, row and column of the first such rows.
     */
    public void failIfRefused() {
        if (!refused.isEmpty()) {
            String rows = String.join("；", refused.stream().limit(3).map(InputProblem::toString).toList());
            throw new org.anju.platform.Denied("整个文件未导入：" + rows + (refused.size() > 3 ? "（等 " + refused.size() + " 行）" : ""));
        }
    }

    public String file() {
        return file;
    }

    private static String normalize(String s) {
        return s == null ? "" : s.replaceAll("[\\s\u3000]", "").replace('(', '（').replace(')', '）');
    }

    /** One record; getters return null for an empty or bad cell (a bad cell is also a problem). */
    public final class Row {
        private final SourceRow row;

        Row(SourceRow row) {
            this.row = row;
        }

        public int number() {
            return row.number();
        }

        private Integer column(String header) {
            return columns.get(normalize(header));
        }

        public String text(String header) {
            Integer c = column(header);
            if (c == null) {
                return null;
            }
            String v = row.cell(c).strip();
            return v.isEmpty() ? null : v;
        }

        /**
         * For a workbook's number its cell's format shows rounded, what to say beside a refusal of the stored value
         * ({@link SourceRow#shownRounded}); null for any other cell.
         */
        public String shownRounded(String header) {
            Integer c = column(header);
            return c == null ? null : row.shownRounded(c);
        }

        public void problem(String header, String message) {
            Integer c = column(header);
            problems.add(new InputProblem(file, sheet.name(), row.number(), c == null ? null : c + 1, message));
        }

        /**
         * Runs an access check for the unit this row names (e.g. {@code () -> access.checkWrite(unit)}); a refusal is
         * kept with the row's place and makes {@link #failIfRefused} refuse the whole file.
         */
        public void checkAllowed(String header, Runnable check) {
            try {
                check.run();
            } catch (AccessDeniedException e) {
                Integer c = column(header);
                refused.add(new InputProblem(file, sheet.name(), row.number(), c == null ? null : c + 1, e.getMessage()));
            }
        }

        public String required(String header) {
            String v = text(header);
            if (v == null) {
                problem(header, "“" + header + "”不能为空");
            }
            return v;
        }

        /** A non-negative number; 1,234.5 and full-width digits accepted. */
        /** The cell as a figure by the one rule ({@link org.anju.platform.Numbers}); a problem when it is none. */
        public BigDecimal number(String header) {
            String v = text(header);
            if (v == null) {
                return null;
            }
            return switch (org.anju.platform.Numbers.read(v)) {
                case org.anju.platform.Numbers.Blank b -> null;
                case org.anju.platform.Numbers.Value n -> n.value();
                case org.anju.platform.Numbers.Bad bad -> {
                    problem(header, "“" + header + "”" + bad.reason());
                    yield null;
                }
            };
        }

        public Integer integer(String header) {
            BigDecimal n = number(header);
            if (n == null) {
                return null;
            }
            try {
                return n.intValueExact();
            } catch (ArithmeticException e) {
                problem(header, "“" + header + "”应为整数：" + text(header));
                return null;
            }
        }

        public LocalDate date(String header) {
            String v = text(header);
            if (v == null) {
                return null;
            }
            Matcher m = DATE.matcher(toHalfWidth(v));
            if (m.matches()) {
                try {
                    return LocalDate.of(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3)));
                } catch (java.time.DateTimeException e) {
                    // falls through to the problem
                }
            }
            problem(header, "“" + header + "”不是日期（如 2023-06-30）：" + v);
            return null;
        }

        public YearMonth month(String header) {
            String v = text(header);
            if (v == null) {
                return null;
            }
            try {
                Matcher m = MONTH.matcher(toHalfWidth(v));
                if (m.matches()) {
                    return YearMonth.of(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)));
                }
                return YearMonth.parse(v);
            } catch (java.time.DateTimeException e) {
                problem(header, "“" + header + "”不是月份（如 2023-12）：" + v);
                return null;
            }
        }

        /** A region named by code or name, resolved within {@code context} (null: nationwide). */
        public Region region(String header, Regions regions, Region context) {
            String v = required(header);
            if (v == null) {
                return null;
            }
            var byCode = regions.byCode(v);
            if (byCode.isPresent()) {
                return byCode.get();
            }
            return switch (regions.resolve(v, context)) {
                case Resolution.Found f -> f.region();
                case Resolution.Ambiguous a -> {
                    problem(header, "地区“" + v + "”不唯一：" + a.candidates().stream()
                            .map(r -> r.name() + "（" + r.code() + "）").toList() + "，请填写区划代码");
                    yield null;
                }
                default -> {
                    Region named = withParent(v, regions, context);
                    if (named == null) {
                        problem(header, "未知地区：" + v + "（请填写地区的规范名称，如“临泽县”，或六位区划代码；"
                                + "名称和代码可在“行政区划”页查找）");
                    }
                    yield named;
                }
            };
        }

        /**
         * A name with its parent's before it, as provincial tables write them: 张掖市甘州区, 甘肃省张掖市甘州区. Taken only
         * when the part up to the first 省/市/州/盟/地区 is one region and the rest one region inside it; else null.
         */
        private Region withParent(String label, Regions regions, Region context) {
            Matcher m = PARENT.matcher(label.strip());
            if (!m.matches()) {
                return null;
            }
            Region parent = switch (regions.resolve(m.group(1), context)) {
                case Resolution.Found f -> f.region();
                default -> null;
            };
            if (parent == null) {
                return null;
            }
            Region unit = switch (regions.resolve(m.group(2), parent)) {
                case Resolution.Found f -> f.region();
                default -> withParent(m.group(2), regions, parent);
            };
            return unit != null && !unit.equals(parent) && regions.contains(parent, unit) ? unit : null;
        }
    }

    static String toHalfWidth(String s) {
        StringBuilder b = new StringBuilder(s.length());
        for (char ch : s.toCharArray()) {
            b.append(ch >= '\uFF01' && ch <= '\uFF5E' ? (char) (ch - 0xFEE0) : ch);
        }
        return b.toString();
    }
}
