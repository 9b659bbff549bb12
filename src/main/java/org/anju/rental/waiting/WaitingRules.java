package org.anju.rental.waiting;

import org.anju.platform.BadInput;
import org.anju.rental.rules.RuleText;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A city's waiting-list rules (轮候规则) as data (OPERATIONS.md §4.2, §5.3): how the list is ordered — priority groups in
 * the city's order and then the date the 资格证 was issued, or a score table —, whether a round allocates by lottery or
 * in that order, how many refusals of the dwellings offered a household may make and what it loses beyond them, and
 * after how many months a waiting household is due for a re-check. Nothing has a default: a line the city has not
 * written is a refusal naming the file.
 *
 * @param verified  whether the values were checked against the city's published rules (核实); 未核实 files are shown so
 * @param groups    the priority groups in order (排序 优先群体+资格日期), empty for none
 * @param points    points per group (排序 评分)
 * @param yearPoints points per full year on the list (排序 评分), null for none
 * @param refusalsAllowed refusals a household may make and keep its place; null: 不限 (written so by the city)
 */
public record WaitingRules(String file, String city, String name, LocalDate from, LocalDate to, String source,
                           boolean verified, Ordering ordering, List<String> groups, Map<String, Integer> points,
                           Integer yearPoints, Method method, Integer refusalsAllowed, OnExcess onExcess,
                           int recheckMonths) {

    public WaitingRules {
        groups = List.copyOf(groups);
        points = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(points));
    }

    /** How the waiting list is ordered. */
    public enum Ordering {
        /** 优先群体+资格日期: the first priority group a household belongs to, then the 资格证 date, then its number. */
        PRIORITY_DATE("优先群体+资格日期"),
        /** 评分: points for groups and years waited, highest first; ties by the 资格证 date, then its number. */
        SCORE("评分");

        private final String label;

        Ordering(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    /** How a round orders its candidates. */
    public enum Method {
        /** 摇号: a reproducible draw (anju-draw-v1) when there are more candidates than dwellings. */
        DRAW("摇号"),
        /** 顺序: the waiting list's order (by date or score). */
        ORDER("顺序");

        private final String label;

        Method(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    /** What a household loses when it refuses more often than allowed. */
    public enum OnExcess {
        /** 取消本批次选房: its place in this round only; refusals are counted per round. */
        ROUND("取消本批次选房"),
        /** 取消轮候资格: it leaves the waiting list; refusals are counted over all rounds. */
        QUALIFICATION("取消轮候资格");

        private final String label;

        OnExcess(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    public boolean inForceOn(LocalDate day) {
        return !day.isBefore(from) && (to == null || day.isBefore(to));
    }

    /** "不限" or "2 次". */
    public String refusalsText() {
        return refusalsAllowed == null ? "不限" : refusalsAllowed + " 次";
    }

    /**
     * Reads the text form (tab-separated, # comments):
     * <pre>
     * 城市	320300
     * 名称	徐州市区公租房轮候规则
     * 生效	2024-01-01
     * 失效	2026-01-01          (optional: the first day it no longer applies)
     * 来源	…
     * 核实	已核实 | 未核实
     * 排序	优先群体+资格日期 | 评分
     * 优先群体	低保	特困	残疾        (or 无; with 优先群体+资格日期)
     * 评分	低保	10                    (with 评分; one line per group)
     * 评分	每满一年	2                  (optional: points per full year on the list)
     * 配租方式	摇号 | 顺序
     * 拒绝上限	2 | 不限
     * 超限后果	取消轮候资格 | 取消本批次选房
     * 复核周期	12	月
     * </pre>
     */
    public static WaitingRules parse(String file, String text) {
        Map<String, String[]> single = new LinkedHashMap<>();
        Map<String, Integer> lineOf = new LinkedHashMap<>();
        Map<String, Integer> points = new LinkedHashMap<>();
        Integer yearPoints = null;
        List<String> groups = null;
        for (RuleText.Line line : RuleText.lines(text)) {
            String[] f = line.cells();
            int n = line.number();
            switch (f[0]) {
                case "城市", "名称", "生效", "失效", "来源", "核实", "排序", "配租方式", "拒绝上限", "超限后果", "复核周期" -> {
                    if (f.length < 2 || f[1].isEmpty()) {
                        throw bad(file, n, 2, "“" + f[0] + "”行缺少内容");
                    }
                    if (single.put(f[0], f) != null) {
                        throw bad(file, n, 1, "“" + f[0] + "”写了两次，只能有一行");
                    }
                    lineOf.put(f[0], n);
                }
                case "优先群体" -> {
                    if (groups != null) {
                        throw bad(file, n, 1, "“优先群体”写了两次：请在一行里按先后顺序列出全部群体");
                    }
                    groups = new ArrayList<>();
                    for (int i = 1; i < f.length; i++) {
                        if (f[i].isEmpty()) {
                            continue;
                        }
                        if (groups.contains(f[i])) {
                            throw bad(file, n, i + 1, "群体“" + f[i] + "”重复");
                        }
                        groups.add(f[i]);
                    }
                    if (groups.isEmpty()) {
                        throw bad(file, n, 2, "优先群体行缺少群体：没有优先群体请写“无”");
                    }
                    if (groups.contains("无")) {
                        if (groups.size() > 1) {
                            throw bad(file, n, 2, "“无”不能与其他群体同列");
                        }
                        groups = List.of();
                    }
                }
                case "评分" -> {
                    if (f.length < 3 || f[1].isEmpty()) {
                        throw bad(file, n, 1, "评分行应为：评分、群体（或“每满一年”）、分值");
                    }
                    int p = integer(file, n, 3, f[2], "分值", 0, 1000);
                    if (f[1].equals("每满一年")) {
                        if (yearPoints != null) {
                            throw bad(file, n, 2, "“每满一年”写了两次");
                        }
                        yearPoints = p;
                    } else if (points.put(f[1], p) != null) {
                        throw bad(file, n, 2, "群体“" + f[1] + "”的分值写了两次");
                    }
                }
                default -> throw bad(file, n, 1, "不认识的行“" + f[0] + "”：应为 城市、名称、生效、失效、来源、核实、排序、"
                        + "优先群体、评分、配租方式、拒绝上限、超限后果 或 复核周期");
            }
        }
        for (String key : List.of("城市", "名称", "生效", "来源", "核实", "排序", "配租方式", "拒绝上限", "超限后果", "复核周期")) {
            if (!single.containsKey(key)) {
                throw new BadInput(file + "：缺少“" + key + "”行" + hint(key));
            }
        }
        String city = value(single, "城市");
        if (!city.matches("\\d{6}")) {
            throw new BadInput(file + "：城市应为六位行政区划代码（如 320300），不是“" + city + "”");
        }
        boolean verified = switch (value(single, "核实")) {
            case "已核实" -> true;
            case "未核实" -> false;
            default -> throw new BadInput(file + "：核实应为“已核实”或“未核实”，不是“" + value(single, "核实") + "”");
        };
        Ordering ordering = switch (value(single, "排序")) {
            case "优先群体+资格日期" -> Ordering.PRIORITY_DATE;
            case "评分" -> Ordering.SCORE;
            default -> throw new BadInput(file + "：排序应为“优先群体+资格日期”或“评分”，不是“" + value(single, "排序") + "”");
        };
        if (ordering == Ordering.PRIORITY_DATE) {
            if (groups == null) {
                throw new BadInput(file + "：排序为优先群体+资格日期，缺少“优先群体”行（按先后列出群体；没有写“无”）");
            }
            if (!points.isEmpty() || yearPoints != null) {
                throw new BadInput(file + "：排序为优先群体+资格日期，不应有“评分”行（要按评分排序请把排序写成“评分”）");
            }
        } else {
            if (groups != null) {
                throw new BadInput(file + "：排序为评分，不应有“优先群体”行：群体的先后由“评分”行的分值决定");
            }
            if (points.isEmpty() && yearPoints == null) {
                throw new BadInput(file + "：排序为评分，缺少“评分”行（如 评分	低保	10）");
            }
            groups = List.of();
        }
        Method method = switch (value(single, "配租方式")) {
            case "摇号" -> Method.DRAW;
            case "顺序" -> Method.ORDER;
            default -> throw new BadInput(file + "：配租方式应为“摇号”或“顺序”，不是“" + value(single, "配租方式") + "”");
        };
        String limit = value(single, "拒绝上限");
        Integer refusals = limit.equals("不限") ? null : integer(file, lineOf.get("拒绝上限"), 2, limit, "拒绝上限", 0, 100);
        OnExcess onExcess = switch (value(single, "超限后果")) {
            case "取消轮候资格" -> OnExcess.QUALIFICATION;
            case "取消本批次选房" -> OnExcess.ROUND;
            default -> throw new BadInput(file + "：超限后果应为“取消轮候资格”或“取消本批次选房”，不是“"
                    + value(single, "超限后果") + "”");
        };
        String[] recheck = single.get("复核周期");
        if (recheck.length < 3 || !recheck[2].equals("月")) {
            throw bad(file, lineOf.get("复核周期"), 3, "复核周期应写成“复核周期	12	月”（单位为月，写明）");
        }
        int months = integer(file, lineOf.get("复核周期"), 2, recheck[1], "复核周期", 1, 120);
        LocalDate from = date(file, "生效", value(single, "生效"));
        LocalDate to = single.containsKey("失效") ? date(file, "失效", value(single, "失效")) : null;
        if (to != null && !to.isAfter(from)) {
            throw new BadInput(file + "：失效日期应晚于生效日期");
        }
        return new WaitingRules(file, city, value(single, "名称"), from, to, value(single, "来源"), verified, ordering,
                groups, points, yearPoints, method, refusals, onExcess, months);
    }

    private static String hint(String key) {
        return switch (key) {
            case "拒绝上限" -> "（拒绝配租方案几次后失去轮候位置；不设上限请明确写“不限”）";
            case "核实" -> "（“已核实”：已与本市公布的规定核对；“未核实”：测试或待核对）";
            case "复核周期" -> "（轮候满多少个月须重新核查资格，如“复核周期	12	月”）";
            default -> "";
        };
    }

    private static String value(Map<String, String[]> single, String key) {
        return single.get(key)[1];
    }

    private static int integer(String file, int line, int column, String text, String what, int min, int max) {
        try {
            int v = Integer.parseInt(text);
            if (v < min || v > max) {
                throw bad(file, line, column, what + "应在 " + min + " 到 " + max + " 之间，不是 " + v);
            }
            return v;
        } catch (NumberFormatException e) {
            throw bad(file, line, column, what + "“" + text + "”应为整数");
        }
    }

    private static LocalDate date(String file, String key, String text) {
        try {
            return LocalDate.parse(text);
        } catch (DateTimeParseException e) {
            throw new BadInput(file + "：" + key + "日期“" + text + "”应写成 2024-01-01");
        }
    }

    private static BadInput bad(String file, int line, int column, String message) {
        return new BadInput(file + (line > 0 ? " 第 " + line + " 行第 " + column + " 列" : "") + "：" + message);
    }
}
