package org.anju.report;

import org.anju.AnjuTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.YearMonth;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A part given while its whole is left blank (信息录入 with 新增保障家庭 blank, 拨付 with 到位资金 blank): the warning
 * says the whole is 未填 — it used to read "信息录入户数超过新增保障家庭户数（10 > 0）", a blank shown as a zero (trial
 * of 2026-12-04: a county's import of 信息录入 without 新增保障家庭).
 */
@AnjuTest
@TestPropertySource(properties = "anju.test.database=blank_whole_flag")
class BlankWholeFlagTest {

    @Autowired
    Reports reports;
    @Autowired
    ReportImport imports;

    @Test
    void aPartWithItsWholeBlankIsSaidSoNotComparedWithZero() {
        imports.importFile("三月.csv", ("地区,月份,已发放户数（户）,其中线上发放户数（户）,新增保障家庭（户）,信息录入（户）\n"
                + "甘州区,2024-03,,100,,10\n").getBytes(StandardCharsets.UTF_8), "620700", false);
        assertThat(reports.get("620702", YearMonth.of(2024, 3)).flags()).containsExactlyInAnyOrder(
                "线上发放户数已填 100，已发放户数未填：请填写已发放户数（实际为0的请填0）",
                "信息录入户数已填 10，新增保障家庭户数未填：请填写新增保障家庭户数（实际为0的请填0）");

        Report funds = reports.save("620702", YearMonth.of(2024, 4), 0, List.of(
                new ReportValue(ReportItems.FUND_DISBURSED, "CENTRAL_SUBSIDY", new BigDecimal("1200")),
                new ReportValue(ReportItems.FUND_RECEIVED, "PROVINCIAL_SUBSIDY", BigDecimal.ZERO),
                new ReportValue(ReportItems.FUND_DISBURSED, "PROVINCIAL_SUBSIDY", new BigDecimal("5"))));
        assertThat(funds.flags()).containsExactlyInAnyOrder(
                "中央补助拨付 1200 万元，但中央补助到位资金未填：拨付率无法计算，请填写到位资金（实际为0的请填0）",
                "省级补助拨付 5 万元，超过到位资金 0 万元");
    }
}
