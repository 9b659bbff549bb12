package org.anju.plan.imports;

import org.anju.AnjuTest;
import org.anju.plan.Plans;
import org.anju.plan.PublishedProgress;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.io.ClassPathResource;

import java.io.IOException;
import java.time.YearMonth;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Seed 004 (张掖's 1—12月 bulletin) holds progress tables, not a plan: 附件1 counts three programs' 年度任务 |
 * 开工量 | 开工率 under one merged header with the unit line 单位：套、户 — 户 for 老旧小区, 套 for the others;
 * 附件2 the rental subsidy; 附件3 the funds. Imported as they are, they are the city's progress of 2023-12.
 */
@AnjuTest
class Seed004ProgressTablesTest {

    @Autowired
    PlanImporter importer;
    @Autowired
    Plans plans;

    @Test
    void theBulletinsAttachmentsAreTheCitysProgressOfDecember() throws IOException {
        byte[] seed = new ClassPathResource("seeds/004_64843f5eaf2b07e8.txt").getContentAsByteArray();
        ImportResult r = importer.importFile("004.txt", seed, ImportOptions.preview());
        assertThat(r.problems()).isEmpty();
        assertThat(r.questions()).isEmpty();
        assertThat(r.plan()).as("no plan: these are progress tables").isNull();
        assertThat(r.progress().issuerCode()).isEqualTo("620700");
        assertThat(r.progress().period()).isEqualTo("2023-12");
        assertThat(r.tables()).extracting(ImportResult.TableSummary::label, ImportResult.TableSummary::kind,
                ImportResult.TableSummary::period).containsExactly(
                org.assertj.core.groups.Tuple.tuple("附件1", "PROGRESS", "2023-12"),
                org.assertj.core.groups.Tuple.tuple("附件2", "PROGRESS", "2023-12"),
                org.assertj.core.groups.Tuple.tuple("附件3", "PROGRESS", "2023-12"));
        // 老旧小区 counts households (单位：套、户 — 小区 in the program's name is no unit), the others 套
        assertThat(RealWorldCorpusTest.lines(r.figures())).contains(
                "TOTAL|OLD_COMMUNITY.START.HOUSEHOLD|2023|TARGET||9223",
                "620702|OLD_COMMUNITY.START.HOUSEHOLD|2023|ACTUAL|2023-12|3032",
                "620725|SHANTYTOWN.START.UNIT|2023|RATE|2023-12|100",
                "620722|AFFORDABLE_RENTAL.START.UNIT|2023|TARGET||247",
                "620721|RENTAL_SUBSIDY.ISSUE.HOUSEHOLD|2023|ACTUAL|2023-12|70",
                "620725|HOUSING.FUND_RECEIVED.YUAN_10K|2023|ACTUAL|2023-12|13459",
                "620702|HOUSING.FUND_SPENT.YUAN_10K|2023|RATE|2023-12|54.1");
        assertThat(r.figures()).hasSize(33 + 21 + 21);   // 附件1: 全市, 山丹 nine each, 高台 six, 甘州/临泽/民乐 three; 附件2, 3: 7 rows × 3
        assertThat(r.findings()).isEmpty();
        // what the text states of the tables agrees with them; what it states beside them has no table to match
        assertThat(r.stated()).filteredOn(s -> s.status().equals("AGREES")).extracting(ImportResult.StatedLine::printed)
                .containsExactly("9223户", "3032户", "2859户", "2093户", "1239户", "2503户", "2532户", "1078户", "262户",
                        "294户", "608户", "220户", "70户");
        assertThat(r.stated()).noneMatch(s -> s.status().equals("DIFFERS"));

        ImportResult stored = importer.importFile("004.txt", seed, ImportOptions.commit());
        PublishedProgress p = plans.readProgress(stored.progressId());
        assertThat(p.period()).isEqualTo(YearMonth.of(2023, 12));
        assertThat(p.tables()).hasSize(3);
        assertThat(plans.check(p)).isEmpty();
        plans.deleteProgress(stored.progressId());
    }
}
