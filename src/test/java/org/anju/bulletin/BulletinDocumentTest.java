package org.anju.bulletin;

import org.anju.SeedDataTest;
import org.anju.TestUsers;
import org.anju.document.DocxChecks;
import org.anju.document.PdfChecks;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.web.context.WebApplicationContext;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Seed 004's bulletin (张掖市 2023年12月, from the demo data) as a GB/T 9704-2012 公文: the DOCX read back with POI, the
 * PDF rendered with poppler-utils (images under target/pdf-pages/seed004-bulletin/, page 1 and 附件1 kept as the
 * issue's screenshots), and the download endpoint.
 */
@SeedDataTest
class BulletinDocumentTest {

    static final String CITY = "620700";
    static final YearMonth DEC = YearMonth.of(2023, 12);
    static final BulletinOptions OPTIONS = new BulletinOptions("张掖市城镇老旧小区改造工作领导小组办公室", "张旧改办〔2024〕1号",
            LocalDate.of(2024, 1, 9), List.of("省住建厅", "市人民政府办公室"), "张掖市城镇老旧小区改造工作领导小组办公室",
            LocalDate.of(2024, 1, 10));

    @Autowired
    Bulletins bulletins;
    @Autowired
    WebApplicationContext context;

    @Test
    void theWordBulletinIsAGbt9704Document() throws Exception {
        Bulletin b = bulletins.compose(CITY, DEC, OPTIONS);
        byte[] docx = bulletins.docx(CITY, DEC, OPTIONS);
        java.nio.file.Files.createDirectories(java.nio.file.Path.of("target", "docx"));
        java.nio.file.Files.write(java.nio.file.Path.of("target", "docx", "seed004-bulletin.docx"), docx);
        try (XWPFDocument doc = DocxChecks.open(docx)) {
            DocxChecks.pageSetup(doc);
            DocxChecks.footers(doc);
            DocxChecks.head(doc, "张掖市城镇老旧小区改造工作领导小组办公室文件", "张旧改办〔2024〕1号");
            assertThat(DocxChecks.eastAsiaFont(DocxChecks.paragraph(doc, b.title()))).isEqualTo("方正小标宋简体");
            assertThat(DocxChecks.eastAsiaFont(DocxChecks.paragraph(doc, "二、存在的问题"))).isEqualTo("黑体");
            assertThat(DocxChecks.paragraph(doc, "2024年1月9日")).isNotNull();
            assertThat(DocxChecks.paragraph(doc, "抄送：省住建厅，市人民政府办公室。")).isNotNull();
            assertThat(DocxChecks.paragraph(doc, "张掖市城镇老旧小区改造工作领导小组办公室\t2024年1月10日印发")).isNotNull();
            // one gridded table per 附件, in order, with the bulletin's rows as printed
            assertThat(DocxChecks.tables(doc)).hasSize(b.tables().size());
            assertThat(DocxChecks.paragraph(doc, "附件：1." + b.tables().getFirst().title())).isNotNull();
            var first = doc.getTables().getFirst();
            int headerRows = b.tables().getFirst().header().size();
            List<String> row = first.getRow(headerRows).getTableCells().stream().map(c -> c.getText()).toList();
            assertThat(row).isEqualTo(b.tables().getFirst().rows().getFirst());
        }
    }

    /**
     * The unissued preview names no date it was not given: where the 成文日期 and the 印发日期 go it says they are not
     * filled in, in the Word file and in the PDF — never today's date passed off as the official's.
     */
    @Test
    void anUndatedPreviewSaysSoInsteadOfStampingToday() throws Exception {
        BulletinOptions undated = new BulletinOptions(null, null, null);
        assertThat(bulletins.compose(CITY, DEC, undated).date()).isNull();
        String today = org.anju.document.OfficialDocument.chineseDate(LocalDate.now(org.anju.platform.ChinaTime.ZONE));
        try (XWPFDocument doc = DocxChecks.open(bulletins.docx(CITY, DEC, undated));
             var text = new org.apache.poi.xwpf.extractor.XWPFWordExtractor(doc)) {
            assertThat(DocxChecks.paragraph(doc, "（成文日期未填）")).isNotNull();
            assertThat(text.getText()).contains("（印发日期未填）").doesNotContain(today);
        }
        byte[] pdf = bulletins.pdf(CITY, DEC, undated);
        java.nio.file.Path file = java.nio.file.Files.createTempFile("undated", ".pdf");
        try {
            java.nio.file.Files.write(file, pdf);
            Process p = new ProcessBuilder("pdftotext", file.toString(), "-").redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
            p.waitFor();
            assertThat(out.replaceAll("\\s", "")).contains("（成文日期未填）").doesNotContain(today);
        } finally {
            java.nio.file.Files.delete(file);
        }
    }

    @Test
    void typedCellsPrintAsTheBulletinDoes() {
        assertThat(BulletinDocument.cell("未报")).isInstanceOf(org.anju.document.OfficialDocument.NotReported.class);
        assertThat(BulletinDocument.cell("101.2%")).isEqualTo(new org.anju.document.OfficialDocument.Rate(new BigDecimal("1.012"), 1));
        assertThat(BulletinDocument.cell("1092.28").shown()).isEqualTo("1092.28");
        assertThat(BulletinDocument.cell("9223")).isEqualTo(new org.anju.document.OfficialDocument.Whole(9223));
        assertThat(BulletinDocument.cell("—").shown()).isEqualTo("—");
        assertThat(BulletinDocument.cell("").shown()).isEmpty();
        assertThat(BulletinOptions.copyToList("省住建厅、市政府办公室，市财政局。")).containsExactly("省住建厅", "市政府办公室", "市财政局");
    }

    @Test
    void thePdfBulletinIsA4WithRedHeadEmbeddedFontsAndTheAttachmentsOnTheirPages() throws Exception {
        byte[] pdf = bulletins.pdf(CITY, DEC, OPTIONS);
        PdfChecks.Rendered r = PdfChecks.render(pdf, "seed004-bulletin");
        List<PdfChecks.Page> pages = r.pages();
        assertThat(pages.size() % 2).as("版记 on an even page").isZero();
        PdfChecks.Page first = pages.getFirst();
        assertThat(first.widthPt()).isCloseTo(595.3, org.assertj.core.data.Offset.offset(0.5));
        assertThat(first.heightPt()).isCloseTo(841.9, org.assertj.core.data.Offset.offset(0.5));
        assertThat(first.redPixels()).isGreaterThan(300);
        assertThat(first.longestRedRunMm()).isBetween(150.0, 157.0);
        PdfChecks.pageNumber(first);
        PdfChecks.portraitMargins(pages.get(1));
        PdfChecks.pageNumber(pages.get(1));
        int attachment = -1;
        for (int i = 0; i < pages.size() && attachment < 0; i++) {
            String text = PdfChecks.text(pages.get(i));
            if (text.strip().startsWith("附件1")) {
                attachment = i;
            }
        }
        assertThat(attachment).as("a page starting with 附件1").isPositive();
        PdfChecks.screenshot(first, "bulletin-pdf-page1.png");
        PdfChecks.screenshot(pages.get(attachment), "bulletin-pdf-attachment1.png");
        PdfChecks.screenshot(pages.get(1), "bulletin-pdf-page2.png");
    }

    @Test
    void theEndpointServesThePdf() throws Exception {
        var admin = TestUsers.mvc(context, TestUsers.ZHANGYE_ADMIN);
        byte[] body = admin.perform(get("/api/bulletins/620700/2023-12/pdf").param("number", "张旧改办〔2024〕1号")
                        .param("copyTo", "省住建厅、市人民政府办公室"))
                .andExpect(status().isOk())
                .andExpect(header().string("Content-Type", "application/pdf"))
                .andExpect(header().string("Content-Disposition", org.hamcrest.Matchers.containsString("pdf")))
                .andReturn().getResponse().getContentAsByteArray();
        assertThat(new String(body, 0, 5, java.nio.charset.StandardCharsets.ISO_8859_1)).isEqualTo("%PDF-");
        // a county may not read its city's bulletin in any format
        TestUsers.mvc(context, TestUsers.GANZHOU_DISTRICT_REPORTER).perform(get("/api/bulletins/620700/2023-12/pdf"))
                .andExpect(status().isForbidden());
    }
}
