package org.anju.bench;

import org.anju.AnjuApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * 审计日志 search (issue 14) on a big audit_log: {@value #ROWS} entries over two years by actors of every county,
 * then the page's two statements (the count and the newest 20) of {@link org.anju.account.AuditTrail#search} under
 * EXPLAIN ANALYZE for each filter — with the indexes of V0_4__audit_search_indexes and, in a rolled-back transaction,
 * without them. Prints each plan's top line and execution time. Run with
 * {@code ./mvnw -q -Pbench verify -Dbench=AuditBench}.
 */
public final class AuditBench {

    static final int ROWS = 1_000_000;

    static final String WHERE = """
            from audit_log l
            where l.actor_region in (select r.code from region r
                                     join region_ancestor a on a.region_id = r.id and a.ancestor_id = %s)
              and %s""";

    public static void main(String[] args) {
        try (ConfigurableApplicationContext ctx = new SpringApplicationBuilder(AnjuApplication.class)
                .web(WebApplicationType.NONE).profiles("test")
                .properties("anju.demo.enabled=false", "logging.level.root=WARN", "logging.level.io.zonky=ERROR")
                .run()) {
            JdbcClient jdbc = ctx.getBean(JdbcClient.class);
            TransactionTemplate tx = new TransactionTemplate(ctx.getBean(PlatformTransactionManager.class));
            long t0 = System.nanoTime();
            tx.executeWithoutResult(s -> {
                jdbc.sql("""
                        create temporary table bench_county on commit drop as
                        select row_number() over (order by id) as n, code from region where kind = 'COUNTY'""").update();
                int counties = jdbc.sql("select count(*) from bench_county").query(Integer.class).single();
                jdbc.sql("""
                        insert into audit_log (at, actor, actor_name, actor_region, via, table_name, row_key, op, old, new, tx_id)
                        select timestamptz '2024-01-01 00:00+08' + i * interval '63 seconds',
                               'user' || (i % 5000), '用户' || (i % 5000), c.code,
                               (array['UI','API','IMPORT','CLI','SYSTEM'])[1 + i % 5],
                               (array['report','project','ledger_item','target','users','report_value','lease','application',
                                      'subsidy','bulletin_draft','plan','region','progress','notice','stock','calendar',
                                      'household','payment','inspection','rectification'])[1 + (i * 7) % 20],
                               jsonb_build_object('id', i),
                               (array['INSERT','UPDATE','UPDATE','DELETE'])[1 + i % 4],
                               json_build_object('id', i, 'v', i % 97), json_build_object('id', i, 'v', i % 89), i / 3
                          from generate_series(1, :n) i
                          join bench_county c on c.n = 1 + (i * 2654435761 % :counties)""")
                        .param("n", ROWS).param("counties", counties).update();
            });
            jdbc.sql("analyze audit_log").update();
            System.out.printf("audit_log: %,d rows loaded in %.1f s%n", ROWS, (System.nanoTime() - t0) / 1e9);
            int nation = jdbc.sql("select id from region where kind = 'NATION'").query(Integer.class).single();
            int province = jdbc.sql("select id from region where kind = 'PROVINCE' and name like '江西%'").query(Integer.class).single();
            Map<String, String> filters = new LinkedHashMap<>();
            filters.put("无筛选", "true");
            filters.put("表 report", "l.table_name = 'report'");
            filters.put("表 rectification（罕见）", "l.table_name = 'rectification' and l.at < timestamptz '2024-02-01'");
            filters.put("时间 一周", "l.at >= timestamptz '2025-06-01 00:00+08' and l.at < timestamptz '2025-06-08 00:00+08'");
            filters.put("表 + 一天", "l.table_name = 'project' and l.at >= timestamptz '2025-06-01 00:00+08'"
                    + " and l.at < timestamptz '2025-06-02 00:00+08'");
            filters.put("操作 DELETE + 方式 CLI", "l.op = 'DELETE' and l.via = 'CLI'");
            filters.put("操作人 user42", "(l.actor = 'user42' or l.actor_name like '%user42%')");
            for (boolean indexes : List.of(true, false)) {
                tx.executeWithoutResult(s -> {
                    if (!indexes) {
                        jdbc.sql("drop index audit_log_table").update();
                        jdbc.sql("drop index audit_log_at").update();
                    }
                    System.out.println(indexes ? "— with V0_4's indexes" : "— without them (V0_3)");
                    for (var scope : Map.of("全国", nation, "江西省", province).entrySet()) {
                        for (var f : filters.entrySet()) {
                            String where = WHERE.formatted(scope.getValue(), f.getValue());
                            String count = explain(jdbc, "select count(*) " + where);
                            String page = explain(jdbc, "select l.* " + where + " order by l.id desc limit 20");
                            String capped = explain(jdbc, "select count(*) from (select 1 " + where + " limit 10001) c");
                            System.out.printf("%s %-24s count %s | capped count %s | page %s%n", scope.getKey(), f.getKey(),
                                    count, capped, page);
                        }
                    }
                    s.setRollbackOnly();
                });
            }
        }
    }

    /** The execution time and the plan's main scan. */
    static String explain(JdbcClient jdbc, String sql) {
        List<String> plan = jdbc.sql("explain (analyze, buffers) " + sql).query(String.class).list();
        String time = plan.stream().filter(l -> l.startsWith("Execution Time")).findFirst().orElse("?")
                .replace("Execution Time: ", "");
        String scan = plan.stream().filter(l -> l.contains("on audit_log")).map(l -> l.strip().replaceAll("\\s*\\(cost.*", ""))
                .findFirst().orElse("?");
        return time + " [" + scan.replace("->  ", "") + "]";
    }
}
