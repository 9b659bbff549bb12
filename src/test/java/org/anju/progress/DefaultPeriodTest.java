package org.anju.progress;

import org.anju.AnjuTest;
import org.anju.TestUsers;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * One default month (issue 14): dashboard, 进度汇总, 督导, 通报, 月报 and 项目库 open on the latest month in which the
 * user's region reported — not this month, not each page's own — and show it in their month field.
 */
@AnjuTest
@AutoConfigureMockMvc
@TestPropertySource(properties = "anju.test.database=lists14")
class DefaultPeriodTest {

    static final Pattern MONTH = Pattern.compile("id=\"period\" name=\"period\" type=\"month\" value=\"(\\d{4}-\\d{2})\"");

    @Autowired
    MockMvc mvc;
    @Autowired
    PageContext context;

    String month(String path, RequestPostProcessor who) throws Exception {
        String html = mvc.perform(get(path).with(who)).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        Matcher m = MONTH.matcher(html);
        assertThat(m.find()).as(path + " shows its month").isTrue();
        return m.group(1);
    }

    @Test
    void everyAnalysisPageOpensOnTheLatestReportedMonthOfTheUsersRegion() throws Exception {
        RequestPostProcessor reporter = TestUsers.as(TestUsers.GANZHOU_DISTRICT_REPORTER);
        // 甘州区 reports March 2022 (submitted) and has a later draft (not reported: does not count)
        mvc.perform(put("/api/reports/620702/2022-03").contentType(MediaType.APPLICATION_JSON)
                .content("{\"version\":0,\"values\":[{\"indicatorCode\":\"RENTAL_SUBSIDY.ISSUE.HOUSEHOLD\",\"value\":5}]}")
                .with(reporter)).andExpect(status().isOk());
        mvc.perform(post("/api/reports/620702/2022-03/submit").contentType(MediaType.APPLICATION_JSON)
                .content("{\"version\":1}").with(reporter)).andExpect(status().isOk());
        RequestPostProcessor city = TestUsers.as(TestUsers.ZHANGYE_ADMIN);
        Map<String, String> months = new LinkedHashMap<>();
        for (String path : List.of("/dashboard", "/progress", "/supervision", "/bulletins", "/reports")) {
            months.put(path, month(path, city));
        }
        // the latest reported month of 张掖市, whatever other tests of this database reported later
        String latest = months.get("/dashboard");
        assertThat(months.values()).as("the same month on every page: " + months).containsOnly(latest);
        assertThat(latest).as("a reported month, not this month").isGreaterThanOrEqualTo("2022-03")
                .isLessThan(java.time.YearMonth.now(org.anju.platform.ChinaTime.ZONE).toString());
        // another region's page read by the same user opens on the same month (the user's region's)
        assertThat(month("/dashboard?region=620722", city)).isEqualTo(latest);
        // a region where nothing was reported: last month
        assertThat(month("/dashboard", TestUsers.as("dp_viewer", "450000", org.anju.account.Role.VIEWER)))
                .isEqualTo(java.time.YearMonth.now(org.anju.platform.ChinaTime.ZONE).minusMonths(1).toString());
    }
}
