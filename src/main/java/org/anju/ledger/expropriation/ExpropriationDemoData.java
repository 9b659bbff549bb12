package org.anju.ledger.expropriation;

import org.anju.account.Access;
import org.anju.account.Actor;
import org.anju.region.Regions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * Demo: one 旧城区改建 project of 章贡区 (演示, not a real project) through every step of the regulation, with 20
 * households in mixed states (签约, 腾空, 未签约, 补偿决定, 强制执行), synthetic names and ID numbers, and a reward scheme
 * borrowing the tiers of the real 舟山普陀 scheme (resources/ledger/expropriation/demo-scheme.tsv says so). Its gate
 * (80 %) borrows 杭州's 2019 rule to show a missed 签约比例; its source says it is a demo.
 */
@Component
@ConditionalOnProperty(name = "anju.demo.enabled", havingValue = "true", matchIfMissing = true)
class ExpropriationDemoData implements ApplicationRunner {

    static final String NAME = "健康路片区旧城区改建项目（演示）";
    private static final Logger log = LoggerFactory.getLogger(ExpropriationDemoData.class);
    private static final String SURNAMES = "赵钱孙李周吴郑王冯陈褚卫蒋沈韩杨朱秦尤许";

    private final Expropriations expropriations;
    private final Regions regions;
    private final JdbcClient jdbc;

    private final org.anju.platform.ClusterOnce once;

    ExpropriationDemoData(Expropriations expropriations, Regions regions, JdbcClient jdbc,
                          org.anju.platform.ClusterOnce once) {
        this.once = once;
        this.expropriations = expropriations;
        this.regions = regions;
        this.jdbc = jdbc;
    }

    @Override
    public void run(ApplicationArguments args) {
        // two nodes started together on a new database both loaded: one at a time, the second finds it loaded
        once.run(org.anju.platform.ClusterOnce.DEMO_DATA, this::loadDemo);
    }

    private void loadDemo() {
        if (regions.byCode("360702").isEmpty() || jdbc.sql("select exists(select 1 from ledger_expro_project where name = :n)")
                .param("n", NAME).query(Boolean.class).single()) {
            return;
        }
        Access.runAs(Actor.system(regions.root()), () -> {
            load();
            return null;
        });
        log.info("演示数据：已载入章贡区房屋征收演示项目（20 户）");
    }

    private void load() {
        long id = expropriations.create(new ProjectForm("360702", NAME, "旧城区改建", 20, new BigDecimal("1650.4"),
                "START_NEXT_DAY", 10, 10, new BigDecimal("80"), "补偿协议不生效，房屋征收决定效力终止",
                "演示：借用杭州市《关于明确国有土地上旧城区改建征收项目签约比例的通知》（2019）的比例")).id();
        step(id, "PLAN_PUBLISHED", "2025-03-01", "2025-03-31", null, null, null);
        step(id, "COMMENTS_PUBLISHED", "2025-04-03", null, null, "收到意见 12 条，已据此修改方案", false);
        step(id, "RISK_ASSESSMENT", "2025-04-05", null, null, "低风险", null);
        step(id, "FUNDS", "2025-04-06", null, "章贡区房屋征收补偿资金专户（演示）", null, null);
        step(id, "DECISION", "2025-04-10", "2025-04-11", "章府征字〔2025〕1号（演示）", null, null);
        step(id, "SURVEY_PUBLISHED", "2025-04-15", null, null, null, null);
        step(id, "VALUER_CHOSEN", "2025-04-16", null, "某房地产估价有限公司（演示）", "协商选定", null);
        step(id, "SIGNING_PERIOD", "2025-04-20", "2025-05-19", null, null, null);
        expropriations.uploadScheme(id, "demo-scheme.tsv", read("ledger/expropriation/demo-scheme.tsv"));
        for (int i = 1; i <= 20; i++) {
            boolean shop = i % 7 == 0;
            BigDecimal area = new BigDecimal(45 + (i * 7) % 50 + ".5");
            long h = expropriations.addHousehold(id, new HouseholdForm(String.format("JK-%03d", i),
                    SURNAMES.charAt(i - 1) + "演示" + (char) ('一' + i), syntheticId("36070219600101" + (300 + i)),
                    "章贡区健康路" + i + "号", i == 16 ? null : "赣市房权证章字第" + (20000 + i) + "号", area,
                    shop ? "非住宅" : "住宅", i == 16 ? "未登记" : "合法"));
            BigDecimal value = area.multiply(new BigDecimal("9800")).setScale(0, java.math.RoundingMode.HALF_UP);
            int v = 0;
            if (i != 16) {
                expropriations.valuation(h, new ValuationForm(value, LocalDate.of(2025, 4, 25), null, null, null, v++));
            }
            LocalDate signed = i <= 9 ? LocalDate.of(2025, 4, 18).plusDays(i * 3 / 2) : i <= 14 ? LocalDate.of(2025, 5, i) : null;
            if (signed != null) {
                boolean swap = i % 3 == 0;
                expropriations.agree(h, new AgreementForm(signed, swap ? "产权调换" : "货币补偿", swap ? BigDecimal.ZERO : value,
                        signed.plusDays(30), swap ? "健康路安置小区" + i + "栋" : null, swap ? area.add(BigDecimal.TEN) : null,
                        swap ? new BigDecimal("30000") : null, new BigDecimal("2000"), swap ? new BigDecimal("24000") : null, null,
                        shop ? new BigDecimal("15000") : null, signed.plusDays(20), swap ? "自行过渡" : null,
                        swap ? LocalDate.of(2027, 6, 30) : null, v++));
                if (i <= 9) {
                    expropriations.vacate(h, signed.plusDays(10), v++);
                }
            } else if (i >= 17) {
                expropriations.decide(h, LocalDate.of(2025, 5, 26), "章府征补字〔2025〕" + (i - 16) + "号（演示）",
                        LocalDate.of(2025, 6, 20), v++);
                if (i == 19) {
                    expropriations.enforce(h, LocalDate.of(2025, 7, 1), true, v++);
                } else if (i == 20) {
                    expropriations.vacate(h, LocalDate.of(2025, 6, 15), v++);
                }
            }
        }
    }

    private void step(long id, String stage, String on, String second, String doc, String note, Boolean flag) {
        int version = expropriations.project(id).version();
        expropriations.recordStep(id, new StepForm(stage, LocalDate.parse(on), second == null ? null : LocalDate.parse(second),
                doc, note, flag, version));
    }

    /** A synthetic 身份证号 (GB 11643-1999 check character) for demo owners: names nobody. */
    static String syntheticId(String first17) {
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            sum += (first17.charAt(i) - '0') * (1 << (17 - i)) % 11;
        }
        int value = (12 - sum % 11) % 11;
        return first17 + (value == 10 ? 'X' : (char) ('0' + value));
    }

    private static byte[] read(String path) {
        try (InputStream in = new ClassPathResource(path).getInputStream()) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
