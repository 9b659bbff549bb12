package org.anju.report;

import org.anju.AnjuTest;
import org.anju.platform.ConcurrentUpdateException;
import org.anju.progress.Progress;
import org.anju.project.Project;
import org.anju.project.ProjectView;
import org.anju.project.Projects;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.YearMonth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Lock means final (issue 10): once a unit's month is in the sums — submitted, approved or locked — the projects and
 * progress it was computed from cannot change it; the level above returns (or, when locked, reopens with a reason)
 * first. Changes that leave every counted month as it was go through.
 */
@AnjuTest
@TestPropertySource(properties = "anju.test.database=locked_month")
class LockedMonthTest {

    static final String GANZHOU = "620702";
    static final String CITY = "620700";
    static final String STARTED = "AFFORDABLE_RENTAL.START.UNIT";
    static final String INVESTMENT = "AFFORDABLE_RENTAL.INVESTMENT.YUAN_10K";
    static final YearMonth MARCH = YearMonth.of(2024, 3);

    @Autowired
    Reports reports;
    @Autowired
    Projects projects;
    @Autowired
    Progress progress;

    static Project project(Long id, int units, LocalDate basicCompleted, String name, int version) {
        return new Project(id, GANZHOU, null, "AFFORDABLE_RENTAL", 2024, name, null, BigDecimal.valueOf(units), null,
                null, null, null, BigDecimal.valueOf(900), null, LocalDate.of(2024, 2, 10), basicCompleted, null, null,
                null, version);
    }

    ProjectView stored(long id) {
        return projects.get(id, MARCH);
    }

    @Test
    void aCountedMonthCannotBeChangedThroughItsProjectsUntilTheLevelAboveReturnsOrReopensIt() {
        Project p = projects.save(project(null, 100, null, "甘州区锁定测试保租房", 0));
        int v = projects.recordProgress(p.id(), p.version(), YearMonth.of(2024, 2), new BigDecimal("50"), "基础施工");
        Report submitted = reports.submit(GANZHOU, MARCH, 0);
        assertThat(progress.summary(CITY, MARCH).actual(STARTED)).isEqualByComparingTo("100");
        assertThat(progress.summary(CITY, MARCH).actual(INVESTMENT)).isEqualByComparingTo("50");

        // what the submitted March was computed from cannot move
        assertThatThrownBy(() -> projects.save(project(p.id(), 120, null, "甘州区锁定测试保租房", v)))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("甘州区 2024-03 的月报已上报（已计入汇总），这项修改会改变这些月份由项目汇总的数据（2024-03 "
                        + "保障性租赁住房筹集（开工）（套）：100 → 120）。已上报、已审核和已锁定的月份是最终数据：请先由上级退回这些月报"
                        + "（已锁定的由审核单位解锁并说明原因），修改后重新上报");
        assertThatThrownBy(() -> projects.recordProgress(p.id(), v, MARCH, new BigDecimal("80"), null))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("保障性租赁住房完成投资（万元）：50 → 80");
        assertThatThrownBy(() -> projects.save(project(p.id(), 100, LocalDate.of(2024, 3, 15), "甘州区锁定测试保租房", v)))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("2024-03");
        assertThatThrownBy(() -> projects.delete(p.id(), v)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("100 → 0");
        String csv = "地区,工程类别,年度,项目名称,套数\n甘州区,保租房,2024,甘州区锁定测试保租房,130\n";
        assertThatThrownBy(() -> projects.importFile("项目.csv", csv.getBytes(StandardCharsets.UTF_8), CITY))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("100 → 130");
        assertThat(stored(p.id()).project().units()).as("nothing written").isEqualByComparingTo("100");
        assertThat(stored(p.id()).project().version()).isEqualTo(v);
        assertThat(stored(p.id()).investment()).isEqualByComparingTo("50");

        // what leaves March as it was goes through: a later month's progress, a completion after March, a rename
        int v2 = projects.recordProgress(p.id(), v, YearMonth.of(2024, 4), new BigDecimal("80"), "主体施工");
        Project renamed = projects.save(project(p.id(), 100, LocalDate.of(2024, 5, 20), "甘州区锁定测试保租房（一期）", v2));
        assertThat(progress.summary(CITY, MARCH).actual(STARTED)).isEqualByComparingTo("100");

        // locked: the approver reopens it, with a reason, recorded as such
        Report approved = reports.approve(GANZHOU, MARCH, submitted.version());
        Report locked = reports.lock(GANZHOU, MARCH, approved.version());
        assertThatThrownBy(() -> projects.save(project(p.id(), 120, renamed.basicCompletedOn(), renamed.name(),
                renamed.version()))).isInstanceOf(IllegalStateException.class).hasMessageContaining("100 → 120");
        assertThatThrownBy(() -> reports.returnReport(GANZHOU, MARCH, locked.version(), " "))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("退回须填写原因");
        Report reopened = reports.returnReport(GANZHOU, MARCH, locked.version(), "开工套数核实为120套");
        assertThat(reopened.status()).isEqualTo(ReportStatus.RETURNED);
        assertThat(reopened.events().getLast().action()).isEqualTo("REOPEN");
        assertThat(reopened.events().getLast().actionLabel()).isEqualTo("解锁退回");
        assertThat(reopened.events().getLast().reason()).isEqualTo("开工套数核实为120套");
        assertThat(progress.summary(CITY, MARCH).actual(STARTED)).as("out of the sums while reopened").isNull();

        projects.save(project(p.id(), 120, renamed.basicCompletedOn(), renamed.name(), renamed.version()));
        reports.submit(GANZHOU, MARCH, reopened.version());
        assertThat(progress.summary(CITY, MARCH).actual(STARTED)).as("the sums equal the register again")
                .isEqualByComparingTo("120");
    }

    @Test
    void progressCarriesTheProjectsVersionSoConcurrentWritesDoNotOverwriteEachOther() {
        Project p = projects.save(project(null, 40, null, "甘州区并发测试保租房", 0));
        int first = projects.recordProgress(p.id(), p.version(), YearMonth.of(2024, 6), new BigDecimal("10"), null);
        assertThat(first).isEqualTo(p.version() + 1);
        // a second writer who read the project before the first one recorded
        assertThatThrownBy(() -> projects.recordProgress(p.id(), p.version(), YearMonth.of(2024, 6), new BigDecimal("99"), null))
                .isInstanceOf(ConcurrentUpdateException.class).hasMessageStartingWith("项目“甘州区并发测试保租房”已被系统于 ")
                .hasMessageEndingWith("修改，请刷新后重试（当前版本 " + first + "，提交的版本 " + p.version() + "）");
        assertThatThrownBy(() -> projects.delete(p.id(), p.version())).isInstanceOf(ConcurrentUpdateException.class);
        assertThat(projects.get(p.id(), YearMonth.of(2024, 6)).investment()).isEqualByComparingTo("10");
        projects.delete(p.id(), first);
    }
}
