package org.anju.plan.check;

import org.anju.indicator.Indicator;
import org.anju.plan.BreakdownTable;
import org.anju.plan.BreakdownTable.Column;
import org.anju.plan.BreakdownTable.Row;
import org.anju.plan.Cell;
import org.anju.plan.FigureKind;
import org.anju.plan.Plan;
import org.anju.plan.PlanDraft;
import org.anju.plan.RowRole;
import org.anju.plan.StatedTotal;
import org.anju.region.Region;
import org.anju.region.RegionKind;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The plan checks on drafts built by hand (fast layer, issue 11): no Spring, no database — a few regions, a few
 * indicators and tables of a handful of rows, with the findings each must give, to the character.
 */
class PlanChecksTest {

    // ---- the examples' regions: 江西省 > 赣州市 > 章贡区, 赣州市本级, 大余县, 上犹县, 崇义县, 中心城区; 上饶市 ----

    static final Region JIANGXI = region(1, "360000", "江西省", RegionKind.PROVINCE, null);
    static final Region GANZHOU = region(2, "360700", "赣州市", RegionKind.PREFECTURE, 1);
    static final Region ZHANGGONG = region(3, "360702", "章贡区", RegionKind.COUNTY, 2);
    static final Region CITY_LEVEL = region(4, "360700-SB", "赣州市本级", RegionKind.CITY_LEVEL, 2);
    static final Region DAYU = region(5, "360723", "大余县", RegionKind.COUNTY, 2);
    static final Region SHANGYOU = region(6, "360724", "上犹县", RegionKind.COUNTY, 2);
    static final Region CHONGYI = region(7, "360725", "崇义县", RegionKind.COUNTY, 2);
    /** 中心城区 = 章贡区 + 赣州市本级: a group, a leaf of the tree with members. */
    static final Region CENTRE = region(8, "360700-K1", "中心城区", RegionKind.GROUP, 2);
    static final Region SHANGRAO = region(9, "361100", "上饶市", RegionKind.PREFECTURE, 1);

    static final RegionTree REGIONS = new HandTree(List.of(JIANGXI, GANZHOU, ZHANGGONG, CITY_LEVEL, DAYU, SHANGYOU,
            CHONGYI, CENTRE, SHANGRAO), Map.of(CENTRE, List.of(ZHANGGONG, CITY_LEVEL)));

    // ---- indicators: a count (exact), an area (printed rounded), investment and its plan ----

    static final Indicator STARTS = indicator(1, "SHANTYTOWN", "城市棚户区改造", "START", "开工", "UNIT", "套", true);
    static final Indicator AREA = indicator(2, "OLD_COMMUNITY", "老旧小区改造", "START", "开工", "AREA", "万平方米", false);
    static final Indicator INVESTED = indicator(3, "AFFORDABLE_RENTAL", "保障性租赁住房", "INVESTMENT", "完成投资", "YUAN_10K",
            "万元", false);
    static final Indicator PLANNED = indicator(4, "AFFORDABLE_RENTAL", "保障性租赁住房", "PLANNED_INVESTMENT", "计划投资",
            "YUAN_10K", "万元", false);

    static final PlanChecks CHECKS = new PlanChecks(REGIONS, Map.of(STARTS.code(), STARTS, AREA.code(), AREA)::get);

    static final String PROVINCE_PLAN = "赣建保〔2023〕1号";
    static final String CITY_PLAN = "赣州市2023年城市棚户区改造计划";

    // ---- within a table ----------------------------------------------------------------------------

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', nullValues = "-", value = {
            "a 合计 that is the sum of its rows      | 套       | 1200    | 600     | 600     | -",
            "a count is exact: one off is a finding | 套       | 1201    | 600     | 600     | 附件1「全省」行「2023年·开工」：合计行为 1201，各行之和为 1200，相差 1",
            "a blank row counts as 0                | 套       | 600     | 600     | ''      | -",
            "blank rows add up to 0                 | 套       | 5       | ''      | ''      | 附件1「全省」行「2023年·开工」：合计行为 5，各行之和为 0，相差 5",
            "a blank 合计 counts as 0               | 套       | ''      | 600     | 600     | 附件1「全省」行「2023年·开工」：合计行为 空白，各行之和为 1200，相差 -1200",
            "all blank: nothing to compare          | 套       | ''      | ''      | ''      | -",
            "areas agree within ±0.005 each         | 万平方米 | 3295.73 | 1647.87 | 1647.87 | -",
            "areas apart beyond the 0.015 allowed   | 万平方米 | 3295.70 | 1647.87 | 1647.87 | 附件1「全省」行「2023年·开工」：合计行为 3295.70，各行之和为 3295.74，相差 -0.04",
            "a 合计 printed to one place allows 0.05 | 万平方米 | 3295.7  | 1647.87 | 1647.87 | -",
            "an area printed whole allows 0.5       | 万平方米 | 3296    | 1647.87 | 1647.87 | -"})
    void aTotalRowAgainstTheRowsUnderIt(String name, String measure, String total, String ganzhou, String shangrao,
                                        String message) {
        Indicator indicator = measure.equals("套") ? STARTS : AREA;
        BreakdownTable t = table("附件1", target(indicator, 2023, "2023年", "开工"))
                .total(JIANGXI, "全省", total)
                .unit(GANZHOU, ganzhou)
                .unit(SHANGRAO, shangrao)
                .build();
        assertThat(messages(TableChecks.check(PROVINCE_PLAN, t))).isEqualTo(message == null ? List.of() : List.of(message));
    }

    @Test
    void aCityRowAgainstItsCounties() {
        BreakdownTable t = table("附件1", target(STARTS, 2023, "2023年", "开工"))
                .total(JIANGXI, "全省", "1300")
                .city(GANZHOU, "700")
                .county(ZHANGGONG, "400")
                .county(DAYU, "280")
                .unit(SHANGRAO, "600")     // 全省 = 700 + 600 agrees; 赣州市 ≠ 400 + 280
                .build();
        List<Finding> findings = TableChecks.check(PROVINCE_PLAN, t);
        assertThat(facts(findings)).containsExactly(
                "PARENT_VS_CHILDREN 赣建保〔2023〕1号 附件1 第 5 行「赣州市」·2023年·开工 [360700 SHANTYTOWN.START.UNIT 2023] 680 → 700 (20)");
        assertThat(messages(findings)).containsExactly("附件1「赣州市」行「2023年·开工」：填报 700，所属各行之和为 680，相差 20");
    }

    @Test
    void aPeriodColumnAgainstItsYearsWithABlankYearAsZero() {
        BreakdownTable t = table("附件2", new Column(1, List.of("2023—2025年", "合计"), STARTS, null, null),
                target(STARTS, 2023, "2023年"), target(STARTS, 2024, "2024年"), target(STARTS, 2025, "2025年"))
                .unit(ZHANGGONG, "900", "300", "300", "300")
                .unit(DAYU, "500", "200", "", "200")
                .build();
        List<Finding> findings = TableChecks.check(PROVINCE_PLAN, t);
        assertThat(facts(findings)).containsExactly(
                "PERIOD_VS_YEARS 赣建保〔2023〕1号 附件2 第 5 行「大余县」·2023—2025年·合计 [360723 SHANTYTOWN.START.UNIT null] 400 → 500 (100)");
        assertThat(messages(findings)).containsExactly(
                "附件2「大余县」行「2023—2025年·合计」：填报 500，2023年、2024年、2025年之和为 400，相差 100");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', nullValues = "-", value = {
            "a rate that is actual ÷ target         | 1200 | 600  | 50       | -",
            "a rate agrees to the place printed     | 1200 | 400  | 33.3     | -",
            "a whole rate allows ±0.5               | 1200 | 400  | 33       | -",
            "a rate that is not                     | 1200 | 400  | 35       | 附件3「大余县」行「开工率」印为 35%，「已开工」÷「2023年任务」= 400 ÷ 1200 = 33.3%",
            "two places printed, two places held    | 1200 | 400  | 33.34    | 附件3「大余县」行「开工率」印为 33.34%，「已开工」÷「2023年任务」= 400 ÷ 1200 = 33.33%",
            "全部开工 when all have started          | 1200 | 1200 | 全部开工 | -",
            "全部开工 when not                       | 1200 | 1100 | 全部开工 | 附件3「大余县」行「开工率」印为 全部开工，「已开工」÷「2023年任务」= 1100 ÷ 1200 = 91.7%",
            "no target: nothing to divide by        | ''   | 600  | 50       | -",
            "a target of 0: nothing to divide by    | 0    | 600  | 50       | -",
            "a blank rate is not checked            | 1200 | 600  | ''       | -"})
    void aRateAgainstActualDividedByTarget(String name, String target, String actual, String rate, String message) {
        BreakdownTable t = table("附件3", target(STARTS, 2023, "2023年任务"),
                column(STARTS, FigureKind.ACTUAL, "已开工"), column(STARTS, FigureKind.RATE, "开工率"))
                .unit(DAYU, target, actual, rate)
                .build();
        assertThat(messages(TableChecks.check(PROVINCE_PLAN, t))).isEqualTo(message == null ? List.of() : List.of(message));
    }

    @Test
    void anInvestmentRateIsMeasuredAgainstPlannedInvestmentAtThePrecisionPrinted() {
        BreakdownTable t = table("附件3", target(PLANNED, 2023, "计划投资（万元）"),
                column(INVESTED, FigureKind.ACTUAL, "完成投资（万元）"), column(INVESTED, FigureKind.RATE, "完成投资率"))
                .unit(ZHANGGONG, "5000.0", "2600.0", "52.0")
                .unit(DAYU, "5000.0", "2600.0", "50.0")
                .build();
        List<Finding> findings = TableChecks.check(PROVINCE_PLAN, t);
        assertThat(facts(findings)).containsExactly("RATE_VS_FIGURES 赣建保〔2023〕1号 附件3 第 5 行「大余县」·完成投资率 "
                + "[360723 AFFORDABLE_RENTAL.INVESTMENT.YUAN_10K 2023] 52.000000 → 50.0 (-2.000000)");
        assertThat(messages(findings)).containsExactly(
                "附件3「大余县」行「完成投资率」印为 50.0%，「完成投资（万元）」÷「计划投资（万元）」= 2600.0 ÷ 5000.0 = 52.0%");
    }

    @Test
    void aUnitListedTwice() {
        BreakdownTable t = table("附件1", target(STARTS, 2023, "2023年", "开工"))
                .total(JIANGXI, "全省", "1200")
                .unit(GANZHOU, "600")
                .unit(SHANGRAO, "300")
                .unit(GANZHOU, "300")      // the rows still add up: the repetition is the only finding
                .build();
        List<Finding> findings = TableChecks.check(PROVINCE_PLAN, t);
        assertThat(facts(findings)).containsExactly("DUPLICATE_ROW 赣建保〔2023〕1号 附件1 第 7 行「赣州市」 [360700 null null] null → null (null)");
        assertThat(messages(findings)).containsExactly("附件1「赣州市」出现两次（第 5 行、第 7 行）");
    }

    // ---- the plan's text ---------------------------------------------------------------------------

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', nullValues = "-", value = {
            "2.99万套 is 29850–29950: 29951 is beyond  | 2.99万套 | 29900 | 50   | 正文「2.99万套」与附表 29951 不符（相差 -51，超出印刷精度 ±50）。原文：全市开工2.99万套",
            "3万套 is 25000–35000                      | 3万套    | 30000 | 5000 | -",
            "a count stated whole is exact             | 29950套  | 29950 | 0    | 正文「29950套」与附表 29951 不符（相差 -1）。原文：全市开工29950套",
            "the same count                            | 29951套  | 29951 | 0    | -"})
    void aTotalTheTextStatesAgainstTheTables(String name, String printed, String value, String tolerance, String message) {
        BreakdownTable t = table("附件1", target(STARTS, 2023, "2023年", "开工"))
                .total(GANZHOU, "合计", "29951")
                .unit(ZHANGGONG, "20000")
                .unit(DAYU, "9951")
                .build();
        StatedTotal stated = new StatedTotal(null, GANZHOU.code(), List.of(STARTS.code()), 2023, new BigDecimal(value),
                new BigDecimal(tolerance), printed, "全市开工" + printed);
        PlanDraft city = draft(plan(CITY_PLAN, null, GANZHOU), List.of(t), List.of(stated));
        assertThat(messages(CHECKS.check(city, List.of()))).isEqualTo(message == null ? List.of() : List.of(message));
    }

    @Test
    void aTotalTheTablesDoNotStateIsHeldAgainstTheAllocationFromAbove() {
        PlanDraft city = draft(plan(CITY_PLAN, null, GANZHOU), List.of(), List.of(new StatedTotal(null, GANZHOU.code(),
                List.of(STARTS.code()), 2023, new BigDecimal("1200"), BigDecimal.ZERO, "1200套", null)));
        List<Finding> findings = CHECKS.check(city, List.of(provincialAllocation()));
        assertThat(facts(findings)).containsExactly("STATED_TOTAL 赣州市2023年城市棚户区改造计划 正文「赣州市」·城市棚户区改造开工（套） "
                + "[360700 SHANTYTOWN.START.UNIT 2023] 1000 → 1200 (200) vs 赣建保〔2023〕1号 下达数");
        assertThat(messages(findings)).containsExactly("正文「1200套」与赣建保〔2023〕1号 下达数 1000 不符（相差 200）");
    }

    // ---- against the level above -------------------------------------------------------------------

    @Test
    void aCityPlanThatRefinesTheAllocationExactly() {
        PlanDraft city = cityPlan("1000", "400", "200", "282", "118", "");
        assertThat(CHECKS.check(city, List.of(provincialAllocation()))).isEmpty();
    }

    @Test
    void everyWayARefinementDiffersFromTheAllocation() {
        // 合计 640 = 400 + 150 + 40 + 50 agrees with its rows, but not with the province: 赣州市 1000, 中心城区 600
        // (= 章贡区 + 赣州市本级), 大余县 282, 上犹县 118 (not listed here); 崇义县 got no task from the province
        PlanDraft city = cityPlan("640", "400", "150", "40", "", "50");
        List<Finding> findings = CHECKS.check(city, List.of(provincialAllocation()));
        String indicator = " [%s SHANTYTOWN.START.UNIT 2023] ";
        String plan = "REFINEMENT 赣州市2023年城市棚户区改造计划 附件1-1";
        assertThat(facts(findings)).containsExactly(
                plan + " 第 4 行「赣州市合计」·2023年城市棚户区改造开工（套）" + indicator.formatted("360700")
                        + "1000 → 640 (-360) vs 赣建保〔2023〕1号 附件4「赣州市」",
                plan + "「赣州市中心城区」·2023年城市棚户区改造开工（套）" + indicator.formatted("360700-K1")
                        + "600 → 550 (-50) vs 赣建保〔2023〕1号 附件4「中心城区」",
                plan + " 第 7 行「大余县」·2023年城市棚户区改造开工（套）" + indicator.formatted("360723")
                        + "282 → 40 (-242) vs 赣建保〔2023〕1号 附件4「大余县」",
                plan + " 第 8 行「上犹县」·2023年城市棚户区改造开工（套）" + indicator.formatted("360724")
                        + "118 → 0 (-118) vs 赣建保〔2023〕1号 附件4「上犹县」",
                plan + " 第 9 行「崇义县」·2023年城市棚户区改造开工（套）" + indicator.formatted("360725")
                        + "0 → 50 (50) vs 赣建保〔2023〕1号 附件4");
        assertThat(messages(findings)).containsExactly(
                "「赣州市合计」2023年城市棚户区改造开工（套）：本计划 640，赣建保〔2023〕1号 附件4「赣州市」下达 1000，相差 -360",
                "「赣州市中心城区」2023年城市棚户区改造开工（套）：本计划 550，赣建保〔2023〕1号 附件4「中心城区」下达 600，相差 -50",
                "「大余县」2023年城市棚户区改造开工（套）：本计划 40，赣建保〔2023〕1号 附件4「大余县」下达 282，相差 -242",
                "「上犹县」2023年城市棚户区改造开工（套）：本计划 未列，赣建保〔2023〕1号 附件4「上犹县」下达 118，相差 -118",
                "「崇义县」2023年城市棚户区改造开工（套）：本计划 50，赣建保〔2023〕1号 附件4未下达该单位任务");
    }

    /** 附件4 of the province: 赣州市 1000 = 中心城区 600 + 大余县 282 + 上犹县 118; 上饶市 600. */
    static PlanDraft provincialAllocation() {
        BreakdownTable t = table("附件4", target(STARTS, 2023, "2023年", "开工"))
                .total(JIANGXI, "全省", "1600")
                .city(GANZHOU, "1000")
                .county(CENTRE, "600")
                .county(DAYU, "282")
                .county(SHANGYOU, "118")
                .unit(SHANGRAO, "600")
                .build();
        return draft(plan("关于下达2023年全省保障性安居工程建设工作计划的通知", PROVINCE_PLAN, JIANGXI), List.of(t), List.of());
    }

    /** 附件1-1 of the city: 合计, 章贡区, 赣州市本级, 大余县, 上犹县, 崇义县 (rows 4 to 9 of the file). */
    static PlanDraft cityPlan(String total, String zhanggong, String cityLevel, String dayu, String shangyou,
                              String chongyi) {
        BreakdownTable t = table("附件1-1", target(STARTS, 2023, "2023年", "开工"))
                .total(GANZHOU, "合计", total)
                .unit(ZHANGGONG, zhanggong)
                .unit(CITY_LEVEL, cityLevel)
                .unit(DAYU, dayu)
                .unit(SHANGYOU, shangyou)
                .unit(CHONGYI, chongyi)
                .build();
        return draft(plan(CITY_PLAN, null, GANZHOU), List.of(t), List.of());
    }

    // ---- what is asserted ----------------------------------------------------------------------------

    /** A finding in a line: kind, where, [region indicator year] expected → printed (difference), and against what. */
    static List<String> facts(List<Finding> findings) {
        return findings.stream().map(f -> f.kind() + " " + f.location() + " [" + f.regionCode() + " " + f.indicatorCode()
                + " " + f.year() + "] " + f.expected() + " → " + f.printed() + " (" + f.difference() + ")"
                + (f.against() == null ? "" : " vs " + f.against())).toList();
    }

    static List<String> messages(List<Finding> findings) {
        return findings.stream().map(Finding::message).toList();
    }

    // ---- building drafts by hand -------------------------------------------------------------------

    static Region region(int id, String code, String name, RegionKind kind, Integer parentId) {
        int level = switch (kind) {
            case PROVINCE -> 1;
            case PREFECTURE -> 2;
            default -> 3;
        };
        return new Region(id, code, name, kind, level, parentId, kind == RegionKind.COUNTY ? code : null);
    }

    static Indicator indicator(int id, String program, String programName, String stage, String stageLabel,
                               String measure, String measureName, boolean exact) {
        return new Indicator(id, program + "." + stage + "." + measure, program, programName, stage, stageLabel, measure,
                measureName, exact, id);
    }

    static Plan plan(String title, String documentNumber, Region issuer) {
        return new Plan(null, title, issuer.id(), issuer.name() + "住房和城乡建设局", documentNumber, LocalDate.of(2023, 3, 1),
                2023, 2023, null, null, null);
    }

    static PlanDraft draft(Plan plan, List<BreakdownTable> tables, List<StatedTotal> stated) {
        return new PlanDraft(plan, tables, List.of(), stated);
    }

    static Column target(Indicator indicator, Integer year, String... header) {
        return new Column(0, List.of(header), indicator, year, null);
    }

    static Column column(Indicator indicator, FigureKind kind, String... header) {
        return new Column(0, List.of(header), indicator, 2023, null, kind, BigDecimal.ONE);
    }

    static TableBuilder table(String label, Column... columns) {
        return new TableBuilder(label, columns);
    }

    /**
     * A table as printed, rows top to bottom under a three-line head (title, 单位, header), so its first row is row 4
     * of the file. A cell is a figure as printed, '' for blank, or words (全部开工: a rate of 100 %).
     */
    static final class TableBuilder {
        private final String label;
        private final List<Column> columns = new ArrayList<>();
        private final List<Row> rows = new ArrayList<>();
        private Integer total;
        private Integer city;

        TableBuilder(String label, Column... columns) {
            this.label = label;
            for (int c = 0; c < columns.length; c++) {
                Column x = columns[c];
                this.columns.add(new Column(c + 1, x.header(), x.indicator(), x.year(), c + 2, x.kind(), x.factor()));
            }
        }

        /** The 合计 row, its region the issuer's. */
        TableBuilder total(Region issuer, String label, String... cells) {
            total = add(label, issuer, null, RowRole.TOTAL, cells);
            return this;
        }

        /** A row with counties under it, itself under the 合计 row. */
        TableBuilder city(Region r, String... cells) {
            city = add(r.name(), r, total, RowRole.PARENT, cells);
            return this;
        }

        /** A unit under the last city. */
        TableBuilder county(Region r, String... cells) {
            add(r.name(), r, city, RowRole.DETAIL, cells);
            return this;
        }

        /** A unit under the 合计 row (if any). */
        TableBuilder unit(Region r, String... cells) {
            add(r.name(), r, total, RowRole.DETAIL, cells);
            return this;
        }

        private int add(String rowLabel, Region r, Integer parent, RowRole role, String... cells) {
            int seq = rows.size() + 1;
            rows.add(new Row(seq, rowLabel, r, parent, role, seq + 3, Arrays.stream(cells).map(TableBuilder::cell).toList()));
            return seq;
        }

        private static Cell cell(String printed) {
            if (printed.isEmpty()) {
                return Cell.BLANK;
            }
            return Character.isDigit(printed.charAt(0)) ? Cell.of(printed) : new Cell(new BigDecimal(100), 0, printed);
        }

        BreakdownTable build() {
            return new BreakdownTable(null, 1, label, "目标任务分解表", "单位：套", "市、县名称", columns, rows, null, null);
        }
    }

    /** The regions above, a tree by their parent ids; groups with their members. */
    record HandTree(List<Region> regions, Map<Region, List<Region>> groups) implements RegionTree {

        @Override
        public Region byId(int id) {
            return regions.stream().filter(r -> r.id() == id).findFirst().orElseThrow();
        }

        @Override
        public Optional<Region> byCode(String code) {
            return regions.stream().filter(r -> r.code().equals(code)).findFirst();
        }

        @Override
        public boolean contains(Region ancestor, Region r) {
            for (Region x = r; x != null; x = parent(x).orElse(null)) {
                if (x.equals(ancestor)) {
                    return true;
                }
            }
            return false;
        }

        @Override
        public List<Region> members(Region group) {
            return groups.getOrDefault(group, List.of());
        }

        @Override
        public Optional<Region> parent(Region r) {
            return Optional.ofNullable(r.parentId()).map(this::byId);
        }
    }
}
