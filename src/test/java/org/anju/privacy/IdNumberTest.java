package org.anju.privacy;

import org.anju.platform.BadInput;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * 身份证号 by GB 11643-1999. The numbers are synthetic, built here with their check character computed by the
 * standard's own rule (written out again below, not borrowed from the class under test).
 */
class IdNumberTest {

    static final LocalDate TODAY = LocalDate.of(2025, 6, 15);

    static char check(String first17) {
        return SyntheticIds.check(first17);
    }

    static String number(String region, String birth, int sequence) {
        return SyntheticIds.number(region, birth, sequence);
    }

    /** A number whose check character is X: the sequence is searched for one. */
    static String withX(String region, String birth) {
        for (int s = 1; s < 1000; s++) {
            String n = number(region, birth, s);
            if (n.endsWith("X")) {
                return n;
            }
        }
        throw new AssertionError("no X among 999 sequences");
    }

    static Stream<Arguments> valid() {
        List<Arguments> cases = new ArrayList<>();
        String[][] people = {
                {"360102", "19900101", "123"},   // 南昌市东湖区
                {"361102", "19851231", "042"},   // 上饶市信州区
                {"110105", "20000229", "001"},   // 北京市朝阳区, born on a leap day
                {"620702", "19491001", "998"},   // 张掖市甘州区
                {"440305", "20250615", "500"},   // 深圳市南山区, born today
                {"810000", "19700705", "017"},   // 港澳台居民居住证 (香港)
                {"650102", "19000101", "111"},   // the earliest birth date accepted
        };
        for (String[] p : people) {
            String n = number(p[0], p[1], Integer.parseInt(p[2]));
            cases.add(Arguments.of(n, n));
        }
        String x = withX("360102", "19880808");
        cases.add(Arguments.of(x, x));
        cases.add(Arguments.of(x.substring(0, 17) + "x", x));                                   // lower-case x
        String spaced = number("361102", "19851231", 42);
        cases.add(Arguments.of(spaced.substring(0, 6) + " " + spaced.substring(6, 14) + " " + spaced.substring(14), spaced));
        cases.add(Arguments.of(" " + toFullWidth(spaced) + "\u3000", spaced));                   // full-width, ideographic space
        return cases.stream();
    }

    static String toFullWidth(String s) {
        StringBuilder b = new StringBuilder();
        s.chars().forEach(c -> b.append((char) (c >= '0' && c <= '9' || c == 'X' ? c + 0xFEE0 : c)));
        return b.toString();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("valid")
    void readsRealFormatNumbersAsTyped(String typed, String normalized) {
        IdNumber id = IdNumber.parse("申请人身份证号", typed, TODAY);
        assertThat(id.normalized()).isEqualTo(normalized);
        assertThat(id.value()).hasSize(18);
    }

    static Stream<Arguments> invalid() {
        String good = number("360102", "19900101", 123);
        char last = good.charAt(17);
        List<Arguments> cases = new ArrayList<>();
        // every wrong check character
        for (char c : "0123456789X".toCharArray()) {
            if (c != last) {
                cases.add(Arguments.of(good.substring(0, 17) + c, "的校验码（末位）与前 17 位不符"));
            }
        }
        // one digit typed wrong in the middle: the check character catches it
        String typo = good.substring(0, 9) + (char) ('0' + (good.charAt(9) - '0' + 1) % 10) + good.substring(10);
        cases.add(Arguments.of(typo, "的校验码（末位）与前 17 位不符"));
        // two adjacent digits swapped (sequence 123 → 213)
        cases.add(Arguments.of(good.substring(0, 14) + "213" + good.charAt(17), "的校验码（末位）与前 17 位不符"));
        cases.add(Arguments.of("", "不能为空"));
        cases.add(Arguments.of("   ", "不能为空"));
        cases.add(Arguments.of("360102900101123", "是 15 位的第一代身份证号，已于 2013 年 1 月 1 日停止使用"));
        cases.add(Arguments.of(good.substring(0, 17), "应为 18 位（17 位数字加末位数字或 X），现为 17 位"));
        cases.add(Arguments.of(good + "1", "应为 18 位（17 位数字加末位数字或 X），现为 19 位"));
        cases.add(Arguments.of("3601021990O101123" + last, "只能由数字组成，仅末位可为 X"));       // letter O for zero
        cases.add(Arguments.of(good.substring(0, 17) + "Y", "只能由数字组成，仅末位可为 X"));
        cases.add(Arguments.of(number("990102", "19900101", 123), "的前两位不是省、自治区、直辖市或港澳台的代码"));
        cases.add(Arguments.of(number("360102", "19900230", 123), "第 7–14 位的出生日期不存在"));     // 30 February
        cases.add(Arguments.of(number("360102", "19901301", 123), "第 7–14 位的出生日期不存在"));     // month 13
        cases.add(Arguments.of(number("360102", "20230229", 123), "第 7–14 位的出生日期不存在"));     // not a leap year
        cases.add(Arguments.of(number("360102", "18991231", 123), "第 7–14 位的出生日期早于 1900 年"));
        cases.add(Arguments.of(number("360102", "20250616", 123), "第 7–14 位的出生日期晚于今天"));
        return cases.stream();
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("invalid")
    void refusesNamingTheFieldAndWhyWithoutEchoingTheNumber(String typed, String why) {
        assertThatThrownBy(() -> IdNumber.parse("共同申请人身份证号", typed, TODAY))
                .isInstanceOf(BadInput.class)
                .hasMessageStartingWith("共同申请人身份证号")
                .hasMessageContaining(why)
                .satisfies(e -> {
                    if (typed.strip().length() >= 6) {
                        assertThat(e.getMessage()).doesNotContain(typed.strip().substring(0, 6) + typed.strip().substring(6, 10));
                    }
                });
    }

    @ParameterizedTest(name = "{0} on {2}")
    @CsvSource({
            // birth,    sequence, on,         age, sex
            "19900101,  123,      2025-06-15,  35,  MALE",
            "19900616,  124,      2025-06-15,  34,  FEMALE",    // birthday tomorrow: still 34
            "19900615,  125,      2025-06-15,  35,  MALE",      // birthday today: 35
            "20000229,  002,      2021-02-28,  20,  FEMALE",    // born on a leap day: a year is full on 1 March
            "20000229,  002,      2021-03-01,  21,  FEMALE",
            "20250615,  001,      2025-06-15,  0,   MALE",
    })
    void derivesBirthDateSexAndAge(String birth, String sequence, LocalDate on, int age, IdNumber.Sex sex) {
        IdNumber id = IdNumber.parse("身份证号", number("360102", birth, Integer.parseInt(sequence)), on);
        assertThat(id.birthDate()).isEqualTo(LocalDate.parse(birth.substring(0, 4) + "-" + birth.substring(4, 6) + "-"
                + birth.substring(6)));
        assertThat(id.sex()).isEqualTo(sex);
        assertThat(id.ageOn(on)).isEqualTo(age);
        assertThat(id.issuingRegionCode()).isEqualTo("360102");
    }

    @Test
    void printsMaskedSoThatALogLineDoesNotLeakIt() {
        String n = number("360102", "19900101", 123);
        IdNumber id = IdNumber.parse(n);
        assertThat(id.toString()).isEqualTo("3601**********" + n.substring(14)).doesNotContain("19900101");
        assertThat(id.masked()).isEqualTo(id.toString());
        assertThat(String.valueOf(java.util.List.of(id))).doesNotContain("19900101");
    }

    @Test
    void theConstructorTakesOnlyNormalizedNumbers() {
        String x = withX("360102", "19880808");
        assertThat(new IdNumber(x).value()).isEqualTo(x);
        assertThatThrownBy(() -> new IdNumber(x.substring(0, 17) + "x")).isInstanceOf(BadInput.class);
        assertThatThrownBy(() -> new IdNumber(null)).isInstanceOf(BadInput.class).hasMessage("身份证号不能为空");
    }

    @Test
    void theTestsCheckRuleAgreesWithTheOnePrintedInTheStandard() {
        // GB 11643-1999's example number 11010519491231002X
        assertThat(check("11010519491231002")).isEqualTo('X');
        assertThat(IdNumber.checkCharacter("11010519491231002")).isEqualTo('X');
        assertThat(IdNumber.parse("11010519491231002X").birthDate()).isEqualTo(LocalDate.of(1949, 12, 31));
        assertThat(IdNumber.parse("11010519491231002X").sex()).isEqualTo(IdNumber.Sex.FEMALE);
    }
}
