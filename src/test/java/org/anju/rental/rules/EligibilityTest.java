package org.anju.rental.rules;

import org.anju.platform.BadInput;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The eligibility scenarios of OPERATIONS.md §11 (1–7) on the cities' rules as data
 * (src/test/resources/rental/rules): every refusal names the rule, the household's figure and the clause.
 */
class EligibilityTest {

    static final LocalDate TODAY = LocalDate.of(2024, 9, 26);

    static RuleSet rules(String file) throws IOException {
        try (InputStream in = EligibilityTest.class.getResourceAsStream("/rental/rules/" + file)) {
            return RuleSets.parse(file, new String(in.readAllBytes(), StandardCharsets.UTF_8));
        }
    }

    static Household.Member adult(String name, String relation, int age, String income) {
        return new Household.Member(name, relation, TODAY.minusYears(age).minusDays(1),
                income == null ? null : new BigDecimal(income), true, true);
    }

    static Household family(int members, String area, Map<String, LocalDate> groups) {
        List<Household.Member> m = new ArrayList<>();
        for (int i = 0; i < members; i++) {
            m.add(adult("成员" + i, i == 0 ? "本人" : "家属", 40, "0"));
        }
        return new Household(m, new BigDecimal(area), 6, null, null, groups, false, null);
    }

    static final Map<String, LocalDate> DIBAO_TWO_YEARS = Map.of("低保", TODAY.minusYears(2));

    @ParameterizedTest(name = "{0} m² for 3 persons → {1}")
    @CsvSource({"28, true, 9.33", "30, true, 10", "31, false, 10.33"})
    void perCapitaAreaIncludingTenIsEligible(String area, boolean eligible, String shown) throws IOException {
        Verdict v = Eligibility.check(rules("320300-公租房-低保特困.tsv"), family(3, area, DIBAO_TWO_YEARS), TODAY);
        assertThat(v instanceof Verdict.Eligible).isEqualTo(eligible);
        Verdict.Check areaCheck = v.checks().stream().filter(c -> c.criterion().code().equals("AREA")).findFirst().orElseThrow();
        assertThat(areaCheck.value()).isEqualTo(shown + "平方米");
        if (!eligible) {
            assertThat(((Verdict.Ineligible) v).failed()).extracting(Verdict.Check::reason).containsExactly(
                    "不符合：家庭人均住房建筑面积10平方米以下（含10平方米）：人均住房建筑面积 10.33平方米，规定 人均住房建筑面积 ≤ 10平方米"
                            + "（徐州市区低保特困家庭公租房准入条件 第三项）");
        }
    }

    @Test
    void aSingleApplicantMayApplyAloneFromThirtyFive() throws IOException {
        RuleSet r = rules("320300-公租房-低保特困.tsv");
        Household at34 = new Household(List.of(adult("甲", "本人", 34, "0")), BigDecimal.ZERO, 6, null, null,
                DIBAO_TWO_YEARS, false, null);
        Household at35 = new Household(List.of(adult("甲", "本人", 35, "0")), BigDecimal.ZERO, 6, null, null,
                DIBAO_TWO_YEARS, false, null);
        assertThat(((Verdict.Ineligible) Eligibility.check(r, at34, TODAY)).failed())
                .extracting(c -> c.criterion().code()).containsExactly("SINGLE");
        assertThat(Eligibility.check(r, at35, TODAY)).isInstanceOf(Verdict.Eligible.class);
        // a family of two is not asked its age at all
        Verdict two = Eligibility.check(r, family(2, "10", DIBAO_TWO_YEARS), TODAY);
        assertThat(two.checks()).filteredOn(c -> c.criterion().code().equals("SINGLE"))
                .extracting(Verdict.Check::outcome).containsExactly(Verdict.Outcome.NOT_APPLICABLE);
    }

    @Test
    void aFamilyNotOnDibaoLongEnoughIsRefusedByThatRule() throws IOException {
        Verdict v = Eligibility.check(rules("320300-公租房-低保特困.tsv"),
                family(3, "20", Map.of("特困", TODAY.minusMonths(11))), TODAY);
        assertThat(((Verdict.Ineligible) v).failed()).extracting(c -> c.criterion().code()).containsExactly("DIBAO");
        Verdict none = Eligibility.check(rules("320300-公租房-低保特困.tsv"), family(3, "20", Map.of()), TODAY);
        assertThat(((Verdict.Ineligible) none).failed()).extracting(Verdict.Check::value).containsExactly("0个月");
    }

    @ParameterizedTest(name = "income {0}, area {1} → {2}")
    @CsvSource({"55000, 36, true", "56000, 36, false", "55000, 45, false"})
    void theSubsidyLinesAreStrict(String income, String area, boolean eligible) throws IOException {
        List<Household.Member> m = List.of(adult("甲", "本人", 40, income), adult("乙", "配偶", 40, "0"),
                adult("丙", "子女", 10, "0"));
        Household h = new Household(m, new BigDecimal(area), 6, null, null, Map.of(), false, null);
        Verdict v = Eligibility.check(rules("320300-租赁补贴.tsv"), h, TODAY);
        assertThat(v instanceof Verdict.Eligible).isEqualTo(eligible);
        boolean below = income.equals("55000");
        assertThat(Eligibility.perCapitaMonthlyIncome(rules("320300-租赁补贴.tsv"), h).setScale(2, java.math.RoundingMode.HALF_UP))
                .isEqualByComparingTo(below ? "1527.78" : "1555.56");
        // the figure is personal (the members' sealed incomes): the check says whether it meets the rule, not what it is
        assertThat(v.checks()).filteredOn(c -> c.criterion().code().equals("INCOME")).singleElement().satisfies(c -> {
            assertThat(c.value()).isNull();
            assertThat(c.reason()).isEqualTo((below ? "符合：家庭人均月收入低于1549元：人均月收入满足"
                    : "不符合：家庭人均月收入低于1549元：人均月收入不满足")
                    + "规定 人均月收入 < 低收入线（1549元）（数额属个人收入信息，不记载）（徐州市区住房租赁补贴准入条件 第二项）")
                    .doesNotContain("1527", "1555");
        });
    }

    @Test
    void aWorkingAgeMemberWithoutProofCountsAtTheMinimumWageAndUnstatedIncomeIsAsked() throws IOException {
        RuleSet r = rules("320300-租赁补贴.tsv");
        Household.Member unproven = new Household.Member("甲", "本人", TODAY.minusYears(40), new BigDecimal("6000"), false, true);
        Household.Member child = new Household.Member("乙", "子女", TODAY.minusYears(8), BigDecimal.ZERO, false, false);
        Household h = new Household(List.of(unproven, child), new BigDecimal("10"), 6, null, null, Map.of(), false, null);
        // declared 500 a month would pass; counted at 2280 the family has (2280 + 0) ÷ 2 = 1140 — still below 1549
        assertThat(Eligibility.perCapitaMonthlyIncome(r, h).setScale(2, java.math.RoundingMode.HALF_UP))
                .isEqualByComparingTo("1140");
        assertThat(Eligibility.check(r, h, TODAY).checks()).filteredOn(c -> c.criterion().code().equals("INCOME"))
                .extracting(Verdict.Check::outcome).containsExactly(Verdict.Outcome.HOLDS);
        Household.Member spouse = new Household.Member("丙", "配偶", TODAY.minusYears(38), BigDecimal.ZERO, false, true);
        Household two = new Household(List.of(unproven, spouse), new BigDecimal("10"), 6, null, null, Map.of(), false, null);
        assertThat(Eligibility.check(r, two, TODAY)).isInstanceOf(Verdict.Ineligible.class); // 2280 each

        Household.Member unknown = new Household.Member("丁", "配偶", TODAY.minusYears(38), null, false, true);
        Household notStated = new Household(List.of(adult("甲", "本人", 40, "12000"), unknown), new BigDecimal("10"),
                6, null, null, Map.of(), false, null);
        Verdict v = Eligibility.check(r, notStated, TODAY);
        assertThat(v).isInstanceOf(Verdict.Incomplete.class);
        assertThat(((Verdict.Incomplete) v).missing()).extracting(Verdict.Check::reason)
                .containsExactly("缺少人均月收入，无法判断：家庭人均月收入低于1549元（徐州市区住房租赁补贴准入条件 第二项）");
    }

    @Test
    void aNewEmployeeMustHaveGraduatedUnderFiveYearsAndHoldNothing() throws IOException {
        RuleSet r = rules("320300-公租房-新就业.tsv");
        Household fresh = new Household(List.of(adult("甲", "本人", 26, "60000")), BigDecimal.ZERO, null, 12,
                TODAY.minusYears(4).minusMonths(11), Map.of(), false, null);
        assertThat(Eligibility.check(r, fresh, TODAY)).isInstanceOf(Verdict.Eligible.class);
        Household fiveYears = new Household(fresh.members(), BigDecimal.ZERO, null, 12, TODAY.minusYears(5), Map.of(),
                false, null);
        assertThat(((Verdict.Ineligible) Eligibility.check(r, fiveYears, TODAY)).failed())
                .extracting(Verdict.Check::value).containsExactly("60个月");
        Household spouseHasShop = new Household(fresh.members(), BigDecimal.ZERO, null, 12, fresh.graduated(), Map.of(),
                true, null);
        assertThat(((Verdict.Ineligible) Eligibility.check(r, spouseHasShop, TODAY)).failed())
                .extracting(Verdict.Check::reason)
                .containsExactly("不符合：本人、配偶及未成年子女在市区无住房、商铺、写字楼（申请所填：是）（徐州市区新就业人员公租房准入条件 第二项）");
    }

    @ParameterizedTest(name = "insurance {0} months → {1}")
    @CsvSource({"6, true", "5, false"})
    void shangraoCountsSixMonthsOfInsurance(int months, boolean eligible) throws IOException {
        RuleSet r = rules("361100-公租房-新就业无房职工.tsv");
        // 1.49 × 3500 = 5215 a month, 62580 a year, below 1.5 × 3500 = 5250
        Household h = new Household(List.of(adult("甲", "本人", 24, "62580")), BigDecimal.ZERO, null, months,
                TODAY.minusYears(2), Map.of(), false, null);
        assertThat(Eligibility.check(r, h, TODAY) instanceof Verdict.Eligible).isEqualTo(eligible);
    }

    @Test
    void aRuleFileWithAMistakeIsRefusedNamingLineAndColumn() {
        String head = "城市\t320300\n项目\tX\n名称\t测试\n生效\t2024-01-01\n来源\t测试\n";
        assertThatThrownBy(() -> RuleSets.parse("r.tsv", head + "条件\tA\t面积\tPER_CAPITA_AREA\t≦\t10\n"))
                .isInstanceOf(BadInput.class).hasMessage("r.tsv 第 6 行第 5 列：比较“≦”不可用：应为 <、≤、≥、>、=、是 或 否");
        assertThatThrownBy(() -> RuleSets.parse("r.tsv", head + "条件\tA\t收入\tPER_CAPITA_MONTHLY_INCOME\t<\t1.5×收入线\n"))
                .isInstanceOf(BadInput.class).hasMessageContaining("第 6 行第 6 列：阈值用到的参数“收入线”没有列出");
        assertThatThrownBy(() -> RuleSets.parse("r.tsv", head + "条件\tA\t面积\tAREA\t<\t10\n"))
                .isInstanceOf(BadInput.class).hasMessageContaining("第 6 行第 4 列：事实“AREA”不认识");
        assertThatThrownBy(() -> RuleSets.parse("r.tsv", head.replace("生效\t2024-01-01\n", "") + "条件\tA\t面积\tPER_CAPITA_AREA\t<\t10\n"))
                .isInstanceOf(BadInput.class).hasMessage("r.tsv：缺少“生效”行");
    }
}
