package org.anju.browser;

import com.microsoft.playwright.options.FilePayload;
import org.anju.plan.Plans;
import org.anju.platform.Jobs;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

/**
 * An import waiting for its turn (issue 15): the node's two slots are taken and one import already waits, so the page
 * shows 排队中，前面还有 1 个 — read from the job's row, as any node of a cluster would — and goes on to the preview once
 * the others are done. Screenshots: target/screenshots/issue15/.
 */
class ImportQueueBrowserTest extends BrowserTest {

    static final Path ISSUE15 = Paths.get("target", "screenshots", "issue15");

    @Autowired
    Jobs jobs;
    @Autowired
    Plans plans;

    @Test
    void aQueuedImportShowsItsPlaceThenItsPreview() {
        CountDownLatch release = new CountDownLatch(1);
        java.util.function.Supplier<Object> holding = () -> {
            try {
                release.await(60, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return "占位";
        };
        // other users' imports: two running (the node's slots), one waiting
        String a = jobs.start("gz_admin", "占位一", Jobs.REGISTER_STAGES, holding);
        String b = jobs.start("jx_admin", "占位二", Jobs.REGISTER_STAGES, holding);
        String c = jobs.start("zg_admin", "占位三", Jobs.REGISTER_STAGES, holding);
        try {
            String csv = "上饶市2023年城市棚户区改造目标任务分解表\n单位：套\n县市区,开工\n合计,25\n信州区,10\n广丰区,15\n";
            login("sr_admin");
            page.navigate("/imports/new");
            page.setInputFiles("#file", new FilePayload("上饶市排队测试.csv", "text/csv", csv.getBytes(StandardCharsets.UTF_8)));
            page.click("#import-form button[type=submit]");
            assertThat(page.locator("#job-stage")).hasText("排队中");
            assertThat(page.locator("#job-queue")).hasText("，前面还有 1 个");
            page.screenshot(new com.microsoft.playwright.Page.ScreenshotOptions()
                    .setPath(ISSUE15.resolve("import-queued.png")).setFullPage(true));
        } finally {
            release.countDown();
        }
        assertThat(page.locator("#preview")).containsText("预览（尚未写入）");
        page.screenshot(new com.microsoft.playwright.Page.ScreenshotOptions()
                .setPath(ISSUE15.resolve("import-after-queue.png")).setFullPage(true));
        jobs.await(a, "gz_admin");
        jobs.await(b, "jx_admin");
        jobs.await(c, "zg_admin");
    }
}
