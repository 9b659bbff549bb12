package org.anju.bulletin;

import org.apache.poi.ss.usermodel.BorderStyle;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.HorizontalAlignment;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.VerticalAlignment;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.List;

/** The bulletin's attachment tables, one sheet each: title, 单位 line, merged header, figures as numbers. */
final class XlsxWriter {

    private XlsxWriter() {
    }

    static byte[] write(Bulletin b) {
        try (XSSFWorkbook wb = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            CellStyle head = style(wb, true);
            CellStyle body = style(wb, false);
            for (BulletinTable t : b.tables()) {
                Sheet sheet = wb.createSheet(t.label());
                int width = t.width();
                sheet.createRow(0).createCell(0).setCellValue(t.label());
                Row title = sheet.createRow(1);
                title.createCell(0).setCellValue(t.title());
                sheet.addMergedRegion(new CellRangeAddress(1, 1, 0, width - 1));
                sheet.createRow(2).createCell(0).setCellValue(t.unitLine());
                int top = 3;
                String[][] grid = t.headerGrid();
                boolean[][] placed = new boolean[grid.length][width];
                for (int r = 0; r < grid.length; r++) {
                    Row row = sheet.createRow(top + r);
                    for (int c = 0; c < width; c++) {
                        Cell cell = row.createCell(c);
                        cell.setCellStyle(head);
                    }
                }
                for (int r = 0; r < t.header().size(); r++) {
                    int c = 0;
                    for (BulletinTable.HeaderCell h : t.header().get(r)) {
                        while (placed[r][c]) {
                            c++;
                        }
                        sheet.getRow(top + r).getCell(c).setCellValue(h.text());
                        for (int dr = 0; dr < h.rowspan(); dr++) {
                            for (int dc = 0; dc < h.colspan(); dc++) {
                                placed[r + dr][c + dc] = true;
                            }
                        }
                        if (h.rowspan() > 1 || h.colspan() > 1) {
                            sheet.addMergedRegion(new CellRangeAddress(top + r, top + r + h.rowspan() - 1, c,
                                    c + h.colspan() - 1));
                        }
                        c += h.colspan();
                    }
                }
                int r = top + grid.length;
                for (List<String> values : t.rows()) {
                    Row row = sheet.createRow(r++);
                    for (int c = 0; c < width; c++) {
                        Cell cell = row.createCell(c);
                        cell.setCellStyle(body);
                        String v = c < values.size() ? values.get(c) : "";
                        if (c > 0 && v.matches("-?\\d+(\\.\\d+)?")) {
                            cell.setCellValue(new BigDecimal(v).doubleValue());
                        } else {
                            cell.setCellValue(v);
                        }
                    }
                }
                if (t.note() != null) {
                    sheet.createRow(r).createCell(0).setCellValue(t.note());
                }
                sheet.setColumnWidth(0, 16 * 256);
                for (int c = 1; c < width; c++) {
                    sheet.setColumnWidth(c, 12 * 256);
                }
            }
            wb.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static CellStyle style(XSSFWorkbook wb, boolean bold) {
        CellStyle s = wb.createCellStyle();
        s.setAlignment(HorizontalAlignment.CENTER);
        s.setVerticalAlignment(VerticalAlignment.CENTER);
        s.setBorderTop(BorderStyle.THIN);
        s.setBorderBottom(BorderStyle.THIN);
        s.setBorderLeft(BorderStyle.THIN);
        s.setBorderRight(BorderStyle.THIN);
        s.setWrapText(true);
        if (bold) {
            Font f = wb.createFont();
            f.setBold(true);
            s.setFont(f);
        }
        return s;
    }
}
