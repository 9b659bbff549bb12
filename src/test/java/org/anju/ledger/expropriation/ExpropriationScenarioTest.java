package org.anju.ledger.expropriation;

import org.anju.AnjuTest;
import org.anju.account.Access;
import org.anju.account.Actor;
import org.anju.account.Channel;
import org.anju.account.Role;
import org.anju.platform.BadInput;
import org.anju.platform.ConcurrentUpdateException;
import org.anju.platform.Conflict;
import org.anju.platform.Denied;
import org.anju.privacy.PersonalField;
import org.anju.privacy.SyntheticIds;
import org.anju.region.Regions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.function.Supplier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A 旧城区改建 project of 章贡区 from 补偿方案征求意见 to 分户补偿情况公布, as the 章贡区 征收部门 (zg_housing) records it:
 * every step checked against the regulation, agreements, a 补偿决定 and an enforcement application, the reward of the
 * 上海长桥 scheme and the 签约比例 gate of 杭州 2019.
 */
@AnjuTest
@TestPropertySource(properties = "anju.test.database=expropriation")
class ExpropriationScenarioTest {

    static final String COUNTY = "360702";   // 章贡区

    @Autowired
    Expropriations expropriations;
    @Autowired
    ExpropriationFigures figures;
    @Autowired
    Regions regions;
    @Autowired
    JdbcClient jdbc;

    Actor office;
    Actor otherCity;
    Actor townReviewer;
    Actor countyAdmin;

    @BeforeEach
    void actors() {
        office = actor("zg_housing", COUNTY, Role.HOUSING_OFFICE);
        otherCity = actor("sr_admin", "361100", Role.CITY_ADMIN);
        townReviewer = actor("jf_reviewer", "360702001000", Role.TOWN_REVIEWER);
        countyAdmin = actor("zg_admin", COUNTY, Role.COUNTY_ADMIN);
    }

    Actor actor(String username, String region, Role role) {
        return new Actor(username, username, regions.byCode(region).orElseThrow(), EnumSet.of(role), Channel.UI, false);
    }

    <T> T as(Actor a, Supplier<T> work) {
        return Access.runAs(a, work);
    }

    static LocalDate d(String s) {
        return LocalDate.parse(s);
    }

    Project step(long id, String stage, String on, String second, String doc, String note, Boolean flag) {
        return as(office, () -> {
            int v = expropriations.project(id).version();
            return expropriations.recordStep(id, new StepForm(stage, d(on), second == null ? null : d(second), doc, note, flag, v));
        });
    }

    long household(long project, String code, int seq, String area, String use) {
        return as(office, () -> expropriations.addHousehold(project, new HouseholdForm(code, "赵" + "一二三四五".charAt(seq % 5) + "明",
                SyntheticIds.number("360702", "19650312", seq), "章贡区健康路" + seq + "号", "赣市房权证字第" + (1000 + seq) + "号",
                new BigDecimal(area), use, "合法")));
    }

    AgreementForm money(String on, String compensation, int version) {
        return new AgreementForm(d(on), "货币补偿", new BigDecimal(compensation), d(on).plusDays(30), null, null, null,
                new BigDecimal("2000"), null, null, null, d(on).plusDays(20), null, null, version);
    }

    @Test
    void fromPlanToPublishedHouseholdCompensation() throws Exception {
        Project p = as(office, () -> expropriations.create(new ProjectForm(COUNTY, "健康路片区旧城区改建（测试）", "旧城区改建", 4,
                new BigDecimal("420.5"), "START_NEXT_DAY", 10, 10, new BigDecimal("80"),
                "补偿协议不生效，房屋征收决定效力终止", "杭州市关于明确国有土地上旧城区改建征收项目签约比例的通知（2019）")));
        long id = p.id();

        // a town reviewer and another city may not run the county's expropriation
        assertThatThrownBy(() -> as(townReviewer, () -> expropriations.recordStep(id, new StepForm("PLAN_PUBLISHED",
                d("2025-03-01"), d("2025-03-31"), null, null, null, 0)))).isInstanceOf(Denied.class);
        assertThatThrownBy(() -> as(otherCity, () -> expropriations.project(id))).isInstanceOf(Denied.class);

        // out of order: no decision before the plan is published
        assertThatThrownBy(() -> step(id, "DECISION", "2025-04-10", "2025-04-11", "章府征字〔2025〕1号", null, null))
                .isInstanceOf(Conflict.class).hasMessageContaining("补偿方案公布征求意见");
        // Art.10: 30 days, the start day not counted (民法典第二百零一条): 3月1日—3月30日 is 29 days
        assertThatThrownBy(() -> step(id, "PLAN_PUBLISHED", "2025-03-01", "2025-03-30", null, null, null))
                .isInstanceOf(Conflict.class).hasMessageContaining("不得少于30日").hasMessageContaining("计为 29 日")
                .hasMessageContaining("最早为2025年3月31日");
        step(id, "PLAN_PUBLISHED", "2025-03-01", "2025-03-31", null, null, null);
        // the step sent again from the page read at version 0: the version there is the office's own (it said 他人)
        StepForm again = new StepForm("PLAN_PUBLISHED", d("2025-03-01"), d("2025-03-31"), null, null, null, 0);
        assertThatThrownBy(() -> as(office, () -> expropriations.recordStep(id, again)))
                .isInstanceOf(ConcurrentUpdateException.class)
                .hasMessageStartingWith("该项目已被您本人的账号（另一窗口或此前的一次提交）于 ")
                .hasMessageEndingWith("修改，请刷新后重试（当前版本 1，提交的版本 0）");
        assertThatThrownBy(() -> as(countyAdmin, () -> expropriations.recordStep(id, again)))
                .isInstanceOf(ConcurrentUpdateException.class)
                .hasMessageContaining("该项目已被").hasMessageContaining("zg_housing").hasMessageNotContaining("他人");
        // the decision cannot come before the 30 days have ended
        assertThatThrownBy(() -> step(id, "DECISION", "2025-03-31", "2025-03-31", "章府征字〔2025〕1号", null, null))
                .isInstanceOf(Conflict.class).hasMessageContaining("届满").hasMessageContaining("2025年3月31日");
        assertThatThrownBy(() -> step(id, "COMMENTS_PUBLISHED", "2025-03-31", null, null, null, true))
                .isInstanceOf(Conflict.class).hasMessageContaining("第十一条");
        assertThatThrownBy(() -> step(id, "COMMENTS_PUBLISHED", "2025-04-03", null, null, null, null))
                .isInstanceOf(BadInput.class).hasMessageContaining("听证");
        step(id, "COMMENTS_PUBLISHED", "2025-04-03", null, null, null, true);
        step(id, "RISK_ASSESSMENT", "2025-04-05", null, null, "低风险", null);
        step(id, "FUNDS", "2025-04-06", null, "章贡区房屋征收补偿资金专户（赣州银行）", null, null);

        long h1 = household(id, "JK-001", 1, "50", "住宅");
        long h2 = household(id, "JK-002", 2, "62.3", "住宅");
        long h3 = household(id, "JK-003", 3, "35", "住宅");
        long h4 = household(id, "JK-004", 4, "80", "非住宅");

        // no agreement before the 征收决定
        assertThatThrownBy(() -> as(office, () -> expropriations.agree(h1, money("2025-04-08", "600000", 0))))
                .isInstanceOf(Conflict.class).hasMessageContaining("征收决定");
        // 旧城区改建, most owners object: hearing first (Art.11)
        assertThatThrownBy(() -> step(id, "DECISION", "2025-04-10", "2025-04-11", "章府征字〔2025〕1号", null, null))
                .isInstanceOf(Conflict.class).hasMessageContaining("听证会");
        step(id, "HEARING", "2025-04-08", null, null, "已按听证意见修改方案", null);
        step(id, "DECISION", "2025-04-10", "2025-04-11", "章府征字〔2025〕1号", null, null);
        step(id, "SURVEY_PUBLISHED", "2025-04-15", null, null, null, null);
        assertThatThrownBy(() -> step(id, "VALUER_CHOSEN", "2025-04-16", null, "赣州某房地产评估公司", "抽签", null))
                .isInstanceOf(BadInput.class).hasMessageContaining("随机选定");
        step(id, "VALUER_CHOSEN", "2025-04-16", null, "赣州某房地产评估公司", "协商选定", null);
        Project withPeriod = step(id, "SIGNING_PERIOD", "2025-04-20", "2025-05-19", null, null, null);
        assertThat(withPeriod.timeline().stream().filter(e -> e.stage() == Reg590.Stage.SIGNING_PERIOD).findFirst()
                .orElseThrow().check()).contains("共 29 日");   // 4月20日—5月19日, the start day not counted

        // valuation: 复核 within 10 days of receiving the report (start day not counted: by 5月5日)
        assertThatThrownBy(() -> as(office, () -> expropriations.valuation(h1, new ValuationForm(new BigDecimal("600000"),
                d("2025-04-25"), d("2025-05-06"), null, null, 0)))).isInstanceOf(Conflict.class)
                .hasMessageContaining("2025年5月5日止");
        as(office, () -> expropriations.valuation(h1, new ValuationForm(new BigDecimal("600000"), d("2025-04-25"),
                d("2025-05-05"), null, null, 0)));
        // the same valuation sent twice (Back and again), then by the county's administrator from a page read before it
        ValuationForm twice = new ValuationForm(new BigDecimal("600000"), d("2025-04-25"), d("2025-05-05"), null, null, 0);
        assertThatThrownBy(() -> as(office, () -> expropriations.valuation(h1, twice)))
                .isInstanceOf(ConcurrentUpdateException.class)
                .hasMessageStartingWith("该户信息已被您本人的账号（另一窗口或此前的一次提交）于 ")
                .hasMessageEndingWith("修改，请刷新后重试（当前版本 1，提交的版本 0）");
        assertThatThrownBy(() -> as(countyAdmin, () -> expropriations.valuation(h1, twice)))
                .isInstanceOf(ConcurrentUpdateException.class)
                .hasMessageContaining("该户信息已被").hasMessageContaining("zg_housing").hasMessageNotContaining("他人");

        as(office, () -> expropriations.agree(h1, money("2025-04-22", "600000", 1)));
        assertThatThrownBy(() -> as(office, () -> expropriations.agree(h2, new AgreementForm(d("2025-04-28"), "产权调换",
                new BigDecimal("0"), d("2025-05-28"), "健康路安置小区3栋", null, null, new BigDecimal("2000"), null, null, null,
                d("2025-05-20"), "自行过渡", d("2027-04-30"), 0)))).isInstanceOf(BadInput.class).hasMessageContaining("面积");
        as(office, () -> expropriations.agree(h2, new AgreementForm(d("2025-04-28"), "产权调换", new BigDecimal("0"),
                d("2025-05-28"), "健康路安置小区3栋", new BigDecimal("70"), new BigDecimal("35000"), new BigDecimal("2000"),
                new BigDecimal("24000"), null, null, d("2025-05-20"), "自行过渡", d("2027-04-30"), 0)));
        as(office, () -> expropriations.agree(h3, money("2025-05-10", "300000", 0)));
        as(office, () -> expropriations.vacate(h1, d("2025-05-01"), 2));
        // 先补偿后搬迁
        assertThatThrownBy(() -> as(office, () -> expropriations.vacate(h4, d("2025-05-01"), 0)))
                .isInstanceOf(Conflict.class).hasMessageContaining("第二十七条");

        // reward: the 上海长桥 scheme, counting the period's first day as day 1 as it prints
        byte[] scheme = RewardCalculatorTest.resource("scheme-shanghai-changqiao.tsv").getBytes(StandardCharsets.UTF_8);
        as(office, () -> expropriations.uploadScheme(id, "scheme-shanghai-changqiao.tsv", scheme));
        assertThat(as(office, () -> expropriations.scheme(id)).orElseThrow().content())
                .isEqualTo(new String(scheme, StandardCharsets.UTF_8));   // stored verbatim
        // the same file again (a double-click, Back and again): refused naming the version there, no second version
        assertThatThrownBy(() -> as(office, () -> expropriations.uploadScheme(id, "scheme-shanghai-changqiao(1).tsv",
                new String(scheme, StandardCharsets.UTF_8).replace("\n", "\r\n").getBytes(StandardCharsets.UTF_8))))
                .isInstanceOf(Conflict.class).hasMessageStartingWith("scheme-shanghai-changqiao(1).tsv：与")
                .hasMessageContaining("上传的奖励方案第 1 版（scheme-shanghai-changqiao.tsv）内容相同，未重复保存");
        assertThat(as(office, () -> expropriations.scheme(id)).orElseThrow().version()).isEqualTo(1);
        RewardCalculator.Reward r1 = as(office, () -> expropriations.reward(h1));   // day 3, 50 ㎡
        assertThat(RewardCalculatorTest.line(r1, "早签约奖").amount()).isEqualByComparingTo("500000.00");
        // the period has ended with 3 of 4 signed (75 %): no 签约率奖
        assertThat(RewardCalculatorTest.line(r1, "签约率奖").status()).isEqualTo(RewardCalculator.Status.NONE);
        RewardCalculator.Reward r3 = as(office, () -> expropriations.reward(h3));   // 5月10日 = day 21, 35 ㎡
        assertThat(RewardCalculatorTest.line(r3, "早签约奖").amount()).isEqualByComparingTo("200000.00");

        // 分户补偿情况: not before every household is signed or decided
        assertThatThrownBy(() -> step(id, "PUBLISHED", "2025-06-01", null, null, null, null))
                .isInstanceOf(Conflict.class).hasMessageContaining("还有 1 户");
        assertThatThrownBy(() -> as(office, () -> expropriations.decide(h4, d("2025-05-19"), "章府征补字〔2025〕1号",
                d("2025-06-10"), 0))).isInstanceOf(Conflict.class).hasMessageContaining("第二十六条");
        as(office, () -> expropriations.decide(h4, d("2025-05-25"), "章府征补字〔2025〕1号", d("2025-06-10"), 0));
        assertThatThrownBy(() -> as(office, () -> expropriations.enforce(h4, d("2025-06-05"), true, 1)))
                .isInstanceOf(Conflict.class).hasMessageContaining("搬迁期限");
        as(office, () -> expropriations.enforce(h4, d("2025-06-15"), true, 1));
        step(id, "PUBLISHED", "2025-06-20", null, null, null, null);

        // a household signing on day 29 of a 30-day period falls outside every 早签约奖 window: refused, not guessed
        long late = household(id, "JK-005", 5, "40", "住宅");
        as(office, () -> expropriations.agree(late, money("2025-05-18", "400000", 0)));
        assertThatThrownBy(() -> as(office, () -> expropriations.reward(late))).isInstanceOf(Conflict.class)
                .hasMessageContaining("第 29 日").hasMessageContaining("不在任何一档");

        ExpropriationFigures.ProjectFigures f = as(office, () -> figures.project(id));
        assertThat(f.scope()).isEqualTo(4);
        assertThat(f.registered()).isEqualTo(5);
        assertThat(f.signed()).isEqualTo(4);
        assertThat(f.signedByEnd()).isEqualTo(4);
        assertThat(f.vacated()).isEqualTo(1);
        assertThat(f.decided()).isEqualTo(1);
        assertThat(f.enforced()).isEqualTo(1);
        assertThat(f.signingRate().label()).isEqualTo("100.00%");
        assertThat(f.vacatedRate().label()).isEqualTo("25.00%");
        assertThat(f.gate().state()).isEqualTo(SigningRates.GateState.REACHED);
        assertThat(f.publishedOn()).isEqualTo(d("2025-06-20"));

        ExpropriationFigures.RegionFigures city = as(actor("gz_admin", "360700", Role.CITY_ADMIN), () -> figures.region("360700"));
        assertThat(city.signed()).isGreaterThanOrEqualTo(4);
        assertThatThrownBy(() -> as(otherCity, () -> figures.region("360700"))).isInstanceOf(Denied.class);

        // states and masking; a household view is logged
        assertThat(as(office, () -> expropriations.households(id, "强制执行"))).extracting(HouseholdView::code)
                .containsExactly("JK-004");
        HouseholdView v = as(office, () -> expropriations.household(h1));
        assertThat(v.state()).isEqualTo(HouseholdState.VACATED);
        assertThat(v.ownerName()).contains("*").doesNotContain("二明");
        assertThat(v.ownerId()).contains("*");
        assertThat(jdbc.sql("select count(*) from personal_data_access where subject_type = 'ledger_expro_household' "
                + "and subject_id = :id").param("id", String.valueOf(h1)).query(Long.class).single()).isEqualTo(1);
        assertThat(as(office, () -> expropriations.reveal(h1, PersonalField.NAME, "核对补偿协议"))).isEqualTo("赵二明");
    }

    @Test
    void gateMissedShowsTheRuleConsequence() {
        SigningRates.GateResult g = SigningRates.gate(new SigningRates.Gate(new BigDecimal("80"),
                "补偿协议不生效，房屋征收决定效力终止", "杭州 2019"), 7, 10, d("2025-05-19"), d("2025-05-20"));
        assertThat(g.state()).isEqualTo(SigningRates.GateState.MISSED);
        assertThat(g.text()).contains("70.00%").contains("房屋征收决定效力终止");
        assertThat(SigningRates.gate(new SigningRates.Gate(new BigDecimal("80"), "x", "y"), 8, 10, d("2025-05-19"),
                d("2025-05-20")).state()).isEqualTo(SigningRates.GateState.REACHED);
        assertThat(SigningRates.gate(new SigningRates.Gate(new BigDecimal("80"), "x", "y"), 1, 10, d("2025-05-19"),
                d("2025-05-19")).state()).isEqualTo(SigningRates.GateState.OPEN);
    }
}
