package org.anju.browser;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.extension.TestWatcher;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.TestPropertySource;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.fail;

/**
 * Browser tests: the whole application on a random port with the demo data (its own database), driven
 * through Debian's Chromium by Playwright. Screenshots go to {@code target/screenshots/<class>/}: the ones a
 * test takes with {@link #shot}, and the last page of every test (marked FAILED when it failed).
 *
 * <p>Chromium comes from the system ({@code apt-get install -y chromium}; CI's {@code .ci/run} installs it);
 * Playwright never downloads a browser.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@TestPropertySource(properties = {"anju.demo.enabled=true", "anju.test.database=browser"})
@org.junit.jupiter.api.extension.ExtendWith(org.anju.AsSystem.class)
public abstract class BrowserTest {

    static final Path CHROMIUM = Paths.get("/usr/bin/chromium");
    static final Path SCREENSHOTS = Paths.get("target", "screenshots");
    /** The published password of the demo accounts (account/demo-users.yml). */
    protected static final String DEMO_PASSWORD = "anju2023";
    /** The landing page after login: the dashboard ({@code /} redirects there). */
    protected static final java.util.regex.Pattern HOME = java.util.regex.Pattern.compile(".*/dashboard$");

    private static Playwright playwright;
    private static Browser browser;

    @LocalServerPort
    protected int port;

    protected BrowserContext context;
    protected Page page;
    private String testName;
    /** Further sessions a test opened (another user at the same time), closed after it. */
    private final List<BrowserContext> others = new java.util.ArrayList<>();

    @RegisterExtension
    final TestWatcher lastPage = new TestWatcher() {
        @Override
        public void testFailed(ExtensionContext extension, Throwable cause) {
            capture("FAILED");
        }

        @Override
        public void testSuccessful(ExtensionContext extension) {
            capture("end");
        }
    };

    @BeforeAll
    static void launch() {
        if (!Files.isExecutable(CHROMIUM)) {
            fail("浏览器测试需要 Chromium：" + CHROMIUM + " 不存在。请先安装：apt-get install -y chromium"
                    + "（CI 的 .ci/run 会自动安装）。Playwright 不会自行下载浏览器。");
        }
        if (playwright == null) {
            playwright = Playwright.create(new Playwright.CreateOptions()
                    .setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
            browser = playwright.chromium().launch(new BrowserType.LaunchOptions()
                    .setExecutablePath(CHROMIUM)
                    .setHeadless(true)
                    .setArgs(List.of("--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                            "--disable-background-networking", "--disable-component-update", "--disable-sync")));
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                browser.close();
                playwright.close();
            }));
        }
    }

    @AfterAll
    static void keepBrowserForTheNextClass() {
        // one Chromium for all browser test classes of the run; closed at JVM exit
    }

    @BeforeEach
    void openPage(TestInfo info) {
        testName = info.getTestMethod().map(m -> m.getName()).orElse("test");
        context = newContext();
        page = context.newPage();
    }

    private BrowserContext newContext() {
        BrowserContext c = browser.newContext(new Browser.NewContextOptions()
                .setBaseURL("http://localhost:" + port)
                .setLocale("zh-CN")
                .setViewportSize(1400, 900));
        c.setDefaultTimeout(15_000);
        return c;
    }

    /** A second browser session (its own cookies), e.g. another user working at the same time; closed after the test. */
    protected Page otherSession() {
        BrowserContext c = newContext();
        others.add(c);
        return c.newPage();
    }

    /** Saves a screenshot of {@code p}, like {@link #shot(String)}. */
    protected Path shot(Page p, String name) {
        Path file = SCREENSHOTS.resolve(getClass().getSimpleName()).resolve(testName + "-" + name + ".png");
        p.screenshot(new Page.ScreenshotOptions().setPath(file).setFullPage(true));
        return file;
    }

    @AfterEach
    void closePage() {
        // after the watcher took the last screenshot
    }

    private void capture(String name) {
        if (page != null && !page.isClosed()) {
            shot(name);
        }
        if (context != null) {
            context.close();
            context = null;
            page = null;
        }
        others.forEach(BrowserContext::close);
        others.clear();
    }

    /** Saves a screenshot of the whole page as target/screenshots/&lt;class&gt;/&lt;test&gt;-&lt;name&gt;.png. */
    protected Path shot(String name) {
        return shot(page, name);
    }

    /**
     * Follows a menu link by its text as a user does: opens its group in the top bar (the menu is grouped since
     * issue 14), then clicks the link.
     */
    protected void menu(String text) {
        String link = "a:text-is(\"" + text + "\")";
        page.locator("nav.menu details.menu-group:has(" + link + ") > summary").click();
        page.locator("nav.menu " + link).click();
    }

    /** Signs in through the login form and waits for the landing page. */
    protected void login(String username) {
        login(page, username);
    }

    /** Signs in on {@code p} (another session) and waits for the landing page. */
    protected void login(Page p, String username) {
        login(p, username, DEMO_PASSWORD);
        p.waitForURL(HOME);
    }

    protected void login(String username, String password) {
        login(page, username, password);
    }

    private static void login(Page p, String username, String password) {
        p.navigate("/login");
        p.fill("#username", username);
        p.fill("#password", password);
        p.click("#login-submit");
        p.waitForLoadState();
    }
}
