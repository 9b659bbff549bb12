package org.anju.plan.imports;

import org.anju.AnjuTest;
import org.anju.plan.BreakdownTable;
import org.anju.plan.Cell;
import org.anju.plan.Plans;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.apache.poi.xwpf.usermodel.XWPFTableRow;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Breakdown tables as they arrive from other offices: a Word table under its 附件 heading, a
 * spreadsheet with merged header cells. Both must read like the seeds' text.
 */
@AnjuTest
@TestPropertySource(properties = "anju.test.database=formats")
class ImportFormatsTest {

    /** Seed 000's 附件3 (Shangrao shantytown), as printed. */
    private static final String[][] SHANGRAO = {
            {"县市区", "开工", "基本建成"},
            {"合计", "19187", "17460"}, {"市本级", "2274", "3820"}, {"信州区", "600", ""},
            {"广信区", "4817", "3000"}, {"广丰区", "4000", "2500"}, {"上饶经开区", "1851", "4754"},
            {"高铁经济试验区", "200", "200"}, {"玉山县", "506", "506"}, {"铅山县", "150", "150"},
            {"弋阳县", "942", "500"}, {"横峰县", "167", "80"}, {"鄱阳县", "750", "650"},
            {"余干县", "1500", "500"}, {"万年县", "600", "500"}, {"婺源县", "830", "300"}};

    @Autowired
    PlanImporter importer;
    @Autowired
    Plans plans;

    @Test
    void aWordTableUnderItsHeading() throws IOException {
        byte[] docx;
        try (XWPFDocument doc = new XWPFDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            doc.createParagraph().createRun().setText("附件3");
            doc.createParagraph().createRun().setText("2023年城市棚户区改造目标任务分解表");
            doc.createParagraph().createRun().setText("单位：套");
            XWPFTable table = doc.createTable(SHANGRAO.length, 3);
            for (int r = 0; r < SHANGRAO.length; r++) {
                XWPFTableRow row = table.getRow(r);
                for (int c = 0; c < 3; c++) {
                    row.getCell(c).setText(SHANGRAO[r][c]);
                }
            }
            doc.write(out);
            docx = out.toByteArray();
        }
        ImportResult r = importer.importFile("上饶棚改.docx", docx, ImportOptions.commit());
        assertThat(r.problems()).isEmpty();
        try {
            assertThat(r.format()).isEqualTo("DOCX");
            assertThat(r.plan().issuerCode()).isEqualTo("361100");
            BreakdownTable t = plans.tables(r.planId()).getFirst();
            assertThat(t.label()).isEqualTo("附件3");
            assertThat(t.unitLine()).isEqualTo("单位：套");
            assertThat(t.columns()).extracting(c -> c.indicator().code())
                    .containsExactly("SHANTYTOWN.START.UNIT", "SHANTYTOWN.BASIC_COMPLETION.UNIT");
            assertThat(t.rows()).extracting(BreakdownTable.Row::label, row -> row.cells().stream().map(Cell::printed).toList())
                    .containsExactlyElementsOf(java.util.Arrays.stream(SHANGRAO).skip(1)
                            .map(x -> org.assertj.core.groups.Tuple.tuple(x[0], List.of(x[1], x[2]))).toList());
            assertThat(r.findings()).isEmpty();
        } finally {
            plans.delete(r.planId());
        }
    }

    @Test
    void aSpreadsheetWithMergedMultiRowHeaders() throws IOException {
        byte[] xlsx;
        try (XSSFWorkbook wb = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Sheet s = wb.createSheet("攻坚任务");
            s.createRow(0).createCell(0).setCellValue("全市各县（市、区）城市棚户区改造攻坚行动任务表");
            s.addMergedRegion(new CellRangeAddress(0, 0, 0, 6));
            s.createRow(1).createCell(0).setCellValue("单位：套（户）");
            String[] top = {"县（市、区）", "合计", "", "2023年", "", "2024年", ""};
            String[] second = {"", "开工", "基本建成", "开工", "基本建成", "开工", "基本建成"};
            var r2 = s.createRow(2);
            var r3 = s.createRow(3);
            for (int c = 0; c < 7; c++) {
                r2.createCell(c).setCellValue(top[c]);
                r3.createCell(c).setCellValue(second[c]);
            }
            s.addMergedRegion(new CellRangeAddress(2, 3, 0, 0));
            s.addMergedRegion(new CellRangeAddress(2, 2, 1, 2));
            s.addMergedRegion(new CellRangeAddress(2, 2, 3, 4));
            s.addMergedRegion(new CellRangeAddress(2, 2, 5, 6));
            double[][] rows = {{3800, 1704, 2313, 672, 1487, 1032}, {172, 104, 40, 12, 132, 92}};
            String[] labels = {"章贡区", "大余县"};
            var total = s.createRow(4);
            total.createCell(0).setCellValue("合计");
            for (int c = 0; c < 6; c++) {
                total.createCell(c + 1).setCellValue(rows[0][c] + rows[1][c]);
            }
            for (int i = 0; i < 2; i++) {
                var row = s.createRow(5 + i);
                row.createCell(0).setCellValue(labels[i]);
                for (int c = 0; c < 6; c++) {
                    row.createCell(c + 1).setCellValue(rows[i][c]);
                }
            }
            wb.write(out);
            xlsx = out.toByteArray();
        }
        ImportResult r = importer.importFile("赣州攻坚.xlsx", xlsx, ImportOptions.preview());
        assertThat(r.problems()).isEmpty();
        assertThat(r.plan().issuerCode()).isEqualTo("360700");
        assertThat(r.plan().firstYear()).isEqualTo(2023);
        assertThat(r.plan().lastYear()).isEqualTo(2024);
        assertThat(r.tables()).singleElement().satisfies(t -> {
            assertThat(t.title()).isEqualTo("全市各县（市、区）城市棚户区改造攻坚行动任务表");
            assertThat(t.columns()).containsExactly("合计 城市棚户区改造开工（套） 目标任务",
                    "合计 城市棚户区改造基本建成（套） 目标任务", "2023年 城市棚户区改造开工（套） 目标任务",
                    "2023年 城市棚户区改造基本建成（套） 目标任务", "2024年 城市棚户区改造开工（套） 目标任务",
                    "2024年 城市棚户区改造基本建成（套） 目标任务");
            assertThat(t.rows()).isEqualTo(3);
            assertThat(t.figures()).isEqualTo(18);
        });
        assertThat(r.findings()).isEmpty();
    }
}
