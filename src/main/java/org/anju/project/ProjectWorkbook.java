package org.anju.project;

import org.anju.indicator.Indicators;
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
import java.time.LocalDate;
import java.util.List;

/** The register as XLSX: a title row, then the import columns, so an export can be edited and re-imported. */
final class ProjectWorkbook {

    private ProjectWorkbook() {
    }

    static byte[] write(String title, List<ProjectView> projects, Indicators indicators) {
        try (XSSFWorkbook wb = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Sheet sheet = wb.createSheet("项目库");
            CellStyle bold = wb.createCellStyle();
            Font font = wb.createFont();
            font.setBold(true);
            bold.setFont(font);
            Row titleRow = sheet.createRow(0);
            Cell t = titleRow.createCell(0);
            t.setCellValue(title);
            t.setCellStyle(bold);
            sheet.addMergedRegion(new CellRangeAddress(0, 0, 0, ProjectColumns.ALL.length - 1));
            Row header = sheet.createRow(1);
            for (int c = 0; c < ProjectColumns.ALL.length; c++) {
                Cell cell = header.createCell(c);
                cell.setCellValue(ProjectColumns.ALL[c]);
                cell.setCellStyle(bold);
                sheet.setColumnWidth(c, c == 3 ? 40 * 256 : 14 * 256);
            }
            int r = 2;
            for (ProjectView v : projects) {
                Project p = v.project();
                Row row = sheet.createRow(r++);
                int c = 0;
                text(row, c++, p.regionName());
                text(row, c++, indicators.program(p.programCode()).map(x -> x.name()).orElse(p.programCode()));
                row.createCell(c++).setCellValue(p.year());
                text(row, c++, p.name());
                text(row, c++, p.code());
                number(row, c++, p.units());
                number(row, c++, p.households());
                number(row, c++, p.communities());
                number(row, c++, p.buildings());
                number(row, c++, p.area());
                number(row, c++, p.plannedInvestment());
                date(row, c++, p.prelimDoneOn());
                date(row, c++, p.startedOn());
                date(row, c++, p.basicCompletedOn());
                date(row, c++, p.acceptedOn());
                date(row, c++, p.deliveredOn());
                date(row, c++, p.occupiedOn());
                date(row, c++, p.deliveryDueOn());
                text(row, c++, p.placement() == null ? null : p.placement().label());
                text(row, c++, p.construction() == null ? null : p.construction().label());
                text(row, c++, p.buildingType() == null ? null : p.buildingType().label());
                text(row, c++, v.progressPeriod() == null ? null : v.progressPeriod().toString());
                number(row, c++, v.progressPeriod() == null ? null : v.investment());
                text(row, c++, v.imageProgress());
                text(row, c++, v.carriedOver() ? "续建结转" : null);
                text(row, c, p.note());
            }
            sheet.createFreezePane(4, 2);
            wb.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void text(Row row, int c, String v) {
        if (v != null) {
            row.createCell(c).setCellValue(v);
        }
    }

    private static void number(Row row, int c, BigDecimal v) {
        if (v != null) {
            row.createCell(c).setCellValue(v.doubleValue());
        }
    }

    /** Dates as ISO text: unambiguous in every office suite and read back as they are. */
    private static void date(Row row, int c, LocalDate v) {
        if (v != null) {
            row.createCell(c).setCellValue(v.toString());
        }
    }
}
