package org.anju.intake;

import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.apache.poi.xwpf.usermodel.XWPFTableCell;
import org.apache.poi.xwpf.usermodel.XWPFTableRow;
import org.junit.jupiter.api.Test;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTTcPr;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STMerge;

import java.math.BigInteger;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** DOCX built with POI, read back. */
class WordTest {

    private final SourceReader reader = new SourceReader();

    private static SourceRow row(int number, String... cells) {
        return new SourceRow(number, List.of(cells), false);
    }

    private static SourceRow prose(String text) {
        return new SourceRow(0, List.of(text), true);
    }

    private static CTTcPr tcPr(XWPFTableCell cell) {
        return cell.getCTTc().isSetTcPr() ? cell.getCTTc().getTcPr() : cell.getCTTc().addNewTcPr();
    }

    private static void vMerge(XWPFTableCell cell, boolean restart) {
        if (restart) {
            tcPr(cell).addNewVMerge().setVal(STMerge.RESTART);
        } else {
            tcPr(cell).addNewVMerge(); // no val: continue
        }
    }

    private static void text(XWPFTableRow row, int cell, String text) {
        row.getCell(cell).setText(text);
    }

    static byte[] breakdownDocument() {
        return TestFiles.bytes(out -> {
            try (XWPFDocument document = new XWPFDocument()) {
                document.createParagraph().createRun().setText("附件 4");
                document.createParagraph(); // empty paragraph: skipped
                document.createParagraph().createRun().setText("  2023年城市棚户区改造目标任务分解表　");
                document.createParagraph().createRun().setText("单位：套");

                // 县市区 (rows 1-2) | 2023年 (spans 2 columns) | 备注 (rows 1-2)
                //                   | 开工 | 基本建成 |
                XWPFTable table = document.createTable(4, 4);
                XWPFTableRow r1 = table.getRow(0);
                r1.removeCell(2);
                text(r1, 0, "县市区");
                vMerge(r1.getCell(0), true);
                text(r1, 1, "2023年");
                tcPr(r1.getCell(1)).addNewGridSpan().setVal(BigInteger.TWO);
                text(r1, 2, "备注");
                vMerge(r1.getCell(2), true);
                XWPFTableRow r2 = table.getRow(1);
                vMerge(r2.getCell(0), false);
                text(r2, 1, "开工");
                text(r2, 2, "基本建成");
                vMerge(r2.getCell(3), false);
                XWPFTableRow r3 = table.getRow(2);
                text(r3, 0, "上饶市");
                text(r3, 1, " 19187 ");
                text(r3, 2, "17460");
                r3.getCell(3).setText("建筑面积");
                r3.getCell(3).addParagraph().createRun().setText("（万平米）");
                XWPFTableRow r4 = table.getRow(3);
                text(r4, 0, "弋阳县");
                text(r4, 1, "942");
                // r4 cell 2 left empty: a blank cell

                document.createParagraph().createRun().setText("备注：县区排名不分先后。");
                XWPFTable second = document.createTable(2, 3);
                text(second.getRow(0), 0, "地区");
                text(second.getRow(0), 1, "任务数");
                text(second.getRow(0), 2, "完成率");
                XWPFTableRow shifted = second.getRow(1);
                shifted.removeCell(2);
                shifted.getCtRow().addNewTrPr().addNewGridBefore().setVal(BigInteger.ONE);
                text(shifted, 0, "2503");
                text(shifted, 1, "101.2%");

                var closing = document.createParagraph().createRun();
                closing.setText("张掖市城镇老旧小区改造工作");
                closing.addBreak();
                closing.setText("领导小组办公室(代章)");
                document.createParagraph().createRun().setText("2024 年 1 月 9 日");
                document.write(out);
            }
        });
    }

    @Test
    void tablesWithTheirPrecedingParagraphsThenTheRest() {
        SourceDocument document = reader.read("通报.docx", breakdownDocument());

        assertThat(document.format()).isEqualTo(SourceFormat.DOCX);
        assertThat(document.encoding()).isNull();
        assertThat(document.sheets()).extracting(SourceSheet::name).containsExactly("表格1", "表格2", "正文");
        assertThat(document.sheet("表格1").rows()).containsExactly(
                prose("附件 4"),
                prose("2023年城市棚户区改造目标任务分解表"),
                prose("单位：套"),
                row(1, "县市区", "2023年", "", "备注"),
                row(2, "", "开工", "基本建成", ""),
                row(3, "上饶市", "19187", "17460", "建筑面积（万平米）"),
                row(4, "弋阳县", "942", "", ""));
        assertThat(document.sheet("表格2").rows()).containsExactly(
                prose("备注：县区排名不分先后。"),
                row(1, "地区", "任务数", "完成率"),
                row(2, "", "2503", "101.2%"));
        assertThat(document.sheet("正文").rows()).containsExactly(
                prose("张掖市城镇老旧小区改造工作"),
                prose("领导小组办公室(代章)"),
                prose("2024 年 1 月 9 日"));
    }

    @Test
    void aDocumentWithoutTablesYieldsItsProse() {
        byte[] bytes = TestFiles.bytes(out -> {
            try (XWPFDocument document = new XWPFDocument()) {
                document.createParagraph().createRun().setText("关于下达2023年全市保障性安居工程");
                document.createParagraph().createRun().setText("建设工作计划的通知");
                document.write(out);
            }
        });

        SourceDocument document = reader.read("通知.docx", bytes);

        assertThat(document.sheets()).singleElement().satisfies(sheet -> {
            assertThat(sheet.name()).isEqualTo("正文");
            assertThat(sheet.rows()).containsExactly(prose("关于下达2023年全市保障性安居工程"), prose("建设工作计划的通知"));
        });
    }

    @Test
    void formatIsDetectedByContentNotByName() {
        SourceDocument document = reader.read("通报（最终版）", breakdownDocument());

        assertThat(document.format()).isEqualTo(SourceFormat.DOCX);
        assertThat(document.sheets()).hasSize(3);
    }
}
