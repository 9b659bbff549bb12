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
        String csv = "2023年城市棚户区改造目标任务分解表\n单位：套\n县市区,开工\n合计,25\n信州区,10\n广丰区,15\n";
        login("sr_admin");
        page.click("nav >> text=导入分解表");
        page.waitForURL("**/imports/new");
        page.setInputFiles("#file", new FilePayload("上饶市棚改浏览器测试.csv", "text/csv",
                csv.getBytes(StandardCharsets.UTF_8)));
        page.click("#import-form button[type=submit]");
        assertThat(page.locator("#preview")).containsText("预览（尚未写入）");
        assertThat(page.locator("#preview")).containsText("上饶市（361100）");
        shot("preview");

        page.click("#confirm");
        page.waitForURL("**/plans/*");
        assertThat(page.locator("h1")).hasText("上饶市棚改浏览器测试");
        assertThat(page.locator("#tables")).containsText("2023年城市棚户区改造目标任务分解表");
        shot("imported");

        long id = Long.parseLong(page.url().replaceAll(".*/plans/", ""));
        plans.delete(id);
    }

    @Test
    void aFileOverTheLimitIsRefusedWithAClearMessage() {
        login("sr_admin");
        page.navigate("/imports/new");
        byte[] big = new byte[21 * 1024 * 1024];
        java.util.Arrays.fill(big, (byte) 'a');
        page.setInputFiles("#file", new FilePayload("太大的文件.csv", "text/csv", big));
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
    void aViewerHasNoImportPage() {
        login("sr_viewer");
        assertThat(page.locator("nav")).not().containsText("导入分解表");
        var response = page.navigate("/imports/new");
        org.assertj.core.api.Assertions.assertThat(response.status()).isEqualTo(403);
        assertThat(page.locator("#problem-message")).containsText("只能查看，不能修改数据");
    }
}
