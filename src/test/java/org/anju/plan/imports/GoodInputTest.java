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

        // the same file sent again by the same user just after (a retry): the first import's result, nothing written
        // again — not "已有分解表" about the plan it made itself (double-submit trial, defect 11)
        ImportResult again = importer.importFile("棚改.csv", CSV.getBytes(StandardCharsets.UTF_8), ImportOptions.commit());
        assertThat(again.ok()).isTrue();
        assertThat(again.committed()).isTrue();
        assertThat(again.batchId()).isEqualTo(done.batchId());
        assertThat(again.planId()).isEqualTo(done.planId());
        assertThat(again.notes()).extracting(ImportResult.Note::text).singleElement().asString()
                .contains("由您导入（导入记录 " + done.batchId() + "，计划编号 " + done.planId() + "）；这次是重复提交");

        ImportResult replaced = importer.importFile("棚改.csv", CSV.replace("600,500", "700,400").getBytes(StandardCharsets.UTF_8),
                ImportOptions.commit().intoPlan(done.planId(), true));
        assertThat(replaced.committed()).isTrue();
        assertThat(replaced.findings()).hasSize(2);   // 合计 1200/500 no longer matches 600+700 and 0+400
        plans.delete(done.planId());
    }

    /** A count word (户数) takes the 单位 line's 万; a header unit that contradicts the 单位 line, or no unit for an area, is asked. */
    @Test
    void unitsOfTheUnitLineAndOfTheHeaderAreNeverAssumed() {
        String scaled = "2023年城镇老旧小区改造开工计划表\n单位：万户\n县市区\t改造户数\n合计\t1.5\n玉山县\t1.5\n";
        ImportResult r = importer.importFile("万户.tsv", scaled.getBytes(StandardCharsets.UTF_8), ImportOptions.preview());
        assertThat(r.complete()).as(r.questions().toString()).isTrue();
        assertThat(r.figures()).filteredOn(f -> f.regionCode().equals("361123")).singleElement().satisfies(f -> {
            assertThat(f.printed()).isEqualTo("1.5");
            assertThat(f.value()).isEqualByComparingTo("15000");
        });

        String contradicting = "2023年城镇老旧小区改造开工计划表\n单位：万户\n县市区\t户数（户）\n合计\t15000\n玉山县\t15000\n";
        ImportResult c = importer.importFile("矛盾.tsv", contradicting.getBytes(StandardCharsets.UTF_8), ImportOptions.preview());
        assertThat(c.questions()).singleElement().satisfies(q -> assertThat(q.text()).contains("户或万户"));
        assertThat(c.figures()).isEmpty();

        String area = "2023年城镇老旧小区改造开工计划表\n县市区\t建筑面积\n合计\t12.5\n玉山县\t12.5\n";
        ImportResult a = importer.importFile("面积.tsv", area.getBytes(StandardCharsets.UTF_8), ImportOptions.preview());
        assertThat(a.questions()).singleElement().satisfies(q -> assertThat(q.choices()).extracting(ImportResult.Choice::value)
                .contains("OLD_COMMUNITY.START.AREA_10K_M2:TARGET:2023:万平方米", "OLD_COMMUNITY.START.AREA_10K_M2:TARGET:2023:平方米"));
        ImportResult answered = importer.importFile("面积.tsv", area.getBytes(StandardCharsets.UTF_8), ImportOptions.preview()
                .withChoices(new Choices(java.util.Map.of("建筑面积", "OLD_COMMUNITY.START.AREA_10K_M2:平方米"), null, null,
                        null, null)));
        assertThat(answered.complete()).isTrue();
        assertThat(answered.figures().getFirst().value()).isEqualByComparingTo("0.00125");
    }

    /** A second 小计 in a county table, or one beside a name that is no region: whose subtotal it is is asked. */
    @Test
    void aSecondSubtotalIsAskedNotGivenToTheIssuer() {
        String twoTotals = "2023年城市棚户区改造开工计划表\n单位：套\n县市区\t开工\n合计\t1200\n信州区\t600\n"
                + "广丰区\t600\n小计\t600\n";
        ImportResult r = importer.importFile("两个小计.tsv", twoTotals.getBytes(StandardCharsets.UTF_8), ImportOptions.preview());
        assertThat(r.complete()).isFalse();
        assertThat(r.questions()).singleElement().satisfies(q -> {
            assertThat(q.kind()).isEqualTo("REGION");
            assertThat(q.key()).isEqualTo("小计@7");
            assertThat(q.text()).contains("第二个合计行");
            // the counties are the issuer's own: no city whose subtotal it could be
            assertThat(q.choices()).extracting(ImportResult.Choice::value).containsExactly("ignore");
        });
        ImportResult answered = importer.importFile("两个小计.tsv", twoTotals.getBytes(StandardCharsets.UTF_8),
                ImportOptions.preview().withChoices(new Choices(null, java.util.Map.of("小计@7", "ignore"), null, null, null)));
        assertThat(answered.complete()).as(answered.questions().toString()).isTrue();
        assertThat(answered.figures()).extracting(ImportResult.FigureLine::printed).containsExactly("1200", "600", "600");

        ImportResult unknown = importer.importFile("两个小计.tsv", twoTotals.getBytes(StandardCharsets.UTF_8),
                ImportOptions.preview().withChoices(new Choices(null, java.util.Map.of("小计@9", "ignore"), null, null, null)));
        assertThat(unknown.problems()).anySatisfy(p -> assertThat(p.message()).contains("小计@9", "没有这一行"));
    }

    /** 计划任务 over 开工数: a target and an actual in one header, so the column's kind is asked. */
    @Test
    void aHeaderNamingBothTargetAndDoneIsAsked() {
        String table = "2023年城市棚户区改造开工计划表\n单位：套\n县市区\t2023年计划任务\t\n\t\t已开工\n合计\t1200\t600\n"
                + "信州区\t1200\t600\n";
        ImportResult r = importer.importFile("计划与完成.tsv", table.getBytes(StandardCharsets.UTF_8), ImportOptions.preview());
        assertThat(r.questions()).anySatisfy(q -> assertThat(q.choices()).extracting(ImportResult.Choice::value)
                .anyMatch(v -> v.contains(":TARGET")).anyMatch(v -> v.contains(":ACTUAL")));
    }

    /** A progress table imported "into" a plan with 替换 would leave the plan without tables: refused, nothing lost. */
    @Test
    void aProgressTableIsNotImportedIntoAPlan() {
        ImportResult plan = importer.importFile("棚改.csv", CSV.getBytes(StandardCharsets.UTF_8), ImportOptions.commit());
        assertThat(plan.committed()).isTrue();
        String progress = "截至2023年9月底城市棚户区改造开工进展表\n单位：套\n县市区\t已开工\n合计\t800\n信州区\t400\n广丰区\t400\n";
        ImportResult r = importer.importFile("进展.tsv", progress.getBytes(StandardCharsets.UTF_8),
                ImportOptions.commit().intoPlan(plan.planId(), true));
        assertThat(r.committed()).isFalse();
        assertThat(r.problems()).singleElement().satisfies(p -> assertThat(p.message()).contains("只有进展表", "不选计划"));
        assertThat(plans.tables(plan.planId())).hasSize(1);
        plans.delete(plan.planId());
    }

    /** A 附件 line in traditional characters: its heading as printed (reading it once failed on the first character). */
    @Test
    void anAttachmentHeadingInTraditionalCharacters() {
        String table = "附件1：廣東省2023年城市棚戶區改造開工計劃表\n單位：套\n地市\t開工\n合計\t600\n廣州市\t300\n深圳市\t300\n";
        ImportResult r = importer.importFile("廣東.tsv", table.getBytes(StandardCharsets.UTF_8), ImportOptions.preview());
        assertThat(r.problems()).isEmpty();
        assertThat(r.tables()).singleElement().satisfies(t -> {
            assertThat(t.label()).isEqualTo("附件1");
            assertThat(t.title()).isEqualTo("廣東省2023年城市棚戶區改造開工計劃表");
        });
        assertThat(r.figures()).extracting(ImportResult.FigureLine::regionCode).containsExactly("440000", "440100", "440300");
    }

    /** The same table under another title and file name: a second plan, but the preview says whose figures it repeats. */
    @Test
    void theSameFiguresImportedAgainUnderAnotherNameAreNamed() {
        ImportResult first = importer.importFile("棚改.csv", CSV.getBytes(StandardCharsets.UTF_8), ImportOptions.commit());
        assertThat(first.committed()).isTrue();
        ImportOptions renamed = new ImportOptions(true, null, false, null, null, "上饶市棚改计划（再发）", null, null,
                null, null, null, null, false, null, null);
        ImportResult again = importer.importFile("再发.csv", CSV.getBytes(StandardCharsets.UTF_8), renamed);
        assertThat(again.warnings()).singleElement().satisfies(w -> assertThat(w).contains("数字完全相同", "2023年城市棚户区改造目标任务分解表"));
        plans.delete(first.planId());
    }
}
