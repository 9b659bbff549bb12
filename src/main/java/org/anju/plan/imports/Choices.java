package org.anju.plan.imports;

import java.time.YearMonth;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What the user answered or stated for an import, where the document leaves it open: what a column counts
 * ({@code 项目数量=ignore}, {@code 户数=OLD_COMMUNITY.START.HOUSEHOLD:TARGET:2024}), which region a row is
 * ({@code 吉林=220000}, {@code 三县=ignore}, {@code 小计@45=ignore} for one row), and the program, stage and month
 * of tables that do not print them. The year is {@link ImportOptions#firstYear()}. An answer for a column or a row
 * is the user's decision and is taken as given; the program, stage, year and month fill in only what the document
 * leaves open.
 *
 * @param columns column key (header, last header cell, 附件2:header, or column letter) → answer
 * @param regions row label → region code or ignore
 * @param program program code such as OLD_COMMUNITY
 * @param stage   stage code such as START
 * @param period  the month progress tables are "as of"
 */
public record Choices(Map<String, String> columns, Map<String, String> regions, String program, String stage,
                      YearMonth period) {

    public static final Choices NONE = new Choices(Map.of(), Map.of(), null, null, null);

    public Choices {
        // kept in the order given: the first answer that names a column is the one taken
        columns = columns == null ? Map.of() : java.util.Collections.unmodifiableMap(new LinkedHashMap<>(columns));
        regions = regions == null ? Map.of() : java.util.Collections.unmodifiableMap(new LinkedHashMap<>(regions));
        program = blank(program);
        stage = blank(stage);
    }

    /**
     * Parses "key=value" lines (command-line options, a mapping file's lines, a page's fields).
     *
     * @throws IllegalArgumentException naming the entry that has no "="
     */
    public static Map<String, String> pairs(List<String> entries, String what) {
        Map<String, String> map = new LinkedHashMap<>();
        for (String e : entries) {
            String line = e.strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            int eq = line.lastIndexOf('=');
            if (eq <= 0 || eq == line.length() - 1) {
                throw new org.anju.platform.BadInput(what + "「" + line + "」应写成 名称=答案，如 项目数量=ignore 或 吉林=220000");
            }
            map.put(line.substring(0, eq).strip(), line.substring(eq + 1).strip());
        }
        return map;
    }

    private static final java.util.regex.Pattern MONTH = java.util.regex.Pattern.compile(
            "((?:19|20)\\d{2})\\s*(?:-|/|\\.|年)\\s*(\\d{1,2})\\s*月?(?:末|底)?");

    /**
     * The month a user typed for progress tables ("2023-09", "2023年9月"); null for blank.
     *
     * @throws IllegalArgumentException naming the option and the form expected
     */
    public static YearMonth month(String text, String option) {
        if (text == null || text.isBlank()) {
            return null;
        }
        java.util.regex.Matcher m = MONTH.matcher(Text.compact(text));
        if (m.matches()) {
            int month = Integer.parseInt(m.group(2));
            if (month >= 1 && month <= 12) {
                return YearMonth.of(Integer.parseInt(m.group(1)), month);
            }
        }
        throw new org.anju.platform.BadInput(option + " 应为年月，如 2023-09：「" + text.strip() + "」");
    }

    public boolean isEmpty() {
        return columns.isEmpty() && regions.isEmpty() && program == null && stage == null && period == null;
    }

    private static String blank(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
