package org.anju.bulletin;

import org.anju.AnjuTest;
import org.anju.report.ReportValue;
import org.anju.report.Reports;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;

import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A month with no subsidy tasks (no plan of the year yet) where one county of seven reported, all of it online: the
 * 通报 said "各县区均实现了线上发放补贴。" of six counties that had not reported (trial of 2026-12-04, 张掖市 2024-01);
 * now it speaks of the counties that reported only.
 */
@AnjuTest
@TestPropertySource(properties = "anju.test.database=online_claim_unreported")
class OnlineClaimUnreportedTest {

    @Autowired
    Reports reports;
    @Autowired
    Bulletins bulletins;

    @Test
    void onlinePaymentIsClaimedOnlyOfTheUnitsThatReported() {
        YearMonth jan = YearMonth.of(2024, 1);
        var saved = reports.save("620702", jan, 0, List.of(
                new ReportValue("RENTAL_SUBSIDY.ISSUE.HOUSEHOLD", "", new BigDecimal("130")),
                new ReportValue("RENTAL_SUBSIDY.ISSUE_ONLINE.HOUSEHOLD", "", new BigDecimal("130"))));
        reports.submit("620702", jan, saved.version());

        Bulletin b = bulletins.compose("620700", jan, new BulletinOptions(null, null, null));
        String subsidy = b.sections().stream().flatMap(s -> s.subsections().stream())
                .filter(s -> s.heading().contains("住房租赁补贴")).flatMap(s -> s.paragraphs().stream())
                .findFirst().orElseThrow();
        assertThat(subsidy).contains("7个单位中1个已报送").endsWith("已报送的县区均实现了线上发放补贴。")
                .doesNotContain("各县区均实现了线上发放补贴");
    }

    /**
     * The 资金 附件 listed only the county that reported, while the text named the six that did not: a table of one
     * county read as the city's whole. Every unit that did not report is now a row of 未报.
     */
    @Test
    void theFundsTableListsTheUnitsThatDidNotReportAsUnreported() {
        YearMonth feb = YearMonth.of(2024, 2);
        var saved = reports.save("620702", feb, 0, List.of(
                new ReportValue("HOUSING.FUND_RECEIVED.YUAN_10K", "CENTRAL_SUBSIDY", new BigDecimal("1200")),
                new ReportValue("HOUSING.FUND_SPENT.YUAN_10K", "CENTRAL_SUBSIDY", new BigDecimal("800"))));
        reports.submit("620702", feb, saved.version());

        Bulletin b = bulletins.compose("620700", feb, new BulletinOptions(null, null, null));
        BulletinTable funds = b.tables().stream().filter(t -> t.title().contains("资金")).findFirst().orElseThrow();
        assertThat(funds.row("甘州区")).containsExactly("甘州区", "1200", "800", "66.7%");
        assertThat(funds.row("临泽县")).containsExactly("临泽县", "未报", "未报", "未报");
        assertThat(funds.rows()).hasSize(8);   // 全市 and its 7 units
        assertThat(funds.note()).contains("“未报”表示该单位未报送本月数据（不是0）");
    }
}
