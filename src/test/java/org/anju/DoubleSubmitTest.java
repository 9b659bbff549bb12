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
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
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

    /** Sends {@code work} twice at once as {@code who} ({@link AtOnce}), each answer what it returned or threw. */
    List<Outcome> twins(Actor who, Supplier<?> work) throws Exception {
        return AtOnce.twice(() -> {
            try {
                return new Outcome(Access.runAs(who, work), null);
            } catch (RuntimeException e) {
                return new Outcome(null, e);
            }
        });
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
            // the refusal names the round, which is the twin's own: not "another" round
            oneStoredOneRefused(outcomes, "已在尚未结束的配租批次“" + name + "”中（批次编号 ");
            assertThat(jdbc.sql("select count(*) from rental_round where name = ?").param(name).query(Integer.class).single())
                    .isEqualTo(1);
            assertThat(outcomes).filteredOn(o -> o.refused() == null).singleElement()
                    .satisfies(o -> assertThat(((RoundView) o.result()).name()).isEqualTo(name));
        }
    }

    // ---- defect 7: the same evidence file twice ---------------------------------------------------------------

    @Test
    void theSameEvidenceFileTwiceOnAnItemIsRefusedNamingTheOneThere() throws Exception {
        Actor admin = actor("ds_zg_admin", "360702", Role.COUNTY_ADMIN);
        jdbc.sql("insert into users (username, display_name, password_hash, region_id, roles) values ('ds_zg_admin', '章贡区管理员',"
                + " 'x', (select id from region where code = '360702'), '{COUNTY_ADMIN}') on conflict do nothing").update();
        Unit unit = as(admin, () -> ledger.addUnit("360702", "双击测试材料单位", UnitKind.GOVERNMENT));
        long item = as(admin, () -> ledger.create(new NewItem("AUDIT", "360702", "双击测试证明材料", Map.of("source", "审计局",
                "category", "其他", "rectify_type", "立行立改"), unit.id(), null, null, LocalDate.of(2027, 6, 30), null, null,
                null, null, null)));
        byte[] pdf = "%PDF-1.4 整改报告".getBytes(StandardCharsets.UTF_8);
        EvidenceFile first = as(admin, () -> ledger.addFile(item, new Upload("整改报告.pdf", "application/pdf", pdf), null));
        // the same file again (Back + resubmit, an API retry), and the same bytes under another name: refused, naming it
        assertThatThrownBy(() -> as(admin, () -> ledger.addFile(item, new Upload("整改报告.pdf", "application/pdf", pdf), null)))
                .isInstanceOf(Conflict.class).hasMessageStartingWith("证明材料“整改报告.pdf”与本事项已有的“整改报告.pdf”（章贡区管理员（ds_zg_admin）于 ")
                .hasMessageEndingWith(" 上传）内容相同，未重复保存；如要更新材料，请上传改过的文件");
        assertThatThrownBy(() -> as(admin, () -> ledger.addFile(item, new Upload("整改报告（定稿）.pdf", "application/pdf", pdf), null)))
                .isInstanceOf(Conflict.class).hasMessageContaining("与本事项已有的“整改报告.pdf”");
        assertThatThrownBy(() -> as(admin, () -> ledger.addFile(item, new Upload("整改报告.pdf", "application/pdf", pdf), first.id())))
                .as("a replacement by the same bytes changes nothing").isInstanceOf(Conflict.class);
        // another content is stored, under any name; two identical ones at once store one
        as(admin, () -> ledger.addFile(item, new Upload("整改报告.pdf", "application/pdf", "v2".getBytes()), first.id()));
        for (int k = 0; k < PAIRS; k++) {
            byte[] photo = ("现场照片 " + k).getBytes(StandardCharsets.UTF_8);
            oneStoredOneRefused(twins(admin, () -> ledger.addFile(item, new Upload("现场照片.jpg", "image/jpeg", photo), null)),
                    "内容相同，未重复保存");
        }
        assertThat(as(admin, () -> ledger.files(item))).hasSize(2 + PAIRS);
    }

    @Test
    void theSameIdentificationEvidenceTwiceOnAClauseIsRefusedNamingTheOneThere() throws Exception {
        as(actor("ds_jl_admin", "220000", Role.PROVINCE_ADMIN), () -> checklists.upload("220000", "220000-吉安居办2021-10号.tsv",
                resource("/ledger/identification/220000-吉安居办2021-10号.tsv")));
        Actor county = actor("ds_ng_reporter", "220102", Role.COUNTY_REPORTER);
        long project = projects.save(new Project(null, "220102", null, "SHANTYTOWN", 2021, "双击测试棚改", null,
                BigDecimal.valueOf(120), BigDecimal.valueOf(120), null, null, null, null, null, null, null, null, null,
                null, 0)).id();
        long id = as(county, () -> identifications.open(project, null, LocalDate.of(2021, 6, 1))).id();
        byte[] report = "鉴定报告".getBytes(StandardCharsets.UTF_8);
        Evidence first = as(county, () -> identifications.addEvidence(id, "JL-4", "鉴定报告.pdf", "application/pdf", report));
        assertThatThrownBy(() -> as(county, () -> identifications.addEvidence(id, "JL-4", "鉴定报告（扫描）.pdf", "application/pdf",
                report))).isInstanceOf(Conflict.class)
                .hasMessageStartingWith("鉴定报告（扫描）.pdf：与ds_ng_reporter（ds_ng_reporter）于 ")
                .hasMessageEndingWith(" 为第 JL-4 条上传的证明材料“鉴定报告.pdf”内容相同，未重复保存；如要补充材料，请上传其他文件");
        // the same report may answer another clause
        Evidence other = as(county, () -> identifications.addEvidence(id, "JL-5", "鉴定报告.pdf", "application/pdf", report));
        assertThat(other.id()).isNotEqualTo(first.id());
        for (int k = 0; k < PAIRS; k++) {
            byte[] photo = ("现场照片 " + k).getBytes(StandardCharsets.UTF_8);
            oneStoredOneRefused(twins(county, () -> identifications.addEvidence(id, "JL-4", "现场照片.jpg", "image/jpeg", photo)),
                    "内容相同，未重复保存");
        }
        assertThat(jdbc.sql("select count(*) from ledger_ident_evidence where identification_id = ?").param(id)
                .query(Integer.class).single()).isEqualTo(2 + PAIRS);
    }

    // ---- defect 14: 签发 sent again after Back ------------------------------------------------------------------

    @Test
    void issueSentAgainAfterBackShowsTheIssuedBulletin() throws Exception {
        LocalDate dated = LocalDate.of(2024, 1, 9);
        BulletinDraft d = bulletinDrafts.create("361100", YearMonth.of(2023, 11));
        BulletinDraft ready = bulletinDrafts.saveHead(d.id(), d.version(), new BulletinDraft.Head(d.head().issuer(), null,
                d.head().addressee(), dated, null, null, null), null);
        String page = "/bulletins/drafts/" + d.id() + "/issue";
        String issued = mvc.perform(post(page).param("version", String.valueOf(ready.version()))
                        .param("documentNumber", "饶建〔2024〕1号").param("signedOn", "2024-01-10").param("confirm", "yes")
                        .with(TestUsers.as(TestUsers.CITY_ADMIN)))
                .andExpect(status().is3xxRedirection()).andReturn().getResponse().getRedirectedUrl();
        IssuedBulletin first = bulletinDrafts.issued(Long.parseLong(issued.substring(issued.lastIndexOf('/') + 1)));
        // the same form again (Back + 确认重新提交表单): the draft is gone; what it became is shown, saying so
        var again = mvc.perform(post(page).param("version", String.valueOf(ready.version()))
                        .param("documentNumber", "饶建〔2024〕1号").param("signedOn", "2024-01-10").param("confirm", "yes")
                        .with(TestUsers.as(TestUsers.CITY_ADMIN)))
                .andExpect(status().is3xxRedirection())
                .andExpect(redirectedUrl("/bulletins/issued/" + first.id()))
                .andExpect(flash().attribute("message", org.hamcrest.Matchers.allOf(
                        org.hamcrest.Matchers.startsWith("该草稿已于 "),
                        org.hamcrest.Matchers.endsWith(" 签发为饶建〔2024〕1号，未再次签发；以下是已签发的通报"))))
                .andReturn();
        assertThat(jdbc.sql("select count(*) from bulletin_issue where region_id = (select id from region where code = '361100')")
                .query(Integer.class).single()).isEqualTo(1);
        // the page it is sent to shows the message: the redirect followed in the same session (Spring Session's cookie)
        mvc.perform(get("/bulletins/issued/" + first.id()).cookie(again.getResponse().getCookies())
                        .with(TestUsers.as(TestUsers.CITY_ADMIN)))
                .andExpect(status().isOk())
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.content()
                        .string(org.hamcrest.Matchers.containsString("未再次签发；以下是已签发的通报")));
        // the API retried after a timeout: the issued bulletin; with another 文号: refused, naming what it became
        mvc.perform(post("/api/bulletins/drafts/" + d.id() + "/issue").contentType(org.springframework.http.MediaType.APPLICATION_JSON)
                        .content("{\"version\": " + ready.version() + ", \"documentNumber\": \"饶建〔2024〕1号\", \"signedOn\": \"2024-01-10\"}")
                        .with(TestUsers.as(TestUsers.CITY_ADMIN)))
                .andExpect(status().isOk())
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath("$.id").value(first.id()));
        mvc.perform(post("/api/bulletins/drafts/" + d.id() + "/issue").contentType(org.springframework.http.MediaType.APPLICATION_JSON)
                        .content("{\"version\": " + ready.version() + ", \"documentNumber\": \"饶建〔2024〕2号\", \"signedOn\": \"2024-01-10\"}")
                        .with(TestUsers.as(TestUsers.CITY_ADMIN)))
                .andExpect(status().isConflict())
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath("$.detail").value(
                        org.hamcrest.Matchers.endsWith("签发为饶建〔2024〕1号（2024年1月10日签发，已签发通报 " + first.id()
                                + "），不是本次给出的文号饶建〔2024〕2号：未再次签发；如需改正，请对已签发的通报发更正")));
        // the same 文号 with another 签发 date is not taken for the same 签发 either (review 23 L8)
        mvc.perform(post("/api/bulletins/drafts/" + d.id() + "/issue").contentType(org.springframework.http.MediaType.APPLICATION_JSON)
                        .content("{\"version\": " + ready.version() + ", \"documentNumber\": \"饶建〔2024〕1号\", \"signedOn\": \"2024-01-11\"}")
                        .with(TestUsers.as(TestUsers.CITY_ADMIN)))
                .andExpect(status().isConflict())
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath("$.detail").value(
                        org.hamcrest.Matchers.endsWith("（2024年1月10日签发，已签发通报 " + first.id()
                                + "），不是本次给出的签发日期2024年1月11日：未再次签发；如需改正，请对已签发的通报发更正")));
        mvc.perform(post(page).param("version", String.valueOf(ready.version()))
                        .param("documentNumber", "饶建〔2024〕1号").param("signedOn", "2024-01-11").param("confirm", "yes")
                        .with(TestUsers.as(TestUsers.CITY_ADMIN)))
                .andExpect(redirectedUrl("/bulletins/issued/" + first.id()))
                .andExpect(flash().attribute("message", org.hamcrest.Matchers.endsWith(
                        " 签发为饶建〔2024〕1号，未再次签发，本次填写的签发日期2024年1月11日未采用（如需改正，请对已签发的通报发更正）；以下是已签发的通报")));
        assertThat(bulletinDrafts.issued(first.id()).signedOn()).isEqualTo(LocalDate.of(2024, 1, 10));
        // a draft never issued (no such id) is still not found
        mvc.perform(post("/api/bulletins/drafts/999999/issue").contentType(org.springframework.http.MediaType.APPLICATION_JSON)
                        .content("{\"version\": 1, \"documentNumber\": \"x\"}").with(TestUsers.as(TestUsers.CITY_ADMIN)))
                .andExpect(status().isNotFound());
        mvc.perform(post("/bulletins/drafts/999999/issue").param("version", "1").param("documentNumber", "x")
                        .param("signedOn", "2024-01-10").param("confirm", "yes").with(TestUsers.as(TestUsers.CITY_ADMIN)))
                .andExpect(status().isNotFound());
    }

    static String resource(String path) {
        try (InputStream in = DoubleSubmitTest.class.getResourceAsStream(path)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
