package org.anju.bulletin;

import org.anju.platform.TableXlsx;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.PrintSetup;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

import static org.anju.bulletin.BulletinTable.HeaderCell;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The bulletin's XLSX (issue 14): rates are numbers formatted 0.0% (they were text), 未报 stays text, and 附件1 — ten
 * columns, three header rows — prints on A4 one page wide, landscape, with its header rows repeated.
 */
class XlsxWriterTest {

    /** 附件1 as the Zhangye bulletin prints it: 地区, then 年度任务/开工量/开工率 for three programs. */
    static BulletinTable attachment1() {
        List<List<HeaderCell>> header = List.of(
                List.of(new HeaderCell("地区", 1, 3), new HeaderCell("城镇老旧小区改造项目", 3, 1),
                        new HeaderCell("棚户区改造项目", 3, 1), new HeaderCell("保障性租赁住房项目", 3, 1)),
                List.of(new HeaderCell("开工情况", 3, 1), new HeaderCell("开工情况", 3, 1), new HeaderCell("开工情况", 3, 1)),
                List.of(HeaderCell.of("年度任务"), HeaderCell.of("开工量"), HeaderCell.of("开工率"),
                        HeaderCell.of("年度任务"), HeaderCell.of("开工量"), HeaderCell.of("开工率"),
                        HeaderCell.of("年度任务"), HeaderCell.of("开工量"), HeaderCell.of("开工率")));
        List<List<String>> rows = new ArrayList<>();
        rows.add(List.of("全市", "2503", "2532", "101.2%", "40", "40", "100.0%", "1300", "1300", "100.0%"));
        rows.add(List.of("甘州区", "1100", "1078", "98.0%", "", "", "", "1300", "1300", "100.0%"));
        rows.add(List.of("山丹县", "300", "未报", "未报", "", "", "", "", "", ""));
        // enough counties to need more than one printed page down: the header must repeat
        for (int i = 0; i < 60; i++) {
            rows.add(List.of("县" + i, "10", "5", "50.0%", "", "", "", "", "", ""));
        }
        return new BulletinTable("附件1", "张掖市2023年1—12月保障性安居工程开工情况表", "单位：户、套", header, rows,
                "备注：未报为本月未报送的单位。");
    }

    @Test
    void ratesAreNumbersFormattedAsPercentagesAndUnreportedStaysText() throws IOException {
        try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(
                TableXlsx.write(List.of(XlsxWriter.table(attachment1())))))) {
            XSSFSheet s = wb.getSheet("附件1");
            // title, 单位 line, three header rows, then 全市
            var city = s.getRow(5);
            assertThat(city.getCell(0).getStringCellValue()).isEqualTo("全市");
            assertThat(city.getCell(1).getCellType()).isEqualTo(CellType.NUMERIC);
            assertThat(city.getCell(1).getNumericCellValue()).isEqualTo(2503);
            assertThat(city.getCell(3).getCellType()).as("a rate is a number, not the text 101.2%").isEqualTo(CellType.NUMERIC);
            assertThat(city.getCell(3).getNumericCellValue()).isEqualTo(1.012);
            assertThat(city.getCell(3).getCellStyle().getDataFormatString()).isEqualTo("0.0%");
            var shandan = s.getRow(7);
            assertThat(shandan.getCell(2).getStringCellValue()).isEqualTo("未报");
            assertThat(shandan.getCell(3).getStringCellValue()).isEqualTo("未报");
            assertThat(s.getRow(6).getCell(4).getStringCellValue()).as("no such figure stays blank").isEmpty();
        }
    }

    @Test
    void attachment1FitsOneA4PageWideWithRepeatedHeaderRows() throws IOException {
        try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(
                TableXlsx.write(List.of(XlsxWriter.table(attachment1())))))) {
            XSSFSheet s = wb.getSheet("附件1");
            PrintSetup ps = s.getPrintSetup();
            assertThat(ps.getPaperSize()).isEqualTo(PrintSetup.A4_PAPERSIZE);
            assertThat(ps.getLandscape()).isTrue();
            assertThat(s.getFitToPage()).isTrue();
            assertThat(ps.getFitWidth()).as("one page wide, not two").isEqualTo((short) 1);
            assertThat(ps.getFitHeight()).as("as many pages down as needed").isEqualTo((short) 0);
            assertThat(s.getRepeatingRows().formatAsString()).isEqualTo("3:5");
            assertThat(s.getMergedRegions().stream().map(r -> r.formatAsString()).toList())
                    .contains("A1:J1", "A3:A5", "B3:D3", "B4:D4", "H4:J4");
            assertThat(s.getFooter().getCenter()).contains("&P").contains("&N");
        }
    }

    @Test
    void printedTextsAreReadBackAsTypedCells() {
        assertThat(XlsxWriter.cell("101.2%").display()).isEqualTo("101.2%");
        assertThat(XlsxWriter.cell("1092.28").display()).isEqualTo("1092.28");
        assertThat(XlsxWriter.cell("未报")).isEqualTo(org.anju.platform.Table.Cell.UNREPORTED);
        assertThat(XlsxWriter.cell("甘州区").numeric()).isFalse();
        assertThat(XlsxWriter.cell("").display()).isEmpty();
    }
}
