package org.anju;

import org.anju.account.Access;
import org.anju.account.Actor;
import org.anju.account.Channel;
import org.anju.account.Role;
import org.anju.bulletin.BulletinDraft;
import org.anju.bulletin.BulletinDrafts;
import org.anju.bulletin.IssuedBulletin;
import org.anju.ledger.identification.Checklists;
import org.anju.ledger.identification.Evidence;
import org.anju.ledger.identification.Identifications;
import org.anju.ledger.item.EvidenceFile;
import org.anju.ledger.item.Ledger;
import org.anju.ledger.item.NewItem;
import org.anju.ledger.item.Unit;
import org.anju.ledger.item.UnitKind;
import org.anju.ledger.item.Upload;
import org.anju.platform.ChinaTime;
import org.anju.platform.Conflict;
import org.anju.privacy.SyntheticIds;
import org.anju.project.Project;
import org.anju.project.Projects;
import org.anju.region.Regions;
import org.anju.rental.allocation.RoundView;
import org.anju.rental.allocation.Rounds;
import org.anju.rental.application.CityRules;
import org.anju.rental.application.RuleFile;
import org.anju.rental.application.TestRuleFiles;
import org.anju.rental.household.Guarantee;
import org.anju.rental.household.HouseholdForm;
import org.anju.rental.household.Households;
import org.anju.rental.stock.Dwelling;
import org.anju.rental.stock.Estate;
import org.anju.rental.stock.Programme;
import org.anju.rental.stock.Stock;
import org.anju.rental.stock.StockStatus;
import org.anju.rental.subsidy.Subsidies;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.MockMvc;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The same request twice (double-submit trial of 2026-12-04): a double-click or a retry racing the original — two
 * threads released at once — gets the answer a later repeat gets (one stored, the other the feature's own Conflict),
 * never the unique index's generic refusal nor a second row; 签发 sent again after Back shows what was issued.
 */
@AnjuTest
@AutoConfigureMockMvc
@TestPropertySource(properties = "anju.test.database=double_submit")
class DoubleSubmitTest {

    /** How many pairs each race test sends: one pair may happen not to overlap, so several are sent. */
    static final int PAIRS = 4;

    @Autowired
    Ledger ledger;
    @Autowired
    Subsidies subsidies;
    @Autowired
    Projects projects;
    @Autowired
    Rounds rounds;
    @Autowired
    Households households;
    @Autowired
    Stock stock;
    @Autowired
    CityRules cityRules;
    @Autowired
    Checklists checklists;
    @Autowired
    Identifications identifications;
    @Autowired
    BulletinDrafts bulletinDrafts;
    @Autowired
    Regions regions;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    MockMvc mvc;

    Actor actor(String username, String region, Role role) {
        return new Actor(username, username, regions.byCode(region).orElseThrow(), EnumSet.of(role), Channel.UI, false);
    }

    <T> T as(Actor a, Supplier<T> work) {
        return Access.runAs(a, work);
    }

    /** What one of the twins got: its result, or what it threw. */
    record Outcome(Object result, Throwable refused) {
    }

    /** Sends {@code work} twice at once as {@code who}: two threads waiting at a latch, released together. */
    List<Outcome> twins(Actor who, Supplier<?> work) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            CountDownLatch ready = new CountDownLatch(2);
            CountDownLatch go = new CountDownLatch(1);
            List<Future<Outcome>> futures = new ArrayList<>();
            for (int k = 0; k < 2; k++) {
                futures.add(pool.submit(() -> {
                    ready.countDown();
                    go.await();
                    try {
                        return new Outcome(Access.runAs(who, work), null);
                    } catch (RuntimeException e) {
                        return new Outcome(null, e);
                    }
                }));
            }
            assertThat(ready.await(10, TimeUnit.SECONDS)).isTrue();
            go.countDown();
            List<Outcome> outcomes = new ArrayList<>();
            for (Future<Outcome> f : futures) {
                outcomes.add(f.get(60, TimeUnit.SECONDS));
            }
            return outcomes;
        } finally {
            pool.shutdownNow();
        }
    }

    /** One of the twins stored, the other refused as a Conflict whose message contains {@code refusal}. */
    static void oneStoredOneRefused(List<Outcome> outcomes, String refusal) {
        assertThat(outcomes).filteredOn(o -> o.refused() == null).as("stored once").hasSize(1);
        assertThat(outcomes).filteredOn(o -> o.refused() != null).singleElement().satisfies(o ->
                assertThat(o.refused()).as("the repeat's own refusal, not the unique index's").isInstanceOf(Conflict.class)
                        .hasMessageContaining(refusal));
    }

    // ---- defect 13: a parallel duplicate gets the feature's own Conflict -----------------------------------

    @Test
    void twoUnitsAddedAtOnceStoreOneAndTheOtherIsToldWhy() throws Exception {
        Actor admin = actor("ds_zg_admin", "360702", Role.COUNTY_ADMIN);
        for (int k = 0; k < PAIRS; k++) {
            String name = "双击测试责任单位" + k;
            oneStoredOneRefused(twins(admin, () -> ledger.addUnit("360702", name, UnitKind.GOVERNMENT)),
                    "章贡区已有责任单位“" + name + "”");
        }
    }

    @Test
    void twoSubsidyParametersUploadedAtOnceStoreOneAndTheOtherNamesIt() throws Exception {
        Actor admin = actor("ds_yz_admin", "500103", Role.COUNTY_ADMIN);
        String file = resource("/rental/subsidy/500103.tsv") + "发放周期\t按月\n不足月\t按日折算\n";
        for (int k = 0; k < PAIRS; k++) {
            LocalDate from = LocalDate.of(2025, k + 1, 1);
            List<Outcome> outcomes = twins(admin, () -> subsidies.uploadParameters("500103", from, "500103.tsv", file));
            oneStoredOneRefused(outcomes, "起施行的补贴参数（第 ");
            assertThat(outcomes).filteredOn(o -> o.refused() != null).singleElement().satisfies(o ->
                    assertThat(o.refused()).hasMessageContaining("参数只增不改"));
        }
    }

    @Test
    void twoProjectsSavedAtOnceStoreOneAndTheOtherIsToldWhy() throws Exception {
        Actor system = Actor.system(regions.root());
        for (int k = 0; k < PAIRS; k++) {
            String name = "双击测试项目" + k;
            oneStoredOneRefused(twins(system, () -> projects.save(new Project(null, "620725", null, "AFFORDABLE_RENTAL", 2027,
                    name, null, BigDecimal.valueOf(80), null, null, null, null, BigDecimal.valueOf(800), null, null, null,
                    null, null, null, 0))), "2027 年已有同名项目：" + name);
        }
    }

    // ---- defect 4: two 开始批次 at once ----------------------------------------------------------------------

    int serial = 1;
    static final List<String> NAMES = List.of("赵甲", "钱乙", "孙丙", "李丁", "周戊", "吴己");

    @Test
    void twoRoundsOpenedAtOnceOnTheSameDwellingsPublishOne() throws Exception {
        Actor system = Actor.system(regions.root());
        Actor reviewer = actor("ds_jf_reviewer", "360702001000", Role.TOWN_REVIEWER);
        Actor office = actor("ds_zg_housing", "360702", Role.HOUSING_OFFICE);
        TestRuleFiles.upload(cityRules, regions, "360700", RuleFile.Kind.WAITING, "rental/waiting-samples/360700-test.tsv");
        long estate = as(system, () -> stock.saveEstate(Estate.of("360702", "双击测试小区", null, Programme.PUBLIC_RENTAL,
                null, null)).id());
        for (int k = 0; k < PAIRS; k++) {
            as(system, () -> {
                String id = SyntheticIds.number("360702", "19800101", serial++);
                long h = as(reviewer, () -> households.register(new HouseholdForm("360702001000", null, null,
                        List.of(new HouseholdForm.MemberForm(NAMES.get(serial % NAMES.size()), id, "本人", "10000", true, true, null)), List.of(),
                        new BigDecimal("8"), 6, null, null, false, null, null)));
                return households.qualify(h, Guarantee.PUBLIC_RENTAL, LocalDate.of(2023, 1, 10));
            });
        }
        for (int k = 0; k < PAIRS; k++) {
            String room = "90" + k;
            Dwelling d = as(system, () -> stock.add(new Stock.NewDwelling(estate, "1号楼", "1", room, null, 3,
                    new BigDecimal("50"), null, "一室一厅", null, null, StockStatus.VACANT)));
            String name = "双击测试批次" + k;
            List<Outcome> outcomes = twins(office, () -> rounds.open(new Rounds.Opening("360702", name, List.of(d.id()), null,
                    1, "福利彩票3D开奖号码", ChinaTime.today().plusDays(1))));
            oneStoredOneRefused(outcomes, "已在另一个尚未结束的配租批次中");
            assertThat(jdbc.sql("select count(*) from rental_round where name = ?").param(name).query(Integer.class).single())
                    .isEqualTo(1);
            assertThat(outcomes).filteredOn(o -> o.refused() == null).singleElement()
                    .satisfies(o -> assertThat(((RoundView) o.result()).name()).isEqualTo(name));
        }
    }

    static String resource(String path) {
        try (InputStream in = DoubleSubmitTest.class.getResourceAsStream(path)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
