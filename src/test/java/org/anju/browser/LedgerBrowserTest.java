package org.anju.browser;

import com.microsoft.playwright.Page;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

/**
 * 台账: 章贡区's administrator hands an audit finding to 章贡区财政局 (交办); the bureau's clerk reports progress with a
 * file and applies for 销号; 赣州市 returns it with a reason; the clerk reports again and applies; the city closes it.
 */
class LedgerBrowserTest extends BrowserTest {

    @Test
    void anItemFromHandoverToClosing() throws Exception {
        login("zg_admin");
        menu("台账");
        assertThat(page.locator("#ledger-items")).containsText("公租房租金收缴不及时（演示）");
        page.click("#ledger-new-link");
        page.fill("#title", "浏览器测试：公租房维修资金未专户管理");
        page.selectOption("#unitId", new com.microsoft.playwright.options.SelectOption().setLabel("章贡区财政局（政府部门）"));
        page.fill("#deadline", "2027-03-31");
        page.fill("#f_source", "赣州市审计局");
        page.fill("#f_category", "专项资金管理使用");
        page.fill("#f_amount", "3.25");
        page.click("#item-submit");
        assertThat(page.locator("#message")).containsText("已交办");
        assertThat(page.locator("#item-state")).hasText("待整改");
        assertThat(page.locator("#item-deadline")).hasText("2027年3月31日");
        String url = page.url();
        shot("handed-over");

        Page clerk = otherSession();
        login(clerk, "zg_czj");
        clerk.navigate(url);
        Path proof = Files.createTempFile("证明材料", ".txt");
        Files.writeString(proof, "专户开立证明", StandardCharsets.UTF_8);
        clerk.fill("#note", "已开立维修资金专户");
        clerk.setInputFiles("#files", proof);
        clerk.click("#progress-submit");
        assertThat(clerk.locator("#message")).containsText("已报送整改进展");
        assertThat(clerk.locator("#item-state")).hasText("整改中");
        assertThat(clerk.locator("#files-table")).containsText(proof.getFileName().toString());
        clerk.click("#apply-submit");
        assertThat(clerk.locator("#item-state")).hasText("申请销号");
        shot(clerk, "applied");

        Page city = otherSession();
        login(city, "gz_admin");
        city.navigate("/ledger/approvals");
        city.click("text=浏览器测试：公租房维修资金未专户管理");
        city.fill("#reason", "缺少银行开户证明");
        city.click("#return-submit");
        assertThat(city.locator("#message")).containsText("已退回：缺少银行开户证明");
        assertThat(city.locator("#item-state")).hasText("整改中");

        clerk.navigate(url);
        clerk.fill("#note", "补充银行开户证明");
        clerk.click("#progress-submit");
        clerk.click("#apply-submit");
        assertThat(clerk.locator("#item-state")).hasText("申请销号");

        city.navigate(url);
        city.click("#approve-submit");
        assertThat(city.locator("#message")).containsText("已销号");
        assertThat(city.locator("#item-state")).hasText("已销号");
        assertThat(city.locator("#timeline")).containsText("退回");
        assertThat(city.locator("#timeline")).containsText("缺少银行开户证明");
        assertThat(city.locator("#timeline tbody tr")).hasCount(7);
        shot(city, "closed");
    }
}
