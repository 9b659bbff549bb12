package org.anju.plan.imports;

import org.anju.intake.SourceDocument;
import org.anju.intake.SourceReader;
import org.anju.intake.SourceRow;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.DataFormat;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.usermodel.XSSFRow;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.apache.poi.xwpf.usermodel.XWPFTableRow;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Writes the other forms in which officials hold some of the corpus' real tables, from the text form kept
 * verbatim: an XLSX with merged cells (a city merged down its districts; a two-row header merged across its
 * groups), a GBK CSV, a Word table, one cell per line as copied from a web page. The figures and labels are the
 * text form's, cell for cell; a form is not a new table. Run from the project directory (test class path):
 * it rewrites the files named below; {@link RealWorldCorpusTest} imports every form against the same
 * expected.tsv.
 */
public final class CorpusForms {

    private static final Pattern NUMBER = Pattern.compile("\\d+(\\.\\d+)?");
    private static final Pattern PERCENT = Pattern.compile("(\\d+(\\.\\d+)?)%");

    private CorpusForms() {
    }

    public static void main(String[] args) throws IOException {
        Path corpus = CorpusCase.CORPUS;
        xlsx(corpus.resolve("21-shandong-2023-laojiu-jihua-jinan-partial"), "table.tsv.txt");
        xlsx(corpus.resolve("43-quanguo-2022-05-laojiu-liangji"), "table.txt");
        gbkCsv(corpus.resolve("46-hunan-2021-08-laojiu-minshengshishi"), "table.tsv.txt");
        docx(corpus.resolve("40-quanguo-2023-09-laojiu-html"), "table.tsv.txt");
        cellPerLine(corpus.resolve("20-shandong-dezhou-2022-laojiu-jihua"), "table.tsv.txt");
    }

    private static List<SourceRow> rows(Path dir, String file) throws IOException {
        SourceDocument d = new SourceReader().read(file, Files.readAllBytes(dir.resolve(file)));
        return d.sheets().getFirst().rows();
    }

    /** Table rows merged as a spreadsheet holds them: labels merged down, header groups merged across. */
    static void xlsx(Path dir, String from) throws IOException {
        List<SourceRow> rows = rows(dir, from);
        try (XSSFWorkbook book = new XSSFWorkbook()) {
            XSSFSheet sheet = book.createSheet("附件");
            DataFormat format = book.createDataFormat();
            int width = rows.stream().filter(r -> !r.prose()).mapToInt(r -> r.cells().size()).max().orElse(1);
            int r = 0;
            int headerStart = -1;
            int headerEnd = -1;
            int dataEnd = -1;
            for (SourceRow row : rows) {
                XSSFRow out = sheet.createRow(r);
                if (row.prose()) {
                    out.createCell(0).setCellValue(row.cells().getFirst());
                    if (width > 1 && row.cells().getFirst().length() < 60) {
                        sheet.addMergedRegion(new CellRangeAddress(r, r, 0, width - 1));
                    }
                } else {
                    boolean figures = row.cells().stream().anyMatch(c -> NUMBER.matcher(c).matches() || PERCENT.matcher(c).matches());
                    if (!figures && headerStart < 0) {
                        headerStart = r;
                    }
                    if (!figures) {
                        headerEnd = r;
                    } else {
                        dataEnd = r;
                    }
                    for (int c = 0; c < row.cells().size(); c++) {
                        write(book, format, out, c, row.cells().get(c));
                    }
                }
                r++;
            }
            mergeHeader(sheet, headerStart, headerEnd, width);
            mergeLabelsDown(sheet, headerEnd + 1, dataEnd);
            Files.write(dir.resolve("table.xlsx"), bytes(book));
        }
    }

    private static void write(XSSFWorkbook book, DataFormat format, XSSFRow row, int c, String text) {
        var cell = row.createCell(c);
        var percent = PERCENT.matcher(text);
        if (percent.matches()) {
            BigDecimal v = new BigDecimal(percent.group(1));
            cell.setCellValue(v.movePointLeft(2).doubleValue());
            cell.setCellStyle(style(book, format, "0" + decimals(v.scale()) + "%"));
        } else if (NUMBER.matcher(text).matches() && c > 0) {
            BigDecimal v = new BigDecimal(text);
            cell.setCellValue(v.doubleValue());
            cell.setCellStyle(style(book, format, "0" + decimals(v.scale())));
        } else if (!text.isEmpty()) {
            cell.setCellValue(text);
        }
    }

    private static String decimals(int scale) {
        return scale <= 0 ? "" : "." + "0".repeat(scale);
    }

    private static CellStyle style(XSSFWorkbook book, DataFormat format, String pattern) {
        CellStyle s = book.createCellStyle();
        s.setDataFormat(format.getFormat(pattern));
        return s;
    }

    /** A header cell with empty cells to its right in its row spans them; one with an empty cell below spans down. */
    private static void mergeHeader(XSSFSheet sheet, int first, int last, int width) {
        if (first < 0) {
            return;
        }
        for (int r = first; r <= last; r++) {
            for (int c = 0; c < width; c++) {
                if (text(sheet, r, c).isEmpty()) {
                    continue;
                }
                int right = c;
                while (r < last && right + 1 < width && text(sheet, r, right + 1).isEmpty()
                        && !text(sheet, r + 1, right + 1).isEmpty()) {
                    right++;
                }
                int down = r;
                while (down + 1 <= last && text(sheet, down + 1, c).isEmpty() && right == c) {
                    down++;
                }
                if (right > c || down > r) {
                    sheet.addMergedRegion(new CellRangeAddress(r, down, c, right));
                }
            }
        }
    }

    /** A label printed once for the rows below it that leave it empty (a city over its districts) spans them. */
    private static void mergeLabelsDown(XSSFSheet sheet, int first, int last) {
        for (int c = 1; c <= 1; c++) {
            int r = first;
            while (r <= last) {
                if (!text(sheet, r, c).isEmpty()) {
                    int down = r;
                    while (down + 1 <= last && text(sheet, down + 1, c).isEmpty() && !text(sheet, down + 1, c + 1).isEmpty()) {
                        down++;
                    }
                    if (down > r) {
                        sheet.addMergedRegion(new CellRangeAddress(r, down, c, c));
                    }
                    r = down + 1;
                } else {
                    r++;
                }
            }
        }
    }

    private static String text(XSSFSheet sheet, int r, int c) {
        var row = sheet.getRow(r);
        var cell = row == null ? null : row.getCell(c);
        if (cell == null) {
            return "";
        }
        return switch (cell.getCellType()) {
            case STRING -> cell.getStringCellValue();
            case NUMERIC -> "n";
            default -> "";
        };
    }

    private static byte[] bytes(XSSFWorkbook book) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        book.write(out);
        return out.toByteArray();
    }

    /** Comma-separated, quoted where needed, in GBK: what a county's statistics tool exports. */
    static void gbkCsv(Path dir, String from) throws IOException {
        StringBuilder csv = new StringBuilder();
        for (SourceRow row : rows(dir, from)) {
            List<String> fields = new ArrayList<>();
            for (String c : row.cells()) {
                fields.add(c.contains(",") || c.contains("\"") ? "\"" + c.replace("\"", "\"\"") + "\"" : c);
            }
            csv.append(String.join(",", fields)).append("\r\n");
        }
        Files.write(dir.resolve("table-gbk.csv"), csv.toString().getBytes(Charset.forName("GBK")));
    }

    /** The running text as paragraphs, the table as a Word table. */
    static void docx(Path dir, String from) throws IOException {
        try (XWPFDocument doc = new XWPFDocument()) {
            XWPFTable table = null;
            for (SourceRow row : rows(dir, from)) {
                if (row.prose()) {
                    if (table != null) {
                        table = null;
                    }
                    doc.createParagraph().createRun().setText(row.cells().getFirst());
                    continue;
                }
                XWPFTableRow out;
                if (table == null) {
                    table = doc.createTable(1, row.cells().size());
                    out = table.getRow(0);
                } else {
                    out = table.createRow();
                }
                for (int c = 0; c < row.cells().size(); c++) {
                    out.getCell(c).setText(row.cells().get(c));
                }
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            doc.write(out);
            Files.write(dir.resolve("table.docx"), out.toByteArray());
        }
    }

    /** Every cell on a line of its own, as a table copied cell by cell from some web pages. */
    static void cellPerLine(Path dir, String from) throws IOException {
        StringBuilder text = new StringBuilder();
        for (SourceRow row : rows(dir, from)) {
            if (row.prose()) {
                text.append(row.cells().getFirst()).append("\n\n");
                continue;
            }
            for (String c : row.cells()) {
                if (!c.isEmpty()) {
                    text.append(c).append('\n');
                }
            }
        }
        Files.writeString(dir.resolve("table-cells.txt"), text.toString(), StandardCharsets.UTF_8);
    }
}
