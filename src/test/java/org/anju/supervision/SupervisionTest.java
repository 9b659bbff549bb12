package org.anju.supervision;

import org.anju.AnjuTest;
import org.anju.demo.DemoData;
import org.anju.indicator.BuildingType;
import org.anju.indicator.Placement;
import org.anju.progress.Progress;
import org.anju.project.Project;
import org.anju.project.Projects;
import org.anju.region.Regions;
import org.anju.report.Reports;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Milestones, 序时进度 and projections against the Jiangxi and Shangrao 2023 plans (seeds 001/000):
 * 上饶经开区 reports affordable-rental starts below its target.
 */
@AnjuTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestPropertySource(properties = "anju.test.database=supervision")
class SupervisionTest {

    static final String XINZHOU = "361100-K1";   // 上饶经开区: a member of 中心城区 with an affordable-rental target
    static final String SHANGRAO = "361100";
    static final String RENTAL = "AFFORDABLE_RENTAL.START.UNIT";

    @Autowired
    DemoData demo;
    @Autowired
    Projects projects;
    @Autowired
    Reports reports;
    @Autowired
    Supervision supervision;
    @Autowired
    Progress progress;
    @Autowired
    Regions regions;

    BigDecimal target;

    @BeforeAll
    void reportTwoMonths() {
        demo.loadOnce();
        target = progress.summary(XINZHOU, YearMonth.of(2023, 6)).target(RENTAL);
        // two projects: a third of the target started in May, another third in August
        BigDecimal third = target.divide(BigDecimal.valueOf(3), 0, java.math.RoundingMode.DOWN);
        projects.save(new Project(null, XINZHOU, null, "AFFORDABLE_RENTAL", 2023, "经开区保租房一期", null, third, null, null,
                null, null, BigDecimal.valueOf(3000), LocalDate.of(2023, 3, 1), LocalDate.of(2023, 5, 10), null, null, null, null, 0));
        projects.save(new Project(null, XINZHOU, null, "AFFORDABLE_RENTAL", 2023, "经开区保租房二期", null, third, null, null,
                null, null, BigDecimal.valueOf(3000), null, LocalDate.of(2023, 8, 10), null, null, null, null, 0));
        for (YearMonth m : List.of(YearMonth.of(2023, 6), YearMonth.of(2023, 9))) {
            reports.submit(XINZHOU, m, 0);
        }
    }

    @Test
    void theTargetComesFromTheNearestPlan() {
        assertThat(target).isNotNull().isPositive();
        assertThat(progress.summary(XINZHOU, YearMonth.of(2023, 9)).actual(RENTAL))
                .isEqualByComparingTo(target.divide(BigDecimal.valueOf(3), 0, java.math.RoundingMode.DOWN).multiply(BigDecimal.TWO));
    }

    @Test
    void aStricterMilestoneRaisesTheSchedule() {
        // Shangrao: 8月底前 保租房全面达到开工要求 (100%): in June 6/8 of the way, stricter than 6/12
        Supervision.Schedule june = supervision.schedule(regions.byCode(XINZHOU).orElseThrow(), YearMonth.of(2023, 6), RENTAL);
        assertThat(june.expected()).isEqualByComparingTo("75.0");
        assertThat(june.basis()).contains("2023-08-31", "100%");
        Supervision.Schedule march = supervision.schedule(regions.byCode(XINZHOU).orElseThrow(), YearMonth.of(2023, 3),
                "RENTAL_SUBSIDY.ISSUE.HOUSEHOLD");
        assertThat(march.expected()).isEqualByComparingTo("25.0");
        assertThat(march.basis()).isEqualTo("序时进度 3/12");
        assertThat(supervision.lagging(SHANGRAO, YearMonth.of(2023, 6)))
                .anySatisfy(l -> {
                    assertThat(l.regionCode()).isEqualTo(XINZHOU);
                    assertThat(l.rateName()).isEqualTo("开工率");
                    assertThat(l.expected()).isEqualByComparingTo("75.0");
                });
    }

    @Test
    void aMissedMilestoneIsAnAlertOnceDue() {
        assertThat(supervision.milestoneAlerts(SHANGRAO, YearMonth.of(2023, 6)))
                .noneMatch(a -> a.regionCode().equals(XINZHOU) && RENTAL.equals(a.indicatorCode()));
        List<MilestoneAlert> september = supervision.milestoneAlerts(SHANGRAO, YearMonth.of(2023, 9));
        assertThat(september).filteredOn(a -> a.regionCode().equals(XINZHOU) && RENTAL.equals(a.indicatorCode()))
                .isNotEmpty().allSatisfy(a -> {
                    assertThat(a.dueOn()).isEqualTo(LocalDate.of(2023, 8, 31));
                    assertThat(a.rate()).isLessThan(BigDecimal.valueOf(67));
                    assertThat(a.message()).contains("2023-08-31", "100%");
                });
    }

    /**
     * Every milestone of the Shangrao plan (seed 000) is checked the way it can be: on the projects it names, on the
     * figures, or listed for a person. The projects are 上饶经开区's, with the attributes the plan's dates depend on.
     */
    @Test
    void everyMilestoneIsCheckedOnWhatItNames() {
        // June and September are in the sums: final until the city returns them, so the projects can be entered
        List<YearMonth> submitted = List.of(YearMonth.of(2023, 6), YearMonth.of(2023, 9));
        for (YearMonth m : submitted) {
            reports.returnReport(XINZHOU, m, reports.get(XINZHOU, m).version(), "补录项目库");
        }
        // 前期工作 80% by 3月底 (2023 old-community projects, by 小区): 4 of 5 小区 done
        save("OLD_COMMUNITY", 2023, "经开区老旧小区一期", null, null, BigDecimal.valueOf(4), LocalDate.of(2023, 3, 10), null, null, null);
        save("OLD_COMMUNITY", 2023, "经开区老旧小区二期", null, null, BigDecimal.ONE, null, null, null, null);
        // 2022年老旧小区 4月底全部完工: a 2022 project finished 2023-04-20
        save("OLD_COMMUNITY", 2022, "经开区2022年老旧小区", null, null, BigDecimal.valueOf(3), LocalDate.of(2022, 3, 1),
                LocalDate.of(2022, 5, 1), LocalDate.of(2023, 4, 20), null);
        // 8月底: 货币化安置/异地建设 开工 — 100 异地 started, 50 货币化 not; 10月底: 就地建设 — not started
        saveShanty(2023, "经开区异地安置房", 100, Placement.OFF_SITE, null, LocalDate.of(2023, 7, 1), null);
        saveShanty(2023, "经开区货币化安置", 50, Placement.CASH, null, null, null);
        saveShanty(2023, "经开区就地安置房", 70, Placement.ON_SITE, null, null, null);
        // 8月底 基本建成: 2021年结转高层 done, 2022年结转多层 not
        saveShanty(2021, "经开区2021年高层安置房", 200, null, BuildingType.HIGH_RISE, LocalDate.of(2021, 5, 1), LocalDate.of(2023, 8, 15));
        saveShanty(2022, "经开区2022年多层安置房", 60, null, BuildingType.MULTI_STOREY, LocalDate.of(2022, 5, 1), null);
        for (YearMonth m : submitted) {
            reports.submit(XINZHOU, m, reports.get(XINZHOU, m).version());
        }

        List<MilestoneCheck> march = checks(YearMonth.of(2023, 3));
        assertThat(one(march, "前期工作")).satisfies(c -> {
            assertThat(c.status()).isEqualTo(MilestoneCheck.Status.MET);
            assertThat(c.rate()).isEqualByComparingTo("80.0");
            assertThat(c.basis()).isEqualTo("项目库：2个项目，其中1个已完成前期工作");
        });
        assertThat(one(march, "2022年项目）完工").status()).isEqualTo(MilestoneCheck.Status.PENDING);
        assertThat(one(checks(YearMonth.of(2023, 4)), "2022年项目）完工")).satisfies(c -> {
            assertThat(c.status()).isEqualTo(MilestoneCheck.Status.MET);
            assertThat(c.rate()).isEqualByComparingTo("100.0");
        });

        List<MilestoneCheck> august = checks(YearMonth.of(2023, 8));
        assertThat(one(august, "货币化安置、异地建设安置）开工")).satisfies(c -> {
            assertThat(c.status()).isEqualTo(MilestoneCheck.Status.MISSED);
            assertThat(c.rate()).isEqualByComparingTo("66.7");     // 100 of 150: the 就地 project is not in it
        });
        assertThat(one(august, "就地建设安置）开工")).satisfies(c -> {
            assertThat(c.status()).isEqualTo(MilestoneCheck.Status.PENDING);
            assertThat(c.rate()).isEqualByComparingTo("0.0");
        });
        assertThat(one(august, "2021年项目，高层）基本建成").status()).isEqualTo(MilestoneCheck.Status.MET);
        assertThat(one(august, "城市棚户区改造（2022年项目，多层）基本建成").status()).isEqualTo(MilestoneCheck.Status.MISSED);
        assertThat(one(august, "保障性租赁住房（2022年项目，多层）基本建成").status())
                .as("no such project in the register: nothing to measure, not 0%").isEqualTo(MilestoneCheck.Status.NO_DATA);
        assertThat(one(august, "保障性租赁住房筹集（开工）").status()).as("no report for August")
                .isEqualTo(MilestoneCheck.Status.UNREPORTED);
        assertThat(supervision.milestoneAlerts(SHANGRAO, YearMonth.of(2023, 8)))
                .filteredOn(a -> a.regionCode().equals(XINZHOU) && a.plan().startsWith("关于下达"))
                .extracting(MilestoneAlert::indicatorName)
                .containsExactlyInAnyOrder("城市棚户区改造（2023年项目，货币化安置、异地建设安置）开工（按套数）",
                        "城市棚户区改造（2022年项目，多层）基本建成（按套数）");
        assertThat(one(checks(YearMonth.of(2023, 11)), "报送新建项目开工和续建项目完工情况")).satisfies(c -> {
            assertThat(c.status()).isEqualTo(MilestoneCheck.Status.MANUAL);
            assertThat(c.rate()).isNull();
        });
    }

    private List<MilestoneCheck> checks(YearMonth period) {
        // the Shangrao plan's (seed 000); the province's (seed 001) apply too and are checked alike
        return supervision.milestoneChecks(SHANGRAO, period).stream().filter(c -> c.regionCode().equals(XINZHOU))
                .filter(c -> c.plan().equals("关于下达2023年全市保障性安居工程建设工作计划的通知")).toList();
    }

    private static MilestoneCheck one(List<MilestoneCheck> checks, String what) {
        List<MilestoneCheck> found = checks.stream().filter(c -> c.what().contains(what)).toList();
        assertThat(found).as(what + " in " + checks.stream().map(MilestoneCheck::what).toList()).hasSize(1);
        return found.getFirst();
    }

    private void save(String program, int year, String name, BigDecimal units, BigDecimal households, BigDecimal communities,
                      LocalDate prelim, LocalDate started, LocalDate completed, Placement placement) {
        projects.save(new Project(null, XINZHOU, null, program, year, name, null, units, households, communities, null,
                null, null, prelim, started, completed, null, null, null, null, placement, null, null, null, 0));
    }

    private void saveShanty(int year, String name, int units, Placement placement, BuildingType type, LocalDate started,
                            LocalDate completed) {
        projects.save(new Project(null, XINZHOU, null, "SHANTYTOWN", year, name, null, BigDecimal.valueOf(units), null,
                null, null, null, null, null, started, completed, null, null, null, null, placement, null, type, null, 0));
    }

    @Test
    void projectionFollowsTheLastThreeMonths() {
        Projection p = supervision.projections(SHANGRAO, YearMonth.of(2023, 9)).stream()
                .filter(x -> x.regionCode().equals(XINZHOU) && x.indicatorCode().equals(RENTAL)).findFirst().orElseThrow();
        BigDecimal third = target.divide(BigDecimal.valueOf(3), 0, java.math.RoundingMode.DOWN);
        // June → September: one third more; three more months at that pace: another third
        assertThat(p.projected()).isEqualByComparingTo(third.multiply(BigDecimal.valueOf(3)));
        assertThat(p.method()).isEqualTo("按近3个月进度");
    }

    @Test
    void aGroupIsItsMembersAndTheCityCountsThemOnce() {
        YearMonth sept = YearMonth.of(2023, 9);
        BigDecimal unit = progress.summary(XINZHOU, sept).actual(RENTAL);
        assertThat(progress.summary("361100-ZX", sept).actual(RENTAL)).isEqualByComparingTo(unit);
        assertThat(progress.summary(SHANGRAO, sept).actual(RENTAL)).isEqualByComparingTo(unit);
        assertThat(progress.summary("360000", sept).actual(RENTAL)).isEqualByComparingTo(unit);
    }
}
