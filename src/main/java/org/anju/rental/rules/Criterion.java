package org.anju.rental.rules;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

/**
 * One condition of a city's rule text, as data: "人均住房建筑面积10平方米以下（含10平方米）" is
 * {@code PER_CAPITA_AREA ≤ 10}. The operator is the text's own ("低于" is {@code <}, "以下（含）" is {@code ≤}); a
 * criterion may apply only to some families ({@code when}: single applicants).
 *
 * @param groups    for {@link Fact#GROUP_MONTHS}: the groups that count (低保 or 特困)
 * @param threshold a number, or a factor times a named parameter of the rule set (1.5 × 上年人均可支配收入)
 * @param when      the criterion applies only when this holds; null for always
 * @param clause    where the rule text says it (第三条第二项), shown with every refusal
 */
public record Criterion(String code, String label, Fact fact, List<String> groups, Operator operator,
                        Threshold threshold, Criterion when, String clause) {

    public Criterion {
        groups = groups == null ? List.of() : List.copyOf(groups);
    }

    public enum Operator {
        LT("<", "低于"), LE("≤", "不超过"), GE("≥", "不少于"), GT(">", "超过"), EQ("=", "等于"), YES("是", "须为"),
        NO("否", "不得");

        private final String symbol;
        private final String words;

        Operator(String symbol, String words) {
            this.symbol = symbol;
            this.words = words;
        }

        public String symbol() {
            return symbol;
        }

        boolean holds(int comparison) {
            return switch (this) {
                case LT -> comparison < 0;
                case LE -> comparison <= 0;
                case GE -> comparison >= 0;
                case GT -> comparison > 0;
                case EQ -> comparison == 0;
                case YES, NO -> throw new IllegalStateException(this + " compares no numbers");
            };
        }

        static Operator of(String text) {
            for (Operator o : values()) {
                if (o.symbol.equals(text) || o.name().equalsIgnoreCase(text)) {
                    return o;
                }
            }
            return switch (text) {
                case "<=" -> LE;
                case ">=" -> GE;
                default -> null;
            };
        }
    }

    /** {@code factor × parameter}, or just {@code factor} when there is no parameter. */
    public record Threshold(BigDecimal factor, String parameter) {

        BigDecimal value(Map<String, Parameter> parameters) {
            if (parameter == null) {
                return factor;
            }
            Parameter p = parameters.get(parameter);
            if (p == null) {
                throw new IllegalStateException("rule set lacks parameter " + parameter + " (checked when loaded)");
            }
            return factor.multiply(p.value());
        }

        String describe() {
            if (parameter == null) {
                return factor.stripTrailingZeros().toPlainString();
            }
            return (factor.compareTo(BigDecimal.ONE) == 0 ? "" : factor.stripTrailingZeros().toPlainString() + " × ")
                    + parameter;
        }
    }

    /** A named value of the rule set (最低工资, 上年人均可支配收入) with where it comes from. */
    public record Parameter(String name, BigDecimal value, String source) {
    }
}
