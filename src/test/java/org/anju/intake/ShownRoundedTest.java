package org.anju.intake;

import org.anju.Workbooks;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.util.List;

import static org.anju.Workbooks.formatted;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * What a workbook's number format shows where it rounds the stored number ({@link SourceRow#shownRounded}): said beside
 * a refused fraction, only for such numbers — a text cell "12.5" shows just that, and so does a number in General or
 * with decimals enough (review of the twenty-first session, L6: the note was given for every workbook cell, "可能").
 * Streamed XLSX, XLS and XLSX with formulas (POI's object model) alike.
 */
class ShownRoundedTest {

    private static final Object[] ROW = {"甘州区", formatted(12.5, "0"), "12.5", 12.5, formatted(12.5, "0.0"),
            formatted(1.23456, "0.00"), formatted(1234.5, "#,##0"), formatted(-0.4, "0"), formatted(0.125, "0%"),
            formatted(12.5, "@"), formatted(45000.5, "yyyy-mm-dd"), formatted(7, "0")};

    private static final String ROUNDED = "这是单元格里存的数值，表格按单元格格式显示为舍入后的 ";

    private static void check(SourceRow row) {
        assertThat(row.cells().subList(1, 4)).containsExactly("12.5", "12.5", "12.5");
        assertThat(row.shownRounded(1)).isEqualTo(ROUNDED + "13");
        assertThat(row.shownRounded(2)).as("text").isNull();
        assertThat(row.shownRounded(3)).as("General").isNull();
        assertThat(row.shownRounded(4)).as("0.0 shows 12.5").isNull();
        assertThat(row.shownRounded(5)).isEqualTo(ROUNDED + "1.23");
        assertThat(row.shownRounded(6)).isEqualTo(ROUNDED + "1235");
        assertThat(row.shownRounded(7)).isEqualTo(ROUNDED + "0");
        assertThat(row.shownRounded(8)).as("a percentage").isNull();
        assertThat(row.shownRounded(9)).as("the text format").isNull();
        assertThat(row.shownRounded(10)).as("a date").isNull();
        assertThat(row.shownRounded(11)).as("whole").isNull();
        assertThat(row.shownRounded(0)).isNull();
        assertThat(row.shownRounded(99)).isNull();
    }

    private static SourceRow first(SourceDocument document) {
        return document.sheets().getFirst().rows().getFirst();
    }

    @Test
    void aStreamedXlsx() {
        check(first(new SourceReader().read("t.xlsx", Workbooks.xlsx("表", ROW))));
    }

    @Test
    void anXls() {
        check(first(new SourceReader().read("t.xls", Workbooks.xls("表", ROW))));
    }

    /** Column B 12.5 under "0" (a formula's result, or a number), C:D merged over a number D would show rounded. */
    private static SourceRow merged(boolean formula) throws Exception {
        try (var book = new org.apache.poi.xssf.usermodel.XSSFWorkbook(); var out = new ByteArrayOutputStream()) {
            var sheet = book.createSheet("表");
            var whole = book.createCellStyle();
            whole.setDataFormat(book.createDataFormat().getFormat("0"));
            var row = sheet.createRow(0);
            row.createCell(0).setCellValue("甘州区");
            var b = row.createCell(1);
            if (formula) {
                b.setCellFormula("25/2");
            } else {
                b.setCellValue(12.5);
            }
            b.setCellStyle(whole);
            row.createCell(2).setCellValue("x");
            var covered = row.createCell(3);
            covered.setCellValue(2.5);
            covered.setCellStyle(whole);
            sheet.addMergedRegion(new org.apache.poi.ss.util.CellRangeAddress(0, 0, 2, 3));
            book.getCreationHelper().createFormulaEvaluator().evaluateAll();
            book.write(out);
            return first(new SourceReader().read("t.xlsx", out.toByteArray()));
        }
    }

    @Test
    void aFormulasResultAndACoveredCell() throws Exception {
        for (boolean formula : new boolean[] {true, false}) {   // POI's object model, then streamed
            SourceRow row = merged(formula);
            assertThat(row.cells()).as("formula " + formula).containsExactly("甘州区", "12.5", "x", "");
            assertThat(row.shownRounded(1)).isEqualTo(ROUNDED + "13");
            assertThat(row.shownRounded(3)).as("covered by a merge").isNull();
            assertThat(List.of(row.shown().keySet().toArray())).containsExactly(1);
        }
    }

    /** Formats that show no decimals rounded: a fraction, a thousands-scaling comma (review of the session, L3). */
    @Test
    void fractionsAndScalingAreNotRoundedDecimals() {
        assertThat(SpreadsheetParser.rounded(12.5, "# ?/?")).as("shows 12 1/2").isNull();
        assertThat(SpreadsheetParser.rounded(12345.6, "0,")).as("shows 12 (thousands)").isNull();
        assertThat(SpreadsheetParser.rounded(12345.6, "#,##0,\"千\"")).isNull();
        assertThat(SpreadsheetParser.rounded(1234.5, "#,##0")).as("a thousands separator rounds").isEqualTo("1235");
        assertThat(SpreadsheetParser.rounded(12.0, "0")).isNull();
    }
}
