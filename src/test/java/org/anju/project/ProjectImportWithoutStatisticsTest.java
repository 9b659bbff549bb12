package org.anju.project;

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

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A project register import finds the stored projects and checks the counted months with work in proportion to the rows
 * and the units' projects, whatever the statistics say. With the statistics the autovacuum leaves after the projects
 * were emptied (reltuples 0 on the pages it keeps), idOf took project_scope_dates (region_id, year) for the key and read
 * the unit's year of projects per row, and the facts query joined the indicators before summing, building every
 * project's values once per indicator of its program. Here 2 units × (500 stored + 500 new) rows are imported beside
 * 6 units × 2 years × 1,000 projects in that state (in a transaction, rolled back), the plans read from auto_explain.
 */
@AnjuTest
@TestPropertySource(properties = "anju.test.database=project_statistics")
class ProjectImportWithoutStatisticsTest {

    static final int PER_UNIT_YEAR = 1_000;
    static final int EXISTING = 500;
    static final int NEW = 500;
    static final int COUNTED_MONTHS = 9;

    @Autowired
    Projects projects;
    @Autowired
    JdbcTemplate template;
    @Autowired
    PlatformTransactionManager transactions;

    @Test
    void theImportFindsTheProjectsAndChecksTheCountedMonthsWithoutReadingThemPerRow() {
        new TransactionTemplate(transactions).executeWithoutResult(status -> {
            status.setRollbackOnly();
            List<Map<String, Object>> units = template.queryForList("""
                    select id, name from region where kind = 'COUNTY' and code like '6207%' order by code limit 6""");
            for (Map<String, Object> u : units) {
                template.update("""
                        insert into project (region_id, program_code, year, name, units)
                        select ?, 'SHANTYTOWN', y, '存量项目' || y || '-' || g, 10
                        from generate_series(2024, 2025) y, generate_series(1, ?) g""", u.get("id"), PER_UNIT_YEAR);
            }
            template.update("""
                    insert into project_progress (project_id, period, investment)
                    select id, m, 1 from project, (values (date '2025-01-01'), (date '2025-02-01')) v(m)""");
            List<Map<String, Object>> into = units.subList(0, 2);
            for (Map<String, Object> u : into) {   // months in the sums: the import must leave them as they were
                template.update("""
                        insert into progress_reported (region_id, period)
                        select ?, make_date(2025, m, 1) from generate_series(1, ?) m""", u.get("id"), COUNTED_MONTHS);
            }
            AutoExplain.emptiedStatistics(template, "project", "project_progress");
            StringBuilder csv = new StringBuilder("地区,工程类别,年度,项目名称,进度月份,累计完成投资（万元）,形象进度\n");
            for (Map<String, Object> u : into) {
                for (int i = 1; i <= EXISTING; i++) {
                    csv.append(u.get("name")).append(",棚户区改造,2025,存量项目2025-").append(i).append(",2025-10,5,施工\n");
                }
                for (int i = 1; i <= NEW; i++) {
                    csv.append(u.get("name")).append(",棚户区改造,2025,新项目-").append(i).append(",2025-10,5,施工\n");
                }
            }
            int rows = into.size() * (EXISTING + NEW);

            List<JsonNode> plans;
            Projects.ImportSummary s;
            AutoExplain.on(template);
            try (AutoExplain.Captured captured = new AutoExplain.Captured()) {
                s = projects.importFile("统计信息.csv", csv.toString().getBytes(StandardCharsets.UTF_8), "620700");
                plans = captured.plans();
            }
            template.execute("set auto_explain.log_min_duration = -1");

            assertThat(s.inserted()).isEqualTo(into.size() * NEW);
            assertThat(s.updated()).isEqualTo(into.size() * EXISTING);
            assertThat(s.progressRecords()).isEqualTo(rows);
            assertThat(plans).as("the import's plans")
                    .anySatisfy(p -> assertThat(AutoExplain.query(p)).contains("from project"))
                    .anySatisfy(p -> assertThat(AutoExplain.query(p)).contains("join indicator"));
            // each unit's projects in its counted months: what the facts query must read, once
            long projectMonths = (2L * PER_UNIT_YEAR + NEW) * COUNTED_MONTHS;
            SoftAssertions soft = new SoftAssertions();
            plans.stream().filter(p -> AutoExplain.query(p).contains("project"))
                    .collect(java.util.stream.Collectors.toMap(AutoExplain::query, AutoExplain::handled, Long::sum))
                    .forEach((query, total) -> {
                        if (query.contains("join indicator")) {   // before and after the change, per unit
                            soft.assertThat(total).as("rows handled by the facts query").isLessThan(
                                    4L * 20 * projectMonths);
                        } else {
                            soft.assertThat(total).as("rows handled in all by %s", query).isLessThan(10L * rows);
                        }
                    });
            soft.assertAll();
        });
    }
}
