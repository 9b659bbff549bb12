package org.anju;

import org.apache.poi.ss.usermodel.Workbook;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * Small workbooks built with POI for a test, as an official's Excel saves them: a String is a text cell, a Number a
 * numeric cell in the General format, {@link #formatted} a number under a number format ("0": 12.5 shows 13).
 */
public final class Workbooks {

    private Workbooks() {
    }

    /** A number under a number format. */
    public record Formatted(double value, String format) {
    }

    public static Formatted formatted(double value, String format) {
        return new Formatted(value, format);
    }

    /** One sheet as XLSX (read streamed, as an XLSX without formulas is). */
    public static byte[] xlsx(String sheet, Object[]... rows) {
        return write(new org.apache.poi.xssf.usermodel.XSSFWorkbook(), sheet, rows);
    }

    /** One sheet as XLS (read through POI's object model). */
    public static byte[] xls(String sheet, Object[]... rows) {
        return write(new org.apache.poi.hssf.usermodel.HSSFWorkbook(), sheet, rows);
    }

    private static byte[] write(Workbook book, String name, Object[]... rows) {
        try (book; var out = new ByteArrayOutputStream()) {
            var sheet = book.createSheet(name);
            for (int r = 0; r < rows.length; r++) {
                var row = sheet.createRow(r);
                for (int c = 0; c < rows[r].length; c++) {
                    Object v = rows[r][c];
                    if (v == null) {
                        continue;
                    }
                    var cell = row.createCell(c);
                    switch (v) {
                        case String s -> cell.setCellValue(s);
                        case Number n -> cell.setCellValue(n.doubleValue());
                        case Formatted f -> {
                            var style = book.createCellStyle();
                            style.setDataFormat(book.createDataFormat().getFormat(f.format()));
                            cell.setCellValue(f.value());
                            cell.setCellStyle(style);
                        }
                        default -> throw new IllegalArgumentException(v.toString());
                    }
                }
            }
            book.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
