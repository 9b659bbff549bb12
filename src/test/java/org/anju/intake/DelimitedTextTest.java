package org.anju.intake;

import org.junit.jupiter.api.Test;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** CSV and TSV in the encodings they come in. */
class DelimitedTextTest {

    private static final Charset GBK = Charset.forName("GBK");
    private static final String TABLE = "市、县名称,新建（筹集）,基本建成\n上饶市,4106,1060\n南昌县,3000,\n";

    private final SourceReader reader = new SourceReader();

    private static SourceRow row(int number, String... cells) {
        return new SourceRow(number, List.of(cells), false);
    }

    private static List<SourceRow> rows(SourceDocument document) {
        assertThat(document.sheets()).singleElement().extracting(SourceSheet::name).isEqualTo("正文");
        return document.sheets().getFirst().rows();
    }

    private static final List<SourceRow> EXPECTED = List.of(
            row(1, "市、县名称", "新建（筹集）", "基本建成"),
            row(2, "上饶市", "4106", "1060"),
            row(3, "南昌县", "3000", ""));

    @Test
    void utf8() {
        SourceDocument document = reader.read("计划.csv", TABLE.getBytes(StandardCharsets.UTF_8));

        assertThat(document.format()).isEqualTo(SourceFormat.CSV);
        assertThat(document.encoding()).isEqualTo("UTF-8");
        assertThat(rows(document)).isEqualTo(EXPECTED);
    }

    @Test
    void utf8WithByteOrderMarkAndCrlf() {
        SourceDocument document = reader.read("计划.csv",
                ("\uFEFF" + TABLE.replace("\n", "\r\n")).getBytes(StandardCharsets.UTF_8));

        assertThat(document.encoding()).isEqualTo("UTF-8");
        assertThat(rows(document)).isEqualTo(EXPECTED);
    }

    @Test
    void gbkIsDetected() throws Exception {
        SourceDocument document = reader.read("计划.csv", TABLE.getBytes("GBK"));

        assertThat(document.encoding()).isEqualTo("GB18030");
        assertThat(rows(document)).isEqualTo(EXPECTED);
    }

    @Test
    void gbkDeclaredAsGbk() {
        SourceDocument document = reader.read("计划.csv", TABLE.getBytes(GBK), GBK);

        assertThat(document.encoding()).isEqualTo("GBK");
        assertThat(rows(document)).isEqualTo(EXPECTED);
    }

    @Test
    void gbkDeclaredAsUtf8IsRefusedAtTheFirstBadByte() {
        byte[] gbk = "名称,任务\nA,1\nabcd上饶市,4106\n".getBytes(GBK);

        InputException e = catchThrowableOfType(InputException.class,
                () -> reader.read("计划.csv", gbk, StandardCharsets.UTF_8));

        // "名称" in GBK is not UTF-8 either: the very first byte is reported
        assertThat(e.problems()).containsExactly(new InputProblem("计划.csv", null, 1, 1,
                "不是有效的 UTF-8 编码（疑似 GBK），请另存为 UTF-8 或选择 GBK"));

        byte[] asciiFirst = "name,task\nA,1\nabcd上饶市,4106\n".getBytes(GBK);
        e = catchThrowableOfType(InputException.class, () -> reader.read("计划.csv", asciiFirst, StandardCharsets.UTF_8));
        assertThat(e.problems()).containsExactly(new InputProblem("计划.csv", null, 3, 5,
                "不是有效的 UTF-8 编码（疑似 GBK），请另存为 UTF-8 或选择 GBK"));
        assertThat(e.getMessage()).isEqualTo(
                "文件 计划.csv，第 3 行，第 5 列：不是有效的 UTF-8 编码（疑似 GBK），请另存为 UTF-8 或选择 GBK");
    }

    @Test
    void utf8DeclaredAsGbkIsRefusedRatherThanReadAsMojibake() {
        // these UTF-8 bytes happen to be valid GBK too: decoding "succeeds", as mojibake
        byte[] utf8 = "name,task\n上饶,4106\n任务,1\n".getBytes(StandardCharsets.UTF_8);
        assertThat(new String(utf8, GBK)).doesNotContain("上饶").doesNotContain("\uFFFD");

        InputException e = catchThrowableOfType(InputException.class, () -> reader.read("计划.csv", utf8, GBK));

        assertThat(e.getMessage()).isEqualTo(
                "文件 计划.csv，第 2 行，第 1 列：按 GBK 读取会是乱码：文件内容是 UTF-8 编码，请选择 UTF-8");
    }

    @Test
    void utf8DeclaredAsGbkThatDoesNotDecodeAsGbk() {
        byte[] utf8 = "name,task\nabcd上饶市,4106\n".getBytes(StandardCharsets.UTF_8);

        InputException e = catchThrowableOfType(InputException.class, () -> reader.read("计划.csv", utf8, GBK));

        assertThat(e.getMessage()).isEqualTo(
                "文件 计划.csv，第 2 行，第 9 列：不是有效的 GBK 编码（疑似 UTF-8），请另存为 GBK 或选择 UTF-8");
    }

    @Test
    void quotedFieldsWithDelimitersQuotesAndLineBreaks() {
        String csv = "名称,备注,数量\n"
                + "\"上饶市\",\"第一行\r\n第二行\",\"1,234\"\n"
                + "\"南昌\"\"市\"\"\",,\"\"\n"
                + "  \"空格\"  ,x,y\n";

        SourceDocument document = reader.read("计划.csv", csv.getBytes(StandardCharsets.UTF_8));

        assertThat(rows(document)).containsExactly(
                row(1, "名称", "备注", "数量"),
                row(2, "上饶市", "第一行\n第二行", "1,234"),
                row(4, "南昌\"市\"", "", ""),        // numbered by the physical line it starts on
                row(5, "空格", "x", "y"));
    }

    @Test
    void aQuoteInsideAnUnquotedFieldIsAnOrdinaryCharacter() {
        assertThat(rows(reader.read("a.csv", "a,5\"寸,b\n".getBytes(StandardCharsets.UTF_8))))
                .containsExactly(row(1, "a", "5\"寸", "b"));
    }

    @Test
    void anUnclosedQuoteIsAnErrorNamingRowAndColumn() {
        byte[] csv = "名称,备注\n上饶市,\"没有结束\n南昌市,1\n".getBytes(StandardCharsets.UTF_8);

        InputException e = catchThrowableOfType(InputException.class, () -> reader.read("计划.csv", csv));

        assertThat(e.getMessage()).isEqualTo(
                "文件 计划.csv，正文，第 2 行，第 B 列：引号没有闭合：从第 2 行开始的带引号字段一直到文件末尾都没有结束的引号");
    }

    @Test
    void textAfterAClosingQuoteIsAnError() {
        byte[] csv = "名称,备注\n上饶市,\"12\"3,4\n".getBytes(StandardCharsets.UTF_8);

        InputException e = catchThrowableOfType(InputException.class, () -> reader.read("计划.csv", csv));

        assertThat(e.problems()).singleElement().satisfies(p -> {
            assertThat(p.row()).isEqualTo(2);
            assertThat(p.column()).isEqualTo(2);
            assertThat(p.describe()).startsWith("文件 计划.csv，正文，第 2 行，第 B 列：带引号的字段在结束引号后还有多余的字符");
        });
    }

    @Test
    void delimiterIsDetected() {
        SourceDocument semicolons = reader.read("计划.csv", "市;开工;建成\n上饶市;4106;1060,5\n".getBytes(StandardCharsets.UTF_8));
        assertThat(semicolons.format()).isEqualTo(SourceFormat.CSV);
        assertThat(rows(semicolons)).containsExactly(row(1, "市", "开工", "建成"), row(2, "上饶市", "4106", "1060,5"));

        SourceDocument tabsInCsv = reader.read("计划.csv", "市\t开工\n上饶市\t4,106\n".getBytes(StandardCharsets.UTF_8));
        assertThat(tabsInCsv.format()).isEqualTo(SourceFormat.TSV);
        assertThat(rows(tabsInCsv)).containsExactly(row(1, "市", "开工"), row(2, "上饶市", "4,106"));

        SourceDocument tsv = reader.read("计划.tsv", "市\t开工\t建成\n\"上饶市\"\t4106\t\n".getBytes(StandardCharsets.UTF_8));
        assertThat(tsv.format()).isEqualTo(SourceFormat.TSV);
        assertThat(rows(tsv)).containsExactly(row(1, "市", "开工", "建成"), row(2, "上饶市", "4106", ""));
    }

    @Test
    void aSingleFieldLineIsProseAndEmptyRecordsAreLeftOut() {
        String csv = "2023年发展保障性租赁住房目标任务分解表\n\n单位：套\n,,\n市,开工\n上饶市,4106\n";

        assertThat(rows(reader.read("计划.csv", csv.getBytes(StandardCharsets.UTF_8)))).containsExactly(
                new SourceRow(1, List.of("2023年发展保障性租赁住房目标任务分解表"), true),
                new SourceRow(3, List.of("单位：套"), true),
                row(5, "市", "开工"),
                row(6, "上饶市", "4106"));
    }

    @Test
    void columnsBeyondZAreNamedLikeASpreadsheet() {
        StringBuilder csv = new StringBuilder();
        for (int i = 0; i < 27; i++) {
            csv.append(i == 0 ? "" : ",").append(i);
        }
        csv.append("\n");
        for (int i = 0; i < 27; i++) {
            csv.append(i == 0 ? "" : ",").append(i == 26 ? "\"x" : "y");
        }
        InputException e = catchThrowableOfType(InputException.class,
                () -> reader.read("宽.csv", csv.toString().getBytes(StandardCharsets.UTF_8)));
        assertThat(e.getMessage()).startsWith("文件 宽.csv，正文，第 2 行，第 AA 列：引号没有闭合");
    }
}
