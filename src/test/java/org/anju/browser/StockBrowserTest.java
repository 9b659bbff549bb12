package org.anju.browser;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

/** 甘州区's reporter imports its stock list (preview, then commit) and allocates a dwelling; 张掖市 sets the base. */
class StockBrowserTest extends BrowserTest {

    @Test
    void aCountyImportsItsStockAndTheCitySeesTheRates() {
        login("gzq_reporter");
        menu("公租房房源");
        page.click("#stock-import-link");
        page.setInputFiles("#stock-file", Path.of("src/test/resources/rental/stock/甘州区房源清单-手工样例.csv"));
        page.selectOption("#programme", "PUBLIC_RENTAL");
        page.click("#stock-preview");
        assertThat(page.locator("#import-preview")).containsText("将新增房源 10 套");
        shot("preview");
        page.click("#import-commit");
        assertThat(page.locator("#import-done")).containsText("甘州区新增房源 10 套");
        page.navigate("/rental/stock?status=VACANT");
        page.locator("#dwellings a").first().click();
        page.selectOption("#step", "ALLOCATE");
        page.click("#status-submit");
        assertThat(page.locator("#message")).containsText("已分配，现为已分配");
        assertThat(page.locator("#history")).containsText("分配");
        shot("dwelling");

        var admin = otherSession();
        login(admin, "zy_admin");
        admin.navigate("/rental/stock/summary");
        assertThat(admin.locator("#row-620702")).containsText("未报");
        admin.locator("#row-620702 input[name=total]").fill("12");
        admin.locator("#row-620702 button").click();
        assertThat(admin.locator("#message")).containsText("甘州区的历年房源基数已设为 12 套");
        assertThat(admin.locator("#row-620702")).containsText("83.3%");
        assertThat(admin.locator("#row-620723")).containsText("未报");
        shot(admin, "summary");
    }
}
