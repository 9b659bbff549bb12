package org.anju.ledger.item;

import org.anju.AtOnce;
import org.anju.AnjuTest;
import org.anju.TestUsers;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The double-submit trial: a 交办 double-clicked, sent again after Back, an API call retried after a timeout, each
 * stored the petition again (three identical items, each with its own deadline and reminders). The page's form carries
 * a key and the API takes an Idempotency-Key: the same request twice — one after the other or at once — makes one item,
 * and the repeat is answered with it.
 */
@AnjuTest
@AutoConfigureMockMvc
@TestPropertySource(properties = "anju.test.database=ledger_repeats")
class RepeatedSubmissionTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    JdbcClient jdbc;

    static final String ADMIN = TestUsers.COUNTY_ADMIN;   // 章贡区

    int items(String title) {
        return jdbc.sql("select count(*) from ledger_item where title = :t").param("t", title).query(Integer.class).single();
    }

    String formKey() throws Exception {
        String page = mvc.perform(get("/ledger/new").param("kind", "PETITION").with(TestUsers.as(ADMIN)))
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        Matcher key = Pattern.compile("name=\"_once\" value=\"([0-9a-f-]{36})\"").matcher(page);
        assertThat(key.find()).as("the form's key").isTrue();
        return key.group(1);
    }

    MockHttpServletRequestBuilder petition(String key, String title) {
        return post("/ledger/items").with(TestUsers.as(ADMIN)).param("_once", key).param("kind", "PETITION")
                .param("region", "360702").param("title", title).param("f_channel", "12345热线")
                .param("f_received_on", "2025-05-06").param("f_accepted_on", "2025-05-07").param("f_content", "楼顶漏水");
    }

    static String api(String title) {
        return "{\"kind\": \"PETITION\", \"regionCode\": \"360702\", \"title\": \"" + title + "\", \"fields\": {\"channel\": "
                + "\"12345热线\", \"received_on\": \"2025-05-06\", \"accepted_on\": \"2025-05-07\", \"content\": \"楼顶漏水\"}}";
    }

    MockHttpServletRequestBuilder apiPetition(String key, String title) {
        MockHttpServletRequestBuilder r = post("/api/ledger/items").with(TestUsers.as(ADMIN))
                .contentType(MediaType.APPLICATION_JSON).content(api(title));
        return key == null ? r : r.header("Idempotency-Key", key);
    }

    @Test
    void aPageFormSentTwiceMakesOneItemAndTheRepeatIsShownIt() throws Exception {
        String key = formKey();
        String first = mvc.perform(petition(key, "重复提交的信访（表单）")).andExpect(status().is3xxRedirection())
                .andExpect(flash().attribute("message", "已交办")).andReturn().getResponse().getRedirectedUrl();
        assertThat(first).matches("/ledger/items/\\d+");
        mvc.perform(petition(key, "重复提交的信访（表单）")).andExpect(status().is3xxRedirection())
                .andExpect(flash().attribute("message", "已交办（同一表单又提交了一次，未重复交办）"))
                .andExpect(result -> assertThat(result.getResponse().getRedirectedUrl()).isEqualTo(first));
        assertThat(items("重复提交的信访（表单）")).isEqualTo(1);

        // Back, the title changed, sent again: not taken for the same, not stored as a new one either — asked
        mvc.perform(petition(key, "改了标题的信访")).andExpect(status().is3xxRedirection())
                .andExpect(flash().attribute("error", org.hamcrest.Matchers.startsWith("这张表单已于 ")))
                .andExpect(flash().attribute("error", org.hamcrest.Matchers.endsWith(
                        "提交过，这次的内容有改动，未保存：如要再提交一项，请重新打开表单填写（返回上一页再提交会被当作同一次提交）")));
        assertThat(items("改了标题的信访")).isZero();

        // a new form (a new key) is a new item
        mvc.perform(petition(formKey(), "重复提交的信访（表单）")).andExpect(flash().attribute("message", "已交办"));
        assertThat(items("重复提交的信访（表单）")).isEqualTo(2);
    }

    @Test
    void aDoubleClickMakesOneItem() throws Exception {
        String key = formKey();
        List<String> urls = AtOnce.twice(() -> mvc.perform(petition(key, "双击的信访")).andReturn().getResponse().getRedirectedUrl());
        assertThat(urls.get(0)).matches("/ledger/items/\\d+").isEqualTo(urls.get(1));
        assertThat(items("双击的信访")).isEqualTo(1);
    }

    @Test
    void anApiRetryWithItsKeyIsAnsweredWithTheFirstItem() throws Exception {
        String first = mvc.perform(apiPetition("retry-2025-05-07-0001", "API重试的信访")).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        long id = Long.parseLong(first.replaceAll("(?s).*?\"id\"\\s*:\\s*(\\d+).*", "$1"));
        mvc.perform(apiPetition("retry-2025-05-07-0001", "API重试的信访")).andExpect(status().isOk())
                .andExpect(jsonPath("$.id").value(id));
        assertThat(items("API重试的信访")).isEqualTo(1);

        // the key with another request: refused, nothing stored; a malformed key: said where
        mvc.perform(apiPetition("retry-2025-05-07-0001", "另一件信访")).andExpect(status().isConflict())
                .andExpect(jsonPath("$.code").value("CONFLICT"))
                .andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.startsWith(
                        "请求头 Idempotency-Key“retry-2025-05-07-0001”已于 ")));
        mvc.perform(apiPetition("a key", "另一件信访")).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.startsWith("请求头 Idempotency-Key“a key”不是有效的键")));
        assertThat(items("另一件信访")).isZero();

        // without a key, as before: each call is a new item
        mvc.perform(apiPetition(null, "无键的信访")).andExpect(status().isOk());
        mvc.perform(apiPetition(null, "无键的信访")).andExpect(status().isOk());
        assertThat(items("无键的信访")).isEqualTo(2);
    }
    @Test
    void aNoticeSentTwiceIsIssuedOnce() throws Exception {
        String item = mvc.perform(apiPetition(null, "督办的信访")).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        String id = item.replaceAll("(?s).*?\"id\"\\s*:\\s*(\\d+).*", "$1");
        String page = mvc.perform(get("/ledger/notices").param("region", "360702").with(TestUsers.as(TestUsers.OTHER_CITY_ADMIN)))
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        Matcher key = Pattern.compile("name=\"_once\" value=\"([0-9a-f-]{36})\"").matcher(page);
        assertThat(key.find()).as("the notice form's key").isTrue();
        for (String message : List.of("已向章贡区发出督办通知", "已向章贡区发出督办通知（同一表单又提交了一次，未重复发出）")) {
            mvc.perform(post("/ledger/notices").with(TestUsers.as(TestUsers.OTHER_CITY_ADMIN)).param("_once", key.group(1))
                            .param("regionCode", "360702").param("itemIds", id).param("title", "重复提交的督办通知")
                            .param("deadline", org.anju.platform.ChinaTime.today().plusDays(30).toString()))
                    .andExpect(status().is3xxRedirection()).andExpect(flash().attribute("message", message));
        }
        assertThat(jdbc.sql("select count(*) from ledger_notice where title = '重复提交的督办通知'").query(Integer.class).single())
                .isEqualTo(1);
    }
    /** Keys are kept a day: the scheduled clean-up drops older ones, of users who never sent another keyed request. */
    @Test
    void keysOlderThanADayAreCleanedUp(@Autowired org.anju.platform.Once once) {
        jdbc.sql("insert into request_once (owner, key, made_at, digest, result) values ('t_gone', 'k-old', now() - interval '25 hours', 'd', '1'),"
                + " ('t_gone', 'k-new', now() - interval '23 hours', 'd', '2')").update();
        assertThat(once.dropExpired()).isGreaterThanOrEqualTo(1);
        assertThat(jdbc.sql("select key from request_once where owner = 't_gone'").query(String.class).list())
                .containsExactly("k-new");
    }

    /**
     * A form sent again with only the petitioner's phone changed is another request, refused as one (review 23 L2: the
     * personal fields were left out of a plain SHA-256, and such a repeat was answered with the first item, the new phone
     * lost without a word); the digest kept is keyed, not the plain SHA-256 of what was asked.
     */
    @Test
    void aFormSentAgainWithAnotherPhoneIsNotTakenForTheSame() throws Exception {
        String key = formKey();
        mvc.perform(petition(key, "带信访人的信访").param("petitionerName", "张三丰").param("petitionerPhone", "13800138000"))
                .andExpect(flash().attribute("message", "已交办"));
        mvc.perform(petition(key, "带信访人的信访").param("petitionerName", "张三丰").param("petitionerPhone", "13800138000"))
                .andExpect(flash().attribute("message", "已交办（同一表单又提交了一次，未重复交办）"));
        mvc.perform(petition(key, "带信访人的信访").param("petitionerName", "张三丰").param("petitionerPhone", "13900139000"))
                .andExpect(flash().attribute("error", org.hamcrest.Matchers.containsString("这次的内容有改动，未保存")));
        assertThat(items("带信访人的信访")).isEqualTo(1);

        String digest = jdbc.sql("select digest from request_once where key = :k").param("k", key).query(String.class).single();
        java.util.Map<String, String> form = new java.util.HashMap<>(java.util.Map.of("kind", "PETITION", "region", "360702",
                "title", "带信访人的信访", "f_channel", "12345热线", "f_received_on", "2025-05-06", "f_accepted_on", "2025-05-07",
                "f_content", "楼顶漏水", "petitionerName", "张三丰"));
        form.put("petitionerPhone", "13800138000");
        String plain = org.anju.platform.Sha256.hex(org.anju.platform.Once.fields(form).toString());
        assertThat(digest).matches("hmac:[0-9a-f]{64}").doesNotContain(plain);
    }

    /** The same over the API: a retry whose body has another phone is refused, not answered with the first item. */
    @Test
    void anApiRetryWithAnotherPhoneIsRefused() throws Exception {
        String body = api("API带信访人的信访");
        String with = body.substring(0, body.length() - 1) + ", \"petitionerName\": \"李四\", \"petitionerPhone\": \"";
        for (var call : List.of(java.util.Map.entry("13800138000", 200), java.util.Map.entry("13800138000", 200),
                java.util.Map.entry("13700137000", 409))) {
            mvc.perform(post("/api/ledger/items").with(TestUsers.as(ADMIN)).contentType(MediaType.APPLICATION_JSON)
                            .header("Idempotency-Key", "phone-retry-1").content(with + call.getKey() + "\"}"))
                    .andExpect(status().is(call.getValue()));
        }
        assertThat(items("API带信访人的信访")).isEqualTo(1);
    }

    /**
     * A key recorded before the digests were keyed (an upgrade within the day) holds a plain SHA-256: a retry across the
     * upgrade is still answered with its first result, not refused as another request (review 24 M2), and another
     * request under it is still refused.
     */
    @Test
    void aKeyRecordedBeforeTheDigestsWereKeyedStillAnswersItsRetry(@Autowired org.anju.platform.Once once) {
        jdbc.sql("insert into request_once (owner, key, digest, result) values ('', 'legacy-1', :d, '41')")
                .param("d", org.anju.platform.Sha256.hex("[缴费, 1200]")).update();
        org.anju.platform.Once.Done done = once.run("legacy-1", org.anju.platform.Once.From.HEADER, "[缴费, 1200]", () -> {
            throw new AssertionError("a repeat must not run its work again");
        });
        assertThat(done.id()).isEqualTo(41);
        assertThat(done.repeated()).isTrue();
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> once.run("legacy-1", org.anju.platform.Once.From.HEADER,
                        "[缴费, 1300]", () -> 42L))
                .isInstanceOf(org.anju.platform.Conflict.class).hasMessageContaining("用于另一次内容不同的提交");
    }
}
