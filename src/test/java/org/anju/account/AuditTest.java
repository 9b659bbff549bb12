package org.anju.account;

import com.jayway.jsonpath.JsonPath;
import org.anju.AnjuTest;
import org.anju.TestUsers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.MockMvc;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** Every change is in the append-only audit trail: who, when, old, new, via; and history per value. */
@AnjuTest
@AutoConfigureMockMvc
@TestPropertySource(properties = "anju.test.database=audit")
class AuditTest {

    static final String CSV = "2023年城市棚户区改造目标任务分解表\n单位：套\n县市区,开工\n合计,%d\n信州区,%d\n";

    @Autowired
    MockMvc mvc;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    AuditTrail audit;

    @BeforeEach
    void clean() {
        jdbc.sql("delete from plan").update();
    }

    long importCsv(int value, Long planId) throws Exception {
        var request = multipart("/api/imports").file(new MockMultipartFile("file", "上饶棚改.csv", "text/csv",
                String.format(CSV, value, value).getBytes(StandardCharsets.UTF_8))).param("issuer", "361100");
        if (planId != null) {
            request.param("planId", planId.toString()).param("replace", "true");
        }
        String body = mvc.perform(request.with(TestUsers.as(TestUsers.CITY_ADMIN)))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
        return ((Number) JsonPath.read(body, "$.planId")).longValue();
    }

    @Test
    void anImportIsRecordedAsTheUsersImportAndEachFigureHasAHistory() throws Exception {
        long plan = importCsv(10, null);
        List<AuditEntry> planRows = audit.history("plan", Map.of("id", plan));
        assertThat(planRows).hasSize(1);
        AuditEntry created = planRows.getFirst();
        assertThat(created.op()).isEqualTo("INSERT");
        assertThat(created.actor()).isEqualTo("sr_admin");
        assertThat(created.actorName()).isEqualTo("上饶市住建局管理员");
        assertThat(created.actorRegion()).isEqualTo("361100");
        assertThat(created.via()).isEqualTo(Channel.IMPORT);
        assertThat(created.after()).containsEntry("title", "2023年城市棚户区改造目标任务分解表");

        importCsv(12, plan);
        String history = mvc.perform(get("/api/plans/{id}/targets/history", plan).param("region", "361102")
                        .param("indicator", "SHANTYTOWN.START.UNIT").param("year", "2023")
                        .with(TestUsers.as(TestUsers.COUNTY_REPORTER)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[*].op").value(org.hamcrest.Matchers.contains("INSERT", "DELETE", "INSERT")))
                .andExpect(jsonPath("$[0].after").value("10"))
                .andExpect(jsonPath("$[1].before").value("10"))
                .andExpect(jsonPath("$[2].after").value("12"))
                .andExpect(jsonPath("$[2].actor").value("sr_admin"))
                .andExpect(jsonPath("$[2].viaLabel").value("导入"))
                .andReturn().getResponse().getContentAsString();
        assertThat(history).doesNotContain("password");

        // the breakdown table page links every figure to its history, which the county can open
        mvc.perform(get("/plans/{id}/tables/1", plan).with(TestUsers.as(TestUsers.COUNTY_REPORTER)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("/plans/" + plan + "/history?region=361102&amp;indicator=SHANTYTOWN.START.UNIT&amp;year=2023")));
        mvc.perform(get("/plans/{id}/history", plan).param("region", "361102").param("indicator", "SHANTYTOWN.START.UNIT")
                        .param("year", "2023").header("HX-Request", "true").with(TestUsers.as(TestUsers.COUNTY_REPORTER)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("<span title=\"sr_admin\">上饶市住建局管理员</span>")))
                .andExpect(content().string(containsString("导入")));
        // the log page lists the per-statement entries (rows as an array) among the others
        mvc.perform(get("/audit").with(TestUsers.as(TestUsers.CITY_ADMIN))).andExpect(status().isOk())
                .andExpect(content().string(containsString("target")));
        // another city may not
        mvc.perform(get("/api/plans/{id}/targets/history", plan).param("region", "361102")
                        .param("indicator", "SHANTYTOWN.START.UNIT").param("year", "2023")
                        .with(TestUsers.as(TestUsers.OTHER_CITY_ADMIN)))
                .andExpect(status().isForbidden());
    }

    @Test
    void anEditRecordsOldAndNewAndAStaleVersionIsRefusedWithoutWriting() throws Exception {
        long plan = importCsv(10, null);
        String json = """
                {"title": "%s", "issuerCode": "361100", "firstYear": 2023, "version": %d}""";
        int version = JsonPath.read(mvc.perform(get("/api/plans/{id}", plan).with(TestUsers.as(TestUsers.CITY_ADMIN)))
                .andReturn().getResponse().getContentAsString(), "$.plan.version");
        mvc.perform(put("/api/plans/{id}", plan).contentType(MediaType.APPLICATION_JSON)
                        .content(json.formatted("上饶市2023年棚改计划", version)).with(TestUsers.as(TestUsers.CITY_ADMIN)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.version").value(version + 1));
        // a second editor still holding the old version
        mvc.perform(put("/api/plans/{id}", plan).contentType(MediaType.APPLICATION_JSON)
                        .content(json.formatted("别人的标题", version)).with(TestUsers.as(TestUsers.CITY_ADMIN)))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.title").value("数据已被修改"))
                .andExpect(jsonPath("$.detail", containsString("您的修改未保存")));
        assertThat(jdbc.sql("select title from plan where id = ?").param(plan).query(String.class).single())
                .isEqualTo("上饶市2023年棚改计划");
        mvc.perform(put("/api/plans/{id}", plan).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"title\": \"x\", \"issuerCode\": \"361100\", \"firstYear\": 2023}")
                        .with(TestUsers.as(TestUsers.CITY_ADMIN)))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.detail", containsString("version")));

        List<AuditEntry> updates = audit.history("plan", Map.of("id", plan)).stream()
                .filter(e -> e.op().equals("UPDATE")).toList();
        assertThat(updates).hasSize(1);
        assertThat(updates.getFirst().before()).containsEntry("title", "2023年城市棚户区改造目标任务分解表");
        assertThat(updates.getFirst().after()).containsEntry("title", "上饶市2023年棚改计划")
                .containsEntry("source_file", "上饶棚改.csv");
        assertThat(updates.getFirst().via()).isEqualTo(Channel.API);
        mvc.perform(get("/api/plans/{id}/history", plan).with(TestUsers.as(TestUsers.COUNTY_REPORTER)))
                .andExpect(status().isOk()).andExpect(jsonPath("$[1].op").value("UPDATE"));
    }

    @Test
    void theLogIsAppendOnly() {
        jdbc.sql("insert into app_setting (key, value) values ('audit.test', '1') on conflict (key) do update set value = '2'").update();
        assertThatThrownBy(() -> jdbc.sql("update audit_log set actor = 'someone else'").update())
                .rootCause().hasMessageContaining("审计记录只能追加");
        assertThatThrownBy(() -> jdbc.sql("delete from audit_log").update()).rootCause().hasMessageContaining("审计记录只能追加");
        assertThatThrownBy(() -> jdbc.sql("truncate audit_log").update()).rootCause().hasMessageContaining("审计记录只能追加");
        // a change made outside the application is recorded as the database user's
        AuditEntry e = audit.history("app_setting", Map.of("key", "audit.test")).getLast();
        assertThat(e.actor()).isEqualTo("db:postgres");
        assertThat(e.via()).isEqualTo(Channel.SYSTEM);
    }

    @Test
    void passwordsNeverReachTheLog() throws Exception {
        mvc.perform(get("/api/me").with(TestUsers.as("zg_reporter"))).andExpect(status().isOk());
        String log = jdbc.sql("select string_agg(coalesce(old::text, '') || coalesce(new::text, ''), ' ') from audit_log "
                + "where table_name = 'users'").query(String.class).single();
        assertThat(log).contains("zg_reporter").doesNotContain("bcrypt").doesNotContain("password_hash\":\"{");
    }

    @Test
    void everyTableIsAuditedOrSaysWhyNot() {
        List<String> undeclared = jdbc.sql("""
                        select c.relname from pg_class c join pg_namespace n on n.oid = c.relnamespace
                        where n.nspname = current_schema() and c.relkind in ('r', 'p')
                          and c.relname not in (select table_name from audit_table)
                        order by 1""").query(String.class).list();
        assertThat(undeclared).as("tables without audit_enable(…) or audit_exempt(…, reason) in their migration")
                .isEmpty();
        List<String> withoutTrigger = jdbc.sql("""
                        select t.table_name from audit_table t where t.audited and not exists (
                            select from pg_trigger g join pg_class c on c.oid = g.tgrelid
                            where c.relname = t.table_name and g.tgname = 'audit_insert')""").query(String.class).list();
        assertThat(withoutTrigger).isEmpty();
    }

    /** The list of audited tables answers (it once failed writing the driver's array objects as JSON). */
    @Test
    void theAuditedTablesAreListedWithTheirKeys() throws Exception {
        mvc.perform(get("/api/audit/tables").with(TestUsers.as(TestUsers.CITY_ADMIN)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[?(@.table == 'project_progress')].keyColumns[0]").value("project_id"))
                .andExpect(jsonPath("$[?(@.table == 'project_progress')].granularity").value("statement"))
                .andExpect(jsonPath("$[?(@.table == 'personal_data_access')].audited").value(false));
    }
}
