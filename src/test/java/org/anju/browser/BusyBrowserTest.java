package org.anju.browser;

import com.zaxxer.hikari.HikariDataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;

import javax.sql.DataSource;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

/**
 * Issue 15: what a user sees when the database cannot serve — the pool's connections all taken (the month-end load
 * test's 500 after 30 s), or a sign-in whose check hits a timeout (it was told "用户名或密码错误"). Screenshots in
 * target/screenshots/issue15/.
 */
@TestPropertySource(properties = {"anju.test.database=browser_busy", "anju.db.maximum-pool-size=2",
        "anju.db.pool-timeout=500ms"})
class BusyBrowserTest extends BrowserTest {

    static final Path ISSUE15 = Paths.get("target", "screenshots", "issue15");

    @Autowired
    DataSource dataSource;
    @Autowired
    JdbcClient jdbc;

    private void save(String name) {
        page.screenshot(new com.microsoft.playwright.Page.ScreenshotOptions()
                .setPath(ISSUE15.resolve(name + ".png")).setFullPage(true));
    }

    @AfterEach
    void noLockTimeout() throws Exception {
        jdbc.sql("alter database " + jdbc.sql("select current_database()").query(String.class).single()
                + " reset lock_timeout").update();
        dataSource.unwrap(HikariDataSource.class).getHikariPoolMXBean().softEvictConnections();
    }

    @Test
    void aFullPoolShowsSystemBusyAndThePageComesBackAfterwards() throws Exception {
        login("sr_admin");
        assertThat(page).hasURL(HOME);
        try (Connection a = dataSource.getConnection(); Connection b = dataSource.getConnection()) {
            var response = page.navigate("/plans");
            org.assertj.core.api.Assertions.assertThat(response.status()).isEqualTo(503);
            org.assertj.core.api.Assertions.assertThat(response.headerValue("retry-after")).isEqualTo("5");
            assertThat(page.locator("h1")).hasText("系统繁忙");
            assertThat(page.locator("#problem-message")).hasText("系统繁忙，请稍后再试");
            save("busy-pool-exhausted");
        }
        page.navigate("/plans");
        assertThat(page.locator("#me")).hasText("上饶市住建局管理员（上饶市）");
    }

    @Test
    void aSignInTheDatabaseCouldNotCheckIsNotCalledAWrongPassword() throws Exception {
        HikariDataSource pool = dataSource.unwrap(HikariDataSource.class);
        jdbc.sql("alter database " + jdbc.sql("select current_database()").query(String.class).single()
                + " set lock_timeout = '300ms'").update();
        pool.getHikariPoolMXBean().softEvictConnections();
        try (Connection other = DriverManager.getConnection(pool.getJdbcUrl(), pool.getUsername(), pool.getPassword())) {
            other.setAutoCommit(false);
            try (Statement s = other.createStatement()) {
                s.execute("set lock_timeout = 0");
                s.execute("lock table login_throttle in exclusive mode");
            }
            login("sr_admin", DEMO_PASSWORD);
            assertThat(page.locator("#login-error"))
                    .hasText("系统繁忙，请稍后再试。本次登录未能完成核验，您的密码没有被判定为错误");
            save("login-database-timeout");
        }
        login("sr_admin");
    }
}
