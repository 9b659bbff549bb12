package org.anju.rental.application;

import org.anju.AnjuTest;
import org.anju.AtOnce;
import org.anju.TestUsers;
import org.anju.account.Access;
import org.anju.account.Actor;
import org.anju.account.Channel;
import org.anju.account.Role;
import org.anju.region.Regions;
import org.anju.rental.household.Guarantee;
import org.anju.rental.review.Review;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.EnumSet;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.startsWith;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * A 公示异议 sent again (Back and 重新提交, a retry after a timeout) or twice at once (a double-click) is recorded once
 * and the repeat is answered as done. Before, the form's or call's application version made the repeat a 409
 * 该申请已被他人办理 — about the user's own click — while the first had been recorded.
 */
@AnjuTest
@AutoConfigureMockMvc
@TestPropertySource(properties = "anju.test.database=application_repeats")
class ObjectionRepeatsTest {

    static final String DONE = "已办理，申请现为：已登记异议，待核查";

    @Autowired
    MockMvc mvc;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    Applications applications;
    @Autowired
    Regions regions;
    @Autowired
    ApplicationDemoData demo;

    long id;
    int version;

    Actor actor(String username, String region, Role role) {
        return new Actor(username, username, regions.byCode(region).orElseThrow(), EnumSet.of(role), Channel.UI, false);
    }

    /** An application of 下淀社区 passed by 丰财街道, in 社区公示 from 2024-09-27 (ApplicationsTest's chain). */
    @BeforeEach
    void anApplicationInItsNotice() {
        demo.load();
        long a = Access.runAs(actor("xiadian_clerk", ApplicationsTest.COMMUNITY, Role.COMMUNITY_CLERK), () ->
                applications.submit(new NewApplication(ApplicationsTest.family(ApplicationsTest.COMMUNITY, new BigDecimal("36")),
                        null, Guarantee.SUBSIDY, null, ApplicationsTest.d("2024-09-26"))));
        ApplicationView notice = Access.runAs(actor("fengcai_reviewer", ApplicationsTest.TOWN, Role.TOWN_REVIEWER), () ->
                applications.decide(a, applications.application(a).version(), Review.Decision.APPROVE, null,
                        ApplicationsTest.d("2024-09-27")));
        assertThat(notice.stepName()).isEqualTo("社区公示");
        id = a;
        version = notice.version();
    }

    int objections() {
        return jdbc.sql("select count(*) from rental_objection where application_id = :id").param("id", id)
                .query(Integer.class).single();
    }

    String formKey() throws Exception {
        String page = mvc.perform(get("/rental/applications/" + id).with(TestUsers.as("xiadian_clerk")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        Matcher key = Pattern.compile("name=\"_once\" value=\"([0-9a-f-]{36})\"").matcher(page);
        assertThat(key.find()).as("the objection form's key").isTrue();
        return key.group(1);
    }

    MockHttpServletRequestBuilder form(String key, String channel) {
        return form(key, channel, "申请人在铜山区另有住房一套");
    }

    MockHttpServletRequestBuilder form(String key, String channel, String content) {
        return post("/rental/applications/" + id + "/objections").with(TestUsers.as("xiadian_clerk")).param("_once", key)
                .param("version", String.valueOf(version)).param("channel", channel).param("content", content)
                .param("receivedOn", "2024-09-30");
    }

    MockHttpServletRequestBuilder api(String key, String channel) {
        return post("/api/rental/applications/" + id + "/objections").with(TestUsers.as("xiadian_clerk"))
                .contentType(MediaType.APPLICATION_JSON).header("Idempotency-Key", key)
                .content("{\"version\": " + version + ", \"channel\": \"" + channel + "\", \"content\": \"申请人在铜山区另有住房一套\", "
                        + "\"receivedOn\": \"2024-09-30\"}");
    }

    @Test
    void theFormSentAgainIsRecordedOnceAndTheRepeatIsToldSo() throws Exception {
        String key = formKey();
        mvc.perform(form(key, "来信")).andExpect(status().is3xxRedirection()).andExpect(flash().attribute("message", DONE));
        mvc.perform(form(key, "来信")).andExpect(status().is3xxRedirection())
                .andExpect(flash().attribute("message", DONE + "（同一表单又提交了一次，未重复登记）"));
        // Back, the form changed, sent again: not taken for the same, not recorded either
        mvc.perform(form(key, "来电")).andExpect(flash().attribute("error", startsWith("这张表单已于 ")));
        // only the content changed (personal, yet part of the keyed digest): not taken for the same either
        mvc.perform(form(key, "来信", "申请人在铜山区另有住房两套"))
                .andExpect(flash().attribute("error", startsWith("这张表单已于 ")));
        assertThat(objections()).isEqualTo(1);
    }

    @Test
    void aDoubleClickRecordsOneObjection() throws Exception {
        String key = formKey();
        List<Object> errors = AtOnce.twice(() -> mvc.perform(form(key, "来访")).andReturn().getFlashMap().get("error"));
        assertThat(errors).containsOnlyNulls();
        assertThat(objections()).isEqualTo(1);
    }

    @Test
    void anApiRetryIsAnsweredWithTheFirstObjection() throws Exception {
        String first = mvc.perform(api("objection-2024-09-30-1", "网上")).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        mvc.perform(api("objection-2024-09-30-1", "网上")).andExpect(status().isOk()).andExpect(content().string(first));
        mvc.perform(api("objection-2024-09-30-1", "来电")).andExpect(status().isConflict())
                .andExpect(jsonPath("$.detail").value(startsWith("请求头 Idempotency-Key“objection-2024-09-30-1”已于 ")));
        version = applications.application(id).version();   // a new call reads the application again
        List<Integer> twice = AtOnce.twice(() -> mvc.perform(api("objection-at-once", "来信")).andReturn().getResponse().getStatus());
        assertThat(twice).containsExactly(200, 200);
        assertThat(objections()).isEqualTo(2);
    }
}
