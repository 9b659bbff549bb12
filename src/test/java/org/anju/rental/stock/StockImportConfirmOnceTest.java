package org.anju.rental.stock;

import org.anju.AtOnce;
import org.anju.AnjuTest;
import org.anju.TestUsers;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/**
 * Defect 10 of the double-submit trial (2026-12-04, row 8): 确认导入 twice. A double-click imported once and showed the
 * second answer "未导入，未写入任何数据…已经登记"; Back and resubmit showed 404 "预览已过期或不存在…请重新上传文件" — both
 * invited a second import. Now a repeat, racing or later, is told when and by whom the file was imported and what that
 * wrote, and nothing is written again.
 */
@AnjuTest
@AutoConfigureMockMvc
@TestPropertySource(properties = "anju.test.database=rental_stock_confirm_once")
class StockImportConfirmOnceTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    JdbcClient jdbc;

    String preview(String csv, String name) throws Exception {
        MockMultipartFile file = new MockMultipartFile("file", name, "text/csv", csv.getBytes(StandardCharsets.UTF_8));
        String page = mvc.perform(multipart("/rental/stock/import").file(file).param("region", "620702")
                        .with(TestUsers.as("gzq_reporter")))
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        Matcher token = Pattern.compile("name=\"token\" value=\"([0-9a-f-]+)\"").matcher(page);
        assertThat(token.find()).as(page).isTrue();
        return token.group(1);
    }

    MvcResult confirm(String token, String user) throws Exception {
        return mvc.perform(post("/rental/stock/import/commit").param("token", token).with(TestUsers.as(user))).andReturn();
    }

    static String body(MvcResult r) throws Exception {
        return r.getResponse().getContentAsString(StandardCharsets.UTF_8);
    }

    int dwellings(String estate) {
        return jdbc.sql("""
                        select count(*) from rental_dwelling d join rental_building b on b.id = d.building_id
                        join rental_estate e on e.id = b.estate_id where e.name = ?""")
                .param(estate).query(Integer.class).single();
    }

    @Test
    void aDoubleClickImportsOnceAndBothAnswersSaySo() throws Exception {
        String token = preview("项目名称,楼栋,房号,建筑面积,状态,保障类型\n双击花园,1栋,101,50,空置,公租房\n双击花园,1栋,102,52,空置,公租房\n",
                "双击房源.csv");
        List<String> answers = new ArrayList<>();
        for (MvcResult r : AtOnce.twice(() -> confirm(token, "gzq_reporter"))) {
            assertThat(r.getResponse().getStatus()).isEqualTo(200);
            answers.add(body(r));
        }
        assertThat(dwellings("双击花园")).isEqualTo(2);
        assertThat(answers).filteredOn(a -> a.contains("已导入 双击房源.csv：甘州区新增房源 2 套、项目 1 个、楼栋 1 栋。")).hasSize(1);
        assertThat(answers).filteredOn(a -> a.contains("该文件（双击房源.csv）已于 ")
                && a.contains("确认导入：甘州区新增房源 2 套、项目 1 个、楼栋 1 栋。这次确认是重复提交，没有再次导入")).hasSize(1);
        assertThat(answers).noneMatch(a -> a.contains("未导入，未写入任何数据"));
    }

    @Test
    void backAndResubmitIsToldWhenAndByWhomNotThatThePreviewIsGone() throws Exception {
        String token = preview("项目名称,楼栋,房号,建筑面积,状态,保障类型\n重提花园,2栋,201,60,空置,公租房\n", "重提房源.csv");
        assertThat(body(confirm(token, "gzq_reporter"))).contains("已导入 重提房源.csv：甘州区新增房源 1 套");
        assertThat(jdbc.sql("select count(*) from kept_file where token = ?::uuid").param(token).query(Integer.class).single())
                .as("the file itself is gone once imported").isZero();

        MvcResult again = confirm(token, "gzq_reporter");
        assertThat(again.getResponse().getStatus()).isEqualTo(200);
        assertThat(body(again)).contains("该文件（重提房源.csv）已于 ").contains("由甘州区住建局填报员（gzq_reporter）确认导入")
                .contains("甘州区新增房源 1 套、项目 1 个、楼栋 1 栋。这次确认是重复提交，没有再次导入，也没有写入任何数据。")
                .doesNotContain("预览已过期或不存在").doesNotContain("未导入，未写入任何数据");
        assertThat(dwellings("重提花园")).isEqualTo(1);

        // nobody else learns of it: as before, who does not write the county is refused (403), and a colleague who does
        // gets the same 404 as for an unknown token
        assertThat(confirm(token, "zy_admin").getResponse().getStatus()).isEqualTo(403);
        assertThat(mvc.perform(post("/rental/stock/import/commit").param("token", token)
                        .with(TestUsers.as("gzq_colleague", "620702", org.anju.account.Role.COUNTY_REPORTER)))
                .andReturn().getResponse().getStatus()).isEqualTo(404);
        assertThat(confirm("00000000-0000-0000-0000-000000000000", "gzq_reporter").getResponse().getStatus()).isEqualTo(404);
    }
}
