package org.anju.indicator;

import org.anju.AnjuTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;

import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@AnjuTest
class IndicatorsTest {

    @Autowired
    Indicators indicators;

    /** Every column of every breakdown table in the seeds, as title | unit line | header path → indicator. */
    @ParameterizedTest(name = "{0} / {2}")
    @CsvSource(delimiter = '|', nullValues = "-", textBlock = """
            2023年发展保障性租赁住房目标任务分解表 | 单位：套、间 | 新建（筹集） | AFFORDABLE_RENTAL.START.UNIT
            2023年发展保障性租赁住房目标任务分解表 | 单位：套、间 | 基本建成 | AFFORDABLE_RENTAL.BASIC_COMPLETION.UNIT
            2023年发展保障性租赁住房目标任务分解表 | 单位：套、间 | 筹集（开工） | AFFORDABLE_RENTAL.START.UNIT
            2023年公共租赁住房目标任务分解表 | 单位：套 | 新建（筹集） | PUBLIC_RENTAL.START.UNIT
            2023年租赁补贴发放任务分解表 | 单位：户 | 年度计划发放户数 | RENTAL_SUBSIDY.ISSUE.HOUSEHOLD
            2023年租赁补贴发放任务分解表 | 单位 ：户 | 年度计划发放房数 | RENTAL_SUBSIDY.ISSUE.HOUSEHOLD
            2023年城市棚户区改造目标任务分解表 | 单位：套 | 开工 | SHANTYTOWN.START.UNIT
            2023年城市棚户区改造目标任务分解表 | 单位：套 | 基本建成 | SHANTYTOWN.BASIC_COMPLETION.UNIT
            2023年国有工矿棚户区改造目标任务分解表 | 单位：套 | 开工 | MINING_SHANTYTOWN.START.UNIT
            2023年国有工矿棚户区改造目标任务分解表 | 单位：套 | 基本建成 | MINING_SHANTYTOWN.BASIC_COMPLETION.UNIT
            2023年城镇老旧小区改造完成任务数 (2022年申报计划任务) | - | 2022年度改造计划/面积 (万平方米) | OLD_COMMUNITY.COMPLETION.AREA_10K_M2
            2023年城镇老旧小区改造完成任务数 (2022年申报计划任务) | - | 2022年度改造计划/户数 (户) | OLD_COMMUNITY.COMPLETION.HOUSEHOLD
            2023年城镇老旧小区改造完成任务数 (2022年申报计划任务) | - | 2022年度改造计划/小区个数 (个) | OLD_COMMUNITY.COMPLETION.COMMUNITY
            2023年城镇老旧小区改造完成任务数 (2022年申报计划任务) | - | 2022年度改造计划/楼栋数 (栋) | OLD_COMMUNITY.COMPLETION.BUILDING
            2023年城镇老旧小区改造开工任务数 | - | 2023年度改造计划/面积 (万平方米) | OLD_COMMUNITY.START.AREA_10K_M2
            2023年城镇老旧小区改造开工任务表 | - | 建筑面积（万平米） | OLD_COMMUNITY.START.AREA_10K_M2
            2023年城镇老旧小区改造开工任务表 | - | 小区数（个） | OLD_COMMUNITY.START.COMMUNITY
            2023年城镇老旧小区改造开工任务表 | - | 楼栋数（栋） | OLD_COMMUNITY.START.BUILDING
            全市各县（市、区）城市棚户区 改造攻坚行动任务表 | 单位：套（户） | 2023年/开工 | SHANTYTOWN.START.UNIT
            全市各县（市、区）城市棚户区 改造攻坚行动任务表 | 单位：套（户） | 合计/基本建成 | SHANTYTOWN.BASIC_COMPLETION.UNIT
            """)
    void tellsWhatEverySeedColumnCounts(String title, String unitLine, String header, String expected) {
        List<String> path = Arrays.asList(header.split("/"));
        IndicatorMatch match = indicators.matchColumn(title, unitLine, path, null);
        assertThat(match).isInstanceOf(IndicatorMatch.Matched.class);
        assertThat(((IndicatorMatch.Matched) match).indicator().code()).isEqualTo(expected);
    }

    @Test
    void explainsWhatItCannotTell() {
        IndicatorMatch noProgram = indicators.matchColumn("2023年目标任务分解表", "单位：套", List.of("开工"), null);
        assertThat(noProgram).isEqualTo(new IndicatorMatch.Unmatched("未能从表名「2023年目标任务分解表」或表头识别工程类别"));

        IndicatorMatch missing = indicators.matchColumn("2023年租赁补贴发放任务分解表", null, List.of("基本建成"), null);
        assertThat(missing).isEqualTo(new IndicatorMatch.Unmatched(
                "指标不存在：住房租赁补贴·基本建成·户（可在指标管理中新增）"));
    }

    @Test
    void aNewProgramIsDataNotCode() {
        indicators.addProgram(new Program("TALENT_HOUSING", "人才住房", "人才房", List.of("人才住房", "人才房"),
                "START", "UNIT", 900));
        Indicator added = indicators.addIndicator("TALENT_HOUSING", "START", "UNIT", "开工", 900);

        IndicatorMatch match = indicators.matchColumn("2024年人才住房建设任务表", "单位：套", List.of("开工"), null);
        assertThat(match).isEqualTo(new IndicatorMatch.Matched(added));
        assertThat(added.displayName()).isEqualTo("人才住房开工（套）");
        assertThatThrownBy(() -> indicators.addIndicator("TALENT_HOUSING", "START", "UNIT", null, 1))
                .hasMessage("指标已存在：TALENT_HOUSING.START.UNIT");
    }

    @Test
    void longestAliasWins() {
        assertThat(indicators.programNamedIn("2023年国有工矿棚户区改造目标任务分解表")).get()
                .extracting(Program::code).isEqualTo("MINING_SHANTYTOWN");
        assertThat(indicators.programNamedIn("2023年城市棚户区改造目标任务分解表")).get()
                .extracting(Program::code).isEqualTo("SHANTYTOWN");
    }
}
