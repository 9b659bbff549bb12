package org.anju.ledger.identification;

import org.anju.platform.BadInput;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A clause's optional check against the recorded facts, as the checklist file writes it in its seventh column:
 * conditions joined by 且, each {@code 事实 运算 值} — {@code 类型=城市危房 且 鉴定等级≠D}, {@code 集中成片户数≥50}. Facts:
 * 类型, 户数, 集中成片户数, 建成年份, 鉴定等级 (A B C D 未鉴定). When it holds, the project is what the clause describes:
 * the clause must be answered 符合. A fact 未报 leaves it undecided (null), unless another condition is already false.
 */
public record FactCheck(String text, List<Condition> conditions) {

    enum Fact { TYPE("类型"), HOUSEHOLDS("户数"), CONTIGUOUS("集中成片户数"), BUILT_YEAR("建成年份"), GRADE("鉴定等级");

        final String label;

        Fact(String label) {
            this.label = label;
        }
    }

    record Condition(Fact fact, String op, String value) {
    }

    private static final Pattern CONDITION = Pattern.compile("^(类型|户数|集中成片户数|建成年份|鉴定等级)\\s*(=|≠|≥|≤|>|<)\\s*(\\S+)$");

    /** Reads a check; the refusal says what is wrong, the caller adds the file, line and column. */
    static FactCheck parse(String text) {
        List<Condition> conditions = new ArrayList<>();
        for (String part : text.split("\\s*且\\s*")) {
            Matcher m = CONDITION.matcher(part.strip());
            if (!m.matches()) {
                throw new BadInput("核对条件“" + part.strip() + "”应写成 事实 运算 值（如 类型=城市危房、集中成片户数≥50），"
                        + "事实为 类型、户数、集中成片户数、建成年份、鉴定等级，运算为 = ≠ ≥ ≤ > <，多个条件用“且”连接");
            }
            Fact fact = switch (m.group(1)) {
                case "类型" -> Fact.TYPE;
                case "户数" -> Fact.HOUSEHOLDS;
                case "集中成片户数" -> Fact.CONTIGUOUS;
                case "建成年份" -> Fact.BUILT_YEAR;
                default -> Fact.GRADE;
            };
            String op = m.group(2);
            String value = m.group(3);
            switch (fact) {
                case TYPE -> {
                    if (AreaType.parse(value).isEmpty()) {
                        throw new BadInput("核对条件“" + part.strip() + "”：类型应为 " + AreaType.choices());
                    }
                    if (!op.equals("=") && !op.equals("≠")) {
                        throw new BadInput("核对条件“" + part.strip() + "”：类型只能用 = 或 ≠");
                    }
                    value = AreaType.parse(value).orElseThrow().name();
                }
                case GRADE -> {
                    if (!value.matches("[ABCD]|未鉴定")) {
                        throw new BadInput("核对条件“" + part.strip() + "”：鉴定等级应为 A、B、C、D 或 未鉴定");
                    }
                    if (!op.equals("=") && !op.equals("≠")) {
                        throw new BadInput("核对条件“" + part.strip() + "”：鉴定等级只能用 = 或 ≠");
                    }
                    value = value.equals("未鉴定") ? "NONE" : value;
                }
                default -> {
                    if (!value.matches("\\d{1,7}")) {
                        throw new BadInput("核对条件“" + part.strip() + "”：“" + value + "”应为整数");
                    }
                }
            }
            conditions.add(new Condition(fact, op, value));
        }
        return new FactCheck(text.strip(), List.copyOf(conditions));
    }

    /** TRUE: the facts are what the clause describes; FALSE: they are not; null: a fact it needs is 未报. */
    public Boolean holds(Facts facts) {
        boolean unknown = false;
        for (Condition c : conditions) {
            Boolean r = holds(c, facts);
            if (r == null) {
                unknown = true;
            } else if (!r) {
                return false;
            }
        }
        return unknown ? null : true;
    }

    /** The facts the check needs that are 未报 (for messages). */
    public List<String> missing(Facts facts) {
        return conditions.stream().filter(c -> holds(c, facts) == null).map(c -> c.fact().label).distinct().toList();
    }

    private static Boolean holds(Condition c, Facts f) {
        return switch (c.fact()) {
            case TYPE -> f.type() == null ? null : c.op().equals("=") == f.type().name().equals(c.value());
            case GRADE -> f.appraisal() == null ? null : c.op().equals("=") == f.appraisal().name().equals(c.value());
            case HOUSEHOLDS -> compare(f.households(), c);
            case CONTIGUOUS -> compare(f.contiguousHouseholds(), c);
            case BUILT_YEAR -> compare(f.builtYear(), c);
        };
    }

    private static Boolean compare(Integer actual, Condition c) {
        if (actual == null) {
            return null;
        }
        int v = Integer.parseInt(c.value());
        return switch (c.op()) {
            case "=" -> actual == v;
            case "≠" -> actual != v;
            case "≥" -> actual >= v;
            case "≤" -> actual <= v;
            case ">" -> actual > v;
            default -> actual < v;
        };
    }
}
