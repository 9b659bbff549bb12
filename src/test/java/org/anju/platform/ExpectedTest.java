package org.anju.platform;

import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What a value must be ({@link Expected}): one wording for the API and the command line. Why a date is no date
 * (operator trial of the twentieth session, F27) — the command line's reasons, now the API's too (review of the
 * twenty-first session, L4) — and an enum's values as the API lists them.
 */
class ExpectedTest {

    @Test
    void aDayItsMonthDoesNotHaveIsSaidSo() {
        assertThat(Expected.date("2023-02-30")).isEqualTo("2023年2月没有30日（该月共 28 天）");
        assertThat(Expected.date("2024-02-30")).isEqualTo("2024年2月没有30日（该月共 29 天）");
        assertThat(Expected.date("2023-04-31")).isEqualTo("2023年4月没有31日（该月共 30 天）");
        assertThat(Expected.date("2023-06-00")).isEqualTo("2023年6月没有0日（该月共 30 天）");
        assertThat(Expected.date("2023-13-01")).isEqualTo("月份应为 1 至 12，「13」不是月份");
        assertThat(Expected.date("2023-2-30")).isEqualTo("2023年2月没有30日（该月共 28 天）");
        // a date written as neither the option nor the API reads it (ISO's two digits): how to write it
        assertThat(Expected.date("2023-2-3")).isEqualTo("月和日都写两位，如 2023-02-03");
    }

    @Test
    void anythingElseIsShownByExample() {
        for (String value : new String[]{"2023/02/03", "20230203", "明天", "", null}) {
            assertThat(Expected.date(value)).as(value).isEqualTo("应为 2023-12-31 这样的日期（年-月-日）");
        }
    }

    enum Colour { RED, GREEN }

    enum Single { ONLY }

    @Test
    void eachTypeIsSaidOnceForBoth() {
        assertThat(Expected.of(Colour.class, "BLUE")).isEqualTo("应为 RED、GREEN 之一");
        assertThat(Expected.of(Single.class, "X")).as("not one of one").isEqualTo("应为 ONLY");
        assertThat(Expected.oneOf(List.of("A", "B", "C"))).isEqualTo("应为 A、B、C 之一");
        assertThat(Expected.of(LocalDate.class, "2023-02-30")).isEqualTo("2023年2月没有30日（该月共 28 天）");
        assertThat(Expected.of(int.class, "x")).isEqualTo("应为整数（-2147483648 到 2147483647）");
        assertThat(Expected.of(Long.class, "x")).isEqualTo("应为整数");
        assertThat(Expected.of(java.math.BigDecimal.class, "x")).isEqualTo("应为数字");
        assertThat(Expected.of(boolean.class, "x")).isEqualTo("应为 true 或 false");
        assertThat(Expected.of(java.time.YearMonth.class, "x")).isEqualTo("应为 2023-12 这样的年月");
        assertThat(Expected.of(String.class, "x")).isEmpty();
        assertThat(Expected.of(null, "x")).isEmpty();
    }

    @Test
    void aRightDateWithSpacesAroundIsToldSo() {
        assertThat(Expected.date("2023-02-03 ")).isEqualTo("前后不能有空格：写作 2023-02-03");
        assertThat(Expected.date(" 2023-2-3")).isEqualTo("月和日都写两位，如 2023-02-03");
    }
}
