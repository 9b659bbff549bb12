package org.anju.rental.review;

import org.anju.platform.BadInput;
import org.anju.rental.rules.RuleText;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A city's 三审两公示 for one programme, as data (OPERATIONS.md §4.1): who reviews at which level, in how many
 * working days, where the two public notices (公示) sit and how long they run. Xuzhou puts its first notice at the
 * community before the district reviews; Nanning publicises at the street and at the city — the order is the city's.
 *
 * @param startNextDay whether a limit counts from the day after the step begins (民法典 第201条) — stated by the city
 */
public record ReviewFlow(String city, String programme, String name, String source, boolean startNextDay,
                         List<Step> steps) {

    public ReviewFlow {
        steps = List.copyOf(steps);
    }

    /** The level a step is done at: the application is routed to that level's office above the household. */
    public enum Level {
        COMMUNITY("社区"), TOWN("街道（乡镇）"), EMPLOYER("用人单位"), COUNTY("区县"), CITY("市");

        private final String label;

        Level(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }

        static Level of(String text) {
            for (Level l : values()) {
                // the label, or its part before the bracket (街道 for 街道（乡镇）); never a mere prefix such as 区
                if (l.name().equalsIgnoreCase(text) || l.label.equals(text) || l.label.split("（")[0].equals(text)) {
                    return l;
                }
            }
            return null;
        }
    }

    public enum Kind { REVIEW, NOTICE }

    /**
     * One step.
     *
     * @param days        the limit; null when the city sets none (shown as 无时限, never a default)
     * @param workingDays whether {@code days} are working days (reviews) or calendar days (notices, usually)
     */
    public record Step(String code, String name, Level level, Kind kind, Integer days, boolean workingDays) {

        public String limit() {
            return days == null ? "无时限" : days + (workingDays ? " 个工作日" : " 日");
        }
    }

    public Step step(String code) {
        return steps.stream().filter(s -> s.code().equals(code)).findFirst()
                .orElseThrow(() -> new IllegalStateException("no step " + code + " in " + name));
    }

    /** The step after {@code code}, or null after the last. */
    public Step next(String code) {
        int i = steps.indexOf(step(code));
        return i + 1 < steps.size() ? steps.get(i + 1) : null;
    }

    /**
     * Reads the text form:
     * <pre>
     * 城市	320300
     * 项目	PUBLIC_RENTAL:低保特困
     * 名称	徐州市区低保特困家庭公租房审核流程
     * 来源	…
     * 起算	次日	(or 当日)
     * 步骤	L1	街道初审	街道	审核	5	工作日
     * 步骤	N1	社区公示	社区	公示	10	日
     * 步骤	L3	市住房保障中心备案	市	审核
     * </pre>
     */
    public static ReviewFlow parse(String file, String text) {
        Map<String, String> single = new LinkedHashMap<>();
        List<Step> steps = new ArrayList<>();
        for (RuleText.Line line : RuleText.lines(text)) {
            String[] f = line.cells();
            String where = file + " 第 " + line.number() + " 行";
            switch (f[0]) {
                case "城市", "项目", "名称", "来源", "起算" -> single.put(f[0], f.length > 1 ? f[1] : "");
                case "步骤" -> steps.add(step(where, f, steps));
                default -> throw new BadInput(where + "：不认识的行“" + f[0] + "”：应为 城市、项目、名称、来源、起算 或 步骤");
            }
        }
        for (String key : List.of("城市", "项目", "名称", "来源", "起算")) {
            if (single.getOrDefault(key, "").isEmpty()) {
                throw new BadInput(file + "：缺少“" + key + "”行" + (key.equals("起算")
                        ? "（写“次日”或“当日”：时限从受理的次日还是当日算起，由本市规定）" : ""));
            }
        }
        boolean nextDay = switch (single.get("起算")) {
            case "次日" -> true;
            case "当日" -> false;
            default -> throw new BadInput(file + "：起算应为“次日”或“当日”，不是“" + single.get("起算") + "”");
        };
        if (steps.stream().noneMatch(s -> s.kind() == Kind.REVIEW)) {
            throw new BadInput(file + "：至少要有一个审核步骤");
        }
        return new ReviewFlow(single.get("城市"), single.get("项目"), single.get("名称"), single.get("来源"), nextDay, steps);
    }

    private static Step step(String where, String[] f, List<Step> before) {
        if (f.length < 5) {
            throw new BadInput(where + "：步骤行应为 步骤、代码、名称、层级、审核或公示[、天数、工作日或日]");
        }
        if (before.stream().anyMatch(s -> s.code().equals(f[1]))) {
            throw new BadInput(where + "：步骤代码“" + f[1] + "”重复");
        }
        Level level = Level.of(f[3]);
        if (level == null) {
            throw new BadInput(where + "第 4 列：层级“" + f[3] + "”不认识：应为 社区、街道、用人单位、区县 或 市");
        }
        Kind kind = switch (f[4]) {
            case "审核" -> Kind.REVIEW;
            case "公示" -> Kind.NOTICE;
            default -> throw new BadInput(where + "第 5 列：应为“审核”或“公示”，不是“" + f[4] + "”");
        };
        Integer days = null;
        boolean working = kind == Kind.REVIEW;
        if (f.length > 5 && !f[5].isEmpty()) {
            try {
                days = Integer.valueOf(f[5]);
            } catch (NumberFormatException e) {
                throw new BadInput(where + "第 6 列：天数“" + f[5] + "”应为整数");
            }
            if (days < 1 || days > 365) {
                throw new BadInput(where + "第 6 列：天数应在 1 到 365 之间");
            }
            if (f.length < 7 || !(f[6].equals("工作日") || f[6].equals("日"))) {
                throw new BadInput(where + "第 7 列：写明“工作日”还是“日”（自然日）——两者相差很多，不能默认");
            }
            working = f[6].equals("工作日");
        }
        if (kind == Kind.NOTICE && days == null) {
            throw new BadInput(where + "：公示必须写明天数");
        }
        return new Step(f[1], f[2], level, kind, days, working);
    }
}
