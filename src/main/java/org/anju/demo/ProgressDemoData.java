package org.anju.demo;

import org.anju.plan.Plans;
import org.anju.plan.imports.ImportOptions;
import org.anju.plan.imports.ImportResult;
import org.anju.plan.imports.PlanImporter;
import org.anju.platform.AppSettings;
import org.anju.project.Projects;
import org.anju.report.Report;
import org.anju.report.ReportImport;
import org.anju.report.ReportInbox;
import org.anju.report.Reports;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import java.time.LocalDate;
import java.time.YearMonth;

/**
 * Seed 004 (张掖市 2023 通报) as running data: Zhangye's 2023 targets (a plan), its project register
 * and its December reports, loaded through the same importers and workflow a user would use, so the
 * app shows the seed-004 bulletin for 张掖市 2023-12. Runs once per database, after {@link DemoData}.
 */
@Component
public class ProgressDemoData {

    static final String LOADED = "demo.progress.loaded";
    static final String DIR = "zhangye-2023/";
    public static final String CITY = "620700";
    public static final YearMonth PERIOD = YearMonth.of(2023, 12);
    public static final String PLAN_TITLE = "张掖市2023年保障性安居工程目标任务";
    private static final Logger log = LoggerFactory.getLogger(ProgressDemoData.class);

    private final PlanImporter importer;
    private final Plans plans;
    private final Projects projects;
    private final Reports reports;
    private final ReportImport reportImport;
    private final ReportInbox reportInbox;
    private final AppSettings settings;

    ProgressDemoData(PlanImporter importer, Plans plans, Projects projects, Reports reports, ReportImport reportImport,
                     ReportInbox reportInbox, AppSettings settings) {
        this.importer = importer;
        this.plans = plans;
        this.projects = projects;
        this.reports = reports;
        this.reportImport = reportImport;
        this.reportInbox = reportInbox;
        this.settings = settings;
    }

    @Transactional
    public void loadOnce() {
        if (settings.get(LOADED).isPresent()) {
            return;
        }
        load();
        settings.put(LOADED, java.time.Instant.now().toString());
    }

    /** Loads the Zhangye 2023 figures into any database (tests call this on their own). */
    @Transactional
    public void load() {
        ImportOptions options = new ImportOptions(false, null, false, CITY, "张掖市城镇老旧小区改造工作领导小组办公室",
                PLAN_TITLE, null, LocalDate.of(2023, 1, 1), 2023, 2023, null, null, false, null, null);
        ImportResult plan = importer.importFile("targets.txt", DemoData.read(DIR + "targets.txt"), options);
        if (!plan.ok()) {
            throw new IllegalStateException("示例数据 张掖市目标任务导入失败：" + plan.problems());
        }
        projects.importFile("projects.csv", DemoData.read(DIR + "projects.csv"), CITY);
        reportImport.importFile("reports-2023-12.csv", DemoData.read(DIR + "reports-2023-12.csv"), CITY, true);
        // stamped as a December report would be: submitted before the 5 January deadline, approved the next day
        // (演示数据: seed 004 does not say when each county reported); "now" would make every one look late
        java.time.ZoneOffset china = java.time.ZoneOffset.ofHours(8);
        for (Report r : reportInbox.list(CITY, PERIOD)) {
            reports.approve(r.regionCode(), PERIOD, r.version());
            reports.stamp(r.regionCode(), PERIOD, java.time.OffsetDateTime.of(2024, 1, 4, 10, 0, 0, 0, china),
                    java.time.OffsetDateTime.of(2024, 1, 5, 9, 30, 0, 0, china));
        }
        log.info("示例数据：张掖市 2023 年目标任务、项目库和 12 月月报（{} 处计划不一致）", plan.findings().size());
    }

    public boolean loaded() {
        return settings.get(LOADED).isPresent();
    }

    Plans plans() {
        return plans;
    }
}
