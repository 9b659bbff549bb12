package org.anju.plan.web;

import org.anju.AnjuTest;
import org.anju.TestUsers;
import org.anju.plan.SyntheticNationalPlan;
import org.anju.region.Regions;
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
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * A long import from the page: the synthetic national plan (45,000 figures) is previewed and committed as
 * jobs whose progress the page polls — stages and rows done of total — until the preview, then the plan.
 * No inline wait here, so even the first answer is the progress fragment.
 */
@AnjuTest
@AutoConfigureMockMvc
@TestPropertySource(properties = {"anju.test.database=import_progress", "anju.jobs.inline-wait-ms=0"})
class ImportProgressTest {

    static final Pattern POLL = Pattern.compile("hx-get=\"([^\"]+)\"");
    static final Pattern STAGE = Pattern.compile("id=\"job-stage\">([^<]+)<");
    static final Pattern COUNT = Pattern.compile("id=\"job-count\">(\\d+) / (\\d+) 行");

    /**
     * Who imports a national plan: the role model has no ministry administrator yet (VIEWER is the only role that
     * fits 全国), so the test writes one directly — an account that writes 全国's own data, nothing else.
     */
    static final String MINISTRY = "mohurd_operator";

    @Autowired
    MockMvc mvc;
    @Autowired
    Regions regions;
    @Autowired
    JdbcClient jdbc;

    @org.junit.jupiter.api.BeforeEach
    void ministry() {
        jdbc.sql("""
                insert into users (username, display_name, password_hash, region_id, roles)
                select ?, '住房和城乡建设部操作员', '{noop}unused', id, '{PROVINCE_ADMIN}' from region where code = '000000'
                on conflict (username) do nothing""").param(MINISTRY).update();
    }

    record Polled(String last, Set<String> stages, List<long[]> counts, MvcResult result) {
    }

    /** Polls the job fragment until it turns into the result. */
    Polled poll(String first) throws Exception {
        return poll(first, MINISTRY);
    }

    Polled poll(String first, String user) throws Exception {
        String body = first;
        Set<String> stages = new LinkedHashSet<>();
        List<long[]> counts = new ArrayList<>();
        MvcResult result = null;
        for (int i = 0; i < 400; i++) {
            Matcher stage = STAGE.matcher(body);
            if (!stage.find()) {
                break;
            }
            stages.add(stage.group(1));
            Matcher count = COUNT.matcher(body);
            if (count.find()) {
                counts.add(new long[]{Long.parseLong(count.group(1)), Long.parseLong(count.group(2))});
            }
            Matcher poll = POLL.matcher(body);
            assertThat(poll.find()).as("the progress fragment polls").isTrue();
            Thread.sleep(20);
            result = mvc.perform(get(poll.group(1).replace("&amp;", "&")).header("HX-Request", "true")
                    .with(user.equals(MINISTRY) ? TestUsers.asExisting(user) : TestUsers.as(user))).andExpect(status().isOk()).andReturn();
            body = result.getResponse().getContentAsString(StandardCharsets.UTF_8);
        }
        return new Polled(body, stages, counts, result);
    }

    @Test
    void theNationalPlanIsPreviewedAndCommittedWithProgressShown() throws Exception {
        byte[] national = SyntheticNationalPlan.text(regions, 7).getBytes(StandardCharsets.UTF_8);
        String first = mvc.perform(multipart("/imports/preview").file(new MockMultipartFile("file", "全国.txt", "text/plain", national))
                        .header("HX-Request", "true").with(TestUsers.asExisting(MINISTRY)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(first).contains("id=\"job\"").contains("预览 全国.txt");
        Polled preview = poll(first);
        assertThat(preview.last()).contains("预览（尚未写入）").contains("确认导入");
        assertThat(preview.stages()).isNotEmpty().isSubsetOf("排队中", "读取文件", "识别表格", "解析地区和指标", "校验", "保存预览");
        // whenever rows were counted, never more done than in all
        assertThat(preview.stages()).as("a stage of the import was shown while it ran").anyMatch(s -> !s.equals("排队中"));
        preview.counts().forEach(c -> assertThat(c[0]).isLessThanOrEqualTo(c[1]));
        assertThat(jdbc.sql("select count(*) from plan").query(Long.class).single()).isZero();

        // someone else cannot follow the job
        Matcher batch = Pattern.compile("/imports/(\\d+)/commit").matcher(preview.last());
        assertThat(batch.find()).isTrue();
        String committing = mvc.perform(post("/imports/" + batch.group(1) + "/commit").header("HX-Request", "true")
                        .with(TestUsers.asExisting(MINISTRY)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        Matcher poll = POLL.matcher(committing);
        assertThat(poll.find()).isTrue();
        mvc.perform(get(poll.group(1)).header("HX-Request", "true").with(TestUsers.as(TestUsers.CITY_ADMIN)))
                .andExpect(status().isNotFound());
        Polled commit = poll(committing);
        long plan = jdbc.sql("select id from plan").query(Long.class).single();
        assertThat(commit.result().getResponse().getHeader("HX-Redirect")).isEqualTo("/plans/" + plan);
        assertThat(jdbc.sql("select count(*) from target where plan_id = ?").param(plan).query(Long.class).single())
                .isGreaterThan(40_000);

        // committing the same preview again (a second tab, the back button) is refused on the page, not a fault
        mvc.perform(post("/imports/" + batch.group(1) + "/commit").with(TestUsers.asExisting(MINISTRY)))
                .andExpect(status().isConflict())
                .andExpect(content().string(org.hamcrest.Matchers.containsString("该文件已导入，不能重复提交")));
    }

    @Test
    void aRegisterImportShowsItsRowsAndEndsInItsResult() throws Exception {
        StringBuilder csv = new StringBuilder("地区,工程类别,年度,项目名称,套数\n");
        for (int i = 1; i <= 3000; i++) {
            csv.append("信州区,保租房,2024,进度测试项目").append(i).append(',').append(10 + i % 50).append('\n');
        }
        String first = mvc.perform(multipart("/projects/import").file(new MockMultipartFile("file", "项目库.csv", "text/csv",
                        csv.toString().getBytes(StandardCharsets.UTF_8))).param("region", "361102")
                        .header("HX-Request", "true").with(TestUsers.as(TestUsers.COUNTY_REPORTER)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(first).contains("导入项目库 项目库.csv");
        Polled done = poll(first, TestUsers.COUNTY_REPORTER);
        assertThat(done.last()).contains("已导入 项目库.csv：新增 3000 个项目");
        assertThat(done.stages()).isSubsetOf("排队中", "读取文件", "解析地区和数据", "写入");
        done.counts().forEach(c -> assertThat(c[0]).isLessThanOrEqualTo(c[1]));
    }
}
