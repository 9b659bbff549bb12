package org.anju.plan.imports;

import org.anju.AnjuTest;
import org.anju.plan.BreakdownTable;
import org.anju.plan.Plans;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

/** Formats that must be accepted, and a dry run that writes nothing. */
@AnjuTest
class GoodInputTest {

    @Autowired
    PlanImporter importer;
    @Autowired
    Plans plans;
    @Autowired
    JdbcClient jdbc;

    private static final String CSV = """
            2023年城市棚户区改造目标任务分解表
            单位：套
            县市区,开工,基本建成
            合计,"1,200",500
            信州区,600,
            广丰区,600,500
            """;

    @Test
    void gbkCsvIsDetectedAndImported() {
        ImportResult r = importer.importFile("棚改-GBK.csv", CSV.getBytes(Charset.forName("GBK")), ImportOptions.preview());
        assertThat(r.problems()).isEmpty();
        assertThat(r.encoding()).isIn("GB18030", "GBK");
        assertThat(r.plan().issuerCode()).isEqualTo("361100");
        assertThat(r.tables()).singleElement().satisfies(t -> {
            assertThat(t.rows()).isEqualTo(3);
            assertThat(t.figures()).isEqualTo(5);
        });
        assertThat(r.findings()).isEmpty();
        assertThat(r.committed()).isFalse();
        assertThat(r.batchId()).isNull();
    }

    @Test
    void aDryRunWritesNothingAndACommitWritesEverythingOnce() {
        long before = jdbc.sql("select count(*) from target").query(Long.class).single();
        ImportResult dry = importer.importFile("棚改.csv", CSV.getBytes(StandardCharsets.UTF_8), ImportOptions.preview());
        assertThat(dry.ok()).isTrue();
        assertThat(jdbc.sql("select count(*) from target").query(Long.class).single()).isEqualTo(before);

        ImportResult done = importer.importFile("棚改.csv", CSV.getBytes(StandardCharsets.UTF_8), ImportOptions.commit());
        assertThat(done.committed()).isTrue();
        BreakdownTable t = plans.tables(done.planId()).getFirst();
        assertThat(t.rows().getFirst().cells().getFirst().printed()).isEqualTo("1200");
        assertThat(jdbc.sql("select count(*) from target where plan_id = ?").param(done.planId()).query(Long.class).single())
                .isEqualTo(5);
        assertThat(jdbc.sql("select content from import_batch where id = ?").param(done.batchId()).query(byte[].class).single())
                .isEqualTo(CSV.getBytes(StandardCharsets.UTF_8));

        ImportResult again = importer.importFile("棚改.csv", CSV.getBytes(StandardCharsets.UTF_8), ImportOptions.commit());
        assertThat(again.ok()).isFalse();
        assertThat(again.problems().getFirst().message()).contains("已有分解表");

        ImportResult replaced = importer.importFile("棚改.csv", CSV.replace("600,500", "700,400").getBytes(StandardCharsets.UTF_8),
                ImportOptions.commit().intoPlan(done.planId(), true));
        assertThat(replaced.committed()).isTrue();
        assertThat(replaced.findings()).hasSize(2);   // 合计 1200/500 no longer matches 600+700 and 0+400
        plans.delete(done.planId());
    }
}
