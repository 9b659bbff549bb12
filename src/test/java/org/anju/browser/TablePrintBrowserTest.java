package org.anju.browser;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.BoundingBox;
import com.microsoft.playwright.options.Media;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 14, part C, as a user sees it, with screenshots under target/screenshots/issue14/: the grouped menu (接口文档
 * for administrators only), the print output of 进度汇总 and 督导 (no menu, a title line, header rows repeated on
 * every printed page — checked in Chromium's own PDF through poppler's pdftotext), a sticky header and frozen first
 * column after scrolling a wide table, a disabled 上报 that looks disabled, the report grid on a 390 px phone
 * without sideways page overflow, and the dashboard's trend legend with every name whole.
 */
class TablePrintBrowserTest extends BrowserTest {

    static final Path DIR = SCREENSHOTS.resolve("issue14");
    static final List<String> MENU_WORDS = List.of("计划与项目", "月报与进度", "督导与通报", "公租房轮候", "退出");

    Path issueShot(String name) {
        Path file = DIR.resolve(name + ".png");
        page.screenshot(new Page.ScreenshotOptions().setPath(file).setFullPage(true));
        return file;
    }

    /** The page printed by Chromium on A4 (the stylesheet's @page), as text per page (pdftotext splits pages by \f). */
    List<String> printedPages(String name) throws IOException, InterruptedException {
        page.emulateMedia(new Page.EmulateMediaOptions().setMedia(Media.PRINT));
        Path pdf = DIR.resolve(name + ".pdf");
        Files.createDirectories(DIR);
        page.pdf(new Page.PdfOptions().setPath(pdf).setPreferCSSPageSize(true).setPrintBackground(true));
        Path txt = DIR.resolve(name + ".txt");
        Process p = new ProcessBuilder("pdftotext", "-layout", pdf.toString(), txt.toString()).inheritIO().start();
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).isZero();
        String text = Files.readString(txt, StandardCharsets.UTF_8);
        page.emulateMedia(new Page.EmulateMediaOptions().setMedia(Media.SCREEN));
        return List.of(text.split("\f")).stream().filter(s -> !s.isBlank()).toList();
    }

    @Test
    void theMenuIsGroupedAndTheApiDocsAreForAdministratorsOnly() {
        login("zy_admin");
        assertThat(page.locator("#nav-progress")).isHidden();
        page.click("#menu-admin > summary");
        assertThat(page.locator("#nav-api-docs")).isVisible();
        assertThat(page.locator("#nav-users")).isVisible();
        issueShot("menu-admin");
        // one group open at a time; keyboard: Enter on a summary opens it, Escape closes it
        page.focus("#menu-reports > summary");
        page.keyboard().press("Enter");
        assertThat(page.locator("#menu-admin")).not().hasAttribute("open", "");
        assertThat(page.locator("#nav-progress")).isVisible();
        page.keyboard().press("Escape");
        assertThat(page.locator("#nav-progress")).isHidden();
        menu("进度汇总");
        page.waitForURL("**/progress");
        assertThat(page.locator("h1")).containsText("进度汇总");

        context.clearCookies();
        login("gzq_reporter");
        assertThat(page.locator("#nav-api-docs")).hasCount(0);
        assertThat(page.locator("#menu")).not().containsText("接口文档");
        page.click("#menu-reports > summary");
        assertThat(page.locator("#nav-reports")).isVisible();
        issueShot("menu-reporter");
        // on a phone the groups stack and open in place
        page.setViewportSize(390, 844);
        page.click("#menu-rental > summary");
        assertThat(page.locator("#nav-waiting")).isVisible();
        issueShot("menu-phone");
        assertThat((Integer) page.evaluate("document.documentElement.scrollWidth")).isLessThanOrEqualTo(390);
    }

    @Test
    void progressAndSupervisionPrintWithoutTheMenuWithTheirTitleAndRepeatedHeaders() throws Exception {
        login("zy_admin");
        page.navigate("/progress?region=620700&period=2023-12");
        assertThat(page.locator("#progress-actions-xlsx")).hasAttribute("href",
                "/progress?region=620700&period=2023-12&format=xlsx");
        assertThat(page.locator("#progress-actions-print")).isVisible();
        page.emulateMedia(new Page.EmulateMediaOptions().setMedia(Media.PRINT));
        assertThat(page.locator(".topbar")).isHidden();
        assertThat(page.locator("#chooser")).isHidden();
        assertThat(page.locator("#progress-actions")).isHidden();
        assertThat(page.locator(".print-title")).isVisible();
        assertThat(page.locator(".print-title")).hasText("填报单位：张掖市　截止日期：2023年12月31日");
        assertThat((String) page.evaluate("getComputedStyle(document.querySelector('#progress-table thead')).display"))
                .isEqualTo("table-header-group");
        issueShot("progress-print");
        List<String> progress = printedPages("progress-print");
        assertThat(progress.size()).as("the two sections on pages of their own").isGreaterThanOrEqualTo(2);
        for (String p : progress) {
            MENU_WORDS.forEach(w -> assertThat(p).as("printed page").doesNotContain(w));
        }
        assertThat(progress.getFirst()).contains("张掖市 2023年12月 进度汇总").contains("截止日期：2023年12月31日").contains("工程类别");

        page.navigate("/supervision?region=620700&period=2023-12");
        page.emulateMedia(new Page.EmulateMediaOptions().setMedia(Media.PRINT));
        issueShot("supervision-print");
        List<String> supervision = printedPages("supervision-print");
        for (String p : supervision) {
            MENU_WORDS.forEach(w -> assertThat(p).doesNotContain(w));
            assertThat(p).doesNotContain("导出Excel").doesNotContain("打印");
        }
        assertThat(String.join("", supervision)).contains("张掖市 2023年12月 督导").contains("名次");

        // a table longer than a page: its header rows on every printed page (Jiangxi's plan, one row per county)
        context.clearCookies();
        login("jx_admin");
        page.navigate("/plans");
        page.locator("#plans tbody tr td a[href*='/plans/']").first().click();
        page.waitForURL("**/plans/*");
        page.click("#tables tbody tr:first-child td:nth-child(2) a");
        page.waitForURL("**/plans/*/tables/1");
        String firstHead = page.locator("#breakdown thead th").first().innerText().strip();
        int rows = page.locator("#breakdown tbody tr").count();
        List<String> plan = printedPages("plan-table-print");
        assertThat(plan.size()).as(rows + " rows").isGreaterThanOrEqualTo(2);
        for (String p : plan) {
            assertThat(p.replaceAll("\\s", "")).as("every printed page repeats the header").contains(firstHead.replaceAll("\\s", ""));
            MENU_WORDS.forEach(w -> assertThat(p).doesNotContain(w));
        }
    }

    @Test
    void aWideTableKeepsItsHeaderAndFirstColumnInViewWhenScrolled() {
        login("mohurd_viewer");
        page.setViewportSize(800, 600);
        page.navigate("/progress?period=2023-12");
        Locator wrap = page.locator("#progress-children").locator("xpath=..");
        assertThat(wrap).hasClass(java.util.regex.Pattern.compile(".*table-wrap.*"));
        int rows = page.locator("#progress-children tbody tr").count();
        assertThat(rows).as("the provinces").isGreaterThan(20);
        wrap.scrollIntoViewIfNeeded();
        wrap.evaluate("w => { w.scrollTop = 400; w.scrollLeft = 300; }");
        page.waitForTimeout(100);
        BoundingBox box = wrap.boundingBox();
        BoundingBox head = page.locator("#progress-children thead").boundingBox();
        BoundingBox firstCell = page.locator("#progress-children tbody tr:nth-child(15) td:first-child").boundingBox();
        assertThat(Math.abs(head.y - box.y)).as("the header stays at the top of the scrolled box").isLessThan(2);
        assertThat(((Number) wrap.evaluate("w => w.scrollTop")).doubleValue()).isGreaterThan(100.0);
        if (((Number) wrap.evaluate("w => w.scrollLeft")).doubleValue() > 0) {
            assertThat(Math.abs(firstCell.x - box.x)).as("the region column stays at the left").isLessThan(2);
        }
        // rates on one line: no cell of the table wraps "100.0%"
        assertThat((Boolean) page.evaluate("[...document.querySelectorAll('#progress-children td.num')].every(td => getComputedStyle(td).whiteSpace === 'nowrap')"))
                .isTrue();
        wrap.screenshot(new Locator.ScreenshotOptions().setPath(DIR.resolve("sticky-header-scrolled.png")));
    }

    @Test
    void aDisabledSubmitLooksDisabledAndTheGridFitsAPhone() {
        login("gzq_reporter");
        // December is approved: nothing to save or submit
        page.navigate("/reports/620702/2023-12");
        Locator submit = page.locator("#report-submit");
        assertThat(submit).isDisabled();
        assertThat((String) submit.evaluate("b => getComputedStyle(b).cursor")).isEqualTo("not-allowed");
        String background = (String) submit.evaluate("b => getComputedStyle(b).backgroundColor");
        assertThat(background).as("greyed, not the brand red").isNotEqualTo("rgb(180, 35, 42)");
        submit.scrollIntoViewIfNeeded();
        issueShot("disabled-submit");

        page.setViewportSize(390, 844);
        page.navigate("/reports/620702/2024-02");
        assertThat(page.locator("#report-form")).isVisible();
        assertThat((Integer) page.evaluate("document.documentElement.scrollWidth")).as("no sideways page overflow")
                .isLessThanOrEqualTo(390);
        assertThat(page.locator("#report-save")).isEnabled();
        issueShot("report-grid-390");
    }

    @Test
    void theDashboardTrendLegendShowsEveryNameWhole() {
        login("zy_admin");
        page.navigate("/dashboard?period=2023-12");
        Locator chart = page.locator("#trend-chart");
        assertThat(chart).hasAttribute("data-drawn", "true");
        Object legend = chart.evaluate("el => { const o = echarts.getInstanceByDom(el).getOption(); "
                + "return {type: o.legend[0].type, names: o.series.map(s => s.name).length, top: o.grid[0].top}; }");
        @SuppressWarnings("unchecked")
        java.util.Map<String, Object> l = (java.util.Map<String, Object>) legend;
        assertThat(l.get("type")).as("a plain legend wraps; a scroll legend hides names").isEqualTo("plain");
        assertThat(((Number) l.get("top")).intValue()).as("the plot starts below the legend").isGreaterThanOrEqualTo(60);
        chart.screenshot(new Locator.ScreenshotOptions().setPath(DIR.resolve("dashboard-legend.png")));
        assertThat(page.locator("#dashboard-actions-xlsx")).isVisible();
    }
}
