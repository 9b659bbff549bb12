package org.anju.bulletin;

import org.anju.document.Colophon;
import org.anju.document.DocumentFonts;
import org.anju.document.DocxRenderer;
import org.anju.document.OfficialDocument;
import org.anju.document.PdfRenderer;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A {@link Bulletin} as a 公文 (GB/T 9704-2012): the issuer's 文件 as the red 发文机关标志, the 文号, title, 主送, the
 * opening and sections (一、 黑体, （一） 楷体), 附件说明 listing the attachment tables, 署名 and 成文日期, each table as an
 * 附件 with typed cells, and the 版记. Entry points take a bulletin and a colophon, so a stored (issued) version renders
 * the same way as a freshly composed one.
 */
public final class BulletinDocument {

    private BulletinDocument() {
    }

    public static byte[] docx(Bulletin b, Colophon colophon) {
        return DocxRenderer.render(of(b, colophon));
    }

    public static byte[] pdf(Bulletin b, Colophon colophon, DocumentFonts fonts) {
        return PdfRenderer.render(of(b, colophon), fonts);
    }

    /**
     * The 版记 from the options: 抄送 as given; 印发机关 as given or else the issuer itself (the office that issues the
     * bulletin prints it); 印发日期 as given or else the 成文日期.
     */
    public static Colophon colophon(Bulletin b, BulletinOptions o) {
        BulletinOptions options = o == null ? BulletinOptions.defaults() : o;
        String by = options.printedBy() == null || options.printedBy().isBlank() ? b.issuer() : options.printedBy().strip();
        LocalDate on = options.printedOn() == null ? b.date() : options.printedOn();
        return new Colophon(options.copyTo(), by, on);
    }

    public static OfficialDocument of(Bulletin b, Colophon colophon) {
        List<OfficialDocument.Block> body = new ArrayList<>();
        if (b.opening() != null && !b.opening().isBlank()) {
            body.add(OfficialDocument.Paragraph.of(b.opening()));
        }
        for (Bulletin.Section s : b.sections()) {
            body.add(new OfficialDocument.Heading(1, s.heading()));
            s.paragraphs().forEach(p -> body.add(OfficialDocument.Paragraph.of(p)));
            for (Bulletin.Section sub : s.subsections()) {
                body.add(new OfficialDocument.Heading(2, sub.heading()));
                sub.paragraphs().forEach(p -> body.add(OfficialDocument.Paragraph.of(p)));
            }
        }
        List<OfficialDocument.Attachment> attachments = b.tables().stream().map(BulletinDocument::attachment).toList();
        String addressee = b.addressee() == null ? null : b.addressee().strip().replaceAll("[：:]$", "");
        return new OfficialDocument(null, null, b.issuer() + "文件", blankToNull(b.documentNumber()), b.title(),
                blankToNull(addressee), body, b.tables().stream().map(BulletinTable::title).toList(), b.issuer(), b.date(), null,
                attachments, colophon);
    }

    private static OfficialDocument.Attachment attachment(BulletinTable t) {
        List<List<OfficialDocument.HeaderCell>> header = t.header().stream()
                .map(row -> row.stream().map(h -> new OfficialDocument.HeaderCell(h.text(), h.colspan(), h.rowspan())).toList())
                .toList();
        List<List<OfficialDocument.Cell>> rows = new ArrayList<>();
        for (List<String> row : t.rows()) {
            List<OfficialDocument.Cell> cells = new ArrayList<>();
            for (int i = 0; i < row.size(); i++) {
                cells.add(i == 0 ? new OfficialDocument.Text(row.get(i)) : cell(row.get(i)));
            }
            rows.add(cells);
        }
        return new OfficialDocument.Attachment(t.label(), t.title(), t.unitLine(), new OfficialDocument.Table(header, rows),
                t.note(), OfficialDocument.Orientation.AUTO);
    }

    private static final Pattern WHOLE = Pattern.compile("-?\\d+");
    private static final Pattern DECIMAL = Pattern.compile("-?\\d+\\.(\\d+)");
    private static final Pattern RATE = Pattern.compile("(-?\\d+(?:\\.(\\d+))?)%");

    /**
     * A printed figure back to what it is: 未报 stays 未报 (never 0), "87.5%" a rate, "1092.28" a decimal at its printed
     * scale, "9223" a whole number; anything else (blank, —) text as printed.
     */
    static OfficialDocument.Cell cell(String s) {
        if (s == null || s.isBlank()) {
            return new OfficialDocument.Text("");
        }
        if (s.equals(org.anju.progress.ProgressLine.UNREPORTED)) {
            return new OfficialDocument.NotReported();
        }
        Matcher m = RATE.matcher(s);
        if (m.matches()) {
            return new OfficialDocument.Rate(new BigDecimal(m.group(1)).movePointLeft(2), m.group(2) == null ? 0 : m.group(2).length());
        }
        if (WHOLE.matcher(s).matches()) {
            try {
                return new OfficialDocument.Whole(Long.parseLong(s));
            } catch (NumberFormatException tooLong) {
                return new OfficialDocument.Text(s);
            }
        }
        m = DECIMAL.matcher(s);
        if (m.matches()) {
            return new OfficialDocument.Decimal(new BigDecimal(s), m.group(1).length());
        }
        return new OfficialDocument.Text(s);
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
