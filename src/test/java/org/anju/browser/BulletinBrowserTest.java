package org.anju.browser;

import com.microsoft.playwright.Download;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import org.apache.poi.xwpf.extractor.XWPFWordExtractor;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.junit.jupiter.api.Test;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

/**
 * A bulletin's life in the browser (issue 14): 张掖市 sees its December bulletin as an unissued preview, makes a draft
 * from the data, edits a part (htmx), sets the head, issues it with a 文号; the archive lists it, the Word file carries
 * the edit and the 文号; 甘州区 reads the issued bulletin. Screenshots: target/screenshots/issue14/.
 */
class BulletinBrowserTest extends BrowserTest {

    Path shot14(Page p, String name) {
        Path file = SCREENSHOTS.resolve("issue14").resolve("bulletin-" + name + ".png");
        p.screenshot(new Page.ScreenshotOptions().setPath(file).setFullPage(true));
        return file;
    }

    @Test
    void draftEditIssueArchive() throws Exception {
        login("zy_admin");
        page.navigate("/bulletins?region=620700&period=2023-12");
        assertThat(page.locator("#bulletin-unissued")).containsText("未签发");
        assertThat(page.locator("#bulletin-title")).hasText("关于2023年1—12月全市保障性安居工程进展情况的通报");
        shot14(page, "1-unissued-preview");

        page.click("#draft-create");
        assertThat(page.locator("#message")).hasText("已从数据生成草稿");
        assertThat(page.locator("#draft-status")).containsText("第1版");
        assertThat(page.locator("#dated-unsaved")).isVisible();   // 成文日期 prefilled visibly, not saved

        // edit 住房租赁补贴 (htmx: the draft is swapped in place)
        Locator subsidy = page.locator(".draft-section").filter(new Locator.FilterOptions().setHasText("住房租赁补贴目标任务及进展情况"));
        subsidy.locator("textarea").fill("截止12月底，全市发放住房租赁补贴（人工核定文字）。");
        subsidy.locator("button[value=save]").click();
        assertThat(page.locator("#message")).hasText("已保存");
        Locator edited = page.locator(".draft-section.edited").filter(new Locator.FilterOptions().setHasText("住房租赁补贴目标任务及进展情况"));
        assertThat(edited.locator(".edited-tag")).hasText("已修改");
        edited.locator("details.diff summary").click();
        assertThat(page.locator("#bulletin")).containsText("截止12月底，全市发放住房租赁补贴（人工核定文字）。");
        shot14(page, "2-draft-edited");

        // the next steps, and the head with its 成文日期
        Locator next = page.locator(".draft-section").filter(new Locator.FilterOptions().setHasText("下一步工作重点"));
        next.locator("textarea").fill("一要科学推进保障性安居工程项目建设。\n二要强化资金监管，加快资金拨付使用进度。");
        next.locator("button[value=save]").click();
        assertThat(page.locator("#bulletin h3").last()).hasText("三、下一步工作重点");
        page.fill("#dated", "2024-01-09");
        page.fill("#copyTo", "甘肃省住房和城乡建设厅");
        page.click("#head-save");
        assertThat(page.locator("#message")).hasText("已保存文头和版记");

        // issuing needs the confirmation
        page.fill("#issue-number", "张建〔2024〕1号");
        page.fill("#issue-date", "2024-01-10");
        page.click("#issue-submit");
        assertThat(page.locator("#draft-error")).containsText("确认签发");
        page.fill("#issue-number", "张建〔2024〕1号");
        page.fill("#issue-date", "2024-01-10");
        page.check("#issue-confirm");
        shot14(page, "3-issue-form");
        page.click("#issue-submit");
        assertThat(page.locator("h1")).hasText("张建〔2024〕1号（第1版）");
        assertThat(page.locator("#issue-sha")).hasText(java.util.regex.Pattern.compile("[0-9a-f]{64}"));
        shot14(page, "4-issued");

        Download download = page.waitForDownload(() -> page.click("#issue-docx"));
        try (InputStream in = Files.newInputStream(download.path()); XWPFDocument doc = new XWPFDocument(in);
             XWPFWordExtractor text = new XWPFWordExtractor(doc)) {
            org.assertj.core.api.Assertions.assertThat(text.getText()).contains("张建〔2024〕1号", "（人工核定文字）",
                    "三、下一步工作重点", "2024年1月9日");
        }

        // a correction: a new draft from the issued text, issued as edition 2 with its 更正说明
        page.click("#issue-correct");
        assertThat(page.locator("#draft-status")).containsText("更正草稿");
        Locator funds = page.locator(".draft-section").filter(new Locator.FilterOptions().setHasText("保障性安居工程资金争取使用情况"));
        funds.locator("textarea").fill("截止12月底，全市已争取到位保障性安居工程资金共计25480万元（更正）。");
        funds.locator("button[value=save]").click();
        assertThat(page.locator("#message")).hasText("已保存");
        page.fill("#correctionNote", "资金段落数字有误，予以更正。");
        page.click("#head-save");
        assertThat(page.locator("#message")).hasText("已保存文头和版记");
        page.fill("#issue-number", "张建〔2024〕2号");
        page.fill("#issue-date", "2024-01-12");
        page.check("#issue-confirm");
        page.click("#issue-submit");
        assertThat(page.locator("h1")).hasText("张建〔2024〕2号（第2版）");
        assertThat(page.locator("#issue-changes")).containsText("保障性安居工程资金争取使用情况：已修改");
        assertThat(page.locator("#issue-chain li")).hasCount(2);
        shot14(page, "5-correction-issued");

        page.navigate("/bulletins/issued?region=620700");
        assertThat(page.locator("#issued-list tbody tr")).hasCount(2);
        assertThat(page.locator("#issued-list tbody tr").first()).containsText("张建〔2024〕2号");
        assertThat(page.locator("#issued-list tbody tr.superseded")).containsText("已被更正");
        shot14(page, "6-archive");

        // the county reads what its city issued to it
        Page county = otherSession();
        login(county, "gzq_reporter");
        county.navigate("/bulletins/issued");
        assertThat(county.locator("#issued-list")).containsText("张建〔2024〕1号");
        county.locator("#issued-list a").first().click();
        assertThat(county.locator("h1")).hasText("张建〔2024〕2号（第2版）");
        assertThat(county.locator("#issue-correct")).hasCount(0);
        assertThat(county.locator("#bulletin")).containsText("（人工核定文字）");
        assertThat(county.locator("#issue-issued-by")).hasText("张掖市住建局管理员");     // a name, the login on hover
        assertThat(county.locator("#issue-issued-by")).hasAttribute("title", "zy_admin");
        shot14(county, "7-county-reads-issued");

        // the month issued: the city's page shows the document in force, not a new draft from the data
        page.navigate("/bulletins?region=620700&period=2023-12");
        assertThat(page.locator("#bulletin-issued")).containsText("张建〔2024〕2号");
        assertThat(page.locator("#bulletin-issued-correct")).isVisible();
        assertThat(page.locator("#draft-create")).hasCount(0);
        shot14(page, "8-month-issued");

        // the county's reporter drafts the county's own bulletin but does not issue it; a stray draft is discarded
        county.navigate("/bulletins?region=620702&period=2023-12");
        county.click("#draft-create");
        assertThat(county.locator("#draft-status")).containsText("第1版");
        assertThat(county.locator("#draft-issue")).hasCount(0);
        assertThat(county.locator("#draft-issue-who")).containsText("甘州区的管理员签发");
        shot14(county, "9-reporter-cannot-issue");
        county.click("#discard-submit");
        assertThat(county.locator("#draft-error")).containsText("确认放弃");
        county.check("#discard-confirm");
        county.click("#discard-submit");
        assertThat(county.locator("#message")).hasText("已放弃草稿（已签发的通报不受影响）");
        assertThat(county.locator("#draft-create")).isVisible();
    }
}
