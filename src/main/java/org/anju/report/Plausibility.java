package org.anju.report;

import org.anju.progress.Rates;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Warnings on figures that are possible but unlikely: a cumulative figure below last month's, money
 * paid out beyond what arrived, more households paid online than paid, more entered than new, far
 * more subsidy households than the annual task.
 */
final class Plausibility {

    /** Above this share of the annual task a figure is questioned (seed 004's highest is 113%). */
    static final BigDecimal TASK_LIMIT = BigDecimal.valueOf(150);

    private Plausibility() {
    }

    static List<ReportFlag> check(List<ReportValue> values, List<ReportValue> previous, Map<String, BigDecimal> targets) {
        List<ReportFlag> flags = new ArrayList<>();
        Map<String, ReportValue> prev = new HashMap<>();
        previous.forEach(v -> prev.put(v.indicatorCode() + "@" + v.source(), v));
        for (ReportValue v : values) {
            ReportValue p = prev.get(v.indicatorCode() + "@" + v.source());
            if (p != null && v.value().compareTo(p.value()) < 0) {
                flags.add(new ReportFlag(v.indicatorCode(), v.source(), label(v) + "为 " + Rates.figure(v.value())
                        + "，低于上月累计 " + Rates.figure(p.value()) + "：累计数不应下降，请核实"));
            }
        }
        Map<String, BigDecimal> total = new HashMap<>();
        values.forEach(v -> total.merge(v.indicatorCode(), v.value(), BigDecimal::add));
        for (String source : values.stream().map(ReportValue::source).filter(s -> !s.isEmpty()).distinct().toList()) {
            BigDecimal received = value(values, ReportItems.FUND_RECEIVED, source);
            BigDecimal disbursed = value(values, ReportItems.FUND_DISBURSED, source);
            BigDecimal spent = value(values, ReportItems.FUND_SPENT, source);
            String name = ReportItems.ALL.stream().filter(i -> i.source().equals(source)).findFirst()
                    .map(i -> i.label().substring(0, i.label().indexOf('·'))).orElse(source);
            // a blank 到位资金 is 未填, not 0: said as such, never "超过到位资金 0 万元"
            if (disbursed != null && received == null) {
                flags.add(new ReportFlag(ReportItems.FUND_DISBURSED, source, name + "拨付 " + Rates.figure(disbursed)
                        + " 万元，但" + name + "到位资金未填：拨付率无法计算，请填写到位资金（实际为0的请填0）"));
            } else if (disbursed != null && disbursed.compareTo(received) > 0) {
                flags.add(new ReportFlag(ReportItems.FUND_DISBURSED, source, name + "拨付 " + Rates.figure(disbursed)
                        + " 万元，超过到位资金 " + Rates.figure(received) + " 万元"));
            }
            if (spent != null && received == null) {
                flags.add(new ReportFlag(ReportItems.FUND_SPENT, source, name + "支出 " + Rates.figure(spent)
                        + " 万元，但" + name + "到位资金未填：请填写到位资金（实际为0的请填0）"));
            } else if (spent != null && spent.compareTo(received) > 0) {
                flags.add(new ReportFlag(ReportItems.FUND_SPENT, source, name + "支出 " + Rates.figure(spent)
                        + " 万元，超过到位资金 " + Rates.figure(received) + " 万元"));
            }
        }
        exceeds(flags, total, "RENTAL_SUBSIDY.ISSUE_ONLINE.HOUSEHOLD", "RENTAL_SUBSIDY.ISSUE.HOUSEHOLD",
                "线上发放户数", "已发放户数");
        exceeds(flags, total, "PUBLIC_RENTAL.DATA_ENTRY.HOUSEHOLD", "PUBLIC_RENTAL.NEW_BENEFICIARY.HOUSEHOLD",
                "信息录入户数", "新增保障家庭户数");
        BigDecimal task = targets.get("RENTAL_SUBSIDY.ISSUE.HOUSEHOLD");
        BigDecimal issued = total.get("RENTAL_SUBSIDY.ISSUE.HOUSEHOLD");
        BigDecimal rate = Rates.rate(issued, task);
        if (rate != null && rate.compareTo(TASK_LIMIT) > 0) {
            flags.add(new ReportFlag("RENTAL_SUBSIDY.ISSUE.HOUSEHOLD", "", "已发放 " + Rates.figure(issued)
                    + " 户，为年度任务 " + Rates.figure(task) + " 户的 " + Rates.format(rate) + "，超过 150%，请核实"));
        }
        return flags;
    }

    /**
     * A part beyond its whole; a part given while its whole is blank is said so (the whole is 未填, not 0: "10 > 0"
     * showed a blank as a zero).
     */
    private static void exceeds(List<ReportFlag> flags, Map<String, BigDecimal> total, String part, String whole,
                                String partName, String wholeName) {
        BigDecimal p = total.get(part);
        BigDecimal w = total.get(whole);
        if (p != null && w == null) {
            flags.add(new ReportFlag(part, "", partName + "已填 " + Rates.figure(p) + "，" + wholeName
                    + "未填：请填写" + wholeName + "（实际为0的请填0）"));
        } else if (p != null && p.compareTo(w) > 0) {
            flags.add(new ReportFlag(part, "", partName + "超过" + wholeName + "（" + Rates.figure(p) + " > "
                    + Rates.figure(w) + "）"));
        }
    }

    private static BigDecimal value(List<ReportValue> values, String code, String source) {
        return values.stream().filter(v -> v.indicatorCode().equals(code) && v.source().equals(source))
                .map(ReportValue::value).findFirst().orElse(null);
    }

    private static String label(ReportValue v) {
        ReportItems.Item item = ReportItems.ALL.stream()
                .filter(i -> i.indicatorCode().equals(v.indicatorCode()) && i.source().equals(v.source()))
                .findFirst().orElse(null);
        return item == null ? v.indicatorCode() : item.group() + "·" + item.label();
    }
}
