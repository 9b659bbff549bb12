package org.anju.rental.lease;

import org.anju.platform.BadInput;
import org.anju.platform.Conflict;
import org.anju.rental.stock.RentUnit;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The lease rules as data and what they compute, without Spring: OPERATIONS.md §11 scenarios 16–20 on Xuzhou's real
 * files (what they do not state is refused; a value a test adds is marked as a test value) and the sample profiles.
 */
class LeaseRulesTest {

    static String text(String resource) {
        try (InputStream in = LeaseRulesTest.class.getResourceAsStream("/" + resource)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    static LeaseRules xuzhou(String programme, String... testLines) {
        String file = "320300-" + programme + ".tsv";
        return LeaseRules.parse(file, text("rental/lease/" + file) + String.join("\n", testLines) + "\n");
    }

    static final BigDecimal FIFTY = new BigDecimal("50");

    @Test
    void scenario16XuzhouNewGraduateRentAndAProRatedLastMonth() {
        LeaseRules real = xuzhou("新就业");
        assertThat(real.verified()).isTrue();
        // the real file does not say which area the rent is counted on, nor how to round: refused, not assumed
        assertThatThrownBy(() -> real.rent(new BigDecimal("5.6"), RentUnit.PER_M2_MONTH, FIFTY, null, Set.of()))
                .isInstanceOf(Conflict.class).hasMessageContaining("计租面积	建筑面积");
        LeaseRules rules = xuzhou("新就业", "计租面积\t建筑面积\t测试值（未核实）");
        LeaseRules.RentComputation rent = rules.rent(new BigDecimal("5.6"), RentUnit.PER_M2_MONTH, FIFTY, null, Set.of());
        assertThat(rent.monthly()).isEqualByComparingTo("280.00");
        assertThat(rent.text()).contains("5.6 元/㎡/月 × 建筑面积 50 ㎡ = 280.00 元/月");
        // moving out on day 20 of a 30-day month: 280 × 20/30 = 186.666…, which the real file cannot round
        List<RentCalc.Rate> rates = List.of(new RentCalc.Rate(LocalDate.of(2024, 1, 1), null, rent.monthly(), "合同租金"));
        YearMonth june = YearMonth.of(2024, 6);
        assertThatThrownBy(() -> RentCalc.month(rules, june, LocalDate.of(2024, 1, 1), LocalDate.of(2024, 6, 20), rates))
                .isInstanceOf(Conflict.class).hasMessageContaining("没有规定取整方式").hasMessageContaining("186.6666");
        LeaseRules rounded = xuzhou("新就业", "计租面积\t建筑面积\t测试值（未核实）", "取整\t分\t四舍五入\t测试值（未核实）");
        RentCalc.Charge last = RentCalc.month(rounded, june, LocalDate.of(2024, 1, 1), LocalDate.of(2024, 6, 20), rates);
        assertThat(last.amount()).isEqualByComparingTo("186.67");
        assertThat(last.basis()).isEqualTo("合同租金 280.00 × 20/30 天 = 186.67 元");
        // a whole month is the monthly rent; 10 of 31 days at 280 is 90.32 (90.3225…)
        assertThat(RentCalc.month(rounded, YearMonth.of(2024, 5), LocalDate.of(2024, 1, 1), null, rates).amount())
                .isEqualByComparingTo("280.00");
        assertThat(RentCalc.month(rounded, YearMonth.of(2024, 7), LocalDate.of(2024, 1, 1), LocalDate.of(2024, 7, 10), rates)
                .amount()).isEqualByComparingTo("90.32");
    }

    @Test
    void scenario17GuangzhouStandardAndReducedRents() {
        LeaseRules gz = LeaseRules.parse("440100-公租房.tsv", text("rental/lease-samples/440100-公租房.tsv"));
        assertThat(gz.verified()).isFalse();
        assertThat(gz.label()).contains("未核实");
        BigDecimal rate = new BigDecimal("12");   // 30 % of the 40 元/㎡ market reference
        assertThat(gz.rent(rate, RentUnit.PER_M2_MONTH, FIFTY, null, Set.of()).monthly()).isEqualByComparingTo("600.00");
        LeaseRules.RentComputation dibao = gz.rent(rate, RentUnit.PER_M2_MONTH, FIFTY, null, Set.of("低保"));
        assertThat(dibao.monthly()).isEqualByComparingTo("60.00");
        assertThat(dibao.tier()).isEqualTo("低保");
        assertThat(dibao.text()).contains("低保按标准租金的 10% 收取").contains("600.00 × 10% = 60.00 元/月");
        assertThat(gz.rent(rate, RentUnit.PER_M2_MONTH, FIFTY, null, Set.of("优抚")).monthly()).isEqualByComparingTo("60.00");
        assertThat(gz.marketRent(FIFTY, null)).isEqualByComparingTo("2000.00");
        // two tiers and no rule for that: refused, naming the line to add
        assertThatThrownBy(() -> gz.rent(rate, RentUnit.PER_M2_MONTH, FIFTY, null, Set.of("低保", "优抚")))
                .isInstanceOf(Conflict.class).hasMessageContaining("多档	取最低");
    }

    @Test
    void scenario18GraceAndOverstayRents() {
        // Xuzhou's files give 80 % of market during the 搬迁期 but no market rent: the test states one (2000 元/套/月)
        LeaseRules real = xuzhou("低保特困");
        assertThatThrownBy(() -> real.monthly(real.graceRule().rent(), new BigDecimal("100.00"), FIFTY, null))
                .isInstanceOf(Conflict.class).hasMessageContaining("没有规定市场租金");
        String market = "市场租金\t2000\t元/套/月\t测试值（未核实）";
        LeaseRules dibao = xuzhou("低保特困", market);
        assertThat(dibao.graceRule().months()).isEqualTo(3);
        assertThat(dibao.monthly(dibao.graceRule().rent(), new BigDecimal("100.00"), FIFTY, null)).isEqualByComparingTo("1600.00");
        assertThat(dibao.monthly(dibao.overstayRule(), new BigDecimal("100.00"), FIFTY, null)).isEqualByComparingTo("2000.00");
        LeaseRules graduate = xuzhou("新就业", market);
        assertThat(graduate.monthly(graduate.overstayRule(), new BigDecimal("280.00"), FIFTY, null)).isEqualByComparingTo("560.00");
        // a 搬迁期 starting on the 11th of a 30-day month, contract 100 then 1600, by day: 100×10/30 + 1600×20/30
        LeaseRules rounded = xuzhou("低保特困", market, "取整\t分\t四舍五入\t测试值（未核实）");
        List<RentCalc.Rate> rates = List.of(
                new RentCalc.Rate(LocalDate.of(2024, 1, 1), LocalDate.of(2024, 6, 10), new BigDecimal("100.00"), "合同租金"),
                new RentCalc.Rate(LocalDate.of(2024, 6, 11), null, new BigDecimal("1600.00"), "搬迁期租金"));
        assertThat(RentCalc.month(rounded, YearMonth.of(2024, 6), LocalDate.of(2024, 1, 1), null, rates).amount())
                .isEqualByComparingTo("1100.00");
    }

    @Test
    void scenario19ArrearsThresholdsByProfile() {
        LeaseRules national = LeaseRules.parse("360700-公租房.tsv", text("rental/lease-samples/360700-公租房.tsv"));
        assertThat(national.threshold(ViolationKind.ARREARS).value()).isEqualTo(6);
        assertThat(xuzhou("低保特困").threshold(ViolationKind.ARREARS).value()).isEqualTo(3);
        // five unpaid months, one paid: the arrears count five, oldest first
        List<Lease.Bill> bills = new java.util.ArrayList<>();
        for (int m = 1; m <= 6; m++) {
            bills.add(new Lease.Bill(m, 1, YearMonth.of(2024, m), "RENT", new BigDecimal("60.00"), "", LocalDate.of(2024, m, 10)));
        }
        List<Lease.Payment> paid = List.of(new Lease.Payment(1, 1, LocalDate.of(2024, 1, 5), new BigDecimal("60.00"),
                PaymentChannel.CASH, null, "t"));
        Lease.Arrears a = Leases.arrears(1, "L", "张*", "1号楼", bills, paid, LocalDate.of(2024, 7, 1));
        assertThat(a.months()).isEqualTo(5);
        assertThat(a.amount()).isEqualByComparingTo("300.00");
        assertThat(a.bills().getFirst().period()).isEqualTo(YearMonth.of(2024, 2));
        assertThat(a.months() >= national.threshold(ViolationKind.ARREARS).value()).as("national: a warning").isFalse();
        assertThat(a.months() >= xuzhou("低保特困").threshold(ViolationKind.ARREARS).value()).as("Xuzhou: terminate").isTrue();
        // a part payment is applied to the oldest bill; the June bill is not yet due on June 10
        Lease.Arrears june10 = Leases.arrears(1, "L", "", "", bills, List.of(new Lease.Payment(2, 1, LocalDate.of(2024, 6, 1),
                new BigDecimal("90.00"), PaymentChannel.ONLINE, null, "t")), LocalDate.of(2024, 6, 10));
        assertThat(june10.months()).isEqualTo(4);
        assertThat(june10.bills().getFirst().unpaid()).isEqualByComparingTo("30.00");
        assertThat(june10.amount()).isEqualByComparingTo("210.00");
    }

    @Test
    void scenario20FinesAndBans() {
        LeaseRules rules = xuzhou("低保特困");
        assertThat(rules.fineMax(new BigDecimal("8000"))).isEqualByComparingTo("24000.00");
        assertThat(rules.fineMax(new BigDecimal("15000"))).isEqualByComparingTo("30000.00");
        assertThat(rules.fineMax(null)).isEqualByComparingTo("1000.00");
        assertThat(rules.banRule().value()).isEqualTo(5);
        assertThat(rules.penalty(ViolationKind.SUBLET).clause()).contains("第三十六条");
        assertThat(rules.penalty(ViolationKind.SUBLET).backCharge()).isTrue();
        assertThatThrownBy(() -> rules.penalty(ViolationKind.DAMAGE)).isInstanceOf(Conflict.class)
                .hasMessageContaining("没有规定“破坏或擅自装修”的处理");
        // market rent charged back from the act (March 11) to the finding (May 20): 21/31 + 30/30 + 20/31 of (2000 − 100)
        LeaseRules rounded = xuzhou("低保特困", "市场租金\t2000\t元/套/月\t测试值（未核实）", "取整\t分\t四舍五入\t测试值（未核实）");
        RentCalc.Charge back = RentCalc.backCharge(rounded, LocalDate.of(2024, 3, 11), LocalDate.of(2024, 5, 20),
                new BigDecimal("100.00"), new BigDecimal("2000.00"));
        // 1900 × (21/31 + 1 + 20/31) = 1900 × 72/31 = 4412.903… → 4412.90
        assertThat(back.amount()).isEqualByComparingTo("4412.90");
    }

    @Test
    void theParserRefusesNamingFileLineAndColumn() {
        String head = "城市\t360700\n项目\t公租房\n名称\t测试\n生效\t2024-01-01\n来源\t测试\n核实\t未核实\n";
        assertThatThrownBy(() -> LeaseRules.parse("a.tsv", head + "最长租期\t五\t年\n"))
                .isInstanceOf(BadInput.class).hasMessage("a.tsv 第 7 行第 2 列：“五”不是整数");
        assertThatThrownBy(() -> LeaseRules.parse("a.tsv", head + "最长租期\t5\t月\n"))
                .isInstanceOf(BadInput.class).hasMessage("a.tsv 第 7 行第 3 列：单位应为“年”，不是“月”");
        assertThatThrownBy(() -> LeaseRules.parse("a.tsv", head + "租期\t5\t年\n"))
                .isInstanceOf(BadInput.class).hasMessageStartingWith("a.tsv 第 7 行第 1 列：不认识的行“租期”");
        assertThatThrownBy(() -> LeaseRules.parse("a.tsv", head + "欠租\t6\t个月\n欠租\t3\t个月\n"))
                .isInstanceOf(BadInput.class).hasMessage("a.tsv 第 8 行第 1 列：“欠租”写了两次，只能有一行");
        assertThatThrownBy(() -> LeaseRules.parse("a.tsv", head.replace("核实\t未核实\n", "")))
                .isInstanceOf(BadInput.class).hasMessage("a.tsv：缺少“核实”行");
        assertThatThrownBy(() -> LeaseRules.parse("a.tsv", head + "减免\t低保\t打折\t10\n"))
                .isInstanceOf(BadInput.class).hasMessageContaining("第 7 行第 3 列：减免方式“打折”不可用");
        assertThatThrownBy(() -> LeaseRules.parse("a.tsv", head + "搬迁期\t3\t个月\t市价\n"))
                .isInstanceOf(BadInput.class).hasMessageContaining("第 7 行第 4 列：租金“市价”应写成");
        assertThatThrownBy(() -> LeaseRules.parse("a.tsv", head + "处罚\t转租\t是\t是\t是\t收回\t第36条\n"))
                .isInstanceOf(BadInput.class).hasMessageContaining("违规情形“转租”不认识");
        assertThatThrownBy(() -> LeaseRules.parse("a.tsv", head + "处罚\t转租转借\t是\t是\t否\t收回\t第36条\n"))
                .isInstanceOf(BadInput.class).hasMessage("a.tsv：“转租转借”的处罚要罚款，但没有“罚款”行");
        assertThatThrownBy(() -> LeaseRules.parse("a.tsv", head + "取整\t厘\t四舍五入\n"))
                .isInstanceOf(BadInput.class).hasMessageContaining("取整到“厘”不可用");
        // a city that sets no term: refused when a lease needs it
        LeaseRules bare = LeaseRules.parse("a.tsv", head);
        assertThatThrownBy(() -> bare.latestEnd(LocalDate.of(2024, 1, 1))).isInstanceOf(Conflict.class)
                .hasMessageContaining("没有规定最长租期");
        assertThatThrownBy(() -> bare.dueOn(YearMonth.of(2024, 1))).isInstanceOf(Conflict.class)
                .hasMessageContaining("缴租	当月（或 次月）	日");
    }

    @Test
    void theShippedFilesRead() {
        // 徐州's real files (the demo uploads them); cities upload theirs at /rental/rules, nothing is read from the class path
        for (String programme : List.of("低保特困", "新就业")) {
            LeaseRules r = xuzhou(programme);
            assertThat(r.city()).isEqualTo("320300");
            assertThat(r.programme()).isEqualTo(programme);
            assertThat(r.effectiveFrom()).isEqualTo(LocalDate.of(2024, 1, 1));
        }
        LeaseRules gz = LeaseRules.parse("360700-公租房.tsv", text("rental/lease-samples/360700-公租房.tsv"));
        assertThat(gz.dueOn(YearMonth.of(2024, 2))).isEqualTo(LocalDate.of(2024, 2, 10));
        assertThat(gz.verified()).isFalse();
    }
}
