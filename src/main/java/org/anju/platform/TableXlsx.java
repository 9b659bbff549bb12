package org.anju.platform;

import org.apache.poi.ss.usermodel.BorderStyle;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.HorizontalAlignment;
import org.apache.poi.ss.usermodel.PrintSetup;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.VerticalAlignment;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.ss.util.WorkbookUtil;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Writes {@link Table}s as an XLSX workbook, one sheet each, in the official layout: the title merged and centred
 * (黑体, large), the 填报单位/截止日期 line, bold bordered header rows with their merges, then the body — integers and
 * decimals as numbers, rates as numbers formatted {@code 0.0%}, 未报 as the text "未报" (never 0). Every sheet prints on
 * A4 (landscape when wide), one page wide, header rows repeated on each page, "第 &P 页 共 &N 页" in the footer, and is
 * frozen below the header and right of the first column.
 */
public final class TableXlsx {

    public static final MediaType XLSX = MediaType.parseMediaType(
            "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
    /** From this many columns a sheet prints landscape. */
    public static final int LANDSCAPE_FROM = 8;
    static final String FOOTER = "第 &P 页 共 &N 页";

    private TableXlsx() {
    }

    public static byte[] write(List<Table> tables) {
        try (XSSFWorkbook wb = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Styles styles = new Styles(wb);
            Set<String> names = new HashSet<>();
            for (Table t : tables) {
                sheet(wb, unique(t.name(), names), t, styles);
            }
            if (tables.isEmpty()) {
                wb.createSheet("空");
            }
            wb.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The download: the workbook with a UTF-8 file name (赣州市2025年10月进度汇总.xlsx). */
    public static ResponseEntity<byte[]> download(String fileName, List<Table> tables) {
        String name = fileName.endsWith(".xlsx") ? fileName : fileName + ".xlsx";
        return ResponseEntity.ok()
                .contentType(XLSX)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename(name, StandardCharsets.UTF_8).build().toString())
                .body(write(tables));
    }

    private static String unique(String name, Set<String> taken) {
        String base = WorkbookUtil.createSafeSheetName(name == null || name.isBlank() ? "表" : name);
        String n = base;
        for (int i = 2; !taken.add(n); i++) {
            String suffix = "（" + i + "）";
            n = base.substring(0, Math.min(base.length(), 31 - suffix.length())) + suffix;
        }
        return n;
    }

    private static void sheet(Workbook wb, String name, Table t, Styles styles) {
        Sheet sheet = wb.createSheet(name);
        int width = t.width();
        int r = 0;
        Row title = sheet.createRow(r);
        title.setHeightInPoints(30);
        cell(title, 0, t.title(), styles.title);
        if (width > 1) {
            sheet.addMergedRegion(new CellRangeAddress(r, r, 0, width - 1));
        }
        r++;
        if (t.subtitle() != null && !t.subtitle().isBlank()) {
            cell(sheet.createRow(r), 0, t.subtitle(), styles.subtitle);
            if (width > 1) {
                sheet.addMergedRegion(new CellRangeAddress(r, r, 0, width - 1));
            }
            r++;
        }
        int headerTop = r;
        Table.Head[][] grid = t.headerGrid();
        for (int hr = 0; hr < grid.length; hr++) {
            Row row = sheet.createRow(r + hr);
            for (int c = 0; c < width; c++) {
                row.createCell(c).setCellStyle(styles.head);
            }
        }
        for (int hr = 0; hr < grid.length; hr++) {
            for (int c = 0; c < width; c++) {
                Table.Head h = grid[hr][c];
                if (h == null) {
                    continue;
                }
                sheet.getRow(r + hr).getCell(c).setCellValue(h.text());
                if (h.colspan() > 1 || h.rowspan() > 1) {
                    sheet.addMergedRegion(new CellRangeAddress(r + hr, r + hr + h.rowspan() - 1, c, c + h.colspan() - 1));
                }
            }
        }
        r += grid.length;
        int headerBottom = r - 1;
        int[] chars = new int[width];
        for (int c = 0; c < width; c++) {
            for (Table.Head[] hr : grid) {
                if (hr[c] != null && hr[c].colspan() == 1) {
                    chars[c] = Math.max(chars[c], Math.min(visualLength(hr[c].text()), 16));
                }
            }
        }
        for (List<Table.Cell> values : t.rows()) {
            Row row = sheet.createRow(r++);
            for (int c = 0; c < width; c++) {
                Table.Cell v = values.get(c);
                org.apache.poi.ss.usermodel.Cell cell = row.createCell(c);
                switch (v) {
                    case Table.Int i -> {
                        cell.setCellValue(i.value());
                        cell.setCellStyle(styles.integer);
                    }
                    case Table.Decimal d -> {
                        cell.setCellValue(d.value().doubleValue());
                        cell.setCellStyle(styles.decimal(d.scale()));
                    }
                    case Table.Rate rate -> {
                        cell.setCellValue(rate.fraction().doubleValue());
                        cell.setCellStyle(styles.rate);
                    }
                    case Table.Unreported u -> {
                        cell.setCellValue(Table.Unreported.TEXT);
                        cell.setCellStyle(styles.marker);
                    }
                    case Table.Text x -> {
                        cell.setCellValue(x.value());
                        cell.setCellStyle(c == 0 ? styles.label : styles.text);
                    }
                }
                chars[c] = Math.max(chars[c], Math.min(visualLength(v.display()), c == 0 ? 30 : 40));
            }
        }
        if (t.note() != null && !t.note().isBlank()) {
            cell(sheet.createRow(r), 0, t.note(), styles.subtitle);
            if (width > 1) {
                sheet.addMergedRegion(new CellRangeAddress(r, r, 0, width - 1));
            }
        }
        for (int c = 0; c < width; c++) {
            sheet.setColumnWidth(c, Math.max(6, chars[c] + 2) * 256);
        }
        sheet.createFreezePane(Math.min(1, width), headerBottom + 1);
        fitA4(sheet, width, headerTop, headerBottom);
    }

    /**
     * A4, landscape from {@link #LANDSCAPE_FROM} columns, one page wide (as many tall as needed), the header rows
     * repeated on every page, 2 cm / 1.5 cm margins, centred, and "第 1 页 共 3 页" in the footer. Public so that the
     * other workbook writers (the plan tables' exact layout) print the same way.
     */
    public static void fitA4(Sheet sheet, int columns, int headerTop, int headerBottom) {
        PrintSetup ps = sheet.getPrintSetup();
        ps.setPaperSize(PrintSetup.A4_PAPERSIZE);
        ps.setLandscape(columns >= LANDSCAPE_FROM);
        sheet.setFitToPage(true);
        sheet.setAutobreaks(true);
        ps.setFitWidth((short) 1);
        ps.setFitHeight((short) 0);
        sheet.setMargin(Sheet.TopMargin, 0.79);
        sheet.setMargin(Sheet.BottomMargin, 0.79);
        sheet.setMargin(Sheet.LeftMargin, 0.59);
        sheet.setMargin(Sheet.RightMargin, 0.59);
        sheet.setMargin(Sheet.HeaderMargin, 0.3);
        sheet.setMargin(Sheet.FooterMargin, 0.3);
        sheet.setHorizontallyCenter(true);
        if (headerBottom >= headerTop && headerTop >= 0) {
            sheet.setRepeatingRows(new CellRangeAddress(headerTop, headerBottom, -1, -1));
        }
        sheet.getFooter().setCenter(FOOTER);
    }

    /** Columns a text needs: a CJK character takes two. */
    static int visualLength(String s) {
        int n = 0;
        for (int i = 0; i < s.length(); i++) {
            n += s.charAt(i) > 0x2E80 ? 2 : 1;
        }
        return n;
    }

    private static void cell(Row row, int c, String value, CellStyle style) {
        org.apache.poi.ss.usermodel.Cell cell = row.createCell(c);
        cell.setCellValue(value);
        cell.setCellStyle(style);
    }

    private static final class Styles {
        final Workbook wb;
        final CellStyle title;
        final CellStyle subtitle;
        final CellStyle head;
        final CellStyle label;
        final CellStyle text;
        final CellStyle integer;
        final CellStyle rate;
        final CellStyle marker;
        final Map<Integer, CellStyle> decimals = new HashMap<>();
        final Font body;

        Styles(Workbook wb) {
            this.wb = wb;
            body = wb.createFont();
            body.setFontName("宋体");
            body.setFontHeightInPoints((short) 11);
            Font titleFont = wb.createFont();
            titleFont.setFontName("黑体");
            titleFont.setFontHeightInPoints((short) 16);
            titleFont.setBold(true);
            Font bold = wb.createFont();
            bold.setFontName("黑体");
            bold.setFontHeightInPoints((short) 11);
            bold.setBold(true);
            title = wb.createCellStyle();
            title.setFont(titleFont);
            title.setAlignment(HorizontalAlignment.CENTER);
            title.setVerticalAlignment(VerticalAlignment.CENTER);
            subtitle = wb.createCellStyle();
            subtitle.setFont(body);
            subtitle.setAlignment(HorizontalAlignment.LEFT);
            head = bordered(HorizontalAlignment.CENTER);
            head.setFont(bold);
            head.setWrapText(true);
            label = bordered(HorizontalAlignment.LEFT);
            text = bordered(HorizontalAlignment.LEFT);
            text.setWrapText(true);
            integer = bordered(HorizontalAlignment.RIGHT);
            integer.setDataFormat(wb.createDataFormat().getFormat("0"));
            rate = bordered(HorizontalAlignment.RIGHT);
            rate.setDataFormat(wb.createDataFormat().getFormat("0.0%"));
            marker = bordered(HorizontalAlignment.CENTER);
        }

        CellStyle decimal(int scale) {
            return decimals.computeIfAbsent(scale, s -> {
                CellStyle st = bordered(HorizontalAlignment.RIGHT);
                st.setDataFormat(wb.createDataFormat().getFormat(s == 0 ? "0" : "0." + "0".repeat(s)));
                return st;
            });
        }

        private CellStyle bordered(HorizontalAlignment align) {
            CellStyle s = wb.createCellStyle();
            s.setFont(body);
            s.setAlignment(align);
            s.setVerticalAlignment(VerticalAlignment.CENTER);
            s.setBorderTop(BorderStyle.THIN);
            s.setBorderBottom(BorderStyle.THIN);
            s.setBorderLeft(BorderStyle.THIN);
            s.setBorderRight(BorderStyle.THIN);
            return s;
        }
    }
}
