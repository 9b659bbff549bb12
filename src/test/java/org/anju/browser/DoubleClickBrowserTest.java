package org.anju.browser;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A second click on a form's button before its answer came is not sent (anju.js): the double-submit trial's administrator double-clicked
 * 创建 and the browser showed the second answer — without the generated password the first one carried. The server
 * does a repeat once too, but its answer could only say the password was on the first page.
 */
class DoubleClickBrowserTest extends BrowserTest {

    @Autowired
    JdbcClient jdbc;

    @Test
    void aSecondClickBeforeTheAnswerIsNotSent() {
        login("sr_admin");
        page.navigate("/users/new");
        page.fill("#username", "dblclick_viewer");
        page.fill("#displayName", "双击测试查看");
        page.selectOption("#role", "VIEWER");
        java.util.concurrent.atomic.AtomicInteger posts = new java.util.concurrent.atomic.AtomicInteger();
        page.onRequest(r -> {
            if (r.method().equals("POST") && r.url().endsWith("/users")) {
                posts.incrementAndGet();
            }
        });
        // the answer goes to a frame (which refuses to show it: X-Frame-Options), so that the page stays as a slow
        // server leaves it: the second click lands on the same form, as on a page whose answer has not come yet
        page.evaluate("() => { const f = document.createElement('iframe'); f.name = 'answer'; document.body.append(f);"
                + " document.querySelector('#user-form').target = 'answer'; }");
        var noWait = new com.microsoft.playwright.Page.ClickOptions().setNoWaitAfter(true);
        page.waitForResponse(r -> r.url().endsWith("/users") && r.request().method().equals("POST"),
                () -> page.click("#user-submit", noWait));
        // the form says it is being sent (the page a slow server has not yet replaced)
        assertThat(page.locator("#user-form")).hasAttribute("aria-busy", "true");
        page.click("#user-submit", noWait);
        page.waitForTimeout(1000);   // a second request would have left by now
        assertThat(posts.get()).as("requests the double-click sent").isEqualTo(1);
        assertThat(jdbc.sql("select count(*) from users where username = 'dblclick_viewer'").query(Integer.class).single())
                .isEqualTo(1);
    }
}
