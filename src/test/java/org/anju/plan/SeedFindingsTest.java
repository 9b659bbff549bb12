package org.anju.plan;

import org.anju.SeedDataTest;
import org.anju.plan.check.Finding;
import org.anju.plan.check.FindingKind;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.math.BigDecimal;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The exact findings for every seed table: each real inconsistency, and nothing else. The expected
 * lists were worked out by hand from the documents (see docs/SEED-FINDINGS.md).
 */
@SeedDataTest
class SeedFindingsTest {

    static final String JIANGXI = "赣建保〔2023〕1号";
    static final String SHANGRAO = "关于下达2023年全市保障性安居工程建设工作计划的通知";
    static final String GANZHOU = "赣州市城市棚户区改造攻坚行动方案";

    /** What a finding says, without the prose. */
    record Fact(FindingKind kind, String table, String row, String indicator, Integer year, BigDecimal expected,
                BigDecimal printed) {

        static Fact of(Finding f) {
            return new Fact(f.kind(), f.tableLabel(), f.rowLabel(), f.indicatorCode(), f.year(),
                    strip(f.expected()), strip(f.printed()));
        }

        static Fact of(FindingKind kind, String table, String row, String indicator, Integer year, String expected,
                       String printed) {
            return new Fact(kind, table, row, indicator, year, strip(new BigDecimal(expected)),
                    strip(new BigDecimal(printed)));
        }

        private static BigDecimal strip(BigDecimal v) {
            return v == null ? null : v.stripTrailingZeros();
        }
    }

    @Autowired
    Plans plans;

    private Plan plan(String label) {
        return plans.readable().stream().filter(p -> p.label().equals(label)).findFirst().orElseThrow();
    }

    private List<Fact> facts(String label) {
        return plans.findings(plan(label).id()).stream().map(Fact::of).toList();
    }

    @Test
    void jiangxiHasOneRealInconsistencyTheCommunityCountOfTheOldCommunityCompletionTable() {
        // 附件6: the cities' 小区个数 add up to 1265, the 全省 row prints 1062 (赣江新区 prints 204 小区 for 283 户:
        // 南昌's figure copied). The areas differ from their printed totals only by rounding: 3295.74 vs 3295.73
        // (附件6) and 3718.29 vs 3718.28 (附件7) are within the ±0.065 that twelve two-decimal figures allow.
        assertThat(facts(JIANGXI)).containsExactly(
                Fact.of(FindingKind.TOTAL_VS_ROWS, "附件6", "全省", "OLD_COMMUNITY.COMPLETION.COMMUNITY", 2023,
                        "1265", "1062"));
    }

    @Test
    void shangraoAgreesWithItselfWithItsTextAndWithTheProvincialAllocation() {
        // includes 中心城区 = 市本级 + 信州区 + 上饶经开区 + 高铁经济试验区 (4925/8774 in the shantytown table),
        // 162.4466 万平方米 vs the province's 162.45, and 163.2198 vs 163.22 (text vs 附件6)
        assertThat(facts(SHANGRAO)).isEmpty();
    }

    @Test
    void ganzhouActionPlanDiffersFromTheProvincialAllocationFor2023AndItsTextRounds29951To2point99() {
        String start = "SHANTYTOWN.START.UNIT";
        String basic = "SHANTYTOWN.BASIC_COMPLETION.UNIT";
        FindingKind r = FindingKind.REFINEMENT;
        assertThat(facts(GANZHOU)).containsExactlyInAnyOrder(
                Fact.of(FindingKind.STATED_TOTAL, null, "赣州市", start, 2023, "29951", "29900"),
                Fact.of(r, "附件1-1", "赣州市合计", start, 2023, "36881", "29951"),
                Fact.of(r, "附件1-1", "赣州市合计", basic, 2023, "10223", "8700"),
                Fact.of(r, "附件1-1", "赣州市中心城区", start, 2023, "14076", "11436"),
                Fact.of(r, "附件1-1", "赣州市中心城区", basic, 2023, "3792", "3322"),
                Fact.of(r, "附件1-1", "大余县", start, 2023, "282", "40"),
                Fact.of(r, "附件1-1", "大余县", basic, 2023, "70", "12"),
                Fact.of(r, "附件1-1", "上犹县", start, 2023, "2417", "346"),
                Fact.of(r, "附件1-1", "崇义县", start, 2023, "387", "300"),
                Fact.of(r, "附件1-1", "安远县", start, 2023, "1157", "817"),
                Fact.of(r, "附件1-1", "安远县", basic, 2023, "359", "237"),
                Fact.of(r, "附件1-1", "定南县", basic, 2023, "1369", "605"),
                Fact.of(r, "附件1-1", "兴国县", start, 2023, "1750", "1200"),
                Fact.of(r, "附件1-1", "宁都县", start, 2023, "2200", "1200"),
                Fact.of(r, "附件1-1", "石城县", basic, 2023, "200", "91"));
    }

    @Test
    void findingsSayWhereAndByHowMuch() {
        Finding f = plans.findings(plan(JIANGXI).id()).getFirst();
        assertThat(f.location()).isEqualTo("赣建保〔2023〕1号 附件6 第 " + f.sourceRow() + " 行「全省」·2022年度改造计划·小区个数 (个)");
        assertThat(f.difference()).isEqualByComparingTo("-203");
        assertThat(f.message()).isEqualTo("附件6「全省」行「2022年度改造计划·小区个数 (个)」：合计行为 1062，各行之和为 1265，相差 -203");

        Finding dayu = plans.findings(plan(GANZHOU).id()).stream()
                .filter(x -> "大余县".equals(x.rowLabel()) && x.indicatorCode().endsWith("START.UNIT")).findFirst().orElseThrow();
        assertThat(dayu.message()).isEqualTo(
                "「大余县」2023年城市棚户区改造开工（套）：本计划 40，赣建保〔2023〕1号 附件4「大余县」下达 282，相差 -242");

        Finding text = plans.findings(plan(GANZHOU).id()).stream()
                .filter(x -> x.kind() == FindingKind.STATED_TOTAL).findFirst().orElseThrow();
        assertThat(text.message()).startsWith("正文「2.99万套」与附表 29951 不符（相差 -51，超出印刷精度 ±50）");
    }

    @Test
    void theJilinNoticeHasMilestonesButNoTablesAndNothingToFind() {
        Plan jilin = plan("吉安居办〔2021〕10号");
        assertThat(plans.tables(jilin.id())).isEmpty();
        assertThat(plans.milestones(jilin.id())).hasSize(6);
        assertThat(plans.findings(jilin.id())).isEmpty();
    }
}
