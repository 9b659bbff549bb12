package org.anju.browser;

import org.anju.plan.Plans;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

/** A county user cannot open another city's plan: a 403 page in Chinese, and no trace of it in the list. */
class AccessBrowserTest extends BrowserTest {

    @Autowired
    Plans plans;

    @Test
    void aCountyUserCannotOpenAnotherCitysPlan() {
        long ganzhou = plans.readable().stream().filter(p -> p.title().equals("赣州市城市棚户区改造攻坚行动方案"))
                .findFirst().orElseThrow().id();
        login("xz_reporter");
        menu("建设计划");
        assertThat(page.locator("#plans")).not().containsText("赣州市");
        assertThat(page.locator("#menu")).not().containsText("用户管理");

        var response = page.navigate("/plans/" + ganzhou);
        assertThat(response.status()).isEqualTo(403);
        assertThat(page.locator("#problem h1")).hasText("无权操作");
        assertThat(page.locator("#problem-message")).containsText("无权查看赣州市下发的文件");
        shot("forbidden");

        response = page.navigate("/api/plans/" + ganzhou);
        assertThat(response.status()).isEqualTo(403);
        assertThat(page.content()).contains("无权查看赣州市下发的文件");
    }
}
