package org.anju.document;

import org.anju.document.OfficialDocument.Attachment;
import org.anju.document.OfficialDocument.Cell;
import org.anju.document.OfficialDocument.Decimal;
import org.anju.document.OfficialDocument.HeaderCell;
import org.anju.document.OfficialDocument.Heading;
import org.anju.document.OfficialDocument.NotReported;
import org.anju.document.OfficialDocument.Orientation;
import org.anju.document.OfficialDocument.Paragraph;
import org.anju.document.OfficialDocument.Rate;
import org.anju.document.OfficialDocument.Table;
import org.anju.document.OfficialDocument.Text;
import org.anju.document.OfficialDocument.Whole;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/** A composed 通报 with every element: a narrow 附件 (portrait) and a wide one (landscape), long enough for several pages. */
final class SampleDocuments {

    static final String[] COUNTIES = {"甘州区", "临泽县", "高台县", "山丹县", "民乐县", "肃南县", "市本级"};

    private SampleDocuments() {
    }

    static OfficialDocument notice() {
        List<OfficialDocument.Block> body = new ArrayList<>();
        body.add(Paragraph.of("2023年，全市各级各部门认真贯彻落实省委省政府决策部署，扎实推进城镇老旧小区改造、棚户区改造和保障性租赁住房建设，"
                + "现将1—12月全市保障性安居工程进展情况通报如下。"));
        body.add(new Heading(1, "一、总体进展情况"));
        body.add(new Heading(2, "（一）城镇老旧小区改造。"));
        for (int i = 0; i < 6; i++) {
            body.add(Paragraph.of("全市计划改造城镇老旧小区146个、涉及居民1.2万户，截至12月底已开工146个，开工率100%，完成投资5.49亿元，"
                    + "占年度计划的87.5%。其中甘州区、临泽县、高台县开工率均达到100%，山丹县、民乐县进度相对滞后，需加快推进。"));
        }
        body.add(new Heading(2, "（二）保障性租赁住房。"));
        body.add(new Paragraph("一是", "加快项目建设进度，确保按期交付使用。"));
        body.add(new Heading(3, "1.筹集房源情况。"));
        body.add(Paragraph.of("全市筹集保障性租赁住房1092套，完成年度任务的101.2%。"));
        body.add(new Heading(1, "二、存在的问题"));
        body.add(Paragraph.of("个别县区项目前期手续办理缓慢，资金拨付不及时。"));
        return new OfficialDocument(null, null, "张掖市城镇老旧小区改造工作领导小组办公室文件", "张旧改办〔2024〕1号",
                "关于2023年1—12月全市保障性安居工程\n进展情况的通报", "各县（区）住建局，市直有关单位", body,
                List.of("2023年1—12月保障性安居工程项目进展情况表", "2023年1—12月各县区城镇老旧小区改造分项进展情况表"),
                "张掖市城镇老旧小区改造工作领导小组办公室", LocalDate.of(2024, 1, 5), "此件公开发布",
                List.of(narrow(), wide()), new Colophon(List.of("市住建局领导", "各县区人民政府"), "张掖市住房和城乡建设局办公室",
                LocalDate.of(2024, 1, 5)));
    }

    static Attachment narrow() {
        List<List<HeaderCell>> header = List.of(
                List.of(new HeaderCell("县区", 1, 2), new HeaderCell("城镇老旧小区改造", 3, 1), new HeaderCell("完成投资（亿元）", 1, 2)),
                List.of(HeaderCell.of("计划（个）"), HeaderCell.of("开工（个）"), HeaderCell.of("开工率")));
        List<List<Cell>> rows = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            String name = COUNTIES[i % COUNTIES.length] + (i < COUNTIES.length ? "" : i);
            rows.add(i == 3 ? List.of(new Text(name), new Whole(12), new NotReported(), new NotReported(), new NotReported())
                    : List.of(new Text(name), new Whole(20 + i), new Whole(18 + i), new Rate(new BigDecimal("0.875"), 1),
                    new Decimal(new BigDecimal("1.2345"), 2)));
        }
        return new Attachment("附件1", "2023年1—12月保障性安居工程项目进展情况表", "单位：个、亿元",
                new Table(header, rows), "注：未报表示该县区当月未报送数据。", Orientation.AUTO);
    }

    static Attachment wide() {
        List<HeaderCell> r1 = new ArrayList<>(List.of(new HeaderCell("县区", 1, 3)));
        List<HeaderCell> r2 = new ArrayList<>();
        List<HeaderCell> r3 = new ArrayList<>();
        for (String p : List.of("城镇老旧小区改造", "棚户区改造", "保障性租赁住房", "公租房")) {
            r1.add(new HeaderCell(p, 4, 1));
            r2.add(new HeaderCell("开工", 2, 1));
            r2.add(new HeaderCell("完成投资", 2, 1));
            r3.addAll(List.of(HeaderCell.of("套数"), HeaderCell.of("开工率"), HeaderCell.of("亿元"), HeaderCell.of("完成率")));
        }
        List<List<Cell>> rows = new ArrayList<>();
        for (String c : COUNTIES) {
            List<Cell> row = new ArrayList<>(List.of(new Text(c)));
            for (int p = 0; p < 4; p++) {
                row.addAll(List.of(new Whole(1234), new Rate(new BigDecimal("1.0"), 1), new Decimal(new BigDecimal("15149.5"), 1),
                        new Rate(new BigDecimal("0.9876"), 1)));
            }
            rows.add(row);
        }
        return new Attachment("附件2", "2023年1—12月各县区城镇老旧小区改造分项进展情况表", "单位：套、亿元",
                new Table(List.of(r1, r2, r3), rows), null, Orientation.AUTO);
    }
}
