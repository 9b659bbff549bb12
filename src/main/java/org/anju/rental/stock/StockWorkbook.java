package org.anju.rental.stock;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * A stock list as XLSX: a title row, then the import's columns (a county's export imports as it is). 状态日期 and
 * 录入日期 are for reading; an import leaves them aside. 状态日期 is blank for the status a dwelling was entered with:
 * since when it holds is not known (the entry date is 录入日期, not the status's start). A city's or province's export
 * adds 地区 first.
 */
final class StockWorkbook {

    static final String STATUS_ON = "状态日期";
    static final String ENTERED_ON = "录入日期";

    private StockWorkbook() {
    }

    static List<String> headers(boolean withRegion) {
        List<String> h = new ArrayList<>();
        if (withRegion) {
            h.add(StockField.REGION.label());
        }
        for (StockField f : List.of(StockField.ESTATE, StockField.PROGRAMME, StockField.ADDRESS, StockField.BUILDING,
                StockField.ENTRANCE, StockField.ROOM, StockField.FLOOR, StockField.FLOOR_AREA, StockField.USABLE_AREA,
                StockField.LAYOUT, StockField.ROOMS, StockField.RENT, StockField.RENT_UNIT, StockField.STATUS)) {
            h.add(f.label());
        }
        h.add(STATUS_ON);
        h.add(ENTERED_ON);
        return h;
    }

    /** @param regionName the name of a dwelling's county by code, for a 地区 column; null: no such column */
    static byte[] write(String title, List<Dwelling> dwellings, Map<Long, Estate> estates, Function<String, String> regionName) {
        List<String> headers = headers(regionName != null);
        try (XSSFWorkbook wb = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Sheet sheet = wb.createSheet("房源清单");
            CellStyle bold = wb.createCellStyle();
            Font font = wb.createFont();
            font.setBold(true);
            bold.setFont(font);
            Cell t = sheet.createRow(0).createCell(0);
            t.setCellValue(title);
            t.setCellStyle(bold);
            sheet.addMergedRegion(new CellRangeAddress(0, 0, 0, headers.size() - 1));
            Row header = sheet.createRow(1);
            for (int c = 0; c < headers.size(); c++) {
                Cell cell = header.createCell(c);
                cell.setCellValue(headers.get(c));
                cell.setCellStyle(bold);
                sheet.setColumnWidth(c, headers.get(c).equals(StockField.ESTATE.label()) || headers.get(c).equals("地址")
                        ? 28 * 256 : 12 * 256);
            }
            Map<String, String> names = new java.util.HashMap<>();
            int r = 2;
            for (Dwelling d : dwellings) {
                Estate e = estates.get(d.estateId());
                Row row = sheet.createRow(r++);
                int c = 0;
                if (regionName != null) {
                    text(row, c++, names.computeIfAbsent(d.regionCode(), regionName));
                }
                text(row, c++, d.estateName());
                text(row, c++, e == null ? null : e.programme().label());
                text(row, c++, d.address());
                text(row, c++, d.building());
                text(row, c++, d.entrance());
                text(row, c++, d.roomNo());
                if (d.floor() != null) {
                    row.createCell(c).setCellValue(d.floor());
                }
                c++;
                number(row, c++, d.floorArea());
                number(row, c++, d.usableArea());
                text(row, c++, d.layout());
                if (d.rooms() != null) {
                    row.createCell(c).setCellValue(d.rooms());
                }
                c++;
                number(row, c++, d.rent());
                text(row, c++, d.rentUnit() == null ? null : d.rentUnit().label());
                text(row, c++, d.status().label());
                text(row, c++, d.statusOn() == null ? null : d.statusOn().toString());
                text(row, c, d.enteredOn() == null ? null : d.enteredOn().toString());
            }
            sheet.createFreezePane(0, 2);
            wb.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void text(Row row, int c, String v) {
        if (v != null && !v.isEmpty()) {
            row.createCell(c).setCellValue(v);
        }
    }

    private static void number(Row row, int c, BigDecimal v) {
        if (v != null) {
            row.createCell(c).setCellValue(v.doubleValue());
        }
    }
}
