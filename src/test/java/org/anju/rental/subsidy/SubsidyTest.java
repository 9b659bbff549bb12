package org.anju.rental.subsidy;

import org.anju.AnjuTest;
import org.anju.account.Access;
import org.anju.account.Actor;
import org.anju.account.Channel;
import org.anju.account.Role;
import org.anju.platform.BadInput;
import org.anju.platform.ConcurrentUpdateException;
import org.anju.platform.Conflict;
import org.anju.platform.Denied;
import org.anju.privacy.SyntheticIds;
import org.anju.region.Region;
import org.anju.region.Regions;
import org.anju.rental.household.Guarantee;
import org.anju.rental.household.HouseholdForm;
import org.anju.rental.household.HouseholdView;
import org.anju.rental.household.Households;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.function.Supplier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * 租赁补贴 on Chongqing 渝中区's real parameters (渝建发〔2021〕1号, OPERATIONS.md §5.2, scenario 21) kept as data: agreements
 * computed line by line and persisted, stop and resume on 年审 (scenario 24, Xuzhou profile: no back-pay), monthly and
 * quarterly rolls as the parameter file's 发放周期 and 不足月 say, the bank sheet read back, the bank's results and the
 * month's figures. Each test works in a county of its own (渝中区's streets are the households' 社区受理 places).
 */
@AnjuTest
@AutoConfigureMockMvc
@TestPropertySource(properties = "anju.test.database=subsidy")
class SubsidyTest {

    static final String YUZHONG = "500103";
    /** The payment terms the scenarios assume; the real file does not state them (the first upload shows the refusal). */
    static final String MONTHLY = "发放周期\t按月\n不足月\t按日折算\n";
    static final String QUARTERLY = "发放周期\t按季\n不足月\t按日折算\n银行表标题\t{县区}{期间}公租房租赁补贴发放表\n";

    @Autowired
    org.anju.progress.RecordedFigures recorded;
    @Autowired
    Subsidies subsidies;
    @Autowired
    PaymentRolls rolls;
    @Autowired
    Households households;
    @Autowired
    Regions regions;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    MockMvc mvc;

    Region county;
    String street;
    Actor office;
    Actor admin;
    static int serial = 1;
    final java.util.Map<Long, HouseholdForm> forms = new java.util.HashMap<>();

    @BeforeEach
    void setUp() {
        county = regions.byCode(YUZHONG).orElseThrow();
        street = regions.localUnits(county).getFirst().code();
        office = actor("yz_housing", YUZHONG, Role.HOUSING_OFFICE);
        admin = actor("yz_admin", YUZHONG, Role.COUNTY_ADMIN);
        // every test starts from no agreements and no rolls: they share the county
        jdbc.sql("delete from rental_subsidy_payment").update();
        jdbc.sql("delete from rental_subsidy_roll_line").update();
        jdbc.sql("delete from rental_subsidy_roll").update();
        jdbc.sql("delete from rental_subsidy_change").update();
        jdbc.sql("delete from rental_subsidy_agreement").update();
        jdbc.sql("delete from rental_subsidy_parameters").update();
    }

    Actor actor(String username, String region, Role role) {
        return new Actor(username, username, regions.byCode(region).orElseThrow(), EnumSet.of(role), Channel.UI, false);
    }

    static <T> T as(Actor a, Supplier<T> work) {
        return Access.runAs(a, work);
    }

    static String realFile() {
        try (InputStream in = SubsidyTest.class.getResourceAsStream("/rental/subsidy/500103.tsv")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    void parameters(LocalDate from, String terms) {
        as(admin, () -> subsidies.uploadParameters(YUZHONG, from, "500103.tsv", realFile() + terms));
    }

    /** A household qualified for 租赁补贴 on {@code qualified}: {@code persons} members, in a group, holding {@code held} m². */
    long household(int persons, String group, String held, LocalDate qualified) {
        List<HouseholdForm.MemberForm> members = new ArrayList<>();
        String[] names = {"王建国", "李秀英", "王小明", "王小红", "王大山"};
        for (int i = 0; i < persons; i++) {
            members.add(new HouseholdForm.MemberForm(names[i], SyntheticIds.number(YUZHONG, "1980010" + (i + 1), serial++),
                    i == 0 ? "本人" : "子女", null, false, true, null));
        }
        HouseholdForm form = new HouseholdForm(street, null, null, members,
                group == null ? List.of() : List.of(new HouseholdForm.GroupForm(group, LocalDate.of(2020, 1, 1))),
                new BigDecimal(held), 6, null, null, false, null, null);
        long id = as(office, () -> households.register(form));
        forms.put(id, form);
        as(office, () -> households.qualify(id, Guarantee.SUBSIDY, qualified));
        return id;
    }

    Agreement sign(long household, YearMonth start, String tier, String rent) {
        return as(office, () -> subsidies.sign(new AgreementForm(household, start, start.plusYears(1).atDay(1).minusDays(1),
                tier, rent == null ? null : new BigDecimal(rent), "6222 0212 3456 7890 " + String.format("%03d", serial++),
                "中国工商银行重庆渝中支行")));
    }

    @Test
    void agreementsAreComputedByTheCitysFileAndShowTheirComputation() {
        parameters(LocalDate.of(2021, 1, 1), MONTHLY);
        LocalDate q = LocalDate.of(2025, 1, 10);
        Agreement single = sign(household(1, "低保", "0", q), YearMonth.of(2025, 2), null, "800");
        assertThat(single.monthlyAmount()).isEqualByComparingTo("460.00");   // 23 × 20 × 1 × 1.0
        assertThat(single.current().tier()).as("the one tier the household's groups name").isEqualTo("低保");
        assertThat(single.current().computation()).containsSubsequence(
                "家庭人数：1 人；补贴档次：低保",
                "补贴标准：23 元/㎡/月",
                "保障面积标准：20 ㎡/人（1 人家庭）",
                "家庭自有住房：0 ㎡，人均 0 ㎡",
                "补贴人数：1",
                "补贴面积：(20 − 0) × 1 = 20 ㎡",
                "补贴系数：1",
                "计算月补贴额：23 × 20 × 1 = 460.00 元",
                "实际月租金 800.00 元，不低于计算额",
                "每月发放：460.00 元");
        assertThat(single.current().computation().getFirst()).startsWith("补贴参数：重庆市渝中区公租房租赁补贴（渝建发〔2021〕1号（S13）），");
        assertThat(single.bankAccount()).matches("\\*\\*\\*\\*\\d{4}");
        assertThat(single.applicantName()).isEqualTo("王**");

        // 3-person 低收入 with 5 m²/人 own: 23 × 10 × 3 × 0.8 = 552; the stated tier is one of the file's
        Agreement lowIncome = sign(household(3, null, "15", q), YearMonth.of(2025, 2), "低收入", "900");
        assertThat(lowIncome.monthlyAmount()).isEqualByComparingTo("552.00");
        // 4-person 低保 no housing: 23 × 60 = 1380; 5-person capped at 60 m² → 1380
        assertThat(sign(household(4, "低保", "0", q), YearMonth.of(2025, 2), null, "2000").monthlyAmount()).isEqualByComparingTo("1380.00");
        Agreement five = sign(household(5, "低保", "0", q), YearMonth.of(2025, 2), null, "2000");
        assertThat(five.monthlyAmount()).isEqualByComparingTo("1380.00");
        assertThat(five.current().computation()).contains("补贴面积：(15 − 0) × 5 = 75 ㎡", "补贴面积超过上限 60 ㎡，按 60 ㎡ 计");
        // 4-person 低保 whose private rent is 500 → pay 500
        Agreement capped = sign(household(4, "低保", "0", q), YearMonth.of(2025, 2), null, "500");
        assertThat(capped.monthlyAmount()).isEqualByComparingTo("500.00");
        assertThat(capped.current().computation()).contains("实际月租金 500.00 元，低于计算额，补贴不超过实际租金：按 500.00 元");
    }

    @Test
    void stopAndResumeOnAnnualReviewKeepEveryChangeAndPayNoMonthStopped() {
        parameters(LocalDate.of(2021, 1, 1), MONTHLY);
        long h = household(3, null, "15", LocalDate.of(2024, 1, 5));
        Agreement signed = sign(h, YearMonth.of(2024, 1), "低收入", "900");
        assertThat(signed.monthlyAmount()).isEqualByComparingTo("552.00");
        // the agreement's 年审 was not passed in time: stopped from April (Xuzhou profile: no back-pay)
        Agreement stopped = as(office, () -> subsidies.stop(signed.id(), signed.version(), StopReason.INELIGIBLE,
                LocalDate.of(2024, 4, 1), "未按期年审"));
        assertThat(stopped.active()).isFalse();
        // the household changed meanwhile (sold its 15 m²): the late 年审 of 2024-06-15 resumes in July, amount recomputed
        HouseholdView v = as(office, () -> households.household(h));
        HouseholdForm f = forms.get(h);
        as(office, () -> {
            households.update(h, new HouseholdForm(street, null, null, f.members(), f.groups(), BigDecimal.ZERO, 6, null,
                    null, false, null, v.version()));
            return null;
        });
        Agreement resumed = as(office, () -> subsidies.review(stopped.id(), new ReviewForm(stopped.version(),
                YearMonth.of(2024, 7), LocalDate.of(2025, 6, 30), "低收入", new BigDecimal("900"), "2024年6月15日年审通过")));
        assertThat(resumed.active()).isTrue();
        assertThat(resumed.monthlyAmount()).isEqualByComparingTo("828.00");   // 23 × 15 × 3 × 0.8
        assertThat(resumed.changes()).extracting(Agreement.AgreementChange::kind)
                .containsExactly(ChangeKind.START, ChangeKind.STOP, ChangeKind.RESUME);
        assertThat(resumed.changes().getFirst().monthlyAmount()).as("the first amount is kept").isEqualByComparingTo("552.00");
        assertThat(resumed.changes().get(1).stopReason()).isEqualTo(StopReason.INELIGIBLE);

        for (int m = 1; m <= 8; m++) {
            YearMonth month = YearMonth.of(2024, m);
            Roll r = as(office, () -> rolls.generate(YUZHONG, month));
            String expected = m <= 3 ? "552.00" : m <= 6 ? null : "828.00";
            if (expected == null) {
                assertThat(r.households()).as(month + " stopped: no line").isZero();
            } else {
                assertThat(r.households()).as(month.toString()).isEqualTo(1);
                assertThat(r.total()).as(month.toString()).isEqualByComparingTo(expected);
            }
        }
        // resuming before the stop, or stopping again a stopped agreement, is refused
        assertThatThrownBy(() -> as(office, () -> subsidies.stop(resumed.id(), resumed.version(), StopReason.MOVED_AWAY,
                LocalDate.of(2024, 6, 1), null))).isInstanceOf(BadInput.class)
                .hasMessage("停发日期不能早于上一次变更的生效日期（2024年7月1日）");

        // a 年审 from the version read before the resumption, which the office made itself: said so, where it said 他人
        assertThatThrownBy(() -> as(office, () -> subsidies.review(resumed.id(), new ReviewForm(stopped.version(),
                YearMonth.of(2024, 9), LocalDate.of(2025, 8, 31), "低收入", new BigDecimal("900"), "再次年审"))))
                .isInstanceOf(ConcurrentUpdateException.class)
                .hasMessageStartingWith("该补贴协议已被您本人的账号（另一窗口或此前的一次提交）于 ")
                .hasMessageEndingWith("修改，请刷新后重试（当前版本 " + resumed.version() + "，提交的版本 " + stopped.version() + "）");
        // a colleague stops it meanwhile: named
        Agreement gone = as(actor("yz_housing2", YUZHONG, Role.HOUSING_OFFICE), () -> subsidies.stop(resumed.id(),
                resumed.version(), StopReason.MOVED_AWAY, LocalDate.of(2024, 10, 1), null));
        assertThatThrownBy(() -> as(office, () -> subsidies.review(resumed.id(), new ReviewForm(resumed.version(),
                YearMonth.of(2024, 11), LocalDate.of(2025, 10, 31), "低收入", new BigDecimal("900"), "再次年审"))))
                .isInstanceOf(ConcurrentUpdateException.class).hasMessageStartingWith("该补贴协议已被yz_housing2于 ")
                .hasMessageEndingWith("修改，请刷新后重试（当前版本 " + (resumed.version() + 1) + "，提交的版本 " + resumed.version() + "）");
    }

    @Test
    void quarterlyRollsProrateAPartialMonthAsTheFileSaysAndAreIdempotent() {
        parameters(LocalDate.of(2021, 1, 1), QUARTERLY);
        long h1 = household(1, "低保", "0", LocalDate.of(2024, 12, 1));
        long h2 = household(3, null, "15", LocalDate.of(2024, 12, 1));
        Agreement a1 = sign(h1, YearMonth.of(2025, 1), null, "800");           // 460
        Agreement a2 = sign(h2, YearMonth.of(2025, 2), "低收入", "900");        // 552 from February
        // moved away: stopped from 2025-02-15 → February 14/28 of 460 = 230.00, March nothing
        as(office, () -> subsidies.stop(a1.id(), a1.version(), StopReason.MOVED_AWAY, LocalDate.of(2025, 2, 15), "迁往成都"));

        Roll first = as(office, () -> rolls.generate(YUZHONG, YearMonth.of(2025, 3)));
        assertThat(first.cycle()).isEqualTo(Cycle.QUARTERLY);
        assertThat(first.periodName()).isEqualTo("2025年第一季度");
        assertThat(first.periodStart()).isEqualTo(LocalDate.of(2025, 1, 1));
        assertThat(first.periodEnd()).isEqualTo(LocalDate.of(2025, 3, 31));
        List<RollLine> lines = as(office, () -> rolls.lines(first.id(), 0, 100));
        assertThat(lines).extracting(RollLine::seq).containsExactly(1, 2);
        assertThat(lines.get(0).monthAmounts()).extracting(BigDecimal::toPlainString).containsExactly("460.00", "230.00", "0.00");
        assertThat(lines.get(0).amount()).isEqualByComparingTo("690.00");
        assertThat(lines.get(1).monthAmounts()).extracting(BigDecimal::toPlainString).containsExactly("0.00", "552.00", "552.00");
        assertThat(first.total()).isEqualByComparingTo("1794.00");

        Roll again = as(office, () -> rolls.generate(YUZHONG, YearMonth.of(2025, 1)));
        assertThat(again.id()).isEqualTo(first.id());
        assertThat(again.total()).isEqualByComparingTo(first.total());
        assertThat(as(office, () -> rolls.lines(first.id(), 0, 100))).isEqualTo(lines);
        assertThat(jdbc.sql("select count(*) from rental_subsidy_roll").query(Integer.class).single()).isEqualTo(1);

        // confirming the roll as first read: it was generated again since, by the office itself — said so, where it said
        // 他人重新生成或确认 (a guess, and both ways)
        assertThatThrownBy(() -> as(office, () -> rolls.confirm(first.id(), first.version())))
                .isInstanceOf(ConcurrentUpdateException.class)
                .hasMessageStartingWith("该花名册已被您本人的账号（另一窗口或此前的一次提交）于 ")
                .hasMessageEndingWith("重新生成，请刷新后核对（当前版本 " + again.version() + "，提交的版本 " + first.version() + "）");
        // a colleague generates it again: named
        Roll third = as(actor("yz_housing2", YUZHONG, Role.HOUSING_OFFICE), () -> rolls.generate(YUZHONG, YearMonth.of(2025, 1)));
        assertThatThrownBy(() -> as(office, () -> rolls.confirm(again.id(), again.version())))
                .isInstanceOf(ConcurrentUpdateException.class).hasMessageStartingWith("该花名册已被yz_housing2于 ")
                .hasMessageEndingWith("重新生成，请刷新后核对（当前版本 " + third.version() + "，提交的版本 " + again.version() + "）");
        Roll confirmed = as(office, () -> rolls.confirm(third.id(), third.version()));
        assertThat(confirmed.confirmed()).isTrue();
        assertThatThrownBy(() -> as(office, () -> rolls.generate(YUZHONG, YearMonth.of(2025, 2))))
                .isInstanceOf(Conflict.class).hasMessage("渝中区2025年第一季度的花名册已确认，不能重新生成");
        Agreement a2now = as(office, () -> subsidies.agreement(a2.id()));
        assertThatThrownBy(() -> as(office, () -> subsidies.stop(a2now.id(), a2now.version(), StopReason.DECEASED,
                LocalDate.of(2025, 3, 10), null))).isInstanceOf(Conflict.class)
                .hasMessageStartingWith("停发日期2025年3月10日落在已确认的发放花名册（2025年1月1日至2025年3月31日）之内");
    }

    @Test
    void aRollIsRefusedUntilTheCityConfiguresItsCycleAndPartialMonths() {
        parameters(LocalDate.of(2021, 1, 1), "");
        Agreement a = sign(household(1, "低保", "0", LocalDate.of(2025, 1, 1)), YearMonth.of(2025, 1), null, "800");
        assertThat(a.monthlyAmount()).isEqualByComparingTo("460.00");
        assertThatThrownBy(() -> as(office, () -> rolls.generate(YUZHONG, YearMonth.of(2025, 1))))
                .isInstanceOf(Conflict.class).hasMessageContaining("未规定发放周期").hasMessageContaining("发放周期\t按月");
        parameters(LocalDate.of(2025, 1, 1), "发放周期\t按月\n");
        assertThatThrownBy(() -> as(office, () -> rolls.generate(YUZHONG, YearMonth.of(2025, 1))))
                .isInstanceOf(Conflict.class).hasMessageContaining("未规定不足一个月的月份如何发放");
        parameters(LocalDate.of(2025, 2, 1), MONTHLY);
        assertThat(as(office, () -> rolls.generate(YUZHONG, YearMonth.of(2025, 2))).total()).isEqualByComparingTo("460.00");
        // versions are kept side by side, newest first, each verbatim
        List<SubsidyParameters> versions = as(office, () -> subsidies.parameterVersions(YUZHONG));
        assertThat(versions).extracting(SubsidyParameters::effectiveFrom)
                .containsExactly(LocalDate.of(2025, 2, 1), LocalDate.of(2025, 1, 1), LocalDate.of(2021, 1, 1));
        assertThat(versions.getFirst().content()).isEqualTo(realFile() + MONTHLY);
        assertThatThrownBy(() -> parameters(LocalDate.of(2025, 2, 1), MONTHLY)).isInstanceOf(Conflict.class)
                .hasMessageContaining("参数只增不改");
    }

    @Test
    void theBankSheetHoldsTheConfirmedRollAndItsExportIsLoggedWithTheReason() throws IOException {
        parameters(LocalDate.of(2021, 1, 1), QUARTERLY);
        long h1 = household(1, "低保", "0", LocalDate.of(2024, 12, 1));
        long h2 = household(3, null, "15", LocalDate.of(2024, 12, 1));
        sign(h1, YearMonth.of(2025, 1), null, "800");
        sign(h2, YearMonth.of(2025, 1), "低收入", "500");
        Roll draft = as(office, () -> rolls.generate(YUZHONG, YearMonth.of(2025, 1)));
        assertThatThrownBy(() -> as(office, () -> rolls.bankSheet(draft.id(), "发放"))).isInstanceOf(Conflict.class)
                .hasMessage("花名册确认后才能导出银行发放表：请先核对并确认");
        Roll roll = as(office, () -> rolls.confirm(draft.id(), draft.version()));
        assertThatThrownBy(() -> as(office, () -> rolls.bankSheet(roll.id(), " "))).isInstanceOf(BadInput.class)
                .hasMessageStartingWith("导出个人信息须说明事由");
        assertThatThrownBy(() -> as(actor("yz_viewer", YUZHONG, Role.VIEWER), () -> rolls.bankSheet(roll.id(), "发放")))
                .isInstanceOf(Denied.class);

        long before = jdbc.sql("select coalesce(max(id), 0) from personal_data_access").query(Long.class).single();
        BankSheet.File file = as(office, () -> rolls.bankSheet(roll.id(), "报送银行发放2025年第一季度租赁补贴"));
        assertThat(file.fileName()).isEqualTo("渝中区2025年第一季度公租房租赁补贴发放表.xlsx");
        try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(file.content()))) {
            Sheet s = wb.getSheetAt(0);
            assertThat(s.getRow(0).getCell(0).getStringCellValue()).isEqualTo("渝中区2025年第一季度公租房租赁补贴发放表");
            assertThat(s.getMergedRegion(0).formatAsString()).isEqualTo("A1:F1");
            assertThat(s.getRow(1).getCell(5).getStringCellValue()).isEqualTo("单位：元");
            assertThat(texts(s.getRow(2))).containsExactly("序号", "姓名", "身份证号", "银行账号", "开户行", "金额");
            Row first = s.getRow(3);
            assertThat(first.getCell(0).getCellType()).isEqualTo(CellType.NUMERIC);
            assertThat(first.getCell(0).getNumericCellValue()).isEqualTo(1.0);
            assertThat(first.getCell(1).getStringCellValue()).isEqualTo("王建国");
            String id = jdbc.sql("select count(*) from rental_member where household_id = :h").param("h", h1).query(Integer.class)
                    .single() == 1 ? first.getCell(2).getStringCellValue() : null;
            assertThat(id).hasSize(18).startsWith(YUZHONG);
            assertThat(first.getCell(3).getCellType()).as("account numbers as text").isEqualTo(CellType.STRING);
            assertThat(first.getCell(3).getStringCellValue()).matches("6222021234567890\\d{3}");
            assertThat(first.getCell(4).getStringCellValue()).isEqualTo("中国工商银行重庆渝中支行");
            assertThat(first.getCell(5).getCellType()).isEqualTo(CellType.NUMERIC);
            assertThat(first.getCell(5).getNumericCellValue()).isEqualTo(1380.0);   // 460 × 3
            assertThat(first.getCell(5).getCellStyle().getDataFormatString()).isEqualTo("0.00");
            assertThat(s.getRow(4).getCell(5).getNumericCellValue()).isEqualTo(1500.0);   // 500 (rent) × 3
            Row total = s.getRow(5);
            assertThat(total.getCell(0).getStringCellValue()).isEqualTo("合计");
            assertThat(total.getCell(1).getStringCellValue()).isEqualTo("共 2 户");
            assertThat(total.getCell(5).getNumericCellValue()).isEqualTo(2880.0);
            assertThat(s.getLastRowNum()).isEqualTo(5);
        }
        assertThat(jdbc.sql("""
                        select action || ' ' || subject_type || ' ' || array_to_string(fields, ',') || ' ' || row_count || ' ' || reason
                          from personal_data_access where id > :id""").param("id", before).query(String.class).list())
                .containsExactly("EXPORT rental_subsidy_roll " + String.join(",", sortedFields()) + " 2 报送银行发放2025年第一季度租赁补贴");
    }

    static List<String> sortedFields() {
        return List.of("NAME", "ID_NUMBER", "BANK_ACCOUNT");
    }

    static List<String> texts(Row row) {
        List<String> t = new ArrayList<>();
        for (Cell c : row) {
            t.add(c.getStringCellValue());
        }
        return t;
    }

    /** Audit L2: a confirmed roll whose bank results are not entered does not say 已发放 0 户 / 发放失败 0 户. */
    @Test
    void aRollWithoutBankResultsSaysSoRatherThanNothingPaid() throws Exception {
        parameters(LocalDate.of(2021, 1, 1), MONTHLY);
        sign(household(1, "低保", "0", LocalDate.of(2025, 1, 1)), YearMonth.of(2025, 1), null, "800");
        sign(household(3, null, "15", LocalDate.of(2025, 1, 1)), YearMonth.of(2025, 1), "低收入", "900");
        Roll draft = as(office, () -> rolls.generate(YUZHONG, YearMonth.of(2025, 1)));
        assertThat(summary(draft.id())).isEqualTo("草稿：2 户，合计 1,012.00 元；确认后登记银行发放结果");
        assertThat(listRow(draft.id())).containsExactly("草稿", "—", "—", "—", "—");
        Roll roll = as(office, () -> rolls.confirm(draft.id(), draft.version()));
        assertThat(roll.unmarked()).isEqualTo(2);
        assertThat(summary(roll.id())).isEqualTo("已确认：2 户，合计 1,012.00 元；银行发放结果尚未登记（未登记结果 2 户）");
        assertThat(listRow(roll.id())).containsExactly("已确认", "—", "—", "—", "2");
        as(office, () -> rolls.mark(roll.id(), List.of(1), PayStatus.PAID, true, null));
        assertThat(summary(roll.id())).isEqualTo("已确认：2 户，合计 1,012.00 元；已发放 1 户（线上 1 户），发放失败 0 户，未登记结果 1 户");
        assertThat(listRow(roll.id())).containsExactly("已确认", "1", "1", "0", "1");
        as(office, () -> rolls.mark(roll.id(), List.of(2), PayStatus.FAILED, null, "账户已销户"));
        assertThat(summary(roll.id())).isEqualTo("已确认：2 户，合计 1,012.00 元；已发放 1 户（线上 1 户），发放失败 1 户");
    }

    /** The roll page's summary line. */
    String summary(long rollId) throws Exception {
        String page = page("/rental/subsidies/rolls/" + rollId);
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("<p id=\"roll-summary\">([^<]*)</p>").matcher(page);
        assertThat(m.find()).as("the roll's summary").isTrue();
        return m.group(1);
    }

    /** The rolls list's cells 状态, 已发放, 其中线上, 发放失败, 未登记结果 of one roll. */
    List<String> listRow(long rollId) throws Exception {
        String page = page("/rental/subsidies/rolls?region=" + YUZHONG);
        java.util.regex.Matcher row = java.util.regex.Pattern.compile("(?s)<a href=\"/rental/subsidies/rolls/" + rollId
                + "\">.*?</tr>").matcher(page);
        assertThat(row.find()).as("the roll's row").isTrue();
        java.util.regex.Matcher cell = java.util.regex.Pattern.compile("<td[^>]*>([^<]*)</td>").matcher(row.group());
        List<String> cells = new ArrayList<>();
        while (cell.find()) {
            cells.add(cell.group(1).strip());
        }
        return cells.subList(2, 7);
    }

    String page(String url) throws Exception {
        return mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get(url)
                        .with(org.anju.TestUsers.as("yz_housing", YUZHONG, Role.HOUSING_OFFICE)))
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
    }

    @Test
    void theBanksResultsMakeTheMonthsFigures() {
        parameters(LocalDate.of(2021, 1, 1), MONTHLY);
        long h1 = household(1, "低保", "0", LocalDate.of(2025, 1, 1));
        long h2 = household(3, null, "15", LocalDate.of(2025, 1, 1));
        Agreement a1 = sign(h1, YearMonth.of(2025, 1), null, "800");
        sign(h2, YearMonth.of(2025, 1), "低收入", "900");
        for (int m = 1; m <= 2; m++) {
            YearMonth month = YearMonth.of(2025, m);
            Roll r = as(office, () -> rolls.generate(YUZHONG, month));
            Roll c = as(office, () -> rolls.confirm(r.id(), r.version()));
            assertThatThrownBy(() -> as(office, () -> rolls.mark(c.id(), List.of(1), PayStatus.PAID, null, null)))
                    .isInstanceOf(BadInput.class).hasMessage("请说明是否通过线上系统发放（线上发放：是/否）");
            assertThatThrownBy(() -> as(office, () -> rolls.mark(c.id(), List.of(9), PayStatus.PAID, true, null)))
                    .isInstanceOf(BadInput.class).hasMessage("花名册中没有序号 9");
            as(office, () -> rolls.mark(c.id(), List.of(1), PayStatus.PAID, true, null));
            Roll marked = as(office, () -> rolls.mark(c.id(), List.of(2), PayStatus.FAILED, null, "账户已销户"));
            assertThat(marked.paid()).isEqualTo(1);
            assertThat(marked.failed()).isEqualTo(1);
        }
        // February's failed line is paid after all, offline (re-marked: the audit trail keeps the first mark)
        Roll feb = as(office, () -> rolls.rolls(YUZHONG)).getFirst();
        as(office, () -> rolls.mark(feb.id(), List.of(2), PayStatus.PAID, false, null));
        Agreement a1now = as(office, () -> subsidies.agreement(a1.id()));
        as(office, () -> subsidies.stop(a1now.id(), a1now.version(), StopReason.PUBLIC_HOUSING, LocalDate.of(2025, 3, 1), null));

        SubsidyFigures jan = as(office, () -> rolls.figures(YUZHONG, YearMonth.of(2025, 1)));
        assertThat(jan.households()).isEqualTo(1);
        assertThat(jan.amount()).isEqualByComparingTo("460.00");
        assertThat(jan.onlineHouseholds()).isEqualTo(1);
        SubsidyFigures febFigures = as(office, () -> rolls.figures(YUZHONG, YearMonth.of(2025, 2)));
        assertThat(febFigures.households()).isEqualTo(2);
        assertThat(febFigures.amount()).isEqualByComparingTo("1012.00");
        assertThat(febFigures.onlineHouseholds()).isEqualTo(1);
        assertThat(febFigures.householdsInYear()).isEqualTo(2);
        assertThat(febFigures.amountInYear()).isEqualByComparingTo("1472.00");
        // offered on 渝中区's February report as 1—2月 figures
        var offered = as(office, () -> recorded.figures(regions.byCode(YUZHONG).orElseThrow(), YearMonth.of(2025, 2)))
                .stream().collect(java.util.stream.Collectors.toMap(f -> f.indicatorCode(), f -> f));
        assertThat(offered.get("RENTAL_SUBSIDY.ISSUE.HOUSEHOLD").value()).isEqualByComparingTo("2");
        assertThat(offered.get("RENTAL_SUBSIDY.ISSUE.YUAN_10K").value()).isEqualByComparingTo("0.1472");
        assertThat(offered.get("RENTAL_SUBSIDY.ISSUE_ONLINE.HOUSEHOLD").value()).isEqualByComparingTo("1");
        assertThat(offered.get("RENTAL_SUBSIDY.ISSUE.HOUSEHOLD").basis())
                .isEqualTo("发放花名册：1—2月银行已确认发放 2 户、1472.00 元，其中线上发放 1 户");
        SubsidyFigures mar = as(office, () -> rolls.figures(YUZHONG, YearMonth.of(2025, 3)));
        assertThat(mar.stopped()).isEqualTo(1);
        assertThat(mar.households()).as("March has no roll: nothing paid, not a guess").isZero();
        assertThat(jdbc.sql("select count(*) from audit_log where table_name = 'rental_subsidy_payment' and op = 'UPDATE'")
                .query(Integer.class).single()).isEqualTo(1);
    }

    @Test
    void whoMayDoWhat() {
        parameters(LocalDate.of(2021, 1, 1), MONTHLY);
        long h = household(1, "低保", "0", LocalDate.of(2025, 1, 1));
        AgreementForm form = new AgreementForm(h, YearMonth.of(2025, 1), LocalDate.of(2025, 12, 31), null,
                new BigDecimal("800"), "6222021234567890123", "工行");
        for (Actor nobody : List.of(admin, actor("yz_viewer", YUZHONG, Role.VIEWER),
                actor("jb_housing", "500104", Role.HOUSING_OFFICE))) {
            assertThatThrownBy(() -> as(nobody, () -> subsidies.sign(form))).as(nobody.username()).isInstanceOf(Denied.class);
        }
        Agreement a = as(office, () -> subsidies.sign(form));
        assertThat(as(actor("yz_viewer", YUZHONG, Role.VIEWER), () -> subsidies.agreement(a.id())).bankAccount())
                .isEqualTo("****0123");
        assertThatThrownBy(() -> as(actor("jb_admin", "500104", Role.COUNTY_ADMIN), () -> subsidies.agreement(a.id())))
                .isInstanceOf(Denied.class);
        assertThatThrownBy(() -> as(office, () -> subsidies.uploadParameters(YUZHONG, LocalDate.of(2026, 1, 1), "x.tsv",
                realFile()))).isInstanceOf(Denied.class).hasMessageContaining("只有渝中区或其上级的管理员可以上传");
        assertThatThrownBy(() -> as(actor("jb_housing", "500104", Role.HOUSING_OFFICE), () -> rolls.generate(YUZHONG,
                YearMonth.of(2025, 1)))).isInstanceOf(Denied.class).hasMessageContaining("无权办理渝中区的租赁补贴");
    }

    @Test
    void badInputIsRefusedNamingTheFieldAndWritesNothing() {
        parameters(LocalDate.of(2021, 1, 1), MONTHLY);
        long twoGroups = household(1, "低保", "0", LocalDate.of(2025, 1, 1));
        jdbc.sql("insert into rental_household_group (household_id, name) values (:h, '低收入')").param("h", twoGroups).update();
        long none = household(1, null, "0", LocalDate.of(2025, 1, 1));
        YearMonth jan = YearMonth.of(2025, 1);
        LocalDate due = LocalDate.of(2025, 12, 31);
        record Case(AgreementForm form, Class<?> type, String message) {
        }
        List<Case> cases = List.of(
                new Case(new AgreementForm(none, jan, due, null, BigDecimal.TEN, "6222 0212 3456 789O", "工行"), BadInput.class,
                        "收款银行账号只能包含数字（可用空格或连字符分隔）"),
                new Case(new AgreementForm(none, jan, due, null, BigDecimal.TEN, "6222021234567890", " "), BadInput.class,
                        "请填写开户行（如 中国工商银行赣州章贡支行）"),
                new Case(new AgreementForm(none, jan, due, null, BigDecimal.TEN, "6222021234567890", "工行"), BadInput.class,
                        "请填写补贴档次（低保、低收入）：该家庭登记的困难群体类别为空都不是重庆市渝中区公租房租赁补贴的档次"),
                new Case(new AgreementForm(none, jan, due, "特困", BigDecimal.TEN, "6222021234567890", "工行"), BadInput.class,
                        "重庆市渝中区公租房租赁补贴没有“特困”这一档：可选 低保、低收入"),
                new Case(new AgreementForm(twoGroups, jan, due, null, BigDecimal.TEN, "6222021234567890", "工行"), BadInput.class,
                        "该家庭同时属于低保、低收入，在重庆市渝中区公租房租赁补贴中档次不同：请选择按哪一档补贴"),
                new Case(new AgreementForm(none, jan, due, "低收入", null, "6222021234567890", "工行"), BadInput.class,
                        "重庆市渝中区公租房租赁补贴规定补贴不超过实际租金：请填写租赁合同的月租金"),
                new Case(new AgreementForm(none, YearMonth.of(2024, 12), due, "低收入", BigDecimal.TEN, "6222021234567890", "工行"),
                        BadInput.class, "起始发放月份不能早于取得资格的月份（2025年1月1日）"),
                new Case(new AgreementForm(none, jan, LocalDate.of(2025, 1, 1), "低收入", BigDecimal.TEN, "6222021234567890", "工行"),
                        BadInput.class, "年审到期日须晚于发放起始月份（2025年1月1日）"));
        for (Case c : cases) {
            assertThatThrownBy(() -> as(office, () -> subsidies.sign(c.form()))).isInstanceOf(c.type()).hasMessage(c.message());
        }
        assertThat(jdbc.sql("select count(*) from rental_subsidy_agreement").query(Integer.class).single()).isZero();
        assertThat(jdbc.sql("select count(*) from rental_subsidy_change").query(Integer.class).single()).isZero();
        // a file for another region, an unreadable term, a rule file's own error with its line number
        assertThatThrownBy(() -> as(actor("cq_admin", "500000", Role.PROVINCE_ADMIN), () -> subsidies.uploadParameters("500104", LocalDate.of(2025, 1, 1), "500103.tsv",
                realFile()))).isInstanceOf(BadInput.class).hasMessageContaining("与所选地区 大渡口区（500104）不符");
        assertThatThrownBy(() -> as(admin, () -> subsidies.uploadParameters(YUZHONG, LocalDate.of(2025, 1, 1), "500103.tsv",
                realFile() + "发放周期\t每两月\n"))).isInstanceOf(BadInput.class)
                .hasMessage("500103.tsv：发放周期应为“按月”或“按季”，不是“每两月”");
        assertThatThrownBy(() -> as(admin, () -> subsidies.uploadParameters(YUZHONG, LocalDate.of(2025, 1, 1), "500103.tsv",
                "发放周期\t按月\n" + realFile() + "标准\t特困\t二十\n"))).isInstanceOf(BadInput.class)
                .hasMessage("500103.tsv 第 14 行：第 3 列“二十”不是数值");
        assertThat(jdbc.sql("select count(*) from rental_subsidy_parameters").query(Integer.class).single()).isEqualTo(1);
    }
}
