package org.anju.browser;

import com.microsoft.playwright.Download;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

/** 张掖市 downloads its November 通报's draft as PDF from the bulletin page, next to the Word file; the PDF carries the 文号 of the head. */
class BulletinPdfBrowserTest extends BrowserTest {

    @Test
    void theCityDownloadsTheDraftAsPdf() throws Exception {
        login("zy_admin");
        // November: the shared browser database's December draft belongs to BulletinBrowserTest
        page.navigate("/bulletins?region=620700&period=2023-11");
        assertThat(page.locator("#bulletin-pdf")).hasText("下载预览 PDF（未签发）");
        page.click("#draft-create");
        page.fill("#documentNumber", "张旧改办〔2024〕1号");
        page.fill("#dated", "2023-12-08");
        page.click("#head-save");
        assertThat(page.locator("#message")).hasText("已保存文头和版记");
        assertThat(page.locator("#draft-pdf")).hasText("下载草稿 PDF");
        Path shot = shot("links");
        Path issue = Path.of("target", "screenshots", "issue14");
        Files.createDirectories(issue);
        Files.copy(shot, issue.resolve("bulletin-page-pdf-link.png"), StandardCopyOption.REPLACE_EXISTING);

        Download download = page.waitForDownload(() -> page.click("#draft-pdf"));
        org.assertj.core.api.Assertions.assertThat(download.suggestedFilename()).isEqualTo("张掖市2023年11月保障性安居工程进展情况通报（草稿第2版）.pdf");
        byte[] pdf = Files.readAllBytes(download.path());
        org.assertj.core.api.Assertions.assertThat(new String(pdf, 0, 5, StandardCharsets.ISO_8859_1)).isEqualTo("%PDF-");
        Path file = Files.createTempFile("bulletin", ".pdf");
        Files.write(file, pdf);
        Process text = new ProcessBuilder("pdftotext", file.toString(), "-").redirectErrorStream(true).start();
        String out = new String(text.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        text.waitFor();
        org.assertj.core.api.Assertions.assertThat(out).contains("张旧改办〔2024〕1号", "张掖市住房和城乡建设局文件");
        Files.delete(file);
    }
}
