package org.anju.browser;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.Response;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Base64;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What the load balancer and Prometheus get from a running node (issue 15), screenshots under
 * target/screenshots/issue15/: the readiness probe without an account, its details and the metrics for the
 * operations account (the demo's 运维监控 account prometheus) with HTTP Basic, the refusal of a province's account,
 * and what the 运维监控 account sees when someone signs in with it on the login page: a refusal, not a page.
 */
class OperationsBrowserTest extends BrowserTest {

    static final Path ISSUE = Path.of("target", "screenshots", "issue15");

    void save(String name) {
        page.screenshot(new Page.ScreenshotOptions().setPath(ISSUE.resolve(name + ".png")));
    }

    void basic(String user) {
        page.setExtraHTTPHeaders(Map.of("Authorization", "Basic " + Base64.getEncoder()
                .encodeToString((user + ":" + DEMO_PASSWORD).getBytes(StandardCharsets.UTF_8))));
    }

    @Test
    void probesAndMetricsAsTheBalancerPrometheusAndOthersSeeThem() {
        Response readiness = page.navigate("/actuator/health/readiness");
        assertThat(readiness.status()).isEqualTo(200);
        assertThat(page.locator("body").innerText()).contains("\"status\":\"UP\"").doesNotContain("components");
        save("ops-readiness-anonymous");
        Response prometheus = page.navigate("/actuator/prometheus");
        assertThat(prometheus.status()).isEqualTo(401);
        assertThat(page.locator("body").innerText()).contains("未登录");
        save("ops-prometheus-anonymous-401");

        basic("jx_admin");
        assertThat(page.navigate("/actuator/prometheus").status()).isEqualTo(403);
        assertThat(page.locator("body").innerText()).contains("运维账号");
        save("ops-prometheus-province-admin-403");

        basic("prometheus");
        assertThat(page.navigate("/actuator/health/readiness").status()).isEqualTo(200);
        assertThat(page.locator("body").innerText()).contains("migrations", "readinessState", "\"db\"");
        save("ops-readiness-operations-account");
        assertThat(page.navigate("/actuator/prometheus").status()).isEqualTo(200);
        assertThat(page.locator("body").innerText()).contains("anju_imports_seconds_count", "anju_jobs_queue",
                "http_server_requests_seconds_bucket");
        save("ops-prometheus-operations-account");
    }

    @Test
    void theMonitoringAccountSignedInOnTheLoginPageGetsNoPage() {
        login("prometheus", DEMO_PASSWORD);
        assertThat(page.locator("body").innerText()).contains("运维监控账号只能读取运行指标").doesNotContain("张掖");
        assertThat(page.locator("#menu").count()).as("no menu: every entry would be refused").isZero();
        assertThat(page.locator("#me").innerText()).contains("运维监控");
        save("ops-monitor-account-login-403");
        assertThat(page.navigate("/plans").status()).isEqualTo(403);
    }
}
