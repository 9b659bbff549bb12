package org.anju.rental.rules;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.Period;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

/** Checks a household against a rule set. Pure: the same inputs give the same verdict, with reasons. */
public final class Eligibility {

    /** 16 digits: a repeating quotient (31 ÷ 3) can then never round onto a threshold it does not equal. */
    private static final MathContext EXACT = MathContext.DECIMAL64;
    private static final BigDecimal TWELVE = BigDecimal.valueOf(12);

    private Eligibility() {
    }

    public static Verdict check(RuleSet rules, Household h, LocalDate asOf) {
        List<Verdict.Check> checks = new ArrayList<>();
        for (Criterion c : rules.criteria()) {
            checks.add(check(rules, c, h, asOf));
        }
        if (checks.stream().anyMatch(c -> c.outcome() == Verdict.Outcome.FAILS)) {
            return new Verdict.Ineligible(checks);
        }
        if (checks.stream().anyMatch(c -> c.outcome() == Verdict.Outcome.MISSING)) {
            return new Verdict.Incomplete(checks);
        }
        return new Verdict.Eligible(checks);
    }

    static Verdict.Check check(RuleSet rules, Criterion c, Household h, LocalDate asOf) {
        if (c.when() != null) {
            Verdict.Check condition = check(rules, c.when(), h, asOf);
            if (condition.outcome() == Verdict.Outcome.MISSING) {
                return new Verdict.Check(c, Verdict.Outcome.MISSING, null, condition.reason());
            }
            if (condition.outcome() != Verdict.Outcome.HOLDS) {
                return new Verdict.Check(c, Verdict.Outcome.NOT_APPLICABLE, null, "不适用：" + c.when().label());
            }
        }
        String where = "（" + rules.name() + (c.clause() == null ? "" : " " + c.clause()) + "）";
        if (c.fact().yesNo()) {
            Boolean v = switch (c.fact()) {
                case HOLDS_PROPERTY -> h.holdsProperty();
                case HAS_RESIDENCE_PERMIT -> h.residencePermit();
                default -> throw new IllegalStateException(c.fact() + " is not yes/no");
            };
            if (v == null) {
                return missing(c, where);
            }
            boolean holds = c.operator() == Criterion.Operator.YES ? v : !v;
            return new Verdict.Check(c, holds ? Verdict.Outcome.HOLDS : Verdict.Outcome.FAILS, v ? "是" : "否",
                    (holds ? "符合：" : "不符合：") + c.label() + "（申请所填：" + (v ? "是" : "否") + "）" + where);
        }
        BigDecimal value = value(rules, c, h, asOf);
        if (value == null) {
            return missing(c, where);
        }
        BigDecimal limit = c.threshold().value(rules.parameters());
        boolean holds = c.operator().holds(value.compareTo(limit));
        String rule = c.fact().label() + " " + c.operator().symbol() + " " + c.threshold().describe()
                + (c.threshold().parameter() == null ? c.fact().unit() : "（" + show(limit) + c.fact().unit() + "）");
        Verdict.Outcome outcome = holds ? Verdict.Outcome.HOLDS : Verdict.Outcome.FAILS;
        if (c.fact().personal()) {
            return new Verdict.Check(c, outcome, null, (holds ? "符合：" : "不符合：") + c.label() + "：" + c.fact().label()
                    + (holds ? "满足" : "不满足") + "规定 " + rule + "（数额属个人收入信息，不记载）" + where);
        }
        String shown = show(value) + c.fact().unit();
        return new Verdict.Check(c, outcome, shown,
                (holds ? "符合：" : "不符合：") + c.label() + "：" + c.fact().label() + " " + shown + "，规定 " + rule + where);
    }

    private static Verdict.Check missing(Criterion c, String where) {
        return new Verdict.Check(c, Verdict.Outcome.MISSING, null, "缺少" + c.fact().label() + "，无法判断：" + c.label() + where);
    }

    /** The household's figure for {@code c}, or null when the application does not state what it needs. */
    static BigDecimal value(RuleSet rules, Criterion c, Household h, LocalDate asOf) {
        int members = h.members().size();
        return switch (c.fact()) {
            case MEMBERS -> BigDecimal.valueOf(members);
            case APPLICANT_AGE -> h.members().isEmpty() || h.members().getFirst().birthDate() == null ? null
                    : BigDecimal.valueOf(Period.between(h.members().getFirst().birthDate(), asOf).getYears());
            case PER_CAPITA_MONTHLY_INCOME -> perCapitaMonthlyIncome(rules, h);
            case PER_CAPITA_AREA -> h.heldArea() == null || members == 0 ? null
                    : h.heldArea().divide(BigDecimal.valueOf(members), EXACT);
            case HUKOU_YEARS -> h.hukouYears() == null ? null : BigDecimal.valueOf(h.hukouYears());
            case INSURANCE_MONTHS -> h.insuranceMonths() == null ? null : BigDecimal.valueOf(h.insuranceMonths());
            case MONTHS_SINCE_GRADUATION -> h.graduated() == null ? null
                    : BigDecimal.valueOf(ChronoUnit.MONTHS.between(h.graduated(), asOf));
            case GROUP_MONTHS -> c.groups().stream().map(h.groupsSince()::get).filter(java.util.Objects::nonNull)
                    .map(since -> ChronoUnit.MONTHS.between(since, asOf)).max(Long::compare)
                    .map(BigDecimal::valueOf).orElse(BigDecimal.ZERO); // not in the group: 0 months, a known fact
            case HOLDS_PROPERTY, HAS_RESIDENCE_PERMIT -> throw new IllegalStateException("yes/no fact");
        };
    }

    /**
     * Σ annual income ÷ 12 ÷ members. A working-age, able-bodied member without proof counts at the rule set's
     * assumed income (徐州: 上年最低工资) when it is higher than declared — the rules say so; a member whose income
     * is not stated at all makes the figure missing.
     */
    static BigDecimal perCapitaMonthlyIncome(RuleSet rules, Household h) {
        if (h.members().isEmpty()) {
            return null;
        }
        BigDecimal monthly = BigDecimal.ZERO;
        for (Household.Member m : h.members()) {
            if (m.annualIncome() == null) {
                return null;
            }
            BigDecimal own = m.annualIncome().divide(TWELVE, EXACT);
            if (!m.incomeProven() && m.ableToWork() && rules.assumedIncome() != null) {
                own = own.max(rules.parameters().get(rules.assumedIncome()).value());
            }
            monthly = monthly.add(own);
        }
        return monthly.divide(BigDecimal.valueOf(h.members().size()), EXACT);
    }

    /** Two decimals as the forms print them; the comparison above uses the exact quotient. */
    static String show(BigDecimal v) {
        return v.setScale(2, RoundingMode.HALF_UP).stripTrailingZeros().toPlainString();
    }
}
