package org.anju.ledger.expropriation;

import org.anju.intake.InputException;
import org.anju.ledger.expropriation.RewardCalculator.Case;
import org.anju.ledger.expropriation.RewardCalculator.Line;
import org.anju.ledger.expropriation.RewardCalculator.Period;
import org.anju.ledger.expropriation.RewardCalculator.RateAtEnd;
import org.anju.ledger.expropriation.RewardCalculator.Reward;
import org.anju.ledger.expropriation.RewardCalculator.Status;
import org.anju.platform.Conflict;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Five real reward schemes (src/test/resources/ledger/expropriation/scheme-*.tsv, transcribed from
 * 02_signing_reward_tiers.tsv with its sources) and the exact yuan they give concrete households.
 */
class RewardCalculatorTest {

    static final HouseUse HOME = HouseUse.RESIDENTIAL;

    static String resource(String name) {
        try (InputStream in = RewardCalculatorTest.class.getResourceAsStream("/ledger/expropriation/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static RewardScheme scheme(String name) {
        return RewardScheme.parse(name, resource(name));
    }

    static LocalDate d(String s) {
        return LocalDate.parse(s);
    }

    static BigDecimal y(String s) {
        return new BigDecimal(s);
    }

    static Line line(Reward r, String reward) {
        return r.lines().stream().filter(l -> l.reward().equals(reward)).findFirst().orElseThrow();
    }

    // ---- 柳州 白云路东段: calendar windows, overlap on 2020-08-22, clause (四) cancels ------------------------------

    final RewardScheme liuzhou = scheme("scheme-liuzhou-baiyunlu.tsv");
    final Period liuzhouPeriod = new Period(d("2020-07-24"), d("2020-09-21"));   // 签订期限六十日

    Reward liuzhou(Option option, String area, String value, String signed, String vacated) {
        return RewardCalculator.compute(liuzhou, new Case(HOME, option, y(area), value == null ? null : y(value), null,
                d(signed), vacated == null ? null : d(vacated), d("2020-09-30")), liuzhouPeriod, null, d("2020-12-31"));
    }

    @Test
    void liuzhouFirstTierPerSquareMetreOnceVacatedInTime() {
        Reward r = liuzhou(Option.SWAP, "85.5", null, "2020-08-21", "2020-09-01");
        assertThat(line(r, "搬迁奖励").amount()).isEqualByComparingTo("42750.00");
        assertThat(line(r, "搬迁奖励").explanation()).contains("500 元/㎡ × 85.5 ㎡");
        assertThat(r.lines()).extracting(Line::reward).containsExactly("搬迁奖励");   // no 货币补偿奖励 for 产权调换
        assertThat(r.due()).isEqualByComparingTo("42750.00");
    }

    @Test
    void liuzhouSecondTierPlusTwentyPercentOfValueForMoney() {
        Reward r = liuzhou(Option.MONEY, "60", "480000", "2020-08-23", "2020-09-05");
        assertThat(line(r, "搬迁奖励").amount()).isEqualByComparingTo("12000.00");
        assertThat(line(r, "货币补偿奖励").amount()).isEqualByComparingTo("96000.00");
        assertThat(r.due()).isEqualByComparingTo("108000.00");
    }

    @Test
    void liuzhouOverlapOnTheTwentySecondOfAugustIsRefusedNamingBothRows() {
        assertThatThrownBy(() -> liuzhou(Option.SWAP, "60", null, "2020-08-22", "2020-09-01"))
                .isInstanceOf(Conflict.class)
                .hasMessageContaining("档次重叠")
                .hasMessageContaining("2020年8月22日")
                .hasMessageContaining("2020-07-24~2020-08-22")
                .hasMessageContaining("2020-08-22~2020-10-21");
    }

    @Test
    void liuzhouClauseFourCancelsTierTwoForSigningAfterThePeriod() {
        Reward r = liuzhou(Option.MONEY, "60", "480000", "2020-09-25", "2020-09-28");
        assertThat(r.lines()).extracting(Line::status).containsOnly(Status.CANCELLED);
        assertThat(r.lines()).hasSize(2);
        assertThat(r.due()).isEqualByComparingTo("0.00");
    }

    @Test
    void liuzhouVacatedAfterTheMoveDeadlineGetsNoRelocationReward() {
        Reward r = liuzhou(Option.SWAP, "60", null, "2020-08-01", "2020-10-08");
        assertThat(line(r, "搬迁奖励").status()).isEqualTo(Status.NONE);
        assertThat(r.due()).isEqualByComparingTo("0.00");
        Reward notYet = liuzhou(Option.SWAP, "60", null, "2020-08-01", null);
        assertThat(line(notYet, "搬迁奖励").status()).isEqualTo(Status.PENDING);
        assertThat(notYet.pending()).isEqualByComparingTo("30000.00");
    }

    // ---- 上海 长桥: per ㎡ with a per-证 floor, day 14 vs day 15, 签约率奖 ---------------------------------------------

    final RewardScheme shanghai = scheme("scheme-shanghai-changqiao.tsv");
    final Period shanghai28 = new Period(d("2021-01-01"), d("2021-01-28"));

    Reward shanghai(String area, String signed, Period period, RateAtEnd rate, String asOf) {
        return RewardCalculator.compute(shanghai, new Case(HOME, Option.MONEY, y(area), null, null, d(signed), null, null),
                period, rate, d(asOf));
    }

    @Test
    void shanghaiDayFourteenAndDayFifteen() {
        RateAtEnd rate = new RateAtEnd(187, 200);   // 93.5 %
        Reward day14 = shanghai("50", "2021-01-14", shanghai28, rate, "2021-02-01");
        Reward day15 = shanghai("50", "2021-01-15", shanghai28, rate, "2021-02-01");
        assertThat(line(day14, "早签约奖").amount()).isEqualByComparingTo("500000.00");
        assertThat(line(day15, "早签约奖").amount()).isEqualByComparingTo("250000.00");
        assertThat(line(day14, "早签约奖").explanation()).contains("第 14 日");
        assertThat(line(day15, "早签约奖").explanation()).contains("第 15 日");
        // 签约率 93.5 %: 15万 + 3 × 1.5万
        assertThat(line(day14, "签约率奖").amount()).isEqualByComparingTo("195000.00");
        assertThat(day14.due()).isEqualByComparingTo("695000.00");
        assertThat(day15.due()).isEqualByComparingTo("445000.00");
    }

    @Test
    void shanghaiFloorPerCertificate() {
        Reward small14 = shanghai("35", "2021-01-14", shanghai28, null, "2021-01-20");
        Reward small15 = shanghai("35", "2021-01-15", shanghai28, null, "2021-01-20");
        assertThat(line(small14, "早签约奖").amount()).isEqualByComparingTo("400000.00");   // 350000 < 40万/证
        assertThat(line(small15, "早签约奖").amount()).isEqualByComparingTo("200000.00");   // 175000 < 20万/证
        Reward late = shanghai("35", "2021-02-03", shanghai28, new RateAtEnd(187, 200), "2021-02-05");
        assertThat(line(late, "早签约奖").amount()).isEqualByComparingTo("80000.00");       // 70000 < 8万/证
        assertThat(line(late, "签约率奖").status()).isEqualTo(Status.NONE);
    }

    @Test
    void shanghaiSigningRateRewardWaitsForThePeriodAndNeedsNinetyPercent() {
        assertThat(line(shanghai("50", "2021-01-03", shanghai28, null, "2021-01-20"), "签约率奖").status())
                .isEqualTo(Status.PENDING);
        Reward below = shanghai("50", "2021-01-03", shanghai28, new RateAtEnd(8999, 10000), "2021-02-01");
        assertThat(line(below, "签约率奖").status()).isEqualTo(Status.NONE);
        assertThat(line(below, "签约率奖").explanation()).contains("89.99%");
        Reward exactly = shanghai("50", "2021-01-03", shanghai28, new RateAtEnd(90, 100), "2021-02-01");
        assertThat(line(exactly, "签约率奖").amount()).isEqualByComparingTo("150000.00");
        Reward all = shanghai("50", "2021-01-03", shanghai28, new RateAtEnd(100, 100), "2021-02-01");
        assertThat(line(all, "签约率奖").amount()).isEqualByComparingTo("300000.00");
    }

    @Test
    void shanghaiDayOutsideEveryWindowIsRefused() {
        Period thirty = new Period(d("2021-01-01"), d("2021-01-30"));
        assertThatThrownBy(() -> shanghai("50", "2021-01-29", thirty, null, "2021-01-29"))
                .isInstanceOf(Conflict.class)
                .hasMessageContaining("早签约奖")
                .hasMessageContaining("第 29 日")
                .hasMessageContaining("不在任何一档的窗口内");
    }

    // ---- 济南 省立三院: per 户 with a linear decrease, by the 交验空房 date ---------------------------------------------

    final RewardScheme jinan = scheme("scheme-jinan-sanyuan.tsv");
    final Period jinanPeriod = new Period(d("2023-03-01"), d("2023-03-30"));

    Reward jinan(String vacated) {
        return RewardCalculator.compute(jinan, new Case(HOME, Option.MONEY, y("70"), y("600000"), null, d("2023-03-02"),
                vacated == null ? null : d(vacated), null), jinanPeriod, null, d("2023-06-30"));
    }

    @Test
    void jinanDecreasesAThousandADayFromDayTwentyOne() {
        assertThat(jinan("2023-03-20").due()).isEqualByComparingTo("90000.00");   // 30000 + 10 % of 600000
        assertThat(jinan("2023-03-21").due()).isEqualByComparingTo("59000.00");   // 29000 + 5 %
        assertThat(jinan("2023-03-30").due()).isEqualByComparingTo("50000.00");   // 20000 + 5 %
        assertThat(jinan("2023-03-31").due()).isEqualByComparingTo("6000.00");    // 0 + 1 %
        Reward notVacated = jinan(null);
        assertThat(notVacated.lines()).extracting(Line::status).containsOnly(Status.PENDING);
        assertThat(notVacated.due()).isEqualByComparingTo("0.00");
    }

    // ---- 某市 (S34): 住宅 per 户 windows; 非住宅 5 % with 3万 floor and 300万 cap; an undefined case -------------------

    final RewardScheme unnamed = scheme("scheme-unnamed-s34.tsv");
    final Period unnamedPeriod = new Period(d("2022-05-01"), d("2022-06-29"));   // 60 日

    Reward unnamed(HouseUse use, String value, String compensation, String vacated) {
        return RewardCalculator.compute(unnamed, new Case(use, Option.MONEY, y("100"), y(value), y(compensation),
                d("2022-05-02"), d(vacated), null), unnamedPeriod, null, d("2022-12-31"));
    }

    @Test
    void unnamedCityResidentialWindows() {
        assertThat(unnamed(HOME, "500000", "500000", "2022-05-30").due()).isEqualByComparingTo("105000.00");   // day 30
        assertThat(unnamed(HOME, "500000", "500000", "2022-05-31").due()).isEqualByComparingTo("70000.00");    // day 31
        assertThat(unnamed(HOME, "500000", "500000", "2022-06-15").due()).isEqualByComparingTo("60000.00");    // day 46
        assertThat(unnamed(HOME, "500000", "500000", "2022-06-30").due()).isEqualByComparingTo("10000.00");    // after: 0 + 2 %
    }

    @Test
    void unnamedCityNonResidentialFloorAndCap() {
        Reward small = unnamed(HouseUse.NON_RESIDENTIAL, "180000", "200000", "2022-06-01");
        assertThat(line(small, "搬迁奖励费").amount()).isEqualByComparingTo("30000.00");   // 5 % = 10000 < 3万
        assertThat(line(small, "货币补偿奖励").amount()).isEqualByComparingTo("18000.00");
        Reward big = unnamed(HouseUse.NON_RESIDENTIAL, "80000000", "80000000", "2022-06-01");
        assertThat(line(big, "搬迁奖励费").amount()).isEqualByComparingTo("3000000.00");   // 5 % = 400万 > 300万
    }

    @Test
    void unnamedCityNonResidentialAfterThePeriodIsNotDefined() {
        assertThatThrownBy(() -> unnamed(HouseUse.NON_RESIDENTIAL, "180000", "200000", "2022-07-02"))
                .isInstanceOf(Conflict.class).hasMessageContaining("搬迁奖励费").hasMessageContaining("不在任何一档");
    }

    // ---- 舟山 普陀: weeks, signers before the period in week 1, paid after 腾空 ---------------------------------------

    final RewardScheme putuo = scheme("scheme-putuo-guanqitou.tsv");
    final Period putuoPeriod = new Period(d("2023-04-06"), d("2023-05-05"));   // 30 天

    Reward putuo(String signed, String vacated) {
        return RewardCalculator.compute(putuo, new Case(HOME, Option.SWAP, null, null, null, d(signed),
                vacated == null ? null : d(vacated), null), putuoPeriod, null, d("2023-06-30"));
    }

    @Test
    void putuoWeeks() {
        assertThat(putuo("2023-04-12", "2023-05-10").due()).isEqualByComparingTo("6000.00");   // day 7
        assertThat(putuo("2023-04-13", "2023-05-10").due()).isEqualByComparingTo("4000.00");   // day 8
        assertThat(putuo("2023-04-26", "2023-05-10").due()).isEqualByComparingTo("2000.00");   // day 21
        assertThat(putuo("2023-04-27", "2023-05-10").due()).isEqualByComparingTo("0.00");      // day 22
        Reward early = putuo("2023-04-01", null);                                              // before the period
        assertThat(early.due()).isEqualByComparingTo("0.00");
        assertThat(early.pending()).isEqualByComparingTo("6000.00");
        assertThat(early.lines().getFirst().explanation()).contains("腾空后发放");
    }

    // ---- the file format ---------------------------------------------------------------------------------------

    @Test
    void headerKeptVerbatimAndCountingRequired() {
        assertThat(liuzhou.header().get(1)).contains("柳州市鱼峰区人民政府");
        String noCounting = resource("scheme-putuo-guanqitou.tsv").replace("计日\t开始的当日计入\n", "");
        assertThatThrownBy(() -> RewardScheme.parse("p.tsv", noCounting)).isInstanceOf(InputException.class)
                .hasMessageContaining("缺少“计日”行");
    }

    @Test
    void badCellsAreNamedByLineAndColumn() {
        String bad = resource("scheme-putuo-guanqitou.tsv").replace("第8-14日", "第二周").replace("\t4000\t", "\t四千\t");
        assertThatThrownBy(() -> RewardScheme.parse("p.tsv", bad)).isInstanceOfSatisfying(InputException.class, e -> {
            assertThat(e.problems()).anySatisfy(p -> {
                assertThat(p.column()).isEqualTo(3);
                assertThat(p.message()).contains("第二周");
            });
            assertThat(e.problems()).anySatisfy(p -> {
                assertThat(p.column()).isEqualTo(7);
                assertThat(p.message()).contains("四千");
            });
        });
    }
}
