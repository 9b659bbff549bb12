package org.anju.bulletin;

import org.anju.AnjuTest;
import org.anju.TestUsers;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.web.context.WebApplicationContext;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

/**
 * The 月报告 through the web with the demo accounts: 章贡区's (demo ledger items of 章贡区) as page, JSON and Word for the
 * county and its city; a sibling city is refused; a malformed month is a 400 in Chinese.
 */
@AnjuTest
@TestPropertySource(properties = "anju.test.database=monthly_report_web")
class MonthlyReportWebTest {

    @Autowired
    WebApplicationContext context;

    MockHttpServletResponse call(MockMvc mvc, String url) throws Exception {
        return mvc.perform(get(url)).andReturn().getResponse();
    }

    @Test
    void pageJsonAndWordForTheRegionAndTheLevelAbove() throws Exception {
        MockMvc county = TestUsers.mvc(context, TestUsers.COUNTY_ADMIN);
        MockMvc city = TestUsers.mvc(context, TestUsers.OTHER_CITY_ADMIN);     // gz_admin: 赣州市, above 章贡区
        MockMvc otherCity = TestUsers.mvc(context, TestUsers.CITY_ADMIN);      // sr_admin: 上饶市
        var page = call(county, "/bulletins/monthly-report?region=360702&period=2023-12");
        assertThat(page.getStatus()).isEqualTo(200);
        String html = page.getContentAsString(StandardCharsets.UTF_8);
        assertThat(html).contains("2023年12月章贡区棚户区改造等工作月报告", "一、棚户区改造", "二、房屋征收", "三、棚改资金筹集",
                "四、解决棚改逾期未安置问题整改", "/api/monthly-reports/360702/2023-12/docx");

        var json = call(city, "/api/monthly-reports/360702/2023-12");
        assertThat(json.getStatus()).isEqualTo(200);
        assertThat(json.getContentAsString(StandardCharsets.UTF_8)).contains("\"title\":\"2023年12月章贡区棚户区改造等工作月报告\"");

        var docx = call(city, "/api/monthly-reports/360702/2023-12/docx");
        assertThat(docx.getStatus()).isEqualTo(200);
        assertThat(docx.getContentType()).isEqualTo(BulletinController.DOCX.toString());
        assertThat(docx.getHeader("Content-Disposition")).contains("attachment");
        try (XWPFDocument doc = new XWPFDocument(new ByteArrayInputStream(docx.getContentAsByteArray()))) {
            assertThat(doc.getParagraphs()).extracting(XWPFParagraph::getText)
                    .contains("2023年12月章贡区棚户区改造等工作月报告", "四、解决棚改逾期未安置问题整改");
        }

        var refused = call(otherCity, "/api/monthly-reports/360702/2023-12");
        assertThat(refused.getStatus()).isEqualTo(403);
        assertThat(refused.getContentAsString(StandardCharsets.UTF_8)).contains("无权查看章贡区的月报告");
        assertThat(call(county, "/api/monthly-reports/360702/2023-13").getStatus()).isEqualTo(400);
    }
}
