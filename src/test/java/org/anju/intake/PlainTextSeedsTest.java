package org.anju.intake;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/** The five seed documents, read exactly. */
class PlainTextSeedsTest {

    private final SourceReader reader = new SourceReader();

    static final String SEED_000 = "000_882ae47dbd807c50.txt";
    static final String SEED_001 = "001_bc1ecb836366de7f.txt";
    static final String SEED_002 = "002_37d43cbaf8be4606.txt";
    static final String SEED_003 = "003_4118a091ed1a504a.txt";
    static final String SEED_004 = "004_64843f5eaf2b07e8.txt";

    static Map<Integer, SourceRow> byNumber(SourceDocument document) {
        assertThat(document.sheets()).hasSize(1);
        return document.sheets().getFirst().rows().stream()
                .collect(Collectors.toMap(SourceRow::number, Function.identity()));
    }

    static void assertRow(Map<Integer, SourceRow> rows, int line, String... cells) {
        assertThat(rows).containsKey(line);
        assertThat(rows.get(line).prose()).as("line %d is a table row", line).isFalse();
        assertThat(rows.get(line).cells()).as("line %d", line).containsExactly(cells);
    }

    static void assertProse(Map<Integer, SourceRow> rows, int line, String text) {
        assertThat(rows).containsKey(line);
        assertThat(rows.get(line).prose()).as("line %d is prose", line).isTrue();
        assertThat(rows.get(line).cells()).as("line %d", line).containsExactly(text);
    }

    @Test
    void seed001RowPerLineWithRepeatedHeadersAndBlankCells() {
        SourceDocument document = reader.read(SEED_001, TestFiles.seed(SEED_001));

        assertThat(document.fileName()).isEqualTo(SEED_001);
        assertThat(document.format()).isEqualTo(SourceFormat.TEXT);
        assertThat(document.encoding()).isEqualTo("UTF-8");
        assertThat(document.sheets().getFirst().name()).isEqualTo("正文");
        Map<Integer, SourceRow> rows = byNumber(document);

        assertProse(rows, 3, "江西省住房和城乡建设厅 江西省发展和改革委员会文件 江西省财政厅");
        assertProse(rows, 83, "附件 1");
        assertProse(rows, 85, "2023年发展保障性租赁住房目标任务分解表");
        assertProse(rows, 87, "单位：套、间");
        assertRow(rows, 89, "市、县名称", "新建（筹集）", "基本建成");
        assertRow(rows, 90, "合计", "165766", "23286");
        assertRow(rows, 134, "上饶市", "4106", "1060");
        assertRow(rows, 93, "南昌县", "3000", "");          // trailing blank cell kept: no task ≠ 0
        assertRow(rows, 154, "遂川县", "", "200");          // blank in the middle
        assertRow(rows, 104, "鹰潭市", "60", "0");          // an explicit 0 stays "0"
        // the header repeats at every page break, as a row like any other
        for (int line : new int[] {89, 112, 140, 168}) {
            assertRow(rows, line, "市、县名称", "新建（筹集）", "基本建成");
        }
        assertRow(rows, 181, "市、县名称", "新建（筹集）");
        assertRow(rows, 193, "市、县名称", "年度计划发放户数");
        assertRow(rows, 299, "赣江新区", "83");
        // two header rows, the first with trailing empty cells (present in the text), the second with a leading one
        assertRow(rows, 436, "市、区", "2022年度改造计划", "", "", "");
        assertRow(rows, 437, "", "面积 (万平方米)", "户数 (户)", "小区个数 (个)", "楼栋数 (栋)");
        assertRow(rows, 470, "全省", "3718.28", "375652", "1245", "25066");
        // blank lines are not rows
        assertThat(rows).doesNotContainKeys(1, 2, 4, 88, 111, 471);
        assertThat(rows.size()).as("non-blank lines").isEqualTo(397);
        assertThat(rows.values().stream().filter(r -> !r.prose()).count()).isEqualTo(334);
    }

    @Test
    void seed000CellPerLineWithContinuedHeaderCell() {
        SourceDocument document = reader.read(SEED_000, TestFiles.seed(SEED_000));
        Map<Integer, SourceRow> rows = byNumber(document);

        assertProse(rows, 1, "关于下达2023年全市保障性安居工程");
        assertProse(rows, 27, "附件 1");
        assertProse(rows, 30, "单位：套、间");
        assertRow(rows, 31, "县市区", "筹集（开工）", "基本建成");
        assertRow(rows, 35, "合计", "4106", "1060");
        assertRow(rows, 39, "上饶经开区", "1096", "0");
        assertRow(rows, 51, "弋阳县", "100", "");           // "\t" alone: an empty cell
        assertRow(rows, 55, "鄱阳县", "200", "");
        assertRow(rows, 83, "市、县名称", "年度计划发放房数");
        assertRow(rows, 122, "婺源县", "800");
        assertRow(rows, 140, "市本级", "2274", "3820");
        assertRow(rows, 144, "信州区", "600", "");
        // "\t建筑面积" + "（万平米）" is one header cell; row numbers are first lines
        assertRow(rows, 202, "县市区", "建筑面积（万平米）", "户数（户）", "小区数（个）", "楼栋数（栋）");
        assertRow(rows, 212, "合计", "162.4466", "17898", "90", "939");
        assertRow(rows, 284, "婺源县", "6.13", "643", "2", "15");
        // lines inside a row are not rows of their own
        assertThat(rows).doesNotContainKeys(32, 33, 36, 52, 53, 203, 204, 213);
        // a line with a tab in the middle (not at the start) stays prose in this layout
        SourceRow line12 = rows.get(12);
        assertThat(line12.prose()).isTrue();
        assertThat(line12.cells()).hasSize(1);
        assertThat(line12.cells().getFirst()).startsWith("全市保障性租赁住房\t基本建成任务为1060套");
        assertProse(rows, 11, "（二）基本建成任务");             // trailing space trimmed
        assertThat(rows.values().stream().filter(r -> !r.prose()).count()).isEqualTo(11 + 14 + 16 + 14);
    }

    @Test
    void seed002TwoHeaderRows() {
        Map<Integer, SourceRow> rows = byNumber(reader.read(SEED_002, TestFiles.seed(SEED_002)));

        assertProse(rows, 3, "赣州市城市棚户区改造攻坚行动方案");
        assertProse(rows, 57, "全市各县（市、区）城市棚户区 改造攻坚行动任务表");
        assertProse(rows, 59, "单位：套（户）");
        assertRow(rows, 61, "县（市、区）", "合计", "", "2023年", "", "2024年", "");
        assertRow(rows, 62, "", "开工", "基本建成", "开工", "基本建成", "开工", "基本建成");
        assertRow(rows, 63, "合计", "45311", "20600", "29951", "8700", "15360", "11900");
        assertRow(rows, 66, "赣州蓉江新区", "5804", "2921", "5804", "1686", "0", "1235");
        assertRow(rows, 83, "石城县", "808", "434", "314", "91", "494", "343");
        assertThat(rows.values().stream().filter(r -> !r.prose()).count()).isEqualTo(23);
    }

    @Test
    void seed003IsAllProseWithFullWidthIndentTrimmed() {
        SourceDocument document = reader.read(SEED_003, TestFiles.seed(SEED_003));
        List<SourceRow> rows = document.sheets().getFirst().rows();

        assertThat(rows).allMatch(SourceRow::prose);
        assertThat(rows.getFirst()).isEqualTo(new SourceRow(1, List.of("关于进一步做好住房保障和棚户区改造工作的通知"), true));
        Map<Integer, SourceRow> byNumber = byNumber(document);
        assertProse(byNumber, 4, "吉安居办〔2021〕10 号");
        assertProse(byNumber, 41, "吉林省保障性安居工程领导小组办公室");
        assertProse(byNumber, 42, "2021年3月23日");
        assertThat(byNumber).doesNotContainKeys(2, 3, 39, 40);   // a space, a full-width space: blank
    }

    @Test
    void seed004ProgressTablesWithThreeHeaderRows() {
        Map<Integer, SourceRow> rows = byNumber(reader.read(SEED_004, TestFiles.seed(SEED_004)));

        assertProse(rows, 82, "2023 年 1—12 月全市保障性安居工程项目进展情况");
        assertRow(rows, 86, "地 区", "城镇老旧小区改造项目", "", "", "棚户区改造项目", "", "", "保障性租赁住房项目", "", "");
        assertRow(rows, 87, "", "开工情况", "", "", "开工情况", "", "", "开工情况", "", "");
        assertRow(rows, 88, "", "年度任务", "开工量", "开工率", "年度任务", "开工量", "开工率", "年度任务", "开工量", "开工率");
        assertRow(rows, 89, "全市", "9223", "9223", "100%", "1392", "1392", "100%", "778", "778", "100%");
        assertRow(rows, 90, "甘州区", "3032", "3032", "100%", "", "", "", "", "", "");
        assertRow(rows, 94, "民乐县", "", "", "", "", "", "", "247", "247", "100%");
        assertProse(rows, 96, "备注：县区排名不分先后。");
        assertRow(rows, 104, "地区", "租赁补贴发放情况", "", "");
        assertRow(rows, 105, "", "任务数", "已发放户数", "完成率");
        assertRow(rows, 112, "肃南县", "65", "70", "107.7%");
        assertRow(rows, 124, "全市", "25480", "15149.5", "59.5%");
        assertRow(rows, 130, "肃南县", "18", "9.9", "55%");
    }

    @Test
    void timingForSeed001() {
        byte[] seed = TestFiles.seed(SEED_001);
        for (int i = 0; i < 20; i++) {
            reader.read(SEED_001, seed); // warm up
        }
        int runs = 100;
        long start = System.nanoTime();
        for (int i = 0; i < runs; i++) {
            reader.read(SEED_001, seed);
        }
        double perRead = (System.nanoTime() - start) / 1e6 / runs;
        System.out.printf("SourceReader: seed 001 (%d bytes) read in %.3f ms on average over %d runs%n",
                seed.length, perRead, runs);
    }
}
