package org.anju.rental.rules;

import static org.anju.rental.rules.RuleText.bad;
import static org.anju.rental.rules.RuleText.date;
import static org.anju.rental.rules.RuleText.number;

import org.anju.platform.BadInput;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads a rule set from its text form — tab-separated lines an official can keep in a spreadsheet:
 * <pre>
 * 城市	320300
 * 项目	PUBLIC_RENTAL:低保特困
 * 名称	徐州市区低保、特困家庭公共租赁住房准入条件
 * 生效	2024-01-01
 * 来源	…
 * 参数	最低工资	2280	江苏省最低工资标准（一类）
 * 推定收入	最低工资
 * 条件	AREA	人均住房建筑面积10平方米以下（含10平方米）	PER_CAPITA_AREA	≤	10		第二条第三项
 * 条件	SINGLE	单身申请须年满35周岁	APPLICANT_AGE	≥	35	MEMBERS = 1	第二条
 * 条件	DIBAO	享受低保或特困满1年	GROUP_MONTHS:低保|特困	≥	12		第二条第二项
 * 条件	INCOME	人均收入低于上年人均可支配收入的1.5倍	PER_CAPITA_MONTHLY_INCOME	<	1.5×人均可支配收入月
 * </pre>
 * Every problem is refused naming the file, line and column; nothing half-read is returned.
 */
public final class RuleSets {

    private RuleSets() {
    }

    public static RuleSet parse(String file, String text) {
        Map<String, String> single = new LinkedHashMap<>();
        Map<String, Criterion.Parameter> parameters = new LinkedHashMap<>();
        List<String[]> conditions = new ArrayList<>();
        List<Integer> conditionLines = new ArrayList<>();
        for (RuleText.Line line : RuleText.lines(text)) {
            String[] f = line.cells();
            int n = line.number();
            switch (f[0]) {
                case "城市", "项目", "名称", "生效", "失效", "来源", "推定收入" -> {
                    if (single.put(f[0], f.length > 1 ? f[1] : "") != null) {
                        throw bad(file, n, 1, "“" + f[0] + "”写了两次，只能有一行");
                    }
                }
                case "参数" -> {
                    if (f.length < 4 || f[1].isEmpty() || f[3].isEmpty()) {
                        throw bad(file, n, 1, "参数行应为：参数、名称、数值、来源（四列，来源不能空）");
                    }
                    parameters.put(f[1], new Criterion.Parameter(f[1], number(file, n, 3, f[2]), f[3]));
                }
                case "条件" -> {
                    conditions.add(f);
                    conditionLines.add(n);
                }
                default -> throw bad(file, n, 1, "不认识的行“" + f[0] + "”：应为 城市、项目、名称、生效、失效、来源、参数、推定收入 或 条件");
            }
        }
        for (String key : List.of("城市", "项目", "名称", "生效", "来源")) {
            if (single.getOrDefault(key, "").isEmpty()) {
                throw new BadInput(file + "：缺少“" + key + "”行");
            }
        }
        String assumed = single.getOrDefault("推定收入", "");
        if (!assumed.isEmpty() && !parameters.containsKey(assumed)) {
            throw new BadInput(file + "：推定收入“" + assumed + "”不是已列出的参数");
        }
        List<Criterion> criteria = new ArrayList<>();
        for (int k = 0; k < conditions.size(); k++) {
            criteria.add(criterion(file, conditionLines.get(k), conditions.get(k), parameters));
        }
        if (criteria.isEmpty()) {
            throw new BadInput(file + "：没有任何“条件”行");
        }
        LocalDate from = date(file, "生效", single.get("生效"));
        String to = single.getOrDefault("失效", "");
        return new RuleSet(single.get("城市"), single.get("项目"), single.get("名称"), from,
                to.isEmpty() ? null : date(file, "失效", to), single.get("来源"), parameters,
                assumed.isEmpty() ? null : assumed, criteria);
    }

    private static Criterion criterion(String file, int n, String[] f, Map<String, Criterion.Parameter> parameters) {
        if (f.length < 6) {
            throw bad(file, n, 1, "条件行至少六列：条件、代码、条文、事实、比较、阈值（可再加 适用于、条款）");
        }
        String[] factAndGroups = f[3].split(":", 2);
        Fact fact = fact(file, n, factAndGroups[0]);
        List<String> groups = factAndGroups.length > 1 ? List.of(factAndGroups[1].split("\\|")) : List.of();
        if (fact == Fact.GROUP_MONTHS && groups.isEmpty()) {
            throw bad(file, n, 4, "GROUP_MONTHS 要写明哪些群体，如 GROUP_MONTHS:低保|特困");
        }
        Criterion.Operator op = Criterion.Operator.of(f[4]);
        if (op == null) {
            throw bad(file, n, 5, "比较“" + f[4] + "”不可用：应为 <、≤、≥、>、=、是 或 否");
        }
        if (fact.yesNo() != (op == Criterion.Operator.YES || op == Criterion.Operator.NO)) {
            throw bad(file, n, 5, fact.yesNo() ? fact.label() + "只能用“是”或“否”" : fact.label() + "要用数值比较（<、≤、≥、>、=）");
        }
        Criterion.Threshold threshold = fact.yesNo() ? new Criterion.Threshold(BigDecimal.ZERO, null)
                : threshold(file, n, f[5], parameters);
        Criterion when = null;
        if (f.length > 6 && !f[6].isEmpty()) {
            String[] w = f[6].split("\\s+");
            if (w.length != 3) {
                throw bad(file, n, 7, "适用于应写成“事实 比较 数值”，如 MEMBERS = 1");
            }
            when = criterion(file, n, new String[]{"条件", f[1] + ".when", f[6], w[0], w[1], w[2]}, parameters);
        }
        String clause = f.length > 7 && !f[7].isEmpty() ? f[7] : null;
        return new Criterion(f[1], f[2], fact, groups, op, threshold, when, clause);
    }

    private static Criterion.Threshold threshold(String file, int n, String text, Map<String, Criterion.Parameter> parameters) {
        String[] parts = text.split("[×*]", 2);
        if (parts.length == 2) {
            String name = parts[1].strip();
            if (!parameters.containsKey(name)) {
                throw bad(file, n, 6, "阈值用到的参数“" + name + "”没有列出：请加一行 参数	" + name + "	数值	来源");
            }
            return new Criterion.Threshold(number(file, n, 6, parts[0].strip()), name);
        }
        if (parameters.containsKey(text)) {
            return new Criterion.Threshold(BigDecimal.ONE, text);
        }
        return new Criterion.Threshold(number(file, n, 6, text), null);
    }

    private static Fact fact(String file, int n, String text) {
        try {
            return Fact.valueOf(text);
        } catch (IllegalArgumentException e) {
            throw bad(file, n, 4, "事实“" + text + "”不认识：应为 " + Arrays.toString(Fact.values()));
        }
    }
}
