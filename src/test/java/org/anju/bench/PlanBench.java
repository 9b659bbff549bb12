package org.anju.bench;

import org.anju.AnjuApplication;
import org.anju.plan.Plan;
import org.anju.plan.Plans;
import org.anju.plan.SyntheticNationalPlan;
import org.anju.plan.imports.CorpusCase;
import org.anju.plan.imports.ImportOptions;
import org.anju.plan.imports.ImportResult;
import org.anju.plan.imports.PlanImporter;
import org.anju.region.Region;
import org.anju.region.Regions;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.io.ClassPathResource;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Benchmarks for the foundation's performance targets, on the embedded PostgreSQL:
 * <ol>
 *   <li>import + validate seed 001 (the Jiangxi plan, 7 tables) warm: ≤ 300 ms</li>
 *   <li>import + validate a synthetic national plan (all county-level units × 15 indicators): ≤ 2 s</li>
 *   <li>subtree total of that plan for any node: ≤ 5 ms</li>
 *   <li>the real-world corpus (every form of every table, with the answers an official gives) read and checked
 *       as a dry run in one JVM: total wall time, first pass and warm</li>
 * </ol>
 * Run with {@code ./mvnw -q -Pbench verify -Dbench=PlanBench} (see docs/PERFORMANCE.md).
 */
public final class PlanBench {

    /** Every form of every corpus table previewed with its answers: the first pass, then warm passes. */
    private static void corpus(PlanImporter importer) throws IOException {
        List<CorpusCase> cases = CorpusCase.all();
        int forms = cases.stream().mapToInt(c -> c.forms().size()).sum();
        Timer first = new Timer("real-world corpus, dry run (" + cases.size() + " tables, " + forms
                + " files), first pass");
        Timer warm = new Timer("real-world corpus, dry run, warm pass");
        for (int pass = 0; pass < 6; pass++) {
            Timer t = pass == 0 ? first : pass < 3 ? new Timer("warm-up") : warm;
            t.time(() -> {
                for (CorpusCase c : cases) {
                    for (java.nio.file.Path f : c.forms()) {
                        try {
                            importer.importFile(f.getFileName().toString(), java.nio.file.Files.readAllBytes(f),
                                    c.options(true));
                        } catch (IOException e) {
                            throw new java.io.UncheckedIOException(e);
                        }
                    }
                }
                return null;
            });
        }
        System.out.println(first.report());
        System.out.println(warm.report());
    }

    public static void main(String[] args) throws IOException {
        try (ConfigurableApplicationContext ctx = new SpringApplicationBuilder(AnjuApplication.class)
                .web(WebApplicationType.NONE).profiles("test")
                .properties("anju.demo.enabled=false", "logging.level.root=WARN", "logging.level.io.zonky=ERROR")
                .run()) {
            Regions regions = ctx.getBean(Regions.class);
            // as the system: work that names no actor may do nothing (issue 11); the bench failed with that refusal
            org.anju.account.Access.runAs(org.anju.account.Actor.system(regions.root()), () -> {
                try {
                    run(ctx, regions);
                } catch (IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
                return null;
            });
        }
    }

    private static void run(ConfigurableApplicationContext ctx, Regions regions) throws IOException {
        PlanImporter importer = ctx.getBean(PlanImporter.class);
        Plans plans = ctx.getBean(Plans.class);
        System.out.println("| benchmark | runs | mean ms | p50 ms | p95 ms | max ms | target |");
        System.out.println("|---|---|---|---|---|---|---|");

        corpus(importer);

        byte[] seed = new ClassPathResource("seeds/001_bc1ecb836366de7f.txt").getContentAsByteArray();
        Timer seedTimer = new Timer("import + validate seed 001 (warm)");
        for (int i = 0; i < 60; i++) {
            Timer t = i < 20 ? new Timer("warm-up") : seedTimer;
            ImportResult r = t.time(() -> importer.importFile("001.txt", seed, ImportOptions.commit()));
            check(r);
            plans.delete(r.planId());
        }
        System.out.println(seedTimer.report(300, 95));

        byte[] national = SyntheticNationalPlan.text(regions, 42).getBytes(StandardCharsets.UTF_8);
        Timer nationalTimer = new Timer("import + validate national plan (" + SyntheticNationalPlan.counties(regions)
                + " counties × " + SyntheticNationalPlan.INDICATORS + " indicators)");
        ImportResult kept = null;
        for (int i = 0; i < 8; i++) {
            Timer t = i < 3 ? new Timer("warm-up") : nationalTimer;
            ImportResult r = t.time(() -> importer.importFile("全国.txt", national, ImportOptions.commit()));
            check(r);
            if (i < 7) {
                plans.delete(r.planId());
            } else {
                kept = r;
            }
        }
        System.out.println(nationalTimer.report(2000, 100));

        long planId = kept.planId();
        List<Region> all = regions.subtree(regions.root()).stream().toList();
        SplittableRandom random = new SplittableRandom(1);
        Timer warm = new Timer("warm-up");
        for (int i = 0; i < 500; i++) {
            Region r = all.get(random.nextInt(all.size()));
            warm.time(() -> plans.subtreeTotals(planId, r.code()));
        }
        Timer rootTimer = new Timer("subtree total, root (全国)");
        for (int i = 0; i < 200; i++) {
            rootTimer.time(() -> plans.subtreeTotals(planId, "000000"));
        }
        // "any node": every node, three times each; a node's cost is its median, so one GC pause
        // in 11,000 calls does not stand for a node, while a node that is slow every time does
        Timer everyCall = new Timer("subtree total, every node × 3 (all calls)");
        Timer perNode = new Timer("subtree total, every node of " + all.size() + " (median of 3 per node)");
        for (Region r : all) {
            Timer node = new Timer(r.code());
            for (int k = 0; k < 3; k++) {
                node.time(() -> plans.subtreeTotals(planId, r.code()));
            }
            everyCall.addAll(node);
            perNode.add(node.percentile(50));
        }
        System.out.println(rootTimer.report(5, 100));
        System.out.println(everyCall.report(5, 99));
        System.out.println(perNode.report(5, 100));
        Plan p = plans.get(planId);
        plans.delete(p.id());
        System.out.println();
        System.out.println("JVM " + Runtime.version() + ", " + Runtime.getRuntime().availableProcessors() + " CPUs, max heap "
                + Runtime.getRuntime().maxMemory() / (1024 * 1024) + " MB");
    }

    private static void check(ImportResult r) {
        if (!r.ok()) {
            throw new IllegalStateException(r.problems().toString());
        }
    }
}
