package org.anju.browser;

import org.anju.reminder.Reminders;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;

import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.LocalDate;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The reminders the scheduled work makes, where the responsible users look (issue 15): the scheduled work is run for
 * 7 February 2024 on the demo data (张掖市's January reports, due 5 February, not submitted); 张掖市's administrator sees
 * the box on the home page and the list at 待办提醒, 甘州区's reporter its own unit's. Screenshots:
 * target/screenshots/issue15/.
 */
@TestPropertySource(properties = "anju.test.database=browser_reminders")
class ReminderBrowserTest extends BrowserTest {

    static final Path ISSUE15 = Paths.get("target", "screenshots", "issue15");

    @Autowired
    Reminders reminders;

    private void save(String name) {
        page.screenshot(new com.microsoft.playwright.Page.ScreenshotOptions()
                .setPath(ISSUE15.resolve("reminders-" + name + ".png")).setFullPage(true));
    }

    @Test
    void theCityAndTheCountySeeTheOverdueJanuaryReports() {
        Reminders.Run run = reminders.generate(LocalDate.of(2024, 2, 7));
        assertThat(run.created()).isPositive();

        login("zy_admin");
        assertThat(page.locator("#reminders-box")).containsText("月报逾期未报");
        assertThat(page.locator("#reminders-box")).containsText("2024年1月月报报送期限2024年2月5日已过");
        save("dashboard-city");
        page.click("#link-reminders");
        page.waitForURL("**/reminders");
        assertThat(page.locator("#reminders")).containsText("甘州区");
        assertThat(page.locator("#reminders")).containsText("2024年2月5日");
        save("list-city");

        com.microsoft.playwright.Page county = otherSession();
        login(county, "gzq_reporter");
        county.navigate("/reminders");
        assertThat(county.locator("#reminders")).containsText("甘州区");
        assertThat(county.locator("#reminders")).not().containsText("高台县");
        county.screenshot(new com.microsoft.playwright.Page.ScreenshotOptions()
                .setPath(ISSUE15.resolve("reminders-list-county.png")).setFullPage(true));
    }
}
