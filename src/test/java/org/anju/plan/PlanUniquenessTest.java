package org.anju.plan;

import org.anju.AnjuTest;
import org.anju.region.Regions;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Three imports of the same table at once made three plans (issue 10). The database now holds one plan per issuer,
 * title and years (without 文号) or per 文号: of three simultaneous saves one wins, the others are refused naming it.
 */
@AnjuTest
@TestPropertySource(properties = "anju.test.database=plan_uniqueness")
class PlanUniquenessTest {

    @Autowired
    Plans plans;
    @Autowired
    Regions regions;

    List<Object> saveThreeAtOnce(Plan plan) throws InterruptedException {
        CountDownLatch start = new CountDownLatch(1);
        List<Object> outcomes = new ArrayList<>();
        try (ExecutorService pool = Executors.newFixedThreadPool(3)) {
            List<Future<Long>> futures = new ArrayList<>();
            for (int i = 0; i < 3; i++) {
                Callable<Long> save = () -> {
                    start.await();
                    // a thread of its own: it says whom it acts for
                    return org.anju.account.Access.runAs(org.anju.account.Actor.system(regions.root()),
                            () -> plans.save(new PlanDraft(plan, List.of(), List.of(), List.of()), false));
                };
                futures.add(pool.submit(save));
            }
            start.countDown();
            for (Future<Long> f : futures) {
                try {
                    outcomes.add(f.get());
                } catch (ExecutionException e) {
                    outcomes.add(e.getCause());
                }
            }
        }
        return outcomes;
    }

    @Test
    void ofThreeSimultaneousSavesOfOnePlanOneWins() throws Exception {
        int shangrao = regions.byCode("361100").orElseThrow().id();
        List<Object> outcomes = saveThreeAtOnce(new Plan(null, "2025年城镇老旧小区改造计划", shangrao, null, null, null,
                2025, 2025, null, "计划.xlsx", null));
        assertThat(outcomes).filteredOn(Long.class::isInstance).hasSize(1);
        assertThat(outcomes).filteredOn(IllegalStateException.class::isInstance).hasSize(2)
                .allSatisfy(e -> assertThat(((Exception) e).getMessage()).isEqualTo(
                        "上饶市已有2025年的计划「2025年城镇老旧小区改造计划」（无文号）；如需替换，请在导入时选择替换该计划，或填写文号区分"));
        assertThat(plans.readable()).filteredOn(p -> p.title().equals("2025年城镇老旧小区改造计划")).hasSize(1);

        // the same title for other years, or with a 文号, is another plan
        plans.save(new PlanDraft(new Plan(null, "2025年城镇老旧小区改造计划", shangrao, null, null, null, 2025, 2026, null,
                "计划.xlsx", null), List.of(), List.of(), List.of()), false);
        List<Object> numbered = saveThreeAtOnce(new Plan(null, "2025年城镇老旧小区改造计划", shangrao, null,
                "饶市建字〔2025〕9号", null, 2025, 2025, null, "计划.xlsx", null));
        assertThat(numbered).filteredOn(Long.class::isInstance).hasSize(1);
        assertThat(numbered).filteredOn(IllegalStateException.class::isInstance).hasSize(2)
                .allSatisfy(e -> assertThat(((Exception) e).getMessage())
                        .isEqualTo("文号 饶市建字〔2025〕9号 的计划已存在；如需替换，请在导入时选择替换该计划"));
    }

    @Test
    void aTownIssuesNoPlan() {
        org.anju.region.Region street = regions.byCode("360702001000").orElseThrow();   // 解放街道, 章贡区
        org.anju.account.Actor reviewer = new org.anju.account.Actor("jf_reviewer", "解放街道初审员", street,
                java.util.EnumSet.of(org.anju.account.Role.TOWN_REVIEWER), org.anju.account.Channel.UI, false);
        int before = plans.readable().size();
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> org.anju.account.Access.runAs(reviewer,
                        () -> plans.save(new PlanDraft(new Plan(null, "解放街道2025年计划", street.id(), null, null, null,
                                2025, 2025, null, "计划.xlsx", null), List.of(), List.of(), List.of()), false)))
                .isInstanceOf(org.anju.platform.BadInput.class)
                .hasMessage("解放街道是乡级，不能作为计划的下达单位：计划由县级及以上单位下达");
        assertThat(plans.readable()).hasSize(before);
    }
}
