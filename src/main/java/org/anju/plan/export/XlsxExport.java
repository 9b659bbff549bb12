package org.anju.plan.export;

import org.anju.plan.BreakdownTable;
import org.anju.plan.BreakdownTable.Row;
import org.anju.plan.Cell;
import org.anju.plan.HeaderLayout;
import org.anju.plan.RowRole;
import org.apache.poi.ss.usermodel.BorderStyle;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.DataFormat;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.HorizontalAlignment;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.VerticalAlignment;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.ss.util.WorkbookUtil;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.springframework.stereotype.Component;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Writes breakdown tables as XLSX in the layout they were issued in: 附件 line, title, 单位 line,
 * grouped header cells merged as printed, rows in order with the 合计 row where it stood, every figure
 * with the decimals it was printed with, blank where nothing was printed. One sheet per table.
 * Importing the file again gives the same figures.
 */
@Component
public class XlsxExport {

    public byte[] write(List<BreakdownTable> tables) {
        try (Workbook wb = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Styles styles = new Styles(wb);
            Set<String> names = new HashSet<>();
            for (BreakdownTable t : tables) {
                writeSheet(wb, sheetName(t, names), t, styles);
            }
            wb.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void writeSheet(Workbook wb, String name, BreakdownTable t, Styles styles) {
        Sheet sheet = wb.createSheet(name);
        int width = t.columns().size() + 1;
        int r = 0;
        if (t.label() != null) {
            text(sheet, r++, 0, t.label(), styles.plain);
        }
        text(sheet, r, 0, t.title(), styles.title);
        if (width > 1) {
            sheet.addMergedRegion(new CellRangeAddress(r, r, 0, width - 1));
        }
        r++;
        if (t.unitLine() != null) {
            text(sheet, r++, 0, t.unitLine(), styles.plain);
        }
        int headerTop = r;
        r = header(sheet, r, t, styles);
        // prints like every other table: A4 one page wide, header rows repeated, page numbers; frozen below the header
        org.anju.platform.TableXlsx.fitA4(sheet, width, headerTop, r - 1);
        sheet.createFreezePane(1, r);
        for (Row row : t.rows()) {
            org.apache.poi.ss.usermodel.Row x = sheet.createRow(r++);
            boolean bold = row.role() != RowRole.DETAIL;
            org.apache.poi.ss.usermodel.Cell label = x.createCell(0);
            label.setCellValue(row.label());
            label.setCellStyle(bold ? styles.labelBold : styles.label);
            for (int c = 0; c < t.columns().size(); c++) {
                org.apache.poi.ss.usermodel.Cell cell = x.createCell(c + 1);
                Cell figure = row.cell(c);
                if (figure.blank()) {
                    cell.setCellStyle(styles.number(0, bold));
                } else {
                    cell.setCellValue(figure.value().doubleValue());
                    cell.setCellStyle(styles.number(figure.scale(), bold));
                }
            }
        }
        if (t.note() != null) {
            text(sheet, r, 0, t.note(), styles.plain);
        }
        sheet.setColumnWidth(0, 18 * 256);
        for (int c = 1; c < width; c++) {
            sheet.setColumnWidth(c, 14 * 256);
        }
    }

    /** Header rows, merged as printed (see {@link HeaderLayout}). */
    private int header(Sheet sheet, int top, BreakdownTable t, Styles styles) {
        HeaderLayout layout = HeaderLayout.of(t);
        for (int d = 0; d < layout.depth(); d++) {
            org.apache.poi.ss.usermodel.Row x = sheet.createRow(top + d);
            for (int c = 0; c <= t.columns().size(); c++) {
                x.createCell(c).setCellStyle(styles.header);
            }
        }
        for (List<HeaderLayout.Cell> row : layout.rows()) {
            for (HeaderLayout.Cell cell : row) {
                int r = top + cell.row();
                sheet.getRow(r).getCell(cell.column()).setCellValue(cell.text());
                if (cell.rowSpan() > 1 || cell.colSpan() > 1) {
                    sheet.addMergedRegion(new CellRangeAddress(r, r + cell.rowSpan() - 1, cell.column(),
                            cell.column() + cell.colSpan() - 1));
                }
            }
        }
        return top + layout.depth();
    }

    private static void text(Sheet sheet, int r, int c, String value, CellStyle style) {
        org.apache.poi.ss.usermodel.Row row = sheet.getRow(r) == null ? sheet.createRow(r) : sheet.getRow(r);
        org.apache.poi.ss.usermodel.Cell cell = row.createCell(c);
        cell.setCellValue(value);
        cell.setCellStyle(style);
    }

    private static String sheetName(BreakdownTable t, Set<String> used) {
        String base = WorkbookUtil.createSafeSheetName(t.label() != null ? t.label() : "表" + t.seq());
        String name = base;
        for (int i = 2; !used.add(name); i++) {
            name = base + "(" + i + ")";
        }
        return name;
    }

    /** Cell styles, made once per workbook (Excel limits how many a file may hold). */
    private static final class Styles {
        final Workbook wb;
        final CellStyle plain;
        final CellStyle title;
        final CellStyle header;
        final CellStyle label;
        final CellStyle labelBold;
        final Map<String, CellStyle> numbers = new HashMap<>();
        final Font bold;

        Styles(Workbook wb) {
            this.wb = wb;
            bold = wb.createFont();
            bold.setBold(true);
            Font big = wb.createFont();
            big.setBold(true);
            big.setFontHeightInPoints((short) 14);
            plain = wb.createCellStyle();
            title = wb.createCellStyle();
            title.setFont(big);
            title.setAlignment(HorizontalAlignment.CENTER);
            header = bordered();
            header.setFont(bold);
            header.setAlignment(HorizontalAlignment.CENTER);
            header.setVerticalAlignment(VerticalAlignment.CENTER);
            header.setWrapText(true);
            label = bordered();
            labelBold = bordered();
            labelBold.setFont(bold);
        }

        CellStyle number(int scale, boolean isBold) {
            return numbers.computeIfAbsent(scale + "/" + isBold, k -> {
                CellStyle s = bordered();
                DataFormat format = wb.createDataFormat();
                s.setDataFormat(format.getFormat(scale == 0 ? "0" : "0." + "0".repeat(scale)));
                s.setAlignment(HorizontalAlignment.RIGHT);
                if (isBold) {
                    s.setFont(bold);
                }
                return s;
            });
        }

        private CellStyle bordered() {
            CellStyle s = wb.createCellStyle();
            s.setBorderTop(BorderStyle.THIN);
            s.setBorderBottom(BorderStyle.THIN);
            s.setBorderLeft(BorderStyle.THIN);
            s.setBorderRight(BorderStyle.THIN);
            return s;
        }
    }
}
