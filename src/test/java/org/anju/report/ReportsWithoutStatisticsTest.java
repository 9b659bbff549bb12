package org.anju.report;

import org.anju.AnjuTest;
import org.anju.AutoExplain;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.TestPropertySource;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;

import java.time.YearMonth;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A report's save looks up the unit's report of the month and the values of its previous one by their keys, whatever
 * the tables' statistics say. With the statistics the autovacuum leaves after the reports were emptied (reltuples 0 on
 * the pages it keeps — trial data deleted before going live), the previous values were found by reading every stored
 * value once per unit, and the month's report by reading the month's reports of every unit (review of the eighteenth
 * session: a report import of 2,000 units 111 s instead of 15 s). Here 300 units' three months are stored in that
 * state (in a transaction, rolled back) and each lookup's plan is read from {@code auto_explain}.
 */
@AnjuTest
@TestPropertySource(properties = "anju.test.database=report_statistics")
class ReportsWithoutStatisticsTest {

    static final int UNITS = 300;
    static final int VALUES = 10;

    @Autowired
    ReportRepository repository;
    @Autowired
    JdbcTemplate template;
    @Autowired
    PlatformTransactionManager transactions;

    @Test
    void theMonthsReportAndThePreviousValuesAreLookedUpByKey() {
        lookedUpByKey(true);
    }

    /** The same with honest statistics: the row ranges' estimates must not turn the lookups into scans either. */
    @Test
    void andSoWithAnalyzedTables() {
        lookedUpByKey(false);
    }

    private void lookedUpByKey(boolean emptied) {
        new TransactionTemplate(transactions).executeWithoutResult(status -> {
            status.setRollbackOnly();
            List<Integer> units = template.queryForList(
                    "select id from region where kind = 'COUNTY' order by id limit ?", Integer.class, UNITS);
            assertThat(units).hasSize(UNITS);
            template.update("""
                    insert into report (region_id, period, status, deadline)
                    select u, make_date(2025, m, 1), 'APPROVED', make_date(2025, m, 1) + 40
                    from unnest(?::int[]) u, generate_series(1, 3) m""", (Object) units.toArray(Integer[]::new));
            template.update("""
                    insert into report_value (report_id, indicator_id, value)
                    select r.id, i.id, 1 from report r, (select id from indicator order by id limit ?) i""", VALUES);
            if (emptied) {
                AutoExplain.emptiedStatistics(template, "report", "report_value");
            } else {
                template.execute("analyze report, report_value");
            }

            List<JsonNode> plans;
            long found = 0;
            AutoExplain.on(template);
            try (AutoExplain.Captured captured = new AutoExplain.Captured()) {
                for (int unit : units) {
                    found += repository.head(unit, YearMonth.of(2025, 3), true).isPresent() ? 1 : 0;
                    found += repository.head(unit, YearMonth.of(2025, 4), false).isPresent() ? 1 : 0;
                    found += repository.previousValues(unit, YearMonth.of(2025, 4)).size();
                }
                plans = captured.plans();
            }
            template.execute("set auto_explain.log_min_duration = -1");

            assertThat(found).as("each unit's March report, no April one, March's values").isEqualTo(UNITS * (1L + VALUES));
            assertThat(plans).as("the lookups' plans: the month's report, for update or not, and the previous values")
                    .anySatisfy(p -> assertThat(AutoExplain.query(p)).startsWith("select * from report").endsWith("for update"))
                    .anySatisfy(p -> assertThat(AutoExplain.query(p)).startsWith("select * from report")
                            .doesNotContain("for update"))
                    .anySatisfy(p -> assertThat(AutoExplain.query(p)).contains("report_value"));
            SoftAssertions soft = new SoftAssertions();
            plans.stream().filter(p -> AutoExplain.query(p).contains("report"))   // not the indicator catalogue's check
                    .collect(java.util.stream.Collectors.toMap(AutoExplain::query, AutoExplain::handled, Math::max))
                    .forEach((query, most) -> soft.assertThat(most).as("rows handled at most by %s", query)
                            .isLessThan(10L * (VALUES + 1)));
            if (!emptied) {
                // a row range alone is estimated by its first column — a quarter of the table here: a bitmap or
                // sequential scan where the table is large (on the national dataset a bitmap scan of 42,000 rows)
                plans.stream().filter(p -> AutoExplain.query(p).startsWith("select * from report")).forEach(p ->
                        soft.assertThat(p.path("Plan").path("Plan Rows").asLong())
                                .as("rows estimated for %s", AutoExplain.query(p)).isLessThan(5));
            }
            soft.assertAll();
        });
    }
}
