package org.anju.project;

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
        assertThat(projects.list("620700", 2025, null, null, YearMonth.of(2025, 12), 0).total()).isEqualTo(3);
        assertThat(projects.list("620700", 2025, "SHANTYTOWN", "长征", YearMonth.of(2025, 12), 0).projects())
                .singleElement().satisfies(v -> {
                    assertThat(v.investment()).isEqualByComparingTo("1800");
                    assertThat(v.imageProgress()).isEqualTo("主体施工");
                });
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
                        .containsExactly("文件 坏.csv，正文，第 3 行，第 A 列：未知地区：火星县",
                                "文件 坏.csv，正文，第 4 行，第 E 列：“套数”不是数字：十",
                                "文件 坏.csv，正文，第 5 行，第 J 列：“开工日期”不是日期（如 2023-06-30）：2026-13-01",
                                "文件 坏.csv，正文，第 6 行，第 H 列：“计划投资（万元）”不能为负数：-5",
                                "文件 坏.csv，正文，第 7 行，第 A 列：南京市不在张掖市范围内"));
        assertThat(projects.list("620700", 2026, null, null, YearMonth.of(2026, 12), 0).total()).isZero();
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
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("已被他人修改，请刷新后重试");
        assertThat(projects.get(p.id(), YearMonth.of(2027, 12)).project().name()).isEqualTo("李桥乡80套保租房");
    }

    private Map<String, String> facts(org.anju.region.Region r, YearMonth p) {
        List<Fact> facts = projects.facts(r, p);
        return facts.stream().collect(Collectors.toMap(f -> indicators.byId(f.indicatorId()).code(),
                f -> f.value().stripTrailingZeros().toPlainString()));
    }
}
