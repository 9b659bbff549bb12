package org.anju.plan.imports;

import org.anju.AnjuTest;
import org.anju.plan.Plans;
import org.anju.plan.PublishedProgress;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.springframework.beans.factory.annotation.Autowired;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The real-world corpus (src/test/resources/realworld, sources in SOURCES.md): every table in every form it is
 * kept in is imported as a user would — first as it is, then with the answers an official gives in the preview
 * (answers.txt, the command line's options) — and must store exactly the figures the collector read off the page
 * (expected.tsv: region, indicator, year, kind, period, value as printed), report exactly the findings listed
 * (findings.txt), or be refused with the message that says why (refused.txt), writing nothing. A second form of a
 * table already imported warns that it is the same table, or — for a plan of the same title — is refused until the
 * user chooses to replace it.
 */
@AnjuTest
class RealWorldCorpusTest {

    @Autowired
    PlanImporter importer;
    @Autowired
    Plans plans;

    @TestFactory
    Stream<DynamicTest> everyTableInEveryForm() throws IOException {
        return CorpusCase.all().stream().map(c -> DynamicTest.dynamicTest(c.name(), () -> check(c)));
    }

    /**
     * Every form previewed with the answers; the first committed and read back, the others then warn that the same
     * table is already in; what was committed is deleted again (the shared database stays as it was).
     */
    private void check(CorpusCase c) throws IOException {
        ImportResult first = null;
        try {
            for (Path form : c.forms()) {
                byte[] content = Files.readAllBytes(form);
                String name = form.getFileName().toString();
                if (c.refusal() != null) {
                    ImportResult committed = importer.importFile(name, content, c.options(false));
                    assertThat(committed.ok()).as(name + " refused").isFalse();
                    assertThat(committed.problems()).extracting(ImportResult.Problem::message).as(name)
                            .anySatisfy(m -> assertThat(m).contains(c.refusal()));
                    assertThat(committed.planId()).isNull();
                    assertThat(committed.progressId()).isNull();
                    continue;
                }
                ImportResult result = importer.importFile(name, content, c.options(true));
                if (first != null && first.planId() != null && !result.problems().isEmpty()) {
                    // the same document under the same title: refused until the user chooses to replace it
                    String stored = "（编号 " + first.planId() + "）已有分解表";
                    assertThat(result.problems()).singleElement().satisfies(p -> assertThat(p.message())
                            .contains(stored, "--replace"));
                    continue;
                }
                assertThat(result.problems()).as(name + " problems").isEmpty();
                assertThat(result.questions()).as(name + " questions left after the answers").isEmpty();
                assertThat(lines(result.figures())).as(name + " figures")
                        .containsExactlyInAnyOrderElementsOf(c.expected());
                assertThat(result.findings()).extracting(f -> f.message()).as(name + " findings")
                        .containsExactlyInAnyOrderElementsOf(c.findings());
                if (first == null) {
                    assertThat(result.warnings()).as(name + " warnings").isEmpty();
                    first = importer.importFile(name, content, c.options(false));
                    assertThat(first.committed()).isTrue();
                    assertThat(storedLines(first)).as(name + " figures as stored")
                            .containsExactlyInAnyOrderElementsOf(c.expected());
                } else {
                    assertThat(result.warnings()).as(name + ": a second form of a table already imported")
                            .isNotEmpty().allSatisfy(w -> assertThat(w).contains("数字完全相同"));
                }
            }
        } finally {
            if (first != null && first.planId() != null) {
                plans.delete(first.planId());
            }
            if (first != null && first.progressId() != null) {
                plans.deleteProgress(first.progressId());
            }
        }
    }

    /** region|indicator|year|kind|period|printed, the total row as TOTAL, a rate without its % sign. */
    static List<String> lines(List<ImportResult.FigureLine> figures) {
        return figures.stream().map(f -> line("TOTAL".equals(f.role()) ? "TOTAL" : f.regionCode(), f.indicatorCode(),
                f.year(), f.kind(), f.period(), f.printed())).toList();
    }

    private List<String> storedLines(ImportResult r) {
        List<String> lines = new ArrayList<>();
        if (r.planId() != null) {
            plans.tables(r.planId()).forEach(t -> t.rows().forEach(row -> {
                for (int c = 0; c < t.columns().size(); c++) {
                    var cell = row.cell(c);
                    if (!cell.blank()) {
                        var col = t.columns().get(c);
                        lines.add(line(row.role().name().equals("TOTAL") ? "TOTAL" : row.region().code(),
                                col.indicator().code(), col.year(), col.kind().name(), null, col.printed(cell)));
                    }
                }
            }));
        }
        if (r.progressId() != null) {
            PublishedProgress p = plans.readProgress(r.progressId());
            for (int k = 0; k < p.tables().size(); k++) {
                var t = p.tables().get(k);
                String period = p.periods().get(k).toString();
                t.rows().forEach(row -> {
                    for (int c = 0; c < t.columns().size(); c++) {
                        var cell = row.cell(c);
                        if (!cell.blank()) {
                            var col = t.columns().get(c);
                            lines.add(line(row.role().name().equals("TOTAL") ? "TOTAL" : row.region().code(),
                                    col.indicator().code(), col.year(), col.kind().name(),
                                    col.kind().name().equals("TARGET") ? null : period, col.printed(cell)));
                        }
                    }
                });
            }
        }
        return lines;
    }

    static String line(String region, String indicator, Integer year, String kind, String period, String printed) {
        String value = printed.endsWith("%") ? printed.substring(0, printed.length() - 1) : printed;
        return region + "|" + indicator + "|" + year + "|" + kind + "|" + (period == null ? "" : period) + "|" + value;
    }
}
