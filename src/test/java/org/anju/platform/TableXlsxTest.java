package org.anju.platform;

import org.anju.platform.Table.Cell;
import org.anju.platform.Table.Head;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.PrintSetup;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The workbook read back with POI: cell types, formats, merges and print setup as an official prints them. */
class TableXlsxTest {

    /** 地区 | 城镇老旧小区改造（年度任务, 开工量, 开工率）| 棚户区改造（…）| 完成投资（万元） — 8 columns, two header rows. */
    static Table progress() {
        List<List<Head>> header = List.of(
                List.of(Head.down("地区", 2), Head.across("城镇老旧小区改造", 3), Head.across("棚户区改造", 3),
                        Head.down("完成投资（万元）", 2)),
                List.of(Head.of("年度任务"), Head.of("开工量"), Head.of("开工率"),
                        Head.of("年度任务"), Head.of("开工量"), Head.of("开工率")));
        List<List<Cell>> rows = new Table.Rows()
                .row().text("全市").add(Cell.integer(2503)).add(Cell.integer(2532)).add(Cell.percent(new BigDecimal("101.2")))
                .add(Cell.integer(40)).add(Cell.integer(20)).add(Cell.percent(new BigDecimal("50.0"))).add(Cell.figure(new BigDecimal("15149.50")))
                .row().text("甘州区").add(Cell.integer(1100)).add(Cell.integer(1078)).add(Cell.rate(new BigDecimal("0.98")))
                .add(Cell.NONE).add(Cell.NONE).add(Cell.NONE).add(Cell.figure(new BigDecimal("1092.28")))
                .row().text("山丹县").add(Cell.integer(300)).add(Cell.UNREPORTED).add(Cell.UNREPORTED)
                .add(Cell.integer(10)).add(Cell.UNREPORTED).add(Cell.UNREPORTED).add(Cell.UNREPORTED)
                .build();
        return new Table("附件1", "张掖市2023年1—12月保障性安居工程开工情况表", "填报单位：张掖市　截止日期：2023年12月31日",
                header, rows, "备注：未报为本月未报送的单位。");
    }

    static XSSFWorkbook read(byte[] bytes) throws IOException {
        return new XSSFWorkbook(new ByteArrayInputStream(bytes));
    }

    @Test
    void numbersAreNumbersRatesArePercentagesAndUnreportedIsText() throws IOException {
        try (XSSFWorkbook wb = read(TableXlsx.write(List.of(progress())))) {
            Sheet s = wb.getSheet("附件1");
            // title, unit line, two header rows, then the body from row 4
            var city = s.getRow(4);
            assertThat(city.getCell(0).getStringCellValue()).isEqualTo("全市");
            assertThat(city.getCell(1).getCellType()).isEqualTo(CellType.NUMERIC);
            assertThat(city.getCell(1).getNumericCellValue()).isEqualTo(2503);
            assertThat(city.getCell(3).getCellType()).isEqualTo(CellType.NUMERIC);
            assertThat(city.getCell(3).getNumericCellValue()).isEqualTo(1.012);
            assertThat(city.getCell(3).getCellStyle().getDataFormatString()).isEqualTo("0.0%");
            assertThat(city.getCell(7).getNumericCellValue()).isEqualTo(15149.5);
            assertThat(city.getCell(7).getCellStyle().getDataFormatString()).isEqualTo("0.0");
            var ganzhou = s.getRow(5);
            assertThat(ganzhou.getCell(7).getCellStyle().getDataFormatString()).isEqualTo("0.00");
            assertThat(ganzhou.getCell(3).getNumericCellValue()).isEqualTo(0.98);
            assertThat(ganzhou.getCell(4).getStringCellValue()).isEqualTo("—");
            var shandan = s.getRow(6);
            assertThat(shandan.getCell(2).getCellType()).isEqualTo(CellType.STRING);
            assertThat(shandan.getCell(2).getStringCellValue()).isEqualTo("未报");
            assertThat(shandan.getCell(3).getStringCellValue()).isEqualTo("未报");
            assertThat(s.getRow(7).getCell(0).getStringCellValue()).isEqualTo("备注：未报为本月未报送的单位。");
        }
    }

    @Test
    void theOfficialHeaderLayoutIsKept() throws IOException {
        try (XSSFWorkbook wb = read(TableXlsx.write(List.of(progress())))) {
            XSSFSheet s = wb.getSheet("附件1");
            assertThat(s.getRow(0).getCell(0).getStringCellValue()).isEqualTo("张掖市2023年1—12月保障性安居工程开工情况表");
            assertThat(s.getRow(1).getCell(0).getStringCellValue()).startsWith("填报单位：张掖市");
            List<String> merges = s.getMergedRegions().stream().map(CellRangeAddress::formatAsString).toList();
            assertThat(merges).contains("A1:H1", "A2:H2", "A3:A4", "B3:D3", "E3:G3", "H3:H4", "A8:H8");
            var titleFont = wb.getFontAt(s.getRow(0).getCell(0).getCellStyle().getFontIndex());
            assertThat(titleFont.getFontName()).isEqualTo("黑体");
            assertThat(titleFont.getFontHeightInPoints()).isGreaterThanOrEqualTo((short) 16);
            var head = s.getRow(3).getCell(2).getCellStyle();
            assertThat(s.getRow(3).getCell(2).getStringCellValue()).isEqualTo("开工量");
            assertThat(wb.getFontAt(head.getFontIndex()).getBold()).isTrue();
            assertThat(head.getBorderTop()).isEqualTo(org.apache.poi.ss.usermodel.BorderStyle.THIN);
            assertThat(s.getRow(4).getCell(3).getCellStyle().getBorderRight()).isEqualTo(org.apache.poi.ss.usermodel.BorderStyle.THIN);
            // frozen below the header, right of the region column
            var pane = s.getPaneInformation();
            assertThat(pane.isFreezePane()).isTrue();
            assertThat(pane.getVerticalSplitPosition()).isEqualTo((short) 1);
            assertThat(pane.getHorizontalSplitPosition()).isEqualTo((short) 4);
        }
    }

    @Test
    void everySheetPrintsOnA4OnePageWideWithRepeatedHeaderAndPageNumbers() throws IOException {
        Table narrow = Table.of("排名", "排名", null, List.of("名次", "地区", "比率"),
                List.of(List.of(Cell.integer(1), Cell.text("甘州区"), Cell.percent(new BigDecimal("98.0")))), null);
        try (XSSFWorkbook wb = read(TableXlsx.write(List.of(progress(), narrow)))) {
            XSSFSheet wide = wb.getSheet("附件1");
            PrintSetup ps = wide.getPrintSetup();
            assertThat(ps.getPaperSize()).isEqualTo(PrintSetup.A4_PAPERSIZE);
            assertThat(ps.getLandscape()).as("8 columns print landscape").isTrue();
            assertThat(wide.getFitToPage()).isTrue();
            assertThat(ps.getFitWidth()).isEqualTo((short) 1);
            assertThat(ps.getFitHeight()).isEqualTo((short) 0);
            assertThat(wide.getRepeatingRows().formatAsString()).isEqualTo("3:4");
            assertThat(wide.getFooter().getCenter()).isEqualTo("第 &P 页 共 &N 页");
            assertThat(wide.getMargin(Sheet.TopMargin)).isGreaterThan(0.5);
            XSSFSheet small = wb.getSheet("排名");
            assertThat(small.getPrintSetup().getLandscape()).as("3 columns print portrait").isFalse();
            assertThat(small.getPrintSetup().getPaperSize()).isEqualTo(PrintSetup.A4_PAPERSIZE);
            assertThat(small.getRepeatingRows().formatAsString()).as("no unit line: the header is row 2").isEqualTo("2:2");
        }
    }

    @Test
    void sheetNamesAreMadeSafeAndUnique() throws IOException {
        Table a = Table.of("督导/排名", "t", null, List.of("x"), List.of(), null);
        try (XSSFWorkbook wb = read(TableXlsx.write(List.of(a, a)))) {
            assertThat(wb.getSheetAt(0).getSheetName()).isEqualTo("督导 排名");
            assertThat(wb.getSheetAt(1).getSheetName()).isEqualTo("督导 排名（2）");
        }
    }

    @Test
    void aRowMustBeAsWideAsTheHeader() {
        assertThatThrownBy(() -> Table.of("t", "t", null, List.of("a", "b"), List.of(List.of(Cell.text("x"))), null))
                .hasMessageContaining("a row of 1 cells under a header of 2 columns");
    }

    @Test
    void cellsDisplayAsThePagePrintsThem() {
        assertThat(Cell.percent(new BigDecimal("101.25")).display()).isEqualTo("101.3%");
        assertThat(Cell.rate(new BigDecimal("0.5404")).display()).isEqualTo("54.0%");
        assertThat(Cell.figure(new BigDecimal("1092.280")).display()).isEqualTo("1092.28");
        assertThat(Cell.figure(new BigDecimal("9223.00"))).isEqualTo(Cell.integer(9223));
        assertThat(Cell.figure(null).display()).isEqualTo("—");
        assertThat(Cell.UNREPORTED.display()).isEqualTo("未报");
        assertThat(Cell.UNREPORTED.numeric()).isTrue();
        assertThat(Cell.text("甘州区").numeric()).isFalse();
    }
}
