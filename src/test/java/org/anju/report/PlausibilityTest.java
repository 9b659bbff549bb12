package org.anju.report;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Plausibility warnings on a month's figures (fast layer, issue 11): shown, never blocking. */
class PlausibilityTest {

    static ReportValue v(String code, String source, String value) {
        return new ReportValue(code, source, new BigDecimal(value));
    }

    static List<String> messages(List<ReportValue> values, List<ReportValue> previous, Map<String, BigDecimal> targets) {
        return Plausibility.check(values, previous, targets).stream().map(ReportFlag::message).toList();
    }

    @Test
    void plausibleFiguresRaiseNothing() {
        assertThat(messages(List.of(v("RENTAL_SUBSIDY.ISSUE.HOUSEHOLD", "", "500"),
                        v(ReportItems.FUND_RECEIVED, "CENTRAL_SUBSIDY", "1000"), v(ReportItems.FUND_DISBURSED, "CENTRAL_SUBSIDY", "400")),
                List.of(v("RENTAL_SUBSIDY.ISSUE.HOUSEHOLD", "", "400")),
                Map.of("RENTAL_SUBSIDY.ISSUE.HOUSEHOLD", new BigDecimal("1000")))).isEmpty();
    }

    @Test
    void aCumulativeFigureBelowLastMonthIsQuestioned() {
        assertThat(messages(List.of(v("RENTAL_SUBSIDY.ISSUE.HOUSEHOLD", "", "300")),
                List.of(v("RENTAL_SUBSIDY.ISSUE.HOUSEHOLD", "", "350")), Map.of()))
                .containsExactly("住房租赁补贴·已发放户数为 300，低于上月累计 350：累计数不应下降，请核实");
    }

    @Test
    void moneyPaidOutBeyondMoneyReceivedIsQuestionedPerSource() {
        assertThat(messages(List.of(v(ReportItems.FUND_RECEIVED, "CENTRAL_SUBSIDY", "100"),
                v(ReportItems.FUND_DISBURSED, "CENTRAL_SUBSIDY", "120"), v(ReportItems.FUND_SPENT, "CENTRAL_SUBSIDY", "130")),
                List.of(), Map.of()))
                .containsExactly("中央补助拨付 120 万元，超过到位资金 100 万元", "中央补助支出 130 万元，超过到位资金 100 万元");
    }

    @Test
    void aPartBeyondItsWholeAndATaskFarExceededAreQuestioned() {
        assertThat(messages(List.of(v("RENTAL_SUBSIDY.ISSUE.HOUSEHOLD", "", "1600"),
                        v("RENTAL_SUBSIDY.ISSUE_ONLINE.HOUSEHOLD", "", "1700")), List.of(),
                Map.of("RENTAL_SUBSIDY.ISSUE.HOUSEHOLD", new BigDecimal("1000"))))
                .containsExactly("线上发放户数超过已发放户数（1700 > 1600）",
                        "已发放 1600 户，为年度任务 1000 户的 160.0%，超过 150%，请核实");
        assertThat(messages(List.of(v("RENTAL_SUBSIDY.ISSUE.HOUSEHOLD", "", "1500")), List.of(),
                Map.of("RENTAL_SUBSIDY.ISSUE.HOUSEHOLD", new BigDecimal("1000")))).as("150% exactly is not questioned").isEmpty();
    }
}
