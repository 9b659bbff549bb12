package org.anju.plan;

import org.anju.SeedDataTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * target_rollup is written from the imported tables in memory ({@link TargetRollup}, issue 15): for every seed plan it
 * holds exactly what the SQL over the stored targets and region_ancestor gives.
 */
@SeedDataTest
class TargetRollupStoredTest {

    @Autowired
    PlanRepository repository;

    @Test
    void everySeedPlansSubtreeSumsAreTheSqlOverItsStoredTargets() {
        List<Plan> withTables = repository.plans().stream().filter(p -> !repository.tables(p.id()).isEmpty()).toList();
        assertThat(withTables).hasSizeGreaterThanOrEqualTo(2);
        for (Plan p : withTables) {
            List<TargetRollup.Sum> stored = repository.storedRollup(p.id());
            List<TargetRollup.Sum> sql = repository.rollupInSql(p.id());
            assertThat(sql).as(p.label()).isNotEmpty();
            assertThat(TargetRollup.same(stored, sql)).as(p.label() + ": " + stored + " / " + sql).isTrue();
        }
    }
}
