package org.anju.browser;

import org.anju.project.Project;
import org.anju.project.Projects;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

/**
 * 棚改项目认定 in the browser: 江西 has no checklist and the page says so; 吉林省 uploads its notice; 赣州市 uploads a
 * clearly labelled test checklist, 章贡区 answers it with evidence and submits, 赣州市 refuses naming the clause.
 */
class IdentificationBrowserTest extends BrowserTest {

    @Autowired
    Projects projects;

    @Test
    void aCountyAnswersTheChecklistAndTheCityRefusesNamingTheClause() throws Exception {
        int year = LocalDate.now(org.anju.platform.ChinaTime.ZONE).getYear();
        projects.save(new Project(null, "360702", null, "SHANTYTOWN", year, "浏览器测试章贡区棚户区", null, BigDecimal.TEN,
                BigDecimal.TEN, null, null, null, null, null, null, null, null, null, null, 0));

        login("zg_reporter");
        menu("棚改项目认定");
        assertThat(page.locator("#no-checklist")).containsText("赣州市或江西省尚未上传");
        assertThat(page.locator("#no-checklist")).containsText("不会套用其他省份的清单");
        assertThat(page.locator("#open-form")).hasCount(0);
        shot("no-checklist");

        var jilin = otherSession();
        login(jilin, "jl_admin");
        jilin.navigate("/ledger/identification/checklists");
        jilin.setInputFiles("#upload-form input[type=file]", Path.of("src/main/resources/ledger/identification/220000-吉安居办2021-10号.tsv"));
        jilin.click("#upload-form button");
        assertThat(jilin.locator("#message")).containsText("（11 条，自2021年3月23日起）");
        assertThat(jilin.locator("body")).containsText("严禁将房龄不长、经鉴定未达到D级危房的居民楼纳入棚改");
        shot(jilin, "jilin-checklist");

        // 吉林's list does not apply in 江西
        page.reload();
        assertThat(page.locator("#no-checklist")).containsText("尚未上传");

        var city = otherSession();
        login(city, "gz_admin");
        city.navigate("/ledger/identification/checklists");
        Path test = Files.createTempFile("赣州市测试清单", ".tsv");
        Files.writeString(test, Files.readString(Path.of("src/test/resources/ledger/identification/test-checklist.tsv"),
                StandardCharsets.UTF_8).replace("REGION", "360700"), StandardCharsets.UTF_8);
        city.fill("#upload-region", "360700");
        city.setInputFiles("#upload-form input[type=file]", test);
        city.click("#upload-form button");
        assertThat(city.locator("#message")).containsText("矩阵测试认定清单（测试用，非真实规定）");

        page.reload();
        assertThat(page.locator("#applicable")).containsText("测试用，非真实规定");
        page.selectOption("#projectId", new com.microsoft.playwright.options.SelectOption().setLabel("浏览器测试章贡区棚户区（" + year + "年）"));
        page.click("#open-form button");
        assertThat(page.locator("#state")).containsText("草稿");
        page.selectOption("#type", "CITY_SHANTY");
        page.fill("#households", "10");
        page.click("#facts-form button");
        assertThat(page.locator("#message")).containsText("已保存事实");
        page.locator("#clause-T-1 select[name=answer]").selectOption("DOES_NOT_MATCH");
        page.locator("#clause-T-1 input[name=reason]").fill("经核查不属于测试项目");
        page.locator("#clause-T-1 form").first().locator("button").click();
        assertThat(page.locator("#message")).containsText("已保存第 T-1 条的回答");
        assertThat(page.locator("#blockers")).containsText("未附证明材料");
        Path evidence = Files.createTempFile("核查材料", ".pdf");
        Files.writeString(evidence, "%PDF-1.4 核查材料");
        page.locator("#clause-T-1 input[type=file]").setInputFiles(evidence);
        page.locator("#clause-T-1 form").last().locator("button").click();
        assertThat(page.locator("#message")).containsText("已上传证明材料");
        assertThat(page.locator("#clause-T-1")).containsText("SHA-256");
        assertThat(page.locator("#blockers")).hasCount(0);
        page.click("#submit-form button");
        assertThat(page.locator("#state")).containsText("已提交");
        shot("submitted");
        String url = page.url();

        city.navigate(url + "/decision");
        city.check("#decide-form input[value=T-1]");
        city.fill("#note", "请核实项目性质");
        city.click("#decide-form button[value=REFUSE]");
        assertThat(city.locator("#message")).containsText("已不予认定");
        assertThat(city.locator("#decision-note")).containsText("第 T-1 条（排除）：“（测试条款）严禁将测试项目纳入棚改”");
        shot(city, "refused");

        page.navigate("/ledger/identification");
        assertThat(page.locator("#identifications")).containsText("不予认定");
        assertThat(page.locator("#identifications")).containsText("第 T-1 条");
    }
}
