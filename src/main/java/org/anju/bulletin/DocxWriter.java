package org.anju.bulletin;

import org.apache.poi.xwpf.usermodel.ParagraphAlignment;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFRun;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.apache.poi.xwpf.usermodel.XWPFTableCell;
import org.apache.poi.xwpf.usermodel.XWPFTableRow;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTTcPr;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STMerge;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.util.List;

/**
 * A bulletin as a Word document in the layout of seed 004: issuing office and 文号, title, addressee,
 * sections, the problems, the signature, then each attachment on its own page with its merged header.
 */
final class DocxWriter {

    private static final String FONT = "仿宋_GB2312";
    private static final String HEAD_FONT = "黑体";
    private static final String TITLE_FONT = "方正小标宋简体";

    private DocxWriter() {
    }

    static byte[] write(Bulletin b) {
        try (XWPFDocument doc = new XWPFDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            paragraph(doc, b.issuer() + "文件", TITLE_FONT, 22, true, ParagraphAlignment.CENTER);
            if (b.documentNumber() != null && !b.documentNumber().isBlank()) {
                paragraph(doc, b.documentNumber(), FONT, 16, false, ParagraphAlignment.CENTER);
            }
            paragraph(doc, b.title(), TITLE_FONT, 22, true, ParagraphAlignment.CENTER);
            paragraph(doc, b.addressee(), FONT, 16, false, ParagraphAlignment.LEFT);
            body(doc, b.opening());
            for (Bulletin.Section s : b.sections()) {
                paragraph(doc, s.heading(), HEAD_FONT, 16, false, ParagraphAlignment.LEFT);
                s.paragraphs().forEach(p -> body(doc, p));
                for (Bulletin.Section sub : s.subsections()) {
                    paragraph(doc, sub.heading(), "楷体_GB2312", 16, true, ParagraphAlignment.LEFT);
                    sub.paragraphs().forEach(p -> body(doc, p));
                }
            }
            if (!b.tables().isEmpty()) {
                StringBuilder list = new StringBuilder("附件：");
                for (int i = 0; i < b.tables().size(); i++) {
                    list.append(i == 0 ? "" : "\n").append(i + 1).append(". ").append(b.tables().get(i).title())
                            .append(i == b.tables().size() - 1 ? "" : "；");
                }
                body(doc, list.toString());
            }
            paragraph(doc, b.issuer(), FONT, 16, false, ParagraphAlignment.RIGHT);
            paragraph(doc, b.date().getYear() + "年" + b.date().getMonthValue() + "月" + b.date().getDayOfMonth() + "日",
                    FONT, 16, false, ParagraphAlignment.RIGHT);
            for (BulletinTable t : b.tables()) {
                XWPFParagraph label = paragraph(doc, t.label(), HEAD_FONT, 16, false, ParagraphAlignment.LEFT);
                label.setPageBreak(true);
                paragraph(doc, t.title(), TITLE_FONT, 18, true, ParagraphAlignment.CENTER);
                paragraph(doc, t.unitLine(), FONT, 12, false, ParagraphAlignment.RIGHT);
                table(doc, t);
                if (t.note() != null) {
                    paragraph(doc, t.note(), FONT, 12, false, ParagraphAlignment.LEFT);
                }
            }
            doc.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void body(XWPFDocument doc, String text) {
        XWPFParagraph p = paragraph(doc, text, FONT, 16, false, ParagraphAlignment.BOTH);
        p.setFirstLineIndent(640);
    }

    private static XWPFParagraph paragraph(XWPFDocument doc, String text, String font, int size, boolean bold,
                                           ParagraphAlignment align) {
        XWPFParagraph p = doc.createParagraph();
        p.setAlignment(align);
        String[] lines = text.split("\n");
        for (int i = 0; i < lines.length; i++) {
            XWPFRun r = p.createRun();
            r.setFontFamily(font);
            r.setFontSize(size);
            r.setBold(bold);
            r.setText(lines[i]);
            if (i < lines.length - 1) {
                r.addBreak();
            }
        }
        return p;
    }

    /**
     * Writes the header with real merges: gridSpan for columns, vMerge restart/continue for rows, so Word,
     * WPS and LibreOffice show the header as printed and readers (ours too) see one cell per merge.
     */
    private static void table(XWPFDocument doc, BulletinTable t) {
        int width = t.width();
        int rows = t.header().size() + t.rows().size();
        XWPFTable table = doc.createTable(rows, width);
        table.setWidth("100%");
        boolean[][] covered = new boolean[t.header().size()][width];
        for (int r = 0; r < t.header().size(); r++) {
            XWPFTableRow row = table.getRow(r);
            int c = 0;
            int cellIndex = 0;
            for (BulletinTable.HeaderCell h : t.header().get(r)) {
                while (c < width && covered[r][c]) {
                    // a cell continuing a vertical merge from above
                    XWPFTableCell cont = row.getCell(cellIndex++);
                    tcPr(cont).addNewVMerge().setVal(STMerge.CONTINUE);
                    c++;
                }
                XWPFTableCell cell = row.getCell(cellIndex);
                text(cell, h.text(), true);
                if (h.colspan() > 1) {
                    tcPr(cell).addNewGridSpan().setVal(BigInteger.valueOf(h.colspan()));
                    for (int k = 1; k < h.colspan(); k++) {
                        row.removeCell(cellIndex + 1);
                    }
                }
                if (h.rowspan() > 1) {
                    tcPr(cell).addNewVMerge().setVal(STMerge.RESTART);
                    for (int dr = 1; dr < h.rowspan(); dr++) {
                        for (int dc = 0; dc < h.colspan(); dc++) {
                            covered[r + dr][c + dc] = true;
                        }
                    }
                }
                cellIndex++;
                c += h.colspan();
            }
            while (c < width && covered[r][c]) {
                tcPr(row.getCell(cellIndex++)).addNewVMerge().setVal(STMerge.CONTINUE);
                c++;
            }
        }
        for (int i = 0; i < t.rows().size(); i++) {
            List<String> values = t.rows().get(i);
            XWPFTableRow row = table.getRow(t.header().size() + i);
            for (int c = 0; c < width; c++) {
                text(row.getCell(c), c < values.size() ? values.get(c) : "", false);
            }
        }
    }

    private static CTTcPr tcPr(XWPFTableCell cell) {
        return cell.getCTTc().isSetTcPr() ? cell.getCTTc().getTcPr() : cell.getCTTc().addNewTcPr();
    }

    private static void text(XWPFTableCell cell, String text, boolean bold) {
        XWPFParagraph p = cell.getParagraphs().getFirst();
        p.setAlignment(ParagraphAlignment.CENTER);
        XWPFRun r = p.createRun();
        r.setFontFamily(FONT);
        r.setFontSize(12);
        r.setBold(bold);
        r.setText(text);
    }
}
