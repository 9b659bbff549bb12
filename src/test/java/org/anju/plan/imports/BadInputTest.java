package org.anju.plan.imports;

import org.anju.AnjuTest;
import org.anju.plan.imports.ImportResult.Problem;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

/** Bad input gets an error naming file, sheet, row and column, and writes nothing. */
@AnjuTest
class BadInputTest {

    private static final String HEAD = """
            2023年发展保障性租赁住房目标任务分解表
            单位：套、间
            县市区\t筹集（开工）\t基本建成
            合计\t300\t100
            """;

    @Autowired
    PlanImporter importer;
    @Autowired
    JdbcClient jdbc;

    private long plansBefore;
    private long batchesBefore;
    private long targetsBefore;

    @BeforeEach
    void count() {
        plansBefore = count("plan");
        batchesBefore = count("import_batch");
        targetsBefore = count("target");
    }

    @AfterEach
    void nothingWritten() {
        assertThat(count("plan")).isEqualTo(plansBefore);
        assertThat(count("import_batch")).isEqualTo(batchesBefore);
        assertThat(count("target")).isEqualTo(targetsBefore);
    }

    private long count(String table) {
        return jdbc.sql("select count(*) from " + table).query(Long.class).single();
    }

    private ImportResult importText(String name, String text) {
        return importer.importFile(name, text.getBytes(StandardCharsets.UTF_8), ImportOptions.commit());
    }

    @Test
    void unknownRegionNameIsListedWithItsRow() {
        ImportResult r = importText("上饶.tsv", HEAD + "玉山县\t200\t100\n火星县\t100\t\n");
        assertThat(r.ok()).isFalse();
        assertThat(r.problems()).containsExactly(new Problem("上饶.tsv", "正文", 6, 1,
                "2023年发展保障性租赁住房目标任务分解表：无法识别的地区名称「火星县」（在上饶市范围内）："
                        + "请指定它是哪个地区，如 --region \"火星县=六位代码\"（代码可在“地区”页查找），"
                        + "或不导入该行：--region \"火星县=ignore\"",
                r.problems().getFirst().text()));
        assertThat(r.problems().getFirst().text()).contains("上饶.tsv").contains("第 6 行");
    }

    @Test
    void nonNumericAndNegativeCellsNameTheirColumn() {
        ImportResult r = importText("上饶.tsv", HEAD + "玉山县\t2OO\t100\n铅山县\t-5\t\n");
        assertThat(r.problems()).extracting(Problem::row, Problem::column, Problem::message).containsExactly(
                org.assertj.core.groups.Tuple.tuple(5, 2, "2023年发展保障性租赁住房目标任务分解表：不是数字「2OO」"),
                org.assertj.core.groups.Tuple.tuple(6, 2, "2023年发展保障性租赁住房目标任务分解表：不能为负数「-5」"));
    }

    /** A count is whole: 200.5 套 is a typo, refused naming its cell rather than stored or rounded (nothing written). */
    @Test
    void aFractionOfACountNamesItsCell() {
        ImportResult r = importText("上饶.tsv", HEAD + "玉山县\t200.5\t100\n铅山县\t100\t\n");
        assertThat(r.problems()).extracting(Problem::row, Problem::column, Problem::message).containsExactly(
                org.assertj.core.groups.Tuple.tuple(5, 2, "2023年发展保障性租赁住房目标任务分解表：保障性租赁住房筹集（开工）（套）"
                        + "应为整数：「200.5」（按套计数，不能有小数；请核对原表）"));
    }

    /**
     * In a workbook the count judged is the cell's value, which its format may show rounded: a 万套 cell formatted
     * 0.00 shows 1.23 and holds 1.23456, 12,345.6 套 — the message says what the table shows, or the official sees 1.23
     * and a refusal of 1.23456 (review of the twentieth session, L5). Only there: a text cell "1.00005" and a number in
     * General show what is stored, and were told it "may show rounded" (review of the twenty-first session, L6).
     */
    @Test
    void aFractionInAWorkbookSaysWhatTheTableShowsWhereItsFormatRoundsIt() {
        byte[] xlsx = org.anju.Workbooks.xlsx("分解表",
                new Object[] {"2023年发展保障性租赁住房目标任务分解表"}, new Object[] {"单位：万套"},
                new Object[] {"县市区", "筹集（开工）"},
                new Object[] {"合计", org.anju.Workbooks.formatted(4.23461, "0.00")},
                new Object[] {"玉山县", org.anju.Workbooks.formatted(1.23456, "0.00")},
                new Object[] {"铅山县", "1.00005"},
                new Object[] {"广丰区", 2.0});
        ImportResult r = importer.importFile("上饶.xlsx", xlsx, ImportOptions.commit());
        String what = "2023年发展保障性租赁住房目标任务分解表：保障性租赁住房筹集（开工）（套）应为整数：";
        assertThat(r.problems()).extracting(Problem::sheet, Problem::row, Problem::column, Problem::message).contains(
                org.assertj.core.groups.Tuple.tuple("分解表", 5, 2, what + "「1.23456」即 12345.6 套（按套计数，不能有小数；"
                        + "这是单元格里存的数值，表格按单元格格式显示为舍入后的 1.23；请核对原表）"),
                org.assertj.core.groups.Tuple.tuple("分解表", 6, 2, what + "「1.00005」即 10000.5 套（按套计数，不能有小数；"
                        + "请核对原表）"));
        byte[] general = org.anju.Workbooks.xlsx("分解表",
                new Object[] {"2023年发展保障性租赁住房目标任务分解表"}, new Object[] {"单位：万套"},
                new Object[] {"县市区", "筹集（开工）"}, new Object[] {"合计", 1.00005}, new Object[] {"玉山县", 1.00005});
        assertThat(importer.importFile("上饶.xlsx", general, ImportOptions.commit()).problems()).extracting(Problem::message)
                .contains(what + "「1.00005」即 10000.5 套（按套计数，不能有小数；请核对原表）");
    }

    @Test
    void aPercentageIsNotATarget() {
        ImportResult r = importText("上饶.tsv", HEAD + "玉山县\t100%\t100\n");
        assertThat(r.problems()).extracting(Problem::message)
                .containsExactly("2023年发展保障性租赁住房目标任务分解表：是百分比「100%」，但该列是目标任务（应填数量）");
    }

    @Test
    void aColumnNamingNoKnownProgramIsAskedAndNotStored() {
        String text = """
                2023年目标任务分解表
                县市区\t开工
                合计\t100
                玉山县\t100
                """;
        ImportResult preview = importer.importFile("表.tsv", text.getBytes(StandardCharsets.UTF_8), ImportOptions.preview());
        assertThat(preview.ok()).isTrue();
        assertThat(preview.complete()).isFalse();
        assertThat(preview.questions()).extracting(ImportResult.Question::kind, ImportResult.Question::key,
                        ImportResult.Question::where)
                .contains(org.assertj.core.groups.Tuple.tuple("COLUMN", "开工", "2023年目标任务分解表 第 B 列"));
        assertThat(preview.questions().getFirst().text()).contains("工程类别").contains("--program");
        assertThat(preview.figures()).isEmpty();

        ImportResult r = importText("表.tsv", text);
        assertThat(r.problems()).extracting(Problem::message).singleElement().asString()
                .startsWith("尚有 1 处含义不确定，未写入任何数据：2023年目标任务分解表 第 B 列：「开工」：表头、表名和上下文都没有写明工程类别");
    }

    @Test
    void aNameAmbiguousWithoutItsCityIsRefused() {
        ImportResult r = importer.importFile("江西.tsv", (HEAD + "中心城区\t300\t100\n").getBytes(StandardCharsets.UTF_8),
                new ImportOptions(false, null, false, "360000", null, null, null, null, null, null, null, null, false,
                        null, null));
        assertThat(r.problems()).hasSize(1);
        assertThat(r.problems().getFirst().message()).contains("第 5 行").contains("「中心城区」可能是南昌市中心城区、")
                .contains("--region \"中心城区=代码\"");
    }

    @Test
    void aUnitOutsideTheIssuerIsRefused() {
        ImportResult r = importer.importFile("上饶.tsv", (HEAD + "南昌县\t300\t100\n").getBytes(StandardCharsets.UTF_8),
                new ImportOptions(false, null, false, "361100", null, null, null, null, null, null, null, null, false,
                        null, null));
        assertThat(r.problems()).extracting(Problem::message)
                .containsExactly("2023年发展保障性租赁住房目标任务分解表：「南昌县」（南昌县）不属于发文地区上饶市");
    }

    @Test
    void aFileWithoutATableSaysSo() {
        ImportResult r = importText("通知.txt", "关于进一步做好住房保障工作的通知\n各市县：\n现通知如下。\n");
        assertThat(r.problems()).extracting(Problem::file, Problem::row)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("通知.txt", null));
        assertThat(r.problems().getFirst().message()).startsWith("未在文件中找到表格");
    }

    @Test
    void gbkDeclaredAsUtf8IsAnErrorWithItsLine() {
        byte[] gbk = (HEAD + "玉山县\t200\t100\n").getBytes(Charset.forName("GBK"));
        ImportResult r = importer.importFile("上饶.csv", gbk, ImportOptions.commit().asDryRun(false)
                .withEncoding(StandardCharsets.UTF_8));
        assertThat(r.ok()).isFalse();
        assertThat(r.problems().getFirst().file()).isEqualTo("上饶.csv");
        assertThat(r.problems().getFirst().row()).isEqualTo(1);
    }

    @Test
    void aCorruptSpreadsheetIsRefusedByName() {
        byte[] notReally = "PK\u0003\u0004this is not a zip".getBytes(StandardCharsets.ISO_8859_1);
        ImportResult r = importer.importFile("计划.xlsx", notReally, ImportOptions.commit());
        assertThat(r.ok()).isFalse();
        assertThat(r.problems().getFirst().file()).isEqualTo("计划.xlsx");
        assertThat(r.problems().getFirst().text()).contains("计划.xlsx");
    }

    @Test
    void anEmptyFileIsRefused() {
        ImportResult r = importer.importFile("空.csv", new byte[0], ImportOptions.commit());
        assertThat(r.ok()).isFalse();
        assertThat(r.problems().getFirst().file()).isEqualTo("空.csv");
    }
}
