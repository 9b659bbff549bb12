package org.anju.plan.imports;

import org.anju.plan.Cell;
import org.anju.plan.FigureKind;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.YearMonth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The small rules an import reads printed tables by, without a database: labels, units, months, cells, answers. */
class ReadingRulesTest {

    @Test
    void rowLabelsLoseTheirNumberingAndTotalsAreRecognised() {
        assertThat(RowLabels.clean("其中:1.历下区")).isEqualTo("历下区");
        assertThat(RowLabels.clean("1.芝罘区")).isEqualTo("芝罘区");
        assertThat(RowLabels.clean("（一）城市棚户区")).isEqualTo("城市棚户区");
        assertThat(RowLabels.clean("全市小计:")).isEqualTo("全市小计");
        assertThat(RowLabels.clean(" 合 計 ")).isEqualTo("合计");
        // a place named with a numeral is no numbering
        assertThat(RowLabels.clean("十堰市")).isEqualTo("十堰市");
        assertThat(RowLabels.clean("三县")).isEqualTo("三县");
        for (String total : new String[] {"合计", "总计", "小计", "全市小计", "全省合计", "全国", "全省", "总合计"}) {
            assertThat(RowLabels.isTotal(total)).as(total).isTrue();
        }
        for (String unit : new String[] {"全州县", "上饶市", "市本级", "", "小区"}) {
            assertThat(RowLabels.isTotal(unit)).as(unit).isFalse();
        }
    }

    @Test
    void unitsGiveTheMeasureAndTheFactorToIt() {
        assertThat(Units.printed("涉及居民户数(万户)")).filteredOn(u -> u.printed().equals("万户")).singleElement()
                .satisfies(u -> {
                    assertThat(u.measure()).isEqualTo("HOUSEHOLD");
                    assertThat(u.factor()).isEqualByComparingTo("10000");
                });
        assertThat(Units.printed("单位：万元")).singleElement().satisfies(u -> {
            assertThat(u.measure()).isEqualTo("YUAN_10K");
            assertThat(u.factor()).isEqualByComparingTo("1");
        });
        assertThat(Units.printed("完成投资（亿元）").getFirst().factor()).isEqualByComparingTo("10000");
        assertThat(Units.printed("建筑面积（平方米）").getFirst().factor()).isEqualByComparingTo("0.0001");
        assertThat(Units.printed("单位：个、户、栋、万平方米")).extracting(Units.Unit::measure)
                .containsExactly("COMMUNITY", "HOUSEHOLD", "BUILDING", "AREA_10K_M2");
        assertThat(Units.printed("项目数量")).isEmpty();
        // a 户 inside 户数 is no printed unit: the word names the measure, the 单位 line may still say 万户
        assertThat(Units.printed("改造户数")).isEmpty();
        assertThat(Units.printed("项目个数")).isEmpty();
        assertThat(Units.named("改造户数")).extracting(Units.Unit::measure).containsExactly("HOUSEHOLD");
        assertThat(Units.printed("2020年山东省城镇棚户区改造开工计划(单位:套)")).extracting(Units.Unit::measure)
                .containsExactly("UNIT");
        // 面积 names the area but not whether in 平方米 or 万平方米
        assertThat(Units.named("建筑面积")).containsExactly(new Units.Unit("AREA_10K_M2", null, null));
        assertThat(Units.named("楼栋数")).extracting(Units.Unit::measure).containsExactly("BUILDING");
    }

    @Test
    void scaledFiguresKeepThePrecisionPrinted() {
        Cell c = TableInterpreter.scaled(Cell.of("53.25"), new BigDecimal("10000"));
        assertThat(c.value()).isEqualByComparingTo("532500");
        assertThat(c.scale()).isEqualTo(-2);
        assertThat(c.tolerance(true)).isEqualByComparingTo("50");
        Cell area = TableInterpreter.scaled(Cell.of("56824"), new BigDecimal("0.0001"));
        assertThat(area.value()).isEqualByComparingTo("5.6824");
        assertThat(area.scale()).isEqualTo(4);
    }

    @Test
    void aTitleGivesItsYearOnlyWhenItNamesOne() {
        assertThat(ColumnReader.titleYear("2023年城镇老旧小区改造完成任务数（2022年申报计划任务）")).isEqualTo(2023);
        assertThat(ColumnReader.titleYear("附件：2024年全省保障性租赁住房筹集计划")).isEqualTo(2024);
        // a range, or two years outside brackets: which year the figures are for is not printed
        assertThat(ColumnReader.titleYear("“十四五”期间（2021—2025年）棚户区改造计划")).isNull();
        assertThat(ColumnReader.titleYear("2021-2025年公租房建设计划")).isNull();
        assertThat(ColumnReader.titleYear("2021年至2025年公租房建设计划")).isNull();
        assertThat(ColumnReader.titleYear("2023年、2024年城镇老旧小区改造计划")).isNull();
        assertThat(ColumnReader.titleYear("城镇老旧小区改造计划")).isNull();
        assertThat(ColumnReader.titleYear(null)).isNull();
    }

    @Test
    void monthsAsDocumentsPrintThem() {
        assertThat(PeriodText.find("（截至2023年9月末）", null)).isEqualTo(YearMonth.of(2023, 9));
        assertThat(PeriodText.find("截止12月底", 2023)).isEqualTo(YearMonth.of(2023, 12));
        assertThat(PeriodText.find("2023 年 1—12 月全市保障性安居工程项目进展情况", null)).isEqualTo(YearMonth.of(2023, 12));
        assertThat(PeriodText.find("2022年1-5月", null)).isEqualTo(YearMonth.of(2022, 5));
        assertThat(PeriodText.find("2023 年 12 月底租赁补贴发放情况", null)).isEqualTo(YearMonth.of(2023, 12));
        assertThat(PeriodText.find("截至8月底", null)).as("no year: not guessed").isNull();
        assertThat(PeriodText.find("2023年城镇老旧小区改造计划表", null)).isNull();
    }

    @Test
    void cellsOfFigures() {
        assertThat(Figure.parse("1,234.5")).isEqualTo(new Figure.Value(new Cell(new BigDecimal("1234.5"), 1)));
        assertThat(Figure.parse("１０７１")).isEqualTo(new Figure.Value(Cell.of("1071")));
        assertThat(Figure.parse("97%")).isEqualTo(new Figure.Percent(Cell.of("97")));
        assertThat(Figure.parse("全部開工")).isEqualTo(new Figure.AllDone("全部開工"));
        assertThat(Figure.parse("暂未公布")).isEqualTo(new Figure.NotPublished("暂未公布"));
        assertThat(Figure.parse("—")).isEqualTo(new Figure.Blank());
        assertThat(Figure.parse("-144")).isInstanceOf(Figure.Bad.class);
        assertThat(Figure.parse("2OO")).isEqualTo(new Figure.Bad("不是数字「2OO」"));
    }

    @Test
    void answersAsTypedOnTheCommandLine() {
        assertThat(ColumnAnswer.parse("ignore")).isEqualTo(new ColumnAnswer(true, null, null, null, null));
        assertThat(ColumnAnswer.parse("不导入").ignore()).isTrue();
        assertThat(ColumnAnswer.parse("OLD_COMMUNITY.START.HOUSEHOLD:TARGET:2024"))
                .isEqualTo(new ColumnAnswer(false, "OLD_COMMUNITY.START.HOUSEHOLD", FigureKind.TARGET, 2024, null));
        assertThat(ColumnAnswer.parse("old_community.start.community:完成"))
                .isEqualTo(new ColumnAnswer(false, "OLD_COMMUNITY.START.COMMUNITY", FigureKind.ACTUAL, null, null));
        assertThat(ColumnAnswer.parse("OLD_COMMUNITY.START.AREA_10K_M2:平方米").unit()).isEqualTo("平方米");
        assertThatThrownBy(() -> ColumnAnswer.parse("户数")).hasMessageContaining("不是指标代码");
        assertThatThrownBy(() -> ColumnAnswer.parse("SHANTYTOWN.START.UNIT:maybe")).hasMessageContaining("既不是年度、数字类型");
        assertThat(Choices.pairs(java.util.List.of("# 注释", "项目数量=ignore", " 户数 = OLD_COMMUNITY.START.HOUSEHOLD "), "--column"))
                .containsExactly(java.util.Map.entry("项目数量", "ignore"), java.util.Map.entry("户数", "OLD_COMMUNITY.START.HOUSEHOLD"));
        assertThatThrownBy(() -> Choices.pairs(java.util.List.of("项目数量"), "--column")).hasMessageContaining("名称=答案");
        assertThat(Choices.month("2023年9月", "--period")).isEqualTo(YearMonth.of(2023, 9));
        assertThatThrownBy(() -> Choices.month("2023-13", "--period")).hasMessage("--period 应为年月，如 2023-09：「2023-13」");
    }
}
