package org.anju.plan;

import org.anju.SeedDataTest;
import org.anju.plan.export.XlsxExport;
import org.anju.plan.imports.ImportOptions;
import org.anju.plan.imports.ImportResult;
import org.anju.plan.imports.PlanImporter;
import org.anju.region.Regions;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Import → export → import gives the same tables: layout, rows, figures and their printed decimals. */
@SeedDataTest
class ExportRoundTripTest {

    @Autowired
    Plans plans;
    @Autowired
    PlanImporter importer;
    @Autowired
    XlsxExport export;
    @Autowired
    Regions regions;

    @Test
    void everySeedPlanSurvivesExportAndReimport() {
        List<Plan> withTables = plans.readable().stream().filter(p -> !plans.tables(p.id()).isEmpty()).toList();
        assertThat(withTables).hasSize(4);   // seeds 000, 001, 002 and the Zhangye 2023 targets (progress demo data)
        for (Plan p : withTables) {
            List<BreakdownTable> original = plans.tables(p.id());
            byte[] xlsx = export.write(original);
            String issuer = regions.byId(p.issuerRegionId()).code();
            ImportResult r = importer.importFile("往返.xlsx", xlsx, new ImportOptions(false, null, false, issuer, null,
                    "往返测试 " + p.label(), null, null, p.firstYear(), p.lastYear(), null, null, false, null, null));
            assertThat(r.problems()).as(p.label()).isEmpty();
            try {
                List<BreakdownTable> back = plans.tables(r.planId());
                assertThat(back).hasSameSizeAs(original);
                for (int i = 0; i < original.size(); i++) {
                    assertSameTable(back.get(i), original.get(i));
                }
                assertThat(export.write(back)).as("export of the re-imported plan").isNotEmpty();
            } finally {
                plans.delete(r.planId());
            }
        }
    }

    private static void assertSameTable(BreakdownTable actual, BreakdownTable expected) {
        String what = expected.displayLabel();
        assertThat(actual.label()).as(what).isEqualTo(expected.label());
        assertThat(actual.title()).as(what).isEqualTo(expected.title());
        assertThat(actual.unitLine()).as(what).isEqualTo(expected.unitLine());
        assertThat(actual.rowHeader()).as(what).isEqualTo(expected.rowHeader());
        assertThat(actual.note()).as(what).isEqualTo(expected.note());
        assertThat(actual.columns()).as(what).extracting(BreakdownTable.Column::header, c -> c.indicator().code(),
                BreakdownTable.Column::year).isEqualTo(expected.columns().stream()
                .map(c -> org.assertj.core.groups.Tuple.tuple(c.header(), c.indicator().code(), c.year())).toList());
        assertThat(actual.rows()).as(what).extracting(BreakdownTable.Row::label, r -> r.region().code(),
                BreakdownTable.Row::role, BreakdownTable.Row::parentSeq, BreakdownTable.Row::cells).isEqualTo(
                expected.rows().stream().map(r -> org.assertj.core.groups.Tuple.tuple(r.label(), r.region().code(),
                        r.role(), r.parentSeq(), r.cells())).toList());
    }
}
