package org.anju.rental.lease;

import org.anju.AnjuTest;
import org.anju.account.Access;
import org.anju.account.Actor;
import org.anju.account.Channel;
import org.anju.account.Role;
import org.anju.platform.BadInput;
import org.anju.platform.ChinaTime;
import org.anju.platform.ConcurrentUpdateException;
import org.anju.platform.Conflict;
import org.anju.platform.Denied;
import org.anju.privacy.SyntheticIds;
import org.anju.region.Regions;
import org.anju.rental.household.Guarantee;
import org.anju.rental.household.HouseholdForm;
import org.anju.rental.household.HouseholdView;
import org.anju.rental.household.Households;
import org.anju.rental.rules.RuleSet;
import org.anju.rental.rules.RuleSets;
import org.anju.rental.stock.Dwelling;
import org.anju.rental.stock.Estate;
import org.anju.rental.stock.Programme;
import org.anju.rental.stock.RentUnit;
import org.anju.rental.stock.Stock;
import org.anju.rental.stock.StockStatus;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.EnumSet;
import java.util.List;
import java.util.function.Supplier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Leases on the real database through the services, in 章贡区 (赣州市, whose lease rules are the test file marked 未核实,
 * uploaded as the city would):
 * OPERATIONS.md §11 scenarios 19 (arrears: 5 months a warning, 6 taken back) and 20 (sublet: fine ceiling, market rent
 * charged back, ban from the return), 18's shape (a 搬迁期 at the contract rent, then market rent) after a 年审, renewal
 * in its window, a voluntary exit, idempotent billing, the month's figures, refusals and access.
 */
@AnjuTest
@TestPropertySource(properties = "anju.test.database=rental_lease")
class LeaseWorkflowTest {

    static final String COUNTY = "360702";   // 章贡区
    static final String STREET = "360702001000";   // 解放街道
    static final LocalDate TODAY = LocalDate.now(ChinaTime.ZONE);

    @Autowired
    Leases leases;
    @Autowired
    Households households;
    @Autowired
    Stock stock;
    @Autowired
    Regions regions;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    org.anju.rental.application.CityRules cityRules;

    Actor office;      // 章贡区住房保障审核员
    Actor countyAdmin;
    Actor street;
    static int serial = 1;
    static long estateId;

    Actor actor(String username, String region, Role role) {
        return new Actor(username, username, regions.byCode(region).orElseThrow(), EnumSet.of(role), Channel.UI, false);
    }

    <T> T as(Actor a, Supplier<T> work) {
        return Access.runAs(a, work);
    }

    @BeforeEach
    void actors() {
        org.anju.rental.application.TestRuleFiles.upload(cityRules, regions, "360700",
                org.anju.rental.application.RuleFile.Kind.LEASE, "rental/lease-samples/360700-公租房.tsv");
        office = actor("zg_housing", COUNTY, Role.HOUSING_OFFICE);
        countyAdmin = actor("zg_admin", COUNTY, Role.COUNTY_ADMIN);
        street = actor("jf_reviewer", STREET, Role.TOWN_REVIEWER);
    }

    /** A dwelling of 50 ㎡ at 12 元/㎡/月, allocated (the allocation rounds' part, done here by the county's admin). */
    Dwelling dwelling(StockStatus status) {
        return as(countyAdmin, () -> {
            if (estateId == 0) {
                estateId = stock.saveEstate(Estate.of(COUNTY, "租赁测试小区", null, Programme.PUBLIC_RENTAL, null, null)).id();
            }
            return stock.add(new Stock.NewDwelling(estateId, "1号楼", "1", String.valueOf(100 + serial++), null, 1,
                    new BigDecimal("50"), null, null, new BigDecimal("12"), RentUnit.PER_M2_MONTH, status));
        });
    }

    HouseholdForm form(String idNumber, String group, BigDecimal heldArea, Integer version) {
        return new HouseholdForm(STREET, null, null, List.of(new HouseholdForm.MemberForm("刘租户", idNumber, "本人",
                "12000", true, true, null)), group == null ? List.of() : List.of(new HouseholdForm.GroupForm(group,
                LocalDate.of(2023, 1, 1))), heldArea, 6, null, null, false, null, version);
    }

    /** A 低保 household of 解放街道 qualified for 实物配租. */
    long household(String group) {
        String id = SyntheticIds.number("360702", "19700101", serial++);
        long h = as(street, () -> households.register(form(id, group, BigDecimal.ZERO, null)));
        as(street, () -> households.qualify(h, Guarantee.PUBLIC_RENTAL, LocalDate.of(2025, 6, 1)));
        return h;
    }

    Lease sign(long household, long dwelling, LocalDate start, LocalDate end) {
        return as(office, () -> leases.sign(new Leases.SignForm(household, dwelling, LocalDate.of(2025, 12, 20), start, end, null)));
    }

    RuleSet eligibility() throws Exception {
        String file = "360700-公租房-准入.tsv";
        try (var in = getClass().getResourceAsStream("/rental/lease-samples/" + file)) {
            return RuleSets.parse(file, new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8));
        }
    }

    long count(String table) {
        return jdbc.sql("select count(*) from " + table).query(Long.class).single();
    }

    @Test
    void scenario19ArrearsFiveMonthsWarnSixTakeBackAndBillingIsIdempotent() {
        long h = household("低保");
        Dwelling d = dwelling(StockStatus.ALLOCATED);
        Lease lease = sign(h, d.id(), LocalDate.of(2026, 1, 1), LocalDate.of(2030, 12, 31));
        assertThat(lease.monthlyRent()).isEqualByComparingTo("60.00");
        assertThat(lease.rentBasis()).isEqualTo("标准租金 12 元/㎡/月 × 建筑面积 50 ㎡ = 600.00 元/月；"
                + "低保按标准租金的 10% 收取（测试值）：600.00 × 10% = 60.00 元/月；合同租金 60.00 元/月");
        assertThat(lease.leaseNo()).matches("3607022026\\d{5}");
        assertThat(lease.applicant()).isEqualTo("刘**");
        lease = as(office, () -> leases.moveIn(lease(h).id(), lease(h).version(), TODAY));
        assertThat(lease.status()).isEqualTo(LeaseStatus.ACTIVE);
        assertThat(as(office, () -> stock.dwelling(d.id())).status()).isEqualTo(StockStatus.OCCUPIED);

        for (int m = 1; m <= 6; m++) {
            YearMonth month = YearMonth.of(2026, m);
            as(office, () -> leases.bill(COUNTY, month));
        }
        long bills = count("rental_rent_bill");
        Leases.BillingRun again = as(office, () -> leases.bill(COUNTY, YearMonth.of(2026, 3)));
        assertThat(again.created()).isZero();
        assertThat(again.existing()).isGreaterThanOrEqualTo(1);
        assertThat(count("rental_rent_bill")).as("billing twice creates nothing").isEqualTo(bills);
        long id = lease.id();
        as(office, () -> leases.pay(id, new BigDecimal("60"), LocalDate.of(2026, 1, 8), PaymentChannel.ONLINE, "WX001"));

        Lease.Arrears july = as(office, () -> leases.arrears(id, LocalDate.of(2026, 7, 1)));
        assertThat(july.months()).isEqualTo(5);
        assertThat(july.amount()).isEqualByComparingTo("300.00");
        assertThat(july.bills()).extracting(Lease.Owed::period).first().isEqualTo(YearMonth.of(2026, 2));
        List<Lease.Candidate> warned = as(office, () -> leases.candidates(COUNTY, LocalDate.of(2026, 7, 1)));
        assertThat(warned).filteredOn(c -> c.leaseId() == id).singleElement()
                .satisfies(c -> {
                    assertThat(c.kind()).isEqualTo(ViolationKind.ARREARS);
                    assertThat(c.months()).isEqualTo(5);
                    assertThat(c.threshold()).isEqualTo(6);
                    assertThat(c.reached()).isFalse();
                });
        int v = lease.version();
        assertThatThrownBy(() -> as(office, () -> leases.recordViolation(id, v, ViolationKind.ARREARS, null,
                LocalDate.of(2026, 7, 1), null, null)))
                .isInstanceOf(Conflict.class).hasMessageStartingWith("欠租 5 个月，未达到赣州市公共租赁住房租赁规则（测试用）规定的 6 个月")
                .hasMessageContaining("只能提醒，不能收回");

        as(office, () -> leases.bill(COUNTY, YearMonth.of(2026, 7)));
        Lease.Violation taken = as(office, () -> leases.recordViolation(id, v, ViolationKind.ARREARS, null,
                LocalDate.of(2026, 8, 1), null, null));
        assertThat(taken.evidence()).contains("欠租 6 个月，共 360.00 元");
        assertThat(taken.actOn()).isEqualTo(LocalDate.of(2026, 2, 10));
        assertThat(taken.ban()).isFalse();
        assertThat(taken.fineMax()).isNull();
        assertThat(taken.penalty()).contains("公共租赁住房管理办法第三十条");
        Lease exiting = as(office, () -> leases.lease(id));
        assertThat(exiting.status()).isEqualTo(LeaseStatus.EXITING);
        assertThat(exiting.exitKind()).isEqualTo(ExitKind.VIOLATION);

        // the month's figures, from the records
        LeaseFigures feb = as(office, () -> leases.figures(COUNTY, YearMonth.of(2026, 2)));
        assertThat(feb.billed()).isGreaterThanOrEqualTo(new BigDecimal("60.00"));
        LeaseFigures jan = as(office, () -> leases.figures(COUNTY, YearMonth.of(2026, 1)));
        assertThat(jan.collected()).isGreaterThanOrEqualTo(new BigDecimal("60.00"));

        Lease out = as(office, () -> leases.moveOut(id, exiting.version(), TODAY, "钥匙已交回，设施完好"));
        assertThat(out.status()).isEqualTo(LeaseStatus.ENDED);
        assertThat(as(office, () -> stock.dwelling(d.id())).status()).isEqualTo(StockStatus.VACANT);
        HouseholdView closed = as(street, () -> households.household(h));
        assertThat(closed.closedOn()).isEqualTo(TODAY);
        assertThat(closed.closedReason()).contains("违规收回");
        assertThat(as(office, () -> leases.timeline(id))).extracting(Lease.Event::kind)
                .containsSubsequence("SIGN", "MOVE_IN", "PAYMENT", "VIOLATION", "MOVE_OUT").doesNotContain("BAN");
        LeaseFigures now = as(office, () -> leases.figures(COUNTY, YearMonth.from(TODAY)));
        assertThat(now.ended().get(ExitKind.VIOLATION)).isGreaterThanOrEqualTo(1);
    }

    @Test
    void scenario20SubletFineCeilingBackChargeAndFiveYearBan() {
        long h = household(null);
        Dwelling d = dwelling(StockStatus.ALLOCATED);
        Lease signed = sign(h, d.id(), LocalDate.of(2026, 1, 1), LocalDate.of(2030, 12, 31));
        assertThat(signed.monthlyRent()).as("no reduction tier").isEqualByComparingTo("600.00");
        assertThat(signed.rentBasis()).contains("无租金减免");
        Lease lease = as(office, () -> leases.moveIn(signed.id(), signed.version(), TODAY));
        assertThatThrownBy(() -> as(office, () -> leases.recordViolation(lease.id(), lease.version(), ViolationKind.SUBLET,
                LocalDate.of(2026, 3, 11), LocalDate.of(2026, 5, 20), " ", new BigDecimal("8000"))))
                .isInstanceOf(BadInput.class).hasMessage("转租转借须写明证据（核查记录、证人证言、照片编号等）");
        Lease.Violation v = as(office, () -> leases.recordViolation(lease.id(), lease.version(), ViolationKind.SUBLET,
                LocalDate.of(2026, 3, 11), LocalDate.of(2026, 5, 20), "入户核查：实际居住人为他人，出示转租协议（照片 3 张）",
                new BigDecimal("8000")));
        assertThat(v.fineMax()).isEqualByComparingTo("24000.00");
        // market 40 × 50 = 2000; (2000 − 600) × (21/31 + 30/30 + 20/31) = 1400 × 72/31 = 3251.612… → 3251.61
        assertThat(v.backCharge()).isEqualByComparingTo("3251.61");
        assertThat(v.penalty()).contains("第三十六条");
        assertThat(v.ban()).isTrue();
        assertThat(as(office, () -> leases.bills(lease.id()))).filteredOn(b -> b.kind().equals("BACK_CHARGE"))
                .singleElement().satisfies(b -> {
                    assertThat(b.amount()).isEqualByComparingTo("3251.61");
                    assertThat(b.period()).isEqualTo(YearMonth.of(2026, 5));
                });
        Lease exiting = as(office, () -> leases.lease(lease.id()));
        as(office, () -> leases.moveOut(lease.id(), exiting.version(), TODAY, "已收回，钥匙交回"));
        assertThat(as(office, () -> leases.timeline(lease.id()))).extracting(Lease.Event::kind).contains("BAN");
        String ban = jdbc.sql("select until::text from rental_ban where household_id = :h").param("h", h).query(String.class).single();
        assertThat(ban).isEqualTo(TODAY.plusYears(5).toString());
    }

    @Test
    void annualReviewNoLongerEligibleGivesTheGracePeriodThenMarketRent() throws Exception {
        long h = household("低保");
        Dwelling d = dwelling(StockStatus.ALLOCATED);
        Lease lease = sign(h, d.id(), LocalDate.of(2026, 1, 1), LocalDate.of(2030, 12, 31));
        Lease active = as(office, () -> leases.moveIn(lease.id(), lease.version(), TODAY));
        RuleSet rules = eligibility();
        // the version read before the move-in, which the office made itself: said so, where it said 他人
        assertThatThrownBy(() -> as(office, () -> leases.annualReview(active.id(), lease.version(), rules,
                LocalDate.of(2026, 2, 1)))).isInstanceOf(ConcurrentUpdateException.class)
                .hasMessageStartingWith("合同 " + lease.leaseNo() + " 已被您本人的账号（另一窗口或此前的一次提交）于 ")
                .hasMessageEndingWith("修改，请刷新后重试（当前版本 " + active.version() + "，提交的版本 " + lease.version() + "）");
        Leases.ReviewResult ok = as(office, () -> leases.annualReview(active.id(), active.version(), rules, LocalDate.of(2026, 2, 1)));
        assertThat(ok.review().outcome()).isEqualTo("ELIGIBLE");
        assertThat(ok.lease().status()).isEqualTo(LeaseStatus.ACTIVE);
        // the household's housing changed (动态复核): the street records it, the office reviews again
        HouseholdView v = as(street, () -> households.household(h));
        String idNumber = as(street, () -> households.reveal(h, 1, org.anju.privacy.PersonalField.ID_NUMBER, "年审变更"));
        as(street, () -> {
            households.update(h, form(idNumber, "低保", new BigDecimal("80"), v.version()));
            return null;
        });
        Lease current = as(office, () -> leases.lease(lease.id()));
        Leases.ReviewResult out = as(office, () -> leases.annualReview(current.id(), current.version(), rules,
                LocalDate.of(2026, 3, 16)));
        assertThat(out.review().outcome()).isEqualTo("INELIGIBLE");
        assertThat(out.reasons()).singleElement().asString().contains("人均住房建筑面积").contains("80");
        assertThat(out.lease().exitKind()).isEqualTo(ExitKind.INELIGIBLE);
        assertThat(out.lease().graceUntil()).isEqualTo(LocalDate.of(2026, 5, 15));
        for (int m = 3; m <= 6; m++) {
            YearMonth month = YearMonth.of(2026, m);
            as(office, () -> leases.bill(COUNTY, month));
        }
        List<Lease.Bill> bills = as(office, () -> leases.bills(lease.id()));
        // March and April at the contract rent (the 搬迁期 rent is the contract rent here); May: 15 days of it, then
        // 16 days at market rent 2000: (60×15 + 2000×16)/31 = 1061.290… → 1061.29; June: market rent
        assertThat(bills).extracting(b -> b.period().getMonthValue() + ":" + b.amount().toPlainString())
                .containsExactly("3:60.00", "4:60.00", "5:1061.29", "6:2000.00");
        assertThat(bills.get(2).basis()).contains("搬迁期租金（合同租金） 60.00 × 15/31 天").contains("逾期租金（市场租金） 2000.00 × 16/31 天");
    }

    @Test
    void renewalInItsWindowAndAVoluntaryExit() throws Exception {
        long h = household("低保");
        Dwelling d = dwelling(StockStatus.ALLOCATED);
        Lease lease = sign(h, d.id(), LocalDate.of(2024, 1, 1), LocalDate.of(2026, 12, 31));
        Lease active = as(office, () -> leases.moveIn(lease.id(), lease.version(), TODAY));
        RuleSet rules = eligibility();
        assertThatThrownBy(() -> as(office, () -> leases.renew(active.id(), active.version(), LocalDate.of(2026, 5, 1),
                LocalDate.of(2031, 12, 31), rules))).isInstanceOf(Conflict.class).hasMessageContaining("尚早");
        assertThatThrownBy(() -> as(office, () -> leases.renew(active.id(), active.version(), LocalDate.of(2026, 10, 15),
                LocalDate.of(2031, 12, 31), rules))).isInstanceOf(Conflict.class)
                .hasMessageStartingWith("续租申请须在租期届满前 3 个月提出（即 2026年9月30日前）");
        assertThatThrownBy(() -> as(office, () -> leases.renew(active.id(), active.version(), LocalDate.of(2026, 8, 1),
                LocalDate.of(2032, 1, 1), rules))).isInstanceOf(BadInput.class).hasMessageContaining("2031-12-31");
        Lease next = as(office, () -> leases.renew(active.id(), active.version(), LocalDate.of(2026, 8, 1),
                LocalDate.of(2031, 12, 31), rules));
        assertThat(next.startsOn()).isEqualTo(LocalDate.of(2027, 1, 1));
        assertThat(next.status()).isEqualTo(LeaseStatus.ACTIVE);
        assertThat(next.renewedFrom()).isEqualTo(lease.id());
        assertThat(as(office, () -> leases.lease(lease.id())).status()).isEqualTo(LeaseStatus.RENEWED);
        // a colleague takes the tenant's application to leave: a move-out from the version read before names them
        Lease leaving = as(actor("zg_housing2", COUNTY, Role.HOUSING_OFFICE),
                () -> leases.exitVoluntary(next.id(), next.version(), TODAY, "已购买商品住房"));
        assertThat(leaving.exitKind()).isEqualTo(ExitKind.VOLUNTARY);
        assertThatThrownBy(() -> as(office, () -> leases.moveOut(next.id(), next.version(), TODAY, "设施完好")))
                .isInstanceOf(ConcurrentUpdateException.class)
                .hasMessageStartingWith("合同 " + next.leaseNo() + " 已被zg_housing2于 ")
                .hasMessageEndingWith("修改，请刷新后重试（当前版本 " + leaving.version() + "，提交的版本 " + next.version() + "）");
        Lease gone = as(office, () -> leases.moveOut(next.id(), leaving.version(), TODAY, "设施完好，押金待结算"));
        assertThat(gone.status()).isEqualTo(LeaseStatus.ENDED);
        assertThat(as(office, () -> stock.dwelling(d.id())).status()).isEqualTo(StockStatus.VACANT);
        LeaseFigures now = as(office, () -> leases.figures(COUNTY, YearMonth.from(TODAY)));
        assertThat(now.ended().get(ExitKind.VOLUNTARY)).isGreaterThanOrEqualTo(1);
    }

    @Test
    void idleMeasuredFromChecksAndNeverMovingIn() {
        long h = household("低保");
        Dwelling d = dwelling(StockStatus.ALLOCATED);
        Lease lease = sign(h, d.id(), LocalDate.of(2026, 1, 1), LocalDate.of(2030, 12, 31));
        List<Lease.Candidate> c = as(office, () -> leases.candidates(COUNTY, LocalDate.of(2026, 7, 2)));
        assertThat(c).filteredOn(x -> x.leaseId() == lease.id() && x.kind() == ViolationKind.IDLE).singleElement()
                .satisfies(x -> {
                    assertThat(x.months()).isEqualTo(6);
                    assertThat(x.reached()).isTrue();
                    assertThat(x.since()).isEqualTo(LocalDate.of(2026, 1, 1));
                });
        Lease active = as(office, () -> leases.moveIn(lease.id(), lease.version(), TODAY));
        as(office, () -> leases.recordCheck(active.id(), TODAY, false, "水电表读数未变"));
        assertThatThrownBy(() -> as(office, () -> leases.recordCheck(active.id(), TODAY, false, " ")))
                .isInstanceOf(BadInput.class).hasMessageContaining("须写明核查情况");
        List<Lease.Candidate> later = as(office, () -> leases.candidates(COUNTY, TODAY));
        assertThat(later).filteredOn(x -> x.leaseId() == lease.id() && x.kind() == ViolationKind.IDLE).singleElement()
                .satisfies(x -> {
                    assertThat(x.reached()).isFalse();
                    assertThat(x.months()).isZero();
                    assertThat(x.since()).isEqualTo(TODAY);
                });
    }

    /**
     * A date left out is asked for, naming the field, never stored as today (review 2026-12-04 of guesses, M1): a
     * payment, a check or a move-out dated the day it was typed in would be a fact nobody stated — arrears, 闲置 and
     * the 失信 ban count from these days.
     */
    @Test
    void aMissingDateIsRefusedNamingItsFieldAndNothingIsRecorded() throws Exception {
        long h = household("低保");
        Dwelling d = dwelling(StockStatus.ALLOCATED);
        assertThatThrownBy(() -> as(office, () -> leases.sign(new Leases.SignForm(h, d.id(), null, LocalDate.of(2026, 1, 1),
                LocalDate.of(2026, 12, 31), null)))).isInstanceOf(BadInput.class).hasMessage("签约须填写签约日期（signedOn）");
        Lease signed = sign(h, d.id(), LocalDate.of(2026, 1, 1), LocalDate.of(2026, 12, 31));
        assertThatThrownBy(() -> as(office, () -> leases.moveIn(signed.id(), signed.version(), null)))
                .isInstanceOf(BadInput.class).hasMessage("入住须填写入住日期（on）");
        assertThat(as(office, () -> stock.dwelling(d.id())).status()).isEqualTo(StockStatus.ALLOCATED);
        Lease active = as(office, () -> leases.moveIn(signed.id(), signed.version(), TODAY));
        long id = active.id();
        int v = active.version();
        RuleSet rules = eligibility();
        assertThatThrownBy(() -> as(office, () -> leases.pay(id, new BigDecimal("60"), null, PaymentChannel.CASH, null)))
                .isInstanceOf(BadInput.class).hasMessage("请填写缴费日期（paidOn）");
        assertThatThrownBy(() -> as(office, () -> leases.recordCheck(id, null, false, "水电表读数未变")))
                .isInstanceOf(BadInput.class).hasMessage("请填写核查日期（on）");
        assertThatThrownBy(() -> as(office, () -> leases.annualReview(id, v, rules, null)))
                .isInstanceOf(BadInput.class).hasMessage("年审须填写审核日期（on）：按该日有效的规则审核");
        assertThatThrownBy(() -> as(office, () -> leases.recordViolation(id, v, ViolationKind.SUBLET, LocalDate.of(2026, 3, 1),
                null, "入户核查：实际居住人为他人", null))).isInstanceOf(BadInput.class).hasMessage("请填写发现日期（foundOn）");
        assertThatThrownBy(() -> as(office, () -> leases.exitExpired(id, v, null))).isInstanceOf(BadInput.class)
                .hasMessage("期满未续租须填写退出日期（on）：搬迁期自该日起算；合同 " + active.leaseNo() + " 租期至 2026-12-31，"
                        + "退出日期最早为 2027-01-01");
        assertThatThrownBy(() -> as(office, () -> leases.exitVoluntary(id, v, null, "已购买商品住房")))
                .isInstanceOf(BadInput.class).hasMessage("自愿退出须填写申请日期（on）");
        assertThat(as(office, () -> leases.timeline(id))).extracting(Lease.Event::kind).containsExactly("SIGN", "MOVE_IN");
        assertThat(as(office, () -> leases.payments(id))).isEmpty();
        assertThat(as(office, () -> leases.checks(id))).isEmpty();
        assertThat(as(office, () -> leases.reviews(id))).isEmpty();
        assertThat(as(office, () -> leases.lease(id)).status()).isEqualTo(LeaseStatus.ACTIVE);

        Lease leaving = as(office, () -> leases.exitVoluntary(id, v, TODAY, "已购买商品住房"));
        assertThatThrownBy(() -> as(office, () -> leases.moveOut(id, leaving.version(), null, "设施完好")))
                .isInstanceOf(BadInput.class).hasMessage("腾退须填写腾退日期（on）");
        assertThat(as(office, () -> leases.lease(id)).status()).isEqualTo(LeaseStatus.EXITING);
        assertThat(as(office, () -> stock.dwelling(d.id())).status()).isEqualTo(StockStatus.OCCUPIED);
        assertThat(as(street, () -> households.household(h)).closedOn()).isNull();
    }

    @Test
    void refusalsWriteNothingAndAccessIsTheHousingOffices() {
        long h = household("低保");
        Dwelling allocated = dwelling(StockStatus.ALLOCATED);
        Dwelling vacant = dwelling(StockStatus.VACANT);
        long leasesBefore = count("rental_lease");
        assertThatThrownBy(() -> sign(h, allocated.id(), LocalDate.of(2026, 1, 1), LocalDate.of(2031, 1, 1)))
                .isInstanceOf(BadInput.class)
                .hasMessage("租期 2026-01-01 至 2031-01-01 超过赣州市公共租赁住房租赁规则（测试用）规定的最长租期 5 年"
                        + "（公共租赁住房管理办法第十八条）：截止日最晚为 2030-12-31");
        assertThatThrownBy(() -> sign(h, vacant.id(), LocalDate.of(2026, 1, 1), LocalDate.of(2026, 12, 31)))
                .isInstanceOf(Conflict.class).hasMessageContaining("当前为空置：须先配租");
        String id = SyntheticIds.number("360702", "19800101", serial++);
        long unqualified = as(street, () -> households.register(form(id, null, BigDecimal.ZERO, null)));
        assertThatThrownBy(() -> sign(unqualified, allocated.id(), LocalDate.of(2026, 1, 1), LocalDate.of(2026, 12, 31)))
                .isInstanceOf(Conflict.class).hasMessageContaining("尚未取得资格证");
        assertThatThrownBy(() -> as(countyAdmin, () -> leases.sign(new Leases.SignForm(h, allocated.id(), LocalDate.of(2025, 12, 20),
                LocalDate.of(2026, 1, 1), LocalDate.of(2026, 12, 31), null))))
                .isInstanceOf(Denied.class).hasMessageContaining("须为该区县或所在市的住房保障审核员");
        assertThatThrownBy(() -> as(actor("xz_housing", "361102", Role.HOUSING_OFFICE), () -> leases.bill(COUNTY,
                YearMonth.of(2026, 1)))).isInstanceOf(Denied.class);
        assertThat(count("rental_lease")).isEqualTo(leasesBefore);

        Lease lease = sign(h, allocated.id(), LocalDate.of(2026, 1, 1), LocalDate.of(2026, 12, 31));
        long payments = count("rental_rent_payment");
        assertThatThrownBy(() -> as(office, () -> leases.pay(lease.id(), new BigDecimal("10.001"), null, PaymentChannel.CASH, null)))
                .isInstanceOf(BadInput.class).hasMessageContaining("不是整分");
        assertThatThrownBy(() -> as(office, () -> leases.pay(lease.id(), new BigDecimal("-5"), null, PaymentChannel.CASH, null)))
                .isInstanceOf(BadInput.class).hasMessage("缴费金额须大于 0 元");
        assertThatThrownBy(() -> as(office, () -> leases.pay(lease.id(), BigDecimal.TEN, TODAY.plusDays(1), PaymentChannel.CASH, null)))
                .isInstanceOf(BadInput.class).hasMessageContaining("不能晚于今天");
        assertThatThrownBy(() -> as(office, () -> leases.moveOut(lease.id(), lease.version(), TODAY, "好")))
                .isInstanceOf(Conflict.class).hasMessageContaining("请先办理退出");
        assertThat(count("rental_rent_payment")).isEqualTo(payments);
        // the city reads the county's leases; a viewer of another city does not
        assertThat(as(actor("gz_admin", "360700", Role.CITY_ADMIN), () -> leases.leases(COUNTY, true)))
                .extracting(Lease::id).contains(lease.id());
        assertThatThrownBy(() -> as(actor("sr_viewer", "361100", Role.VIEWER), () -> leases.lease(lease.id())))
                .isInstanceOf(org.springframework.security.access.AccessDeniedException.class);
        assertThatThrownBy(() -> as(office, () -> leases.leases(STREET, true))).isInstanceOf(BadInput.class)
                .hasMessageContaining("租赁合同按区县管理");
    }

    Lease lease(long household) {
        return as(office, () -> leases.leases(COUNTY, true)).stream().filter(l -> l.householdId() == household)
                .findFirst().orElseThrow();
    }
}
