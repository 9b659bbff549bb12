package org.anju.plan.web;

import org.anju.SeedDataTest;
import org.anju.TestUsers;
import org.anju.account.AuditEntry;
import org.anju.account.AuditTrail;
import org.anju.account.Role;
import org.anju.plan.Plan;
import org.anju.plan.PlanDraft;
import org.anju.plan.Plans;
import org.anju.region.Regions;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.web.context.WebApplicationContext;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * 上饶市 imported a table whose file named no 文号 or date: its administrator fills them in on the page,
 * links the plan to the province's, and nobody else can.
 */
@SeedDataTest
class PlanEditPagesTest {

    @Autowired
    WebApplicationContext context;
    @Autowired
    Plans plans;
    @Autowired
    Regions regions;
    @Autowired
    AuditTrail audit;

    MockMvc admin;
    long id;

    @BeforeEach
    void aPlanWithoutItsMetadata() {
        admin = TestUsers.mvc(context, TestUsers.CITY_ADMIN);
        int shangrao = regions.byCode("361100").orElseThrow().id();
        // as an import of a bare table leaves it: a title from the table, nothing else
        id = plans.save(new PlanDraft(new Plan(null, "2024年城市棚户区改造目标任务分解表", shangrao, null, null, null,
                2024, 2024, null, "分解表.xlsx", null), List.of(), List.of(), List.of()), false);
    }

    /** Another administrator of 上饶市 (ad hoc account sr_admin2), for a version made by someone else. */
    MockMvc colleague() {
        return org.springframework.test.web.servlet.setup.MockMvcBuilders.webAppContextSetup(context)
                .apply(org.springframework.security.test.web.servlet.setup.SecurityMockMvcConfigurers.springSecurity()).build();
    }

    @AfterEach
    void removeIt() {
        // the seed-data tests share one database: leave the seed plans as they were
        plans.delete(id);
    }

    @Test
    void theIssuerFillsInTheMetadataAndLinksTheParent() throws Exception {
        long jiangxi = plans.byDocumentNumber("赣建保〔2023〕1号").orElseThrow().id();
        admin.perform(get("/plans/" + id)).andExpect(status().isOk())
                .andExpect(content().string(containsString("id=\"plan-edit-link\"")));
        admin.perform(get("/plans/" + id + "/edit")).andExpect(status().isOk())
                .andExpect(content().string(containsString("修改计划信息")))
                .andExpect(content().string(containsString("赣建保〔2023〕1号")));

        admin.perform(post("/plans/" + id + "/edit").param("version", "0")
                        .param("title", "关于下达2024年全市城市棚户区改造目标任务的通知")
                        .param("issuerName", "上饶市住房和城乡建设局").param("documentNumber", "饶建保〔2024〕3号")
                        .param("issuedOn", "2024-03-15").param("firstYear", "2024").param("lastYear", "2024")
                        .param("parentPlanId", String.valueOf(jiangxi)).param("note", "据附件补录"))
                .andExpect(status().is3xxRedirection()).andExpect(redirectedUrl("/plans/" + id))
                .andExpect(flash().attribute("message", "已保存计划信息"));

        Plan p = plans.get(id);
        assertThat(p.documentNumber()).isEqualTo("饶建保〔2024〕3号");
        assertThat(p.issuedOn()).isEqualTo(LocalDate.of(2024, 3, 15));
        assertThat(p.parentPlanId()).isEqualTo(jiangxi);
        assertThat(p.sourceFile()).isEqualTo("分解表.xlsx");
        assertThat(p.version()).isEqualTo(1);
        admin.perform(get("/plans/" + id)).andExpect(content().string(containsString("饶建保〔2024〕3号")))
                .andExpect(content().string(containsString("2024年3月15日")))
                .andExpect(content().string(containsString("据附件补录")));

        List<AuditEntry> history = audit.history("plan", Map.of("id", id));
        AuditEntry change = history.getLast();
        assertThat(change.op()).isEqualTo("UPDATE");
        assertThat(change.actor()).isEqualTo(TestUsers.CITY_ADMIN);
        assertThat(change.after().get("document_number")).isEqualTo("饶建保〔2024〕3号");
    }

    @Test
    void aStaleFormOrABadValueIsRefusedAndTheTypedValuesStay() throws Exception {
        admin.perform(post("/plans/" + id + "/edit").param("version", "0").param("title", "第一次修改")
                .param("firstYear", "2024")).andExpect(status().is3xxRedirection());
        admin.perform(post("/plans/" + id + "/edit").param("version", "0").param("title", "过时的修改")
                        .param("documentNumber", "饶建保〔2024〕9号").param("firstYear", "2024"))
                .andExpect(status().isConflict())
                // the version there is the admin's own first edit (it said 他人, a guess)
                .andExpect(content().string(containsString("已被您本人的账号（另一窗口或此前的一次提交）于 ")))
                .andExpect(content().string(containsString("修改，您的修改未保存；请刷新页面，核对后重新修改（当前版本 1，提交的版本 0）")))
                .andExpect(content().string(containsString("饶建保〔2024〕9号")));
        // another administrator of 上饶市 on a page read before it: the city's administrator is named
        colleague().perform(post("/plans/" + id + "/edit").with(TestUsers.as("sr_admin2", "361100", Role.CITY_ADMIN))
                        .param("version", "0").param("title", "同事的修改").param("firstYear", "2024"))
                .andExpect(status().isConflict())
                .andExpect(content().string(containsString("（" + TestUsers.CITY_ADMIN + "）于 ")))
                .andExpect(content().string(org.hamcrest.Matchers.not(containsString("他人"))));
        admin.perform(post("/plans/" + id + "/edit").param("version", "1").param("title", " ").param("firstYear", "2024"))
                .andExpect(status().isBadRequest()).andExpect(content().string(containsString("计划标题不能为空")));
        admin.perform(post("/plans/" + id + "/edit").param("version", "1").param("title", "第一次修改")
                        .param("firstYear", "2024").param("lastYear", "2023"))
                .andExpect(status().isBadRequest()).andExpect(content().string(containsString("计划年度有误")));
        admin.perform(post("/plans/" + id + "/edit").param("version", "1").param("title", "第一次修改")
                        .param("firstYear", "2024").param("parentPlanId", String.valueOf(id)))
                .andExpect(status().isBadRequest()).andExpect(content().string(containsString("不能是本计划自己")));
        assertThat(plans.get(id).title()).isEqualTo("第一次修改");
        assertThat(plans.get(id).version()).isEqualTo(1);
    }

    @Test
    void onlyTheIssuersWritersMayEditAndOnlyUnderAPlanTheyMayRead() throws Exception {
        MockMvc viewer = TestUsers.mvc(context, TestUsers.CITY_VIEWER);
        viewer.perform(get("/plans/" + id)).andExpect(status().isOk())
                .andExpect(content().string(not(containsString("id=\"plan-edit-link\""))));
        viewer.perform(get("/plans/" + id + "/edit")).andExpect(status().isForbidden());
        TestUsers.mvc(context, TestUsers.COUNTY_REPORTER).perform(post("/plans/" + id + "/edit").param("version", "0")
                .param("title", "县里改的").param("firstYear", "2024")).andExpect(status().isForbidden());
        // 赣州市's plan is not Shangrao's to implement
        long ganzhou = plans.readable().stream().filter(p -> p.issuerRegionId() == regions.byCode("360700").orElseThrow().id())
                .findFirst().orElseThrow().id();
        admin.perform(post("/plans/" + id + "/edit").param("version", "0").param("title", "改")
                .param("firstYear", "2024").param("parentPlanId", String.valueOf(ganzhou))).andExpect(status().isForbidden());
        assertThat(plans.get(id).version()).isZero();
    }
}
