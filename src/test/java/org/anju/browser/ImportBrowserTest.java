package org.anju.browser;

import com.microsoft.playwright.options.FilePayload;
import org.anju.plan.Plans;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.nio.charset.StandardCharsets;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

/**
 * Importing in the browser: choose a file, see the htmx preview (a POST that must carry the CSRF token),
 * confirm, land on the new plan. A file over the upload limit is answered with a clear message.
 */
class ImportBrowserTest extends BrowserTest {

    @Autowired
    Plans plans;

    @Test
    void previewThenConfirmThroughHtmx() {
        String csv = "上饶市2023年城市棚户区改造目标任务分解表\n单位：套\n县市区,开工\n合计,25\n信州区,10\n广丰区,15\n";
        login("sr_admin");
        menu("导入分解表");
        page.waitForURL("**/imports/new");
        page.setInputFiles("#file", new FilePayload("上饶市棚改浏览器测试.csv", "text/csv",
                csv.getBytes(StandardCharsets.UTF_8)));
        page.click("#import-form button[type=submit]");
        assertThat(page.locator("#preview")).containsText("预览（尚未写入）");
        assertThat(page.locator("#preview")).containsText("上饶市（361100）");
        shot("preview");

        page.click("#confirm");
        page.waitForURL("**/plans/*");
        // a file without a 关于……通知 title: the plan is called after its table, not after the file
        assertThat(page.locator("h1")).hasText("上饶市2023年城市棚户区改造目标任务分解表");
        assertThat(page.locator("#tables")).containsText("上饶市2023年城市棚户区改造目标任务分解表");
        shot("imported");

        long id = Long.parseLong(page.url().replaceAll(".*/plans/", ""));
        plans.delete(id);
    }

    /**
     * A column whose meaning the file does not say is asked, not defaulted: confirming is impossible until every
     * column is decided; the answers go back with the stored file and the figures then listed are the ones stored.
     */
    @Test
    void uncertainColumnsAreAskedOnThePageBeforeAnythingIsStored() {
        String tsv = "2023年城镇老旧小区改造计划表\n县市区\t项目数量\t小区数\t户数\n合计\t5\t5\t300\n信州区\t3\t3\t200\n"
                + "广丰区\t2\t2\t100\n";
        login("sr_admin");
        page.navigate("/imports/new");
        page.setInputFiles("#file", new FilePayload("上饶市老旧小区浏览器测试.tsv", "text/tab-separated-values",
                tsv.getBytes(StandardCharsets.UTF_8)));
        page.click("#import-form button[type=submit]");
        assertThat(page.locator("#answers-form")).containsText("尚有 3 处含义不确定");
        assertThat(page.locator("#commit-blocked button")).isDisabled();
        assertThat(page.locator("#confirm")).hasCount(0);
        shot("questions");

        page.locator("select[aria-label$='第 B 列']").selectOption("项目数量=ignore");
        page.locator("select[aria-label$='第 C 列']").selectOption("小区数=OLD_COMMUNITY.START.COMMUNITY:TARGET:2023");
        page.locator("select[aria-label$='第 D 列']").selectOption("户数=OLD_COMMUNITY.START.HOUSEHOLD:TARGET:2023");
        page.click("#reread");
        assertThat(page.locator("#preview-columns")).containsText("城镇老旧小区改造开工（户） · 目标任务 · 2023年");
        assertThat(page.locator("#preview-figures")).containsText("广丰区（361103）");
        assertThat(page.locator("#answers-form")).hasCount(0);
        shot("answered");

        page.click("#confirm");
        page.waitForURL("**/plans/*");
        long id = Long.parseLong(page.url().replaceAll(".*/plans/", ""));
        org.assertj.core.api.Assertions.assertThat(plans.targets(id, "361103", null, null))
                .extracting(t -> t.indicatorCode() + "=" + t.value().stripTrailingZeros().toPlainString())
                .containsExactlyInAnyOrder("OLD_COMMUNITY.START.COMMUNITY=2", "OLD_COMMUNITY.START.HOUSEHOLD=100");
        plans.delete(id);
    }

    @Test
    void aFileOverTheLimitIsRefusedWithAClearMessage() throws java.io.IOException {
        login("sr_admin");
        page.navigate("/imports/new");
        byte[] big = new byte[21 * 1024 * 1024];
        java.util.Arrays.fill(big, (byte) 'a');
        // from a file on disk: the local browser reads it itself (21 MB sent through the driver took over the 15 s
        // timeout on a busy machine)
        java.nio.file.Path file = java.nio.file.Files.createDirectories(java.nio.file.Path.of("target", "browser-files"))
                .resolve("太大的文件.csv");
        java.nio.file.Files.write(file, big);
        page.setInputFiles("#file", file);
        page.click("#import-form button[type=submit]");
        assertThat(page.locator("#problem")).containsText("文件过大");
        assertThat(page.locator("#problem-message")).containsText("最大 20 MB");
        shot("too-large");
    }

    @Test
    void theApiAnswersAFileOverTheLimitWith413InChinese() {
        byte[] big = new byte[21 * 1024 * 1024];
        java.util.Arrays.fill(big, (byte) 'a');
        String basic = java.util.Base64.getEncoder().encodeToString(("sr_admin:" + DEMO_PASSWORD)
                .getBytes(StandardCharsets.UTF_8));
        var response = page.request().post("/api/imports", com.microsoft.playwright.options.RequestOptions.create()
                .setHeader("Authorization", "Basic " + basic)
                .setMultipart(com.microsoft.playwright.options.FormData.create()
                        .set("file", new FilePayload("太大的文件.csv", "text/csv", big))));
        org.assertj.core.api.Assertions.assertThat(response.status()).isEqualTo(413);
        org.assertj.core.api.Assertions.assertThat(response.headers().get("content-type")).contains("application/problem+json");
        org.assertj.core.api.Assertions.assertThat(response.text()).contains("\"title\":\"文件过大\"").contains("最大 20 MB");
    }

    @Test
    void aBodyThatSaysMultipartButIsNoneIsRefusedAs400() {
        // no boundary: the container cannot parse it, before any handler is chosen — it was a 500 (a review found it)
        String basic = java.util.Base64.getEncoder().encodeToString(("sr_admin:" + DEMO_PASSWORD)
                .getBytes(StandardCharsets.UTF_8));
        var response = page.request().post("/api/imports", com.microsoft.playwright.options.RequestOptions.create()
                .setHeader("Authorization", "Basic " + basic).setHeader("Content-Type", "multipart/form-data")
                .setData("不是分段上传的内容"));
        org.assertj.core.api.Assertions.assertThat(response.status()).as(response.text()).isEqualTo(400);
        org.assertj.core.api.Assertions.assertThat(response.text()).contains("\"code\":\"BAD_INPUT\"")
                .contains("不是有效的 multipart/form-data");
    }

    @Test
    void aViewerHasNoImportPage() {
        login("sr_viewer");
        assertThat(page.locator("#menu")).not().containsText("导入分解表");
        var response = page.navigate("/imports/new");
        org.assertj.core.api.Assertions.assertThat(response.status()).isEqualTo(403);
        assertThat(page.locator("#problem-message")).containsText("只能查看，不能修改数据");
    }
}
