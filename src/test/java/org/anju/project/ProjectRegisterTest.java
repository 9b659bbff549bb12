package org.anju.project;

import org.anju.indicator.BuildingType;
import org.anju.indicator.Construction;
import org.anju.indicator.Placement;
import org.anju.AnjuTest;
import org.anju.indicator.Indicators;
import org.anju.intake.InputException;
import org.anju.progress.Fact;
import org.anju.region.Regions;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@AnjuTest
@TestPropertySource(properties = "anju.test.database=project_register")
class ProjectRegisterTest {

    static final String HEADER = "地区,工程类别,年度,项目名称,套数,户数,小区数,计划投资（万元）,前期手续办结日期,开工日期,基本建成（完工）日期,进度月份,累计完成投资（万元）,形象进度\n";

    @Autowired
    Projects projects;
    @Autowired
    Indicators indicators;
    @Autowired
    Regions regions;

    @Test
    void importDerivesMonthlyFactsAndExportReimports() {
        String csv = HEADER + """
                高台县,棚户区改造,2025,长征路安置房,62,,,3000,,2025-06-28,,2025-06,500,基础施工
                高台县,棚户区改造,2025,长征路安置房,62,,,3000,,2025-06-28,,2025-09,1800,主体施工
                高台县,老旧小区,2025,城关片区老旧小区改造,,420,3,1200,2025-03-01,2025-07-02,2025-11-15,2025-09,600,管网改造
                高台县,保租房,2025,未开工项目,40,,,900,,,,,,
                """;
        Projects.ImportSummary s = projects.importFile("项目.csv", csv.getBytes(StandardCharsets.UTF_8), "620700");
        assertThat(s.inserted()).isEqualTo(3);
        assertThat(s.updated()).isEqualTo(1);
        assertThat(s.progressRecords()).isEqualTo(3);

        var gaotai = regions.byCode("620724").orElseThrow();
        assertThat(facts(gaotai, YearMonth.of(2025, 5))).containsOnly(
                Map.entry("SHANTYTOWN.PLANNED_INVESTMENT.YUAN_10K", "3000"),
                Map.entry("OLD_COMMUNITY.PLANNED_INVESTMENT.YUAN_10K", "1200"),
                Map.entry("AFFORDABLE_RENTAL.PLANNED_INVESTMENT.YUAN_10K", "900"));
        assertThat(facts(gaotai, YearMonth.of(2025, 8))).contains(
                Map.entry("SHANTYTOWN.START.UNIT", "62"),
                Map.entry("SHANTYTOWN.INVESTMENT.YUAN_10K", "500"),
                Map.entry("OLD_COMMUNITY.START.HOUSEHOLD", "420"),
                Map.entry("OLD_COMMUNITY.START.COMMUNITY", "3"))
                .doesNotContainKey("OLD_COMMUNITY.COMPLETION.HOUSEHOLD").doesNotContainKey("AFFORDABLE_RENTAL.START.UNIT");
        assertThat(facts(gaotai, YearMonth.of(2025, 11))).contains(
                Map.entry("SHANTYTOWN.INVESTMENT.YUAN_10K", "1800"),
                Map.entry("OLD_COMMUNITY.COMPLETION.HOUSEHOLD", "420"));

        byte[] xlsx = projects.export("620700", 2025, YearMonth.of(2025, 12));
        Projects.ImportSummary again = projects.importFile("导出.xlsx", xlsx, "620700");
        assertThat(again.inserted()).isZero();
        assertThat(again.updated()).isEqualTo(3);
        assertThat(again.notImported()).as("the export's 续建 column is accepted; blank here, so nothing to say").isEmpty();
        assertThat(projects.list("620700", 2025, null, null, YearMonth.of(2025, 12), 0).total()).isEqualTo(3);
        assertThat(projects.list("620700", 2025, "SHANTYTOWN", "长征", YearMonth.of(2025, 12), 0).projects())
                .singleElement().satisfies(v -> {
                    assertThat(v.investment()).isEqualByComparingTo("1800");
                    assertThat(v.imageProgress()).isEqualTo("主体施工");
                });
    }

    /**
     * The case: a 2022 老旧小区 project finished 2023-04-20 (in another city than the other tests': an open project is carried into every later year) counts toward 2023's 完工 (seed 001 附件6 sets
     * 2023's completion task over 2022's projects), once — not in 2022, not again in 2024 — while its 开工 stays 2022's.
     * 竣工验收, 交付 and 分配入住 are counted in the year they happen; a promised delivery date passed is 逾期交付.
     */
    @Test
    void carriedOverProjectsCountInTheYearTheyReachAStage() {
        String csv = "地区,工程类别,年度,项目名称,套数,户数,小区数,开工日期,基本建成（完工）日期,竣工验收日期,交付日期,分配入住日期,合同约定交付日期,安置方式,建设方式,楼型\n"
                + "肃州区,老旧小区,2022,沙河镇老旧小区改造,,300,2,2022-05-01,2023-04-20,,,,,,改造,\n"
                + "肃州区,棚户区改造,2021,城南安置房,120,,,2021-06-01,2023-07-15,2023-09-30,2023-11-20,2023-12-10,2023-10-31,异地建设,新建,高层\n"
                + "肃州区,棚户区改造,2023,城北安置房,80,,,2023-04-01,,,,,2023-06-30,货币化安置,新建,多层\n";
        projects.importFile("结转.csv", csv.getBytes(StandardCharsets.UTF_8), "620900");
        var suzhou = regions.byCode("620902").orElseThrow();
        assertThat(facts(suzhou, YearMonth.of(2022, 12))).doesNotContainKey("OLD_COMMUNITY.COMPLETION.HOUSEHOLD")
                .contains(Map.entry("OLD_COMMUNITY.START.HOUSEHOLD", "300"));
        assertThat(facts(suzhou, YearMonth.of(2023, 3))).doesNotContainKey("OLD_COMMUNITY.COMPLETION.HOUSEHOLD");
        assertThat(facts(suzhou, YearMonth.of(2023, 4))).contains(Map.entry("OLD_COMMUNITY.COMPLETION.HOUSEHOLD", "300"),
                        Map.entry("OLD_COMMUNITY.COMPLETION.COMMUNITY", "2"))
                .doesNotContainKey("OLD_COMMUNITY.START.HOUSEHOLD");
        assertThat(facts(suzhou, YearMonth.of(2023, 12))).contains(
                Map.entry("SHANTYTOWN.START.UNIT", "80"),
                Map.entry("SHANTYTOWN.BASIC_COMPLETION.UNIT", "120"),
                Map.entry("SHANTYTOWN.ACCEPTANCE.UNIT", "120"),
                Map.entry("SHANTYTOWN.DELIVERY.UNIT", "120"),
                Map.entry("SHANTYTOWN.OCCUPANCY.UNIT", "120"));
        assertThat(facts(suzhou, YearMonth.of(2023, 11))).doesNotContainKey("SHANTYTOWN.OCCUPANCY.UNIT");
        assertThat(facts(suzhou, YearMonth.of(2024, 12))).doesNotContainKey("OLD_COMMUNITY.COMPLETION.HOUSEHOLD")
                .doesNotContainKey("SHANTYTOWN.BASIC_COMPLETION.UNIT");

        assertThat(projects.carriedOver(regions.byCode("620900").orElseThrow(), YearMonth.of(2023, 12), "OLD_COMMUNITY"))
                .singleElement().satisfies(c -> {
                    assertThat(c.regionName()).isEqualTo("肃州区");
                    assertThat(c.size()).isEqualByComparingTo("300");
                    assertThat(c.allCompleted()).isTrue();
                });
        // 城北 was promised for 2023-06-30 and is not delivered; 城南 was promised for 2023-10-31 and delivered 2023-11-20: overdue in October's end, not after delivery
        assertThat(projects.overdueDeliveries(suzhou, LocalDate.of(2023, 6, 30))).isEmpty();
        assertThat(projects.overdueDeliveries(suzhou, LocalDate.of(2023, 10, 31))).extracting(v -> v.project().name())
                .containsExactly("城北安置房");
        assertThat(projects.overdueDeliveries(suzhou, LocalDate.of(2023, 11, 1))).extracting(v -> v.project().name())
                .containsExactly("城北安置房", "城南安置房");
        assertThat(projects.overdueDeliveries(suzhou, LocalDate.of(2023, 12, 31))).extracting(v -> v.project().name())
                .containsExactly("城北安置房");
        Project south = projects.list("620902", 2023, "SHANTYTOWN", "城南", YearMonth.of(2023, 12), 0).projects()
                .getFirst().project();
        assertThat(south.placement()).isEqualTo(Placement.OFF_SITE);
        assertThat(south.construction()).isEqualTo(Construction.NEW);
        assertThat(south.buildingType()).isEqualTo(BuildingType.HIGH_RISE);

        // an older template without the new columns, re-imported: the stored 安置方式 and dates stay
        projects.importFile("旧模板.csv", ("地区,工程类别,年度,项目名称,套数\n肃州区,棚户区改造,2021,城南安置房,120\n")
                .getBytes(StandardCharsets.UTF_8), "620900");
        Project again = projects.list("620902", 2023, "SHANTYTOWN", "城南", YearMonth.of(2023, 12), 0).projects()
                .getFirst().project();
        assertThat(again.placement()).isEqualTo(Placement.OFF_SITE);
        assertThat(again.deliveryDueOn()).isEqualTo(LocalDate.of(2023, 10, 31));
        assertThat(again.occupiedOn()).isEqualTo(LocalDate.of(2023, 12, 10));

        String bad = "地区,工程类别,年度,项目名称,套数,安置方式,楼型\n肃州区,棚户区改造,2023,坏项目,10,拆迁安置,超高层\n";
        assertThatThrownBy(() -> projects.importFile("坏.csv", bad.getBytes(StandardCharsets.UTF_8), "620900"))
                .isInstanceOfSatisfying(InputException.class, e -> assertThat(e.problems()).extracting(Object::toString)
                        .containsExactly("文件 坏.csv，正文，第 2 行，第 F 列：“拆迁安置”不是安置方式，应为：货币化安置、异地建设安置、就地建设安置（或留空）",
                                "文件 坏.csv，正文，第 2 行，第 G 列：“超高层”不是楼型，应为：高层、多层、低层（或留空）"));
    }

    @Test
    void badRowsAreNamedByRowAndColumnAndNothingIsWritten() {
        String csv = HEADER + """
                高台县,棚户区改造,2026,好项目,10,,,100,,,,,,
                火星县,棚户区改造,2026,坏地区,10,,,100,,,,,,
                高台县,棚户区改造,2026,坏数字,十,,,100,,,,,,
                高台县,棚户区改造,2026,坏日期,10,,,100,,2026-13-01,,,,
                高台县,棚户区改造,2026,负数,10,,,-5,,,,,,
                南京市,棚户区改造,2026,范围外,10,,,100,,,,,,
                """;
        assertThatThrownBy(() -> projects.importFile("坏.csv", csv.getBytes(StandardCharsets.UTF_8), "620700"))
                .isInstanceOfSatisfying(InputException.class, e -> assertThat(e.problems()).extracting(Object::toString)
                        .containsExactly("文件 坏.csv，正文，第 3 行，第 A 列：未知地区：火星县（请填写地区的规范名称，如“临泽县”，或六位区划代码；名称和代码可在“行政区划”页查找）",
                                "文件 坏.csv，正文，第 4 行，第 E 列：“套数”不是数字：十",
                                "文件 坏.csv，正文，第 5 行，第 J 列：“开工日期”不是日期（如 2023-06-30）：2026-13-01",
                                "文件 坏.csv，正文，第 6 行，第 H 列：“计划投资（万元）”不能为负数：-5",
                                "文件 坏.csv，正文，第 7 行，第 A 列：南京市不在张掖市范围内"));
        assertThat(projects.list("620700", 2026, null, null, YearMonth.of(2026, 12), 0).total()).isZero();
    }

    /**
     * Guesses audit M4: a header the register does not read (another unit, another word) and a header written twice are
     * refused naming the cell — they were skipped, or the leftmost read — and nothing is written; 续建, which the export
     * writes, is accepted and, filled in, said to be not imported.
     */
    @Test
    void aColumnTheImportDoesNotReadOrReadsTwiceIsRefused() {
        String csv = "地区,工程类别,年度,项目名称,计划投资（元）,开工时间,累计完成投资（万元）,进度月份,累计完成投资(万元)\n"
                + "高台县,棚户区改造,2029,列名项目,30000000,2029-03-01,100,2029-03,200\n";
        assertThatThrownBy(() -> projects.importFile("列名.csv", csv.getBytes(StandardCharsets.UTF_8), "620700"))
                .isInstanceOfSatisfying(InputException.class, e -> assertThat(e.problems()).extracting(Object::toString)
                        .containsExactly(
                                "文件 列名.csv，正文，第 1 行，第 I 列：列“累计完成投资(万元)”重复：同名的列只能有一列，不能确定读哪一列；请删去或改名其中一列",
                                "文件 列名.csv，正文，第 1 行，第 E 列：“计划投资（元）”不是项目库导入的列（应为 计划投资（万元））："
                                        + "请改用该列名并按其单位填写，或删去该列",
                                "文件 列名.csv，正文，第 1 行，第 F 列：“开工时间”不是项目库导入的列，不能确定它对应哪一项：请改为以下列名之一，或删去该列："
                                        + "地区、工程类别、年度、项目名称、项目编号、套数、户数、小区数、栋数、面积（万平方米）、计划投资（万元）、"
                                        + "前期手续办结日期、开工日期、基本建成（完工）日期、竣工验收日期、交付日期、分配入住日期、合同约定交付日期、"
                                        + "安置方式、建设方式、楼型、进度月份、累计完成投资（万元）、形象进度、续建、备注、交付（入住）日期"));
        assertThat(projects.list("620700", 2029, null, null, YearMonth.of(2029, 12), 0).total()).as("nothing written").isZero();

        Projects.ImportSummary s = projects.importFile("续建.csv", ("地区,工程类别,年度,项目名称,套数,续建\n"
                + "高台县,棚户区改造,2029,续建项目,10,续建结转\n").getBytes(StandardCharsets.UTF_8), "620700");
        assertThat(s.inserted()).isEqualTo(1);
        assertThat(s.notImportedText()).isEqualTo("；未导入的列：续建（由年度和基本建成日期得出，不从文件读取）");
    }

    /** The same project on two rows must agree; a month twice is refused — the last row never wins silently. */
    @Test
    void duplicateRowsAreRefusedNotOverwritten() {
        String csv = HEADER + """
                高台县,棚户区改造,2028,重复项目,62,,,3000,,2028-06-28,,2028-06,500,基础施工
                高台县,棚户区改造,2028,重复项目,62,,,3000,,2028-06-28,,2028-09,1800,主体施工
                高台县,棚户区改造,2028,重复项目,60,,,3000,,2028-06-28,,2028-10,1900,主体施工
                高台县,棚户区改造,2028,重复项目,62,,,3000,,2028-06-28,,2028-09,1700,主体施工
                """;
        assertThatThrownBy(() -> projects.importFile("重复.csv", csv.getBytes(StandardCharsets.UTF_8), "620700"))
                .isInstanceOfSatisfying(InputException.class, e -> assertThat(e.problems()).extracting(Object::toString)
                        .containsExactly("文件 重复.csv，正文，第 4 行，第 D 列：与第 2 行是同一项目（重复项目），但项目信息不同；同一项目的各行只能在进度月份、累计完成投资、形象进度上不同",
                                "文件 重复.csv，正文，第 5 行，第 L 列：与第 3 行重复（同一项目、同一进度月份 2028-09）"));
        assertThat(projects.list("620700", 2028, null, null, YearMonth.of(2028, 12), 0).total()).isZero();
    }

    @Test
    void aStaleVersionIsRefused() {
        Project p = projects.save(new Project(null, "620725", null, "AFFORDABLE_RENTAL", 2027, "李桥乡保租房", null,
                BigDecimal.valueOf(80), null, null, null, null, BigDecimal.valueOf(800), null,
                LocalDate.of(2027, 8, 25), null, null, null, null, 0));
        Project renamed = projects.save(new Project(p.id(), "620725", null, "AFFORDABLE_RENTAL", 2027, "李桥乡80套保租房",
                null, BigDecimal.valueOf(80), null, null, null, null, BigDecimal.valueOf(800), null,
                LocalDate.of(2027, 8, 25), null, null, null, null, p.version()));
        assertThat(renamed.version()).isEqualTo(1);
        assertThatThrownBy(() -> projects.save(new Project(p.id(), "620725", null, "AFFORDABLE_RENTAL", 2027, "旧名",
                null, BigDecimal.valueOf(80), null, null, null, null, BigDecimal.valueOf(800), null, null, null, null,
                null, null, p.version())))
                .isInstanceOf(IllegalStateException.class).hasMessageStartingWith("项目“旧名”已被系统于 ")
                .hasMessageEndingWith("修改，请刷新后重试（当前版本 1，提交的版本 0）");
        assertThat(projects.get(p.id(), YearMonth.of(2027, 12)).project().name()).isEqualTo("李桥乡80套保租房");
    }

    /** A town writes its own unit (its staff handle applications) but holds no projects: towns never report, so they would never count. */
    @Test
    void aProjectIsNotRegisteredAtATown() {
        assertThatThrownBy(() -> projects.save(new Project(null, "620702001000", null, "AFFORDABLE_RENTAL", 2026, "东街保租房",
                null, BigDecimal.ONE, null, null, null, null, null, null, null, null, null, null, null, 0)))
                .isInstanceOf(org.anju.platform.BadInput.class).hasMessageContaining("项目登记在县级单位");
        assertThat(projects.list("620700", 2026, null, "东街", YearMonth.of(2026, 12), 0).total()).isZero();
    }

    private Map<String, String> facts(org.anju.region.Region r, YearMonth p) {
        List<Fact> facts = projects.facts(r, p);
        return facts.stream().collect(Collectors.toMap(f -> indicators.byId(f.indicatorId()).code(),
                f -> f.value().stripTrailingZeros().toPlainString()));
    }

    /** Bounds (issue 10): no project holds two million units, nor 元 typed as 万元 beyond a trillion. */
    @Test
    void implausibleProjectFiguresAreRefusedNamingTheCell() {
        String csv = "地区,工程类别,年度,项目名称,套数,计划投资（万元）\n甘州区,保租房,2026,过大项目,2000000,100\n";
        assertThatThrownBy(() -> projects.importFile("过大.csv", csv.getBytes(StandardCharsets.UTF_8), "620700"))
                .isInstanceOf(InputException.class)
                .satisfies(e -> assertThat(((InputException) e).problems().getFirst().describe()).isEqualTo(
                        "文件 过大.csv，正文，第 2 行，第 E 列：套数不合理：2000000（应为不超过 1000000 套的整数；请核对数值和单位）"));
        assertThatThrownBy(() -> projects.save(new Project(null, "620702", null, "AFFORDABLE_RENTAL", 2026, "过大项目", null,
                BigDecimal.ONE, null, null, null, null, new BigDecimal("200000000"), null, null, null, null, null, null, 0)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("计划投资（万元）不合理：200000000（应不超过 100000000 万元，最多 4 位小数；请核对数值和单位）");
        assertThatThrownBy(() -> projects.save(new Project(null, "620702", null, "AFFORDABLE_RENTAL", 2026, "名".repeat(200_000),
                null, BigDecimal.ONE, null, null, null, null, null, null, null, null, null, null, null, 0)))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("项目名称过长：200000 字（最多 200 字）");
        assertThat(projects.list("620700", 2026, null, "过大", YearMonth.of(2026, 12), 0).total()).isZero();
    }

    /** A count is whole (1.5 套 is a typo, not a size): the cell or field is named, nothing written; areas keep decimals. */
    @Test
    void aFractionOfACountIsRefusedNamingTheCell() {
        String csv = "地区,工程类别,年度,项目名称,套数,户数,栋数,面积（万平方米）\n"
                + "甘州区,老旧小区改造,2029,半户小区,,120.5,3,1.2345\n";
        assertThatThrownBy(() -> projects.importFile("半户.csv", csv.getBytes(StandardCharsets.UTF_8), "620700"))
                .isInstanceOfSatisfying(InputException.class, e -> assertThat(e.problems()).extracting(Object::toString)
                        .containsExactly("文件 半户.csv，正文，第 2 行，第 F 列：户数应为整数：120.5（按户计数，不能有小数；"
                                + "请填写核实的整数，系统不代为舍入）"));
        assertThatThrownBy(() -> projects.save(new Project(null, "620702", null, "OLD_COMMUNITY", 2029, "半户小区", null,
                null, new BigDecimal("120"), null, new BigDecimal("2.5"), new BigDecimal("1.2345"), null, null, null, null,
                null, null, null, 0)))
                .isInstanceOf(org.anju.platform.BadInput.class).hasMessageStartingWith("栋数应为整数：2.5（按栋计数");
        assertThat(projects.list("620700", 2029, null, "半户", YearMonth.of(2029, 12), 0).total()).as("nothing written").isZero();
        // a workbook's number its format shows rounded (0: 120.5 shows 121) is said as such; a text cell is not
        byte[] xlsx = org.anju.Workbooks.xlsx("项目库", new Object[] {"地区", "工程类别", "年度", "项目名称", "套数", "户数", "栋数"},
                new Object[] {"甘州区", "老旧小区改造", 2029.0, "半户小区", null, org.anju.Workbooks.formatted(120.5, "0"), "3.5"});
        assertThatThrownBy(() -> projects.importFile("半户.xlsx", xlsx, "620700"))
                .isInstanceOfSatisfying(InputException.class, e -> assertThat(e.problems()).extracting(Object::toString)
                        .containsExactly("文件 半户.xlsx，工作表 项目库，第 2 行，第 F 列：户数应为整数：120.5（按户计数，不能有小数；"
                                        + "这是单元格里存的数值，表格按单元格格式显示为舍入后的 121；请填写核实的整数，系统不代为舍入）",
                                "文件 半户.xlsx，工作表 项目库，第 2 行，第 G 列：栋数应为整数：3.5（按栋计数，不能有小数；"
                                        + "请填写核实的整数，系统不代为舍入）"));

        projects.importFile("半户.csv", csv.replace("120.5", "120").getBytes(StandardCharsets.UTF_8), "620700");
        assertThat(projects.list("620700", 2029, null, "半户", YearMonth.of(2029, 12), 0).total()).as("area keeps its decimals")
                .isEqualTo(1);
    }
}
