package org.anju.report;

import org.anju.AnjuTest;
import org.anju.intake.InputException;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;

import java.time.YearMonth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A 月报 workbook as a county or city keeps it: a title row above the header and a 合计 row below the units. The 合计
 * row is checked against the rows above it and left out, said in the answer; it used to refuse the whole file with
 * "未知地区：合计" and "“月份”不能为空" (trial of 2026-12-04).
 */
@AnjuTest
@TestPropertySource(properties = "anju.test.database=report_import_total_row")
class ReportImportTotalRowTest {

    @Autowired
    Reports reports;
    @Autowired
    ReportImport imports;

    static byte[] workbook(Object total) {
        return org.anju.Workbooks.xlsx("月报",
                new Object[] {"张掖市保障性安居工程月报表（2024年5月）"},
                new Object[] {"地区", "月份", "已发放户数（户）", "发放金额（万元）"},
                new Object[] {"甘州区", "2024年5月", "１２０", 35.5},
                new Object[] {"临泽县", "2024年5月", 30, null},
                new Object[] {"合  计", null, total, 35.5});
    }

    @Test
    void aTotalRowThatAddsUpIsLeftOutAndSaid() {
        ReportImport.ImportSummary s = imports.importFile("五月.xlsx", workbook(150), "620700", false);
        assertThat(s.saved()).isEqualTo(2);
        assertThat(s.columnsRead()).endsWith("；第 5 行“合  计”是合计行，与其上各行之和相符，未作为单位月报导入");
        assertThat(reports.get("620702", YearMonth.of(2024, 5)).value("RENTAL_SUBSIDY.ISSUE.HOUSEHOLD", ""))
                .isEqualByComparingTo("120");
        assertThat(reports.get("620723", YearMonth.of(2024, 5)).value("RENTAL_SUBSIDY.ISSUE.YUAN_10K", ""))
                .as("a blank stays blank").isNull();
    }

    @Test
    void aMonthThatMayNotChangeIsRefusedOnItsRowAndNothingIsWritten() {
        // July imported and submitted; then a file with July and August: July's row is refused by name and row (it was
        // the whole import's "导入失败：甘州区2024-07 月报已上报，不能修改"), and August is not written either
        imports.importFile("七月.xlsx", org.anju.Workbooks.xlsx("月报", new Object[] {"地区", "月份", "已发放户数（户）"},
                new Object[] {"甘州区", "2024年7月", 100}), "620700", true);
        assertThatThrownBy(() -> imports.importFile("七八月.xlsx", org.anju.Workbooks.xlsx("月报",
                new Object[] {"地区", "月份", "已发放户数（户）"},
                new Object[] {"甘州区", "2024年8月", 130},
                new Object[] {"甘州区", "2024年7月", 110}), "620700", false))
                .isInstanceOfSatisfying(InputException.class, e -> assertThat(e.problems()).extracting(Object::toString)
                        .containsExactly("文件 七八月.xlsx，工作表 月报，第 3 行，第 B 列：甘州区2024年7月月报已上报，不能修改："
                                + "请上级退回后再导入，或从文件中删去该行"));
        assertThat(reports.get("620702", YearMonth.of(2024, 7)).value("RENTAL_SUBSIDY.ISSUE.HOUSEHOLD", ""))
                .isEqualByComparingTo("100");
        assertThat(reports.get("620702", YearMonth.of(2024, 8)).id()).as("nothing written").isNull();
    }

    @Test
    void aTotalRowThatDoesNotAddUpRefusesTheFileNamingTheCell() {
        assertThatThrownBy(() -> imports.importFile("六月.xlsx", workbook(160), "620700", false))
                .isInstanceOfSatisfying(InputException.class, e -> assertThat(e.problems()).extracting(Object::toString)
                        .containsExactly("文件 六月.xlsx，工作表 月报，第 5 行，第 C 列：合计行的“已发放户数（户）”为 160，"
                                + "与其上各行之和 150 不符：请核对各行和合计，或删去合计行"));
    }
}
