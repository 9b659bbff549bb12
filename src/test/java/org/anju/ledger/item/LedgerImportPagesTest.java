package org.anju.ledger.item;

import org.anju.AnjuTest;
import org.anju.TestUsers;
import org.anju.account.Access;
import org.anju.account.Actor;
import org.anju.account.Channel;
import org.anju.account.Role;
import org.anju.region.Regions;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.MockMvc;

import java.nio.charset.StandardCharsets;
import java.util.EnumSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;

/**
 * The import page: preview, then 确认导入 of the file kept in the database (issue 15: any node may take the confirm);
 * only the one who previewed confirms, and only once.
 */
@AnjuTest
@AutoConfigureMockMvc
@TestPropertySource(properties = "anju.test.database=ledger_import_pages")
class LedgerImportPagesTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    Ledger ledger;
    @Autowired
    Regions regions;
    @Autowired
    JdbcClient jdbc;

    @Test
    void previewThenConfirmByTheSameUserOnce() throws Exception {
        Access.runAs(new Actor("t_zy_admin", "测试用户", regions.byCode("620700").orElseThrow(), EnumSet.of(Role.CITY_ADMIN),
                Channel.UI, false), () -> ledger.addUnit("620700", "市发投集团公司", UnitKind.STATE_ENTERPRISE));
        byte[] content = LedgerImportTest.file("张掖审计问题-本平台格式.tsv");
        String preview = mvc.perform(multipart("/ledger/import").file(new MockMultipartFile("file", "张掖审计问题.tsv",
                        "text/tab-separated-values", content)).param("kind", "AUDIT").with(TestUsers.as("zy_admin")))
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        Matcher token = Pattern.compile("name=\"token\" value=\"([0-9a-f-]+)\"").matcher(preview);
        assertThat(token.find()).as("the preview's token").isTrue();
        assertThat(jdbc.sql("select count(*) from ledger_item").query(Integer.class).single()).as("a preview writes nothing")
                .isZero();

        mvc.perform(post("/ledger/import/commit").param("token", token.group(1)).with(TestUsers.as("zy_admin2", "620700",
                        Role.CITY_ADMIN)))
                .andExpect(redirectedUrl("/ledger/import")).andExpect(flash().attribute("error", "预览已过期或不是本账号的预览，请重新选择文件预览"));
        mvc.perform(post("/ledger/import/commit").param("token", token.group(1)).with(TestUsers.as("zy_admin")))
                .andExpect(redirectedUrl("/ledger")).andExpect(flash().attribute("message", "张掖市导入审计发现问题事项 2 项"));
        // the same 确认导入 again (a double-click, Back and again): told it was imported — not 预览已过期, which invites a
        // second upload and import
        mvc.perform(post("/ledger/import/commit").param("token", token.group(1)).with(TestUsers.as("zy_admin")))
                .andExpect(redirectedUrl("/ledger")).andExpect(flash().attribute("message", org.hamcrest.Matchers.allOf(
                        org.hamcrest.Matchers.startsWith("这份预览已于 "),
                        org.hamcrest.Matchers.endsWith(" 确认导入（2 项）；这次是重复提交，没有再次导入"))));
        assertThat(jdbc.sql("select count(*) from ledger_item").query(Integer.class).single()).isEqualTo(2);
        assertThat(jdbc.sql("select distinct via from audit_log where table_name = 'ledger_item' and op = 'INSERT'")
                .query(String.class).list()).as("audited as an import").containsExactly("IMPORT");
        mvc.perform(post("/ledger/import/commit").param("token", "不是令牌").with(TestUsers.as("zy_admin")))
                .andExpect(redirectedUrl("/ledger/import")).andExpect(flash().attribute("error", "预览已过期或不是本账号的预览，请重新选择文件预览"));
    }
}
