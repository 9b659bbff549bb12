package org.anju.rental.allocation;

import org.anju.platform.ChinaTime;
import org.anju.AnjuTest;
import org.anju.account.Access;
import org.anju.account.Actor;
import org.anju.account.AuditEntry;
import org.anju.account.AuditTrail;
import org.anju.account.Channel;
import org.anju.account.Role;
import org.anju.cli.Cli;
import org.anju.platform.BadInput;
import org.anju.platform.Conflict;
import org.anju.platform.Denied;
import org.anju.privacy.SyntheticIds;
import org.anju.region.Regions;
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
import org.anju.rental.waiting.WaitingEntry;
import org.anju.rental.waiting.PublicLookups;
import org.anju.rental.waiting.WaitingList;
import org.anju.rental.waiting.WaitingPage;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.MockMvc;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The waiting list and a full allocation round through the services on the real database: 章贡区 (赣州市, whose test
 * rules — 未核实, uploaded here as the city would — put 特困, 低保, 残疾, 优抚 first, draw by lottery and strike a household off after more than one
 * refusal), OPERATIONS.md §11 scenarios 13–15 persisted, the public pages masked, the published draw re-verified with
 * {@code rental draw verify} from the published file.
 */
@AnjuTest
@AutoConfigureMockMvc
@TestPropertySource(properties = "anju.test.database=rounds")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@org.junit.jupiter.api.TestMethodOrder(org.junit.jupiter.api.MethodOrderer.OrderAnnotation.class)
class RoundsTest {

    static final String STREET = "360702001000";   // 解放街道, 章贡区
    static final String COUNTY = "360702";
    /** The address the service-level public lookups come from (the page's come from MockMvc's 127.0.0.1). */
    static final String HERE = "192.0.2.50";

    @Autowired
    AuditTrail audit;
    @Autowired
    Households households;
    @Autowired
    WaitingList waiting;
    @Autowired
    PublicLookups lookups;
    @Autowired
    Rounds rounds;
    @Autowired
    Allocations allocations;
    @Autowired
    Stock stock;
    @Autowired
    Regions regions;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    MockMvc mvc;
    @Autowired
    CityRules cityRules;

    Actor reviewer;
    Actor office;
    Actor countyAdmin;
    int serial = 1;
    /** Certificate number → [name, ID number] in plaintext, to prove the public pages never show them. */
    final Map<String, String[]> people = new LinkedHashMap<>();
    final Map<String, Long> ids = new LinkedHashMap<>();
    final Map<String, String> labels = new LinkedHashMap<>();
    long estate;

    Actor actor(String username, String region, Role role) {
        return new Actor(username, username, regions.byCode(region).orElseThrow(), EnumSet.of(role), Channel.UI, false);
    }

    <T> T as(Actor a, Supplier<T> work) {
        return Access.runAs(a, work);
    }

    /** Registers and qualifies a household; returns its 资格证号. */
    String household(String label, String name, String group, Guarantee guarantee, LocalDate qualified) {
        String id = SyntheticIds.number("360702", "19800101", serial++);
        List<HouseholdForm.GroupForm> groups = group == null ? List.of() : List.of(new HouseholdForm.GroupForm(group, null));
        long h = as(reviewer, () -> households.register(new HouseholdForm(STREET, null, null,
                List.of(new HouseholdForm.MemberForm(name, id, "本人", "10000", true, true, null)), groups,
                new BigDecimal("8"), 6, null, null, false, null, null)));
        String certificate = households.qualify(h, guarantee, qualified);
        people.put(certificate, new String[]{name, id});
        ids.put(label, h);
        labels.put(certificate, label);
        return certificate;
    }

    String a, b, c, d, e, f;

    @BeforeAll
    void households() {
        reviewer = actor("jf_reviewer", STREET, Role.TOWN_REVIEWER);
        office = actor("zg_housing", COUNTY, Role.HOUSING_OFFICE);
        countyAdmin = actor("zg_admin", COUNTY, Role.COUNTY_ADMIN);
        TestRuleFiles.upload(cityRules, regions, "360700", RuleFile.Kind.WAITING, "rental/waiting-samples/360700-test.tsv");
        Access.runAs(Actor.system(regions.root()), () -> {
            a = household("A", "赵低保", "低保", Guarantee.PUBLIC_RENTAL, LocalDate.of(2023, 1, 10));
            b = household("B", "钱普通", null, Guarantee.PUBLIC_RENTAL, LocalDate.of(2022, 5, 1));
            c = household("C", "孙特困", "特困", Guarantee.PUBLIC_RENTAL, LocalDate.of(2024, 2, 1));
            d = household("D", "李普通", null, Guarantee.PUBLIC_RENTAL, LocalDate.of(2023, 6, 1));
            e = household("E", "周残疾", "残疾", Guarantee.PUBLIC_RENTAL, LocalDate.of(2021, 1, 1));
            f = household("F", "吴补贴", null, Guarantee.SUBSIDY, LocalDate.of(2020, 1, 1));
            estate = stock.saveEstate(Estate.of(COUNTY, "轮候测试小区", null, Programme.PUBLIC_RENTAL, null, null)).id();
            return null;
        });
    }

    Dwelling dwelling(String room, StockStatus status) {
        return Access.runAs(Actor.system(regions.root()), () -> stock.add(new Stock.NewDwelling(estate, "1号楼", "1", room,
                null, 3, new BigDecimal("50"), null, "一室一厅", null, null, status)));
    }

    @Test
    @org.junit.jupiter.api.Order(1)
    void theListFollowsTheCitysPriorityGroupsThenTheDateAndAHouseholdFindsItsOwnPlace() {
        WaitingPage county = as(office, () -> waiting.page(COUNTY, null, 0));
        List<String> order = county.entries().stream().map(WaitingEntry::certificateNo)
                .filter(people::containsKey).toList();
        // 特困, 低保, 残疾 in the city's order, then the others by 资格证 date; the 租赁补贴 household is not on it
        assertThat(order.subList(0, 5)).containsExactly(c, a, e, b, d);
        assertThat(order).doesNotContain(f);
        assertThat(county.entries().getFirst().priorityGroup()).isEqualTo("特困");
        assertThat(county.entries().getFirst().name()).isEqualTo("孙**").isNotEqualTo("孙特困");
        assertThat(county.rules().verified()).isFalse();
        // E qualified 2021-01-01: more than the 12 months of 复核周期 ago
        assertThat(county.entries().stream().filter(x -> x.certificateNo().equals(e)).findFirst().orElseThrow().recheckDue())
                .isTrue();
        // the city's list orders the same households the same way
        WaitingPage city = as(actor("gz_admin", "360700", Role.CITY_ADMIN), () -> waiting.page("360700", null, 0));
        assertThat(city.entries().stream().map(WaitingEntry::certificateNo).filter(people::containsKey).toList().subList(0, 5))
                .containsExactly(c, a, e, b, d);
        // search by 资格证号: the one household with its position
        WaitingPage found = as(office, () -> waiting.page(COUNTY, b, 0));
        assertThat(found.entries()).singleElement().satisfies(x -> {
            assertThat(x.certificateNo()).isEqualTo(b);
            assertThat(x.position()).isEqualTo(order.indexOf(b) + 1);
        });

        // the public lookup: 资格证号 + full ID number of a member, matched by blind index
        WaitingList.Standing s = lookups.lookup(b, people.get(b)[1], HERE);
        assertThat(s.status()).isEqualTo("轮候中");
        assertThat(s.position()).isEqualTo(order.indexOf(b) + 1);
        assertThat(s.name()).isEqualTo("钱**");
        assertThat(s.idNumber()).doesNotContain(people.get(b)[1].substring(6, 14));
        assertThat(lookups.lookup(f, people.get(f)[1], HERE).status()).contains("租赁补贴");
        // a wrong ID number and an unknown certificate get the same answer
        assertThatThrownBy(() -> lookups.lookup(b, people.get(a)[1], HERE)).isInstanceOf(BadInput.class)
                .hasMessageStartingWith("没有找到资格证号与身份证号相符的家庭");
        assertThatThrownBy(() -> lookups.lookup("360700209999999", people.get(a)[1], HERE)).isInstanceOf(BadInput.class)
                .hasMessageStartingWith("没有找到资格证号与身份证号相符的家庭");
        assertThatThrownBy(() -> lookups.lookup(b, "1234", HERE)).isInstanceOf(BadInput.class).hasMessageContaining("身份证号");

        // the order kept between pages (WaitingOrders) follows a change at once: a household qualified now, earlier
        // than B by its 资格证 date and in no group, is on the very next page read, in B's place, and B one further down
        int bWas = order.indexOf(b) + 1;
        String g = Access.runAs(Actor.system(regions.root()),
                () -> household("G", "郑新增", null, Guarantee.PUBLIC_RENTAL, LocalDate.of(2020, 3, 1)));
        WaitingPage after = as(office, () -> waiting.page(COUNTY, null, 0));
        assertThat(after.total()).isEqualTo(county.total() + 1);
        assertThat(as(office, () -> waiting.page(COUNTY, g, 0)).entries().getFirst().position()).isEqualTo(bWas);
        assertThat(as(office, () -> waiting.page(COUNTY, b, 0)).entries().getFirst().position()).isEqualTo(bWas + 1);
        assertThat(lookups.lookup(b, people.get(b)[1], HERE).position()).isEqualTo(bWas + 1);
    }

    @Test
    @org.junit.jupiter.api.Order(3)
    void refusalsAndBadInput() {
        // a city without rules: a clear refusal saying what to configure, no order invented
        assertThatThrownBy(() -> waiting.page("620700", null, 0)).isInstanceOf(Conflict.class)
                .hasMessageContaining("张掖市尚未上传").hasMessageContaining("有效的公租房轮候规则")
                .hasMessageContaining("在“公租房规则”页（/rental/rules）选择“轮候规则”上传")
                .hasMessageContaining("排序（优先群体+资格日期 或 评分）");
        assertThatThrownBy(() -> waiting.page(STREET, null, 0)).isInstanceOf(BadInput.class)
                .hasMessageContaining("请选择一个市或区县");
        assertThatThrownBy(() -> waiting.page(COUNTY, "资格证", 0)).isInstanceOf(BadInput.class)
                .hasMessageContaining("资格证号“资格证”不对");
        assertThatThrownBy(() -> waiting.page(COUNTY, null, -1)).isInstanceOf(BadInput.class);
        // another city's administrator does not read 章贡区's list
        assertThatThrownBy(() -> as(actor("sr_admin", "361100", Role.CITY_ADMIN), () -> waiting.page(COUNTY, null, 0)))
                .isInstanceOf(RuntimeException.class).hasMessageContaining("章贡区");
        // a street reviewer does not run the county's rounds
        Dwelling v = dwelling("901", StockStatus.VACANT);
        assertThatThrownBy(() -> as(reviewer, () -> rounds.open(new Rounds.Opening(COUNTY, "越权", List.of(v.id()), null, null,
                "某日开奖号码", ChinaTime.today())))).isInstanceOf(Denied.class).hasMessageContaining("不能办理章贡区的公租房配租");
        // an occupied dwelling, an unknown group, a seed day already past
        Dwelling occupied = dwelling("902", StockStatus.OCCUPIED);
        assertThatThrownBy(() -> as(office, () -> rounds.open(new Rounds.Opening(COUNTY, "批次", List.of(occupied.id()), null,
                null, "某日开奖号码", ChinaTime.today())))).isInstanceOf(Conflict.class).hasMessageContaining("只有空置的房源可以配租");
        assertThatThrownBy(() -> as(office, () -> rounds.open(new Rounds.Opening(COUNTY, "批次", List.of(v.id()), "老年",
                null, "某日开奖号码", ChinaTime.today())))).isInstanceOf(BadInput.class).hasMessageContaining("不是赣州市轮候规则中的优先群体");
        assertThatThrownBy(() -> as(office, () -> rounds.open(new Rounds.Opening(COUNTY, "批次", List.of(v.id()), null,
                null, null, null)))).isInstanceOf(BadInput.class).hasMessageContaining("须在公布名单时同时公布随机种子的来源");
        assertThatThrownBy(() -> as(office, () -> rounds.open(new Rounds.Opening(COUNTY, "批次", List.of(v.id()), null,
                null, "某日开奖号码", ChinaTime.today().minusDays(1))))).isInstanceOf(BadInput.class).hasMessageContaining("已过");
        assertThat(jdbc.sql("select count(*) from rental_round where name in ('越权', '批次')").query(Integer.class).single())
                .isZero();
    }

    @Test
    @org.junit.jupiter.api.Order(4)
    void aFullRoundPublishedDrawnVerifiedChosenAndCounted(@TempDir Path dir) throws Exception {
        Dwelling d1 = dwelling("101", StockStatus.VACANT);
        Dwelling d2 = dwelling("102", StockStatus.VACANT);
        List<String> mine = List.of(c, a, e, b, d);
        // the seed is a value known only tomorrow: the list is published before anyone can know it
        RoundView listed = as(office, () -> rounds.open(new Rounds.Opening(COUNTY, "2025年第一批公租房配租",
                List.of(d1.id(), d2.id()), null, null, "福利彩票3D第2025056期开奖号码", ChinaTime.today().plusDays(1))));
        assertThat(listed.status()).isEqualTo("LISTED");
        assertThat(listed.candidates()).extracting(RoundView.Candidate::number).containsAll(mine);
        assertThatThrownBy(() -> as(office, () -> rounds.draw(listed.id(), "123"))).isInstanceOf(Conflict.class)
                .hasMessageContaining("才公布，之前不能摇号");
        // the candidates of an open round are not put into another one
        Dwelling d3 = dwelling("103", StockStatus.VACANT);
        assertThatThrownBy(() -> as(office, () -> rounds.open(new Rounds.Opening(COUNTY, "第二批", List.of(d3.id()), null,
                null, "x", ChinaTime.today())))).isInstanceOf(Conflict.class).hasMessageContaining("没有可参加配租的轮候家庭");

        jdbc.sql("update rental_round set seed_due = :today where id = :id").param("today", ChinaTime.today()).param("id", listed.id()).update(); // the day came
        assertThatThrownBy(() -> as(office, () -> rounds.draw(listed.id(), " 123"))).isInstanceOf(BadInput.class);
        RoundView summary = as(office, () -> rounds.draw(listed.id(), "2025056 3 7 1"));
        // the draw answers with the round's summary; the candidates in their drawn order are the round's own read
        assertThat(summary.candidates()).isEmpty();
        assertThat(summary.resultHash()).isNotNull();
        RoundView drawn = as(office, () -> rounds.round(listed.id()));
        assertThat(summary.candidateCount()).isEqualTo(drawn.candidates().size()).isEqualTo(listed.candidateCount());
        assertThat(summary.verifyCommand()).isEqualTo(drawn.verifyCommand());
        assertThat(drawn.status()).isEqualTo("CHOOSING");
        assertThat(drawn.candidates().stream().filter(x -> "SELECTED".equals(x.state()))).hasSize(2);
        // the draw placed every candidate in one statement, audited as one entry for the round (V0_3); a candidate's
        // history still shows its own row: listed without a place, then placed
        RoundView.Candidate top = drawn.candidates().stream().filter(x -> x.position() == 1).findFirst().orElseThrow();
        List<AuditEntry> history = audit.history("rental_round_candidate",
                Map.of("round_id", drawn.id(), "household_id", top.householdId()));
        assertThat(history).extracting(AuditEntry::op).containsExactly("INSERT", "UPDATE");
        assertThat(history.get(1).before()).containsEntry("state", null).containsEntry("number", top.number());
        assertThat(history.get(1).after()).containsEntry("state", "SELECTED").containsEntry("position", 1)
                .containsEntry("household_id", (int) top.householdId());
        assertThat(jdbc.sql("""
                select count(*) from audit_log where table_name = 'rental_round_candidate' and op = 'UPDATE'
                   and row_key = cast(:key as jsonb)""").param("key", "{\"round_id\": " + drawn.id() + "}")
                .query(Integer.class).single()).isEqualTo(1);
        // such an entry pairs old and new rows by key, so a statement that changes a key is refused, not half recorded
        assertThatThrownBy(() -> jdbc.sql("""
                update rental_round_candidate set household_id = :other where round_id = :round and household_id = :h""")
                .param("other", ids.get("F")).param("round", drawn.id()).param("h", top.householdId()).update())
                .hasMessageContaining("不能用 UPDATE 修改");

        // anyone re-runs the published draw from the published file with the published command
        String file = new String(mvc.perform(get("/public/rental/rounds/" + drawn.id() + "/candidates.txt"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray(), StandardCharsets.UTF_8);
        Path list = Files.writeString(dir.resolve("第" + drawn.id() + "批次候选名单.txt"), file);
        List<String> args = args(drawn.verifyCommand());
        assertThat(args.subList(0, 3)).containsExactly("java", "-jar", "anju.jar");
        List<String> cli = new ArrayList<>(args.subList(3, args.size()));
        cli.set(cli.indexOf("--candidates") + 1, list.toString());
        assertThat(Cli.run(null, cli.toArray(String[]::new))).isEqualTo(Cli.OK);
        // one candidate more in the file, and the published hashes no longer match
        Files.writeString(list, file + "360700202599999\n");
        assertThat(Cli.run(null, cli.toArray(String[]::new))).isEqualTo(Cli.FINDINGS);

        // the public result shows masked names and IDs only, the seed, the hashes and the command
        String page = mvc.perform(get("/public/rental/rounds/" + drawn.id())).andExpect(status().isOk()).andReturn()
                .getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(page).contains(drawn.candidatesHash(), drawn.resultHash(), "2025056 3 7 1", "rental draw verify", "孙*");
        for (String[] p : people.values()) {
            assertThat(page).doesNotContain(p[0], p[1]);
        }

        // 选房 in the drawn order (scenario 13 persisted): the first refuses once (allowed), then again → struck off,
        // the next 候选 moves up
        List<String> order = drawn.candidates().stream().sorted(java.util.Comparator.comparing(RoundView.Candidate::position))
                .map(RoundView.Candidate::number).toList();
        String first = order.get(0);
        String second = order.get(1);
        String third = order.get(2);
        RoundView r1 = as(office, () -> rounds.act(drawn.id(), first, Rounds.Action.REFUSED, null).round());
        assertThat(candidate(r1, first).state()).isEqualTo("SELECTED");
        assertThat(candidate(r1, first).refusals()).isEqualTo(1);
        RoundView r2 = as(office, () -> rounds.act(drawn.id(), first, Rounds.Action.REFUSED, null).round());
        assertThat(candidate(r2, first).state()).isEqualTo("DISQUALIFIED");
        assertThat(candidate(r2, third).state()).isEqualTo("SELECTED");
        assertThat(lookups.lookup(first, people.get(first)[1], HERE).status()).startsWith("已取消轮候资格");
        assertThat(as(office, () -> waiting.page(COUNTY, first, 0)).entries()).isEmpty();
        // the second gives up: the fourth moves up
        RoundView r3 = as(office, () -> rounds.act(drawn.id(), second, Rounds.Action.GAVE_UP, null).round());
        assertThat(candidate(r3, second).state()).isEqualTo("GAVE_UP");
        String fourth = order.get(3);
        assertThat(candidate(r3, fourth).state()).isEqualTo("SELECTED");
        assertThatThrownBy(() -> as(office, () -> rounds.act(drawn.id(), second, Rounds.Action.CHOSE, d1.id())))
                .isInstanceOf(Conflict.class).hasMessageContaining("只有待选房的家庭可以");
        assertThatThrownBy(() -> as(office, () -> rounds.act(drawn.id(), "X1", Rounds.Action.GAVE_UP, null)))
                .isInstanceOf(BadInput.class).hasMessageContaining("不在本批次的候选名单中");
        assertThatThrownBy(() -> as(countyAdmin, () -> rounds.act(drawn.id(), third, Rounds.Action.CHOSE, d3.id())))
                .isInstanceOf(BadInput.class).hasMessageContaining("不在本批次中");

        // choosing changes the dwelling's status, which Stock lets only the county's own accounts do
        Rounds.Acted acted = as(countyAdmin, () -> rounds.act(drawn.id(), third, Rounds.Action.CHOSE, d1.id()));
        assertThat(acted.already()).isNull();
        RoundView r4 = acted.round();
        assertThat(candidate(r4, third).state()).isEqualTo("CHOSE");
        assertThat(stock.dwelling(d1.id()).status()).isEqualTo(StockStatus.ALLOCATED);
        Allocation allocation = allocations.current(ids.get(label(third))).orElseThrow();
        assertThat(allocation.dwellingId()).isEqualTo(d1.id());
        assertThat(allocation.roundId()).isEqualTo(drawn.id());
        assertThat(allocation.allocatedOn()).isEqualTo(LocalDate.now(org.anju.platform.ChinaTime.ZONE));
        // audit M3: the same household's 选房 sent again (a second click, a retried call) is the round as it stands, told
        // as such — not "已被本批次其他家庭选定" about its own first choice — and nothing is registered twice
        String chosenAt = ChinaTime.atSecond(jdbc.sql("select created_at from rental_allocation where dwelling_id = ?")
                .param(d1.id()).query(java.time.OffsetDateTime.class).single());
        int events = r4.events().size();
        Rounds.Acted again = as(countyAdmin, () -> rounds.act(drawn.id(), third, Rounds.Action.CHOSE, d1.id()));
        assertThat(again.already()).isEqualTo("申请编号 " + third + " 已于 " + chosenAt + " 选定房源 " + d1.label()
                + "（本次未重复登记）");
        assertThat(again.round().events()).hasSize(events);
        assertThat(jdbc.sql("select count(*) from rental_allocation where round_id = ?").param(drawn.id())
                .query(Integer.class).single()).isEqualTo(1);
        // another household's choice is named: who chose it and when
        assertThatThrownBy(() -> as(countyAdmin, () -> rounds.act(drawn.id(), fourth, Rounds.Action.CHOSE, d1.id())))
                .isInstanceOf(Conflict.class)
                .hasMessage("房源 " + d1.label() + " 已由申请编号 " + third + " 于 " + chosenAt + " 选定");
        RoundView closed = as(countyAdmin, () -> rounds.act(drawn.id(), fourth, Rounds.Action.CHOSE, d2.id())).round();
        // the repeat of the choice that closed the round is answered as such too, not "该批次已结束"
        String closedAt = ChinaTime.atSecond(jdbc.sql("select created_at from rental_allocation where dwelling_id = ?")
                .param(d2.id()).query(java.time.OffsetDateTime.class).single());
        assertThat(as(countyAdmin, () -> rounds.act(drawn.id(), fourth, Rounds.Action.CHOSE, d2.id())).already())
                .isEqualTo("申请编号 " + fourth + " 已于 " + closedAt + " 选定房源 " + d2.label() + "（本次未重复登记）");
        assertThatThrownBy(() -> as(countyAdmin, () -> rounds.act(drawn.id(), second, Rounds.Action.GAVE_UP, null)))
                .isInstanceOf(Conflict.class).hasMessage("该批次已结束，不能放弃");
        assertThat(closed.status()).isEqualTo("CLOSED");
        assertThat(closed.events()).extracting(RoundView.Event::kind).contains("LISTED", "DRAWN", "OPENED", "REFUSED",
                "EXCLUDED", "PROMOTED", "GAVE_UP", "CHOSE", "CLOSED");
        // allocated households leave the list; the one who gave up waits on
        assertThat(lookups.lookup(third, people.get(third)[1], HERE).status()).startsWith("已配租");
        assertThat(lookups.lookup(second, people.get(second)[1], HERE).status()).isEqualTo("轮候中");

        // figures of the month
        AllocationFigures fig = as(office, () -> allocations.figures(COUNTY, YearMonth.now(org.anju.platform.ChinaTime.ZONE)));
        assertThat(fig.allocated()).isEqualTo(2);
        assertThat(fig.refusals()).isEqualTo(2);
        int waitingNow = as(office, () -> waiting.page(COUNTY, null, 0)).total();
        assertThat(fig.waiting()).isEqualTo(waitingNow);
        assertThat(fig.stockAllocated()).isGreaterThanOrEqualTo(2);
        assertThat(fig.stockAllocable()).isGreaterThanOrEqualTo(fig.stockAllocated());
        assertThatThrownBy(() -> allocations.figures(STREET, ChinaTime.thisMonth())).isInstanceOf(BadInput.class);
    }

    /**
     * Audit M3: 开始批次 and 登记 sent twice from the same form (a double-click, Back) are done once and the second is told
     * so; without the form's key (another window) the refusal names the round the dwelling is in, and a household's own
     * earlier choice is told as its own.
     */
    @Test
    @org.junit.jupiter.api.Order(5)
    void aFormSentTwiceOpensOneRoundAndRegistersOneChoice() throws Exception {
        Dwelling d = dwelling("201", StockStatus.VACANT);
        String name = "2025年第二批公租房配租";
        java.util.function.Function<String, org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder> open =
                key -> {
                    var form = post("/rental/rounds").with(org.anju.TestUsers.as("zg_admin")).param("county", COUNTY)
                            .param("name", name).param("dwellings", String.valueOf(d.id())).param("candidates", "1");
                    return key == null ? form : form.param("_once", key);
                };
        String url = mvc.perform(open.apply("5b0d7e52-0000-4000-8000-000000000001")).andExpect(status().is3xxRedirection())
                .andExpect(flash().attribute("message", "批次“" + name + "”已开始，候选名单已公示")).andReturn().getResponse()
                .getRedirectedUrl();
        assertThat(url).startsWith("/rental/rounds/");
        long id = Long.parseLong(url.substring("/rental/rounds/".length()));
        mvc.perform(open.apply("5b0d7e52-0000-4000-8000-000000000001")).andExpect(redirectedUrl(url))
                .andExpect(flash().attribute("message", "批次“" + name + "”已开始，候选名单已公示（同一表单又提交了一次，未重复开始）"));
        assertThat(jdbc.sql("select count(*) from rental_round where name = ?").param(name).query(Integer.class).single())
                .isEqualTo(1);
        String openedAt = ChinaTime.atSecond(jdbc.sql("select published_at from rental_round where id = ?").param(id)
                .query(java.time.OffsetDateTime.class).single());
        mvc.perform(open.apply(null)).andExpect(redirectedUrl("/rental/rounds?region=" + COUNTY))
                .andExpect(flash().attribute("error", "房源 " + d.label() + " 已在尚未结束的配租批次“" + name + "”中（批次编号 "
                        + id + "，zg_admin 于 " + openedAt + " 开始）"));

        RoundView round = as(office, () -> rounds.round(id));
        assertThat(round.status()).isEqualTo("CHOOSING");
        assertThat(mvc.perform(get(url).with(org.anju.TestUsers.as("zg_admin"))).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8)).containsPattern("(?s)id=\"choose\">((?!</form>).)*name=\"_once\" value=\"[0-9a-f-]{36}\"");
        String number = round.candidates().stream().filter(x -> "SELECTED".equals(x.state())).findFirst().orElseThrow().number();
        java.util.function.Function<String, org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder> choose =
                key -> {
                    var form = post("/rental/rounds/" + id + "/choices").with(org.anju.TestUsers.as("zg_admin"))
                            .param("number", number).param("action", "CHOSE").param("dwelling", String.valueOf(d.id()));
                    return key == null ? form : form.param("_once", key);
                };
        mvc.perform(choose.apply("5b0d7e52-0000-4000-8000-000000000002")).andExpect(redirectedUrl(url))
                .andExpect(flash().attribute("message", number + " 选房已登记"));
        // the choice closed the round (one dwelling): the second click is answered with the first's result all the same
        mvc.perform(choose.apply("5b0d7e52-0000-4000-8000-000000000002")).andExpect(redirectedUrl(url))
                .andExpect(flash().attribute("message", number + " 选房已登记（同一表单又提交了一次，未重复登记）"));
        String chosenAt = ChinaTime.atSecond(jdbc.sql("select created_at from rental_allocation where dwelling_id = ?")
                .param(d.id()).query(java.time.OffsetDateTime.class).single());
        mvc.perform(choose.apply(null)).andExpect(redirectedUrl(url)).andExpect(flash().attribute("message",
                "申请编号 " + number + " 已于 " + chosenAt + " 选定房源 " + d.label() + "（本次未重复登记）"));
        assertThat(jdbc.sql("select count(*) from rental_allocation where round_id = ?").param(id).query(Integer.class)
                .single()).isEqualTo(1);
        // both forms carry a key made when the page was shown
        assertThat(mvc.perform(get("/rental/rounds").param("region", COUNTY).with(org.anju.TestUsers.as("zg_admin")))
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8)).containsPattern("name=\"_once\" value=\"[0-9a-f-]{36}\"");
    }

    @Test
    @org.junit.jupiter.api.Order(2)
    void theAnonymousPublicPagesAnswerWithoutLogin() throws Exception {
        mvc.perform(get("/public/rental/waiting")).andExpect(status().isOk());
        mvc.perform(get("/public/rental/rounds")).andExpect(status().isOk());
        String answer = mvc.perform(post("/public/rental/waiting").with(csrf()).param("certificate", b)
                        .param("idNumber", people.get(b)[1])).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        assertThat(answer).contains("钱*").doesNotContain("钱普通", people.get(b)[1]);
        mvc.perform(get("/rental/waiting")).andExpect(status().is3xxRedirection());
        // a city without waiting-list rules: the page says what to upload and links to where
        String none = mvc.perform(get("/rental/waiting").param("region", "620700").with(org.anju.TestUsers.as("zy_admin")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(none).contains("张掖市尚未上传", "选择“轮候规则”上传", "href=\"/rental/rules?city=620700\"");
        String some = mvc.perform(get("/rental/waiting").param("region", COUNTY).with(org.anju.TestUsers.as("zg_housing")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(some).doesNotContain("upload-waiting-rules");
        mvc.perform(get("/public/rental/rounds/999999")).andExpect(status().isNotFound());
    }

    /**
     * Privacy review 2026-12-03, finding 1: the lookup says whether a guessed ID number is right, and 公示 pages print
     * the 资格证号 beside the masked number — a full number was recovered in 947 anonymous requests. Now five misses
     * for one 资格证号 within a day stop its lookups (the right number included: the refusal tells nothing), from any
     * address; twenty misses from one address within an hour stop that address; every lookup is recorded. Before,
     * the sixth lookup below answered the household's standing.
     */
    @Test
    @org.junit.jupiter.api.Order(9)
    void guessesAtAnIdNumberAreBoundedPerCertificateAndPerAddressAndRecorded() throws Exception {
        String h = Access.runAs(Actor.system(regions.root()),
                () -> household("H", "王查询", null, Guarantee.PUBLIC_RENTAL, LocalDate.of(2021, 5, 1)));
        String right = people.get(h)[1];
        for (int i = 0; i < 5; i++) {
            String guess = SyntheticIds.number("360702", "1980010" + (i + 2), 1);
            assertThatThrownBy(() -> lookups.lookup(h, guess, "198.51.100.11")).isInstanceOf(BadInput.class)
                    .hasMessageStartingWith("没有找到资格证号与身份证号相符的家庭");
        }
        for (String from : List.of("198.51.100.11", "198.51.100.12")) {
            assertThatThrownBy(() -> lookups.lookup(h, right, from)).isInstanceOf(org.anju.platform.TooMany.class)
                    .hasMessageStartingWith("资格证号 " + h + " 近 24 小时内已有 5 次查询与身份证号不符，暂停查询：请于 ")
                    .hasMessageEndingWith("后再试，或携资格证和身份证到受理窗口查询");
        }
        // the page: the same refusal, as 429
        String page = mvc.perform(post("/public/rental/waiting").with(csrf()).param("certificate", h).param("idNumber", right))
                .andExpect(status().isTooManyRequests()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(page).contains("暂停查询").doesNotContain("王*", "轮候中");
        // a malformed number is no guess: refused as before, not counted, not recorded
        assertThatThrownBy(() -> lookups.lookup(b, "1234", "198.51.100.13")).isInstanceOf(BadInput.class);

        // one address: twenty misses at other certificates, then even a right pair waits; another address does not
        for (int i = 0; i < 20; i++) {
            String unknown = "36070020990" + String.format("%04d", i);
            assertThatThrownBy(() -> lookups.lookup(unknown, right, "198.51.100.14")).isInstanceOf(BadInput.class);
        }
        assertThatThrownBy(() -> lookups.lookup(c, people.get(c)[1], "198.51.100.14"))
                .isInstanceOf(org.anju.platform.TooMany.class).hasMessageStartingWith("本机近 1 小时内已有 20 次查询与身份证号不符");
        assertThat(lookups.lookup(c, people.get(c)[1], "198.51.100.15").status()).isNotBlank();

        // recorded: who asked about what, and whether it matched; no ID number
        assertThat(jdbc.sql("select address || ' ' || found from rental_public_lookup where certificate_no = ? order by id")
                .param(h).query(String.class).list())
                .containsExactly("198.51.100.11 false", "198.51.100.11 false", "198.51.100.11 false", "198.51.100.11 false",
                        "198.51.100.11 false");
        assertThat(jdbc.sql("select found from rental_public_lookup where certificate_no = ? and address = '198.51.100.15'")
                .param(c).query(Boolean.class).list()).containsExactly(true);
        assertThat(jdbc.sql("select count(*) from rental_public_lookup where address = '198.51.100.13'").query(Integer.class)
                .single()).isZero();
        assertThat(jdbc.sql("select count(*) from rental_public_lookup r where cast(r as text) like ?").param("%" + right + "%")
                .query(Integer.class).single()).isZero();
    }

    String label(String certificate) {
        return labels.get(certificate);
    }

    static RoundView.Candidate candidate(RoundView r, String number) {
        return r.candidates().stream().filter(x -> x.number().equals(number)).findFirst().orElseThrow();
    }

    /** Splits the published command as a shell would (double quotes, backslash escapes). */
    static List<String> args(String command) {
        List<String> out = new ArrayList<>();
        Matcher m = Pattern.compile("\"((?:\\\\.|[^\"\\\\])*)\"|(\\S+)").matcher(command);
        while (m.find()) {
            out.add(m.group(1) != null ? m.group(1).replaceAll("\\\\(.)", "$1") : m.group(2));
        }
        return out;
    }
}
