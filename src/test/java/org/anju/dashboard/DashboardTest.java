package org.anju.dashboard;

import org.anju.SeedDataTest;
import org.anju.TestUsers;
import org.anju.progress.Progress;
import org.anju.progress.ProgressSummary;
import org.anju.progress.Rates;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

import java.time.YearMonth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** The home page on the demo's Zhangye 2023 data: the city's rates, its counties to drill into, a county's own view. */
@SeedDataTest
class DashboardTest {

    static final YearMonth DECEMBER = YearMonth.of(2023, 12);
    static final String DISBURSED = "HOUSING.FUND_DISBURSED.YUAN_10K";

    @Autowired
    MockMvc mvc;
    @Autowired
    Progress progress;

    @Test
    void theCitySeesItsRatesItsCountiesAndTheTrend() throws Exception {
        mvc.perform(get("/").with(TestUsers.as(TestUsers.ZHANGYE_ADMIN))).andExpect(redirectedUrl("/dashboard"));
        ProgressSummary city = progress.summary(progress.region("620700"), DECEMBER);
        // 拨付率 = 拨付 ÷ 到位资金 of the city's subtree, as the roll-ups hold them
        String rate = Rates.format(Rates.rate(city.actual(DISBURSED), city.actual("HOUSING.FUND_RECEIVED.YUAN_10K")));
        assertThat(rate).isNotEqualTo(Rates.NONE);
        String page = mvc.perform(get("/dashboard").param("period", "2023-12").param("indicator", DISBURSED)
                        .with(TestUsers.as(TestUsers.ZHANGYE_ADMIN)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("张掖市 2023年12月 进度概览")))
                .andExpect(content().string(containsString("id=\"rate-" + DISBURSED + "\"")))
                .andExpect(content().string(containsString("id=\"child-620702\"")))
                .andExpect(content().string(containsString("/dashboard?region=620702&amp;period=2023-12")))
                .andExpect(content().string(containsString("data-chart=")))
                .andExpect(content().string(not(containsString("甘肃省"))))
                .andReturn().getResponse().getContentAsString();
        String card = page.substring(page.indexOf("id=\"rate-" + DISBURSED + "\""));
        assertThat(card.substring(0, card.indexOf("</a>"))).contains(rate);
        // the bar chart's data: each county's rate, linked to its dashboard; the trend: January to December
        assertThat(page).contains("&quot;kind&quot;:&quot;bar&quot;").contains("&quot;kind&quot;:&quot;line&quot;")
                .contains("12月").contains("/dashboard?region=620725&amp;period=2023-12");
    }

    @Test
    void aCountySeesItsOwnFiguresAndProjectsNothingAbove() throws Exception {
        mvc.perform(get("/dashboard").param("period", "2023-12").with(TestUsers.as(TestUsers.GANZHOU_DISTRICT_REPORTER)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("甘州区 2023年12月 进度概览")))
                .andExpect(content().string(containsString("id=\"own-projects\"")))
                .andExpect(content().string(not(containsString("id=\"children\""))))
                .andExpect(content().string(not(containsString(">张掖市</a>"))));
        mvc.perform(get("/dashboard").param("region", "620700").with(TestUsers.as(TestUsers.GANZHOU_DISTRICT_REPORTER)))
                .andExpect(status().isForbidden());
        mvc.perform(get("/dashboard").param("region", "620700").with(TestUsers.as(TestUsers.OTHER_CITY_ADMIN)))
                .andExpect(status().isForbidden());
        // the city drills down to the county, the breadcrumb leads back to the city and no higher
        mvc.perform(get("/dashboard").param("region", "620702").param("period", "2023-12").with(TestUsers.as(TestUsers.ZHANGYE_ADMIN)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString(">张掖市</a>")))
                .andExpect(content().string(not(containsString(">甘肃省</a>"))));
    }

    /**
     * The demo is honest about itself: whoever can read Zhangye sees the 演示数据 notice (the Jiangxi accounts do not),
     * and its December reports carry plausible submission dates, so 及时率 is 100%, not 0% "submitted today".
     */
    @Test
    void theDemoSaysWhatIsReconstructedAndItsReportsWereOnTime() throws Exception {
        String page = mvc.perform(get("/dashboard").param("period", "2023-12").with(TestUsers.as(TestUsers.ZHANGYE_ADMIN)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(page).contains("id=\"demo-notice\"").contains("演示数据：").contains("项目库中的日期")
                .contains("应报 7，已上报 7，已审核 7（完整率 100.0%，及时率 100.0%）");
        mvc.perform(get("/dashboard").with(TestUsers.as(TestUsers.PROVINCE_ADMIN)))
                .andExpect(status().isOk()).andExpect(content().string(not(containsString("id=\"demo-notice\""))));
    }
}
