package org.anju.supervision;

import org.anju.AnjuTest;
import org.anju.TestUsers;
import org.anju.bulletin.Bulletin;
import org.anju.bulletin.BulletinOptions;
import org.anju.bulletin.BulletinTable;
import org.anju.bulletin.Bulletins;
import org.anju.demo.ProgressDemoData;
import org.anju.progress.Progress;
import org.anju.progress.ProgressLine;
import org.anju.progress.ProgressSummary;
import org.anju.report.Report;
import org.anju.report.ReportValue;
import org.anju.report.Reports;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.MockMvc;

import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * A blank item of a submitted report is 未填, not 0 (guesses audit H1): the demo's Zhangye December with 临泽县's
 * report returned and submitted again without 已发放户数 and 其中线上发放户数 — the unit reported the month and said
 * nothing of its subsidies. Before, it was rolled up as 发放0户, ranked last at 0.0%, and printed so in the 通报.
 */
@AnjuTest
@AutoConfigureMockMvc
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestPropertySource(properties = "anju.test.database=blank-item")
class BlankItemTest {

    static final String CITY = "620700";
    static final String LINZE = "620723";
    static final String GAOTAI = "620724";
    static final YearMonth DECEMBER = YearMonth.of(2023, 12);
    static final String ISSUED = "RENTAL_SUBSIDY.ISSUE.HOUSEHOLD";
    static final String ONLINE = "RENTAL_SUBSIDY.ISSUE_ONLINE.HOUSEHOLD";
    static final String RECEIVED = "HOUSING.FUND_RECEIVED.YUAN_10K";
    static final String DISBURSED = "HOUSING.FUND_DISBURSED.YUAN_10K";

    @Autowired
    ProgressDemoData demo;
    @Autowired
    Reports reports;
    @Autowired
    Progress progress;
    @Autowired
    Supervision supervision;
    @Autowired
    Bulletins bulletins;
    @Autowired
    MockMvc mvc;

    /** What 临泽县 had for 已发放户数 before it left the item blank. */
    BigDecimal linzeIssued;
    /** What the report's page and service listed as blank before it was submitted. */
    List<String> blanksBeforeSubmit;
    String pageBeforeSubmit;

    @BeforeAll
    void submitLinzeWithoutItsSubsidies() throws Exception {
        demo.loadOnce();
        Report linze = reports.get(LINZE, DECEMBER);
        linzeIssued = linze.value(ISSUED, "");
        assertThat(linzeIssued).as("the demo's 临泽县 reported subsidies").isNotNull();
        linze = reports.returnReport(LINZE, DECEMBER, linze.version(), "补贴发放户数待核实");
        List<ReportValue> kept = linze.values().stream()
                .filter(v -> !Set.of(ISSUED, ONLINE).contains(v.indicatorCode())).toList();
        linze = reports.save(LINZE, DECEMBER, linze.version(), kept);
        blanksBeforeSubmit = reports.blanks(linze);
        pageBeforeSubmit = mvc.perform(get("/reports/" + LINZE + "/2023-12").with(TestUsers.as(TestUsers.ZHANGYE_ADMIN)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        reports.submit(LINZE, DECEMBER, linze.version());
        // 高台县 paid subsidies and left 其中线上发放户数 blank (review 25 M3), and gave 拨付 without 到位资金 (L1)
        Report gaotai = reports.get(GAOTAI, DECEMBER);
        gaotai = reports.returnReport(GAOTAI, DECEMBER, gaotai.version(), "线上发放户数待核实");
        gaotai = reports.save(GAOTAI, DECEMBER, gaotai.version(), gaotai.values().stream()
                .filter(v -> !Set.of(ONLINE, RECEIVED).contains(v.indicatorCode())).toList());
        reports.submit(GAOTAI, DECEMBER, gaotai.version());
    }

    @Test
    void theFormListsTheBlankItemsThatCountBeforeItIsSubmitted() {
        // 已发放户数 has a task; 线上发放 is of 已发放, itself blank: nothing to miss there
        assertThat(blanksBeforeSubmit).containsExactly("已发放户数");
        // either figure of a ratio left blank while the other is filled, and a task's figure (review 25 M5)
        Report gaotai = reports.get(GAOTAI, DECEMBER);
        assertThat(reports.blanks(new Report(gaotai.id(), gaotai.regionCode(), gaotai.regionName(), gaotai.period(),
                gaotai.status(), gaotai.version(), gaotai.deadline(), gaotai.submittedAt(), gaotai.submittedBy(),
                gaotai.reviewedAt(), gaotai.reviewedBy(), gaotai.returnReason(), gaotai.values().stream()
                .filter(v -> !Set.of(ONLINE, "PUBLIC_RENTAL.NEW_BENEFICIARY.HOUSEHOLD", "HOUSING.FUND_RECEIVED.YUAN_10K")
                        .contains(v.indicatorCode())).toList(), gaotai.flags(), gaotai.events(), gaotai.onTime())))
                .containsExactly("其中线上发放户数", "新增保障家庭", "保障性安居工程资金·到位资金");
        assertThat(pageBeforeSubmit).contains("以下项目尚未填写，上报后在汇总、排名和通报中显示为“未填”、不计算比率：已发放户数。实际为0的请填0后保存。");
    }

    @Test
    void theFormListsNoBlankTheRollUpsDoNotCount() {
        // the demo's 市本级 has no subsidy task, and the counties' tasks make up the city's: its blank 已发放户数 is in
        // no roll-up as 未填 (BlanksThatCountTest), so its form does not warn of it (review 25 L6: it did, by a rule
        // of the form's own that counted any task of the region above)
        ProgressSummary cityLevel = progress.children(CITY, DECEMBER).stream()
                .filter(c -> c.regionName().contains("本级")).findFirst().orElseThrow();
        assertThat(cityLevel.line(ISSUED)).as("no task of its own, no figure").isEmpty();
        assertThat(progress.summary(CITY, DECEMBER).line(ISSUED).orElseThrow().unfilled())
                .as("only 临泽县's blank counts in the city's sum").isEqualTo(1);
        Report own = reports.get(cityLevel.regionCode(), DECEMBER);
        assertThat(own.value(ISSUED, "")).isNull();
        assertThat(reports.blanks(own)).doesNotContain("已发放户数");
    }

    @Test
    void aRegionWithoutATaskShowsItsSumWithoutSaying含未填项() {
        // January 2024: the demo has no plan for 2024, so 张掖市 has no 发放任务. 甘州区 paid 100 households, 临泽县
        // reported 新增保障家庭 only: the sum is 100, and there is no rate for the blank to take away — "—", not 含未填项,
        // which the form never warned 临泽县 of either (review 26 M2)
        YearMonth january = YearMonth.of(2024, 1);
        Report ganzhou = reports.save("620702", january, reports.get("620702", january).version(),
                List.of(new ReportValue(ISSUED, "", new BigDecimal("100"))));
        reports.submit("620702", january, ganzhou.version());
        Report linze = reports.save(LINZE, january, reports.get(LINZE, january).version(),
                List.of(new ReportValue("PUBLIC_RENTAL.NEW_BENEFICIARY.HOUSEHOLD", "", new BigDecimal("5"))));
        assertThat(reports.blanks(linze)).doesNotContain("已发放户数");
        reports.submit(LINZE, january, linze.version());
        ProgressLine city = progress.summary(CITY, january).line(ISSUED).orElseThrow();
        assertThat(city.target()).isNull();
        assertThat(city.actual()).isEqualByComparingTo("100");
        assertThat(city.unfilled()).isZero();
        assertThat(city.rateText()).isEqualTo("—");
    }

    @Test
    void theProvinceBulletinDoesNotSayEveryUnitPaysOnlineWhenACountyLeftItBlank() {
        // 高台县 left 其中线上发放户数 blank under its 已发放: the province's unit, 张掖市, has a sum of 线上发放 without it
        // (review 26 M5: the province's 通报 said "各县区均实现了线上发放补贴")
        String text = BulletinText.of(bulletins.compose("620000", DECEMBER, new BulletinOptions(null, null, null)));
        assertThat(text).contains("张掖市有单位月报未填写其中线上发放户数。").doesNotContain("均实现了线上发放补贴");
    }

    @Test
    void theUnitsLineIs未填NotZero() {
        ProgressSummary linze = progress.summary(LINZE, DECEMBER);
        assertThat(linze.unreported()).isFalse();
        ProgressLine issued = linze.line(ISSUED).orElseThrow();
        assertThat(issued.actual()).isNull();
        assertThat(issued.rate()).as("not 0.0").isNull();
        assertThat(issued.blank()).isTrue();
        assertThat(issued.actualText()).isEqualTo("未填");
        assertThat(issued.rateText()).isEqualTo("未填");
        // the 进度汇总 export says so too, in the figure's and the rate's cells
        List<org.anju.platform.Table.Cell> row = org.anju.progress.ProgressTables.summary(linze).rows().stream()
                .filter(r -> r.get(1).equals(org.anju.platform.Table.Cell.text(issued.indicatorName()))).findFirst().orElseThrow();
        assertThat(row.get(2)).isEqualTo(org.anju.platform.Table.Cell.text("未填"));
        assertThat(row.get(5)).isEqualTo(org.anju.platform.Table.Cell.text("未填"));
        // a register stage the unit's projects did not reach stays 0: only the typed items are 未填
        assertThat(linze.lines()).filteredOn(l -> l.indicatorCode().endsWith(".START.UNIT") && l.target() != null)
                .allSatisfy(l -> assertThat(l.unfilled()).isZero());

        // the city sums the six that filled it in, and gives no 发放完成率 that would count 临泽县's task at 0
        ProgressLine city = progress.summary(CITY, DECEMBER).line(ISSUED).orElseThrow();
        assertThat(city.unfilled()).isEqualTo(1);
        assertThat(city.actual()).isNotNull();
        assertThat(city.rate()).isNull();
        assertThat(city.rateText()).isEqualTo("含未填项");
        // and so as one of the province's children, read with its siblings (review 26 H1: every unit of the city
        // reported, and the units passed for the lines that need them were only the partly reported regions')
        ProgressLine child = progress.children("620000", DECEMBER).stream().filter(c -> c.regionCode().equals(CITY))
                .findFirst().orElseThrow().line(ISSUED).orElseThrow();
        assertThat(child.unfilled()).isEqualTo(1);
        assertThat(child.rate()).as("not 90.7%%, 临泽县's task counted at 0").isNull();
        assertThat(child.rateText()).isEqualTo("含未填项");
    }

    @Test
    void theRankingListsItApartNeverLastAtZero() {
        Ranking ranking = supervision.ranking(CITY, DECEMBER, ISSUED, false);
        assertThat(ranking.units()).extracting(RankedUnit::regionCode).doesNotContain(LINZE).hasSize(5);
        assertThat(ranking.unreported()).singleElement().satisfies(u -> {
            assertThat(u.regionName()).isEqualTo("临泽县");
            assertThat(u.statusText()).isEqualTo("月报未填该项");
            assertThat(u.cellText()).isEqualTo("未填");
        });
        // 高台县 left 线上发放 blank under its 已发放: apart, 未填; it gave 拨付 without 到位资金: apart, its 拨付 shown
        assertThat(supervision.ranking(CITY, DECEMBER, ONLINE, false).unreported()).singleElement().satisfies(u -> {
            assertThat(u.regionName()).isEqualTo("高台县");
            assertThat(u.statusText()).isEqualTo("月报未填该项");
            assertThat(u.actualText()).isEqualTo("未填");
        });
        BigDecimal gaotaiDisbursed = progress.summary(GAOTAI, DECEMBER).actual(DISBURSED);
        assertThat(supervision.ranking(CITY, DECEMBER, DISBURSED, false).unreported())
                .filteredOn(u -> u.regionCode().equals(GAOTAI)).singleElement().satisfies(u -> {
                    assertThat(u.statusText()).isEqualTo("月报未填该项的基数");
                    assertThat(u.actualText()).isEqualTo(org.anju.progress.Rates.figure(gaotaiDisbursed));
                    assertThat(u.cellText()).isEqualTo("未填");
                });
        // 线上发放率 (÷ 已发放户数, blank too): no rate at all, so not ranked at 0.0% either
        assertThat(supervision.ranking(CITY, DECEMBER, ONLINE, false).units())
                .extracting(RankedUnit::regionCode).doesNotContain(LINZE).isNotEmpty();
        // ranked in its province, the city (all 7 units reported, 临泽县 blank) is apart too, never at the rate of a part
        assertThat(supervision.ranking("620000", DECEMBER, ISSUED, false).unreported())
                .filteredOn(u -> u.regionCode().equals(CITY)).singleElement()
                .satisfies(u -> assertThat(u.statusText()).isEqualTo("1个单位月报未填该项"));
        // the average is the six's Σ actual ÷ Σ target
        BigDecimal actual = BigDecimal.ZERO;
        BigDecimal target = BigDecimal.ZERO;
        for (RankedUnit u : ranking.units()) {
            actual = actual.add(u.actual());
            target = target.add(u.target());
        }
        assertThat(ranking.average()).isEqualByComparingTo(org.anju.progress.Rates.rate(actual, target));
        assertThat(supervision.lagging(CITY, DECEMBER)).filteredOn(l -> l.regionCode().equals(LINZE))
                .extracting(LaggingUnit::indicatorName).noneMatch(n -> n.contains("住房租赁补贴"));
    }

    @Test
    void theBulletinSaysItWasLeftBlank() {
        Bulletin bulletin = bulletins.compose(CITY, DECEMBER, new BulletinOptions(null, null, null));
        String text = BulletinText.of(bulletin);
        assertThat(text).contains("临泽县月报未填写已发放户数").contains("户（有单位未填写已发放户数，不计算完成率），发放金额")
                .doesNotContain("临泽县发放0户");
        // a county that left 线上发放 blank is not said to pay offline, and no 各县区均 is claimed
        assertThat(text).contains("填报了线上发放户数的县区均实现了线上发放补贴。高台县月报未填写其中线上发放户数。")
                .doesNotContain("高台县尚未全部实现线上发放补贴").doesNotContain("各县区均实现了线上发放补贴");
        BulletinTable subsidy = bulletin.tables().stream().filter(t -> t.title().contains("租赁补贴")).findFirst().orElseThrow();
        assertThat(subsidy.row("临泽县")).contains("未填").doesNotContain("0", "0.0%");
        assertThat(subsidy.note()).contains("“未填”表示该单位已报送本月月报但未填写该项（不是0）");
    }

    @Autowired
    org.anju.bulletin.MonthlyReports monthlyReports;

    @Test
    void theMonthlyReportSays未填ForFundsAReportingUnitLeftBlank() {
        // the demo's 市本级 reported December and gave no fund figure (review 25 M4: the 月报告 said 未报)
        ProgressSummary cityLevel = progress.children(CITY, DECEMBER).stream()
                .filter(c -> c.regionName().contains("本级")).findFirst().orElseThrow();
        assertThat(cityLevel.unreported()).isFalse();
        assertThat(cityLevel.actual("HOUSING.FUND_RECEIVED.YUAN_10K")).isNull();
        Bulletin report = monthlyReports.compose(cityLevel.regionCode(), DECEMBER);
        String funds = String.join("", report.sections().get(2).paragraphs());
        assertThat(funds).contains("资金到位未填，拨付未填，拨付率—；支出未填").doesNotContain("未报");
    }

    @Test
    void thePagesPrint未填() throws Exception {
        String page = mvc.perform(get("/supervision").param("region", CITY).param("period", "2023-12")
                        .param("indicator", ISSUED).with(TestUsers.as(TestUsers.ZHANGYE_ADMIN)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        String row = page.substring(page.indexOf("id=\"rank-" + LINZE + "\""));
        row = row.substring(0, row.indexOf("</tr>"));
        assertThat(row).contains("未填").contains("月报未填该项").doesNotContain("0.0%");

        // the county's own dashboard shows its 发放完成率 as 未填 beside the task, not left out and not 0.0%
        String dashboard = mvc.perform(get("/dashboard").param("region", LINZE).param("period", "2023-12")
                        .with(TestUsers.as(TestUsers.ZHANGYE_ADMIN)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        String card = dashboard.substring(dashboard.indexOf("id=\"rate-" + ISSUED + "\""));
        card = card.substring(0, card.indexOf("</a>"));
        assertThat(card).contains("未填").doesNotContain("0.0%");

        // the city's bar chart of its counties names the gap (review 25 L2)
        String city = mvc.perform(get("/dashboard").param("region", CITY).param("period", "2023-12").param("indicator", ISSUED)
                        .with(TestUsers.as(TestUsers.ZHANGYE_ADMIN)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(city).contains("临泽县（未填）");
    }
}
