package org.anju.document;

import com.openhtmltopdf.pdfboxout.PDFontSupplier;
import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import org.anju.document.DocumentFonts.Role;
import org.anju.document.OfficialDocument.Attachment;
import org.anju.document.OfficialDocument.Block;
import org.anju.document.OfficialDocument.Cell;
import org.anju.document.OfficialDocument.HeaderCell;
import org.anju.document.OfficialDocument.Heading;
import org.anju.document.OfficialDocument.Paragraph;
import org.apache.fontbox.ttf.CmapLookup;
import org.apache.fontbox.ttf.TTFParser;
import org.apache.fontbox.ttf.TrueTypeCollection;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.io.RandomAccessReadBufferedFile;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.font.PDType0Font;

import java.io.ByteArrayOutputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * An {@link OfficialDocument} as PDF, the same layout as {@link DocxRenderer} (GB/T 9704-2012), through openhtmltopdf's
 * CSS paged media on PDFBox: A4 pages with the standard's margins, odd/even page numbers in margin boxes, table header
 * rows repeated on every page, landscape pages for wide attachments, the 版记 at the foot of an even page. Every font is
 * embedded (subset) from the files {@link DocumentFonts} names; before anything is drawn every character is checked
 * against its role's font, and a missing file or glyph is refused in Chinese — never a PDF with blank boxes.
 */
public final class PdfRenderer {

    private static final Map<Role, String> FAMILY = Map.of(Role.TITLE, "gw-title", Role.BODY, "gw-body", Role.HEITI, "gw-hei",
            Role.KAITI, "gw-kai", Role.PAGE_NUMBER, "gw-page");

    private final OfficialDocument d;
    private final DocumentFonts fonts;
    private final Map<Role, StringBuilder> used = new EnumMap<>(Role.class);

    private PdfRenderer(OfficialDocument d, DocumentFonts fonts) {
        this.d = d;
        this.fonts = fonts;
        for (Role r : Role.values()) {
            used.put(r, new StringBuilder());
        }
    }

    public static byte[] render(OfficialDocument d, DocumentFonts fonts) {
        fonts.check();
        PdfRenderer r = new PdfRenderer(d, fonts);
        try (LoadedFonts loaded = new LoadedFonts(fonts)) {
            String withoutColophon = r.html(-1);
            r.used.get(Role.PAGE_NUMBER).append("— 0123456789");
            loaded.checkGlyphs(r.used);
            if (d.colophon() == null) {
                return r.pdf(withoutColophon, loaded);
            }
            // 7.4: the 版记 goes on an even page; a blank page before it when the rest ends on an even page
            int pages;
            try (PDDocument first = Loader.loadPDF(r.pdf(withoutColophon, loaded))) {
                pages = first.getNumberOfPages();
            }
            return r.pdf(r.html(pages), loaded);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private byte[] pdf(String html, LoadedFonts loaded) throws IOException {
        try (PDDocument doc = new PDDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            PdfRendererBuilder b = new PdfRendererBuilder();
            b.usePDDocument(doc);
            Map<String, PDType0Font> bySpec = new LinkedHashMap<>();
            for (Role role : Role.values()) {
                PDType0Font font = bySpec.computeIfAbsent(fonts.spec(role), s -> loaded.embed(doc, role));
                b.useFont(new PDFontSupplier(font), FAMILY.get(role));
            }
            b.withHtmlContent(html, null);
            b.withProducer("Anju 安居");
            b.toStream(out);
            b.run();
            if (out.size() == 0) {
                doc.save(out);
            }
            return out.toByteArray();
        }
    }

    // ---------------------------------------------------------------- HTML

    private static final double LINE = Gbt9704.linePitchPt();
    private static final double CHAR = Gbt9704.charPitchPt();

    /** The document as XHTML; {@code pagesBefore} ≥ 0 adds the 版记 after that many pages (-1: without it). */
    private String html(int pagesBefore) {
        used.values().forEach(sb -> sb.setLength(0));
        StringBuilder h = new StringBuilder("<html><head><meta charset=\"utf-8\"/><style>").append(css()).append("</style></head><body>");
        head(h);
        main(h);
        for (Attachment a : d.attachments()) {
            attachment(h, a);
        }
        if (pagesBefore >= 0) {
            boolean blank = pagesBefore % 2 == 0;
            if (blank) {
                h.append("<div class=\"blank\">&#160;</div>");
            }
            colophon(h, d.colophon(), blank);
        }
        return h.append("</body></html>").toString();
    }

    private static String css() {
        String number = "content: \"— \" counter(page) \" —\"; font-family: gw-page; font-size: 14pt; vertical-align: top; "
                + "padding-top: " + pt(Gbt9704.mmToPt(Gbt9704.PAGE_NUMBER_GAP_MM) - 7) + ";";
        String margins = "margin: " + mm(Gbt9704.TOP_MM) + " " + mm(Gbt9704.RIGHT_MM) + " " + mm(Gbt9704.BOTTOM_MM) + " " + mm(Gbt9704.LEFT_MM) + ";";
        return "@page { size: 210mm 297mm; " + margins
                + " @bottom-right { " + number + " padding-right: 14pt; } }"
                + "@page :left { @bottom-right { content: none; } @bottom-left { " + number + " padding-left: 14pt; } }"
                + "@page wide { size: 297mm 210mm; margin: " + mm(Gbt9704.LEFT_MM) + " " + mm(Gbt9704.TOP_MM) + " "
                + mm(Gbt9704.RIGHT_MM) + " " + mm(Gbt9704.BOTTOM_MM) + "; }"
                + "@page bare { @bottom-right { content: none; } @bottom-left { content: none; } }"
                + "@page bare:left { @bottom-right { content: none; } @bottom-left { content: none; } }"
                + "@page bare:right { @bottom-right { content: none; } @bottom-left { content: none; } }"
                + "body { margin: 0; font-family: gw-body; font-size: 16pt; }"
                + "p { margin: 0; line-height: " + pt(LINE) + "; letter-spacing: " + pt(CHAR - 16) + "; }"
                + ".mark { font-family: gw-title; color: #FF0000; text-align: center; line-height: 1.2; letter-spacing: 0; }"
                + ".number { text-align: center; margin-top: " + pt(2 * LINE) + "; }"
                + ".rule { border-bottom: 1.5pt solid #FF0000; padding-bottom: " + mm(Gbt9704.SEPARATOR_GAP_MM) + "; }"
                + ".title { font-family: gw-title; font-size: 22pt; text-align: center; margin-top: " + pt(2 * LINE) + "; letter-spacing: 0; }"
                + ".to { margin-top: " + pt(LINE) + "; }"
                + ".para { text-indent: " + pt(2 * CHAR) + "; text-align: justify; }"
                + ".h1 { font-family: gw-hei; } .h2 { font-family: gw-kai; }"
                + ".lead { font-weight: bold; }"
                + ".sig { text-align: right; }"
                + ".att-label { font-family: gw-hei; page-break-before: always; }"
                + ".wide { page: wide; }"
                + ".att-title { font-family: gw-title; font-size: 22pt; text-align: center; margin-top: " + pt(LINE) + "; letter-spacing: 0; line-height: 1.4; }"
                + ".unit { font-size: 12pt; text-align: right; line-height: 1.5; letter-spacing: 0; }"
                + ".note { font-size: 12pt; line-height: 1.5; letter-spacing: 0; margin-top: 3pt; }"
                + "table { border-collapse: collapse; table-layout: fixed; -fs-table-paginate: paginate; font-size: 12pt; margin: 0 auto; }"
                + "td, th { border: 0.5pt solid #000; padding: 1.5pt " + pt(TableLayout.CELL_MARGIN / 20.0) + "; line-height: 1.25; vertical-align: middle; }"
                + "th { font-family: gw-hei; font-weight: normal; text-align: center; }"
                + "td.n { text-align: right; white-space: nowrap; } td.t { text-align: center; }"
                + "tr { page-break-inside: avoid; }"
                + ".blank { page: bare; page-break-before: always; height: 1pt; }"
                + ".colophon-page { page-break-before: always; position: relative; height: " + mm(Gbt9704.TEXT_HEIGHT_MM - 1) + "; }"
                + ".colophon-page.bare { page: bare; }"
                + ".colophon { position: absolute; bottom: 0; left: 0; right: 0; }"
                + ".colophon p { font-size: 14pt; letter-spacing: 0; }"
                + ".cc { border-top: 1pt solid #000; border-bottom: 0.75pt solid #000; padding: 0 14pt 0 " + pt(14 * 4) + "; text-indent: -42pt; }"
                + ".printed { border-bottom: 1pt solid #000; padding: 0 14pt; }"
                + ".printed.first { border-top: 1pt solid #000; }"
                + ".on { float: right; }";
    }

    private void head(StringBuilder h) {
        int lines = 0;
        if (present(d.copyNumber())) {
            h.append("<p>").append(text(Role.BODY, d.copyNumber())).append("</p>");
            lines++;
        }
        if (present(d.secrecy())) {
            h.append("<p class=\"h1\">").append(text(Role.HEITI, d.secrecy())).append("</p>");
            lines++;
        }
        double size = DocxRenderer.issuerMarkSize(d.issuerMark());
        double drop = Math.max(0, Gbt9704.mmToPt(Gbt9704.ISSUER_MARK_DROP_MM) - lines * LINE);
        boolean number = present(d.documentNumber());
        h.append("<p class=\"mark").append(number ? "" : " rule").append("\" style=\"font-size: ").append(pt(size))
                .append("; margin-top: ").append(pt(drop)).append(";\">").append(text(Role.TITLE, d.issuerMark())).append("</p>");
        if (number) {
            h.append("<p class=\"number rule\">").append(text(Role.BODY, d.documentNumber())).append("</p>");
        }
    }

    private void main(StringBuilder h) {
        h.append("<p class=\"title\">").append(text(Role.TITLE, d.title()).replace("\n", "<br/>")).append("</p>");
        if (present(d.addressee())) {
            h.append("<p class=\"to\">").append(text(Role.BODY, d.addressee() + "：")).append("</p>");
        }
        for (Block b : d.body()) {
            switch (b) {
                case Heading hd -> {
                    Role role = hd.level() == 1 ? Role.HEITI : hd.level() == 2 ? Role.KAITI : Role.BODY;
                    h.append("<p class=\"para").append(hd.level() <= 2 ? " h" + hd.level() : "").append("\">")
                            .append(text(role, hd.text())).append("</p>");
                }
                case Paragraph p -> {
                    h.append("<p class=\"para\">");
                    if (present(p.lead())) {
                        h.append("<span class=\"lead\">").append(text(Role.BODY, p.lead())).append("</span>");
                    }
                    h.append(text(Role.BODY, p.text())).append("</p>");
                }
            }
        }
        List<String> notes = d.attachmentNotes();
        for (int i = 0; i < notes.size(); i++) {
            String num = notes.size() == 1 ? "" : (i + 1) + ".";
            double numW = TableLayout.textTwips(num, 16) / 20.0;
            double left = 2 * CHAR + 3 * CHAR + numW;
            double hang = i == 0 ? 3 * CHAR + numW : numW;
            h.append("<p style=\"padding-left: ").append(pt(left)).append("; text-indent: -").append(pt(hang)).append(";")
                    .append(i == 0 ? " margin-top: " + pt(LINE) + ";" : "").append("\">")
                    .append(text(Role.BODY, (i == 0 ? "附件：" : "") + num + notes.get(i))).append("</p>");
        }
        String date = d.dateLine();
        double dateW = TableLayout.textTwips(date, 16) / 20.0;
        double nameW = TableLayout.textTwips(d.signature(), 16) / 20.0;
        double dateRight = nameW <= dateW ? 4 * CHAR : 2 * CHAR + (nameW - dateW) / 2;
        double nameRight = nameW <= dateW ? 4 * CHAR + (dateW - nameW) / 2 : 2 * CHAR;
        h.append("<p class=\"sig\" style=\"margin-top: ").append(pt(2 * LINE)).append("; padding-right: ").append(pt(nameRight))
                .append(";\">").append(text(Role.BODY, d.signature())).append("</p>");
        h.append("<p class=\"sig\" style=\"padding-right: ").append(pt(dateRight)).append(";\">").append(text(Role.BODY, date)).append("</p>");
        if (present(d.remark())) {
            h.append("<p class=\"para\">").append(text(Role.BODY, "（" + d.remark() + "）")).append("</p>");
        }
    }

    private void attachment(StringBuilder h, Attachment a) {
        TableLayout layout = TableLayout.of(a.table(), a.landscape());
        h.append("<div").append(layout.landscape() ? " class=\"wide\"" : "").append(">");
        h.append("<p class=\"att-label\">").append(text(Role.HEITI, a.label())).append("</p>");
        h.append("<p class=\"att-title\">").append(text(Role.TITLE, a.title())).append("</p>");
        if (present(a.unitLine())) {
            h.append("<p class=\"unit\">").append(text(Role.BODY, a.unitLine())).append("</p>");
        }
        h.append("<table style=\"width: ").append(pt(layout.total() / 20.0)).append("; font-size: ").append(pt(layout.fontPt())).append(";\">");
        for (int w : layout.widths()) {
            h.append("<col style=\"width: ").append(pt(w / 20.0)).append(";\"/>");
        }
        h.append("<thead>");
        for (List<HeaderCell> row : a.table().header()) {
            h.append("<tr>");
            for (HeaderCell c : row) {
                h.append("<th").append(c.colspan() > 1 ? " colspan=\"" + c.colspan() + "\"" : "")
                        .append(c.rowspan() > 1 ? " rowspan=\"" + c.rowspan() + "\"" : "").append(">")
                        .append(text(Role.HEITI, c.text())).append("</th>");
            }
            h.append("</tr>");
        }
        h.append("</thead><tbody>");
        int n = a.table().width();
        for (List<Cell> row : a.table().rows()) {
            h.append("<tr>");
            for (int c = 0; c < n; c++) {
                Cell cell = c < row.size() ? row.get(c) : new OfficialDocument.Text("");
                h.append("<td class=\"").append(cell.numeric() ? "n" : "t").append("\">").append(text(Role.BODY, cell.shown())).append("</td>");
            }
            h.append("</tr>");
        }
        h.append("</tbody></table>");
        if (present(a.note())) {
            h.append("<p class=\"note\">").append(text(Role.BODY, a.note())).append("</p>");
        }
        h.append("</div>");
    }

    private void colophon(StringBuilder h, Colophon c, boolean bare) {
        h.append("<div class=\"colophon-page").append(bare ? " bare" : "").append("\"><div class=\"colophon\">");
        String cc = c.copyToLine();
        if (cc != null) {
            h.append("<p class=\"cc\">").append(text(Role.BODY, cc)).append("</p>");
        }
        h.append("<p class=\"printed").append(cc == null ? " first" : "").append("\"><span class=\"on\">")
                .append(text(Role.BODY, c.printedOnLine())).append("</span>").append(text(Role.BODY, c.printedBy())).append("</p>");
        h.append("</div></div>");
    }

    /** Escapes a text for XHTML and notes its characters against the font that will print them. */
    private String text(Role role, String s) {
        if (s == null) {
            return "";
        }
        used.get(role).append(s);
        StringBuilder out = new StringBuilder(s.length());
        for (char ch : s.toCharArray()) {
            switch (ch) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                default -> out.append(ch);
            }
        }
        return out.toString();
    }

    private static boolean present(String s) {
        return s != null && !s.isBlank();
    }

    private static String pt(double v) {
        return String.format(Locale.ROOT, "%.2fpt", v);
    }

    private static String mm(double v) {
        return String.format(Locale.ROOT, "%.1fmm", v);
    }

    /** The fonts parsed once per rendering, closed after. */
    static final class LoadedFonts implements Closeable {
        private final DocumentFonts fonts;
        private final Map<Role, TrueTypeFont> byRole = new EnumMap<>(Role.class);
        private final List<Closeable> open = new ArrayList<>();

        LoadedFonts(DocumentFonts fonts) throws IOException {
            this.fonts = fonts;
            Map<String, TrueTypeFont> bySpec = new LinkedHashMap<>();
            for (Role role : Role.values()) {
                TrueTypeFont f = bySpec.get(fonts.spec(role));
                if (f == null) {
                    f = load(role);
                    bySpec.put(fonts.spec(role), f);
                }
                byRole.put(role, f);
            }
        }

        private TrueTypeFont load(Role role) throws IOException {
            String member = fonts.member(role);
            if (member == null) {
                TrueTypeFont f = new TTFParser().parse(new RandomAccessReadBufferedFile(fonts.file(role).toFile()));
                open.add(f);
                return f;
            }
            TrueTypeCollection c = new TrueTypeCollection(fonts.file(role).toFile());
            open.add(c);
            TrueTypeFont f = c.getFontByName(member);
            if (f == null) {
                List<String> names = new ArrayList<>();
                c.processAllFonts(t -> names.add(t.getName()));
                throw new org.anju.platform.Conflict("无法生成 PDF：字体集 " + fonts.file(role) + " 中没有名为 " + member
                        + " 的字体（有：" + String.join("、", names) + "），请改正配置项 " + role.property());
            }
            return f;
        }

        /** Refuses when a character has no glyph in the font of the role that prints it. */
        void checkGlyphs(Map<Role, StringBuilder> used) throws IOException {
            for (var e : used.entrySet()) {
                CmapLookup cmap = byRole.get(e.getKey()).getUnicodeCmapLookup();
                String s = e.getValue().toString();
                for (int i = 0; i < s.length(); ) {
                    int cp = s.codePointAt(i);
                    i += Character.charCount(cp);
                    if (!Character.isWhitespace(cp) && cp != 0xA0 && cmap.getGlyphId(cp) == 0) {
                        throw new org.anju.platform.Conflict("无法生成 PDF：" + e.getKey().label + "所用字体 " + fonts.spec(e.getKey())
                                + " 没有“" + new String(Character.toChars(cp)) + "”（U+" + Integer.toHexString(cp).toUpperCase(Locale.ROOT)
                                + "）字形。请在配置项 " + e.getKey().property() + " 中改用含此字的 TrueType 字体，或修改该处文字");
                    }
                }
            }
        }

        PDType0Font embed(PDDocument doc, Role role) {
            try {
                return PDType0Font.load(doc, byRole.get(role), true);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        @Override
        public void close() throws IOException {
            for (Closeable c : open) {
                c.close();
            }
        }
    }
}
