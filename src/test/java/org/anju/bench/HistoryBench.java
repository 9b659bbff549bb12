package org.anju.bench;

import org.anju.account.AuditTrail;
import org.anju.plan.Plans;
import org.anju.plan.SyntheticNationalPlan;
import org.anju.plan.imports.ImportOptions;
import org.anju.plan.imports.ImportResult;
import org.anju.plan.imports.PlanImporter;
import org.anju.region.Regions;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The history of one national target ({@link AuditTrail#history}, what 修改历史 on a plan's table opens), on the kept
 * national dataset: in the kept plan, whose audit entries were written one object per row (before V0_1571), and in
 * a plan imported now (one array per column) — beside the SQL that read the first layout before (json_array_elements
 * and a jsonb containment per row), on the same entries. Issue 15, seventh session.
 *
 * <pre>
 * java -Xmx1g -Danju.bench.data=DIR -cp … org.anju.bench.HistoryBench
 * </pre>
 * Imports one plan and deletes it again; never run it on a database in use.
 */
public final class HistoryBench {

    /** The SQL of AuditTrail.history before the seventh session, for inserts and deletes (the part that changed). */
    static final String BEFORE = """
            select count(*) from audit_log l
            cross join lateral json_array_elements(coalesce(l.new, l.old)) e
            where l.table_name = 'target' and l.op <> 'UPDATE'
              and l.row_key = cast(:group as jsonb)
              and cast(e as jsonb) @> cast(:key as jsonb)""";

    public static void main(String[] args) throws Exception {
        NationalData.onDataset((ctx, dataDir) -> run(ctx));
    }

    private static void run(ConfigurableApplicationContext ctx) {
        JdbcClient jdbc = ctx.getBean(JdbcClient.class);
        AuditTrail audit = ctx.getBean(AuditTrail.class);
        Regions regions = ctx.getBean(Regions.class);
        long kept = jdbc.sql("select min(plan_id) from target").query(Long.class).single();
        byte[] file = SyntheticNationalPlan.text(regions, 42).replace("工作计划的通知", "工作计划的补充通知")
                .getBytes(StandardCharsets.UTF_8);
        ImportResult r = ctx.getBean(PlanImporter.class).importFile("全国2025.txt", file, ImportOptions.commit());
        if (!r.ok()) {
            throw new IllegalStateException(r.problems().toString());
        }
        try {
            // reads: 6 measured rounds × the 3 targets, per layout (after 2 warm-up rounds)
            System.out.println("| benchmark | reads | mean ms | p50 ms | p95 ms | max ms | target |");
            System.out.println("|---|---|---|---|---|---|---|");
            for (long plan : new long[] {kept, r.planId()}) {
                String layout = jdbc.sql("select json_typeof(new -> 0) from audit_log where table_name = 'target' and op = 'INSERT' "
                        + "and row_key = jsonb_build_object('plan_id', ?) limit 1").param(plan).query(String.class).single();
                // targets spread over the plan: the first, middle and last county's of the last indicator
                List<Map<String, Object>> keys = jdbc.sql("""
                                select plan_id, region_id, indicator_id, year from target where plan_id = ?
                                order by row_id, column_id""").param(plan)
                        .query((rs, n) -> {
                            Map<String, Object> k = new HashMap<>();
                            k.put("plan_id", rs.getLong(1));
                            k.put("region_id", rs.getInt(2));
                            k.put("indicator_id", rs.getInt(3));
                            k.put("year", rs.getObject(4) == null ? null : rs.getInt(4));
                            return k;
                        }).list();
                List<Map<String, Object>> chosen = List.of(keys.getFirst(), keys.get(keys.size() / 2), keys.getLast());
                Timer now = new Timer("AuditTrail.history of one target, plan " + plan + " (entries by " + layout + ")");
                Timer before = new Timer("the SQL of before, inserts and deletes only, same target");
                for (int i = 0; i < 8; i++) {
                    for (Map<String, Object> key : chosen) {
                        int found = (i < 2 ? new Timer("warm-up") : now).time(() -> audit.history("target", key)).size();
                        if (found < 1) {
                            throw new IllegalStateException("no history for " + key);
                        }
                        if (layout.equals("object")) {
                            String keyJson = new tools.jackson.databind.json.JsonMapper().writeValueAsString(key);
                            (i < 2 ? new Timer("warm-up") : before).time(() -> jdbc.sql(BEFORE).param("key", keyJson)
                                    .param("group", "{\"plan_id\": " + key.get("plan_id") + "}").query(Long.class).single());
                        }
                    }
                }
                System.out.println(now.report());
                if (layout.equals("object")) {
                    System.out.println(before.report());
                }
            }
        } finally {
            ctx.getBean(Plans.class).delete(r.planId());
        }
    }
}
