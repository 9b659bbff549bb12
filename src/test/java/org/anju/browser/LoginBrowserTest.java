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
        page.waitForURL(PLANS);
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
    void theBrowserGetsTheSecurityHeaders() {
        var response = page.navigate("/login");
        assertThat(response.headerValue("content-security-policy")).contains("script-src 'self'").doesNotContain("unsafe-inline");
        assertThat(response.headerValue("x-frame-options")).isEqualTo("DENY");
        // no inline script on our pages: the layout's scripts are files, so the CSP blocks nothing of ours
        login("xz_reporter");
        assertThat((Boolean) page.evaluate("() => typeof htmx !== 'undefined'")).isTrue();
    }
}
