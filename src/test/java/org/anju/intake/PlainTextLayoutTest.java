package org.anju.intake;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.anju.intake.PlainTextSeedsTest.SEED_000;
import static org.anju.intake.PlainTextSeedsTest.SEED_001;
import static org.assertj.core.api.Assertions.assertThat;

/** Line endings, byte-order marks, spaces and the two layouts on small texts. */
class PlainTextLayoutTest {

    private final SourceReader reader = new SourceReader();

    private List<SourceRow> rows(String text) {
        SourceDocument document = reader.read("计划.txt", text.getBytes(StandardCharsets.UTF_8));
        assertThat(document.format()).isEqualTo(SourceFormat.TEXT);
        assertThat(document.sheets()).singleElement().extracting(SourceSheet::name).isEqualTo("正文");
        return document.sheets().getFirst().rows();
    }

    private static SourceRow row(int number, String... cells) {
        return new SourceRow(number, List.of(cells), false);
    }

    private static SourceRow prose(int number, String text) {
        return new SourceRow(number, List.of(text), true);
    }

    @Test
    void crlfAndByteOrderMarkChangeNothing() {
        for (String seed : List.of(SEED_001, SEED_000)) {
            String text = new String(TestFiles.seed(seed), StandardCharsets.UTF_8);
            byte[] windows = ("\uFEFF" + text.replace("\n", "\r\n")).getBytes(StandardCharsets.UTF_8);

            SourceDocument plain = reader.read(seed, TestFiles.seed(seed));
            SourceDocument converted = reader.read(seed, windows);

            assertThat(converted.encoding()).isEqualTo("UTF-8");
            assertThat(converted.sheets()).isEqualTo(plain.sheets());
        }
    }

    @Test
    void oldMacLineEndsAreLineEndsToo() {
        assertThat(rows("标题\r市\t任务\r上饶市\t4106\r")).containsExactly(
                prose(1, "标题"), row(2, "市", "任务"), row(3, "上饶市", "4106"));
    }

    @Test
    void fullWidthAndTrailingSpacesAreTrimmed() {
        assertThat(rows("　　附件 1　\n单位：套  \n 市、县名称 \t 新建（筹集）　\t基本建成\u00A0\n　上饶市\t4106 \t　\n"))
                .containsExactly(
                        prose(1, "附件 1"),
                        prose(2, "单位：套"),
                        row(3, "市、县名称", "新建（筹集）", "基本建成"),
                        row(4, "上饶市", "4106", ""));
    }

    @Test
    void trailingEmptyCellsAreKeptUpToTheBlockWidth() {
        assertThat(rows("市\t开工\t建成\n南昌县\t3000\t\n遂川县\t\t200\n抚州市\t1\t2\t\t\t\n\n合计\t5\t\t\n"))
                .containsExactly(
                        row(1, "市", "开工", "建成"),
                        row(2, "南昌县", "3000", ""),
                        row(3, "遂川县", "", "200"),
                        row(4, "抚州市", "1", "2"),          // beyond the block's three columns: cut
                        row(6, "合计", "5"));                // a block of its own, two columns wide
    }

    @Test
    void rowsAreNotPaddedToTheWidestRow() {
        assertThat(rows("市\t开工\t建成\n南昌县\t3000\n")).containsExactly(
                row(1, "市", "开工", "建成"), row(2, "南昌县", "3000"));
    }

    @Test
    void aLineOfOnlyTabsIsBlankInRowPerLineLayout() {
        assertThat(rows("市\t开工\n\t\t\n南昌县\t3000\n")).containsExactly(
                row(1, "市", "开工"), row(3, "南昌县", "3000"));
    }

    @Test
    void cellPerLineRowsAreSeparatedByBlankLinesAndNumberedByTheirFirstLine() {
        assertThat(rows("附件2\n单位：户\n\t市、县名称\n\t年度计划\n发放户数\n\n\t合计\n\t7766\n\n\t弋阳县\n\t\n   \n")).containsExactly(
                prose(1, "附件2"),
                prose(2, "单位：户"),
                row(3, "市、县名称", "年度计划发放户数"),
                row(7, "合计", "7766"),
                row(10, "弋阳县", ""));
    }

    @Test
    void cellPerLineWithCrlfAndSpacesAroundCells() {
        assertThat(rows("\t县市区 \r\n\t　开工\r\n\r\n\t合计\r\n\t 4106\r\n")).containsExactly(
                row(1, "县市区", "开工"), row(4, "合计", "4106"));
    }

    @Test
    void tinyFiles() {
        assertThat(rows("a")).containsExactly(prose(1, "a"));
        assertThat(rows("\n1")).containsExactly(prose(2, "1"));
        assertThat(rows("a\tb")).containsExactly(row(1, "a", "b"));
        assertThat(reader.read("无扩展名", "市\t任务\n".getBytes(StandardCharsets.UTF_8)).format()).isEqualTo(SourceFormat.TEXT);
    }

    @Test
    void layoutDetection() {
        assertThat(PlainTextParser.layout(PlainTextParser.lines(new String(TestFiles.seed(SEED_000), StandardCharsets.UTF_8))))
                .isEqualTo(PlainTextParser.Layout.CELL_PER_LINE);
        assertThat(PlainTextParser.layout(PlainTextParser.lines(new String(TestFiles.seed(SEED_001), StandardCharsets.UTF_8))))
                .isEqualTo(PlainTextParser.Layout.ROW_PER_LINE);
        // second header rows starting with a tab do not make a row-per-line document cell-per-line
        assertThat(PlainTextParser.layout(List.of("市\t2022年度\t\t", "\t面积\t户数\t栋数", "南昌市\t1\t2\t3")))
                .isEqualTo(PlainTextParser.Layout.ROW_PER_LINE);
        // no tab at all: a table copied from a web page or a PDF (cells separated by spaces), or only prose
        assertThat(PlainTextParser.layout(List.of("只有文字", "没有表格"))).isEqualTo(PlainTextParser.Layout.SPACED);
    }

    @Test
    void aTableCopiedFromAWebPageWithSpaces() {
        // 住建部's table as a repost prints it: single spaces, a blank line between rows, 合计 without its 序号
        assertThat(rows("(截至2023年6月末)\n\n序号 省份 新开工小区数(个) 开工率\n\n1 貴州 1071 全部開工\n\n"
                + "2 河北 1816 99%\n\n合計 42621 80.4%\n")).containsExactly(
                prose(1, "(截至2023年6月末)"),
                row(3, "序号", "省份", "新开工小区数(个)", "开工率"),
                row(5, "1", "貴州", "1071", "全部開工"),
                row(7, "2", "河北", "1816", "99%"),
                row(9, "", "合計", "42621", "80.4%"));
        // a sentence stays prose; runs of spaces keep "合 计" one cell
        assertThat(rows("全省计划开工 14.29 万套，其中临沂 8296 套。\n地 区    开工\n合 计    100\n玉山县    100\n"))
                .containsExactly(prose(1, "全省计划开工 14.29 万套，其中临沂 8296 套。"),
                        row(2, "地 区", "开工"), row(3, "合 计", "100"), row(4, "玉山县", "100"));
    }

    @Test
    void aTwoRowHeaderPrintedAsTextIsLaidOutOverItsColumns() {
        assertThat(rows("序号 省份 小区数(个) 户数(万户)\n计划任务数 开工数 计划任务数 开工数\n1 河北 3698 3698 53.00 53.25\n"
                + "2 湖北 3053 2660 43.31 38.87\n")).containsExactly(
                row(1, "序号", "省份", "小区数(个)", "", "户数(万户)", ""),
                row(2, "", "", "计划任务数", "开工数", "计划任务数", "开工数"),
                row(3, "1", "河北", "3698", "3698", "53.00", "53.25"),
                row(4, "2", "湖北", "3053", "2660", "43.31", "38.87"));
    }

    @Test
    void oneCellPerLineIsRebuiltOnlyWhenOneWidthExplainsEveryLine() {
        assertThat(rows("县(市、区)\n小区数\n户数\n全市小计:\n12\n300\n德城区\n7\n200\n陵城区\n5\n100\n")).containsExactly(
                row(1, "县(市、区)", "小区数", "户数"),
                row(4, "全市小计:", "12", "300"),
                row(7, "德城区", "7", "200"),
                row(10, "陵城区", "5", "100"));
        // a column printed after the other (figures first, names after): no width explains it, so no table
        assertThat(rows("区市\n小区数(个)\n30\n18\n8\n1.芝罘区\n2.牟平区\n3.黄渤海新区\n"))
                .allMatch(SourceRow::prose);
    }
}
