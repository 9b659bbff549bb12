package org.anju.supervision;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import org.anju.AnjuTest;
import org.anju.TestUsers;
import org.anju.bulletin.Bulletin;
import org.anju.bulletin.BulletinOptions;
import org.anju.bulletin.BulletinTable;
import org.anju.bulletin.Bulletins;
import org.anju.demo.ProgressDemoData;
import org.anju.progress.Progress;
import org.anju.progress.ProgressSummary;
import org.anju.report.Report;
import org.anju.report.Reports;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.MockMvc;

import java.io.ByteArrayInputStream;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Missing is not zero, on every surface: the demo's Zhangye December with 临泽县's report returned (6 of 7 units
 * reported), and November, which no unit reported.
 */
@AnjuTest
@AutoConfigureMockMvc
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestPropertySource(properties = "anju.test.database=unreported")
class UnreportedTest {

    static final String CITY = "620700";
    static final String LINZE = "620723";
    static final YearMonth DECEMBER = YearMonth.of(2023, 12);
    static final YearMonth NOVEMBER = YearMonth.of(2023, 11);
    static final String ISSUED = "RENTAL_SUBSIDY.ISSUE.HOUSEHOLD";

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
    @Autowired
    JsonMapper json;

    @BeforeAll
    void returnLinze() {
        demo.loadOnce();
        Report linze = reports.get(LINZE, DECEMBER);
        reports.returnReport(LINZE, DECEMBER, linze.version(), "发放户数与台账不符");
    }

    @Test
    void theRollUpSaysHowManyReported() throws Exception {
        ProgressSummary december = progress.summary(CITY, DECEMBER);
        assertThat(december.reported()).isEqualTo(6);
        assertThat(december.expected()).isEqualTo(7);
        assertThat(december.reportingText()).isEqualTo("6/7 报送");
        assertThat(december.line(ISSUED).orElseThrow().unreported()).isFalse();
        // the city's 发放完成率 is over the six that reported — their figures ÷ their own targets — not ÷ all seven
        java.math.BigDecimal actual = java.math.BigDecimal.ZERO;
        java.math.BigDecimal target = java.math.BigDecimal.ZERO;
        for (ProgressSummary county : progress.children(CITY, DECEMBER)) {
            if (!county.unreported() && county.target(ISSUED) != null) {
                actual = actual.add(county.actual(ISSUED));
                target = target.add(county.target(ISSUED));
            }
        }
        assertThat(december.target(ISSUED)).isEqualByComparingTo(target).isLessThan(progress.summary(CITY, NOVEMBER).target(ISSUED));
        assertThat(december.rate(ISSUED)).isEqualByComparingTo(org.anju.progress.Rates.rate(actual, target));

        ProgressSummary november = progress.summary(CITY, NOVEMBER);
        assertThat(november.unreported()).isTrue();
        assertThat(november.line(ISSUED).orElseThrow().rateText()).isEqualTo("未报");
        assertThat(november.line(ISSUED).orElseThrow().actual()).isNull();
        assertThat(november.line(ISSUED).orElseThrow().rate()).as("not 0.0").isNull();

        JsonNode api = json.readTree(mvc.perform(get("/api/progress/" + CITY + "/2023-11").with(TestUsers.as(TestUsers.ZHANGYE_ADMIN)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString());
        assertThat(api.get("reported").asInt()).isZero();
        JsonNode line = find(api.get("lines"), "indicatorCode", ISSUED);
        assertThat(line.get("unreported").asBoolean()).isTrue();
        assertThat(line.get("rate").isNull()).isTrue();

        JsonNode children = json.readTree(mvc.perform(get("/api/progress/" + CITY + "/2023-12/children")
                        .with(TestUsers.as(TestUsers.ZHANGYE_ADMIN)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString());
        JsonNode linze = find(children, "regionCode", LINZE);
        assertThat(linze.get("reported").asInt()).isZero();
        assertThat(find(linze.get("lines"), "indicatorCode", ISSUED).get("unreported").asBoolean()).isTrue();
    }

    @Test
    void theRankingListsTheUnitApartAndLeavesItOutOfTheAverage() {
        Ranking ranking = supervision.ranking(CITY, DECEMBER, ISSUED, false);
        assertThat(ranking.units()).extracting(RankedUnit::regionCode).doesNotContain(LINZE).isNotEmpty();
        assertThat(ranking.unreported()).extracting(Ranking.Unreported::regionName).containsExactly("临泽县");
        assertThat(ranking.unreported().getFirst().statusText()).isEqualTo("未报送");
        // ranked nationally, 甘肃省 (张掖 6 of 7) is a part, not a low rate: apart, with how many reported
        Ranking national = supervision.ranking("000000", DECEMBER, ISSUED, false);
        assertThat(national.units()).extracting(RankedUnit::regionCode).doesNotContain("620000");
        assertThat(national.unreported()).filteredOn(u -> u.regionCode().equals("620000")).singleElement()
                .satisfies(u -> assertThat(u.statusText()).startsWith("部分报送 6/"));
        // the average is the reporting units' Σ actual ÷ Σ target, recomputed here from their own summaries
        java.math.BigDecimal actual = java.math.BigDecimal.ZERO;
        java.math.BigDecimal target = java.math.BigDecimal.ZERO;
        for (RankedUnit u : ranking.units()) {
            ProgressSummary s = progress.summary(u.regionCode(), DECEMBER);
            actual = actual.add(s.actual(ISSUED));
            target = target.add(s.target(ISSUED));
        }
        assertThat(ranking.average()).isEqualByComparingTo(org.anju.progress.Rates.rate(actual, target));
        // a rate whose base is the unit's own figure (拨付率 = 拨付 ÷ 到位) lists it apart too
        assertThat(supervision.ranking(CITY, DECEMBER, "HOUSING.FUND_DISBURSED.YUAN_10K", false).unreported())
                .extracting(Ranking.Unreported::regionName).containsExactly("临泽县");
        assertThat(supervision.reporting(CITY, DECEMBER)).extracting(Supervision.Reporting::text).contains("临泽县未报送");
        assertThat(supervision.lagging(CITY, DECEMBER)).extracting(LaggingUnit::regionCode).doesNotContain(LINZE);
        assertThat(supervision.lagging(CITY, NOVEMBER)).as("nobody reported: nobody lags at 0").isEmpty();
        assertThat(supervision.milestoneAlerts(CITY, NOVEMBER)).isEmpty();
    }

    @Test
    void pagesPrint未报AndChartsLeaveAGap() throws Exception {
        String november = mvc.perform(get("/dashboard").param("period", "2023-11").with(TestUsers.as(TestUsers.ZHANGYE_ADMIN)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        // 完整率 0.0% is a true figure (none of 7 reported); no progress rate may read 0.0%
        assertThat(november).contains("未报").contains("0/7");
        assertThat(november.replaceAll("(?s)<span class=\"muted\" id=\"completeness\">.*?</span>", "")).doesNotContain("0.0%");
        String december = mvc.perform(get("/dashboard").param("period", "2023-12").param("indicator", ISSUED)
                        .with(TestUsers.as(TestUsers.ZHANGYE_ADMIN)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(december).contains("6/7 报送").contains("临泽县（未报）");
        // the table of units: every cell of the unit that did not report says so, whatever the rate's base
        String linzeRow = december.substring(december.indexOf("id=\"child-620723\""));
        linzeRow = linzeRow.substring(0, linzeRow.indexOf("</tr>"));
        assertThat(linzeRow).contains("未报").doesNotContain("0.0%").doesNotContain("<td class=\"num\"></td>");
        // the trend: eleven months nobody reported are gaps (null), not zeros
        assertThat(december).contains("[null,null,null,null,null,null,null,null,null,null,null,");
        String supervisionPage = mvc.perform(get("/supervision").param("period", "2023-12").param("indicator", ISSUED)
                        .with(TestUsers.as(TestUsers.ZHANGYE_ADMIN)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(supervisionPage).contains("临泽县未报送").doesNotContain("各单位本月均未报送");
        // November: nobody reported — "无" behind the 序时进度 heading would read as "nobody behind"
        assertThat(mvc.perform(get("/supervision").param("period", "2023-11").with(TestUsers.as(TestUsers.ZHANGYE_ADMIN)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString())
                .contains("各单位本月均未报送，无法核对");
        String progressPage = mvc.perform(get("/progress").param("region", CITY).param("period", "2023-11")
                        .with(TestUsers.as(TestUsers.ZHANGYE_ADMIN)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(progressPage).contains("未报");
        assertThat(progressPage.replaceAll("(?s)<span class=\"muted\" id=\"completeness\">.*?</span>", "")).doesNotContain("0.0%");
    }

    /** A month that has not begun, or a typo like 0000-01, is no month to report or compose. */
    @Test
    void futureAndImpossibleMonthsAreRefused() throws Exception {
        YearMonth next = YearMonth.now(java.time.ZoneId.of("Asia/Shanghai")).plusMonths(1);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> reports.save(LINZE, next, 0, List.of()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("不能填报未来的月份 " + next);
        // and its form is not opened, empty, to be refused only when the typed figures are saved (new-user trial)
        mvc.perform(get("/reports/" + LINZE + "/" + next).with(TestUsers.as(TestUsers.ZHANGYE_ADMIN)))
                .andExpect(status().isBadRequest())
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.content()
                        .string(org.hamcrest.Matchers.containsString("不能填报未来的月份 " + next)));
        mvc.perform(get("/dashboard").param("period", "0000-01").with(TestUsers.as(TestUsers.ZHANGYE_ADMIN)))
                .andExpect(status().isBadRequest())
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.content()
                        .string(org.hamcrest.Matchers.containsString("年份应在 1990 至 2100 之间")));
    }

    /** A code that names nothing is refused by parameter, not ignored (an empty list would read as "none"). */
    @Test
    void unknownCodesInParametersAreRefused() throws Exception {
        mvc.perform(get("/dashboard").param("period", "2023-12").param("indicator", "FOO")
                        .with(TestUsers.as(TestUsers.ZHANGYE_ADMIN)))
                .andExpect(status().isBadRequest())
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.content()
                        .string(org.hamcrest.Matchers.containsString("参数 indicator 的值「FOO」不对")));
        mvc.perform(get("/projects").param("region", CITY).param("program", "XYZ")
                        .with(TestUsers.as(TestUsers.ZHANGYE_ADMIN)))
                .andExpect(status().isBadRequest())
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.content()
                        .string(org.hamcrest.Matchers.containsString("参数 program 的值「XYZ」不对")));
    }

    @Test
    void theBulletinNamesTheUnitThatDidNotReportInTextAndTables() throws Exception {
        Bulletin bulletin = bulletins.compose(CITY, DECEMBER, new BulletinOptions(null, null, null));
        String text = BulletinText.of(bulletin);
        assertThat(text).contains("临泽县未报送本月数据").contains("7个单位中6个已报送")
                .doesNotContain("临泽县发放0户");
        BulletinTable subsidy = bulletin.tables().stream().filter(t -> t.title().contains("租赁补贴")).findFirst().orElseThrow();
        assertThat(subsidy.row("临泽县")).contains("未报");
        assertThat(subsidy.note()).contains("“未报”表示该单位未报送本月数据（不是0）");

        byte[] xlsx = bulletins.xlsx(CITY, DECEMBER, new BulletinOptions(null, null, null));
        List<String> linzeCells = new ArrayList<>();
        try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
            DataFormatter f = new DataFormatter();
            for (Sheet sheet : wb) {
                for (Row row : sheet) {
                    if (row.getCell(0) != null && f.formatCellValue(row.getCell(0)).equals("临泽县")) {
                        row.forEach(c -> linzeCells.add(f.formatCellValue(c)));
                    }
                }
            }
        }
        assertThat(linzeCells).contains("未报").doesNotContain("0.0%");

        Bulletin november = bulletins.compose(CITY, NOVEMBER, new BulletinOptions(null, null, null));
        assertThat(BulletinText.of(november)).contains("各单位均未报送本月数据").doesNotContain("开工率0.0%");
    }


    private static JsonNode find(JsonNode array, String field, String value) {
        for (JsonNode n : array) {
            if (value.equals(n.get(field).asText())) {
                return n;
            }
        }
        throw new AssertionError(field + "=" + value + " not in " + array);
    }
}
