package org.anju.plan;

import org.anju.AnjuTest;
import org.anju.plan.imports.ImportOptions;
import org.anju.plan.imports.ImportResult;
import org.anju.plan.imports.PlanImporter;
import org.anju.region.RegionKind;
import org.anju.region.Regions;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.math.BigDecimal;
import java.util.List;
import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

/** The benchmark's national plan imports cleanly: every county resolved, parents add up, totals right. */
@AnjuTest
class SyntheticNationalPlanTest {

    @Autowired
    PlanImporter importer;
    @Autowired
    Plans plans;
    @Autowired
    Regions regions;
    @Autowired
    PlanRepository repository;

    @Test
    void allCountyLevelUnitsTimesFifteenIndicators() {
        byte[] text = SyntheticNationalPlan.text(regions, 7).getBytes(StandardCharsets.UTF_8);
        ImportResult r = importer.importFile("全国.txt", text, ImportOptions.commit());
        assertThat(r.problems()).isEmpty();
        try {
            assertThat(r.plan().issuerCode()).isEqualTo("000000");
            assertThat(r.findings()).isEmpty();
            assertThat(r.tables()).hasSize(7);
            long counties = SyntheticNationalPlan.counties(regions);
            assertThat(counties).isGreaterThan(2800);
            int figures = r.tables().stream().mapToInt(ImportResult.TableSummary::figures).sum();
            assertThat(r.tables().stream().mapToInt(t -> t.columns().size()).sum()).isEqualTo(SyntheticNationalPlan.INDICATORS);
            BreakdownTable rental = plans.tables(r.planId()).getFirst();
            assertThat(rental.rows().stream().filter(x -> x.region().kind() == RegionKind.COUNTY)).hasSize((int) counties);
            assertThat(figures).isGreaterThan((int) counties * SyntheticNationalPlan.INDICATORS);

            BigDecimal printedTotal = rental.rows().getFirst().cell(0).value();
            BigDecimal subtree = plans.subtreeTotals(r.planId(), "000000").stream()
                    .filter(t -> t.indicatorCode().equals("AFFORDABLE_RENTAL.START.UNIT")).findFirst().orElseThrow().total();
            assertThat(subtree).isEqualByComparingTo(printedTotal);
            // the subtree sums written from memory (issue 15) are the SQL over the stored targets, every one of them
            List<TargetRollup.Sum> sql = repository.rollupInSql(r.planId());
            assertThat(sql).hasSizeGreaterThan(5000);
            assertThat(TargetRollup.same(repository.storedRollup(r.planId()), sql)).isTrue();
        } finally {
            plans.delete(r.planId());
        }
    }
}
