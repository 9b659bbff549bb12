package org.anju.bench;

import org.anju.AnjuApplication;
import org.anju.account.Access;
import org.anju.account.Actor;
import org.anju.plan.Plans;
import org.anju.plan.SyntheticNationalPlan;
import org.anju.plan.imports.ImportOptions;
import org.anju.plan.imports.ImportResult;
import org.anju.plan.imports.PlanImporter;
import org.anju.platform.Jobs;
import org.anju.region.Regions;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.nio.charset.StandardCharsets;

/**
 * What a job costs an import now that jobs are rows (issue 15): the national plan (45,000 figures) imported and
 * validated directly (as the CLI and API do) and as a page job (progress written every 250 ms by the node's ticker,
 * the result stored as gzip JSON), interleaved so both see the same machine. Run:
 * {@code ./mvnw -q -Pbench verify -Dbench=JobsBench}.
 */
public final class JobsBench {

    public static void main(String[] args) {
        try (ConfigurableApplicationContext ctx = new SpringApplicationBuilder(AnjuApplication.class)
                .web(WebApplicationType.NONE).profiles("test")
                .properties("anju.demo.enabled=false", "logging.level.root=WARN", "logging.level.io.zonky=ERROR",
                        "anju.imports.max-per-user=1000")
                .run()) {
            PlanImporter importer = ctx.getBean(PlanImporter.class);
            Plans plans = ctx.getBean(Plans.class);
            Regions regions = ctx.getBean(Regions.class);
            Jobs jobs = ctx.getBean(Jobs.class);
            JdbcClient jdbc = ctx.getBean(JdbcClient.class);
            Actor system = Actor.system(regions.root());
            byte[] national = SyntheticNationalPlan.text(regions, 42).getBytes(StandardCharsets.UTF_8);
            Timer direct = new Timer("national plan import + validate + commit, direct");
            Timer asJob = new Timer("the same as a page job (start → await, progress rows, result JSON)");
            Timer previewDirect = new Timer("national plan preview (dry run, 45k figures listed), direct");
            Timer previewJob = new Timer("the same preview as a page job (result stored as gzip JSON)");
            for (int i = 0; i < 7; i++) {
                boolean warm = i < 2;
                ImportResult r = (warm ? new Timer("warm-up") : direct).time(() -> Access.runAs(system,
                        () -> importer.importFile("全国.txt", national, ImportOptions.commit())));
                Access.runAs(system, () -> { plans.delete(r.planId()); return null; });
                ImportResult j = (warm ? new Timer("warm-up") : asJob).time(() -> jobs.await(jobs.start("bench", "导入",
                        Jobs.PLAN_STAGES, () -> Access.runAs(system,
                                () -> importer.importFile("全国.txt", national, ImportOptions.commit()))), "bench")
                        .result(ImportResult.class));
                Access.runAs(system, () -> { plans.delete(j.planId()); return null; });
                (warm ? new Timer("warm-up") : previewDirect).time(() -> Access.runAs(system,
                        () -> importer.importFile("全国.txt", national, ImportOptions.preview())));
                (warm ? new Timer("warm-up") : previewJob).time(() -> jobs.await(jobs.start("bench", "预览",
                        Jobs.PLAN_STAGES, () -> Access.runAs(system,
                                () -> importer.importFile("全国.txt", national, ImportOptions.preview()))), "bench"));
            }
            System.out.println("| benchmark | runs | mean ms | p50 ms | p95 ms | max ms | target |");
            System.out.println("|---|---|---|---|---|---|---|");
            System.out.println(direct.report(500, 100));
            System.out.println(asJob.report(500, 100));
            System.out.println(previewDirect.report(2000, 100));
            System.out.println(previewJob.report(2000, 100));
            System.out.println();
            System.out.println("stored preview result: " + jdbc.sql("""
                    select max(length(result)) from import_job where title = '预览'""").query(Long.class).single()
                    + " bytes (gzip JSON); progress rows written per job: see import_job.done");
        }
    }
}
