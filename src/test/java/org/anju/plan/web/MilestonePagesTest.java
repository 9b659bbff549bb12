package org.anju.plan.web;

import org.anju.SeedDataTest;
import org.anju.TestUsers;
import org.anju.account.Role;
import org.anju.indicator.BuildingType;
import org.anju.plan.Milestone;
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

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The issuer of a plan adds, changes and removes its 进度要求 on the plan page (the seed 000 sentence about
 * 2021年结转高层 projects), a bad field is named and nothing saved, a stale form is refused, and nobody else can.
 */
@SeedDataTest
class MilestonePagesTest {

    @Autowired
    WebApplicationContext context;
    @Autowired
    Plans plans;
    @Autowired
    Regions regions;

    MockMvc admin;
    long id;

    @BeforeEach
    void aPlanWithoutMilestones() {
        admin = TestUsers.mvc(context, TestUsers.CITY_ADMIN);
        int shangrao = regions.byCode("361100").orElseThrow().id();
        id = plans.save(new PlanDraft(new Plan(null, "2023年棚户区改造续建项目计划", shangrao, null, null, null,
                2023, 2023, null, "续建.xlsx", null), List.of(), List.of(), List.of()), false);
    }

    /** Another administrator of 上饶市 (ad hoc account sr_admin2), for a version made by someone else. */
    MockMvc colleague() {
        return org.springframework.test.web.servlet.setup.MockMvcBuilders.webAppContextSetup(context)
                .apply(org.springframework.security.test.web.servlet.setup.SecurityMockMvcConfigurers.springSecurity()).build();
    }

    @AfterEach
    void removeIt() {
        plans.delete(id);   // the seed-data tests share one database
    }

    @Test
    void theIssuerAddsChangesAndRemovesAMilestone() throws Exception {
        admin.perform(get("/plans/" + id)).andExpect(status().isOk())
                .andExpect(content().string(containsString("添加进度要求")));
        int version = plans.get(id).version();
        admin.perform(post("/plans/" + id + "/milestones").param("version", String.valueOf(version))
                        .param("dueOn", "2023-08-31").param("program", "SHANTYTOWN").param("threshold", "100")
                        .param("workItem", "续建项目基本建成").param("scope", "2021年结转的棚户区改造高层建筑续建项目")
                        .param("stage", "BASIC_COMPLETION").param("measure", "UNIT").param("years", "2021年")
                        .param("buildingTypes", "HIGH_RISE")
                        .param("quote", "2021年结转的棚户区改造高层建筑续建项目……全面达到基本建成要求"))
                .andExpect(status().is3xxRedirection()).andExpect(flash().attribute("message", containsString("已添加")));
        Milestone m = plans.milestones(id).getFirst();
        assertThat(m.selection().years()).containsExactly(2021);
        assertThat(m.selection().buildingTypes()).containsExactly(BuildingType.HIGH_RISE);
        assertThat(m.dueOn()).isEqualTo(LocalDate.of(2023, 8, 31));
        admin.perform(get("/plans/" + id)).andExpect(content().string(containsString("项目库：2021年项目，高层")));

        // a form shown before the change is stale: refused, nothing overwritten
        admin.perform(post("/plans/" + id + "/milestones").param("version", String.valueOf(version))
                        .param("milestoneId", String.valueOf(m.id())).param("dueOn", "2023-10-31").param("program", "SHANTYTOWN")
                        .param("workItem", "续建项目基本建成"))
                .andExpect(flash().attribute("milestoneError", containsString("已被您本人的账号（另一窗口或此前的一次提交）于 ")));
        // another administrator of 上饶市 on a page read before the milestone was added: the city's administrator is named
        colleague().perform(post("/plans/" + id + "/milestones").with(TestUsers.as("sr_admin2", "361100", Role.CITY_ADMIN))
                        .param("version", String.valueOf(version)).param("milestoneId", String.valueOf(m.id()))
                        .param("dueOn", "2023-10-31").param("program", "SHANTYTOWN").param("workItem", "续建项目基本建成"))
                .andExpect(flash().attribute("milestoneError", containsString("（" + TestUsers.CITY_ADMIN + "）于 ")))
                .andExpect(flash().attribute("milestoneError", org.hamcrest.Matchers.not(containsString("他人"))));
        int now = plans.get(id).version();
        admin.perform(post("/plans/" + id + "/milestones").param("version", String.valueOf(now))
                        .param("milestoneId", String.valueOf(m.id())).param("dueOn", "2023-10-31").param("program", "SHANTYTOWN")
                        .param("threshold", "100").param("workItem", "续建项目基本建成").param("stage", "BASIC_COMPLETION")
                        .param("years", "2021、2022"))
                .andExpect(flash().attribute("message", containsString("已修改")));
        assertThat(plans.milestones(id)).singleElement().satisfies(x -> {
            assertThat(x.dueOn()).isEqualTo(LocalDate.of(2023, 10, 31));
            assertThat(x.selection().years()).containsExactly(2021, 2022);
            assertThat(x.selection().buildingTypes()).isEmpty();
        });

        admin.perform(post("/plans/" + id + "/milestones/" + m.id() + "/delete").param("version", String.valueOf(now + 1)))
                .andExpect(flash().attribute("message", "已删除进度要求"));
        assertThat(plans.milestones(id)).isEmpty();
    }

    String formKey(int which) throws Exception {
        java.util.regex.Matcher key = java.util.regex.Pattern.compile("name=\"_once\" value=\"([0-9a-f-]{36})\"")
                .matcher(admin.perform(get("/plans/" + id)).andReturn().getResponse().getContentAsString(
                        java.nio.charset.StandardCharsets.UTF_8));
        for (int i = 0; i <= which; i++) {
            assertThat(key.find()).as("form key " + which).isTrue();
        }
        return key.group(1);
    }

    org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder add(String key, int version, String dueOn) {
        return post("/plans/" + id + "/milestones").param("_once", key).param("version", String.valueOf(version))
                .param("dueOn", dueOn).param("program", "SHANTYTOWN").param("threshold", "100")
                .param("workItem", "续建项目基本建成").param("stage", "BASIC_COMPLETION").param("years", "2021")
                .param("buildingTypes", "HIGH_RISE").param("buildingTypes", "MULTI_STOREY");
    }

    /**
     * The form sent again (Back and 重新提交, a double-click) carries the plan version the first save moved on: it was
     * refused as 已被他人修改 — about the user's own click, the first one saved. Its key makes it answered as done.
     */
    @Test
    void theFormSentAgainIsSavedOnceAndTheRepeatIsToldSo() throws Exception {
        int version = plans.get(id).version();
        String key = formKey(0);
        admin.perform(add(key, version, "2023-08-31")).andExpect(flash().attribute("message", "已添加进度要求：2023-08-31 续建项目基本建成"));
        admin.perform(add(key, version, "2023-08-31")).andExpect(flash().attribute("milestoneError", org.hamcrest.Matchers.nullValue()))
                .andExpect(flash().attribute("message", "已添加进度要求：2023-08-31 续建项目基本建成（同一表单又提交了一次，未重复保存）"));
        // Back, the date changed, sent again: not taken for the same, not saved either
        admin.perform(add(key, version, "2023-09-30")).andExpect(flash().attribute("milestoneError",
                org.hamcrest.Matchers.startsWith("这张表单已于 ")));
        assertThat(plans.milestones(id)).singleElement().satisfies(m -> assertThat(m.dueOn()).isEqualTo(LocalDate.of(2023, 8, 31)));

        // a change sent twice alike: the first form on the page is the milestone's own
        long mid = plans.milestones(id).getFirst().id();
        String change = formKey(0);
        int now = plans.get(id).version();
        for (String message : List.of("已修改进度要求：2023-10-31 续建项目基本建成",
                "已修改进度要求：2023-10-31 续建项目基本建成（同一表单又提交了一次，未重复保存）")) {
            admin.perform(add(change, now, "2023-10-31").param("milestoneId", String.valueOf(mid)))
                    .andExpect(flash().attribute("message", message));
        }

        // a double-click: one milestone more, neither answer a refusal
        String twice = formKey(1);
        int then = plans.get(id).version();
        List<Object> errors = org.anju.AtOnce.twice(() -> admin.perform(add(twice, then, "2023-12-31")).andReturn()
                .getFlashMap().get("milestoneError"));
        assertThat(errors).containsOnlyNulls();
        assertThat(plans.milestones(id)).hasSize(2);
    }

    @Test
    void aBadFieldIsNamedAndNothingIsSaved() throws Exception {
        int version = plans.get(id).version();
        String[][] cases = {
                {"dueOn", "8月底", "“时限”不是日期（应为 2023-08-31 这样的形式）：8月底"},
                {"threshold", "百分之百", "“要求达到（%）”不是数字"},
                {"years", "二〇二一", "“项目年度”中的「二〇二一」不是年份"},
                {"stage", "FINISHED", "须指明阶段"},
        };
        for (String[] c : cases) {
            java.util.Map<String, String> form = new java.util.LinkedHashMap<>(java.util.Map.of("dueOn", "2023-08-31",
                    "program", "SHANTYTOWN", "workItem", "续建项目基本建成", "stage", "BASIC_COMPLETION", "years", "2021"));
            form.put(c[0], c[1]);
            var request = post("/plans/" + id + "/milestones").param("version", String.valueOf(version));
            form.forEach(request::param);
            admin.perform(request).andExpect(status().is3xxRedirection())
                    .andExpect(flash().attribute("milestoneError", containsString(c[2])));
        }
        String[][] more = {
                {"measure", "ROOM", "按项目核对的计量应为套数、户数、小区个数、栋数或面积"},
                {"program", "MARS_HOUSING", "未知工程类别：MARS_HOUSING"},
                {"threshold", "1e-99999", "“要求达到（%）”不是数字：1e-99999"}, // no exponents, by the one number rule
                {"threshold", "80.125", "最多两位小数"},
        };
        for (String[] c : more) {
            java.util.Map<String, String> form = new java.util.LinkedHashMap<>(java.util.Map.of("dueOn", "2023-08-31",
                    "program", "SHANTYTOWN", "stage", "BASIC_COMPLETION", "years", "2021"));
            form.put(c[0], c[1]);
            var request = post("/plans/" + id + "/milestones").param("version", String.valueOf(version));
            form.forEach(request::param);
            admin.perform(request).andExpect(status().is3xxRedirection())
                    .andExpect(flash().attribute("milestoneError", containsString(c[2])));
        }
        // a selection with no year: the year is never assumed
        admin.perform(post("/plans/" + id + "/milestones").param("version", String.valueOf(version))
                        .param("dueOn", "2023-08-31").param("program", "SHANTYTOWN").param("stage", "START"))
                .andExpect(flash().attribute("milestoneError", containsString("须指明项目年度")));
        assertThat(plans.milestones(id)).isEmpty();
        assertThat(plans.get(id).version()).isEqualTo(version);
    }

    /** A requirement about projects alone (no indicator, no work item), with no percent: "全部" is 100%. */
    @Test
    void aMilestoneAboutProjectsAloneIsSavedAndChecked() throws Exception {
        admin.perform(post("/plans/" + id + "/milestones").param("version", String.valueOf(plans.get(id).version()))
                        .param("dueOn", "2023-10-31").param("program", "SHANTYTOWN").param("stage", "START")
                        .param("measure", "UNIT").param("years", "2023").param("placements", "ON_SITE"))
                .andExpect(flash().attribute("message", containsString("已添加")));
        Milestone m = plans.milestones(id).getFirst();
        assertThat(m.thresholdPercent()).isNull();
        assertThat(m.threshold()).isEqualByComparingTo("100");
        assertThat(m.selection().placements()).containsExactly(org.anju.indicator.Placement.ON_SITE);
        // the supervision page of the issuer's city shows it checked, and does not fail on the missing percent
        admin.perform(get("/supervision").param("period", "2023-10")).andExpect(status().isOk())
                .andExpect(content().string(containsString("城市棚户区改造（2023年项目，就地建设安置）开工（按套数）")));
    }

    @Test
    void onlyTheIssuerMayEdit() throws Exception {
        MockMvc other = TestUsers.mvc(context, TestUsers.OTHER_CITY_ADMIN);
        other.perform(post("/plans/" + id + "/milestones").param("version", "0").param("dueOn", "2023-08-31")
                .param("program", "SHANTYTOWN").param("workItem", "x"))
                .andExpect(status().isForbidden());
        admin.perform(get("/plans/" + id)).andExpect(content().string(containsString("添加进度要求")));
        TestUsers.mvc(context, TestUsers.CITY_VIEWER).perform(get("/plans/" + id))
                .andExpect(content().string(not(containsString("添加进度要求"))));
        assertThat(plans.milestones(id)).isEmpty();
    }

    /** Naming a parent plan one may not read does not show its title back (issue 10): refused alike. */
    @Test
    void aParentPlanOneMayNotReadIsRefused() throws Exception {
        long zhangye = plans.readable().stream().filter(p -> p.title().contains("张掖市")).findFirst().orElseThrow().id();
        String body = """
                {"title": "上饶市测试计划", "issuerCode": "361100", "firstYear": 2023, "parentPlanId": %d}""".formatted(zhangye);
        String answer = TestUsers.mvc(context, TestUsers.CITY_ADMIN).perform(post("/api/plans")
                        .contentType(org.springframework.http.MediaType.APPLICATION_JSON).content(body))
                .andExpect(status().isBadRequest()).andReturn().getResponse().getContentAsString();
        assertThat(answer).contains("上级计划不存在或无权查看").doesNotContain("张掖市2023年");
    }
}
