package org.anju.progress;

import org.anju.SeedDataTest;
import org.anju.TestUsers;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.web.context.WebApplicationContext;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasSize;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The demo's Zhangye 2023-12 figures through the REST API and the Chinese pages (read only), as the 张掖市
 * viewer; the province's figures as the national viewer. Nobody reads outside their subtree.
 */
@SeedDataTest
class ProgressWebTest {

    @Autowired
    WebApplicationContext context;

    /** As the 张掖市 viewer. */
    MockMvc mvc;
    /** As the national viewer. */
    MockMvc national;

    @BeforeEach
    void signIn() {
        mvc = TestUsers.mvc(context, TestUsers.ZHANGYE_VIEWER);
        national = TestUsers.mvc(context, TestUsers.NATIONAL_VIEWER);
    }

    @Test
    void rollupRankingAndBulletinOverRest() throws Exception {
        mvc.perform(get("/api/progress/620700/2023-12")).andExpect(status().isOk())
                .andExpect(jsonPath("$.regionName").value("张掖市"))
                .andExpect(jsonPath("$.lines[?(@.indicatorCode == 'RENTAL_SUBSIDY.ISSUE.HOUSEHOLD')].rate").value(101.2))
                .andExpect(jsonPath("$.lines[?(@.indicatorCode == 'HOUSING.FUND_DISBURSED.YUAN_10K')].rateName").value("拨付率"));
        mvc.perform(get("/api/progress/620000/2023-12")).andExpect(status().isForbidden());
        national.perform(get("/api/progress/620000/2023-12")).andExpect(status().isOk())
                .andExpect(jsonPath("$.lines[?(@.indicatorCode == 'RENTAL_SUBSIDY.ISSUE.HOUSEHOLD')].actual").value(2532));
        mvc.perform(get("/api/progress/620700/2023-12/children")).andExpect(status().isOk())
                .andExpect(jsonPath("$", hasSize(7)));
        mvc.perform(get("/api/supervision/620700/2023-12/ranking").param("indicator", "HOUSING.FUND_DISBURSED.YUAN_10K"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.average").value(59.5))
                .andExpect(jsonPath("$.units[0].regionName").value("民乐县"))
                .andExpect(jsonPath("$.units[0].rank").value(1))
                .andExpect(jsonPath("$.units[?(@.belowAverage == true)]", hasSize(3)));
        mvc.perform(get("/api/supervision/620700/2023-12/stalled")).andExpect(status().isOk())
                .andExpect(jsonPath("$[*].name", org.hamcrest.Matchers.hasItem("高台县长征路62套棚户区改造项目")));
        mvc.perform(get("/api/reports/completeness").param("region", "620700").param("period", "2023-12"))
                .andExpect(status().isOk()).andExpect(jsonPath("$[0].expected").value(7))
                .andExpect(jsonPath("$[0].approved").value(7));
        mvc.perform(get("/api/bulletins/620700/2023-12")).andExpect(status().isOk())
                .andExpect(jsonPath("$.title").value("关于2023年1—12月全市保障性安居工程进展情况的通报"))
                .andExpect(jsonPath("$.tables", hasSize(3)));
        mvc.perform(get("/api/bulletins/620700/2023-12/docx")).andExpect(status().isOk())
                .andExpect(header().string("Content-Disposition", containsString("filename*=UTF-8''")));
        mvc.perform(get("/api/progress/620700/2023-13")).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.detail").value("参数 period（月份）的值「2023-13」不对：应为 2023-12、2023年12月 或 202312"));
        mvc.perform(get("/api/progress/999999/2023-12")).andExpect(status().isNotFound());
    }

    @Test
    void pagesAreChineseAndCarryTheFigures() throws Exception {
        mvc.perform(get("/progress").param("region", "620700").param("period", "2023-12")).andExpect(status().isOk())
                .andExpect(content().string(containsString("id=\"progress-table\"")))
                .andExpect(content().string(containsString("拨付率 59.5%")))
                .andExpect(content().string(containsString("甘州区")));
        mvc.perform(get("/projects").param("region", "620700").param("period", "2023-12")).andExpect(status().isOk())
                .andExpect(content().string(containsString("山丹县2023年李桥乡80套保障性租赁住房项目")))
                .andExpect(content().string(containsString("（续建结转）")));
        mvc.perform(get("/reports").param("region", "620700").param("period", "2023-12")).andExpect(status().isOk())
                .andExpect(content().string(containsString("id=\"report-completeness\"")))
                .andExpect(content().string(containsString("已审核")));
        mvc.perform(get("/reports/620702/2023-12")).andExpect(status().isOk())
                .andExpect(content().string(containsString("id=\"report-form\"")))
                .andExpect(content().string(containsString("value=\"1078\"")));
        mvc.perform(get("/supervision").param("region", "620700").param("period", "2023-12")
                        .param("indicator", "HOUSING.FUND_DISBURSED.YUAN_10K")).andExpect(status().isOk())
                .andExpect(content().string(containsString("低于平均水平")))
                .andExpect(content().string(containsString("echarts.min.js")))
                .andExpect(content().string(containsString("已开工但前期手续尚未办结")));
        mvc.perform(get("/bulletins").param("region", "620700").param("period", "2023-12")).andExpect(status().isOk())
                .andExpect(content().string(containsString("关于2023年1—12月全市保障性安居工程进展情况的通报")))
                .andExpect(content().string(containsString("租赁补贴发放情况")));
        national.perform(get("/progress")).andExpect(status().isOk())
                .andExpect(content().string(containsString("全国")));
        // by default the viewer's own region; the breadcrumb starts there, never above it
        mvc.perform(get("/progress")).andExpect(status().isOk())
                .andExpect(content().string(containsString("张掖市")))
                .andExpect(content().string(org.hamcrest.Matchers.not(containsString("甘肃省"))));
        mvc.perform(get("/projects").param("region", "361100")).andExpect(status().isForbidden());
    }

    @Test
    void viewersAreOfferedNoImportForms() throws Exception {
        for (String page : java.util.List.of("/projects", "/reports")) {
            String form = page.equals("/projects") ? "project-import-form" : "report-import-form";
            mvc.perform(get(page).param("region", "620700").param("period", "2023-12")).andExpect(status().isOk())
                    .andExpect(content().string(org.hamcrest.Matchers.not(containsString("id=\"" + form + "\""))));
            TestUsers.mvc(context, TestUsers.ZHANGYE_ADMIN).perform(get(page).param("region", "620700").param("period", "2023-12"))
                    .andExpect(status().isOk()).andExpect(content().string(containsString("id=\"" + form + "\"")));
        }
    }

    @Test
    void whereAProgramHasOneRateInSeveralMeasuresTheColumnsSayWhich() throws Exception {
        // old communities start by 小区, 户 and 栋: three 开工率 columns told apart
        national.perform(get("/dashboard").param("region", "620000").param("period", "2023-12")).andExpect(status().isOk())
                .andExpect(content().string(containsString("城镇老旧小区改造开工率（户）")))
                .andExpect(content().string(containsString("城镇老旧小区改造开工率（个）")))
                .andExpect(content().string(containsString(">保障性租赁住房开工率<")));
    }
}
