package org.anju.cli;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Why a date option's value is no date (operator trial of the twentieth session, F27). */
class DateProblemTest {

    @Test
    void aDayItsMonthDoesNotHaveIsSaidSo() {
        assertThat(CliMessages.dateProblem("2023-02-30")).isEqualTo("2023年2月没有30日（该月共 28 天）");
        assertThat(CliMessages.dateProblem("2024-02-30")).isEqualTo("2024年2月没有30日（该月共 29 天）");
        assertThat(CliMessages.dateProblem("2023-04-31")).isEqualTo("2023年4月没有31日（该月共 30 天）");
        assertThat(CliMessages.dateProblem("2023-06-00")).isEqualTo("2023年6月没有0日（该月共 30 天）");
        assertThat(CliMessages.dateProblem("2023-13-01")).isEqualTo("月份应为 1 至 12，「13」不是月份");
        assertThat(CliMessages.dateProblem("2023-2-30")).isEqualTo("2023年2月没有30日（该月共 28 天）");
        // a date written as the option does not read it (picocli's ISO form): how to write it
        assertThat(CliMessages.dateProblem("2023-2-3")).isEqualTo("月和日都写两位，如 2023-02-03");
    }

    @Test
    void anythingElseIsShownByExample() {
        for (String value : new String[]{"2023/02/03", "20230203", "明天", "", null}) {
            assertThat(CliMessages.dateProblem(value)).as(value).isEqualTo("应为 2023-12-31 这样的日期（年-月-日）");
        }
    }
}
