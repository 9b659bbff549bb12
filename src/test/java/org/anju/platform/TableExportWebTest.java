package org.anju.platform;

import org.anju.SeedDataTest;
import org.anju.TestUsers;
import org.anju.progress.Progress;
import org.anju.progress.ProgressSummary;
import org.anju.progress.Rates;
import org.anju.supervision.RankedUnit;
import org.anju.supervision.Ranking;
import org.anju.supervision.Supervision;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.PrintSetup;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Every analysis page's 导出Excel (issue 14) on the demo's Zhangye 2023-12 data: the workbook downloads, opens with
 * POI, holds the figures the page shows for the same parameters (numbers as numbers, rates as 0.0% numbers), and
 * the page links to it and has a 打印 button. Refusals stay refusals: a bad month is a 400, a region outside the
 * user's a 403.
 */
@SeedDataTest
class TableExportWebTest {

    static final YearMonth DEC = YearMonth.of(2023, 12);
    static final String DISBURSED = "HOUSING.FUND_DISBURSED.YUAN_10K";
    static final String CITY = "620700";

    @Autowired
    MockMvc mvc;
    @Autowired
    Progress progress;
    @Autowired
    Supervision supervision;

    XSSFWorkbook xlsx(MockHttpServletRequestBuilder request, String user) throws Exception {
        byte[] body = mvc.perform(request.with(TestUsers.as(user)))
                .andExpect(status().isOk())
                .andExpect(content().contentType(TableXlsx.XLSX))
                .andExpect(header().string("Content-Disposition", org.hamcrest.Matchers.containsString("attachment")))
                .andReturn().getResponse().getContentAsByteArray();
        return new XSSFWorkbook(new ByteArrayInputStream(body));
    }

    String html(MockHttpServletRequestBuilder request, String user) throws Exception {
        return mvc.perform(request.with(TestUsers.as(user))).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString();
    }

    /** The body row whose first cell is {@code label}. */
    static Row row(Sheet sheet, String label) {
        for (Row r : sheet) {
            if (r.getCell(0) != null && r.getCell(0).getCellType() == CellType.STRING
                    && r.getCell(0).getStringCellValue().equals(label)) {
                return r;
            }
        }
        throw new AssertionError(sheet.getSheetName() + " has no row " + label);
    }

    /** The column whose header cell (in any header row) reads {@code text}. */
    static int column(Sheet sheet, String text) {
        for (Row r : sheet) {
            for (var c : r) {
                if (c.getCellType() == CellType.STRING && c.getStringCellValue().equals(text)) {
                    return c.getColumnIndex();
                }
            }
        }
        throw new AssertionError(sheet.getSheetName() + " has no column " + text);
    }

    static void assertRate(org.apache.poi.ss.usermodel.Cell cell, BigDecimal percent) {
        assertThat(cell.getCellType()).as("a rate is a number").isEqualTo(CellType.NUMERIC);
        assertThat(cell.getCellStyle().getDataFormatString()).isEqualTo("0.0%");
        assertThat(BigDecimal.valueOf(cell.getNumericCellValue()).movePointRight(2)).isEqualByComparingTo(percent);
    }

    /** The text of the table cells of the HTML row with this id. */
    static List<String> htmlRow(String page, String id) {
        int at = page.indexOf("id=\"" + id + "\"");
        assertThat(at).as("row " + id).isPositive();
        String row = page.substring(at, page.indexOf("</tr>", at));
        List<String> cells = new ArrayList<>();
        Matcher m = Pattern.compile("<td[^>]*>(.*?)</td>", Pattern.DOTALL).matcher(row);
        while (m.find()) {
            cells.add(m.group(1).replaceAll("<[^>]+>", "").strip());
        }
        return cells;
    }

    @Test
    void progressExportsTheFiguresThePageShows() throws Exception {
        ProgressSummary city = progress.summary(progress.region(CITY), DEC);
        String page = html(get("/progress").param("region", CITY).param("period", "2023-12"), TestUsers.ZHANGYE_ADMIN);
        assertThat(page).contains("/progress?region=620700&amp;period=2023-12&amp;format=xlsx").contains("导出Excel")
                .contains("class=\"btn secondary print-page\"");
        List<String> shown = htmlRow(page, "line-" + DISBURSED);
        try (XSSFWorkbook wb = xlsx(get("/progress").param("region", CITY).param("period", "2023-12").param("format", "xlsx"),
                TestUsers.ZHANGYE_ADMIN)) {
            Sheet s = wb.getSheet("进度汇总");
            assertThat(s.getRow(0).getCell(0).getStringCellValue()).isEqualTo("张掖市2023年1—12月保障性安居工程进度汇总表");
            assertThat(s.getRow(1).getCell(0).getStringCellValue()).startsWith("填报单位：张掖市　截止日期：2023年12月31日");
            Row line = null;
            for (Row r : s) {
                if (r.getCell(1) != null && r.getCell(1).getCellType() == CellType.STRING
                        && r.getCell(1).getStringCellValue().equals(shown.get(1)) && r.getCell(0).getStringCellValue().equals(shown.get(0))) {
                    line = r;
                }
            }
            assertThat(line).as("the 拨付 line").isNotNull();
            // 累计完成 and 比率: the page's text, the workbook's numbers
            assertThat(line.getCell(2).getCellType()).isEqualTo(CellType.NUMERIC);
            assertThat(Rates.figure(BigDecimal.valueOf(line.getCell(2).getNumericCellValue()))).isEqualTo(shown.get(2));
            assertThat(BigDecimal.valueOf(line.getCell(2).getNumericCellValue())).isEqualByComparingTo(city.actual(DISBURSED));
            assertRate(line.getCell(5), city.rate(DISBURSED));
            assertThat(shown.get(4)).endsWith(Rates.format(city.rate(DISBURSED)));
            // the counties' rates, one row each, as the page's drill-down table
            Sheet children = wb.getSheet("下级单位");
            ProgressSummary ganzhou = progress.summary(progress.region("620702"), DEC);
            String label = org.anju.progress.ProgressLine.rateLabels(city.lines().stream().filter(l -> l.rateName() != null).toList())
                    .get(DISBURSED);
            assertRate(row(children, "甘州区").getCell(column(children, label)), ganzhou.rate(DISBURSED));
            assertThat(children.getPrintSetup().getPaperSize()).isEqualTo(PrintSetup.A4_PAPERSIZE);
            assertThat(children.getRepeatingRows()).isNotNull();
        }
    }

    @Test
    void supervisionExportsTheRankingThePageShows() throws Exception {
        String page = html(get("/supervision").param("region", CITY).param("period", "2023-12").param("indicator", DISBURSED),
                TestUsers.ZHANGYE_ADMIN);
        assertThat(page).contains("format=xlsx").contains("print-page");
        Ranking ranking = supervision.ranking(CITY, DEC, DISBURSED, false);
        assertThat(ranking.units()).isNotEmpty();
        try (XSSFWorkbook wb = xlsx(get("/supervision").param("region", CITY).param("period", "2023-12")
                .param("indicator", DISBURSED).param("format", "xlsx"), TestUsers.ZHANGYE_ADMIN)) {
            Sheet s = wb.getSheet("排名");
            assertThat(wb.getSheet("低于序时进度")).isNotNull();
            assertThat(wb.getSheet("年底预计")).isNotNull();
            // 逾期未交付: the promised date written the official way, on the page and in the sheet alike
            Sheet overdue = wb.getSheet("逾期未交付");
            String table = page.substring(page.indexOf("id=\"overdue-deliveries\""));
            table = table.substring(0, table.indexOf("</table>"));
            int dated = 0;
            for (int i = 3; i <= overdue.getLastRowNum(); i++) {
                if (overdue.getRow(i).getCell(3) == null) {
                    continue; // the note under the table
                }
                dated++;
                String due = overdue.getRow(i).getCell(3).getStringCellValue();
                assertThat(due).matches("\\d{4}年\\d{1,2}月\\d{1,2}日");
                assertThat(table).contains("<td>" + due + "</td>");
            }
            assertThat(dated).as("seed 004's overdue projects").isPositive();
            for (RankedUnit u : ranking.units()) {
                List<String> shown = htmlRow(page, "rank-" + u.regionCode());
                Row r = null;
                for (Row x : s) {
                    if (x.getCell(1) != null && x.getCell(1).getStringCellValue().equals(u.regionName())) {
                        r = x;
                    }
                }
                assertThat(r).as(u.regionName()).isNotNull();
                assertThat(r.getCell(0).getNumericCellValue()).isEqualTo(Double.parseDouble(shown.get(0)));
                assertRate(r.getCell(4), u.rate());
                assertThat(shown.get(4)).isEqualTo(u.rateText());
            }
        }
    }

    /**
     * A county's 低于序时进度 sheet lists what its page lists — the county itself included (the export used to read
     * only the units below it, so a county's sheet was empty while its page named it).
     */
    @Test
    void aCountysLaggingSheetHasThePagesRows() throws Exception {
        String county = null;
        List<org.anju.supervision.LaggingUnit> onPage = List.of();
        for (String code : List.of("620702", "620721", "620722", "620723", "620724", "620725")) {
            onPage = supervision.laggingOnPage(code, DEC);
            if (!onPage.isEmpty() && onPage.getFirst().regionName().equals(progress.region(code).name())) {
                county = code;
                break;
            }
        }
        assertThat(county).as("a Zhangye county behind schedule in 2023-12").isNotNull();
        String page = html(get("/supervision").param("region", county).param("period", "2023-12"), TestUsers.ZHANGYE_ADMIN);
        String list = page.substring(page.indexOf("id=\"lagging-units\""));
        list = list.substring(0, list.indexOf("</ul>"));
        List<String> shown = new ArrayList<>();
        Matcher m = Pattern.compile("<li>(.*?)</li>", Pattern.DOTALL).matcher(list);
        while (m.find()) {
            shown.add(m.group(1).strip());
        }
        assertThat(shown).hasSize(onPage.size());
        try (XSSFWorkbook wb = xlsx(get("/supervision").param("region", county).param("period", "2023-12").param("format", "xlsx"),
                TestUsers.ZHANGYE_ADMIN)) {
            Sheet s = wb.getSheet("低于序时进度");
            // title, unit line, header, then one row per line of the page's list, in its order
            assertThat(s.getLastRowNum() - 2).isEqualTo(shown.size());
            for (int i = 0; i < onPage.size(); i++) {
                org.anju.supervision.LaggingUnit l = onPage.get(i);
                Row r = s.getRow(3 + i);
                assertThat(shown.get(i)).startsWith(r.getCell(0).getStringCellValue()).isEqualTo(l.message());
                assertThat(r.getCell(1).getStringCellValue()).isEqualTo(l.indicatorName());
                assertRate(r.getCell(3), l.rate());
            }
            assertThat(s.getRow(3).getCell(0).getStringCellValue()).as("the county itself first")
                    .isEqualTo(progress.region(county).name());
        }
    }

    @Test
    void dashboardReportsAndInboxExportTheirTables() throws Exception {
        String dashboard = html(get("/dashboard").param("region", CITY).param("period", "2023-12"), TestUsers.ZHANGYE_ADMIN);
        assertThat(dashboard).contains("/dashboard?region=620700&amp;period=2023-12&amp;format=xlsx");
        int shownChildren = dashboard.split("id=\"child-", -1).length - 1;
        try (XSSFWorkbook wb = xlsx(get("/dashboard").param("region", CITY).param("period", "2023-12").param("format", "xlsx"),
                TestUsers.ZHANGYE_ADMIN)) {
            ProgressSummary city = progress.summary(progress.region(CITY), DEC);
            Sheet s = wb.getSheet("进度概览");
            String label = org.anju.progress.ProgressLine.rateLabels(city.lines().stream().filter(l -> l.rateName() != null).toList())
                    .get(DISBURSED);
            // the rate card of 拨付率: the page's text, the workbook's number
            String card = dashboard.substring(dashboard.indexOf("id=\"rate-" + DISBURSED + "\""));
            assertThat(card.substring(0, card.indexOf("</a>"))).contains(Rates.format(city.rate(DISBURSED)));
            assertRate(row(s, label).getCell(4), city.rate(DISBURSED));
            Sheet children = wb.getSheet("下级单位");
            // title, unit line, one header row, then one row per unit the page lists
            assertThat(children.getLastRowNum() - 2).isEqualTo(shownChildren);
            assertThat(shownChildren).isGreaterThan(3);
            ProgressSummary ganzhou = progress.summary(progress.region("620702"), DEC);
            assertRate(row(children, "甘州区").getCell(column(children, label)), ganzhou.rate(DISBURSED));
        }
        // a county: its own projects, all of them
        try (XSSFWorkbook wb = xlsx(get("/dashboard").param("period", "2023-12").param("format", "xlsx"),
                TestUsers.GANZHOU_DISTRICT_REPORTER)) {
            assertThat(wb.getSheet("本单位项目")).isNotNull();
        }
        String reportsPage = html(get("/reports").param("region", CITY).param("period", "2023-12"), TestUsers.ZHANGYE_ADMIN);
        // the page's filters ride along (empty here)
        assertThat(reportsPage).contains("/reports?region=620700&amp;period=2023-12&amp;status=&amp;q=&amp;format=xlsx");
        try (XSSFWorkbook wb = xlsx(get("/reports").param("region", CITY).param("period", "2023-12").param("format", "xlsx"),
                TestUsers.ZHANGYE_ADMIN)) {
            Sheet s = wb.getSheet("报送完整率");
            Row total = row(s, "张掖市");
            // the page's first completeness row: 应报, 已上报 … 完整率
            String table = reportsPage.substring(reportsPage.indexOf("id=\"report-completeness\""));
            Matcher m = Pattern.compile("<td class=\"num\">([^<]*)</td>").matcher(table);
            assertThat(m.find()).isTrue();
            assertThat(total.getCell(1).getNumericCellValue()).isEqualTo(Double.parseDouble(m.group(1)));
            assertThat(total.getCell(6).getCellStyle().getDataFormatString()).isEqualTo("0.0%");
            assertThat(total.getCell(6).getNumericCellValue()).isEqualTo(1.0);
            Sheet units = wb.getSheet("填报单位");
            assertThat(row(units, "甘州区").getCell(1).getStringCellValue()).isEqualTo(htmlRow(reportsPage, "unit-620702").get(1));
        }
        String inboxPage = html(get("/inbox").param("period", "2023-12"), TestUsers.ZHANGYE_ADMIN);
        assertThat(inboxPage).contains("/inbox?period=2023-12&amp;format=xlsx");
        try (XSSFWorkbook wb = xlsx(get("/inbox").param("period", "2023-12").param("format", "xlsx"), TestUsers.ZHANGYE_ADMIN)) {
            Sheet s = wb.getSheet("下级单位报送情况");
            assertThat(row(s, "甘州区").getCell(1).getStringCellValue()).isEqualTo(htmlRow(inboxPage, "unit-620702").get(1));
        }
        try (XSSFWorkbook wb = xlsx(get("/ledger/overview").param("format", "xlsx"), TestUsers.ZHANGYE_ADMIN)) {
            assertThat(wb.getNumberOfSheets()).isEqualTo(4);
            assertThat(wb.getSheet("整改率")).isNotNull();
        }
    }

    /**
     * A county's 本单位项目 sheet writes 开工 and 基本建成 as its page shows them: dates the official way, and 未开工
     * for a project started after the chosen month (甘州区's old-community project started 2023-04-15: in March it
     * had not).
     */
    @Test
    void aCountysProjectSheetWritesDatesAsThePageShowsThem() throws Exception {
        java.util.Map<String, String> started = new java.util.HashMap<>();
        for (String month : List.of("2023-03", "2023-12")) {
            String page = html(get("/dashboard").param("period", month), TestUsers.GANZHOU_DISTRICT_REPORTER);
            Matcher ids = Pattern.compile("id=\"(project-\\d+)\"").matcher(page);
            List<List<String>> shown = new ArrayList<>();
            while (ids.find()) {
                shown.add(htmlRow(page, ids.group(1)));
            }
            assertThat(shown).isNotEmpty();
            try (XSSFWorkbook wb = xlsx(get("/dashboard").param("period", month).param("format", "xlsx"),
                    TestUsers.GANZHOU_DISTRICT_REPORTER)) {
                Sheet s = wb.getSheet("本单位项目");
                for (List<String> cells : shown) {
                    Row r = row(s, cells.get(0));
                    assertThat(r.getCell(2).getStringCellValue()).as(month + " 开工").isEqualTo(cells.get(2));
                    assertThat(r.getCell(3).getStringCellValue()).as(month + " 基本建成").isEqualTo(cells.get(3));
                    assertThat(cells.get(2)).matches("未开工|\\d{4}年\\d{1,2}月\\d{1,2}日");
                }
                started.put(month, row(s, "2023年甘州区城镇老旧小区改造项目（30个小区）").getCell(2).getStringCellValue());
            }
        }
        assertThat(started).containsEntry("2023-03", "未开工").containsEntry("2023-12", "2023年4月15日");
    }

    /** The inbox export names the reviewer as the page does (not the username) and writes the deadline the official way. */
    @Test
    void theInboxExportNamesPeopleAndWritesChineseDates() throws Exception {
        String page = html(get("/inbox").param("period", "2023-12"), TestUsers.ZHANGYE_ADMIN);
        List<String> shown = htmlRow(page, "unit-620702");
        assertThat(shown.get(3)).as("the reviewer on the page").isNotBlank();
        try (XSSFWorkbook wb = xlsx(get("/inbox").param("period", "2023-12").param("format", "xlsx"), TestUsers.ZHANGYE_ADMIN)) {
            Sheet s = wb.getSheet("下级单位报送情况");
            int reviewer = column(s, "审核人");
            assertThat(row(s, "甘州区").getCell(reviewer).getStringCellValue()).isEqualTo(shown.get(3))
                    .isNotEqualTo("system");
            assertThat(s.getRow(1).getCell(0).getStringCellValue()).matches("审核单位：张掖市　报送期限：\\d{4}年\\d{1,2}月\\d{1,2}日");
        }
    }

    @Test
    void badParametersAndForeignRegionsAreRefusedNotExported() throws Exception {
        for (String path : List.of("/progress", "/supervision", "/dashboard", "/reports")) {
            mvc.perform(get(path).param("period", "2023-13").param("format", "xlsx").with(TestUsers.as(TestUsers.ZHANGYE_ADMIN)))
                    .andExpect(status().isBadRequest());
            mvc.perform(get(path).param("region", CITY).param("format", "xlsx").with(TestUsers.as(TestUsers.GANZHOU_DISTRICT_REPORTER)))
                    .andExpect(status().isForbidden());
        }
        mvc.perform(get("/inbox").param("format", "xlsx").with(TestUsers.as(TestUsers.GANZHOU_DISTRICT_REPORTER)))
                .andExpect(status().isForbidden());
    }

    @Test
    void theApiDocsGroupsAreAllChinese() throws Exception {
        String docs = mvc.perform(get("/v3/api-docs").with(TestUsers.as(TestUsers.PROVINCE_ADMIN))).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        var json = tools.jackson.databind.json.JsonMapper.builder().build().readTree(docs);
        List<String> tags = new ArrayList<>();
        json.get("paths").forEach(p -> p.forEach(op -> {
            if (op.has("tags")) {
                op.get("tags").forEach(t -> tags.add(t.asString()));
            }
        }));
        assertThat(tags).isNotEmpty();
        assertThat(tags.stream().distinct().filter(t -> !t.matches(".*\\p{IsHan}.*")).toList())
                .as("tags without a Chinese name").isEmpty();
    }
}
