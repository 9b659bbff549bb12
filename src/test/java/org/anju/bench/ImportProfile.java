package org.anju.bench;

import org.anju.AnjuApplication;
import org.anju.account.Access;
import org.anju.account.Actor;
import org.anju.plan.SyntheticNationalPlan;
import org.anju.plan.imports.ImportOptions;
import org.anju.plan.imports.ImportResult;
import org.anju.plan.imports.PlanImporter;
import org.anju.region.Regions;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import java.nio.charset.StandardCharsets;

/**
 * Imports the synthetic national plan {@code -Druns=N} times on a throw-away database, for a profiler (issue 15: where
 * the import's time goes). Run under JFR: {@code java -XX:StartFlightRecording=filename=import.jfr,settings=profile
 * -cp … org.anju.bench.ImportProfile}, then {@code jfr print --events jdk.ExecutionSample,jdk.NativeMethodSample}.
 */
public final class ImportProfile {

    public static void main(String[] args) {
        try (ConfigurableApplicationContext ctx = new SpringApplicationBuilder(AnjuApplication.class)
                .web(WebApplicationType.NONE).profiles("test")
                .properties("anju.demo.enabled=false", "logging.level.root=WARN", "logging.level.io.zonky=ERROR")
                .run()) {
            Regions regions = ctx.getBean(Regions.class);
            PlanImporter importer = ctx.getBean(PlanImporter.class);
            byte[] plan = SyntheticNationalPlan.text(regions, 42).getBytes(StandardCharsets.UTF_8);
            Timer t = new Timer("national plan import + validate (throw-away database)");
            Access.runAs(Actor.system(regions.root()), () -> {
                for (int i = 0; i < Integer.getInteger("runs", 20); i++) {
                    ImportResult r = t.time(() -> importer.importFile("全国.txt", plan, ImportOptions.commit()));
                    if (!r.ok()) {
                        throw new IllegalStateException(r.problems().toString());
                    }
                    ctx.getBean(org.anju.plan.Plans.class).delete(r.planId());
                }
                return null;
            });
            System.out.println(t.report());
        }
    }
}
