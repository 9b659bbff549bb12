package org.anju.browser;

import com.microsoft.playwright.options.Cookie;
import org.junit.jupiter.api.Test;

import java.util.Optional;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

/** Signing in (wrong password first), the session id changing at login, signing out. */
class LoginBrowserTest extends BrowserTest {

    private Optional<String> sessionId() {
        return context.cookies().stream().filter(c -> c.name.equals("JSESSIONID")).map((Cookie c) -> c.value).findFirst();
    }

    @Test
    void wrongPasswordThenSignInAndOut() {
        page.navigate("/plans");
        assertThat(page).hasURL(java.util.regex.Pattern.compile(".*/login$"));
        shot("login-page");

        login("sr_admin", "not-the-password-1");
        assertThat(page.locator("#login-error")).hasText("用户名或密码错误");
        shot("wrong-password");
        String before = sessionId().orElseThrow();

        page.fill("#username", "sr_admin");
        page.fill("#password", DEMO_PASSWORD);
        page.click("#login-submit");
        page.waitForURL(java.util.regex.Pattern.compile(".*/plans(\\?continue)?$"));
        assertThat(page.locator("#me")).hasText("上饶市住建局管理员（上饶市）");
        assertThat(sessionId().orElseThrow()).as("a new session id after login (session fixation)").isNotEqualTo(before);
        shot("signed-in");

        page.click("#logout");
        page.waitForURL("**/login?logout");
        assertThat(page.locator("#logged-out")).hasText("您已退出登录。");
        page.navigate("/plans");
        assertThat(page).hasURL(java.util.regex.Pattern.compile(".*/login$"));
    }

    @Test
    void theContentSecurityPolicyBlocksNothingOfOurs() {
        java.util.List<String> refused = new java.util.ArrayList<>();
        page.onConsoleMessage(m -> {
            if (m.text().contains("Content Security Policy") || m.text().contains("Refused to")) {
                refused.add(page.url() + ": " + m.text());
            }
        });
        var response = page.navigate("/login");
        assertThat(response.headerValue("content-security-policy")).contains("script-src 'self'").doesNotContain("unsafe-inline");
        assertThat(response.headerValue("x-frame-options")).isEqualTo("DENY");
        login("sr_admin");
        assertThat((Boolean) page.evaluate("() => typeof htmx !== 'undefined'")).isTrue();
        for (String path : java.util.List.of("/plans", "/imports/new", "/regions/361100", "/users", "/account", "/audit",
                "/dashboard", "/dashboard?region=361102", "/supervision", "/supervision?period=2023-12", "/bulletins",
                "/reports", "/reports/361102/2024-01", "/inbox", "/projects", "/progress")) {
            var opened = page.navigate(path);
            assertThat(opened.status()).as(path).isEqualTo(200);
            page.waitForLoadState(com.microsoft.playwright.options.LoadState.NETWORKIDLE);
        }
        // the charts were drawn by the static script (no inline script)
        page.navigate("/supervision?period=2023-12");
        assertThat(page.locator("#ranking-chart canvas, #ranking-chart svg").count() > 0
                || page.locator("#ranking-chart").count() == 0).isTrue();
        page.navigate("/regions/361100");
        page.fill("input[name=q]", "信州");
        assertThat(page.locator("#region-search-results")).containsText("江西省 上饶市 信州区");
        assertThat(refused).isEmpty();

        // the API documentation works under its own policy (inline styles allowed there, scripts not)
        page.navigate("/swagger-ui.html");
        // the whole API is one document of several hundred operations now: on a busy 2-core machine Swagger UI takes
        // longer than the default 5 s to lay it out
        assertThat(page.locator("#swagger-ui")).containsText("建设计划",
                new com.microsoft.playwright.assertions.LocatorAssertions.ContainsTextOptions().setTimeout(30_000));
        shot("api-docs");
    }
}
