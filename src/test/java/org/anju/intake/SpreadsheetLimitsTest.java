package org.anju.intake;

import org.apache.poi.hssf.usermodel.HSSFWorkbook;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** The per-file limits of {@link SpreadsheetLimits}: refused early, within a small heap, with a message saying what to do. */
class SpreadsheetLimitsTest {

    /** The heap the reading JVM gets; reading the dense file the old way needed about 6 GB. */
    private static final String HEAP = "-Xmx256m";

    private final SourceReader reader = new SourceReader();

    private static int small(int row, int column) {
        int h = row * 0x9E3779B1 + column * 0x85EBCA77;
        h ^= h >>> 15;
        h *= 0x2C1B3C6D;
        h ^= h >>> 12;
        return Math.floorMod(h, 1000);
    }

    /** Runs {@link BoundedRead} on {@code content} in a JVM with {@link #HEAP}; its result line. */
    private static String readInSmallHeap(Path dir, String name, byte[] content) throws IOException, InterruptedException {
        Path file = dir.resolve("upload.xlsx");
        Files.write(file, content);
        Process process = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                HEAP, "-XX:+UseSerialGC", "-cp", System.getProperty("java.class.path"),
                BoundedRead.class.getName(), file.toString(), name)
                .redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor()).as(output).isZero();
        return output.lines().filter(l -> l.startsWith("RESULT ")).findFirst()
                .orElseThrow(() -> new AssertionError(output)).substring("RESULT ".length());
    }

    @Test
    void denseFileOfMillionsOfSmallCellsIsRefusedWithinASmallHeap(@TempDir Path dir) throws Exception {
        // the shape of the report: 6.9 million small numbers, 19 MB, in sheets below the 64 MB part limit
        var sheet = GeneratedXlsx.unreferencedNumbers(1, 57_500, 30, (r, c) -> small(r, c) * 10 + small(c, r) % 10);
        byte[] dense = GeneratedXlsx.workbook(null, sheet, sheet, sheet, sheet);
        assertThat(dense.length).as("%d bytes", dense.length).isBetween(15 * 1024 * 1024, SourceReader.MAX_FILE_BYTES);

        assertThat(readInSmallHeap(dir, "密集.xlsx", dense)).isEqualTo("REFUSED 文件 密集.xlsx，工作表 Sheet1，第 33334 行："
                + "超过单个文件最多 1000000 个单元格的限制（每行从 A 列数到最后一个有内容的单元格）。"
                + "请删去无关的工作表、行或列，或分成几个文件上传");
    }

    @Test
    void fileJustUnderTheLimitsIsReadWholeWithinTheSameHeap(@TempDir Path dir) throws Exception {
        // 33,333 rows × 30 columns = 999,990 cells, one short row more makes 999,999
        byte[] full = GeneratedXlsx.workbook(null, out -> {
            GeneratedXlsx.numbers(1, 33_333, 30, SpreadsheetLimitsTest::small).write(out);
            out.write("<row r=\"33334\"><c r=\"I33334\" t=\"inlineStr\"><is><t> 合计 </t></is></c></row>");
        });

        String first = new SourceRow(1, java.util.stream.IntStream.range(0, 30)
                .mapToObj(c -> String.valueOf(small(1, c))).toList(), false).toString();
        assertThat(readInSmallHeap(dir, "全省项目.xlsx", full)).isEqualTo("READ 33334 999999 " + first
                + " | SourceRow[number=33334, cells=[, , , , , , , , 合计], prose=false, shown={}]");
    }

    @Test
    void tooManyRows() {
        byte[] tall = GeneratedXlsx.workbook(null, GeneratedXlsx.numbers(1, 100_001, 1, (r, c) -> r));

        InputException e = catchThrowableOfType(InputException.class, () -> reader.read("长表.xlsx", tall));

        assertThat(e.getMessage()).isEqualTo("文件 长表.xlsx，工作表 Sheet1，第 100001 行：超过单个文件最多 100000 行（有内容的行）的限制。"
                + "请删去无关的工作表、行或列，或分成几个文件上传");
    }

    @Test
    void tooManySharedStringsAreRefusedBeforeAnySheetIsRead() {
        byte[] strings = GeneratedXlsx.workbook(out -> {
            for (int i = 0; i <= SpreadsheetLimits.MAX_SHARED_STRINGS; i++) {
                out.write("<si><t>" + i + "</t></si>");
            }
        }, GeneratedXlsx.numbers(1, 1, 1, (r, c) -> 1));

        InputException e = catchThrowableOfType(InputException.class, () -> reader.read("字符串.xlsx", strings));

        assertThat(e.getMessage()).isEqualTo("文件 字符串.xlsx：共享字符串表超过 1000000 个不同的字符串（单个文件的单元格上限）。"
                + "请删去无关的工作表、行或列，或分成几个文件上传");
    }

    @Test
    void aRowReachingColumnXfdCountsAllItsCells() {
        byte[] wide = GeneratedXlsx.workbook(null, out -> {
            for (int r = 1; r <= 62; r++) {
                out.write("<row r=\"" + r + "\"><c r=\"XFD" + r + "\"><v>1</v></c></row>");
            }
        });

        InputException e = catchThrowableOfType(InputException.class, () -> reader.read("宽表.xlsx", wide));

        assertThat(e.getMessage()).startsWith("文件 宽表.xlsx，工作表 Sheet1，第 62 行：超过单个文件最多 1000000 个单元格的限制");
    }

    @Test
    void formulasInAWorkbookTooLargeToRecomputeAreRefusedNamingTheFirst() {
        // 6,667 rows × 30 = 200,010 cells, one a formula (B2)
        byte[] large = GeneratedXlsx.workbook(null, out -> {
            GeneratedXlsx.numbers(1, 1, 30, (r, c) -> c).write(out);
            out.write("<row r=\"2\"><c r=\"A2\"><v>1</v></c><c r=\"B2\"><f>A2+1</f><v>2</v></c>");
            for (int c = 2; c < 30; c++) {
                out.write("<c r=\"" + InputProblem.columnLetters(c + 1) + "2\"><v>" + c + "</v></c>");
            }
            out.write("</row>");
            GeneratedXlsx.numbers(3, 6_667, 30, (r, c) -> c).write(out);
        });

        InputException e = catchThrowableOfType(InputException.class, () -> reader.read("大表.xlsx", large));

        assertThat(e.getMessage()).isEqualTo("文件 大表.xlsx，工作表 Sheet1，第 2 行，第 B 列：这里是公式。"
                + "含公式的工作簿最多 200000 个单元格（本文件 200010 个）才能在这里重新计算、核对公式的结果。"
                + "请在 Excel 中把公式复制后“选择性粘贴为数值”，或分成几个文件上传");
    }

    @Test
    void largeXlsIsRefusedBeforeItIsLoaded() {
        byte[] xls = TestFiles.bytes(out -> {
            try (HSSFWorkbook workbook = new HSSFWorkbook()) {
                Sheet sheet = workbook.createSheet("附件1");
                for (int r = 0; r < 20_001; r++) {
                    Row row = sheet.createRow(r);
                    for (int c = 0; c < 10; c++) {
                        row.createCell(c).setCellValue(r + c);
                    }
                }
                workbook.write(out);
            }
        });

        InputException e = catchThrowableOfType(InputException.class, () -> reader.read("旧表.xls", xls));

        assertThat(e.getMessage()).isEqualTo("文件 旧表.xls：Excel 97-2003 格式（.xls）的文件最多 200000 个单元格"
                + "（含空白但有格式的单元格和不同的字符串），本文件超过了。请用 Excel 另存为 .xlsx 后上传");
    }

    @Test
    void streamingGivesWhatTheObjectModelGives() throws Exception {
        for (byte[] bytes : List.of(SpreadsheetTest.breakdownWorkbook(org.apache.poi.xssf.usermodel.XSSFWorkbook::new))) {
            List<InputProblem> problems = new java.util.ArrayList<>();
            List<SourceSheet> usermodel;
            try (var workbook = new org.apache.poi.xssf.usermodel.XSSFWorkbook(new java.io.ByteArrayInputStream(bytes))) {
                usermodel = SpreadsheetParser.parse("计划.xlsx", workbook, problems);
            }
            XlsxStream.Result streamed = XlsxStream.read("计划.xlsx", bytes, new SpreadsheetLimits("计划.xlsx"));

            assertThat(streamed.sheets()).isEqualTo(usermodel);
            assertThat(streamed.problems()).isEqualTo(problems).isEmpty();
        }
    }
}
