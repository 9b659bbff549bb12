package org.anju.progress;

import org.anju.AnjuTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.MockMvc;

import java.nio.charset.StandardCharsets;

import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** Writing through the REST API: workflow, 409 on a stale version, 400 naming the bad cells of a file. */
@AnjuTest
@AutoConfigureMockMvc
@TestPropertySource(properties = "anju.test.database=report_api")
class ReportApiTest {

    @Autowired
    MockMvc mvc;

    @Test
    void saveSubmitAndAStaleVersionIs409() throws Exception {
        String body = """
                {"version":0,"values":[{"indicatorCode":"RENTAL_SUBSIDY.ISSUE.HOUSEHOLD","value":120},
                 {"indicatorCode":"HOUSING.FUND_RECEIVED.YUAN_10K","source":"SPECIAL_BOND","value":500}]}""";
        mvc.perform(put("/api/reports/620722/2025-02").contentType(MediaType.APPLICATION_JSON).content(body))
                .andExpect(status().isOk()).andExpect(jsonPath("$.version").value(1)).andExpect(jsonPath("$.status").value("DRAFT"));
        mvc.perform(put("/api/reports/620722/2025-02").contentType(MediaType.APPLICATION_JSON).content(body))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.detail", containsString("已被他人修改，请刷新后重试")));
        mvc.perform(post("/api/reports/620722/2025-02/submit").contentType(MediaType.APPLICATION_JSON).content("{\"version\":1}"))
                .andExpect(status().isOk()).andExpect(jsonPath("$.status").value("SUBMITTED"));
        mvc.perform(post("/api/reports/620722/2025-02/return").contentType(MediaType.APPLICATION_JSON).content("{\"version\":2}"))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.detail").value("退回须填写原因"));
        mvc.perform(get("/api/progress/620700/2025-02")).andExpect(status().isOk())
                .andExpect(jsonPath("$.lines[?(@.indicatorCode == 'HOUSING.FUND_RECEIVED.YUAN_10K')].bySource.SPECIAL_BOND").value(500));
    }

    @Test
    void theEntryPageSavesSubmitsAndRefusesAStaleForm() throws Exception {
        mvc.perform(post("/reports/620725/2025-04/save").with(csrf()).param("version", "0")
                        .param("v:RENTAL_SUBSIDY.ISSUE.HOUSEHOLD", "42").param("v:HOUSING.FUND_RECEIVED.YUAN_10K@CENTRAL_SUBSIDY", "100"))
                .andExpect(status().is3xxRedirection()).andExpect(flash().attribute("message", "已保存"));
        mvc.perform(post("/reports/620725/2025-04/save").with(csrf()).param("version", "0")
                        .param("v:RENTAL_SUBSIDY.ISSUE.HOUSEHOLD", "43"))
                .andExpect(flash().attribute("error", containsString("已被他人修改")));
        mvc.perform(post("/reports/620725/2025-04/save").with(csrf()).param("version", "1")
                        .param("v:RENTAL_SUBSIDY.ISSUE.HOUSEHOLD", "四十"))
                .andExpect(flash().attribute("error", "住房租赁补贴·已发放户数不是数字：四十"));
        mvc.perform(post("/reports/620725/2025-04/submit").with(csrf()).param("version", "1"))
                .andExpect(flash().attribute("message", "已上报"));
        mvc.perform(get("/reports/620725/2025-04")).andExpect(status().isOk())
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.content().string(containsString("已上报")))
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.content().string(containsString("value=\"42\"")));
        mvc.perform(get("/api/progress/620700/2025-04")).andExpect(status().isOk())
                .andExpect(jsonPath("$.lines[?(@.indicatorCode == 'RENTAL_SUBSIDY.ISSUE.HOUSEHOLD')].actual").value(42));
    }

    @Test
    void aProjectIsCreatedOverRestAndEditedOnItsPage() throws Exception {
        String created = mvc.perform(post("/api/projects").contentType(MediaType.APPLICATION_JSON).content("""
                        {"regionCode":"620724","programCode":"SHANTYTOWN","year":2025,"name":"长征路二期","units":40,
                         "plannedInvestment":1200,"startedOn":"2025-05-01"}"""))
                .andExpect(status().isOk()).andExpect(jsonPath("$.version").value(0))
                .andReturn().getResponse().getContentAsString();
        long id = Long.parseLong(created.replaceAll(".*\"id\":(\\d+).*", "$1"));
        mvc.perform(post("/projects/{id}", id).with(csrf()).param("version", "0").param("units", "40")
                        .param("plannedInvestment", "1200").param("startedOn", "2025-05-01").param("basicCompletedOn", "2025-11-20"))
                .andExpect(flash().attribute("message", "已保存"));
        mvc.perform(post("/projects/{id}", id).with(csrf()).param("version", "0").param("units", "41"))
                .andExpect(flash().attribute("error", containsString("已被他人修改，请刷新后重试")));
        mvc.perform(post("/projects/{id}", id).with(csrf()).param("version", "1").param("startedOn", "2025-13-01"))
                .andExpect(flash().attribute("error", "开工日期不是日期（如 2023-06-30）：2025-13-01"));
        mvc.perform(get("/api/projects/{id}", id)).andExpect(status().isOk())
                .andExpect(jsonPath("$.project.basicCompletedOn").value("2025-11-20"))
                .andExpect(jsonPath("$.project.units").value(40));
        mvc.perform(put("/api/projects/{id}/progress/2025-11", id).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"investment\":900,\"imageProgress\":\"主体封顶\"}"))
                .andExpect(status().isOk()).andExpect(jsonPath("$[0].investment").value(900));
        mvc.perform(get("/projects/{id}", id)).andExpect(status().isOk())
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.content().string(containsString("主体封顶")));
    }

    @Test
    void aBadFileIs400WithEveryProblemAndWritesNothing() throws Exception {
        MockMultipartFile file = new MockMultipartFile("file", "项目.csv", "text/csv",
                "地区,工程类别,年度,项目名称,套数\n民乐县,保租房,2026,某项目,abc\n"
                        .getBytes(StandardCharsets.UTF_8));
        mvc.perform(multipart("/api/projects/import").file(file).param("region", "620700"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.problems[0].row").value(2))
                .andExpect(jsonPath("$.problems[0].column").value(5))
                .andExpect(jsonPath("$.problems[0].text").value("文件 项目.csv，正文，第 2 行，第 E 列：“套数”不是数字：abc"));
        mvc.perform(get("/api/projects").param("region", "620700").param("year", "2026"))
                .andExpect(status().isOk()).andExpect(jsonPath("$.total").value(0));
    }
}
