package org.anju.account;

import com.jayway.jsonpath.JsonPath;
import org.anju.AnjuTest;
import org.anju.TestUsers;
import org.anju.platform.ChinaTime;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.MockMvc;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The 审计记录 page reads like the pages it records: Beijing time written officially, the operator's name, 页面/接口,
 * the object in Chinese (月报 甘州区 2024年5月) and each field in Chinese, old → new; filters and paging in SQL.
 */
@AnjuTest
@AutoConfigureMockMvc
@TestPropertySource(properties = "anju.test.database=audit14")
class ReadableAuditTest {

    static final DateTimeFormatter OFFICIAL = DateTimeFormatter.ofPattern("yyyy年M月d日 HH:mm:ss").withZone(ChinaTime.ZONE);

    @Autowired
    MockMvc mvc;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    AuditLabels labels;

    @Test
    void aReportSavedOnThePageAndOneThroughTheApiReadAsPageAndApiWithNamesAndBeijingTime() throws Exception {
        var reporter = TestUsers.as(TestUsers.GANZHOU_DISTRICT_REPORTER);
        mvc.perform(post("/reports/620702/2024-05/save").param("version", "0")
                        .param("v:RENTAL_SUBSIDY.ISSUE.HOUSEHOLD", "30").with(reporter))
                .andExpect(status().is3xxRedirection());
        mvc.perform(put("/api/reports/620702/2024-06").contentType(MediaType.APPLICATION_JSON)
                        .content("{\"version\":0,\"values\":[{\"indicatorCode\":\"RENTAL_SUBSIDY.ISSUE.HOUSEHOLD\",\"value\":31}]}")
                        .with(reporter))
                .andExpect(status().isOk());
        mvc.perform(post("/api/reports/620702/2024-06/submit").contentType(MediaType.APPLICATION_JSON)
                        .content("{\"version\":1}").with(reporter))
                .andExpect(status().isOk());

        var city = TestUsers.as(TestUsers.ZHANGYE_ADMIN);
        String page = mvc.perform(get("/audit").param("table", "report").with(city)).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(page).contains("月报 甘州区 2024年5月").contains("月报 甘州区 2024年6月")
                .contains(">页面<").contains(">接口<")
                .contains("title=\"gzq_reporter\">甘州区住建局填报员</span>")
                .contains(">状态</span>").contains("草稿</span> → <span>已上报</span>")
                .contains(">填报单位</span>").contains("甘州区")
                .contains(">上报人</span>")
                .doesNotContain(">region_id<").doesNotContain(">report<");
        Instant at = jdbc.sql("select max(at) from audit_log where table_name = 'report' and via = 'API'")
                .query(Instant.class).single();
        assertThat(page).as("Beijing time, written officially").contains(OFFICIAL.format(at));

        // the same through the API, and the channel filter
        String api = mvc.perform(get("/api/audit").param("table", "report").param("via", "UI").with(city))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(JsonPath.<List<String>>read(api, "$.items[*].via")).isNotEmpty().containsOnly("页面");
        assertThat(JsonPath.<List<String>>read(api, "$.items[*].object")).containsOnly("月报 甘州区 2024年5月");
        assertThat(JsonPath.<List<String>>read(api, "$.items[*].actorName")).containsOnly("甘州区住建局填报员");
        long uiRows = jdbc.sql("""
                select count(*) from audit_log l where table_name = 'report' and via = 'UI'
                and actor_region in (select r.code from region r join region_ancestor a on a.region_id = r.id
                                     and a.ancestor_id = (select id from region where code = '620700'))""")
                .query(Long.class).single();
        assertThat(((Number) JsonPath.read(api, "$.total")).longValue()).isEqualTo(uiRows);
        String submitted = mvc.perform(get("/api/audit").param("table", "report").param("op", "修改").param("via", "接口")
                        .with(city)).andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(JsonPath.<List<String>>read(submitted, "$.items[*].changes[*].label")).contains("状态", "上报时间", "上报人");
        assertThat(JsonPath.<List<String>>read(submitted, "$.items[*].changes[?(@.label == '上报人')].after"))
                .containsExactly("甘州区住建局填报员");

        // another city's administrator sees none of it; bad filters are named
        String other = mvc.perform(get("/api/audit").param("table", "report").with(TestUsers.as(TestUsers.OTHER_CITY_ADMIN)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(JsonPath.<List<String>>read(other, "$.items[*].object")).noneMatch(o -> o.contains("甘州区"));
        mvc.perform(get("/api/audit").param("from", "2025-13-01").with(city)).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.detail", containsString("参数 from（起始日期）")));
        mvc.perform(get("/api/audit").param("via", "fax").with(city)).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.detail", containsString("参数 via（方式）")));
        mvc.perform(get("/api/audit").param("size", "100000").with(city)).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.detail", containsString("参数 size（每页条数）")));
        mvc.perform(get("/audit").param("page", "abc").with(city)).andExpect(status().isBadRequest());
        mvc.perform(get("/api/audit").param("region", "360700").with(city)).andExpect(status().isForbidden());
        // a day range in Beijing time: nothing before today
        mvc.perform(get("/api/audit").param("table", "report").param("to", "2020-01-01").with(city))
                .andExpect(status().isOk()).andExpect(jsonPath("$.total").value(0));
    }

    @Test
    void aProjectPageShowsItsHistoryInTheSameReadableForm() throws Exception {
        // 临泽县 (no month of its reported here: a project change alters no counted month)
        var reporter = TestUsers.as("hist_reporter", "620723", Role.COUNTY_REPORTER);
        String created = mvc.perform(post("/api/projects").contentType(MediaType.APPLICATION_JSON).content("""
                        {"regionCode": "620723", "programCode": "AFFORDABLE_RENTAL", "year": 2025, "name": "历史测试项目",
                         "units": 80}""").with(reporter))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        long id = ((Number) JsonPath.read(created, "$.id")).longValue();
        String project = mvc.perform(get("/api/projects/{id}", id).with(reporter)).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        Map<String, Object> p = JsonPath.read(project, "$.project");
        p.put("units", 96);
        p.put("startedOn", "2025-04-08");
        mvc.perform(put("/api/projects/{id}", id).contentType(MediaType.APPLICATION_JSON)
                        .content(new tools.jackson.databind.json.JsonMapper().writeValueAsString(p)).with(reporter))
                .andExpect(status().isOk());
        String page = mvc.perform(get("/projects/{id}", id).with(TestUsers.as(TestUsers.ZHANGYE_ADMIN)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(page).contains("修改记录")
                .contains(">套数（套）</span>：<span class=\"old\">80</span> → <span>96</span>")
                .contains(">开工日期</span>：<span class=\"old\">—</span> → <span>2025年4月8日</span>")
                .contains("title=\"hist_reporter\">hist_reporter</span>")
                .contains(">接口<");
    }

    @Test
    void hiddenColumnsStayHidden() throws Exception {
        var admin = TestUsers.as(TestUsers.CITY_ADMIN);
        String users = mvc.perform(get("/api/audit").param("table", "users").with(admin)).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(users).doesNotContain("password_hash").doesNotContain("$2a$").doesNotContain("{bcrypt}");
    }

    /**
     * Every column of the main tables has a Chinese name in audit/labels/&lt;table&gt;.properties: the list of those without
     * one must be empty (add the name there when a migration adds a column).
     */
    @Test
    void everyColumnOfTheMainTablesHasAChineseName() {
        List<String> main = List.of("report", "report_value", "project", "project_progress", "plan", "users", "region",
                "ledger_item", "bulletin_draft", "bulletin_issue", "target",
                // every plan import writes these (an operator trial saw breakdown_row by its code, seventh session)
                "breakdown_table", "breakdown_column", "breakdown_row", "import_batch");
        List<String> missing = new ArrayList<>();
        for (String table : main) {
            assertThat(labels.named(table)).as("audit/labels/" + table + ".properties").isTrue();
            for (String column : jdbc.sql("select column_name from information_schema.columns where table_name = ? "
                    + "and table_schema = current_schema() order by ordinal_position").param(table).query(String.class).list()) {
                if (labels.column(table, column).isEmpty()) {
                    missing.add(table + "." + column);
                }
            }
        }
        assertThat(missing).as("columns without a Chinese name").isEmpty();
        assertThat(labels.table("report")).isEqualTo("月报");
        assertThat(labels.value("report", "status", "SUBMITTED")).contains("已上报");
        assertThat(labels.table("no_such_table")).as("shown by its code").isEqualTo("no_such_table");
    }
}
