package org.anju.plan.web;

import org.anju.SeedDataTest;
import org.anju.TestUsers;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.web.context.WebApplicationContext;
import org.anju.plan.Plan;
import org.anju.plan.Plans;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;

import java.nio.charset.StandardCharsets;

import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@SeedDataTest
class PlanPagesTest {

    @Autowired
    WebApplicationContext context;
    @Autowired
    Plans plans;

    /** Pages as the national viewer, who reads every plan; importing as the 赣州 admin (兴国县 is theirs). */
    MockMvc mvc;

    @BeforeEach
    void signIn() {
        mvc = TestUsers.mvc(context, TestUsers.NATIONAL_VIEWER);
    }

    @Test
    void planListShowsEveryPlanAndItsFindingCount() throws Exception {
        mvc.perform(get("/plans")).andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("赣建保〔2023〕1号"), containsString("1 处不一致"),
                        containsString("15 处不一致"), containsString("赣州市城市棚户区改造攻坚行动方案"),
                        containsString("吉安居办〔2021〕10号"))));
    }

    @Test
    void aTableIsShownAsIssuedWithTheInconsistentCellMarked() throws Exception {
        long id = plans.byDocumentNumber("赣建保〔2023〕1号").map(Plan::id).orElseThrow();
        mvc.perform(get("/plans/{id}/tables/6", id)).andExpect(status().isOk())
                .andExpect(content().string(allOf(
                        containsString("2023年城镇老旧小区改造完成任务数 (2022年申报计划任务)"),
                        containsString("colspan=\"4\">2022年度改造计划</th>"),
                        containsString("class=\"num finding\""), containsString("title=\"附件6「全省」行"),
                        containsString("合计行为 1062，各行之和为 1265，相差 -203"))));
        mvc.perform(get("/plans/{id}", id)).andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("2023年5月31日"), containsString("前期工作"),
                        containsString("165766套（间）"))));
    }

    @Test
    void importPagePreviewsBeforeWriting() throws Exception {
        mvc.perform(get("/imports/new").with(TestUsers.as(TestUsers.OTHER_CITY_ADMIN))).andExpect(status().isOk())
                .andExpect(content().string(containsString("导入分解表或进展表")));
        String tsv = "2023年城市棚户区改造目标任务分解表\n单位：套\n县市区\t开工\n合计\t10\n兴国县\t10\n";
        mvc.perform(multipart("/imports/preview").file(new MockMultipartFile("file", "兴国.tsv", "text/plain",
                        tsv.getBytes(StandardCharsets.UTF_8))).with(TestUsers.as(TestUsers.OTHER_CITY_ADMIN)))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("预览（尚未写入）"), containsString("确认导入"),
                        containsString("兴国县"))));
    }
}
