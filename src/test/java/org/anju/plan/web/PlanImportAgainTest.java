package org.anju.plan.web;

import org.anju.AtOnce;
import org.anju.AnjuTest;
import org.anju.TestUsers;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/**
 * Defect 11 of the double-submit trial (2026-12-04, rows 11 and 12), plan imports: the same file sent again to
 * {@code POST /api/imports} was refused "已有分解表；如需…替换" (one after the other) or "…的计划已存在；如需替换，请在导入时
 * 选择替换该计划" (racing) — advising to replace the plan the user had just made; a preview's commit racing another
 * commit of it got the latter too, where one after it is told "该文件已导入，不能重复提交（导入记录 N）".
 */
@AutoConfigureMockMvc
@AnjuTest
@TestPropertySource(properties = "anju.test.database=plan_import_again")
class PlanImportAgainTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    JdbcClient jdbc;

    static MockMultipartFile file(String county) {
        return file(county, 2023);
    }

    /** Each test its own plan: another issuer (the county's city) or another year. */
    static MockMultipartFile file(String county, int year) {
        String csv = year + "年城市棚户区改造目标任务分解表\n单位：套\n县市区,开工\n合计,10\n" + county + ",10\n";
        return new MockMultipartFile("file", county + ".csv", "text/csv", csv.getBytes(StandardCharsets.UTF_8));
    }

    MvcResult send(MockMultipartFile file, RequestPostProcessor user) throws Exception {
        return mvc.perform(multipart("/api/imports").file(file).with(user)).andReturn();
    }

    static String body(MvcResult r) throws Exception {
        return r.getResponse().getContentAsString(StandardCharsets.UTF_8);
    }

    int plansFrom(String fileName) {
        return jdbc.sql("select count(*) from plan where source_file = ?").param(fileName).query(Integer.class).single();
    }

    /** The user's account is made on its first request: on the test's thread, which acts as the system. */
    RequestPostProcessor user(String name) throws Exception {
        RequestPostProcessor user = TestUsers.as(name);
        mvc.perform(get("/plans").with(user));
        return user;
    }

    @Test
    void theSameFileSentAgainIsAnsweredWithTheFirstImportsResult() throws Exception {
        RequestPostProcessor gz = user(TestUsers.OTHER_CITY_ADMIN);
        MvcResult first = send(file("兴国县"), gz);
        assertThat(first.getResponse().getStatus()).as(body(first)).isEqualTo(201);
        Number batch = com.jayway.jsonpath.JsonPath.read(body(first), "$.batchId");
        Number plan = com.jayway.jsonpath.JsonPath.read(body(first), "$.planId");

        MvcResult again = send(file("兴国县"), gz);
        assertThat(again.getResponse().getStatus()).as(body(again)).isEqualTo(201);
        assertThat(body(again)).contains("\"batchId\":" + batch, "\"planId\":" + plan)
                .contains("由您导入（导入记录 " + batch + "，计划编号 " + plan + "）；这次是重复提交，没有再次导入，也没有写入任何数据")
                .doesNotContain("已有分解表");
        assertThat(plansFrom("兴国县.csv")).isEqualTo(1);

        // the same file with another option (here a 文号) is another request: not answered as a repeat (review 23 M1)
        MvcResult other = mvc.perform(multipart("/api/imports").file(file("兴国县")).param("documentNumber", "赣市建〔2024〕9号")
                .with(gz)).andReturn();
        assertThat(body(other)).doesNotContain("这次是重复提交");
    }

    @Test
    void twoAtOnceMakeOnePlanAndNeitherIsToldToReplaceIt() throws Exception {
        RequestPostProcessor sr = user(TestUsers.CITY_ADMIN);
        List<MvcResult> answers = AtOnce.twice(() -> send(file("信州区"), sr));
        for (MvcResult a : answers) {
            assertThat(a.getResponse().getStatus()).as(body(a)).isEqualTo(201);
            assertThat(body(a)).doesNotContain("如需替换").doesNotContain("已有分解表");
        }
        assertThat(answers).filteredOn(a -> bodyOf(a).contains("这次是重复提交")).hasSize(1);
        assertThat(plansFrom("信州区.csv")).isEqualTo(1);
    }

    static String bodyOf(MvcResult r) {
        try {
            return body(r);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void aPreviewCommittedTwiceAtOnceSaysWhatACommitAfterItSays() throws Exception {
        RequestPostProcessor gz = user(TestUsers.OTHER_CITY_ADMIN);
        MvcResult preview = mvc.perform(multipart("/api/imports").file(file("于都县", 2024)).param("dryRun", "true").with(gz))
                .andReturn();
        assertThat(preview.getResponse().getStatus()).as(body(preview)).isEqualTo(200);
        long batch = ((Number) com.jayway.jsonpath.JsonPath.read(body(preview), "$.batchId")).longValue();

        List<MvcResult> answers = AtOnce.twice(() -> mvc.perform(post("/api/imports/{id}/commit", batch).with(gz)).andReturn());
        assertThat(answers).extracting(a -> a.getResponse().getStatus()).containsExactlyInAnyOrder(201, 409);
        MvcResult refused = answers.stream().filter(a -> a.getResponse().getStatus() == 409).findFirst().orElseThrow();
        assertThat(bodyOf(refused)).contains("该文件已导入，不能重复提交（导入记录 " + batch + "）").doesNotContain("如需替换");
        // one after it: the same words
        assertThat(bodyOf(mvc.perform(post("/api/imports/{id}/commit", batch).with(gz)).andReturn()))
                .contains("该文件已导入，不能重复提交（导入记录 " + batch + "）");
        assertThat(plansFrom("于都县.csv")).isEqualTo(1);
    }
}
