package org.anju.intake;

import org.apache.poi.hssf.usermodel.HSSFWorkbook;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.FormulaError;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.function.Supplier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** XLSX and XLS built with POI, read back. */
class SpreadsheetTest {

    private final SourceReader reader = new SourceReader();

    private static SourceRow row(int number, String... cells) {
        return new SourceRow(number, List.of(cells), false);
    }

    /** A breakdown table with a two-row merged header, decimals, formulas, blanks, a hidden sheet. */
    static byte[] breakdownWorkbook(Supplier<Workbook> kind) {
        return TestFiles.bytes(out -> {
            try (Workbook workbook = kind.get()) {
                CellStyle twoDecimals = workbook.createCellStyle();
                twoDecimals.setDataFormat(workbook.createDataFormat().getFormat("0.00"));
                CellStyle percent = workbook.createCellStyle();
                percent.setDataFormat(workbook.createDataFormat().getFormat("0.0%"));
                CellStyle date = workbook.createCellStyle();
                date.setDataFormat(workbook.createDataFormat().getFormat("yyyy-mm-dd"));
                CellStyle thousands = workbook.createCellStyle();
                thousands.setDataFormat(workbook.createDataFormat().getFormat("#,##0"));

                Sheet sheet = workbook.createSheet("附件1");
                sheet.createRow(0).createCell(0).setCellValue("  2023年城镇老旧小区改造开工任务表 ");
                sheet.addMergedRegion(new CellRangeAddress(0, 0, 0, 4));
                sheet.createRow(1).createCell(0).setCellValue("单位：万平方米、户");
                Row header1 = sheet.createRow(2);
                header1.createCell(0).setCellValue("县市区");
                header1.createCell(1).setCellValue("2023年度改造计划");
                sheet.addMergedRegion(new CellRangeAddress(2, 3, 0, 0));
                sheet.addMergedRegion(new CellRangeAddress(2, 2, 1, 4));
                header1.createCell(2).setCellValue("合并区域里藏着的字"); // hidden under the merge: ""
                Row header2 = sheet.createRow(3);
                header2.createCell(1).setCellValue("面积");
                header2.createCell(2).setCellValue("户数");
                header2.createCell(3).setCellValue("完成率");
                header2.createCell(4).setCellValue("下达日期");

                Row total = sheet.createRow(4);
                total.createCell(0).setCellValue("合计");
                total.createCell(1).setCellFormula("SUM(B6:B7)");
                total.createCell(2).setCellFormula("SUM(C6:C7)");
                total.createCell(3).setCellValue(0.125);
                total.getCell(3).setCellStyle(percent);
                total.createCell(4).setCellValue(LocalDate.of(2023, 1, 30));
                total.getCell(4).setCellStyle(date);

                Row first = sheet.createRow(5);
                first.createCell(0).setCellValue("信州区");
                first.createCell(1).setCellValue(162.4466);
                first.createCell(2).setCellValue(17898);
                first.createCell(3); // blank cell that exists
                // row 7 (index 6): a blank cell in the middle, a value with a fixed two-decimal format
                Row second = sheet.createRow(6);
                second.createCell(0).setCellValue("广丰区");
                second.createCell(1).setCellValue(3.5);
                second.getCell(1).setCellStyle(twoDecimals);
                second.createCell(2).setCellValue(10_000_000);
                second.getCell(2).setCellStyle(thousands);
                // row 8 (index 7) left out entirely; row 9: odd numbers
                Row odd = sheet.createRow(8);
                odd.createCell(0).setCellValue("其他");
                odd.createCell(1).setCellFormula("0.1+0.2");
                odd.createCell(2).setCellValue(3.14159);
                odd.getCell(2).setCellStyle(twoDecimals);
                odd.createCell(3).setCellValue(true);
                odd.createCell(4).setCellValue("001");
                odd.createCell(7); // an empty cell far to the right, beyond the table
                odd.getCell(7).setCellStyle(twoDecimals);

                Sheet hidden = workbook.createSheet("隐藏");
                hidden.createRow(0).createCell(0).setCellValue("不该读到");
                workbook.setSheetHidden(1, true);

                Sheet second2 = workbook.createSheet("附件2");
                second2.createRow(2).createCell(1).setCellValue("从 B3 开始");
                workbook.createSheet("空表");

                workbook.getCreationHelper().createFormulaEvaluator().evaluateAll();
                workbook.write(out);
            }
        });
    }

    @ParameterizedTest
    @ValueSource(strings = {"xlsx", "xls"})
    void breakdownTableIsReadCellByCell(String extension) {
        boolean xlsx = extension.equals("xlsx");
        byte[] bytes = breakdownWorkbook(xlsx ? XSSFWorkbook::new : HSSFWorkbook::new);

        SourceDocument document = reader.read("计划." + extension, bytes);

        assertThat(document.format()).isEqualTo(xlsx ? SourceFormat.XLSX : SourceFormat.XLS);
        assertThat(document.encoding()).isNull();
        assertThat(document.sheets()).extracting(SourceSheet::name).containsExactly("附件1", "附件2", "空表");
        assertThat(document.sheet("空表").rows()).isEmpty();
        assertThat(document.sheet("附件1").rows()).containsExactly(
                row(1, "2023年城镇老旧小区改造开工任务表", "", "", "", ""),
                row(2, "单位：万平方米、户"),
                row(3, "县市区", "2023年度改造计划", "", "", ""),
                row(4, "", "面积", "户数", "完成率", "下达日期"),
                row(5, "合计", "165.9466", "10017898", "12.5%", "2023-01-30"),
                row(6, "信州区", "162.4466", "17898", ""),
                row(7, "广丰区", "3.50", "10000000"),
                // 3.14159 under 0.00 is shown 3.14: the stored value read, what the table shows kept beside it
                new SourceRow(9, List.of("其他", "0.3", "3.14159", "TRUE", "001"), false, java.util.Map.of(2, "3.14")));
        assertThat(document.sheet("附件2").rows()).containsExactly(row(3, "", "从 B3 开始"));
    }

    @CsvSource(delimiter = '|', value = {
            "162.4466|General|162.4466",
            "162.44660000000001|General|162.4466",
            "10000000|General|10000000",
            "1.0E7|0.00|10000000.00",
            "3.5|0.00|3.50",
            "3.14159|0.00|3.14159",
            "3|0|3",
            "4106|#,##0|4106",
            "1234.5|#,##0.00_);[Red](#,##0.00)|1234.50",
            "0.5|0%|50%",
            "0.125|0.00%|12.50%",
            "-0.0|General|0",
            "1E-5|General|0.00001",
            "1E21|General|1000000000000000000000",
            "0.30000000000000004|General|0.3",
            "2.5|\"约\"0.0\"万\"|2.5",
            "12345.678|0.00E+00|12345.678",
    })
    @ParameterizedTest
    void numbersAreExactDecimalsPaddedToTheirFormat(double value, String format, String expected) {
        assertThat(SpreadsheetParser.number(value, format)).isEqualTo(expected);
    }

    @Test
    void formulaWithoutCachedResultIsCalculated() {
        byte[] bytes = TestFiles.bytes(out -> {
            try (XSSFWorkbook workbook = new XSSFWorkbook()) {
                Row row = workbook.createSheet("表").createRow(0);
                row.createCell(0).setCellValue(1060);
                row.createCell(1).setCellValue(3046);
                row.createCell(2).setCellFormula("A1+B1"); // never evaluated: no cached value in the file
                row.createCell(3).setCellFormula("\"上饶\"&\"市\"");
                workbook.write(out);
            }
        });

        assertThat(reader.read("计划.xlsx", bytes).sheet("表").rows())
                .containsExactly(row(1, "1060", "3046", "4106", "上饶市"));
    }

    /** A sheet 表: A1 1060, B1 3046, C1 =A1+B1 with {@code cached} saved as its result (XLSX as Excel writes it). */
    private static byte[] sumWithCachedResult(String cached) {
        return TestFiles.bytes(out -> {
            try (XSSFWorkbook workbook = new XSSFWorkbook()) {
                Row row = workbook.createSheet("表").createRow(0);
                row.createCell(0).setCellValue(1060);
                row.createCell(1).setCellValue(3046);
                row.createCell(2).setCellFormula("A1+B1");
                ((org.apache.poi.xssf.usermodel.XSSFCell) row.getCell(2)).getCTCell().setV(cached);
                workbook.write(out);
            }
        });
    }

    @Test
    void formulaWhoseSavedResultIsRecalculatedAlikeIsRead() {
        assertThat(reader.read("计划.xlsx", sumWithCachedResult("4106")).sheet("表").rows())
                .containsExactly(row(1, "1060", "3046", "4106"));
    }

    @Test
    void formulaWhoseSavedResultDiffersIsRefusedNamingTheCell() {
        InputException e = catchThrowableOfType(InputException.class,
                () -> reader.read("计划.xlsx", sumWithCachedResult("5000")));

        assertThat(e.getMessage()).isEqualTo("文件 计划.xlsx，工作表 表，第 1 行，第 C 列：公式 =A1+B1 保存的结果 5000 "
                + "与重新计算的结果 4106 不一致（保存时未重新计算）。请在 Excel 中打开、按 F9 重新计算并保存后重新上传");
    }

    @Test
    void staleResultsInAnXlsAreRefusedToo() {
        byte[] bytes = TestFiles.bytes(out -> {
            try (HSSFWorkbook workbook = new HSSFWorkbook()) {
                Row row = workbook.createSheet("表").createRow(0);
                row.createCell(0).setCellValue(2);
                row.createCell(1).setCellFormula("A1*3");
                workbook.getCreationHelper().createFormulaEvaluator().evaluateAll();
                row.getCell(0).setCellValue(5); // changed after the last calculation
                workbook.write(out);
            }
        });

        InputException e = catchThrowableOfType(InputException.class, () -> reader.read("计划.xls", bytes));

        assertThat(e.getMessage()).isEqualTo("文件 计划.xls，工作表 表，第 1 行，第 B 列：公式 =A1*3 保存的结果 6 "
                + "与重新计算的结果 15 不一致（保存时未重新计算）。请在 Excel 中打开、按 F9 重新计算并保存后重新上传");
    }

    @Test
    void formulaThatCannotBeRecalculatedIsRefusedAskingForValues() {
        byte[] bytes = TestFiles.rewriteZip(sumWithCachedResult("4106"), java.util.Map.of("xl/worksheets/sheet1.xml",
                xml -> new String(xml, java.nio.charset.StandardCharsets.UTF_8).replace("<f>A1+B1</f>", "<f>_xlfn.NOSUCHFUNCTION(A1)</f>")
                        .getBytes(java.nio.charset.StandardCharsets.UTF_8)));

        InputException e = catchThrowableOfType(InputException.class, () -> reader.read("计划.xlsx", bytes));

        assertThat(e.getMessage()).isEqualTo("文件 计划.xlsx，工作表 表，第 1 行，第 C 列：公式 =_xlfn.NOSUCHFUNCTION(A1) "
                + "在这里无法重新计算核对（可能用了不支持的函数或引用了其他文件）。请在 Excel 中把这些单元格复制后“选择性粘贴为数值”，再上传");
    }

    @Test
    void volatileFormulasKeepTheirSavedResult() {
        byte[] bytes = TestFiles.bytes(out -> {
            try (XSSFWorkbook workbook = new XSSFWorkbook()) {
                CellStyle date = workbook.createCellStyle();
                date.setDataFormat(workbook.createDataFormat().getFormat("yyyy-mm-dd"));
                Cell cell = workbook.createSheet("表").createRow(0).createCell(0);
                cell.setCellFormula("TODAY()");
                cell.setCellStyle(date);
                ((org.apache.poi.xssf.usermodel.XSSFCell) cell).getCTCell().setV("45000"); // the day it was saved
                workbook.write(out);
            }
        });

        assertThat(reader.read("计划.xlsx", bytes).sheet("表").rows()).containsExactly(row(1, "2023-03-15"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"xlsx", "xls"})
    void errorValuesAreProblemsNamingTheCell(String extension) {
        byte[] bytes = TestFiles.bytes(out -> {
            try (Workbook workbook = extension.equals("xlsx") ? new XSSFWorkbook() : new HSSFWorkbook()) {
                Sheet sheet = workbook.createSheet("附件1");
                Row header = sheet.createRow(0);
                header.createCell(0).setCellValue("县");
                Row row = sheet.createRow(11);
                row.createCell(0).setCellValue("上饶市");
                row.createCell(2).setCellErrorValue(FormulaError.NA.getCode());
                row.createCell(3).setCellFormula("1/0");
                workbook.getCreationHelper().createFormulaEvaluator().evaluateAll();
                workbook.write(out);
            }
        });

        InputException e = catchThrowableOfType(InputException.class, () -> reader.read("计划." + extension, bytes));

        assertThat(e.problems()).containsExactly(
                new InputProblem("计划." + extension, "附件1", 12, 3, "单元格是错误值 #N/A，请改正后重新上传"),
                new InputProblem("计划." + extension, "附件1", 12, 4, "公式 =1/0 的结果是错误值 #DIV/0!，请改正后重新上传"));
        assertThat(e.getMessage()).isEqualTo(
                "文件 计划." + extension + "，工作表 附件1，第 12 行，第 C 列：单元格是错误值 #N/A，请改正后重新上传\n"
                        + "文件 计划." + extension + "，工作表 附件1，第 12 行，第 D 列：公式 =1/0 的结果是错误值 #DIV/0!，请改正后重新上传");
    }

    @Test
    void cellsStyledOutToTheLastColumnDoNotWidenRows() {
        byte[] bytes = TestFiles.bytes(out -> {
            try (XSSFWorkbook workbook = new XSSFWorkbook()) {
                CellStyle bordered = workbook.createCellStyle();
                bordered.setBorderBottom(org.apache.poi.ss.usermodel.BorderStyle.THIN);
                Sheet sheet = workbook.createSheet("表");
                for (int r = 0; r < 500; r++) {
                    Row row = sheet.createRow(r);
                    row.createCell(0).setCellValue("县" + r);
                    row.createCell(1).setCellValue(r);
                    row.createCell(2).setCellStyle(bordered);
                    row.createCell(16383).setCellStyle(bordered); // column XFD
                }
                sheet.getRow(0).createCell(2).setCellValue("备注");
                workbook.write(out);
            }
        });

        List<SourceRow> rows = reader.read("计划.xlsx", bytes).sheet("表").rows();

        assertThat(rows).hasSize(500);
        assertThat(rows.get(0)).isEqualTo(row(1, "县0", "0", "备注"));
        assertThat(rows.get(499)).isEqualTo(row(500, "县499", "499", ""));
    }

    @Test
    void datesAndTimesAreIso() {
        byte[] bytes = TestFiles.bytes(out -> {
            try (XSSFWorkbook workbook = new XSSFWorkbook()) {
                CellStyle dateTime = workbook.createCellStyle();
                dateTime.setDataFormat(workbook.createDataFormat().getFormat("yyyy/m/d h:mm"));
                CellStyle chineseDate = workbook.createCellStyle();
                chineseDate.setDataFormat(workbook.createDataFormat().getFormat("yyyy\"年\"m\"月\"d\"日\""));
                CellStyle time = workbook.createCellStyle();
                time.setDataFormat(workbook.createDataFormat().getFormat("h:mm:ss"));
                Row row = workbook.createSheet("表").createRow(0);
                Cell a = row.createCell(0);
                a.setCellValue(LocalDateTime.of(2024, 1, 9, 8, 30));
                a.setCellStyle(dateTime);
                Cell b = row.createCell(1);
                b.setCellValue(LocalDate.of(2023, 12, 31));
                b.setCellStyle(chineseDate);
                Cell c = row.createCell(2);
                c.setCellValue(0.5 + 15.0 / 86400);
                c.setCellStyle(time);
                workbook.write(out);
            }
        });

        assertThat(reader.read("计划.xlsx", bytes).sheet("表").rows())
                .containsExactly(row(1, "2024-01-09T08:30", "2023-12-31", "12:00:15"));
    }

    /** A NUL in a cell (issue 10: a 500 once) is named, not stored or dropped. */
    @Test
    void aControlCharacterInACellIsNamed() {
        byte[] bytes = TestFiles.bytes(out -> {
            try (XSSFWorkbook workbook = new XSSFWorkbook()) {
                Row row = workbook.createSheet("表").createRow(1);
                row.createCell(0).setCellValue("信州区");
                row.createCell(1).setCellValue("12NUL3");
                workbook.write(out);
            }
        });
        // as some programs write it: Excel's escape for a character XML cannot hold
        byte[] withNul = TestFiles.rewriteZip(bytes, java.util.Map.of("xl/sharedStrings.xml", xml ->
                new String(xml, java.nio.charset.StandardCharsets.UTF_8).replace("12NUL3", "12_x0000_3")
                        .getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        assertThatThrownBy(() -> reader.read("计划.xlsx", withNul)).isInstanceOf(InputException.class)
                .satisfies(e -> assertThat(((InputException) e).problems()).singleElement()
                        .extracting(InputProblem::describe).isEqualTo("文件 计划.xlsx，工作表 表，第 2 行，第 B 列："
                                + "单元格含有不可见的控制字符（代码 0），无法保存；请删去该字符（可重新输入该单元格的内容）后重新上传"));
    }
}
