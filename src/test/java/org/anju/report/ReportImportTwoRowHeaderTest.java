package org.anju.report;

import org.anju.AnjuTest;
import org.anju.intake.InputException;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;

import java.io.ByteArrayOutputStream;
import java.time.YearMonth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A 月报 workbook as a county keeps it: a title, a header of two rows — the form's groups (住房租赁补贴, 中央补助 …)
 * merged over their items, 地区 and 月份 merged down both rows — or names over a row of units. It used to be refused
 * with "“住房租赁补贴”不是月报导入的列" for the group row, the items below it never read (trial of 2026-12-04).
 */
@AnjuTest
@TestPropertySource(properties = "anju.test.database=report_import_two_row_header")
class ReportImportTwoRowHeaderTest {

    @Autowired
    Reports reports;
    @Autowired
    ReportImport imports;

    static byte[] workbook(String fundsGroup) throws Exception {
        try (XSSFWorkbook wb = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Sheet s = wb.createSheet("月报");
            row(s, 0, "甘州区保障性安居工程月报表（2024年7月）");
            s.addMergedRegion(new CellRangeAddress(0, 0, 0, 6));
            row(s, 1, "地区", "月份", "住房租赁补贴", null, "公租房信息系统录入", fundsGroup, null);
            row(s, 2, null, null, "已发放户数（户）", "发放金额（万元）", "信息录入（户）", "到位资金（万元）", "拨付（万元）");
            s.addMergedRegion(new CellRangeAddress(1, 2, 0, 0));
            s.addMergedRegion(new CellRangeAddress(1, 2, 1, 1));
            s.addMergedRegion(new CellRangeAddress(1, 1, 2, 3));
            s.addMergedRegion(new CellRangeAddress(1, 1, 5, 6));
            row(s, 3, "甘州区", "2024年7月", "１２０", "35.5", "10", "1000", "400");
            wb.write(out);
            return out.toByteArray();
        }
    }

    static void row(Sheet s, int r, String... cells) {
        Row row = s.createRow(r);
        for (int c = 0; c < cells.length; c++) {
            if (cells[c] != null) {
                row.createCell(c).setCellValue(cells[c]);
            }
        }
    }

    @Test
    void groupsMergedOverTheirItemsAreRead() throws Exception {
        ReportImport.ImportSummary s = imports.importFile("七月.xlsx", workbook("中央补助"), "620700", false);
        assertThat(s.columns()).containsExactly("已发放户数（户）", "发放金额（万元）", "信息录入（户）",
                "中央补助·到位资金（万元）", "中央补助·拨付（万元）");
        Report july = reports.get("620702", YearMonth.of(2024, 7));
        assertThat(july.value("RENTAL_SUBSIDY.ISSUE.HOUSEHOLD", "")).isEqualByComparingTo("120");
        assertThat(july.value("HOUSING.FUND_RECEIVED.YUAN_10K", "CENTRAL_SUBSIDY")).isEqualByComparingTo("1000");
        assertThat(july.value("HOUSING.FUND_DISBURSED.YUAN_10K", "CENTRAL_SUBSIDY")).isEqualByComparingTo("400");
    }

    @Test
    void aGroupTheFormDoesNotHaveIsRefusedNamingTheCellNotDropped() throws Exception {
        assertThatThrownBy(() -> imports.importFile("八月.xlsx", workbook("市级配套"), "620700", false))
                .isInstanceOfSatisfying(InputException.class, e -> assertThat(e.problems()).extracting(Object::toString)
                        .hasSize(2).allSatisfy(p -> assertThat(p).startsWith("文件 八月.xlsx，工作表 月报，第 3 行，第 ")
                                .contains("“市级配套·").contains("不是月报导入的列")));
    }

    @Test
    void aRowOfUnitsUnderTheNamesIsRead() {
        byte[] csv = ("地区,月份,已发放户数,发放金额\n,,户,万元\n甘州区,2024-09,130,36\n").getBytes(java.nio.charset.StandardCharsets.UTF_8);
        ReportImport.ImportSummary s = imports.importFile("九月.csv", csv, "620700", false);
        assertThat(s.columns()).containsExactly("已发放户数（户）", "发放金额（万元）");
        assertThat(reports.get("620702", YearMonth.of(2024, 9)).value("RENTAL_SUBSIDY.ISSUE.YUAN_10K", ""))
                .isEqualByComparingTo("36");
        byte[] yuan = ("地区,月份,已发放户数,发放金额\n,,户,元\n甘州区,2024-10,130,360000\n").getBytes(java.nio.charset.StandardCharsets.UTF_8);
        assertThatThrownBy(() -> imports.importFile("十月.csv", yuan, "620700", false))
                .isInstanceOfSatisfying(InputException.class, e -> assertThat(e.problems()).extracting(Object::toString)
                        .containsExactly("文件 十月.csv，正文，第 2 行，第 D 列：“发放金额（元）”不是月报导入的列（应为 发放金额（万元））："
                                + "请改用该列名并按其单位填写，或删去该列"));
    }
}
