package org.anju.report;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.YearMonth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The report workflow's table (fast layer, issue 11): every step from every status. */
class ReportStepTest {

    @ParameterizedTest(name = "{0} from {1} → {2}")
    @CsvSource({
            "SAVE, DRAFT, DRAFT", "SAVE, RETURNED, RETURNED", "SAVE, SUBMITTED, -", "SAVE, APPROVED, -", "SAVE, LOCKED, -",
            "SUBMIT, DRAFT, SUBMITTED", "SUBMIT, RETURNED, SUBMITTED", "SUBMIT, SUBMITTED, -", "SUBMIT, LOCKED, -",
            "APPROVE, SUBMITTED, APPROVED", "APPROVE, DRAFT, -", "APPROVE, APPROVED, -", "APPROVE, RETURNED, -",
            "RETURN, SUBMITTED, RETURNED", "RETURN, APPROVED, RETURNED", "RETURN, DRAFT, -", "RETURN, LOCKED, -",
            "REOPEN, LOCKED, RETURNED", "REOPEN, APPROVED, -",
            "LOCK, APPROVED, LOCKED", "LOCK, SUBMITTED, -", "LOCK, LOCKED, -"})
    void everyStepFromEveryStatus(ReportStep step, ReportStatus from, String to) {
        if (to.equals("-")) {
            assertThat(step.allowedFrom(from)).isFalse();
            assertThatThrownBy(() -> step.check("甘州区", YearMonth.of(2024, 3), from))
                    .isInstanceOf(org.anju.platform.Conflict.class).hasMessageStartingWith("甘州区2024-03 月报" + from.label() + "，");
        } else {
            assertThat(step.allowedFrom(from)).isTrue();
            assertThat(step.after(from)).isEqualTo(ReportStatus.valueOf(to));
        }
    }

    @ParameterizedTest(name = "{0} from {1}: {2}")
    @CsvSource(delimiter = '|', value = {
            "SAVE|SUBMITTED|甘州区2024-03 月报已上报，不能修改（如需修改，请上级退回）",
            "SAVE|LOCKED|甘州区2024-03 月报已锁定，不能修改",
            "SUBMIT|APPROVED|甘州区2024-03 月报已审核，不能再次上报",
            "APPROVE|DRAFT|甘州区2024-03 月报草稿，只有已上报的月报可以审核通过",
            "RETURN|RETURNED|甘州区2024-03 月报已退回，不能退回",
            "LOCK|SUBMITTED|甘州区2024-03 月报已上报，只有审核通过的月报可以锁定"})
    void aRefusalSaysWhy(ReportStep step, ReportStatus from, String message) {
        assertThatThrownBy(() -> step.check("甘州区", YearMonth.of(2024, 3), from)).hasMessage(message);
    }

    @org.junit.jupiter.api.Test
    void aLockedMonthIsReopenedAnyOtherReturned() {
        assertThat(ReportStep.returning(ReportStatus.LOCKED)).isEqualTo(ReportStep.REOPEN);
        assertThat(ReportStep.returning(ReportStatus.APPROVED)).isEqualTo(ReportStep.RETURN);
        assertThat(ReportStep.returning(ReportStatus.DRAFT)).isEqualTo(ReportStep.RETURN); // refused by its check
    }
}
