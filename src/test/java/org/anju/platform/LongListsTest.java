package org.anju.platform;

import com.jayway.jsonpath.JsonPath;
import org.anju.AnjuTest;
import org.anju.TestUsers;
import org.anju.report.Reports;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The long lists (issue 14): each list's total is the SQL count of what it lists, page 2 continues page 1 in the list's
 * order, filters narrow, and bad paging parameters are a 400 with a Chinese message naming the parameter — on the REST
 * list and on the page alike.
 */
@AnjuTest
@AutoConfigureMockMvc
@TestPropertySource(properties = "anju.test.database=lists14")
class LongListsTest {

    static final String PERIOD = "2024-03";

    @Autowired
    MockMvc mvc;
    @Autowired
    JdbcClient jdbc;

    String json(MockHttpServletRequestBuilder request, RequestPostProcessor who) throws Exception {
        return mvc.perform(request.with(who)).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
    }

    String html(MockHttpServletRequestBuilder request, RequestPostProcessor who) throws Exception {
        return mvc.perform(request.with(who)).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
    }

    static long total(String json) {
        return ((Number) JsonPath.read(json, "$.total")).longValue();
    }

    /** Both a malformed page and a page size out of range are refused with a message naming them, API and page. */
    void refusesBadPaging(String apiPath, String pagePath, RequestPostProcessor who, String... params) throws Exception {
        for (String[] bad : List.of(new String[]{"page", "abc"}, new String[]{"size", "100000"}, new String[]{"page", "0"})) {
            var api = get(apiPath).param(bad[0], bad[1]);
            var page = get(pagePath).param(bad[0], bad[1]);
            for (int i = 0; i < params.length; i += 2) {
                api.param(params[i], params[i + 1]);
                page.param(params[i], params[i + 1]);
            }
            String expected = bad[0].equals("page") ? "参数 page（页码）" : "参数 size（每页条数）只能是 20、50、100 或 200";
            mvc.perform(api.with(who)).andExpect(status().isBadRequest())
                    .andExpect(jsonPath("$.detail", containsString(expected)));
            mvc.perform(page.with(who)).andExpect(status().isBadRequest())
                    .andExpect(content().string(containsString(expected)));
        }
        var beyond = get(apiPath).param("page", "99999");
        for (int i = 0; i < params.length; i += 2) {
            beyond.param(params[i], params[i + 1]);
        }
        mvc.perform(beyond.with(who)).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.detail", containsString("没有第 99999 页")));
    }

    // ------------------------------------------------------------------------------------------------ 月报

    @Test
    void theNationalReportListIsPagedFilteredAndCountedInSql() throws Exception {
        RequestPostProcessor nation = TestUsers.as(TestUsers.NATIONAL_VIEWER);
        mvc.perform(put("/api/reports/620702/" + PERIOD).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"version\":0,\"values\":[{\"indicatorCode\":\"RENTAL_SUBSIDY.ISSUE.HOUSEHOLD\",\"value\":12}]}")
                        .with(TestUsers.as(TestUsers.GANZHOU_DISTRICT_REPORTER)))
                .andExpect(status().isOk());
        List<String> kinds = Reports.REPORTING.stream().map(Enum::name).toList();
        long units = jdbc.sql("select count(*) from region where kind in (:kinds)").param("kinds", kinds)
                .query(Long.class).single();
        assertThat(units).as("the country's reporting units").isGreaterThan(3000);

        String first = json(get("/api/reports").param("region", "000000").param("period", PERIOD).param("size", "20"), nation);
        assertThat(total(first)).isEqualTo(units);
        assertThat(JsonPath.<Integer>read(first, "$.pages")).isEqualTo((int) ((units + 19) / 20));
        String second = json(get("/api/reports").param("region", "000000").param("period", PERIOD).param("size", "20")
                .param("page", "2"), nation);
        List<String> expected = jdbc.sql("select code from region where kind in (:kinds) order by code, id limit 40")
                .param("kinds", kinds).query(String.class).list();
        assertThat(JsonPath.<List<String>>read(first, "$.items[*].unit.code")).isEqualTo(expected.subList(0, 20));
        assertThat(JsonPath.<List<String>>read(second, "$.items[*].unit.code")).isEqualTo(expected.subList(20, 40));

        // filters: status (未填报 is NONE), a unit's name
        String drafts = json(get("/api/reports").param("region", "000000").param("period", PERIOD).param("status", "DRAFT"), nation);
        assertThat(total(drafts)).isEqualTo(1);
        assertThat(JsonPath.<String>read(drafts, "$.items[0].unit.name")).isEqualTo("甘州区");
        assertThat(total(json(get("/api/reports").param("region", "000000").param("period", PERIOD).param("status", "NONE"),
                nation))).isEqualTo(units - 1);
        String named = json(get("/api/reports").param("region", "620700").param("period", PERIOD).param("q", "甘州"), nation);
        assertThat(JsonPath.<List<String>>read(named, "$.items[*].unit.name")).containsExactly("甘州区");
        mvc.perform(get("/api/reports").param("region", "000000").param("period", PERIOD).param("status", "DONE").with(nation))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.detail", containsString("参数 status（状态）")));

        // the page: 20 rows (the default size), not 3,000; its pager says how many there are
        html(get("/reports").param("region", "000000").param("period", PERIOD), nation);   // warm
        long t0 = System.nanoTime();
        String page = html(get("/reports").param("region", "000000").param("period", PERIOD), nation);
        long t1 = System.nanoTime();
        html(get("/reports").param("region", "000000").param("period", PERIOD).param("page", "166"), nation);
        System.out.printf("national 月报 page 1: %.0f ms, page 166: %.0f ms%n", (t1 - t0) / 1e6, (System.nanoTime() - t1) / 1e6);
        assertThat(page).contains("共 " + units + " 条，第 1–20 条").contains("下一页").contains("每页");
        assertThat(page.split("<tr id=\"unit-").length - 1).isEqualTo(20);
        String filtered = html(get("/reports").param("region", "620700").param("period", PERIOD).param("status", "DRAFT"), nation);
        assertThat(filtered).contains("id=\"unit-620702\"").contains("共 1 条");
        refusesBadPaging("/api/reports", "/reports", nation, "region", "000000", "period", PERIOD);
    }

    // ------------------------------------------------------------------------------------------------ 项目库

    @Test
    void projectsArePagedAndFilteredByStageAndText() throws Exception {
        int unit = jdbc.sql("select id from region where code = '620722'").query(Integer.class).single();
        jdbc.sql("""
                insert into project (region_id, program_code, year, name, code, started_on, basic_completed_on, updated_by)
                select :unit, 'AFFORDABLE_RENTAL', 2024, '分页项目' || lpad(i::text, 2, '0'), 'FY-' || i,
                       case when i % 3 > 0 then date '2024-02-01' end, case when i % 3 = 2 then date '2024-03-01' end, 'system'
                from generate_series(1, 45) i""").param("unit", unit).update();
        RequestPostProcessor city = TestUsers.as(TestUsers.ZHANGYE_ADMIN);
        long sqlTotal = jdbc.sql("""
                select count(*) from project p join region_ancestor a on a.region_id = p.region_id
                where a.ancestor_id = (select id from region where code = '620700') and p.year = 2024""").query(Long.class).single();
        String first = json(get("/api/projects").param("region", "620700").param("year", "2024").param("size", "20"), city);
        assertThat(total(first)).isEqualTo(sqlTotal).isEqualTo(45);
        String second = json(get("/api/projects").param("region", "620700").param("year", "2024").param("size", "20")
                .param("page", "2"), city);
        assertThat(JsonPath.<List<String>>read(first, "$.items[*].project.name")).first().isEqualTo("分页项目01");
        assertThat(JsonPath.<List<String>>read(second, "$.items[*].project.name")).first().isEqualTo("分页项目21");
        assertThat(JsonPath.<List<String>>read(second, "$.items[*].project.name")).hasSize(20).last().isEqualTo("分页项目40");
        // stage at the month read: i % 3 == 0 not started (15), == 1 started (15), == 2 completed in March (15)
        assertThat(total(json(get("/api/projects").param("region", "620700").param("year", "2024").param("upto", "2024-03")
                .param("stage", "NOT_STARTED"), city))).isEqualTo(15);
        assertThat(total(json(get("/api/projects").param("region", "620700").param("year", "2024").param("upto", "2024-02")
                .param("stage", "STARTED"), city))).as("in February none is completed yet").isEqualTo(30);
        assertThat(total(json(get("/api/projects").param("region", "620700").param("year", "2024").param("upto", "2024-03")
                .param("stage", "COMPLETED"), city))).isEqualTo(15);
        assertThat(JsonPath.<List<String>>read(json(get("/api/projects").param("region", "620700").param("year", "2024")
                .param("q", "FY-7"), city), "$.items[*].project.name")).containsExactly("分页项目07");
        String page = html(get("/projects").param("region", "620700").param("period", "2024-03").param("size", "20")
                .param("page", "3"), city);
        assertThat(page).contains("共 45 条，第 41–45 条").contains("分页项目45").doesNotContain("分页项目40<");
        refusesBadPaging("/api/projects", "/projects", city, "region", "620700", "year", "2024", "period", "2024-03");
    }

    // ------------------------------------------------------------------------------------------------ 用户管理

    @Test
    void usersArePagedAndFilteredByRoleStateAndName() throws Exception {
        int xz = jdbc.sql("select id from region where code = '361102'").query(Integer.class).single();
        jdbc.sql("""
                insert into users (username, display_name, password_hash, region_id, roles, enabled, created_by)
                select 'page_user' || lpad(i::text, 2, '0'), '分页用户' || i, 'x', :region,
                       case when i % 5 = 0 then '{VIEWER}'::text[] else '{COUNTY_REPORTER}'::text[] end, i % 4 <> 0, 'sr_admin'
                from generate_series(1, 42) i""").param("region", xz).update();
        RequestPostProcessor admin = TestUsers.as(TestUsers.CITY_ADMIN);
        json(get("/api/me"), admin);
        long sqlTotal = jdbc.sql("""
                select count(*) from users u join region_ancestor a on a.region_id = u.region_id
                where a.ancestor_id = (select id from region where code = '361100')""").query(Long.class).single();
        String first = json(get("/api/users").param("size", "20"), admin);
        assertThat(total(first)).isEqualTo(sqlTotal);
        List<String> order = jdbc.sql("""
                select u.username from users u join region_ancestor a on a.region_id = u.region_id
                join region r on r.id = u.region_id
                where a.ancestor_id = (select id from region where code = '361100')
                order by a.depth, r.sort_order, r.code, u.username limit 40""").query(String.class).list();
        assertThat(JsonPath.<List<String>>read(first, "$.items[*].username")).isEqualTo(order.subList(0, 20));
        assertThat(JsonPath.<List<String>>read(json(get("/api/users").param("size", "20").param("page", "2"), admin),
                "$.items[*].username")).isEqualTo(order.subList(20, 40));
        assertThat(total(json(get("/api/users").param("role", "VIEWER").param("q", "分页用户"), admin))).isEqualTo(8);
        assertThat(total(json(get("/api/users").param("enabled", "false"), admin))).isEqualTo(10);
        assertThat(total(json(get("/api/users").param("region", "361102").param("q", "page_user1"), admin))).isEqualTo(10);
        mvc.perform(get("/api/users").param("role", "BOSS").with(admin)).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.detail", containsString("参数 role（角色）")));
        mvc.perform(get("/api/users").param("region", "360700").with(admin)).andExpect(status().isForbidden());
        String page = html(get("/users").param("role", "VIEWER").param("q", "分页用户"), admin);
        assertThat(page).contains("共 8 条").contains("分页用户5").contains("上饶市住建局管理员").doesNotContain("分页用户4<");
        refusesBadPaging("/api/users", "/users", admin);
    }

    // ------------------------------------------------------------------------------------------------ 行政区划, 台账

    @Test
    void regionsArePagedAndSearchedInTheSubtree() throws Exception {
        RequestPostProcessor someone = TestUsers.as(TestUsers.NATIONAL_VIEWER);
        // 章贡区's towns
        long towns = jdbc.sql("select count(*) from region where parent_id = (select id from region where code = '360702')")
                .query(Long.class).single();
        String page = html(get("/regions/360702").param("size", "20"), someone);
        assertThat(page).contains("共 " + towns + " 条");
        List<String> names = jdbc.sql("""
                select name from region where parent_id = (select id from region where code = '360702')
                order by kind in ('TOWN', 'COMMUNITY'), sort_order, code, id""").query(String.class).list();
        assertThat(page).contains(">" + names.getFirst() + "<");
        if (names.size() > 20) {
            assertThat(html(get("/regions/360702").param("size", "20").param("page", "2"), someone))
                    .contains(">" + names.get(20) + "<").doesNotContain(">" + names.getFirst() + "<");
        }
        String found = html(get("/regions/360000").param("find", "章贡"), someone);
        assertThat(found).contains("共 1 条").contains(">章贡区<");
        assertThat(html(get("/regions").param("kind", "PROVINCE").param("size", "50"), someone))
                .contains("共 " + jdbc.sql("select count(*) from region where kind = 'PROVINCE'").query(Long.class).single() + " 条");
        mvc.perform(get("/regions").param("size", "7").with(someone)).andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("参数 size（每页条数）")));
        mvc.perform(get("/regions").param("kind", "PLANET").with(someone)).andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("参数 kind（类别）")));
    }

    @Test
    void ledgerItemsArePagedAndFilteredByStateOverdueAndTitle() throws Exception {
        int county = jdbc.sql("select id from region where code = '360702'").query(Integer.class).single();
        jdbc.sql("""
                insert into ledger_item (kind, region_id, title, fields, deadline, deadline_rule, state, state_on, closed_on,
                                         created_by, updated_by)
                select case when i % 2 = 0 then 'AUDIT' else 'PETITION' end, :county, '台账分页事项' || lpad(i::text, 2, '0'), '{}',
                       case when i <= 10 then date '2020-01-01' + i else date '2099-01-01' + i end, '测试',
                       case when i % 6 = 0 then 'CLOSED' else 'PENDING' end, date '2020-01-01',
                       case when i % 6 = 0 then date '2020-06-30' end, 'system', 'system'
                from generate_series(1, 30) i""").param("county", county).update();
        RequestPostProcessor admin = TestUsers.as(TestUsers.OTHER_CITY_ADMIN);
        String first = json(get("/api/ledger/items").param("region", "360700").param("size", "20"), admin);
        assertThat(total(first)).isEqualTo(30);
        List<String> order = jdbc.sql("""
                select title from ledger_item where region_id = :county order by (state = 'CLOSED'), deadline, id""")
                .param("county", county).query(String.class).list();
        assertThat(JsonPath.<List<String>>read(first, "$.items[*].title")).isEqualTo(order.subList(0, 20));
        assertThat(JsonPath.<List<String>>read(json(get("/api/ledger/items").param("region", "360700").param("size", "20")
                .param("page", "2"), admin), "$.items[*].title")).isEqualTo(order.subList(20, 30));
        // overdue: open with a deadline in 2020 (1..10 without 6) = 9
        assertThat(total(json(get("/api/ledger/items").param("region", "360700").param("overdue", "true"), admin))).isEqualTo(9);
        assertThat(total(json(get("/api/ledger/items").param("region", "360700").param("state", "CLOSED"), admin))).isEqualTo(5);
        assertThat(total(json(get("/api/ledger/items").param("region", "360700").param("kind", "AUDIT"), admin))).isEqualTo(15);
        assertThat(total(json(get("/api/ledger/items").param("region", "360700").param("q", "事项2"), admin))).isEqualTo(10);
        assertThat(html(get("/ledger").param("region", "360700").param("overdue", "true"), admin)).contains("共 9 条");
        refusesBadPaging("/api/ledger/items", "/ledger", admin, "region", "360700");
    }
}
