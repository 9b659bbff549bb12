package org.anju.ledger.expropriation;

import org.anju.AnjuTest;
import org.anju.TestUsers;
import org.anju.region.Regions;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.MockMvc;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The demo project (loaded here by its own loader) through the pages and the API: the timeline, the signing-rate
 * panel with the missed 签约比例, a household's reward line by line, masking, a refused step, the public 分户补偿情况.
 */
@AnjuTest
@AutoConfigureMockMvc
@TestPropertySource(properties = "anju.test.database=expropriation_pages")
class ExpropriationPagesTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    Expropriations expropriations;
    @Autowired
    Regions regions;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    org.anju.platform.ClusterOnce once;

    String page(String uri, String user) throws Exception {
        var request = get(uri);
        if (user != null) {
            request.with(TestUsers.as(user));
        }
        return mvc.perform(request).andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
    }

    long household(long project, String code) {
        return jdbc.sql("select id from ledger_expro_household where project_id = :p and code = :c").param("p", project)
                .param("c", code).query(Long.class).single();
    }

    @Test
    void demoProjectThroughThePages() throws Exception {
        new ExpropriationDemoData(expropriations, regions, jdbc, once).run(null);
        long id = jdbc.sql("select id from ledger_expro_project where name = :n").param("n", ExpropriationDemoData.NAME)
                .query(Long.class).single();

        String project = page("/ledger/expropriation/projects/" + id, "zg_housing");
        assertThat(project).contains("章府征字〔2025〕1号（演示）", "共 30 日", "70.00%", "未达到", "房屋征收决定效力终止");
        assertThat(page("/ledger/expropriation?region=360700", "gz_admin")).contains(ExpropriationDemoData.NAME, "70.00%");
        assertThat(page("/ledger/expropriation/projects/" + id + "?state=ENFORCED", "zg_housing")).contains("JK-019")
                .doesNotContain("JK-018");

        // JK-001 signed on 4月19日, before the period (普陀's week 1 takes them), vacated: 6000 元 due
        String h1 = page("/ledger/expropriation/households/" + household(id, "JK-001"), "zg_housing");
        assertThat(h1).contains("提前签约奖励", "6,000.00 元", "签约期限开始前");
        assertThat(h1).doesNotContain("赵演示丁");   // the owner is masked
        // JK-011 signed on day 22: no reward, stated
        assertThat(page("/ledger/expropriation/households/" + household(id, "JK-011"), "zg_housing")).contains("不予奖励");

        // a step out of order comes back with the article
        String flash = mvc.perform(post("/ledger/expropriation/projects/" + id + "/steps").param("stage", "PUBLISHED")
                        .param("on", "2025-06-01").param("version", String.valueOf(expropriations.project(id).version()))
                        .with(TestUsers.as("zg_housing")))
                .andExpect(status().is3xxRedirection()).andReturn().getFlashMap().get("error").toString();
        assertThat(flash).contains("还有 2 户");

        // API: another city's administrator is refused; the reward as JSON
        mvc.perform(get("/api/ledger/expropriation/projects/" + id).with(TestUsers.as("sr_admin"))).andExpect(status().isForbidden());
        assertThat(mvc.perform(get("/api/ledger/expropriation/households/" + household(id, "JK-001") + "/reward")
                .with(TestUsers.as("gz_admin"))).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8)).contains("\"due\":6000.00");

        // not published yet: the public page does not show it
        mvc.perform(get("/public/ledger/expropriation").param("project", String.valueOf(id))).andExpect(status().isNotFound());
        org.anju.account.Access.runAs(org.anju.account.Actor.system(regions.root()), () -> {
            for (String code : new String[]{"JK-015", "JK-016"}) {
                long h = household(id, code);
                expropriations.decide(h, LocalDate.of(2025, 5, 27), "章府征补字〔2025〕9" + code.substring(4) + "号（演示）",
                        LocalDate.of(2025, 6, 20), expropriations.household(h).version());
            }
            return expropriations.recordStep(id, new StepForm("PUBLISHED", LocalDate.of(2025, 6, 1), null, null, null, null,
                    expropriations.project(id).version()));
        });
        String pub = page("/public/ledger/expropriation?project=" + id, null);
        assertThat(pub).contains(ExpropriationDemoData.NAME, "JK-020", "补偿决定", "*");
        assertThat(pub).doesNotContain("赵演示丁", "360702196001");   // masked names, no ID numbers
    }
}
