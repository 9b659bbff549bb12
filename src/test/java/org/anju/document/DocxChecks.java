package org.anju.document;

import org.apache.poi.xwpf.usermodel.IBodyElement;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFFooter;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFRun;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTRow;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTSectPr;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTTc;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STHdrFtr;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STMerge;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STPageOrientation;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Reads a DOCX back and checks it against GB/T 9704-2012 as the renderer promises: page setup of every section,
 * 版头 colour and separator, fonts per role, odd/even footers with a PAGE field, table grids and repeated headers.
 * Shared by the plain test of a composed document and the seed-004 bulletin test.
 */
public final class DocxChecks {

    private DocxChecks() {
    }

    public static XWPFDocument open(byte[] docx) {
        try {
            return new XWPFDocument(new ByteArrayInputStream(docx));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** All sections' properties in order: those on section-break paragraphs, then the body's (the last section). */
    public static List<CTSectPr> sections(XWPFDocument doc) {
        List<CTSectPr> out = new ArrayList<>();
        for (XWPFParagraph p : doc.getParagraphs()) {
            if (p.getCTP().isSetPPr() && p.getCTP().getPPr().isSetSectPr()) {
                out.add(p.getCTP().getPPr().getSectPr());
            }
        }
        out.add(doc.getDocument().getBody().getSectPr());
        return out;
    }

    static long v(Object o) {
        return ((BigInteger) o).longValue();
    }

    /** Every section: A4 (portrait or turned), the standard's margins in twips, a 22-line grid; footers referenced. */
    public static void pageSetup(XWPFDocument doc) {
        for (CTSectPr s : sections(doc)) {
            boolean landscape = s.getPgSz().getOrient() == STPageOrientation.LANDSCAPE;
            long w = v(s.getPgSz().getW()), h = v(s.getPgSz().getH());
            long top = v(s.getPgMar().getTop()), bottom = v(s.getPgMar().getBottom());
            long left = v(s.getPgMar().getLeft()), right = v(s.getPgMar().getRight());
            if (landscape) {
                assertThat(new long[]{w, h}).containsExactly(16838, 11906);
                // the 版心 turned: 订口 28 mm on top, 天头 37 mm on the right
                assertThat(new long[]{top, bottom, left, right}).containsExactly(1587, 1475, 1984, 2098);
            } else {
                assertThat(new long[]{w, h}).containsExactly(11906, 16838);
                // 天头 37 mm, 订口 28 mm; 版心 156 × 225 mm leaves 26 mm on the right and 35 mm at the foot
                assertThat(new long[]{top, bottom, left, right}).containsExactly(2098, 1984, 1587, 1475);
            }
            assertThat(w - left - right).isEqualTo(landscape ? 12756 : 8844);
            assertThat(h - top - bottom).isEqualTo(landscape ? 8844 : 12756);
            long pitch = s.getDocGrid().getLinePitch().longValue();
            // 22 lines fill the 版心's height (within a twip per line of rounding)
            assertThat(Math.abs(22 * pitch - 12756)).isLessThanOrEqualTo(22);
            boolean colophonPage = s.isSetType() && s.getType().getVal().toString().equals("evenPage");
            assertThat(s.getDocGrid().getType().toString()).isEqualTo(colophonPage ? "default" : "linesAndChars");
            assertThat(s.getFooterReferenceList()).extracting(r -> r.getType().toString()).contains("default", "even");
        }
        assertThat(doc.getSettings().getEvenAndOddHeadings()).isTrue();
    }

    /** Odd pages "— PAGE —" on the right 右空一字, even pages on the left 左空一字, 4号 宋体. */
    public static void footers(XWPFDocument doc) {
        XWPFFooter odd = doc.getHeaderFooterPolicy().getDefaultFooter();
        XWPFFooter even = doc.getHeaderFooterPolicy().getEvenPageFooter();
        assertThat(odd).isNotNull();
        assertThat(even).isNotNull();
        for (XWPFFooter f : List.of(odd, even)) {
            XWPFParagraph p = f.getParagraphs().getFirst();
            String xml = p.getCTP().xmlText();
            assertThat(xml).contains("PAGE").contains("w:fldChar");
            assertThat(p.getText()).startsWith("— ").endsWith(" —");
            for (XWPFRun r : p.getRuns()) {
                assertThat(r.getCTR().getRPr().getRFontsArray(0).getEastAsia()).isEqualTo("宋体");
                assertThat(r.getFontSizeAsDouble()).isEqualTo(14.0);
            }
        }
        assertThat(odd.getParagraphs().getFirst().getAlignment().toString()).isEqualTo("RIGHT");
        assertThat(odd.getParagraphs().getFirst().getIndentationRight()).isEqualTo(280);
        assertThat(even.getParagraphs().getFirst().getAlignment().toString()).isEqualTo("LEFT");
        assertThat(even.getParagraphs().getFirst().getIndentationLeft()).isEqualTo(280);
        assertThat(STHdrFtr.EVEN.toString()).isEqualTo("even");
    }

    /** The paragraph whose text is exactly {@code text}. */
    public static XWPFParagraph paragraph(XWPFDocument doc, String text) {
        return doc.getParagraphs().stream().filter(p -> p.getText().equals(text)).findFirst()
                .orElseThrow(() -> new AssertionError("no paragraph “" + text + "”"));
    }

    public static String eastAsiaFont(XWPFParagraph p) {
        return p.getRuns().getFirst().getCTR().getRPr().getRFontsArray(0).getEastAsia();
    }

    /** Red 发文机关标志 in 小标宋, the red separator under the 发文字号 (or under the 标志 when there is none). */
    public static void head(XWPFDocument doc, String mark, String number) {
        XWPFParagraph m = paragraph(doc, mark);
        assertThat(m.getRuns()).allSatisfy(r -> assertThat(r.getColor()).isEqualTo("FF0000"));
        assertThat(eastAsiaFont(m)).isEqualTo("方正小标宋简体");
        XWPFParagraph ruled = number == null ? m : paragraph(doc, number);
        var bottom = ruled.getCTP().getPPr().getPBdr().getBottom();
        assertThat(bottom.xgetColor().getStringValue()).isEqualTo("FF0000");
        assertThat(bottom.getVal().toString()).isEqualTo("single");
        // the separator spans the 版心: the paragraph is not indented
        assertThat(ruled.getIndentationLeft()).isIn(-1, 0);
        assertThat(ruled.getIndentationRight()).isIn(-1, 0);
    }

    /**
     * Every table: a grid whose columns sum to the (portrait or landscape) 版心 width, every row's cells spanning the
     * grid exactly with each cell's width the sum of its grid columns, header rows repeated, no row split; returns
     * the grid sums.
     */
    public static List<Long> tables(XWPFDocument doc) {
        List<Long> sums = new ArrayList<>();
        for (XWPFTable t : doc.getTables()) {
            List<Long> cols = t.getCTTbl().getTblGrid().getGridColList().stream().map(c -> v(c.getW())).toList();
            long sum = cols.stream().mapToLong(Long::longValue).sum();
            assertThat(sum).isIn(8844L, 12756L);
            assertThat(cols).allSatisfy(c -> assertThat(c).isPositive());
            sums.add(sum);
            boolean inHeader = true;
            int headerRows = 0;
            List<CTRow> rows = t.getCTTbl().getTrList();
            for (CTRow row : rows) {
                boolean header = row.isSetTrPr() && !row.getTrPr().getTblHeaderList().isEmpty();
                assertThat(header && !inHeader).as("header rows come first").isFalse();
                inHeader = header;
                if (header) {
                    headerRows++;
                }
                assertThat(row.getTrPr().getCantSplitList()).isNotEmpty();
                int col = 0;
                for (CTTc tc : row.getTcList()) {
                    int span = tc.getTcPr().isSetGridSpan() ? tc.getTcPr().getGridSpan().getVal().intValue() : 1;
                    long expected = 0;
                    for (int i = col; i < col + span; i++) {
                        expected += cols.get(i);
                    }
                    assertThat(v(tc.getTcPr().getTcW().getW())).as("cell width = its grid columns").isEqualTo(expected);
                    col += span;
                }
                assertThat(col).as("cells span the whole grid").isEqualTo(cols.size());
            }
            assertThat(headerRows).isPositive();
            // a vertical merge continues only under a cell that starts or continues one, at the same grid column
            for (int r = 1; r < headerRows; r++) {
                int col = 0;
                for (CTTc tc : rows.get(r).getTcList()) {
                    if (tc.getTcPr().isSetVMerge() && tc.getTcPr().getVMerge().getVal() != STMerge.RESTART) {
                        assertThat(startsAt(rows.get(r - 1), col)).as("merge above at column " + col).isTrue();
                    }
                    col += tc.getTcPr().isSetGridSpan() ? tc.getTcPr().getGridSpan().getVal().intValue() : 1;
                }
            }
        }
        return sums;
    }

    private static boolean startsAt(CTRow row, int column) {
        int col = 0;
        for (CTTc tc : row.getTcList()) {
            if (col == column) {
                return tc.getTcPr().isSetVMerge();
            }
            col += tc.getTcPr().isSetGridSpan() ? tc.getTcPr().getGridSpan().getVal().intValue() : 1;
        }
        return false;
    }

    /** Text of every body element in order (paragraphs; tables as "[table]"), for order checks. */
    public static List<String> outline(XWPFDocument doc) {
        List<String> out = new ArrayList<>();
        for (IBodyElement e : doc.getBodyElements()) {
            out.add(e instanceof XWPFParagraph p ? p.getText() : "[table]");
        }
        return out;
    }
}
