package org.anju.ledger.expropriation;

import org.anju.calendar.Counting;
import org.anju.platform.Conflict;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

import org.anju.ledger.expropriation.RewardScheme.Method;
import org.anju.ledger.expropriation.RewardScheme.Tier;

/**
 * The reward a scheme gives one household, line by line. Pure: the caller passes the household's facts, the project's
 * 签约期限 and, once it has ended, the signing rate at its end. A date that falls in no window of a reward, or in two,
 * is refused ({@link Conflict}) naming the rows — the scheme must say, the ledger does not guess.
 */
public final class RewardCalculator {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyy年M月d日");

    private RewardCalculator() {
    }

    /** What the calculation needs of a household. Missing values are null (未报), never 0. */
    public record Case(HouseUse use, Option option, BigDecimal area, BigDecimal value, BigDecimal compensation,
                       LocalDate signedOn, LocalDate vacatedOn, LocalDate moveDeadline) {
    }

    /** The 签约期限, both ends included. */
    public record Period(LocalDate first, LocalDate last) {
    }

    /** Households signed by the period's last day, of the households in scope; null before the period ends. */
    public record RateAtEnd(long signed, long scope) {
    }

    public enum Status {
        DUE("应发"), PENDING("待定"), NONE("不予奖励"), CANCELLED("取消");

        private final String label;

        Status(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    /**
     * One reward of the household.
     *
     * @param amount the amount (元, two decimals) when known — for PENDING the amount due once the event happens, if known
     */
    public record Line(String reward, int tierLine, String window, String method, Status status, BigDecimal amount,
                       String explanation, String text) {
    }

    /** @param due the sum of the DUE lines; {@code pending} what PENDING lines will add once their events happen */
    public record Reward(String scheme, List<Line> lines, BigDecimal due, BigDecimal pending, String note) {
    }

    public static Reward compute(RewardScheme scheme, Case c, Period period, RateAtEnd rate, LocalDate asOf) {
        if (c.signedOn() == null) {
            return new Reward(scheme.name(), List.of(), money(BigDecimal.ZERO), money(BigDecimal.ZERO), "未签约：签约后按方案计算奖励");
        }
        if (period == null) {
            throw new Conflict("项目尚未登记签约期限：奖励的窗口按签约期限计日，请先在项目中登记签约期限");
        }
        List<Line> lines = new ArrayList<>();
        for (String reward : scheme.rewardNames()) {
            List<Tier> tiers = scheme.tiers().stream()
                    .filter(t -> t.method() != Method.CANCEL && t.rewards().contains(reward) && applies(t, c)).toList();
            if (tiers.isEmpty()) {
                continue;   // e.g. 货币补偿奖励 for a household that chose 产权调换
            }
            Tier cancel = scheme.tiers().stream()
                    .filter(t -> t.method() == Method.CANCEL && t.rewards().contains(reward) && applies(t, c))
                    .filter(t -> date(t, c) != null && contains(t, date(t, c), period, scheme.counting()))
                    .findFirst().orElse(null);
            if (cancel != null) {
                lines.add(new Line(reward, cancel.line(), cancel.window().label(), Method.CANCEL.label(), Status.CANCELLED,
                        money(BigDecimal.ZERO), "第 " + cancel.line() + " 行取消该项奖励（" + clockText(cancel, c, period, scheme) + "）",
                        cancel.text()));
                continue;
            }
            List<Tier> waiting = tiers.stream().filter(t -> date(t, c) == null).toList();
            if (!waiting.isEmpty()) {
                lines.add(new Line(reward, waiting.getFirst().line(), tiers.stream().map(t -> t.window().label())
                        .collect(Collectors.joining("；")), waiting.getFirst().method().label(), Status.PENDING, null,
                        "以交验空房（腾空）日期确定档次：尚未腾空", waiting.getFirst().text()));
                continue;
            }
            List<Tier> hits = tiers.stream().filter(t -> contains(t, date(t, c), period, scheme.counting())).toList();
            if (hits.isEmpty()) {
                Tier any = tiers.getFirst();
                throw new Conflict("奖励方案“" + scheme.name() + "”对“" + reward + "”未作规定：" + clockText(any, c, period, scheme)
                        + "不在任何一档的窗口内（" + tiers.stream().map(t -> "第 " + t.line() + " 行 " + t.window().label())
                        .collect(Collectors.joining("、")) + "）。系统不推定，请核对方案原文并修改方案文件");
            }
            if (hits.size() > 1) {
                throw new Conflict("奖励方案“" + scheme.name() + "”对“" + reward + "”的档次重叠：" + clockText(hits.getFirst(), c, period, scheme)
                        + "同时落在 " + hits.stream().map(t -> "第 " + t.line() + " 行（" + t.window().label() + "）")
                        .collect(Collectors.joining("和")) + "，方案未说明按哪一档。请按通知原文修改方案文件（或由作出方案的部门解释）后再计算");
            }
            lines.add(line(reward, hits.getFirst(), c, period, rate, asOf, scheme));
        }
        BigDecimal due = lines.stream().filter(l -> l.status() == Status.DUE).map(Line::amount)
                .reduce(BigDecimal.ZERO, BigDecimal::add);
        BigDecimal pending = lines.stream().filter(l -> l.status() == Status.PENDING && l.amount() != null).map(Line::amount)
                .reduce(BigDecimal.ZERO, BigDecimal::add);
        return new Reward(scheme.name(), List.copyOf(lines), money(due), money(pending), null);
    }

    private static Line line(String reward, Tier t, Case c, Period period, RateAtEnd rate, LocalDate asOf, RewardScheme s) {
        String when = clockText(t, c, period, s);
        BigDecimal amount;
        String how;
        switch (t.method()) {
            case PER_M2 -> {
                if (c.area() == null) {
                    return pending(reward, t, "建筑面积未报：按每平方米计算的奖励无法确定");
                }
                amount = t.amount().multiply(c.area());
                how = plain(t.amount()) + " 元/㎡ × " + plain(c.area()) + " ㎡";
            }
            case PER_HOUSEHOLD -> {
                amount = t.amount();
                how = plain(t.amount()) + " 元/户";
            }
            case PERCENT -> {
                BigDecimal base = t.base().equals("评估价值") ? c.value() : c.compensation();
                if (base == null) {
                    return pending(reward, t, t.base() + "未报：按比例计算的奖励无法确定");
                }
                amount = base.multiply(t.amount()).divide(BigDecimal.valueOf(100));
                how = t.base() + " " + plain(base) + " 元 × " + plain(t.amount()) + "%";
            }
            case DAILY_DECREASE -> {
                if (!(t.window() instanceof RewardScheme.Days d)) {
                    throw new Conflict("奖励方案第 " + t.line() + " 行：逐日递减须用“第a-b日”的窗口");
                }
                // a day before the period (a 含期前 window) counts as its first day: the decrease never adds
                long late = Math.max(0, day(date(t, c), period, s.counting()) - (d.first() - 1));
                amount = t.amount().subtract(t.decrease().multiply(BigDecimal.valueOf(late))).max(BigDecimal.ZERO);
                how = plain(t.amount()) + " 元 − " + plain(t.decrease()) + " 元 × " + late + " 日";
            }
            case SIGNING_RATE -> {
                if (rate == null || !asOf.isAfter(period.last())) {
                    return pending(reward, t, "签约期限（至" + DAY.format(period.last()) + "）届满后按签约率确定");
                }
                if (rate.scope() <= 0) {
                    return pending(reward, t, "征收范围内户数未报：签约率无法计算");
                }
                BigDecimal pct = BigDecimal.valueOf(rate.signed() * 100).divide(BigDecimal.valueOf(rate.scope()), 6, RoundingMode.DOWN);
                String r = "签约率 " + rate.signed() + "/" + rate.scope() + " = " + pct.setScale(2, RoundingMode.HALF_UP).toPlainString() + "%";
                if (pct.compareTo(t.threshold()) < 0) {
                    return new Line(reward, t.line(), t.window().label(), t.method().label(), Status.NONE, money(BigDecimal.ZERO),
                            r + "，未达到 " + plain(t.threshold()) + "%", t.text());
                }
                long steps = pct.subtract(t.threshold()).setScale(0, RoundingMode.DOWN).longValueExact();
                amount = t.amount().add(t.step().multiply(BigDecimal.valueOf(steps)));
                how = r + "：" + plain(t.amount()) + " 元 + " + plain(t.step()) + " 元 × " + steps;
            }
            case NONE -> {
                return new Line(reward, t.line(), t.window().label(), t.method().label(), Status.NONE, money(BigDecimal.ZERO),
                        when + "，方案规定不予奖励", t.text());
            }
            default -> throw new IllegalStateException(t.method().name());
        }
        if (t.floor() != null && amount.compareTo(t.floor()) < 0) {
            how += "，不足 " + plain(t.floor()) + " 元按 " + plain(t.floor()) + " 元";
            amount = t.floor();
        }
        if (t.cap() != null && amount.compareTo(t.cap()) > 0) {
            how += "，超过上限按 " + plain(t.cap()) + " 元";
            amount = t.cap();
        }
        amount = money(amount);
        String explanation = when + "：" + how + " = " + amount.toPlainString() + " 元";
        if (t.condition() == RewardScheme.Condition.VACATED_BY_DEADLINE) {
            if (c.vacatedOn() == null) {
                return new Line(reward, t.line(), t.window().label(), t.method().label(), Status.PENDING, amount,
                        explanation + "；须在搬迁期限内腾空，尚未腾空", t.text());
            }
            if (c.moveDeadline() == null) {
                return new Line(reward, t.line(), t.window().label(), t.method().label(), Status.PENDING, amount,
                        explanation + "；协议未写搬迁期限，无法判断是否按期腾空", t.text());
            }
            if (c.vacatedOn().isAfter(c.moveDeadline())) {
                return new Line(reward, t.line(), t.window().label(), t.method().label(), Status.NONE, money(BigDecimal.ZERO),
                        "于" + DAY.format(c.vacatedOn()) + "腾空，晚于搬迁期限" + DAY.format(c.moveDeadline()) + "，不予奖励", t.text());
            }
        }
        if (t.condition() == RewardScheme.Condition.PAID_AFTER_VACATING && c.vacatedOn() == null) {
            return new Line(reward, t.line(), t.window().label(), t.method().label(), Status.PENDING, amount,
                    explanation + "；腾空后发放", t.text());
        }
        return new Line(reward, t.line(), t.window().label(), t.method().label(), Status.DUE, amount, explanation, t.text());
    }

    private static Line pending(String reward, Tier t, String why) {
        return new Line(reward, t.line(), t.window().label(), t.method().label(), Status.PENDING, null, why, t.text());
    }

    private static boolean applies(Tier t, Case c) {
        return (t.use() == null || t.use() == c.use()) && (t.option() == null || t.option() == c.option());
    }

    private static LocalDate date(Tier t, Case c) {
        return t.clock() == RewardScheme.Clock.SIGNED ? c.signedOn() : c.vacatedOn();
    }

    /** The day number of {@code date} in the period: 1 is the first day (or the next, as the scheme counts). */
    static long day(LocalDate date, Period period, Counting counting) {
        return ChronoUnit.DAYS.between(counting.firstDay(period.first()), date) + 1;
    }

    static boolean contains(Tier t, LocalDate date, Period period, Counting counting) {
        return switch (t.window()) {
            case RewardScheme.Days d -> {
                long n = day(date, period, counting);
                if (n < 1) {
                    yield d.beforePeriod() && d.first() == 1;
                }
                yield n >= d.first() && (d.last() == null ? !date.isAfter(period.last()) : n <= d.last());
            }
            case RewardScheme.Dates d -> !date.isAfter(d.last()) && (!date.isBefore(d.first()) || d.beforePeriod());
            case RewardScheme.InPeriod p -> !date.isBefore(period.first()) && !date.isAfter(period.last());
            case RewardScheme.AfterPeriod p -> date.isAfter(period.last());
        };
    }

    private static String clockText(Tier t, Case c, Period period, RewardScheme s) {
        LocalDate d = date(t, c);
        long n = day(d, period, s.counting());
        return t.clock().label + "日期" + DAY.format(d) + "（签约期限"
                + (n >= 1 ? "第 " + n + " 日" : "开始前") + "，签约期限为" + DAY.format(period.first()) + "至" + DAY.format(period.last())
                + "，" + s.counting().label() + "）";
    }

    static BigDecimal money(BigDecimal v) {
        return v.setScale(2, RoundingMode.HALF_UP);
    }

    private static String plain(BigDecimal v) {
        return v.stripTrailingZeros().toPlainString();
    }
}
