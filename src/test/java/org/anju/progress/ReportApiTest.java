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
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
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
    void aBadFileIs400WithEveryProblemAndWritesNothing() throws Exception {
        MockMultipartFile file = new MockMultipartFile("file", "项目.csv", "text/csv",
                "地区,工程类别,年度,项目名称,套数\n民乐县,保租房,2025,某项目,abc\n"
                        .getBytes(StandardCharsets.UTF_8));
        mvc.perform(multipart("/api/projects/import").file(file).param("region", "620700"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.problems[0].row").value(2))
                .andExpect(jsonPath("$.problems[0].column").value(5))
                .andExpect(jsonPath("$.problems[0].text").value("文件 项目.csv，正文，第 2 行，第 E 列：“套数”不是数字：abc"));
        mvc.perform(get("/api/projects").param("region", "620700").param("year", "2025"))
                .andExpect(status().isOk()).andExpect(jsonPath("$.total").value(0));
    }
}
