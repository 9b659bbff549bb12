package org.anju.browser;

import org.junit.jupiter.api.Test;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

/** The plan list shows what the user may read; a breakdown table as issued; a figure's history. */
class PlanPagesBrowserTest extends BrowserTest {

    @Test
    void aCityAdminSeesItsPlansAndTheProvincesButNotAnotherCitys() {
        login("sr_admin");
        menu("建设计划");
        assertThat(page.locator("#plans")).containsText("赣建保〔2023〕1号");
        assertThat(page.locator("#plans")).containsText("关于下达2023年全市保障性安居工程建设工作计划的通知");
        assertThat(page.locator("#plans")).not().containsText("赣州市城市棚户区改造攻坚行动方案");
        shot("plan-list");

        page.click("text=赣建保〔2023〕1号 >> xpath=../td[3]/a");
        page.waitForURL("**/plans/*");
        assertThat(page.locator("h1")).hasText("关于下达2023年全省保障性安居工程建设工作计划的通知");
        page.click("#tables tbody tr:first-child td:nth-child(2) a");
        page.waitForURL("**/plans/*/tables/1");
        assertThat(page.locator("#breakdown")).containsText("上饶市");
        shot("breakdown-table");

        // every figure links to its history, loaded into the page by htmx
        page.locator("#breakdown tr[data-region='361100'] td.num a").first().click();
        assertThat(page.locator("#value-history")).containsText("修改历史");
        assertThat(page.locator("#value-history")).containsText("新增");
        shot("figure-history");
    }

    @Test
    void theCityAdminCorrectsItsPlansMetadata() {
        login("sr_admin");
        menu("建设计划");
        page.click("#plans >> text=关于下达2023年全市保障性安居工程建设工作计划的通知");
        page.waitForURL("**/plans/*");
        page.click("#plan-edit-link");
        page.waitForURL("**/plans/*/edit");
        assertThat(page.locator("#parentPlanId option[selected]")).containsText("赣建保〔2023〕1号");
        page.fill("#note", "浏览器测试：据纸质文件核对");
        shot("edit-form");
        page.click("#plan-edit-save");
        page.waitForURL(java.util.regex.Pattern.compile(".*/plans/\\d+$"));
        assertThat(page.locator("#message")).hasText("已保存计划信息");
        assertThat(page.locator("table.meta")).containsText("浏览器测试：据纸质文件核对");
        shot("saved");

        // and back, so the other browser tests see the seed plan as loaded
        page.click("#plan-edit-link");
        page.fill("#note", "");
        page.click("#plan-edit-save");
        assertThat(page.locator("table.meta")).not().containsText("浏览器测试");
    }
}
