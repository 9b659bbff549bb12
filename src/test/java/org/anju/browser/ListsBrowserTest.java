package org.anju.browser;

import com.microsoft.playwright.Page;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.nio.file.Paths;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 14, long lists and readable records as a user sees them: the national 月报 list is paged (the page stays short),
 * the user list filtered, the 审计记录 page in Chinese with names and Beijing time. Screenshots under
 * target/screenshots/issue14/.
 */
class ListsBrowserTest extends BrowserTest {

    static final Path ISSUE14 = Paths.get("target", "screenshots", "issue14");

    void save(Page p, String name) {
        p.screenshot(new Page.ScreenshotOptions().setPath(ISSUE14.resolve(name + ".png")).setFullPage(true));
    }

    double height(Page p) {
        return ((Number) p.evaluate("() => document.documentElement.scrollHeight")).doubleValue();
    }

    @Test
    void theNationalReportListIsPagedAndStaysShort() {
        login("mohurd_viewer");
        page.navigate("/reports?region=000000&period=2023-12");
        assertThat(page.locator(".pager .pager-total")).containsText("共 ");
        assertThat(page.locator("#report-units tbody tr")).hasCount(20);
        assertThat(height(page)).as("the national page was 16,912 px tall").isLessThan(3000);
        save(page, "reports-national-page1");
        page.click(".pager a.pager-next");
        page.waitForURL(java.util.regex.Pattern.compile(".*page=2.*"));
        assertThat(page.locator(".pager .pager-current").first()).hasText("2");
        assertThat(page.locator(".pager .pager-total")).containsText("第 21–40 条");
        assertThat(height(page)).isLessThan(3000);
        // a filter keeps the month and region, and the pager keeps the filter
        page.selectOption("#report-status", "APPROVED");
        page.click("#report-filter");
        assertThat(page.locator("#report-units tbody tr")).not().hasCount(0);
        assertThat(page.locator("#report-units tbody")).containsText("甘州区");
        assertThat(page.locator("#report-units tbody")).containsText("已审核");
        save(page, "reports-national-approved");
    }

    @Test
    void theUserListFiltersByRoleAndName() {
        login("jx_admin");
        page.navigate("/users");
        page.selectOption("#user-role", "COUNTY_REPORTER");
        page.fill("#user-q", "填报员");
        page.click("#user-filter");
        assertThat(page.locator("#users tbody")).containsText("信州区住建局填报员");
        assertThat(page.locator("#users tbody")).not().containsText("上饶市住建局管理员");
        assertThat(page.locator(".pager .pager-total")).containsText("共 ");
        save(page, "users-filtered");
    }

    @Test
    void theAuditPageReadsInChinese() {
        login("gzq_reporter");
        page.navigate("/reports/620702/2024-03");
        page.fill("[id='v-RENTAL_SUBSIDY.ISSUE.HOUSEHOLD']", "125");
        page.click("#report-save");
        assertThat(page.locator("#message")).hasText("已保存");
        page.click("#report-submit");
        assertThat(page.locator("#report-status")).hasText("已上报");

        Page city = otherSession();
        login(city, "zy_admin");
        city.navigate("/audit?table=report");
        assertThat(city.locator("#audit tbody")).containsText("月报 甘州区 2024年3月");
        assertThat(city.locator("#audit tbody")).containsText("甘州区住建局填报员");
        assertThat(city.locator("#audit tbody")).containsText("页面");
        assertThat(city.locator("#audit tbody")).containsText("草稿 → 已上报");
        assertThat(city.locator("#audit tbody")).containsText("上报人");
        assertThat(city.locator("#audit tbody tr").first().locator("td").first())
                .hasText(java.util.regex.Pattern.compile("\\d{4}年\\d{1,2}月\\d{1,2}日 \\d{2}:\\d{2}:\\d{2}"));
        save(city, "audit-readable");
        city.navigate("/audit");
        save(city, "audit-all");
    }
}
