package org.anju.plan;

import org.anju.SeedDataTest;
import org.anju.plan.BreakdownTable.Row;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The seed plans as imported: what was read from the documents and how the tables were understood. */
@SeedDataTest
class SeedImportTest {

    @Autowired
    Plans plans;

    private Plan plan(String label) {
        return plans.readable().stream().filter(p -> p.label().equals(label)).findFirst().orElseThrow();
    }

    private static Row row(BreakdownTable t, String regionCode) {
        return t.rows().stream().filter(r -> r.region().code().equals(regionCode)).findFirst().orElseThrow();
    }

    private static List<String> values(Row r) {
        return r.cells().stream().map(Cell::printed).toList();
    }

    @Test
    void jiangxiPlanHasItsSevenAttachmentsWithIndicatorsYearsAndHierarchy() {
        Plan p = plan("赣建保〔2023〕1号");
        assertThat(p.title()).isEqualTo("关于下达2023年全省保障性安居工程建设工作计划的通知");
        assertThat(p.issuedOn()).isEqualTo(LocalDate.of(2023, 1, 30));
        assertThat(p.years()).containsExactly(2023);
        List<BreakdownTable> tables = plans.tables(p.id());
        assertThat(tables).extracting(BreakdownTable::label)
                .containsExactly("附件1", "附件2", "附件3", "附件4", "附件5", "附件6", "附件7");
        assertThat(tables).extracting(t -> t.columns().stream().map(c -> c.indicator().code()).toList()).containsExactly(
                List.of("AFFORDABLE_RENTAL.START.UNIT", "AFFORDABLE_RENTAL.BASIC_COMPLETION.UNIT"),
                List.of("PUBLIC_RENTAL.START.UNIT"),
                List.of("RENTAL_SUBSIDY.ISSUE.HOUSEHOLD"),
                List.of("SHANTYTOWN.START.UNIT", "SHANTYTOWN.BASIC_COMPLETION.UNIT"),
                List.of("MINING_SHANTYTOWN.START.UNIT", "MINING_SHANTYTOWN.BASIC_COMPLETION.UNIT"),
                List.of("OLD_COMMUNITY.COMPLETION.AREA_10K_M2", "OLD_COMMUNITY.COMPLETION.HOUSEHOLD",
                        "OLD_COMMUNITY.COMPLETION.COMMUNITY", "OLD_COMMUNITY.COMPLETION.BUILDING"),
                List.of("OLD_COMMUNITY.START.AREA_10K_M2", "OLD_COMMUNITY.START.HOUSEHOLD",
                        "OLD_COMMUNITY.START.COMMUNITY", "OLD_COMMUNITY.START.BUILDING"));
        assertThat(tables).allSatisfy(t -> assertThat(t.columns()).allSatisfy(c -> assertThat(c.year()).isEqualTo(2023)));

        BreakdownTable rental = tables.getFirst();
        assertThat(rental.title()).isEqualTo("2023年发展保障性租赁住房目标任务分解表");
        assertThat(rental.unitLine()).isEqualTo("单位：套、间");
        assertThat(rental.rowHeader()).isEqualTo("市、县名称");
        // 11 city rows, each followed by its units; page-break header repeats are not rows
        assertThat(rental.rows()).hasSize(78);
        Row total = rental.rows().getFirst();
        assertThat(total.role()).isEqualTo(RowRole.TOTAL);
        assertThat(total.region().code()).isEqualTo("360000");
        Row nanchang = row(rental, "360100");
        assertThat(nanchang.role()).isEqualTo(RowRole.PARENT);
        assertThat(nanchang.parentSeq()).isEqualTo(total.seq());
        assertThat(values(nanchang)).containsExactly("16650", "2879");
        Row centre = row(rental, "360100-ZX");
        assertThat(centre.label()).isEqualTo("中心城区");
        assertThat(centre.parentSeq()).isEqualTo(nanchang.seq());
        assertThat(values(row(rental, "360121"))).containsExactly("3000", "");   // 南昌县: blank = no task
        assertThat(values(row(rental, "360600"))).containsExactly("60", "0");    // 鹰潭市: a printed 0
        assertThat(row(rental, "361100-ZX").parentSeq()).isEqualTo(row(rental, "361100").seq());

        BreakdownTable completion = tables.get(5);
        assertThat(completion.title()).isEqualTo("2023年城镇老旧小区改造完成任务数 (2022年申报计划任务)");
        assertThat(completion.columns().getFirst().header()).containsExactly("2022年度改造计划", "面积 (万平方米)");
        Row province = completion.rows().getLast();
        assertThat(province.label()).isEqualTo("全省");
        assertThat(province.role()).isEqualTo(RowRole.TOTAL);
        assertThat(completion.rows().stream().filter(r -> r.role() == RowRole.DETAIL)).hasSize(12);
        assertThat(values(row(completion, "360000-K1"))).containsExactly("2.1", "283", "204", "10");  // 赣江新区
        assertThat(values(row(completion, "361100"))).containsExactly("163.22", "19580", "66", "890");
    }

    @Test
    void shangraoPlanResolvesItsNamesWithinTheCityAndPointsToTheProvincialPlan() {
        Plan p = plan("关于下达2023年全市保障性安居工程建设工作计划的通知");
        Plan jiangxi = plan("赣建保〔2023〕1号");
        assertThat(p.parentPlanId()).isEqualTo(jiangxi.id());
        assertThat(p.documentNumber()).isNull();
        List<BreakdownTable> tables = plans.tables(p.id());
        assertThat(tables).hasSize(4);
        BreakdownTable shantytown = tables.get(2);
        assertThat(shantytown.rows()).extracting(r -> r.region().code()).containsExactly("361100", "361100-SB", "361102",
                "361104", "361103", "361100-K1", "361100-K2", "361123", "361124", "361126", "361125", "361128",
                "361127", "361129", "361130");
        assertThat(values(row(shantytown, "361102"))).containsExactly("600", "");
        BreakdownTable area = tables.get(3);
        assertThat(area.columns().getFirst().header()).containsExactly("建筑面积（万平米）");
        assertThat(values(area.rows().getFirst())).containsExactly("162.4466", "17898", "90", "939");
        assertThat(values(row(area, "361103"))).containsExactly("3.58", "277", "2", "13");
    }

    @Test
    void ganzhouActionPlanIsSplitByYearWithItsPeriodColumns() {
        Plan p = plan("赣州市城市棚户区改造攻坚行动方案");
        assertThat(p.years()).containsExactly(2023, 2024);
        BreakdownTable t = plans.tables(p.id()).getFirst();
        assertThat(t.label()).isEqualTo("附件1-1");
        assertThat(t.unitLine()).isEqualTo("单位：套（户）");
        assertThat(t.columns()).extracting(BreakdownTable.Column::year).containsExactly(null, null, 2023, 2023, 2024, 2024);
        assertThat(t.columns()).extracting(BreakdownTable.Column::header).containsExactly(
                List.of("合计", "开工"), List.of("合计", "基本建成"), List.of("2023年", "开工"), List.of("2023年", "基本建成"),
                List.of("2024年", "开工"), List.of("2024年", "基本建成"));
        assertThat(values(row(t, "360700-K2"))).containsExactly("5804", "2921", "5804", "1686", "0", "1235");

        List<Target> y2024 = plans.targets(p.id(), "360722", "SHANTYTOWN.START.UNIT", 2024);   // 信丰县
        assertThat(y2024).extracting(Target::value).containsExactly(new java.math.BigDecimal("260"));
    }

    @Test
    void subtreeTotalsAddTheUnitsOwnFigures() {
        Plan jiangxi = plan("赣建保〔2023〕1号");
        assertThat(total(jiangxi, "360000", "AFFORDABLE_RENTAL.START.UNIT")).isEqualByComparingTo("165766");
        assertThat(total(jiangxi, "361100", "AFFORDABLE_RENTAL.START.UNIT")).isEqualByComparingTo("4106");
        assertThat(total(jiangxi, "360000", "OLD_COMMUNITY.COMPLETION.AREA_10K_M2")).isEqualByComparingTo("3295.74");
        assertThat(total(jiangxi, "360000", "OLD_COMMUNITY.COMPLETION.COMMUNITY")).isEqualByComparingTo("1265");
        Plan shangrao = plan("关于下达2023年全市保障性安居工程建设工作计划的通知");
        assertThat(total(shangrao, "361100", "SHANTYTOWN.START.UNIT")).isEqualByComparingTo("19187");
        assertThat(total(shangrao, "361102", "SHANTYTOWN.START.UNIT")).isEqualByComparingTo("600");
    }

    private java.math.BigDecimal total(Plan p, String region, String indicator) {
        return plans.subtreeTotals(p.id(), region).stream().filter(t -> t.indicatorCode().equals(indicator))
                .findFirst().orElseThrow().total();
    }
}
