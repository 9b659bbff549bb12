package org.anju.browser;

import com.microsoft.playwright.Download;
import org.apache.poi.xwpf.extractor.XWPFWordExtractor;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.io.InputStream;
import java.nio.file.Files;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

/** 张掖市 previews its December bulletin, writes 下一步工作重点 and downloads the Word file with it. */
class BulletinBrowserTest extends BrowserTest {

    @Autowired
    JdbcClient jdbc;

    @AfterEach
    void removeNotes() {
        jdbc.sql("delete from bulletin_note").update();
    }

    @Test
    void theCityWritesNextStepsAndDownloadsTheBulletin() throws Exception {
        login("zy_admin");
        page.navigate("/bulletins?region=620700&period=2023-12");
        assertThat(page.locator("#bulletin-title")).hasText("关于2023年1--12月全市保障性安居工程进展情况的通报");
        assertThat(page.locator("#bulletin")).not().containsText("三、下一步工作重点");

        page.fill("#number", "张旧改办〔2024〕1号");
        page.click("#bulletin-preview");
        page.fill("#next-steps", "一要科学推进保障性安居工程项目建设。\n二要强化资金监管，加快资金拨付使用进度。");
        page.click("#next-steps-save");
        assertThat(page.locator("#message")).hasText("已保存下一步工作重点");
        assertThat(page.locator("#bulletin h3").last()).hasText("三、下一步工作重点");
        assertThat(page.locator("#bulletin")).containsText("二要强化资金监管，加快资金拨付使用进度。");
        // the 文号 typed before saving is kept
        assertThat(page.locator("#bulletin")).containsText("张旧改办〔2024〕1号");
        shot("next-steps-saved");

        Download download = page.waitForDownload(() -> page.click("#bulletin-docx"));
        org.assertj.core.api.Assertions.assertThat(download.suggestedFilename()).isEqualTo("张掖市2023年12月保障性安居工程进展情况通报.docx");
        try (InputStream in = Files.newInputStream(download.path()); XWPFDocument doc = new XWPFDocument(in);
             XWPFWordExtractor text = new XWPFWordExtractor(doc)) {
            org.assertj.core.api.Assertions.assertThat(text.getText())
                    .contains("张旧改办〔2024〕1号", "三、下一步工作重点", "一要科学推进保障性安居工程项目建设。");
        }
    }
}
