package org.anju.plan.web;

import org.anju.SeedDataTest;
import org.anju.TestUsers;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.web.context.WebApplicationContext;
import org.anju.plan.Plan;
import org.anju.plan.Plans;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

import java.nio.charset.Charset;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@SeedDataTest
class PlanApiTest {

    @Autowired
    WebApplicationContext context;
    @Autowired
    Plans plans;

    /** Reads as the national viewer (every plan); writes as the 赣州 admin (the test file is for 兴国县). */
    MockMvc mvc;

    @BeforeEach
    void signIn() {
        mvc = TestUsers.mvc(context, TestUsers.NATIONAL_VIEWER);
    }

    private long jiangxi() {
        return plans.byDocumentNumber("赣建保〔2023〕1号").map(Plan::id).orElseThrow();
    }

    @Test
    void listsPlansAndShowsTablesAsPrinted() throws Exception {
        mvc.perform(get("/api/plans")).andExpect(status().isOk())
                .andExpect(jsonPath("$[*].documentNumber", hasItem("赣建保〔2023〕1号")))
                .andExpect(jsonPath("$[*].title", hasItem("赣州市城市棚户区改造攻坚行动方案")));
        mvc.perform(get("/api/plans/{id}/tables/6", jiangxi())).andExpect(status().isOk())
                .andExpect(jsonPath("$.label").value("附件6"))
                .andExpect(jsonPath("$.columns[0].indicatorCode").value("OLD_COMMUNITY.COMPLETION.AREA_10K_M2"))
                .andExpect(jsonPath("$.rows[?(@.regionCode == '361100')].values[0]").value("163.22"))
                .andExpect(jsonPath("$.rows[?(@.regionCode == '360000-K1')].values[0]").value("2.1"));
    }

    @Test
    void targetsTotalsAndFindings() throws Exception {
        long id = jiangxi();
        mvc.perform(get("/api/plans/{id}/targets", id).param("region", "360100").param("indicator", "AFFORDABLE_RENTAL.START.UNIT"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$", hasSize(1)))
                .andExpect(jsonPath("$[0].value").value(16650));
        mvc.perform(get("/api/plans/{id}/totals", id).param("region", "361100"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[?(@.indicatorCode == 'AFFORDABLE_RENTAL.START.UNIT')].total").value(4106));
        mvc.perform(get("/api/plans/{id}/findings", id)).andExpect(status().isOk())
                .andExpect(jsonPath("$", hasSize(1)))
                .andExpect(jsonPath("$[0].kind").value("TOTAL_VS_ROWS"))
                .andExpect(jsonPath("$[0].printed").value(1062));
        mvc.perform(get("/api/findings")).andExpect(status().isOk()).andExpect(jsonPath("$", hasSize(16)));
    }

    @Test
    void statedTotalsAndMilestonesCanBeReadAndReplaced() throws Exception {
        String csv = "2023年城市棚户区改造目标任务分解表\n单位：套\n县市区,开工\n合计,10\n兴国县,10\n";
        MvcResult created = mvc.perform(multipart("/api/imports").file(new MockMultipartFile("file", "兴国2.csv",
                        "text/csv", csv.getBytes(java.nio.charset.StandardCharsets.UTF_8)))
                        .with(TestUsers.as(TestUsers.OTHER_CITY_ADMIN)))
                .andExpect(status().isCreated()).andReturn();
        Number planId = com.jayway.jsonpath.JsonPath.read(created.getResponse().getContentAsString(), "$.planId");
        try {
            int read = plans.get(planId.longValue()).version();
            mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders
                            .put("/api/plans/{id}/stated-totals", planId.longValue()).param("version", String.valueOf(read))
                            .contentType(org.springframework.http.MediaType.APPLICATION_JSON)
                            .content("""
                                    [{"regionCode": "360700", "indicatorCodes": ["SHANTYTOWN.START.UNIT"], "year": 2023,
                                      "value": 20, "tolerance": 0, "printed": "20套", "quote": "全市开工20套"}]""")
                            .with(TestUsers.as(TestUsers.OTHER_CITY_ADMIN)))
                    .andExpect(status().isOk())
                    .andExpect(jsonPath("$[0].printed").value("20套"));
            mvc.perform(get("/api/plans/{id}/findings", planId.longValue()))
                    .andExpect(jsonPath("$[?(@.kind == 'STATED_TOTAL')].printed").value(20))
                    .andExpect(jsonPath("$[?(@.kind == 'STATED_TOTAL')].expected").value(10));
            String milestones = """
                    [{"dueOn": "2023-06-30", "programCode": "SHANTYTOWN", "indicatorCode": "SHANTYTOWN.START.UNIT",
                      "thresholdPercent": 100, "scope": "列入攻坚计划的项目", "quote": "6月底前全面开工"}]""";
            // read before the stated totals were replaced: that version is gone, and what it would drop is kept
            mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders
                            .put("/api/plans/{id}/milestones", planId.longValue()).param("version", String.valueOf(read))
                            .contentType(org.springframework.http.MediaType.APPLICATION_JSON).content(milestones)
                            .with(TestUsers.as(TestUsers.OTHER_CITY_ADMIN)))
                    .andExpect(status().isConflict()).andExpect(jsonPath("$.code").value("STALE"))
                    .andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.allOf(
                            // the version there is this client's own replacement of the stated totals, said so
                            org.hamcrest.Matchers.startsWith("计划「" + plans.get(planId.longValue()).label()
                                    + "」已被您本人的账号（通过接口）于 "),
                            org.hamcrest.Matchers.endsWith("修改，本次未保存：如这是您同一请求的重试、前一次已经成功，则无需再发；否则"
                                    + "请重新读取计划（GET /api/plans/" + planId + " 的 plan.version）核对后再替换（当前版本 "
                                    + (read + 1) + "，提交的版本 " + read + "）"),
                            org.hamcrest.Matchers.not(org.hamcrest.Matchers.containsString("他人")))));
            // a version the plan never had: nobody changed it after that read, so nobody is named (guesses audit L3)
            var there = plans.get(planId.longValue());
            mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders
                            .put("/api/plans/{id}/milestones", planId.longValue()).param("version", String.valueOf(there.version() + 1))
                            .contentType(org.springframework.http.MediaType.APPLICATION_JSON).content(milestones)
                            .with(TestUsers.as(TestUsers.OTHER_CITY_ADMIN)))
                    .andExpect(status().isConflict()).andExpect(jsonPath("$.code").value("STALE"))
                    .andExpect(jsonPath("$.detail").value("计划「" + there.label() + "」没有第 " + (there.version() + 1) + " 版（现为第 "
                            + there.version() + " 版），本次未保存：请重新读取计划（GET /api/plans/" + planId + " 的 plan.version）核对后再替换"));
            mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders
                            .put("/api/plans/{id}/milestones", planId.longValue())
                            .contentType(org.springframework.http.MediaType.APPLICATION_JSON).content(milestones)
                            .with(TestUsers.as(TestUsers.OTHER_CITY_ADMIN)))
                    .andExpect(status().isBadRequest())
                    .andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.startsWith("缺少参数 version")));
            mvc.perform(get("/api/plans/{id}/stated-totals", planId.longValue()).with(TestUsers.as(TestUsers.OTHER_CITY_ADMIN)))
                    .andExpect(jsonPath("$[0].printed").value("20套"));
            mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders
                            .put("/api/plans/{id}/milestones", planId.longValue())
                            .param("version", String.valueOf(plans.get(planId.longValue()).version()))
                            .contentType(org.springframework.http.MediaType.APPLICATION_JSON).content(milestones)
                            .with(TestUsers.as(TestUsers.OTHER_CITY_ADMIN)))
                    .andExpect(status().isOk())
                    .andExpect(jsonPath("$[0].dueOn").value("2023-06-30"));
            assertThat(plans.get(planId.longValue()).version()).isEqualTo(read + 2);
        } finally {
            mvc.perform(delete("/api/plans/{id}", planId.longValue()).with(TestUsers.as(TestUsers.OTHER_CITY_ADMIN))).andExpect(status().isNoContent());
        }
    }

    @Test
    void unknownThingsAre404WithAChineseReason() throws Exception {
        mvc.perform(get("/api/plans/999999")).andExpect(status().isNotFound())
                .andExpect(jsonPath("$.detail").value("计划不存在：999999"));
        mvc.perform(get("/api/plans/{id}/totals", jiangxi()).param("region", "999999")).andExpect(status().isNotFound())
                .andExpect(jsonPath("$.detail").value("地区不存在：999999"));
    }

    @Test
    void importPreviewThenCommitThroughTheApi() throws Exception {
        String csv = "2023年城市棚户区改造目标任务分解表\n单位：套\n县市区,开工\n合计,10\n兴国县,10\n";
        MockMultipartFile file = new MockMultipartFile("file", "兴国.csv", "text/csv", csv.getBytes(Charset.forName("GBK")));
        MvcResult preview = mvc.perform(multipart("/api/imports").file(file).param("dryRun", "true").with(TestUsers.as(TestUsers.OTHER_CITY_ADMIN)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.committed").value(false))
                .andExpect(jsonPath("$.plan.issuerCode").value("360700"))
                .andReturn();
        Number batch = com.jayway.jsonpath.JsonPath.read(preview.getResponse().getContentAsString(), "$.batchId");
        MvcResult done = mvc.perform(post("/api/imports/{id}/commit", batch.longValue()).with(TestUsers.as(TestUsers.OTHER_CITY_ADMIN)))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.committed").value(true)).andReturn();
        Number planId = com.jayway.jsonpath.JsonPath.read(done.getResponse().getContentAsString(), "$.planId");
        mvc.perform(post("/api/imports/{id}/commit", batch.longValue()).with(TestUsers.as(TestUsers.OTHER_CITY_ADMIN)))
                .andExpect(status().isConflict());
        mvc.perform(delete("/api/plans/{id}", planId.longValue()).with(TestUsers.as(TestUsers.OTHER_CITY_ADMIN)))
                .andExpect(status().isNoContent());
    }

    /** A progress table previewed and then committed (a preview that becomes no plan) and the title given at commit. */
    @Test
    void aProgressTablePreviewIsCommittedAndATitleGivenAtCommitIsKept() throws Exception {
        String progress = "城市棚户区改造开工进展表\n（截至2023年9月底）\n单位：套\n县市区\t已开工\n合计\t20\n兴国县\t20\n";
        MvcResult preview = mvc.perform(multipart("/api/imports").file(new MockMultipartFile("file", "进展.tsv", "text/plain",
                        progress.getBytes(java.nio.charset.StandardCharsets.UTF_8))).param("dryRun", "true")
                        .with(TestUsers.as(TestUsers.OTHER_CITY_ADMIN)))
                .andExpect(status().isOk()).andReturn();
        Number batch = com.jayway.jsonpath.JsonPath.read(preview.getResponse().getContentAsString(), "$.batchId");
        MvcResult done = mvc.perform(post("/api/imports/{id}/commit", batch.longValue()).with(TestUsers.as(TestUsers.OTHER_CITY_ADMIN)))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.planId").doesNotExist())
                .andExpect(jsonPath("$.progressId").isNumber()).andReturn();
        Number progressId = com.jayway.jsonpath.JsonPath.read(done.getResponse().getContentAsString(), "$.progressId");
        mvc.perform(delete("/api/progress-tables/{id}", progressId.longValue()).with(TestUsers.as(TestUsers.OTHER_CITY_ADMIN)))
                .andExpect(status().isNoContent());

        String csv = "2023年城市棚户区改造目标任务分解表\n单位：套\n县市区,开工\n合计,10\n兴国县,10\n";
        MvcResult plan = mvc.perform(multipart("/api/imports").file(new MockMultipartFile("file", "兴国3.csv", "text/csv",
                        csv.getBytes(java.nio.charset.StandardCharsets.UTF_8))).param("dryRun", "true")
                        .with(TestUsers.as(TestUsers.OTHER_CITY_ADMIN))).andReturn();
        Number planBatch = com.jayway.jsonpath.JsonPath.read(plan.getResponse().getContentAsString(), "$.batchId");
        MvcResult titled = mvc.perform(post("/api/imports/{id}/commit", planBatch.longValue()).param("title", "兴国县棚改计划")
                        .param("documentNumber", "兴建字〔2023〕5号").with(TestUsers.as(TestUsers.OTHER_CITY_ADMIN)))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.plan.title").value("兴国县棚改计划"))
                .andExpect(jsonPath("$.plan.documentNumber").value("兴建字〔2023〕5号")).andReturn();
        Number planId = com.jayway.jsonpath.JsonPath.read(titled.getResponse().getContentAsString(), "$.planId");
        mvc.perform(delete("/api/plans/{id}", planId.longValue()).with(TestUsers.as(TestUsers.OTHER_CITY_ADMIN)))
                .andExpect(status().isNoContent());

        // a file not sent as multipart: refused in Chinese, not with the framework's English
        mvc.perform(post("/api/imports").contentType("application/json").content("{}")
                        .with(TestUsers.as(TestUsers.OTHER_CITY_ADMIN)))
                .andExpect(status().isUnsupportedMediaType())
                .andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.containsString("multipart/form-data")));
    }

    @Test
    void badImportIs422AndNamesTheCell() throws Exception {
        String tsv = "2023年城市棚户区改造目标任务分解表\n县市区\t开工\n合计\t10\n兴国县\tabc\n";
        mvc.perform(multipart("/api/imports").file(new MockMultipartFile("file", "坏.tsv", "text/plain", tsv.getBytes()))
                        .with(TestUsers.as(TestUsers.OTHER_CITY_ADMIN)))
                .andExpect(status().isUnprocessableEntity())
                .andExpect(jsonPath("$.problems[0].row").value(4))
                .andExpect(jsonPath("$.problems[0].column").value(2))
                .andExpect(jsonPath("$.problems[0].file").value("坏.tsv"));
    }

    @Test
    void exportsXlsxAndDocumentsTheApi() throws Exception {
        MvcResult x = mvc.perform(get("/api/plans/{id}/export.xlsx", jiangxi())).andExpect(status().isOk())
                .andExpect(content().contentType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"))
                .andReturn();
        assertThat(x.getResponse().getContentAsByteArray()).startsWith('P', 'K');
        String docs = mvc.perform(get("/v3/api-docs")).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString();
        assertThat(docs).contains("/api/plans/{id}/findings", "/api/imports", "/api/regions", "/api/indicators",
                "/api/plans/{id}/totals");
        // where an import job's id comes from (operator trial of the twentieth session: "no job-id format is documented")
        assertThat(docs).contains("任务编号（UUID");
    }
}
