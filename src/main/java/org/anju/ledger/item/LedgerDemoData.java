package org.anju.ledger.item;

import org.anju.platform.ChinaTime;
import org.anju.account.Access;
import org.anju.account.Actor;
import org.anju.account.DemoUsers;
import org.anju.region.Regions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;

/**
 * Demo (演示数据): a few items of every kind in 章贡区 (赣州市), so the pages are not empty — one overdue, one awaiting
 * 销号 by the city — with the 责任单位 章贡区财政局, 解放街道办事处 and 赣州城投集团 (名称为演示), and the demo account
 * zg_czj linked to 章贡区财政局. Titles say 演示; no value is presented as a real case. Loaded once.
 */
@Component
@ConditionalOnProperty(name = "anju.demo.enabled", havingValue = "true", matchIfMissing = true)
class LedgerDemoData implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(LedgerDemoData.class);
    static final String REGION = "360702";

    private final Ledger ledger;
    private final Regions regions;
    private final JdbcClient jdbc;
    private final DemoUsers users;

    private final org.anju.platform.ClusterOnce once;

    LedgerDemoData(Ledger ledger, Regions regions, JdbcClient jdbc, DemoUsers users, org.anju.platform.ClusterOnce once) {
        this.once = once;
        this.ledger = ledger;
        this.regions = regions;
        this.jdbc = jdbc;
        this.users = users;
    }

    @Override
    public void run(ApplicationArguments args) {
        // two nodes started together on a new database both loaded: one at a time, the second finds it loaded
        once.run(org.anju.platform.ClusterOnce.DEMO_DATA, this::loadDemo);
    }

    private void loadDemo() {
        if (jdbc.sql("select exists (select 1 from ledger_unit u join region g on g.id = u.region_id where g.code = ?)")
                .param(REGION).query(Boolean.class).single()) {
            return;
        }
        Access.runAs(Actor.system(regions.root()), () -> {
            users.ensure("zg_czj");
            Unit finance = ledger.addUnit(REGION, "章贡区财政局", UnitKind.GOVERNMENT);
            Unit street = ledger.addUnit(REGION, "解放街道办事处", UnitKind.GOVERNMENT);
            Unit investment = ledger.addUnit(REGION, "赣州城投集团", UnitKind.STATE_ENTERPRISE);
            ledger.linkAccount("zg_czj", finance.id());
            LocalDate today = ChinaTime.today();
            long overdue = ledger.create(new NewItem("AUDIT", REGION, "公租房租金收缴不及时（演示）", Map.of("source", "赣州市审计局（演示）",
                    "category", "住房保障资金管理", "amount", "12.5", "rectify_type", "分阶段整改"), finance.id(), "分管副局长",
                    "逐户催缴，建立欠租台账", today.minusDays(10), null, null, null, null, null));
            ledger.progress(overdue, 0, "已向欠租户发出催缴通知（演示）", today.minusDays(20), List.of(new Upload("催缴通知（演示）.txt",
                    "text/plain", "演示证明材料".getBytes(StandardCharsets.UTF_8))));
            long applied = ledger.create(new NewItem("AUDIT", REGION, "专项资金拨付滞后（演示）", Map.of("source", "赣州市审计局（演示）",
                    "category", "专项资金管理使用", "rectify_type", "立行立改", "disbursed", "30"), finance.id(), "局长", "当月拨付到位",
                    today.plusDays(20), null, null, null, null, null));
            ledger.progress(applied, 0, "资金已拨付（演示）", today, List.of());
            ledger.apply(applied, 1, "已整改（演示）");
            ledger.create(new NewItem("PETITION", REGION, "反映公租房小区漏水（演示）", Map.of("channel", "12345热线",
                    "received_on", today.minusDays(12).toString(), "accepted_on", today.minusDays(10).toString(),
                    "content", "顶楼漏水（演示）", "purpose", "求决", "letter_type", "投诉"), street.id(), "街道办主任", null,
                    null, null, null, null, "演示信访人", "13800000000"));
            ledger.create(new NewItem("OVERDUE_RESETTLEMENT", REGION, "某棚改项目逾期未回迁（演示）", Map.of("category", "在建项目",
                    "project_info", "演示项目", "households", "120", "problem", "配套设施未完成（演示）",
                    "promised_on", today.minusMonths(18).toString(), "transition_fee", "800"), investment.id(), "项目负责人",
                    "加快配套建设", today.plusDays(25), null, null, null, null, null));
            ledger.create(new NewItem("LATE_DELIVERY", REGION, "某安置房逾期交付（演示）", Map.of("project", "演示安置小区",
                    "housing_type", "棚改安置房", "dwellings", "200", "contract_on", today.minusMonths(6).toString()),
                    investment.id(), null, null, today.plusMonths(3), null, null, null, null, null));
            ledger.create(new NewItem("DANGEROUS_BUILDING", REGION, "某老旧住宅楼D级危房（演示）", Map.of("building", "演示小区3栋",
                    "address", "章贡区（演示地址）", "grade", "D级", "buildings", "1", "dwellings", "24", "occupants", "18",
                    "no_other_housing", "3", "measure", "撤离"), street.id(), null, null, today.plusMonths(2), null, null, null,
                    null, null));
            log.info("演示数据：已载入章贡区的台账事项");
            return null;
        });
    }
}
