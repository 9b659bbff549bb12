package org.anju.demo;

import org.anju.AnjuTest;
import org.anju.plan.StatedTotal;
import org.anju.plan.imports.ImportOptions;
import org.anju.plan.imports.ImportResult;
import org.anju.plan.imports.PlanImporter;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.math.BigDecimal;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The totals a plan's running text states are read from the text itself, not only from the seeds' hand-written
 * manifest: for every seed with tables, what the import extracts is what the manifest lists — indicator(s), year
 * (none for a multi-year plan's whole period) and value — and nothing the tables hold is extracted beyond it.
 */
@AnjuTest
class TextTotalsTest {

    @Autowired
    PlanImporter importer;

    @Test
    void everyTotalTheManifestListsIsReadFromTheText() {
        for (SeedManifest.SeedPlan seed : SeedManifest.load().plans()) {
            if (!seed.tables() || seed.statedTotals().isEmpty()) {
                continue;
            }
            ImportResult r = importer.importFile(seed.file(), DemoData.read(seed.file()), ImportOptions.preview());
            assertThat(r.problems()).as(seed.file()).isEmpty();
            List<String> extracted = r.stated().stream().map(s -> key(s.indicator(), s.year(), s.value())).toList();
            List<String> matched = r.stated().stream().filter(s -> !s.status().equals("UNMATCHED"))
                    .map(s -> key(s.indicator(), s.year(), s.value())).toList();
            List<String> manifest = seed.statedTotals().stream().map(TextTotalsTest::key).toList();
            assertThat(extracted).as(seed.file() + ": the manifest's totals are in the text").containsAll(manifest);
            assertThat(manifest).as(seed.file() + ": totals extracted and found in the tables").containsAll(matched);
        }
    }

    private static String key(StatedTotal t) {
        return key(String.join("＋", t.indicatorCodes()), t.year(), t.value());
    }

    private static String key(String indicators, Integer year, BigDecimal value) {
        return indicators + "|" + year + "|" + value.stripTrailingZeros().toPlainString();
    }
}
