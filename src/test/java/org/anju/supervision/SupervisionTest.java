package org.anju.supervision;

import org.anju.AnjuTest;
import org.anju.demo.DemoData;
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
                .noneMatch(a -> a.regionCode().equals(XINZHOU) && a.indicatorCode().equals(RENTAL));
        List<MilestoneAlert> september = supervision.milestoneAlerts(SHANGRAO, YearMonth.of(2023, 9));
        assertThat(september).filteredOn(a -> a.regionCode().equals(XINZHOU) && a.indicatorCode().equals(RENTAL))
                .isNotEmpty().allSatisfy(a -> {
                    assertThat(a.dueOn()).isEqualTo(LocalDate.of(2023, 8, 31));
                    assertThat(a.rate()).isLessThan(BigDecimal.valueOf(67));
                    assertThat(a.message()).contains("2023-08-31", "100%");
                });
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
