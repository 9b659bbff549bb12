package org.anju.ledger.expropriation;

import org.anju.calendar.Counting;
import org.anju.intake.InputException;
import org.anju.intake.InputProblem;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A project's 签约奖励/搬迁奖励 scheme as the 征收补偿方案 prints it, one tier a row (tab-separated, UTF-8):
 *
 * <pre>
 * # 来源 … (lines starting with # are the source header, kept verbatim)
 * 方案	上海长桥新村片区 早签约奖
 * 计日	开始的当日计入          (how "第N日" counts from the 签约期限's first day: a Counting label; required)
 * 奖项	计时	窗口	适用用途	适用方式	计算	金额	基数	下限	上限	条件	原文
 * 早签约奖	签约	第1-14日	全部	全部	每平方米	10000		400000		原文…
 * </pre>
 *
 * <ul>
 * <li>计时: which of the household's dates falls in the window — 签约 (agreement) or 腾空 (交验空房).</li>
 * <li>窗口: {@code 第a-b日} (days of the 签约期限, both ends counted), {@code 第a日-届满}, {@code 期限内}, {@code 届满后},
 *     {@code yyyy-MM-dd~yyyy-MM-dd} (both ends); a suffix {@code (含期前)} puts dates before the period in it.</li>
 * <li>计算: 每平方米 (金额 元/㎡ × 建筑面积), 每户 (金额 元/户 or 元/证), 比例 (金额 in %, 基数 评估价值 or 补偿金额),
 *     逐日递减 (金额 less 基数 {@code 每日递减N} for each day after the window's first day − 1), 签约率 (基数
 *     {@code 签约率≥90%，每增1%加15000}: 金额 when the rate at the period's end reaches the threshold, plus the step per
 *     further whole percent), 不予奖励 (0, stated), 取消 (奖项 names the rewards, separated by 、, that this window
 *     cancels, as 柳州's clause (四) does).</li>
 * <li>条件: empty, 腾空后发放 (due once the household has vacated) or 搬迁期限内腾空 (vacated by the agreement's
 *     搬迁期限, else nothing).</li>
 * </ul>
 * Nothing is guessed: a household date outside every window of a reward, or inside two, is refused by
 * {@link RewardCalculator} naming the rows.
 */
public record RewardScheme(String name, Counting counting, List<String> header, List<Tier> tiers) {

    public enum Clock {
        SIGNED("签约"), VACATED("腾空");

        final String label;

        Clock(String label) {
            this.label = label;
        }
    }

    public enum Method {
        PER_M2("每平方米"), PER_HOUSEHOLD("每户"), PERCENT("比例"), DAILY_DECREASE("逐日递减"), SIGNING_RATE("签约率"),
        NONE("不予奖励"), CANCEL("取消");

        final String label;

        Method(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    public enum Condition {
        PAID_AFTER_VACATING("腾空后发放"), VACATED_BY_DEADLINE("搬迁期限内腾空");

        final String label;

        Condition(String label) {
            this.label = label;
        }
    }

    /** Which days a tier covers. Day numbers count the 签约期限's first day as day 1 (or 2, see the scheme's counting). */
    public sealed interface Window {
        String label();
    }

    public record Days(int first, Integer last, boolean beforePeriod, String label) implements Window {
    }

    public record InPeriod(String label) implements Window {
    }

    public record AfterPeriod(String label) implements Window {
    }

    public record Dates(LocalDate first, LocalDate last, boolean beforePeriod, String label) implements Window {
    }

    /**
     * One row.
     *
     * @param line    the file's line number (1-based) to name in messages
     * @param rewards the reward this row belongs to; for 取消, the rewards it cancels
     * @param use     住宅 / 非住宅 / null for all
     * @param option  货币补偿 / 产权调换 / null for all
     * @param amount  元, 元/㎡ or a percentage (20 for 20%)
     * @param base    评估价值 or 补偿金额 for 比例
     */
    public record Tier(int line, List<String> rewards, Clock clock, Window window, HouseUse use, Option option,
                       Method method, BigDecimal amount, String base, BigDecimal decrease, BigDecimal threshold,
                       BigDecimal step, BigDecimal floor, BigDecimal cap, Condition condition, String text) {

        public String reward() {
            return String.join("、", rewards);
        }
    }

    static final List<String> COLUMNS = List.of("奖项", "计时", "窗口", "适用用途", "适用方式", "计算", "金额", "基数", "下限",
            "上限", "条件", "原文");
    private static final Pattern DAYS = Pattern.compile("第(\\d{1,4})[-–~](\\d{1,4})日");
    private static final Pattern DAYS_TO_END = Pattern.compile("第(\\d{1,4})日[-–~]届满");
    private static final Pattern DATES = Pattern.compile("(\\d{4}-\\d{2}-\\d{2})~(\\d{4}-\\d{2}-\\d{2})");
    private static final Pattern DECREASE = Pattern.compile("每日递减(\\d+(?:\\.\\d+)?)");
    private static final Pattern RATE = Pattern.compile("签约率≥(\\d+(?:\\.\\d+)?)%[，,]每增1%加(\\d+(?:\\.\\d+)?)");
    private static final String BEFORE = "(含期前)";

    /**
     * Reads a scheme file.
     *
     * @throws InputException naming every problem by line and column, in Chinese
     */
    public static RewardScheme parse(String file, String text) {
        List<InputProblem> problems = new ArrayList<>();
        List<String> header = new ArrayList<>();
        String name = null;
        Counting counting = null;
        boolean columns = false;
        List<Tier> tiers = new ArrayList<>();
        String[] lines = text.replace("\r\n", "\n").split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            int n = i + 1;
            String raw = lines[i];
            if (raw.startsWith("\uFEFF")) {
                raw = raw.substring(1);
            }
            if (raw.startsWith("#")) {
                header.add(raw);
                continue;
            }
            if (raw.isBlank()) {
                continue;
            }
            String[] cells = raw.split("\t", -1);
            String key = cells[0].strip();
            if (!columns) {
                switch (key) {
                    case "方案" -> name = cells.length > 1 && !cells[1].isBlank() ? cells[1].strip() : null;
                    case "计日" -> {
                        String c = cells.length > 1 ? cells[1].strip() : "";
                        for (Counting k : Counting.values()) {
                            if (k.label().equals(c) || k.name().equals(c)) {
                                counting = k;
                            }
                        }
                        if (counting == null) {
                            problems.add(new InputProblem(file, null, n, 2, "计日方式应为“" + Counting.START_SAME_DAY.label()
                                    + "”或“" + Counting.START_NEXT_DAY.label() + "”（方案原文写明的“第1日”是哪一天），现为“" + c + "”"));
                        }
                    }
                    case "奖项" -> {
                        for (int c = 0; c < COLUMNS.size(); c++) {
                            String h = c < cells.length ? cells[c].strip() : "";
                            if (!h.equals(COLUMNS.get(c))) {
                                problems.add(new InputProblem(file, null, n, c + 1, "第 " + (c + 1) + " 列的列名应为“"
                                        + COLUMNS.get(c) + "”，现为“" + h + "”；列依次为 " + String.join("、", COLUMNS)));
                            }
                        }
                        columns = true;
                    }
                    default -> problems.add(new InputProblem(file, null, n, 1, "列名行（以“奖项”开头）之前只能有“方案”“计日”两行"
                            + "和以 # 开头的来源说明，现为“" + shorten(key) + "”"));
                }
                continue;
            }
            Tier t = tier(file, n, cells, problems);
            if (t != null) {
                tiers.add(t);
            }
        }
        if (name == null) {
            problems.add(InputProblem.ofFile(file, "缺少“方案”行：请写明奖励方案的名称（如“柳州市白云路东段项目搬迁奖励”）"));
        }
        if (counting == null && problems.stream().noneMatch(p -> p.message().startsWith("计日"))) {
            problems.add(InputProblem.ofFile(file, "缺少“计日”行：请写明“第1日”是签约期限的哪一天（“" + Counting.START_SAME_DAY.label()
                    + "”或“" + Counting.START_NEXT_DAY.label() + "”），系统不作默认"));
        }
        if (!columns) {
            problems.add(InputProblem.ofFile(file, "缺少列名行：应为 " + String.join("、", COLUMNS)));
        } else if (tiers.isEmpty() && problems.isEmpty()) {
            problems.add(InputProblem.ofFile(file, "奖励方案没有任何档次"));
        }
        if (!problems.isEmpty()) {
            throw new InputException(problems);
        }
        return new RewardScheme(name, counting, List.copyOf(header), List.copyOf(tiers));
    }

    private static Tier tier(String file, int n, String[] cells, List<InputProblem> problems) {
        int before = problems.size();
        String[] c = new String[COLUMNS.size()];
        for (int i = 0; i < c.length; i++) {
            c[i] = i < cells.length ? unquote(cells[i].strip()) : "";
        }
        if (cells.length > COLUMNS.size()) {
            problems.add(new InputProblem(file, null, n, COLUMNS.size() + 1, "多出的列：每行应为 " + COLUMNS.size() + " 列"));
        }
        List<String> rewards = new ArrayList<>(new LinkedHashSet<>(List.of(c[0].split("、"))).stream().map(String::strip)
                .filter(s -> !s.isEmpty()).toList());
        if (rewards.isEmpty()) {
            problems.add(new InputProblem(file, null, n, 1, "奖项不能为空"));
        }
        Clock clock = null;
        for (Clock k : Clock.values()) {
            if (k.label.equals(c[1])) {
                clock = k;
            }
        }
        if (clock == null) {
            problems.add(new InputProblem(file, null, n, 2, "计时应为“签约”或“腾空”（以哪一日落入窗口），现为“" + shorten(c[1]) + "”"));
        }
        Window window = window(c[2]);
        if (window == null) {
            problems.add(new InputProblem(file, null, n, 3, "窗口“" + shorten(c[2]) + "”看不懂：应为 第1-14日、第46日-届满、期限内、"
                    + "届满后 或 2020-07-24~2020-08-22（两端都计入），可加“(含期前)”"));
        }
        HouseUse use = null;
        if (!c[3].equals("全部")) {
            use = HouseUse.parse(c[3]);
            if (use == null) {
                problems.add(new InputProblem(file, null, n, 4, "适用用途应为 住宅、非住宅 或 全部，现为“" + shorten(c[3]) + "”"));
            }
        }
        Option option = null;
        if (!c[4].equals("全部")) {
            option = Option.parse(c[4]);
            if (option == null) {
                problems.add(new InputProblem(file, null, n, 5, "适用方式应为 货币补偿、产权调换 或 全部，现为“" + shorten(c[4]) + "”"));
            }
        }
        Method method = null;
        for (Method m : Method.values()) {
            if (m.label.equals(c[5])) {
                method = m;
            }
        }
        if (method == null) {
            problems.add(new InputProblem(file, null, n, 6, "计算应为 每平方米、每户、比例、逐日递减、签约率、不予奖励 或 取消，现为“"
                    + shorten(c[5]) + "”"));
        }
        BigDecimal amount = null;
        String base = null;
        BigDecimal decrease = null;
        BigDecimal threshold = null;
        BigDecimal step = null;
        if (method != null && method != Method.NONE && method != Method.CANCEL) {
            String a = c[6].endsWith("%") && method == Method.PERCENT ? c[6].substring(0, c[6].length() - 1) : c[6];
            amount = number(a);
            if (amount == null || amount.signum() <= 0) {
                problems.add(new InputProblem(file, null, n, 7, "金额应为正数（比例写作 20%），现为“" + shorten(c[6]) + "”"));
            } else if (method == Method.PERCENT && !c[6].endsWith("%")) {
                problems.add(new InputProblem(file, null, n, 7, "比例须带 %（如 20%），以免把 20 元误读为 20%"));
            }
            switch (method) {
                case PERCENT -> {
                    base = c[7];
                    if (!base.equals("评估价值") && !base.equals("补偿金额")) {
                        problems.add(new InputProblem(file, null, n, 8, "比例的基数应为“评估价值”或“补偿金额”，现为“" + shorten(c[7]) + "”"));
                    }
                }
                case DAILY_DECREASE -> {
                    Matcher m = DECREASE.matcher(c[7]);
                    if (m.matches()) {
                        decrease = new BigDecimal(m.group(1));
                    } else {
                        problems.add(new InputProblem(file, null, n, 8, "逐日递减的基数应写作“每日递减1000”，现为“" + shorten(c[7]) + "”"));
                    }
                }
                case SIGNING_RATE -> {
                    Matcher m = RATE.matcher(c[7]);
                    if (m.matches()) {
                        threshold = new BigDecimal(m.group(1));
                        step = new BigDecimal(m.group(2));
                    } else {
                        problems.add(new InputProblem(file, null, n, 8, "签约率奖的基数应写作“签约率≥90%，每增1%加15000”，现为“"
                                + shorten(c[7]) + "”"));
                    }
                }
                default -> {
                    if (!c[7].isEmpty()) {
                        problems.add(new InputProblem(file, null, n, 8, method.label + "不用基数，请留空，现为“" + shorten(c[7]) + "”"));
                    }
                }
            }
        }
        BigDecimal floor = limit(file, n, 9, c[8], problems);
        BigDecimal cap = limit(file, n, 10, c[9], problems);
        if (floor != null && cap != null && cap.compareTo(floor) < 0) {
            problems.add(new InputProblem(file, null, n, 10, "上限不能低于下限"));
        }
        Condition condition = null;
        if (!c[10].isEmpty()) {
            for (Condition k : Condition.values()) {
                if (k.label.equals(c[10])) {
                    condition = k;
                }
            }
            if (condition == null) {
                problems.add(new InputProblem(file, null, n, 11, "条件应为空、“腾空后发放”或“搬迁期限内腾空”，现为“" + shorten(c[10])
                        + "”；其他条件系统无法判断，请在原文中说明并由经办人核对"));
            }
        }
        if (c[11].isEmpty()) {
            problems.add(new InputProblem(file, null, n, 12, "请填写方案原文（每一档都须能对照原文核对）"));
        }
        if (problems.size() > before) {
            return null;
        }
        return new Tier(n, List.copyOf(rewards), clock, window, use, option, method, amount, base, decrease, threshold, step,
                floor, cap, condition, c[11]);
    }

    static Window window(String text) {
        String t = text.strip();
        boolean before = t.endsWith(BEFORE);
        String w = before ? t.substring(0, t.length() - BEFORE.length()).strip() : t;
        Matcher m = DAYS.matcher(w);
        if (m.matches()) {
            int a = Integer.parseInt(m.group(1));
            int b = Integer.parseInt(m.group(2));
            return a >= 1 && b >= a ? new Days(a, b, before, t) : null;
        }
        m = DAYS_TO_END.matcher(w);
        if (m.matches()) {
            int a = Integer.parseInt(m.group(1));
            return a >= 1 ? new Days(a, null, before, t) : null;
        }
        m = DATES.matcher(w);
        if (m.matches()) {
            try {
                LocalDate a = LocalDate.parse(m.group(1));
                LocalDate b = LocalDate.parse(m.group(2));
                return b.isBefore(a) ? null : new Dates(a, b, before, t);
            } catch (DateTimeParseException e) {
                return null;
            }
        }
        if (!before && w.equals("期限内")) {
            return new InPeriod(t);
        }
        if (!before && w.equals("届满后")) {
            return new AfterPeriod(t);
        }
        return null;
    }

    private static BigDecimal limit(String file, int n, int column, String text, List<InputProblem> problems) {
        if (text.isEmpty()) {
            return null;
        }
        BigDecimal v = number(text);
        if (v == null || v.signum() < 0) {
            problems.add(new InputProblem(file, null, n, column, (column == 9 ? "下限" : "上限") + "应为元数（如 30000），现为“"
                    + shorten(text) + "”"));
        }
        return v;
    }

    static BigDecimal number(String text) {
        try {
            return text.isEmpty() ? null : new BigDecimal(text.replace(",", ""));
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static String unquote(String s) {
        return s.equals("\"\"") ? "" : s;
    }

    private static String shorten(String s) {
        return s.length() > 30 ? s.substring(0, 30) + "…" : s;
    }

    /** The rewards (groups) of this scheme in file order, for display. */
    public Set<String> rewardNames() {
        Set<String> names = new LinkedHashSet<>();
        tiers.stream().filter(t -> t.method() != Method.CANCEL).forEach(t -> names.addAll(t.rewards()));
        return names;
    }

}
