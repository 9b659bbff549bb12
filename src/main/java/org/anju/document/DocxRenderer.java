package org.anju.document;

import org.anju.document.OfficialDocument.Attachment;
import org.anju.document.OfficialDocument.Block;
import org.anju.document.OfficialDocument.Cell;
import org.anju.document.OfficialDocument.HeaderCell;
import org.anju.document.OfficialDocument.Heading;
import org.anju.document.OfficialDocument.Paragraph;
import org.apache.poi.wp.usermodel.HeaderFooterType;
import org.apache.poi.xwpf.usermodel.ParagraphAlignment;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFFooter;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFRun;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTBorder;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTFonts;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTHdrFtrRef;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTP;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTPPr;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTPageMar;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTPageSz;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTR;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTRPr;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTRow;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTSectPr;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTSpacing;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTStyles;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTTbl;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTTblPr;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTTc;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTTcPr;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTTrPr;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STBorder;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STDocGrid;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STHdrFtr;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STJc;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STLineSpacingRule;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STMerge;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STPageOrientation;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STSectionMark;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STTabJc;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STTblLayoutType;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STTblWidth;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STVerticalJc;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;

/**
 * An {@link OfficialDocument} as a Word file laid out per GB/T 9704-2012 (see docs/OFFICIAL-DOCUMENT.md): A4 with the
 * standard's margins and a 22 × 28 grid, red 发文机关标志 and separator, 发文字号, 标题 2号小标宋, 正文 3号仿宋 with 黑体/楷体
 * headings, 附件说明, 署名 and 成文日期, page numbers "— 1 —" (odd right, even left), attachments on their own pages (in
 * a landscape section when wide) with gridded tables whose header rows repeat, and the 版记 at the foot of an even page.
 *
 * <p>The fonts are named as officials' machines have them (方正小标宋简体, 仿宋_GB2312, 楷体_GB2312, 黑体, 宋体); Word
 * substitutes where one is missing.
 */
public final class DocxRenderer {

    public static final String TITLE_FONT = "方正小标宋简体";
    public static final String BODY_FONT = "仿宋_GB2312";
    public static final String HEI_FONT = "黑体";
    public static final String KAI_FONT = "楷体_GB2312";
    public static final String PAGE_NUMBER_FONT = "宋体";
    /** 7.2.4/7.2.7: 红色 — pure red, as official templates print it. */
    public static final String RED = "FF0000";

    /** One grid line (225 mm / 22) in twips: 580. */
    static final int LINE = (int) Math.round(Gbt9704.linePitchPt() * 20);
    /** One character of 正文 (156 mm / 28) in twips: 316. */
    static final int CHAR = (int) Math.round(Gbt9704.charPitchPt() * 20);
    /** One character of the 版记 and page numbers (4号, 14 pt) in twips. */
    static final int CHAR4 = 280;

    private final XWPFDocument doc = new XWPFDocument();
    /** Section breaks written so far (each ends one section); the body's sectPr is the last section's. */
    private final List<CTSectPr> sections = new ArrayList<>();

    private DocxRenderer() {
    }

    public static byte[] render(OfficialDocument d) {
        DocxRenderer r = new DocxRenderer();
        try (ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            r.write(d);
            r.doc.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            // not close(): closing a document made in memory saves the whole package a second time (issue 15: a
            // tenth of a province bulletin's time); revert drops it unsaved
            r.doc.getPackage().revert();
        }
    }

    private void write(OfficialDocument d) {
        defaults();
        head(d);
        main(d);
        boolean landscape = false;
        for (Attachment a : d.attachments()) {
            TableLayout layout = TableLayout.of(a.table(), a.landscape());
            boolean pageBreak = true;
            if (layout.landscape() != landscape) {
                sectionBreak(landscape, false);
                landscape = layout.landscape();
                pageBreak = false;
            }
            attachment(a, layout, pageBreak);
        }
        if (d.colophon() != null) {
            // 7.4: the 版记 sits on the last page, an even one (the back of the last sheet): its own section starting on
            // the next even page, its paragraphs in a frame anchored to the foot of the 版心
            sectionBreak(landscape, false);
            landscape = false;
            colophon(d.colophon());
        }
        CTSectPr last = doc.getDocument().getBody().isSetSectPr() ? doc.getDocument().getBody().getSectPr()
                : doc.getDocument().getBody().addNewSectPr();
        pageSetup(last, landscape);
        if (d.colophon() != null) {
            last.addNewType().setVal(STSectionMark.EVEN_PAGE);
            // no character grid on the 版记's page: LibreOffice would round each ruled line up to two grid lines
            last.getDocGrid().setType(STDocGrid.DEFAULT);
            last.getDocGrid().unsetCharSpace();
        }
        footers(last);
    }

    // ---------------------------------------------------------------- page setup

    /** Default run font and size: 3号仿宋, so the grid and everything unstyled follow the standard. */
    private void defaults() {
        CTStyles styles = CTStyles.Factory.newInstance();
        CTRPr rPr = styles.addNewDocDefaults().addNewRPrDefault().addNewRPr();
        fonts(rPr.addNewRFonts(), BODY_FONT);
        rPr.addNewSz().setVal(BigInteger.valueOf(32));
        rPr.addNewSzCs().setVal(BigInteger.valueOf(32));
        doc.createStyles().setStyles(styles);
        doc.setEvenAndOddHeadings(true);
    }

    /**
     * A4 portrait (or landscape: the same sheet turned, the 版心 turned with it so the 订口 margin is at the top), the
     * standard's margins and a grid of 22 lines × 28 characters of 3号.
     */
    static void pageSetup(CTSectPr s, boolean landscape) {
        CTPageSz size = s.isSetPgSz() ? s.getPgSz() : s.addNewPgSz();
        CTPageMar mar = s.isSetPgMar() ? s.getPgMar() : s.addNewPgMar();
        int top = Gbt9704.twips(Gbt9704.TOP_MM);
        int left = Gbt9704.twips(Gbt9704.LEFT_MM);
        // the 切口 and foot are what the page leaves around a 版心 of exactly 156 × 225 mm (26 and 35 mm)
        int right = Gbt9704.pageWidthTwips() - left - Gbt9704.textWidthTwips();
        int bottom = Gbt9704.pageHeightTwips() - top - Gbt9704.landscapeTextWidthTwips();
        if (landscape) {
            size.setW(BigInteger.valueOf(Gbt9704.pageHeightTwips()));
            size.setH(BigInteger.valueOf(Gbt9704.pageWidthTwips()));
            size.setOrient(STPageOrientation.LANDSCAPE);
            // turned a quarter counter-clockwise: the 订口 (28 mm) at the top, the 天头 (37 mm) on the right
            mar.setTop(BigInteger.valueOf(left));
            mar.setBottom(BigInteger.valueOf(right));
            mar.setLeft(BigInteger.valueOf(bottom));
            mar.setRight(BigInteger.valueOf(top));
        } else {
            size.setW(BigInteger.valueOf(Gbt9704.pageWidthTwips()));
            size.setH(BigInteger.valueOf(Gbt9704.pageHeightTwips()));
            size.setOrient(STPageOrientation.PORTRAIT);
            mar.setTop(BigInteger.valueOf(top));
            mar.setBottom(BigInteger.valueOf(bottom));
            mar.setLeft(BigInteger.valueOf(left));
            mar.setRight(BigInteger.valueOf(right));
        }
        mar.setHeader(BigInteger.valueOf(Gbt9704.twips(15)));
        // the page number's line: its 一字线 7 mm below the 版心 (the footer distance is to the line's foot)
        mar.setFooter(BigInteger.valueOf(Gbt9704.twips((landscape ? Gbt9704.RIGHT_MM : Gbt9704.BOTTOM_MM)
                - Gbt9704.PAGE_NUMBER_GAP_MM - 5)));
        mar.setGutter(BigInteger.ZERO);
        var grid = s.isSetDocGrid() ? s.getDocGrid() : s.addNewDocGrid();
        grid.setType(STDocGrid.LINES_AND_CHARS);
        grid.setLinePitch(BigInteger.valueOf(LINE));
        // charSpace: the character pitch's excess over the default font size (16 pt), in 1/4096 pt
        grid.setCharSpace(BigInteger.valueOf(Math.round((Gbt9704.charPitchPt() - Gbt9704.SIZE_3) * 4096)));
    }

    /** Ends the current section (new page); its properties go on a paragraph of their own. */
    private void sectionBreak(boolean landscape, boolean evenPage) {
        XWPFParagraph p = doc.createParagraph();
        CTSectPr s = ppr(p).addNewSectPr();
        pageSetup(s, landscape);
        if (evenPage) {
            s.addNewType().setVal(STSectionMark.EVEN_PAGE);
        }
        sections.add(s);
    }

    /**
     * Page numbers (7.5): 4号 半角宋体 Arabic numerals between 一字线, "— 1 —", odd pages right (右空一字), even pages
     * left (左空一字) — an odd (default) and an even footer, each with a PAGE field, referenced from every section.
     */
    private void footers(CTSectPr last) {
        XWPFFooter odd = doc.createFooter(HeaderFooterType.DEFAULT);
        XWPFFooter even = doc.createFooter(HeaderFooterType.EVEN);
        pageNumber(odd.createParagraph(), true);
        pageNumber(even.createParagraph(), false);
        String oddId = doc.getRelationId(odd);
        String evenId = doc.getRelationId(even);
        for (CTSectPr s : sections) {
            ref(s.addNewFooterReference(), STHdrFtr.DEFAULT, oddId);
            ref(s.addNewFooterReference(), STHdrFtr.EVEN, evenId);
        }
        if (last.getFooterReferenceList().isEmpty()) {
            ref(last.addNewFooterReference(), STHdrFtr.DEFAULT, oddId);
            ref(last.addNewFooterReference(), STHdrFtr.EVEN, evenId);
        }
    }

    private static void ref(CTHdrFtrRef ref, STHdrFtr.Enum type, String id) {
        ref.setType(type);
        ref.setId(id);
    }

    private static void pageNumber(XWPFParagraph p, boolean odd) {
        p.setAlignment(odd ? ParagraphAlignment.RIGHT : ParagraphAlignment.LEFT);
        if (odd) {
            p.setIndentationRight(CHAR4);
        } else {
            p.setIndentationLeft(CHAR4);
        }
        ppr(p).addNewSnapToGrid().setVal(false);
        run(p, "— ", PAGE_NUMBER_FONT, Gbt9704.SIZE_4, false, null);
        CTR begin = p.getCTP().addNewR();
        runProps(begin.addNewRPr(), PAGE_NUMBER_FONT, Gbt9704.SIZE_4, false, null);
        begin.addNewFldChar().setFldCharType(org.openxmlformats.schemas.wordprocessingml.x2006.main.STFldCharType.BEGIN);
        CTR instr = p.getCTP().addNewR();
        runProps(instr.addNewRPr(), PAGE_NUMBER_FONT, Gbt9704.SIZE_4, false, null);
        instr.addNewInstrText().setStringValue(" PAGE ");
        CTR sep = p.getCTP().addNewR();
        runProps(sep.addNewRPr(), PAGE_NUMBER_FONT, Gbt9704.SIZE_4, false, null);
        sep.addNewFldChar().setFldCharType(org.openxmlformats.schemas.wordprocessingml.x2006.main.STFldCharType.SEPARATE);
        CTR value = p.getCTP().addNewR();
        runProps(value.addNewRPr(), PAGE_NUMBER_FONT, Gbt9704.SIZE_4, false, null);
        value.addNewT().setStringValue("1");
        CTR end = p.getCTP().addNewR();
        runProps(end.addNewRPr(), PAGE_NUMBER_FONT, Gbt9704.SIZE_4, false, null);
        end.addNewFldChar().setFldCharType(org.openxmlformats.schemas.wordprocessingml.x2006.main.STFldCharType.END);
        run(p, " —", PAGE_NUMBER_FONT, Gbt9704.SIZE_4, false, null);
    }

    // ---------------------------------------------------------------- 版头

    private void head(OfficialDocument d) {
        int used = 0;
        if (d.copyNumber() != null && !d.copyNumber().isBlank()) {
            // 7.2.1: 份号, 6 digits 3号, 顶格 on the first line
            run(line(ParagraphAlignment.LEFT), d.copyNumber(), BODY_FONT, Gbt9704.SIZE_3, false, null);
            used++;
        }
        if (d.secrecy() != null && !d.secrecy().isBlank()) {
            // 7.2.2: 密级, 3号黑体, 顶格 on the second line
            run(line(ParagraphAlignment.LEFT), d.secrecy(), HEI_FONT, Gbt9704.SIZE_3, false, null);
            used++;
        }
        // 7.2.4: 发文机关标志, centred, red 小标宋, its top 35 mm below the 版心's top
        XWPFParagraph mark = line(ParagraphAlignment.CENTER);
        double markPt = issuerMarkSize(d.issuerMark());
        spacing(mark).setBefore(BigInteger.valueOf(Math.max(0, Gbt9704.twips(Gbt9704.ISSUER_MARK_DROP_MM) - used * LINE)));
        spacing(mark).setLine(BigInteger.valueOf(Math.round(markPt * 20 * 1.2)));
        spacing(mark).setLineRule(STLineSpacingRule.EXACT);
        ppr(mark).addNewSnapToGrid().setVal(false);
        run(mark, d.issuerMark(), TITLE_FONT, markPt, false, RED);
        XWPFParagraph ruled = mark;
        if (d.documentNumber() != null && !d.documentNumber().isBlank()) {
            // 7.2.5: 发文字号 two lines below the 标志, centred
            XWPFParagraph number = line(ParagraphAlignment.CENTER);
            spacing(number).setBefore(BigInteger.valueOf(2L * LINE));
            run(number, d.documentNumber(), BODY_FONT, Gbt9704.SIZE_3, false, null);
            ruled = number;
        }
        // 7.2.7: the red separator as wide as the 版心, 4 mm below the 发文字号 (a bottom border of that paragraph)
        CTBorder rule = ppr(ruled).addNewPBdr().addNewBottom();
        rule.setVal(STBorder.SINGLE);
        rule.setSz(BigInteger.valueOf(12));
        rule.setSpace(BigInteger.valueOf(Math.round(Gbt9704.mmToPt(Gbt9704.SEPARATOR_GAP_MM))));
        rule.setColor(RED);
    }

    /** The 标志 in 小标宋 as large as 初号 (42 pt) but never wider than the 版心. */
    static double issuerMarkSize(String mark) {
        int chars = mark.codePointCount(0, mark.length());
        double fit = Math.floor(Gbt9704.mmToPt(Gbt9704.TEXT_WIDTH_MM) * 0.96 / Math.max(1, chars));
        return Math.min(42, fit);
    }

    // ---------------------------------------------------------------- 主体

    private void main(OfficialDocument d) {
        // 7.3.1: 标题 2号小标宋, centred, two lines below the separator
        XWPFParagraph title = line(ParagraphAlignment.CENTER);
        spacing(title).setBefore(BigInteger.valueOf(2L * LINE));
        for (String part : d.title().split("\n")) {
            run(title, part, TITLE_FONT, Gbt9704.SIZE_2, false, null);
        }
        if (d.addressee() != null && !d.addressee().isBlank()) {
            // 7.3.2: 主送机关 one line below the title, 顶格, full-width colon
            XWPFParagraph to = line(ParagraphAlignment.BOTH);
            spacing(to).setBefore(BigInteger.valueOf(LINE));
            run(to, d.addressee() + "：", BODY_FONT, Gbt9704.SIZE_3, false, null);
        }
        for (Block b : d.body()) {
            switch (b) {
                case Heading h -> {
                    XWPFParagraph p = indented();
                    String font = switch (h.level()) {
                        case 1 -> HEI_FONT;
                        case 2 -> KAI_FONT;
                        default -> BODY_FONT;
                    };
                    run(p, h.text(), font, Gbt9704.SIZE_3, false, null);
                    p.setKeepNext(true);
                }
                case Paragraph para -> {
                    XWPFParagraph p = indented();
                    if (para.lead() != null && !para.lead().isEmpty()) {
                        run(p, para.lead(), BODY_FONT, Gbt9704.SIZE_3, true, null);
                    }
                    run(p, para.text(), BODY_FONT, Gbt9704.SIZE_3, false, null);
                }
            }
        }
        attachmentNotes(d.attachmentNotes());
        signature(d);
        if (d.remark() != null && !d.remark().isBlank()) {
            // 7.3.6: 附注 in brackets, 左空二字, on the line after the date
            run(indented(), "（" + d.remark() + "）", BODY_FONT, Gbt9704.SIZE_3, false, null);
        }
    }

    /**
     * 7.3.4: one line below the text, 左空二字 "附件：", then "1.…" with each further name aligned under the first one's
     * first character; no punctuation after the names.
     */
    private void attachmentNotes(List<String> notes) {
        if (notes.isEmpty()) {
            return;
        }
        int label = 3 * CHAR; // 附件：
        for (int i = 0; i < notes.size(); i++) {
            String number = notes.size() == 1 ? "" : (i + 1) + ".";
            int numberWidth = notes.size() == 1 ? 0 : TableLayout.textTwips(number, Gbt9704.SIZE_3);
            XWPFParagraph p = line(ParagraphAlignment.BOTH);
            p.setIndentationLeft(2 * CHAR + label + numberWidth);
            p.setIndentationHanging(i == 0 ? label + numberWidth : numberWidth);
            if (i == 0) {
                spacing(p).setBefore(BigInteger.valueOf(LINE));
            }
            run(p, (i == 0 ? "附件：" : "") + number + notes.get(i), BODY_FONT, Gbt9704.SIZE_3, false, null);
        }
    }

    /**
     * 7.3.5.1 (a sealed document): 成文日期 右空四字; the 署名 centred over the date (or the date centred under a longer
     * 署名, which then keeps 右空二字); room above for the seal.
     */
    private void signature(OfficialDocument d) {
        String date = d.dateLine();
        int dateWidth = TableLayout.textTwips(date, Gbt9704.SIZE_3);
        int nameWidth = TableLayout.textTwips(d.signature(), Gbt9704.SIZE_3);
        int dateRight;
        int nameRight;
        if (nameWidth <= dateWidth) {
            dateRight = 4 * CHAR;
            nameRight = dateRight + (dateWidth - nameWidth) / 2;
        } else {
            nameRight = 2 * CHAR;
            dateRight = nameRight + (nameWidth - dateWidth) / 2;
        }
        XWPFParagraph name = line(ParagraphAlignment.RIGHT);
        spacing(name).setBefore(BigInteger.valueOf(2L * LINE));
        name.setIndentationRight(nameRight);
        run(name, d.signature(), BODY_FONT, Gbt9704.SIZE_3, false, null);
        XWPFParagraph on = line(ParagraphAlignment.RIGHT);
        on.setIndentationRight(dateRight);
        run(on, date, BODY_FONT, Gbt9704.SIZE_3, false, null);
    }

    // ---------------------------------------------------------------- 附件

    /**
     * 7.3.7: a new page; "附件1" in 3号黑体 顶格 on the first line, the title centred on the third, then the table. The
     * table has a grid of real widths summing to the 版心's, repeated header rows, rows that do not split, numbers on
     * the right.
     */
    private void attachment(Attachment a, TableLayout layout, boolean pageBreak) {
        XWPFParagraph label = line(ParagraphAlignment.LEFT);
        label.setPageBreak(pageBreak);
        run(label, a.label(), HEI_FONT, Gbt9704.SIZE_3, false, null);
        XWPFParagraph title = line(ParagraphAlignment.CENTER);
        spacing(title).setBefore(BigInteger.valueOf(LINE));
        run(title, a.title(), TITLE_FONT, Gbt9704.SIZE_2, false, null);
        title.setKeepNext(true);
        if (a.unitLine() != null && !a.unitLine().isBlank()) {
            XWPFParagraph unit = small(ParagraphAlignment.RIGHT);
            run(unit, a.unitLine(), BODY_FONT, Gbt9704.SIZE_TABLE, false, null);
            unit.setKeepNext(true);
        }
        table(a.table(), layout);
        if (a.note() != null && !a.note().isBlank()) {
            run(small(ParagraphAlignment.LEFT), a.note(), BODY_FONT, Gbt9704.SIZE_TABLE, false, null);
        }
    }

    private void table(OfficialDocument.Table t, TableLayout layout) {
        XWPFTable table = doc.createTable();
        CTTbl ct = table.getCTTbl();
        while (ct.sizeOfTrArray() > 0) {
            ct.removeTr(0);
        }
        CTTblPr pr = ct.getTblPr() == null ? ct.addNewTblPr() : ct.getTblPr();
        var width = pr.isSetTblW() ? pr.getTblW() : pr.addNewTblW();
        width.setType(STTblWidth.DXA);
        width.setW(BigInteger.valueOf(layout.total()));
        (pr.isSetJc() ? pr.getJc() : pr.addNewJc()).setVal(org.openxmlformats.schemas.wordprocessingml.x2006.main.STJcTable.CENTER);
        (pr.isSetTblLayout() ? pr.getTblLayout() : pr.addNewTblLayout()).setType(STTblLayoutType.FIXED);
        var ind = pr.isSetTblInd() ? pr.getTblInd() : pr.addNewTblInd();
        ind.setType(STTblWidth.DXA);
        ind.setW(BigInteger.ZERO);
        var mar = pr.isSetTblCellMar() ? pr.getTblCellMar() : pr.addNewTblCellMar();
        for (var m : List.of(mar.addNewLeft(), mar.addNewRight())) {
            m.setType(STTblWidth.DXA);
            m.setW(BigInteger.valueOf(TableLayout.CELL_MARGIN));
        }
        var grid = ct.getTblGrid() != null ? ct.getTblGrid() : ct.addNewTblGrid();
        while (grid.sizeOfGridColArray() > 0) {
            grid.removeGridCol(0);
        }
        for (int w : layout.widths()) {
            grid.addNewGridCol().setW(BigInteger.valueOf(w));
        }
        int n = t.width();
        HeaderCell[][] starts = t.headerGrid();
        // which header cell covers each position, and where it starts
        int[][] ownerRow = new int[starts.length][n];
        int[][] ownerCol = new int[starts.length][n];
        for (int r = 0; r < starts.length; r++) {
            for (int c = 0; c < n; c++) {
                HeaderCell h = starts[r][c];
                if (h != null) {
                    for (int dr = 0; dr < h.rowspan(); dr++) {
                        for (int dc = 0; dc < h.colspan(); dc++) {
                            ownerRow[r + dr][c + dc] = r;
                            ownerCol[r + dr][c + dc] = c;
                        }
                    }
                }
            }
        }
        for (int r = 0; r < starts.length; r++) {
            CTRow tr = ct.addNewTr();
            CTTrPr trPr = tr.addNewTrPr();
            trPr.addNewTblHeader();
            trPr.addNewCantSplit();
            for (int c = 0; c < n; ) {
                HeaderCell owner = starts[ownerRow[r][c]][ownerCol[r][c]];
                int span = owner.colspan();
                CTTc tc = tr.addNewTc();
                CTTcPr tcPr = tc.addNewTcPr();
                cellWidth(tcPr, layout, c, span);
                if (span > 1) {
                    tcPr.addNewGridSpan().setVal(BigInteger.valueOf(span));
                }
                if (owner.rowspan() > 1) {
                    tcPr.addNewVMerge().setVal(ownerRow[r][c] == r ? STMerge.RESTART : STMerge.CONTINUE);
                }
                tcPr.addNewVAlign().setVal(STVerticalJc.CENTER);
                cellText(tc, ownerRow[r][c] == r ? owner.text() : "", STJc.CENTER, true, layout.fontPt());
                c += span;
            }
        }
        for (List<Cell> row : t.rows()) {
            CTRow tr = ct.addNewTr();
            tr.addNewTrPr().addNewCantSplit();
            for (int c = 0; c < n; c++) {
                Cell cell = c < row.size() ? row.get(c) : new OfficialDocument.Text("");
                CTTc tc = tr.addNewTc();
                CTTcPr tcPr = tc.addNewTcPr();
                cellWidth(tcPr, layout, c, 1);
                tcPr.addNewVAlign().setVal(STVerticalJc.CENTER);
                tcPr.addNewNoWrap();
                cellText(tc, cell.shown(), cell.numeric() ? STJc.RIGHT : STJc.CENTER, false, layout.fontPt());
            }
        }
        borders(pr);
    }

    private static void cellWidth(CTTcPr tcPr, TableLayout layout, int from, int span) {
        int w = 0;
        for (int i = from; i < from + span; i++) {
            w += layout.widths()[i];
        }
        var tcW = tcPr.addNewTcW();
        tcW.setType(STTblWidth.DXA);
        tcW.setW(BigInteger.valueOf(w));
    }

    private static void borders(CTTblPr pr) {
        var b = pr.isSetTblBorders() ? pr.getTblBorders() : pr.addNewTblBorders();
        for (CTBorder border : List.of(b.isSetTop() ? b.getTop() : b.addNewTop(), b.isSetBottom() ? b.getBottom() : b.addNewBottom(),
                b.isSetLeft() ? b.getLeft() : b.addNewLeft(), b.isSetRight() ? b.getRight() : b.addNewRight(),
                b.isSetInsideH() ? b.getInsideH() : b.addNewInsideH(), b.isSetInsideV() ? b.getInsideV() : b.addNewInsideV())) {
            border.setVal(STBorder.SINGLE);
            border.setSz(BigInteger.valueOf(4));
            border.setColor("000000");
        }
    }

    private static void cellText(CTTc tc, String text, STJc.Enum align, boolean header, double fontPt) {
        CTP p = tc.addNewP();
        CTPPr ppr = p.addNewPPr();
        ppr.addNewJc().setVal(align);
        ppr.addNewSnapToGrid().setVal(false);
        CTSpacing s = ppr.addNewSpacing();
        s.setBefore(BigInteger.ZERO);
        s.setAfter(BigInteger.ZERO);
        s.setLine(BigInteger.valueOf(Math.round(fontPt * 20 * 1.25)));
        s.setLineRule(STLineSpacingRule.EXACT);
        if (!text.isEmpty()) {
            CTR r = p.addNewR();
            runProps(r.addNewRPr(), header ? HEI_FONT : BODY_FONT, fontPt, false, null);
            r.addNewT().setStringValue(text);
        }
    }

    // ---------------------------------------------------------------- 版记

    /**
     * 7.4: 抄送 (4号仿宋, 左右各空一字, wrapped lines under the first name) and 印发机关 (左空一字) with 印发日期 (右空一字)
     * between rules as wide as the 版心 — the first and last thick (0.35 mm), the middle thin (0.25 mm) — at the foot of
     * the 版心 so that the last rule lies on its lower edge. The 版记 has a page of its own (the section starts on an even
     * page); one empty paragraph of exact height fills the 版心 above it, which Word, WPS and LibreOffice all lay out
     * alike (a frame anchored to the bottom is not honoured by LibreOffice).
     */
    private void colophon(org.anju.document.Colophon c) {
        String copyTo = c.copyToLine();
        int width = Gbt9704.textWidthTwips();
        int copyLines = copyTo == null ? 0
                : (int) Math.ceil((double) TableLayout.textTwips(copyTo, Gbt9704.SIZE_4) / (width - 2 * CHAR4));
        XWPFParagraph filler = doc.createParagraph();
        ppr(filler).addNewSnapToGrid().setVal(false);
        CTSpacing fill = spacing(filler);
        fill.setBefore(BigInteger.ZERO);
        fill.setAfter(BigInteger.ZERO);
        fill.setLine(BigInteger.valueOf(colophonFiller(copyLines)));
        fill.setLineRule(STLineSpacingRule.EXACT);
        if (copyTo != null) {
            XWPFParagraph p = colophonLine();
            p.setIndentationLeft(CHAR4 + 3 * CHAR4);
            p.setIndentationHanging(3 * CHAR4);
            p.setIndentationRight(CHAR4);
            rules(p, true, false);
            run(p, copyTo, BODY_FONT, Gbt9704.SIZE_4, false, null);
        }
        XWPFParagraph p = colophonLine();
        p.setIndentationLeft(CHAR4);
        var tab = ppr(p).addNewTabs().addNewTab();
        tab.setVal(STTabJc.RIGHT);
        tab.setPos(BigInteger.valueOf(width - CHAR4));
        rules(p, copyTo == null, true);
        run(p, c.printedBy(), BODY_FONT, Gbt9704.SIZE_4, false, null);
        p.createRun().addTab();
        run(p, c.printedOnLine(), BODY_FONT, Gbt9704.SIZE_4, false, null);
    }

    /** Height of the empty paragraph above the 版记: the 版心 less its lines and rules (with a little slack). */
    static int colophonFiller(int copyLines) {
        int lines = copyLines + 1;
        // a rule takes its width and 1 pt of space: 40 twips each, and 80 twips of slack
        int rules = (copyLines > 0 ? 3 : 2) * 40;
        return Gbt9704.twips(Gbt9704.TEXT_HEIGHT_MM) - lines * LINE - rules - 80;
    }

    private XWPFParagraph colophonLine() {
        XWPFParagraph p = doc.createParagraph();
        p.setAlignment(ParagraphAlignment.LEFT);
        ppr(p).addNewSnapToGrid().setVal(false);
        CTSpacing s = spacing(p);
        s.setBefore(BigInteger.ZERO);
        s.setAfter(BigInteger.ZERO);
        s.setLine(BigInteger.valueOf(LINE));
        s.setLineRule(STLineSpacingRule.EXACT);
        return p;
    }

    /** Top rule thick when {@code thickTop}; bottom rule thick (the last) or thin (between 抄送 and 印发). */
    private static void rules(XWPFParagraph p, boolean thickTop, boolean last) {
        var bdr = ppr(p).isSetPBdr() ? ppr(p).getPBdr() : ppr(p).addNewPBdr();
        if (thickTop) {
            rule(bdr.addNewTop(), 8);
        }
        rule(bdr.addNewBottom(), last ? 8 : 6);
    }

    /** A black rule, {@code eighths} of a point thick (8: 1 pt ≈ 0.35 mm; 6: 0.75 pt ≈ 0.26 mm). */
    private static void rule(CTBorder b, int eighths) {
        b.setVal(STBorder.SINGLE);
        b.setSz(BigInteger.valueOf(eighths));
        b.setSpace(BigInteger.ONE);
        b.setColor("000000");
    }

    // ---------------------------------------------------------------- paragraphs and runs

    private XWPFParagraph line(ParagraphAlignment align) {
        XWPFParagraph p = doc.createParagraph();
        p.setAlignment(align);
        CTSpacing s = spacing(p);
        s.setAfter(BigInteger.ZERO);
        if (!s.isSetBefore()) {
            s.setBefore(BigInteger.ZERO);
        }
        s.setLine(BigInteger.valueOf(LINE));
        s.setLineRule(STLineSpacingRule.EXACT);
        return p;
    }

    /** 正文: 每个自然段左空二字，回行顶格. */
    private XWPFParagraph indented() {
        XWPFParagraph p = line(ParagraphAlignment.BOTH);
        p.setFirstLineIndent(2 * CHAR);
        return p;
    }

    private XWPFParagraph small(ParagraphAlignment align) {
        XWPFParagraph p = doc.createParagraph();
        p.setAlignment(align);
        ppr(p).addNewSnapToGrid().setVal(false);
        CTSpacing s = spacing(p);
        s.setBefore(BigInteger.ZERO);
        s.setAfter(BigInteger.ZERO);
        s.setLine(BigInteger.valueOf(Math.round(Gbt9704.SIZE_TABLE * 20 * 1.5)));
        s.setLineRule(STLineSpacingRule.EXACT);
        return p;
    }

    private static CTPPr ppr(XWPFParagraph p) {
        return p.getCTP().isSetPPr() ? p.getCTP().getPPr() : p.getCTP().addNewPPr();
    }

    private static CTSpacing spacing(XWPFParagraph p) {
        CTPPr ppr = ppr(p);
        return ppr.isSetSpacing() ? ppr.getSpacing() : ppr.addNewSpacing();
    }

    private static XWPFRun run(XWPFParagraph p, String text, String font, double sizePt, boolean bold, String color) {
        XWPFRun r = p.createRun();
        runProps(r.getCTR().isSetRPr() ? r.getCTR().getRPr() : r.getCTR().addNewRPr(), font, sizePt, bold, color);
        r.setText(text);
        return r;
    }

    static void runProps(CTRPr rPr, String font, double sizePt, boolean bold, String color) {
        fonts(rPr.addNewRFonts(), font);
        if (bold) {
            rPr.addNewB();
        }
        if (color != null) {
            rPr.addNewColor().setVal(color);
        }
        BigInteger half = BigInteger.valueOf(Math.round(sizePt * 2));
        rPr.addNewSz().setVal(half);
        rPr.addNewSzCs().setVal(half);
    }

    private static void fonts(CTFonts f, String font) {
        f.setAscii(font);
        f.setHAnsi(font);
        f.setEastAsia(font);
        f.setCs(font);
    }
}
