package org.anju.document;

import org.anju.platform.Conflict;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.junit.jupiter.api.Test;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTSectPr;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STPageOrientation;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A composed 通报 (every element, a narrow and a wide 附件) rendered to DOCX and PDF, read back and measured against
 * GB/T 9704-2012: the DOCX's structure with POI, the PDF from outside with poppler-utils (page images under
 * target/pdf-pages/official-document/).
 */
class OfficialDocumentTest {

    final OfficialDocument notice = SampleDocuments.notice();

    @Test
    void theWordFileHasTheStandardsPageSetupHeadAndFooters() throws Exception {
        byte[] docx = DocxRenderer.render(notice);
        // kept for a look in Word/WPS/LibreOffice
        java.nio.file.Files.createDirectories(java.nio.file.Path.of("target", "docx"));
        java.nio.file.Files.write(java.nio.file.Path.of("target", "docx", "official-document.docx"), docx);
        try (XWPFDocument doc = DocxChecks.open(docx)) {
            DocxChecks.pageSetup(doc);
            DocxChecks.footers(doc);
            DocxChecks.head(doc, "张掖市城镇老旧小区改造工作领导小组办公室文件", "张旧改办〔2024〕1号");
            // fonts per role (7.3.1, 7.3.3, 7.3.7)
            assertThat(DocxChecks.eastAsiaFont(DocxChecks.paragraph(doc, "关于2023年1—12月全市保障性安居工程进展情况的通报")))
                    .isEqualTo("方正小标宋简体");
            assertThat(DocxChecks.paragraph(doc, "关于2023年1—12月全市保障性安居工程进展情况的通报").getRuns().getFirst()
                    .getFontSizeAsDouble()).isEqualTo(22.0);
            assertThat(DocxChecks.eastAsiaFont(DocxChecks.paragraph(doc, "一、总体进展情况"))).isEqualTo("黑体");
            assertThat(DocxChecks.eastAsiaFont(DocxChecks.paragraph(doc, "（一）城镇老旧小区改造。"))).isEqualTo("楷体_GB2312");
            assertThat(DocxChecks.eastAsiaFont(DocxChecks.paragraph(doc, "1.筹集房源情况。"))).isEqualTo("仿宋_GB2312");
            XWPFParagraph body = DocxChecks.paragraph(doc, "个别县区项目前期手续办理缓慢，资金拨付不及时。");
            assertThat(DocxChecks.eastAsiaFont(body)).isEqualTo("仿宋_GB2312");
            assertThat(body.getRuns().getFirst().getFontSizeAsDouble()).isEqualTo(16.0);
            assertThat(body.getFirstLineIndent()).as("左空二字").isEqualTo(2 * DocxRenderer.CHAR);
            assertThat(DocxChecks.eastAsiaFont(DocxChecks.paragraph(doc, "附件1"))).isEqualTo("黑体");
            XWPFParagraph lead = DocxChecks.paragraph(doc, "一是加快项目建设进度，确保按期交付使用。");
            assertThat(lead.getRuns().getFirst().isBold()).isTrue();
            assertThat(lead.getRuns().get(1).isBold()).isFalse();
            // 主送 with a full-width colon; 附件说明 numbered; date in Arabic numerals 右空四字
            assertThat(DocxChecks.paragraph(doc, "各县（区）住建局，市直有关单位：")).isNotNull();
            assertThat(DocxChecks.paragraph(doc, "附件：1.2023年1—12月保障性安居工程项目进展情况表").getIndentationHanging()).isPositive();
            XWPFParagraph second = DocxChecks.paragraph(doc, "2.2023年1—12月各县区城镇老旧小区改造分项进展情况表");
            XWPFParagraph first = DocxChecks.paragraph(doc, "附件：1.2023年1—12月保障性安居工程项目进展情况表");
            assertThat(second.getIndentationLeft()).as("names aligned").isEqualTo(first.getIndentationLeft());
            // a 署名 longer than the date keeps 右空二字 and the date is centred under it
            XWPFParagraph date = DocxChecks.paragraph(doc, "2024年1月5日");
            XWPFParagraph signature = DocxChecks.paragraph(doc, "张掖市城镇老旧小区改造工作领导小组办公室");
            assertThat(signature.getAlignment().toString()).isEqualTo("RIGHT");
            assertThat(signature.getIndentationRight()).isEqualTo(2 * DocxRenderer.CHAR);
            int nameWidth = TableLayout.textTwips(signature.getText(), 16), dateWidth = TableLayout.textTwips(date.getText(), 16);
            assertThat(date.getIndentationRight()).isEqualTo(2 * DocxRenderer.CHAR + (nameWidth - dateWidth) / 2);
            assertThat(DocxChecks.paragraph(doc, "（此件公开发布）")).isNotNull();
            List<String> outline = DocxChecks.outline(doc);
            assertThat(outline.indexOf("2024年1月5日")).isLessThan(outline.indexOf("附件1"));
            assertThat(outline.indexOf("附件1")).isLessThan(outline.indexOf("[table]"));
        }
    }

    @Test
    void aShortSignatureIsCentredOverTheDateSetFourCharactersFromTheRight() throws Exception {
        OfficialDocument d = new OfficialDocument(null, null, "某局文件", null, "关于某事的通知", null,
                List.of(OfficialDocument.Paragraph.of("正文。")), List.of(), "某局", notice.date(), null, List.of(), null);
        try (XWPFDocument doc = DocxChecks.open(DocxRenderer.render(d))) {
            assertThat(DocxChecks.paragraph(doc, "2024年1月5日").getIndentationRight()).isEqualTo(4 * DocxRenderer.CHAR);
            int nameWidth = TableLayout.textTwips("某局", 16), dateWidth = TableLayout.textTwips("2024年1月5日", 16);
            assertThat(DocxChecks.paragraph(doc, "某局").getIndentationRight()).isEqualTo(4 * DocxRenderer.CHAR + (dateWidth - nameWidth) / 2);
            // no 文号: the red separator under the 标志; no 版记: one section, no even-page break
            DocxChecks.head(doc, "某局文件", null);
            assertThat(DocxChecks.sections(doc)).hasSize(1);
        }
    }

    @Test
    void attachmentTablesHaveAGridRepeatedHeadersAndTheWideOneALandscapeSection() throws Exception {
        try (XWPFDocument doc = DocxChecks.open(DocxRenderer.render(notice))) {
            assertThat(DocxChecks.tables(doc)).containsExactly(8844L, 12756L);
            // the narrow table: 3 header columns merged over 计划/开工/开工率, the 县区 and 投资 cells over two rows
            var t1 = doc.getTables().getFirst().getCTTbl();
            assertThat(t1.getTrArray(0).getTcArray(1).getTcPr().getGridSpan().getVal().intValue()).isEqualTo(3);
            assertThat(t1.getTrArray(0).getTcArray(0).getTcPr().getVMerge().getVal().toString()).isEqualTo("restart");
            assertThat(t1.getTrArray(1).getTcArray(0).getTcPr().getVMerge().getVal().toString()).isEqualTo("continue");
            // rates printed whole on one line, right-aligned; 未报 printed, never 0
            assertThat(doc.getTables().getFirst().getRow(2).getCell(3).getText()).isEqualTo("87.5%");
            assertThat(t1.getTrArray(2).getTcArray(3).getTcPr().isSetNoWrap()).isTrue();
            assertThat(t1.getTrArray(2).getTcArray(3).getPArray(0).getPPr().getJc().getVal().toString()).isEqualTo("right");
            assertThat(doc.getTables().getFirst().getRow(5).getCell(2).getText()).isEqualTo("未报");
            // each rate column is wide enough for "100.0%" at the table's size (no wrap at that width)
            TableLayout wide = TableLayout.of(SampleDocuments.wide().table(), OfficialDocument.Orientation.AUTO);
            int rateWidth = TableLayout.textTwips("100.0%", wide.fontPt()) + 2 * TableLayout.CELL_MARGIN;
            assertThat(wide.widths()[2]).isGreaterThanOrEqualTo(rateWidth);
            // sections: text and 附件1 portrait, 附件2 landscape, the 版记 portrait on an even page
            List<CTSectPr> sections = DocxChecks.sections(doc);
            assertThat(sections).extracting(s -> s.getPgSz().getOrient())
                    .containsExactly(STPageOrientation.PORTRAIT, STPageOrientation.LANDSCAPE, STPageOrientation.PORTRAIT);
            assertThat(sections.getLast().getType().getVal().toString()).isEqualTo("evenPage");
            XWPFParagraph copyTo = DocxChecks.paragraph(doc, "抄送：市住建局领导，各县区人民政府。");
            // the 版记 at the foot of the 版心: the empty paragraph above it and its lines fill the 版心 (less rules and slack)
            List<XWPFParagraph> paragraphs = doc.getParagraphs();
            XWPFParagraph filler = paragraphs.get(paragraphs.indexOf(copyTo) - 1);
            assertThat(filler.getText()).isEmpty();
            long fill = filler.getCTP().getPPr().getSpacing().getLine() instanceof BigInteger b ? b.longValue() : 0;
            assertThat(fill + 2 * DocxRenderer.LINE).isBetween(12756L - 500, 12756L);
            assertThat(copyTo.getCTP().getPPr().getPBdr().getTop().getSz().intValue()).as("first rule thick")
                    .isGreaterThan(copyTo.getCTP().getPPr().getPBdr().getBottom().getSz().intValue());
            XWPFParagraph printed = DocxChecks.paragraph(doc, "张掖市住房和城乡建设局办公室\t2024年1月5日印发");
            assertThat(printed.getCTP().getPPr().getPBdr().getBottom().getSz().intValue()).as("last rule thick").isEqualTo(8);
        }
    }

    @Test
    void aTableThatFitsStaysPortraitAndAWideOneTurns() {
        assertThat(TableLayout.of(SampleDocuments.narrow().table(), OfficialDocument.Orientation.AUTO).landscape()).isFalse();
        assertThat(TableLayout.of(SampleDocuments.wide().table(), OfficialDocument.Orientation.AUTO).landscape()).isTrue();
        assertThat(TableLayout.of(SampleDocuments.wide().table(), OfficialDocument.Orientation.PORTRAIT).landscape()).isFalse();
        assertThat(TableLayout.stretch(new int[]{100, 200, 301}, 8844)).satisfies(w -> assertThat(w[0] + w[1] + w[2]).isEqualTo(8844));
        assertThat(new OfficialDocument.Rate(new BigDecimal("0.875"), 1).shown()).isEqualTo("87.5%");
        assertThat(new OfficialDocument.Rate(new BigDecimal("1"), 1).shown()).isEqualTo("100.0%");
        assertThat(OfficialDocument.chineseDate(java.time.LocalDate.of(2024, 1, 5))).isEqualTo("2024年1月5日");
    }

    @Test
    void thePdfIsA4WithTheStandardsMarginsRedHeadPageNumbersAndEmbeddedFonts() {
        PdfChecks.Rendered pdf = PdfChecks.render(PdfRenderer.render(notice, DocumentFonts.defaults()), "official-document");
        List<PdfChecks.Page> pages = pdf.pages();
        assertThat(pages.size() % 2).as("the 版记 ends the document on an even page").isZero();
        assertThat(pdf.fonts()).anySatisfy(f -> assertThat(f).contains("UMingCN"));
        assertThat(pdf.fonts()).anySatisfy(f -> assertThat(f).contains("WenQuanYiZenHei"));
        assertThat(pdf.fonts()).anySatisfy(f -> assertThat(f).contains("UKaiCN"));
        PdfChecks.Page first = pages.getFirst();
        assertThat(first.landscape()).isFalse();
        assertThat(first.redPixels()).as("red 发文机关标志").isGreaterThan(300);
        assertThat(first.longestRedRunMm()).as("red separator as wide as the 版心").isBetween(150.0, 157.0);
        // page 2 is full text: its ink starts at the 天头/订口 and ends at the 版心
        PdfChecks.portraitMargins(pages.get(1));
        PdfChecks.pageNumber(first);
        PdfChecks.pageNumber(pages.get(1));
        PdfChecks.pageNumber(pages.get(2));
        List<PdfChecks.Page> wide = pages.stream().filter(PdfChecks.Page::landscape).toList();
        assertThat(wide).as("the wide 附件 on landscape pages").isNotEmpty();
        assertThat(wide.getFirst().widthPt()).isCloseTo(841.9, org.assertj.core.data.Offset.offset(0.5));
        // the 版记: its last rule on the 版心's lower edge (262 mm) of the last page
        double[] colophon = pages.getLast().inkBox(0, 297);
        assertThat(colophon[2]).isBetween(262.0 - 2, 262.0 + 1.5);
        PdfChecks.screenshot(first, "document-pdf-page1.png");
        PdfChecks.screenshot(wide.getFirst(), "document-pdf-landscape-attachment.png");
        PdfChecks.screenshot(pages.getLast(), "document-pdf-colophon.png");
    }

    @Test
    void aMissingFontFileOrGlyphIsRefusedInChinese() {
        DocumentFonts missing = new DocumentFonts(null, "/nonexistent/fangsong.ttf", null, null, null);
        assertThatThrownBy(() -> PdfRenderer.render(notice, missing)).isInstanceOf(Conflict.class)
                .hasMessageContaining("anju.document.fonts.body").hasMessageContaining("/nonexistent/fangsong.ttf");
        DocumentFonts noUming = new DocumentFonts("/nonexistent/uming.ttc#UMingCN", null, null, null, null);
        assertThatThrownBy(() -> PdfRenderer.render(notice, noUming)).isInstanceOf(Conflict.class)
                .hasMessageContaining("fonts-arphic-uming").hasMessageContaining("anju.document.fonts.title");
        List<OfficialDocument.Block> body = new ArrayList<>(notice.body());
        body.add(OfficialDocument.Paragraph.of("笑脸😀"));
        OfficialDocument odd = new OfficialDocument(null, null, notice.issuerMark(), null, notice.title(), null, body, List.of(),
                notice.signature(), notice.date(), null, List.of(), null);
        assertThatThrownBy(() -> PdfRenderer.render(odd, DocumentFonts.defaults())).isInstanceOf(Conflict.class)
                .hasMessageContaining("U+1F600").hasMessageContaining("anju.document.fonts.body");
    }
}
