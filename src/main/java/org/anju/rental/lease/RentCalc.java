package org.anju.rental.lease;

import org.anju.platform.Conflict;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

/**
 * A month's rent from the rates in force on its days. Pure. A whole month at one rate is that rate; part of a month
 * is the rate × days ÷ days of the month when the rules charge by day (按日), the whole rate when they charge by month
 * (按月; a rate changing inside such a month is refused: the rules do not say which applies). Parts of months are
 * summed exactly (over a common denominator) and rounded once, as the rules' 取整 says.
 */
final class RentCalc {

    /** lcm(28, 29, 30, 31): every month's share of a day is a whole number of these. */
    private static final BigDecimal COMMON = BigDecimal.valueOf(377_580);

    private RentCalc() {
    }

    /** A monthly rate from {@code from} to {@code to} (inclusive; null: open). */
    record Rate(LocalDate from, LocalDate to, BigDecimal monthly, String label) {
        boolean covers(LocalDate d) {
            return !d.isBefore(from) && (to == null || !d.isAfter(to));
        }
    }

    /** What a bill says: the amount and how it was reached. */
    record Charge(BigDecimal amount, String basis) {
    }

    /**
     * The rent for {@code period} of the days from {@code chargeFrom} to {@code chargeTo} (inclusive; null: open), each
     * day at the rate covering it; null when no day of the month is charged.
     */
    static Charge month(LeaseRules rules, YearMonth period, LocalDate chargeFrom, LocalDate chargeTo, List<Rate> rates) {
        LocalDate first = max(period.atDay(1), chargeFrom);
        LocalDate last = chargeTo == null ? period.atEndOfMonth() : min(period.atEndOfMonth(), chargeTo);
        if (last.isBefore(first)) {
            return null;
        }
        int dim = period.lengthOfMonth();
        List<long[]> counts = new ArrayList<>();   // per rate index: days
        List<Rate> used = new ArrayList<>();
        for (LocalDate d = first; !d.isAfter(last); d = d.plusDays(1)) {
            LocalDate day = d;
            Rate r = rates.stream().filter(x -> x.covers(day)).findFirst()
                    .orElseThrow(() -> new IllegalStateException("no rate on " + day));
            int i = used.indexOf(r);
            if (i < 0) {
                used.add(r);
                counts.add(new long[]{0});
                i = used.size() - 1;
            }
            counts.get(i)[0]++;
        }
        long days = ChronoUnit.DAYS.between(first, last) + 1;
        if (used.size() == 1 && days == dim) {
            Rate r = used.getFirst();
            return new Charge(r.monthly(), r.label() + " " + r.monthly() + " 元（整月）");
        }
        if (!rules.byDay()) {
            if (used.size() > 1) {
                throw new Conflict(period + " 月内租金由" + used.getFirst().label() + "变为" + used.getLast().label()
                        + "，而" + rules.label() + "规定不足一月按月计租，未说明此时适用哪一种：请按本市规定修改“不足一月”");
            }
            Rate r = used.getFirst();
            return new Charge(r.monthly(), r.label() + " " + r.monthly() + " 元（不足一月按月计）");
        }
        List<Part> parts = new ArrayList<>();
        List<String> words = new ArrayList<>();
        for (int i = 0; i < used.size(); i++) {
            Rate r = used.get(i);
            long n = counts.get(i)[0];
            parts.add(new Part(r.monthly(), n, dim));
            words.add(r.label() + " " + r.monthly() + " × " + n + "/" + dim + " 天");
        }
        BigDecimal amount = prorate(rules, parts, period + " 月租金");
        return new Charge(amount, String.join(" + ", words) + " = " + amount + " 元");
    }

    /** {@code monthly} for {@code days} of a month of {@code dim} days. */
    record Part(BigDecimal monthly, long days, int dim) {
    }

    /** Σ monthly × days ÷ dim, exactly, then rounded once as the rules say (refused if they do not and it is needed). */
    static BigDecimal prorate(LeaseRules rules, List<Part> parts, String what) {
        BigDecimal numerator = BigDecimal.ZERO;
        for (Part p : parts) {
            numerator = numerator.add(p.monthly().multiply(BigDecimal.valueOf(p.days()))
                    .multiply(COMMON.divide(BigDecimal.valueOf(p.dim()), 0, RoundingMode.UNNECESSARY)));
        }
        BigDecimal exact;
        try {
            exact = numerator.divide(COMMON);
        } catch (ArithmeticException repeating) {
            if (rules.rounding() == null) {
                // let the rules' refusal name the figure (to 6 places, marked as not exact)
                return rules.money(numerator.divide(COMMON, new MathContext(20)), what);
            }
            return numerator.divide(COMMON, rules.rounding().scale(), rules.rounding().mode()).setScale(2, RoundingMode.UNNECESSARY);
        }
        return rules.money(exact, what);
    }

    /** Market rent charged back from the act to the decision: (market − contract) for each day, by month. */
    static Charge backCharge(LeaseRules rules, LocalDate from, LocalDate to, BigDecimal contract, BigDecimal market) {
        BigDecimal diff = market.subtract(contract).max(BigDecimal.ZERO);
        List<Part> parts = new ArrayList<>();
        int months = 0;
        for (YearMonth m = YearMonth.from(from); !m.isAfter(YearMonth.from(to)); m = m.plusMonths(1)) {
            LocalDate a = max(m.atDay(1), from);
            LocalDate b = min(m.atEndOfMonth(), to);
            // 按月: a month the act touches counts whole; 按日: its days
            parts.add(new Part(diff, rules.byDay() ? ChronoUnit.DAYS.between(a, b) + 1 : m.lengthOfMonth(), m.lengthOfMonth()));
            months++;
        }
        BigDecimal amount = prorate(rules, parts, "补缴市场租金");
        return new Charge(amount, "（市场租金 " + market + " − 合同租金 " + contract + "）× " + from + " 至 " + to + "（" + months
                + " 个自然月，" + (rules.byDay() ? "按日折算" : "不足一月按月计") + "）= " + amount + " 元");
    }

    static LocalDate max(LocalDate a, LocalDate b) {
        return a.isAfter(b) ? a : b;
    }

    static LocalDate min(LocalDate a, LocalDate b) {
        return a.isBefore(b) ? a : b;
    }
}
