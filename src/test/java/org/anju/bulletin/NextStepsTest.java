package org.anju.bulletin;

import org.anju.SeedDataTest;
import org.anju.TestUsers;
import org.anju.account.AuditEntry;
import org.anju.account.AuditTrail;
import org.anju.region.Regions;
import org.apache.poi.xwpf.extractor.XWPFWordExtractor;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.web.context.WebApplicationContext;

import java.io.ByteArrayInputStream;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * 张掖市 writes its bulletin's 下一步工作重点 (seed 004's section 三): it appears in the preview, the JSON and
 * the DOCX, a stale save is refused, only the city's own writers may change it, every change is audited.
 */
@SeedDataTest
class NextStepsTest {

    static final String URL = "/api/bulletins/620700/2023-12/next-steps";
    static final String SEED_TEXT = """
            一要科学推进保障性安居工程项目建设。
            二要强化资金监管，加快资金拨付使用进度。
            """;

    @Autowired
    WebApplicationContext context;
    @Autowired
    AuditTrail audit;
    @Autowired
    Regions regions;
    @Autowired
    JdbcClient jdbc;

    MockMvc admin;
    MockMvc viewer;
    MockMvc county;

    @BeforeEach
    void signIn() {
        admin = TestUsers.mvc(context, TestUsers.ZHANGYE_ADMIN);
        viewer = TestUsers.mvc(context, TestUsers.ZHANGYE_VIEWER);
        county = TestUsers.mvc(context, TestUsers.GANZHOU_DISTRICT_REPORTER);
    }

    @AfterEach
    void removeNotes() {
        // the demo database is shared by the seed-data tests: leave it as it was
        jdbc.sql("delete from bulletin_note").update();
    }

    @Test
    void theCityWritesItAndTheBulletinCarriesItAsSectionThree() throws Exception {
        admin.perform(get("/api/bulletins/620700/2023-12")).andExpect(status().isOk())
                .andExpect(jsonPath("$.sections", hasSize(2)));
        admin.perform(get(URL)).andExpect(status().isOk()).andExpect(jsonPath("$.version").value(0));

        admin.perform(put(URL).contentType(MediaType.APPLICATION_JSON).content(body(0, SEED_TEXT)))
                .andExpect(status().isOk()).andExpect(jsonPath("$.version").value(1))
                .andExpect(jsonPath("$.updatedBy").value(TestUsers.ZHANGYE_ADMIN));

        // the city's viewers read it with the section; a county does not rebuild its city's bulletin (it names the
        // sibling counties and their projects): it is refused, saying why
        viewer.perform(get("/api/bulletins/620700/2023-12")).andExpect(status().isOk())
                .andExpect(jsonPath("$.sections", hasSize(3)))
                .andExpect(jsonPath("$.sections[2].heading").value("三、下一步工作重点"))
                .andExpect(jsonPath("$.sections[2].paragraphs", hasSize(2)))
                .andExpect(jsonPath("$.sections[2].paragraphs[1]").value("二要强化资金监管，加快资金拨付使用进度。"));
        county.perform(get("/api/bulletins/620700/2023-12")).andExpect(status().isForbidden())
                .andExpect(jsonPath("$.detail", containsString("无权查看张掖市的通报")));
        byte[] docx = admin.perform(get("/api/bulletins/620700/2023-12/docx")).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsByteArray();
        try (XWPFDocument doc = new XWPFDocument(new ByteArrayInputStream(docx));
             XWPFWordExtractor text = new XWPFWordExtractor(doc)) {
            String all = text.getText();
            assertThat(all).contains("三、下一步工作重点", "一要科学推进保障性安居工程项目建设。");
            assertThat(all.indexOf("二、存在的问题")).isLessThan(all.indexOf("三、下一步工作重点"));
        }
        // another month's bulletin is not affected
        admin.perform(get("/api/bulletins/620700/2023-11")).andExpect(status().isOk())
                .andExpect(jsonPath("$.sections", hasSize(2)));
    }

    @Test
    void aStaleSaveIsRefusedAndNothingIsOverwritten() throws Exception {
        admin.perform(put(URL).contentType(MediaType.APPLICATION_JSON).content(body(0, SEED_TEXT))).andExpect(status().isOk());
        // a second session that read the empty note (version 0) saves after the first
        admin.perform(put(URL).contentType(MediaType.APPLICATION_JSON).content(body(0, "另一段文字")))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.detail").value(containsString("已被他人修改")));
        admin.perform(put(URL).contentType(MediaType.APPLICATION_JSON).content(body(5, "另一段文字")))
                .andExpect(status().isConflict());
        admin.perform(get(URL)).andExpect(jsonPath("$.version").value(1))
                .andExpect(jsonPath("$.nextSteps").value(SEED_TEXT.strip()));

        // blank text at the current version removes the section
        admin.perform(put(URL).contentType(MediaType.APPLICATION_JSON).content(body(1, "  "))).andExpect(status().isOk())
                .andExpect(jsonPath("$.version").value(0));
        admin.perform(get("/api/bulletins/620700/2023-12")).andExpect(jsonPath("$.sections", hasSize(2)));

        admin.perform(put(URL).contentType(MediaType.APPLICATION_JSON).content(body(0, "字".repeat(BulletinNote.MAX_LENGTH + 1))))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.detail").value(containsString("最多 5000 字")));
        admin.perform(get(URL)).andExpect(jsonPath("$.version").value(0));
    }

    @Test
    void onlyTheCitysOwnWritersChangeIt() throws Exception {
        viewer.perform(put(URL).contentType(MediaType.APPLICATION_JSON).content(body(0, SEED_TEXT)))
                .andExpect(status().isForbidden());
        county.perform(put(URL).contentType(MediaType.APPLICATION_JSON).content(body(0, SEED_TEXT)))
                .andExpect(status().isForbidden());
        TestUsers.mvc(context, TestUsers.CITY_ADMIN).perform(get(URL)).andExpect(status().isForbidden());
        admin.perform(get(URL)).andExpect(jsonPath("$.version").value(0));
        // the page offers the form to the city's administrator only
        viewer.perform(get("/bulletins").param("region", "620700").param("period", "2023-12")).andExpect(status().isOk())
                .andExpect(content().string(not(containsString("id=\"next-steps-form\""))));
    }

    @Test
    void thePageSavesAndEveryChangeIsInTheAuditTrail() throws Exception {
        int zhangye = regions.byCode("620700").orElseThrow().id();
        Map<String, Object> key = Map.of("region_id", zhangye, "period", LocalDate.of(2023, 12, 1).toString());
        int earlier = audit.history("bulletin_note", key).size();   // other tests of this class wrote and removed notes
        admin.perform(get("/bulletins").param("region", "620700").param("period", "2023-12")).andExpect(status().isOk())
                .andExpect(content().string(containsString("id=\"next-steps-form\"")));
        admin.perform(post("/bulletins/next-steps").param("region", "620700").param("period", "2023-12")
                        .param("version", "0").param("text", SEED_TEXT).param("number", "张旧改办〔2024〕1号"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("已保存下一步工作重点")))
                .andExpect(content().string(containsString("三、下一步工作重点")))
                .andExpect(content().string(containsString("张旧改办〔2024〕1号")));
        // the same stale form again: refused, the typed text kept on the page
        admin.perform(post("/bulletins/next-steps").param("region", "620700").param("period", "2023-12")
                        .param("version", "0").param("text", "过时的修改"))
                .andExpect(status().isConflict())
                .andExpect(content().string(containsString("已被他人修改")))
                .andExpect(content().string(containsString("过时的修改")));
        admin.perform(post("/bulletins/next-steps").param("region", "620700").param("period", "2023-12")
                        .param("version", "1").param("text", "一要加快进度。")).andExpect(status().isOk());
        // when it was saved, in Beijing time whatever the server's or the database session's zone
        String beijing = jdbc.sql("select to_char(updated_at at time zone 'Asia/Shanghai', 'YYYY-MM-DD HH24:MI') "
                + "from bulletin_note").query(String.class).single();
        admin.perform(get("/bulletins").param("region", "620700").param("period", "2023-12"))
                .andExpect(content().string(containsString("最后修改：" + TestUsers.ZHANGYE_ADMIN + "，" + beijing)));

        List<AuditEntry> all = audit.history("bulletin_note", key);
        List<AuditEntry> history = all.subList(earlier, all.size());
        assertThat(history).extracting(AuditEntry::op).containsExactly("INSERT", "UPDATE");
        assertThat(history).extracting(AuditEntry::actor).containsOnly(TestUsers.ZHANGYE_ADMIN);
        assertThat(history.get(1).before().get("next_steps")).isEqualTo(SEED_TEXT.strip());
        assertThat(history.get(1).after().get("next_steps")).isEqualTo("一要加快进度。");
    }

    private static String body(int version, String text) {
        return "{\"version\": " + version + ", \"text\": \"" + text.replace("\n", "\\n") + "\"}";
    }
}
