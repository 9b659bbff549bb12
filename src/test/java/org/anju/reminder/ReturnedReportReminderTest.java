package org.anju.reminder;

import org.anju.AnjuTest;
import org.anju.report.Report;
import org.anju.report.ReportStatus;
import org.anju.report.ReportValue;
import org.anju.report.Reports;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A 月报 returned by the reviewer is owed again: its unit gets the overdue reminder once the deadline has passed, although
 * the report keeps the time of its first submission; resubmitting it resolves the reminder.
 */
@AnjuTest
@TestPropertySource(properties = "anju.test.database=reminder_returned")
class ReturnedReportReminderTest {

    static final String GANZHOU = "620702";

    @Autowired
    Reports reports;
    @Autowired
    Reminders reminders;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    org.anju.region.Regions regions;

    List<String> open(long reportId) {
        return jdbc.sql("""
                        select m.kind from reminder m join report r on r.region_id = m.region_id and r.period = m.period
                        where r.id = ? and m.resolved_at is null order by m.kind""")
                .param(reportId).query(String.class).list();
    }

    @Test
    void aReturnedMonthNotResubmittedGetsItsOverdueReminder() {
        YearMonth march = YearMonth.of(2024, 3); // due 5 April 2024
        List<ReportValue> values = List.of(new ReportValue("RENTAL_SUBSIDY.ISSUE.HOUSEHOLD", "", BigDecimal.valueOf(500)));
        Report submitted = reports.submit(GANZHOU, march, reports.save(GANZHOU, march, 0, values).version());
        Report returned = reports.returnReport(GANZHOU, march, submitted.version(), "拨付数与财政数据不符");
        assertThat(returned.status()).isEqualTo(ReportStatus.RETURNED);
        assertThat(returned.submittedAt()).as("the first submission's time is kept").isNotNull();

        reminders.generate(LocalDate.of(2024, 4, 8));
        assertThat(open(returned.id())).containsExactly("REPORT_OVERDUE");

        Report corrected = reports.save(GANZHOU, march, returned.version(), values);
        reports.submit(GANZHOU, march, corrected.version());
        reminders.generate(LocalDate.of(2024, 4, 9));
        assertThat(open(returned.id())).as("resubmitted: nothing owed").isEmpty();
    }

    /**
     * Late, submitted (the reminder resolved), then returned: owed again. The resolved row of the month swallowed the new
     * reminder (insert … on conflict do nothing), so the month was never reminded again (review of issue 15).
     */
    @Test
    void aMonthRemindedSubmittedAndThenReturnedIsRemindedAgain() {
        YearMonth february = YearMonth.of(2024, 2);
        LocalDate late = reports.deadline(february).plusDays(3);
        List<ReportValue> values = List.of(new ReportValue("RENTAL_SUBSIDY.ISSUE.HOUSEHOLD", "", BigDecimal.valueOf(400)));
        Report draft = reports.save(GANZHOU, february, 0, values);
        reminders.generate(late);
        assertThat(open(draft.id())).containsExactly("REPORT_OVERDUE");

        Report submitted = reports.submit(GANZHOU, february, draft.version());
        reminders.generate(late.plusDays(1));
        assertThat(open(draft.id())).as("submitted: resolved").isEmpty();

        Report returned = reports.returnReport(GANZHOU, february, submitted.version(), "数据有误，请核实后重报");
        Reminders.Run run = reminders.generate(late.plusDays(2));
        assertThat(open(returned.id())).as("returned: owed again").containsExactly("REPORT_OVERDUE");
        assertThat(run.created()).as("the reopened reminder is counted").isGreaterThanOrEqualTo(1);
        assertThat(jdbc.sql("""
                        select count(*) from reminder m join report r on r.region_id = m.region_id and r.period = m.period
                        where r.id = ? and m.kind = 'REPORT_OVERDUE'""").param(returned.id()).query(Integer.class).single())
                .as("the same row, opened again").isEqualTo(1);
        int before = jdbc.sql("select count(*) from reminder where resolved_at is null").query(Integer.class).single();
        reminders.generate(late.plusDays(2));
        assertThat(jdbc.sql("select count(*) from reminder where resolved_at is null").query(Integer.class).single())
                .as("a second run the same day adds nothing").isEqualTo(before);
    }
    /**
     * Submitted: the month's reminder is no longer shown, at once — not only after the next hourly run (absence audit
     * D3: "尚未上报，请尽快填报上报" stayed on the unit's and its city's pages for up to an hour after the unit reported).
     */
    @Test
    void aSubmittedMonthsReminderIsNoLongerShownAtOnce() {
        YearMonth january = YearMonth.of(2024, 1);
        LocalDate late = reports.deadline(january).plusDays(2);
        Report draft = reports.save(GANZHOU, january, 0,
                List.of(new ReportValue("RENTAL_SUBSIDY.ISSUE.HOUSEHOLD", "", BigDecimal.valueOf(300))));
        reminders.generate(late);
        java.util.function.Supplier<List<String>> shown = () -> org.anju.account.Access.runAs(new org.anju.account.Actor(
                "t_gzq", "测试用户", regions.byCode(GANZHOU).orElseThrow(), java.util.EnumSet.of(org.anju.account.Role.COUNTY_REPORTER),
                org.anju.account.Channel.UI, false), () -> reminders.mine().stream()
                .filter(r -> r.period().equals(january)).map(r -> r.kind().name()).toList());
        assertThat(shown.get()).containsExactly("REPORT_OVERDUE");
        reports.submit(GANZHOU, january, draft.version());
        assertThat(shown.get()).as("submitted: not shown, no run in between").isEmpty();
        assertThat(open(draft.id())).as("the row itself waits for the run").containsExactly("REPORT_OVERDUE");
        reminders.generate(late.plusDays(1));
        assertThat(open(draft.id())).isEmpty();
    }
}
