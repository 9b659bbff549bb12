package org.anju.browser;

import com.microsoft.playwright.Page;
import org.anju.progress.Progress;
import org.anju.progress.ProgressSummary;
import org.anju.progress.Rates;
import org.anju.report.Report;
import org.anju.report.Reports;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.List;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A month's report through the browser, on the demo's 张掖市 (seed 004), whose 2024 months nobody else touches:
 * the 甘州区 reporter pastes a block copied from Excel into the grid, saves and submits; the city admin approves
 * it from the inbox; the city's dashboard shows the rate moved to what the entered figures give. Also a return
 * with a reason, and two sessions editing the same month (the second save refused, nothing overwritten).
 */
class ReportFlowBrowserTest extends BrowserTest {

    static final String UNIT = "620702";
    static final String CITY = "620700";
    static final String RECEIVED = "HOUSING.FUND_RECEIVED.YUAN_10K";
    static final String DISBURSED = "HOUSING.FUND_DISBURSED.YUAN_10K";

    @Autowired
    Progress progress;
    @Autowired
    Reports reports;

    static String cell(String key) {
        return "input[name='v:" + key + "']";
    }

    /** What Excel puts on the clipboard, dispatched as a paste into the cell {@code selector} (focused first). */
    static void paste(Page p, String selector, String text) {
        p.focus(selector);
        p.evaluate("([selector, text]) => { const el = document.querySelector(selector); const data = new DataTransfer();"
                + " data.setData('text/plain', text);"
                + " el.dispatchEvent(new ClipboardEvent('paste', {clipboardData: data, bubbles: true, cancelable: true})); }",
                List.of(selector, text));
    }

    static BigDecimal nz(BigDecimal v) {
        return v == null ? BigDecimal.ZERO : v;
    }

    String rateOnDashboard(Page p, YearMonth month) {
        p.navigate("/dashboard?region=" + CITY + "&period=" + month + "&indicator=" + DISBURSED);
        var card = p.locator("[id='rate-" + DISBURSED + "'] .rate-value");
        return card.count() == 0 ? Rates.NONE : card.innerText();
    }

    @Test
    void aCountyPastesSavesAndSubmitsTheCityApprovesAndTheDashboardMoves() {
        YearMonth month = YearMonth.of(2024, 1);
        ProgressSummary before = progress.summary(progress.region(CITY), month);
        Page city = otherSession();
        login(city, "zy_admin");
        String rateBefore = rateOnDashboard(city, month);
        shot(city, "1-city-dashboard-before");

        // the county: a block with thousands separators and Excel's CRLF rows, first with a mistake
        login("gzq_reporter");
        page.navigate("/reports/" + UNIT + "/" + month);
        assertThat(page.locator("h1")).hasText("甘州区 2024年1月 月报");
        assertThat(page.locator("#report-status")).hasText("未填报");   // not a 草稿 nobody started
        paste(page, cell(RECEIVED + "@CENTRAL_SUBSIDY"), "1,200.5\t800\t三百\r\n500\t-250\t100\r\n");
        assertThat(page.locator("#grid-problems")).isVisible();
        assertThat(page.locator("#grid-problems")).containsText("保障性安居工程资金·中央补助·支出：不是数字：三百");
        assertThat(page.locator("#grid-problems")).containsText("保障性安居工程资金·省级补助·拨付：不能为负数：-250");
        assertThat(page.locator(cell("HOUSING.FUND_SPENT.YUAN_10K@CENTRAL_SUBSIDY"))).hasClass(java.util.regex.Pattern.compile("cell-error"));
        shot("2-pasted-with-problems");
        page.click("#report-save");
        assertThat(page.locator("#report-version")).hasText("0");   // nothing was sent
        assertThat(page.locator("#report-status")).hasText("未填报");

        paste(page, cell(RECEIVED + "@CENTRAL_SUBSIDY"), "1,200.5\t800\t300\r\n500\t250\t100\r\n");
        paste(page, cell("RENTAL_SUBSIDY.ISSUE.HOUSEHOLD"), "１２０\r\n36.5\r\n100\r\n");
        assertThat(page.locator("#grid-problems")).isHidden();
        assertThat(page.locator(cell(RECEIVED + "@CENTRAL_SUBSIDY"))).hasValue("1200.5");
        assertThat(page.locator(cell("RENTAL_SUBSIDY.ISSUE.HOUSEHOLD"))).hasValue("120");
        shot("3-pasted");
        page.click("#report-save");
        assertThat(page.locator("#message")).hasText("已保存");
        assertThat(page.locator("#report-version")).hasText("1");
        page.click("#report-submit");
        assertThat(page.locator("#report-status")).hasText("已上报");
        shot("4-submitted");
        Report submitted = reports.get(UNIT, month);
        assertThat(submitted.value(DISBURSED, "PROVINCIAL_SUBSIDY")).isEqualByComparingTo("250");
        assertThat(submitted.submittedBy()).isEqualTo("gzq_reporter");

        // the city: the inbox holds it; approve
        city.navigate("/inbox?period=" + month);
        assertThat(city.locator("#inbox-pending")).containsText("甘州区");
        assertThat(city.locator("#inbox-counts")).containsText("已上报 1");
        shot(city, "5-inbox");
        city.click("#approve-" + UNIT + "-" + month);
        assertThat(city.locator("#message")).hasText("甘州区 2024年1月月报已审核通过");
        assertThat(city.locator("#inbox-counts")).containsText("已审核 1");
        shot(city, "6-approved");

        // the dashboard: 拨付率 = (拨付 before + entered) ÷ (到位资金 before + entered)
        BigDecimal received = nz(before.actual(RECEIVED)).add(new BigDecimal("1700.5"));
        BigDecimal disbursed = nz(before.actual(DISBURSED)).add(new BigDecimal("1050"));
        String expected = Rates.format(Rates.rate(disbursed, received));
        String rateAfter = rateOnDashboard(city, month);
        assertThat(rateAfter).isEqualTo(expected).isNotEqualTo(rateBefore);
        assertThat(city.locator("#children-chart[data-drawn=true] canvas")).hasCount(1);
        assertThat(city.locator("#child-" + UNIT)).containsText(expected);
        shot(city, "7-city-dashboard-after");

        // drill down to the county and back up to the city through the breadcrumb
        city.click("#child-" + UNIT + " a");
        assertThat(city.locator("h1")).hasText("甘州区 2024年1月 进度概览");
        assertThat(city.locator("#breadcrumb")).not().containsText("甘肃省");
        city.click("#breadcrumb a:text('张掖市')");
        assertThat(city.locator("h1")).hasText("张掖市 2024年1月 进度概览");
    }

    @Test
    void theCityReturnsWithAReasonAndTheCountySeesIt() {
        YearMonth month = YearMonth.of(2024, 2);
        login("gzq_reporter");
        page.navigate("/reports/" + UNIT + "/" + month);
        paste(page, cell(RECEIVED + "@SPECIAL_BOND"), "300\t400\t0\r\n");
        page.click("#report-save");
        assertThat(page.locator("#message")).hasText("已保存");
        page.click("#report-submit");
        assertThat(page.locator("#report-status")).hasText("已上报");

        Page city = otherSession();
        login(city, "zy_admin");
        city.navigate("/inbox?period=" + month);
        city.click("#return-" + UNIT + "-" + month);    // without a reason the browser asks for one
        assertThat(city.locator("#inbox-pending")).containsText("甘州区");
        city.fill("#reason-" + UNIT + "-" + month, "拨付大于到位资金，请核实专项债券数据");
        city.click("#return-" + UNIT + "-" + month);
        assertThat(city.locator("#message")).hasText("甘州区 2024年2月月报已退回");
        shot(city, "inbox-returned");

        page.reload();
        assertThat(page.locator("#report-status")).hasText("已退回");
        assertThat(page.locator("#return-reason-shown")).hasText("退回原因：拨付大于到位资金，请核实专项债券数据");
        assertThat(page.locator("#report-flags")).containsText("拨付");
        assertThat(page.locator(cell(DISBURSED + "@SPECIAL_BOND"))).isEditable();
        shot("returned");
    }

    @Test
    void aSecondSessionSavingTheSameMonthIsRefusedAndNothingIsOverwritten() {
        YearMonth month = YearMonth.of(2024, 3);
        String subsidy = cell("RENTAL_SUBSIDY.ISSUE.HOUSEHOLD");
        login("gzq_reporter");
        Page second = otherSession();
        login(second, "gzq_reporter");
        page.navigate("/reports/" + UNIT + "/" + month);
        second.navigate("/reports/" + UNIT + "/" + month);

        page.fill(subsidy, "130");
        page.click("#report-save");
        assertThat(page.locator("#message")).hasText("已保存");

        second.fill(subsidy, "999");
        second.click("#report-save");
        assertThat(second.locator("#save-error")).containsText("月报已有更新的版本，本次保存未生效");
        assertThat(second.locator("#save-error")).containsText("请刷新后重试");
        assertThat(second.locator(subsidy)).hasValue("999");          // what was typed is still there
        shot(second, "conflict");
        assertThat(reports.get(UNIT, month).value("RENTAL_SUBSIDY.ISSUE.HOUSEHOLD", "")).isEqualByComparingTo("130");

        // the history of the figure names who saved what
        page.click("[id='v-RENTAL_SUBSIDY.ISSUE.HOUSEHOLD'] + a.hist");
        assertThat(page.locator("#value-history")).containsText("甘州区住建局填报员");   // by name, the username on hover
        assertThat(page.locator("#value-history span[title=gzq_reporter]").first()).hasText("甘州区住建局填报员");
        assertThat(page.locator("#value-history")).containsText("130");
        shot("history");
    }

    /**
     * The grid's number reading in the browser against the same table of cases as the server's
     * ({@code numbers/cases.tsv}, {@code platform.NumbersTest}): one rule for files, grids and forms (issue 11).
     */
    @Test
    void theGridReadsNumbersByTheServersRules() throws java.io.IOException {
        login("gzq_reporter");
        page.navigate("/reports/" + UNIT + "/2023-11");
        List<String> disagreements = new java.util.ArrayList<>();
        for (org.anju.platform.NumbersTest.Case c : org.anju.platform.NumbersTest.cases()) {
            @SuppressWarnings("unchecked")
            java.util.Map<String, Object> r = (java.util.Map<String, Object>) page.evaluate("t => window.anjuNumbers.parse(t)",
                    c.input());
            String got = r.get("error") != null ? "BAD:" + r.get("error")
                    : r.get("value").equals("") ? "BLANK" : String.valueOf(r.get("value"));
            if (!got.equals(c.expected())) {
                disagreements.add("「" + c.input() + "」 → " + got + "，应为 " + c.expected());
            }
        }
        org.assertj.core.api.Assertions.assertThat(disagreements).isEmpty();
    }
}
