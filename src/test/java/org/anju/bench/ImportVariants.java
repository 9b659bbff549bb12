package org.anju.bench;

import org.anju.plan.Plans;
import org.anju.plan.SyntheticNationalPlan;
import org.anju.plan.imports.ImportOptions;
import org.anju.plan.imports.ImportResult;
import org.anju.plan.imports.PlanImporter;
import org.anju.region.Regions;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The national plan import on the kept national dataset (as {@link NationalBench}'s import part), under variants of
 * the database's triggers and audit function switched on and off between imports — each variant's change made and
 * undone around its import, the variants taken in turn, round after round, so that they share the machine's load
 * (issue 15, third session: which write costs what). Every import is committed and its plan deleted again. Reports
 * wall time and the CPU time of the JVM and of the database server per import, as medians.
 *
 * <pre>
 * java -Xmx1g -Danju.bench.data=DIR -Dvariants=base,noaudit -Drounds=6 -cp … org.anju.bench.ImportVariants
 * </pre>
 * The database's definitions are restored after each import; never run it on a database in use.
 */
public final class ImportVariants {

    /** A change of the schema for one import, and how to undo it. */
    record Variant(String name, List<String> apply, List<String> undo) {
    }

    static Map<String, Variant> variants(String auditRows) {
        Map<String, Variant> v = new LinkedHashMap<>();
        v.put("base", new Variant("base", List.of(), List.of()));
        v.put("noaudit", new Variant("noaudit: statement-level audit entries of target and breakdown_row off",
                List.of("alter table target disable trigger audit_insert", "alter table breakdown_row disable trigger audit_insert"),
                List.of("alter table target enable trigger audit_insert", "alter table breakdown_row enable trigger audit_insert")));
        v.put("nocheck", new Variant("nocheck: V3_1 integrity triggers of target and breakdown_row off",
                List.of("alter table target disable trigger target_check_insert",
                        "alter table breakdown_row disable trigger breakdown_row_check_insert"),
                List.of("alter table target enable trigger target_check_insert",
                        "alter table breakdown_row enable trigger breakdown_row_check_insert")));
        v.put("fk", new Variant("fk: target_rollup's plan checked by the foreign key, row by row (before V3_1521)",
                List.of("alter table target_rollup disable trigger target_rollup_check_insert",
                        "alter table target_rollup add constraint target_rollup_plan_id_fkey foreign key (plan_id) "
                                + "references plan (id) on delete cascade"),
                List.of("alter table target_rollup drop constraint target_rollup_plan_id_fkey",
                        "alter table target_rollup enable trigger target_rollup_check_insert")));
        v.put("external", new Variant("external: audit_log.old/new stored uncompressed (storage external)",
                List.of("alter table audit_log alter column new set storage external",
                        "alter table audit_log alter column old set storage external"),
                List.of("alter table audit_log alter column new set storage extended",
                        "alter table audit_log alter column old set storage extended")));
        v.put("notrig", new Variant("notrig: every trigger of target, breakdown_row and target_rollup off (audit, checks)",
                List.of("alter table target disable trigger user", "alter table breakdown_row disable trigger user",
                        "alter table target_rollup disable trigger user"),
                List.of("alter table target enable trigger user", "alter table breakdown_row enable trigger user",
                        "alter table target_rollup enable trigger user")));
        v.put("batchext", new Variant("batchext: import_batch.content stored uncompressed",
                List.of("alter table import_batch alter column content set storage external"),
                List.of("alter table import_batch alter column content set storage extended")));
        // bulk audit entries one object per row, as written before V0_1571 (the function as V0_2 created it)
        String v02 = v02AuditRows();
        if (auditRows != null && !auditRows.contains("json_agg(r.%I)")) {
            // the database is from before V0_1571: nothing to compare
        } else if (auditRows != null) {
            v.put("byrow", new Variant("byrow: bulk audit entries one JSON object per row (audit_rows() of V0_2, before V0_1571)",
                    List.of(v02), List.of(auditRows)));
        }
        if (auditRows != null) {
            String object = auditRows.replace("row_expr := format('json_agg(%s)', row_expr);", """
                    if cardinality(hidden_columns) = 0 then
                        select format('json_build_object(%s)', string_agg(format('%L, r.%I', a.attname, a.attname), ', ' order by a.attnum))
                        into row_expr from pg_attribute a where a.attrelid = tg_relid and a.attnum > 0 and not a.attisdropped;
                    end if;
                    row_expr := format('json_agg(%s)', row_expr);""");
            if (!object.equals(auditRows)) {
                v.put("object", new Variant("object: audit_rows() with json_agg(json_build_object(columns…))", List.of(object),
                        List.of(auditRows)));
            }
            String aggR = auditRows.replace("row_expr := format('json_agg(%s)', row_expr);",
                    "row_expr := case when cardinality(hidden_columns) = 0 then 'json_agg(r)' else format('json_agg(%s)', row_expr) end;");
            if (!aggR.equals(auditRows)) {
                v.put("aggr", new Variant("aggr: audit_rows() with json_agg(r) for json_agg(to_json(r))", List.of(aggR),
                        List.of(auditRows)));
            }
        }
        return v;
    }

    /** {@code audit_rows()} as V0_2 created it, as a {@code create or replace}. */
    static String v02AuditRows() {
        try (var in = ImportVariants.class.getResourceAsStream("/db/migration/platform/V0_2__audit.sql")) {
            String sql = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            int start = sql.indexOf("create function audit_rows()");
            int end = sql.indexOf("$$;", start) + 3;
            return "create or replace" + sql.substring(start + "create".length(), end);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    public static void main(String[] args) throws Exception {
        NationalData.onDataset(ImportVariants::run);
    }

    private static void run(ConfigurableApplicationContext ctx, Path dataDir) {
        Regions regions = ctx.getBean(Regions.class);
        JdbcClient jdbc = ctx.getBean(JdbcClient.class);
        PlanImporter importer = ctx.getBean(PlanImporter.class);
        Plans plans = ctx.getBean(Plans.class);
        CpuClock clock = new CpuClock(dataDir.resolve("pg"));
        String auditRows = jdbc.sql("select pg_get_functiondef('audit_rows'::regproc)").query(String.class).single();
        Map<String, Variant> all = variants(auditRows);
        List<Variant> chosen = new ArrayList<>();
        for (String name : System.getProperty("variants", "base,noaudit").split(",")) {
            Variant v = all.get(name.strip());
            if (v == null) {
                // aggr and object rewrote audit_rows()'s per-row expression, which V0_1571 replaced (third session)
                System.err.println("-Dvariants 中的“" + name.strip() + "”在这个数据集上不可用：可选 " + String.join("、", all.keySet())
                        + (Set.of("aggr", "object").contains(name.strip())
                        ? "。aggr 和 object 改写的是 V0_1571 之前 audit_rows() 的逐行写法，数据集迁移到 V0_1571 后不再适用" : ""));
                System.exit(2);
            }
            chosen.add(v);
        }
        byte[] plan = SyntheticNationalPlan.text(regions, 42).replace("工作计划的通知", "工作计划的补充通知")
                .getBytes(StandardCharsets.UTF_8);
        Map<String, List<double[]>> samples = new LinkedHashMap<>();
        chosen.forEach(v -> samples.put(v.name(), new ArrayList<>()));
        System.out.println("load before: " + load());
        if (Boolean.getBoolean("fingerprints")) {
            // what computing the tables' fingerprints costs once (the import did it twice before the third session)
            ImportResult r = once0(importer, plan);
            List<org.anju.plan.BreakdownTable> tables = plans.tables(r.planId());
            java.lang.management.ThreadMXBean threads = java.lang.management.ManagementFactory.getThreadMXBean();
            List<Double> ms = new ArrayList<>();
            for (int i = 0; i < 30; i++) {
                long c0 = threads.getCurrentThreadCpuTime();
                tables.forEach(org.anju.plan.BreakdownTable::fingerprint);
                ms.add((threads.getCurrentThreadCpuTime() - c0) / 1e6);
            }
            plans.delete(r.planId());
            System.out.println("fingerprints of the plan's " + tables.size() + " tables, thread CPU per computation, last 10 of 30: "
                    + ms.subList(20, 30));
        }
        for (int i = 0; i < Integer.getInteger("warmups", 5); i++) {
            once(importer, plans, plan, clock);
        }
        int rounds = Integer.getInteger("rounds", 6);
        for (int round = 0; round < rounds; round++) {
            for (int k = 0; k < chosen.size(); k++) {
                // each round starts with another variant: none always runs right after the same one
                Variant v = chosen.get((k + round) % chosen.size());
                v.apply().forEach(sql -> jdbc.sql(sql).update());
                try {
                    samples.get(v.name()).add(once(importer, plans, plan, clock));
                } finally {
                    v.undo().forEach(sql -> jdbc.sql(sql).update());
                }
            }
            System.out.println("round " + (round + 1) + " done, load " + load());
        }
        System.out.println();
        System.out.println("| variant | imports | wall p50 / min ms | JVM CPU p50 ms | importing thread CPU p50 ms | server CPU p50 ms | JVM + server CPU p50 ms |");
        System.out.println("|---|---:|---:|---:|---:|---:|---:|");
        samples.forEach((name, s) -> System.out.printf(Locale.ROOT, "| %s | %d | %.0f / %.0f | %.0f | %.0f | %.0f | %.0f |%n", name,
                s.size(), median(s, 0), min(s, 0), median(s, 1), median(s, 4), median(s, 2), median(s, 3)));
        System.out.println("load after: " + load());
        System.out.println("audit_log " + jdbc.sql("select pg_size_pretty(pg_total_relation_size('audit_log'))")
                .query(String.class).single());
        // what one import's statement-level entries take, stored as written (compressed or not) and as text
        jdbc.sql("""
                        select compressed, count(*), avg(t_stored)::bigint, avg(t_text)::bigint, avg(r_stored)::bigint, avg(r_text)::bigint
                        from (select tx_id, bool_and(pg_column_size(new) < octet_length(new::text)) as compressed,
                                     sum(pg_column_size(new)) filter (where table_name = 'target') as t_stored,
                                     sum(octet_length(new::text)) filter (where table_name = 'target') as t_text,
                                     sum(pg_column_size(new)) filter (where table_name = 'breakdown_row') as r_stored,
                                     sum(octet_length(new::text)) filter (where table_name = 'breakdown_row') as r_text
                              from audit_log where op = 'INSERT' and table_name in ('target', 'breakdown_row')
                                and at > now() - interval '1 hour'
                              group by tx_id) x
                        group by compressed""")
                .query(rs -> {
                    System.out.printf(Locale.ROOT, "imports' audit entries, %s: %d imports; target %,d bytes stored (%,d as text), "
                                    + "breakdown_row %,d stored (%,d as text)%n", rs.getBoolean(1) ? "compressed" : "uncompressed",
                            rs.getLong(2), rs.getLong(3), rs.getLong(4), rs.getLong(5), rs.getLong(6));
                });
    }

    /**
     * One committed import, its plan deleted again (untimed): wall, JVM CPU, server CPU, both CPUs and the importing
     * thread's own CPU (the JVM's without JIT and GC) in ms.
     */
    private static double[] once(PlanImporter importer, Plans plans, byte[] plan, CpuClock clock) {
        java.lang.management.ThreadMXBean threads = java.lang.management.ManagementFactory.getThreadMXBean();
        long cpu0 = CpuClock.jvm();
        long thread0 = threads.getCurrentThreadCpuTime();
        long server0 = clock.server();
        long t0 = System.nanoTime();
        ImportResult r = importer.importFile("全国2025.txt", plan, ImportOptions.commit());
        long wall = System.nanoTime() - t0;
        long server = clock.server() - server0;
        long thread = threads.getCurrentThreadCpuTime() - thread0;
        long cpu = CpuClock.jvm() - cpu0;
        if (!r.ok()) {
            throw new IllegalStateException(r.problems().toString());
        }
        plans.delete(r.planId());
        return new double[] {wall / 1e6, cpu / 1e6, server / 1e6, (cpu + server) / 1e6, thread / 1e6};
    }

    private static ImportResult once0(PlanImporter importer, byte[] plan) {
        ImportResult r = importer.importFile("全国2025.txt", plan, ImportOptions.commit());
        if (!r.ok()) {
            throw new IllegalStateException(r.problems().toString());
        }
        return r;
    }

    private static double median(List<double[]> s, int i) {
        double[] v = s.stream().mapToDouble(x -> x[i]).sorted().toArray();
        return v.length == 0 ? Double.NaN : v.length % 2 == 1 ? v[v.length / 2] : (v[v.length / 2 - 1] + v[v.length / 2]) / 2;
    }

    private static double min(List<double[]> s, int i) {
        return s.stream().mapToDouble(x -> x[i]).min().orElse(Double.NaN);
    }

    private static String load() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).strip();
        } catch (java.io.IOException e) {
            return "?";
        }
    }
}
