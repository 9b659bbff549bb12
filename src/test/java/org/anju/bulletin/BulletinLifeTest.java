package org.anju.bulletin;

import org.anju.AnjuTest;
import org.anju.account.Access;
import org.anju.account.Actor;
import org.anju.account.Channel;
import org.anju.account.Role;
import org.anju.platform.BadInput;
import org.anju.platform.ChinaTime;
import org.anju.platform.ConcurrentUpdateException;
import org.anju.platform.Conflict;
import org.anju.platform.Denied;
import org.anju.platform.NotFound;
import org.anju.region.Regions;
import org.anju.report.ReportValue;
import org.anju.report.Reports;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.EnumSet;
import java.util.List;
import java.util.function.Supplier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A bulletin's life (issue 14): 张掖市 drafts its March bulletin from the reports, edits two parts, takes in a corrected
 * report (the edit stays, flagged), issues it with a 文号 (DOCX and SHA-256 kept, the row refused any change by the
 * service and by SQL), corrects it as edition 2 with its change list; the archive shows both; 甘州区 reads the issued
 * bulletin its city sent it but not the city's draft; two officials saving one part at once: the second is refused.
 */
@AnjuTest
@TestPropertySource(properties = "anju.test.database=bulletin_life")
class BulletinLifeTest {

    static final String CITY = "620700", GANZHOU = "620702", LINZE = "620723";
    static final String ISSUED = "RENTAL_SUBSIDY.ISSUE.HOUSEHOLD";
    static final String RECEIVED = "HOUSING.FUND_RECEIVED.YUAN_10K";
    static final String DISBURSED = "HOUSING.FUND_DISBURSED.YUAN_10K";
    static final String SUBSIDY = "progress:住房租赁补贴目标任务及进展情况";
    static final String FUNDS = "progress:保障性安居工程资金争取使用情况";

    @Autowired
    BulletinDrafts drafts;
    @Autowired
    Reports reports;
    @Autowired
    Regions regions;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    org.springframework.web.context.WebApplicationContext web;

    Actor user(String username, String region, Role role) {
        return new Actor(username, "测试用户", regions.byCode(region).orElseThrow(), EnumSet.of(role), Channel.UI, false);
    }

    <T> T as(Actor a, Supplier<T> work) {
        return Access.runAs(a, work);
    }

    static List<ReportValue> values(long issued, String received, String disbursed) {
        return List.of(new ReportValue(ISSUED, "", BigDecimal.valueOf(issued)),
                new ReportValue(RECEIVED, "CENTRAL_SUBSIDY", new BigDecimal(received)),
                new ReportValue(DISBURSED, "CENTRAL_SUBSIDY", new BigDecimal(disbursed)));
    }

    static String documentXml(byte[] docx) {
        try (var zip = new java.util.zip.ZipInputStream(new java.io.ByteArrayInputStream(docx))) {
            for (var e = zip.getNextEntry(); e != null; e = zip.getNextEntry()) {
                if (e.getName().equals("word/document.xml")) {
                    return new String(zip.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
                }
            }
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        throw new AssertionError("no word/document.xml");
    }

    @Test
    void draftEditRefreshIssueCorrectArchive() {
        YearMonth p = YearMonth.of(2024, 3);
        reports.submit(GANZHOU, p, reports.save(GANZHOU, p, 0, values(500, "1000", "400")).version());
        reports.submit(LINZE, p, reports.save(LINZE, p, 0, values(100, "500", "500")).version());
        Actor city = user("t_zy_admin", CITY, Role.CITY_ADMIN);
        Actor county = user("t_gzq_reporter", GANZHOU, Role.COUNTY_REPORTER);

        assertThatThrownBy(() -> as(county, () -> drafts.create(CITY, p))).isInstanceOf(Denied.class);
        BulletinDraft d = as(city, () -> drafts.create(CITY, p));
        assertThat(d.version()).isEqualTo(1);
        assertThat(d.head().issuer()).isEqualTo("张掖市住房和城乡建设局");
        assertThat(d.head().dated()).as("no silent today").isNull();
        assertThat(d.section(SUBSIDY).computed()).contains("发放住房租赁补贴600户");
        assertThat(d.sections()).extracting(DraftSection::key).contains(FUNDS, BulletinDrafts.NEXT_STEPS_KEY);
        assertThatThrownBy(() -> as(city, () -> drafts.create(CITY, p))).isInstanceOf(Conflict.class).hasMessageContaining("已有草稿");

        // two parts edited
        String subsidyText = "截止3月底，全市发放住房租赁补贴600户，各县区均已按月发放。";
        d = as(city, () -> drafts.editSection(drafts.find(CITY, p).orElseThrow().id(), 1, SUBSIDY, null, subsidyText));
        int v = d.version();
        long id = d.id();
        d = as(city, () -> drafts.editSection(id, v, BulletinDrafts.NEXT_STEPS_KEY, null, "一要加快资金拨付。\n二要按月报送。"));
        assertThat(d.section(SUBSIDY).edited()).isTrue();
        assertThat(drafts.bulletin(d).sections().getFirst().subsections()).extracting(Bulletin.Section::heading)
                .anyMatch(h -> h.endsWith("住房租赁补贴目标任务及进展情况"));
        assertThat(as(city, () -> drafts.bulletin(drafts.draft(id))).sections().getLast().paragraphs())
                .containsExactly("一要加快资金拨付。", "二要按月报送。");

        // the same part saved by two officials from the same version: the second is refused, nothing overwritten
        int at = d.version();
        as(city, () -> drafts.editSection(id, at, FUNDS, null, "甲的文字"));
        assertThatThrownBy(() -> as(city, () -> drafts.editSection(id, at, FUNDS, null, "乙的文字")))
                .isInstanceOf(ConcurrentUpdateException.class)
                .hasMessageContaining("的通报草稿已被")
                .hasMessageEndingWith("修改，未保存，请刷新后重试（当前版本 " + (at + 1) + "，提交的版本 " + at + "）");
        assertThat(drafts.draft(id).section(FUNDS).text()).isEqualTo("甲的文字");
        d = as(city, () -> drafts.restore(id, drafts.draft(id).version(), FUNDS));
        assertThat(d.section(FUNDS).edited()).isFalse();

        // a report corrected after the draft was made: refresh keeps the edit and flags it
        var returned = reports.returnReport(GANZHOU, p, reports.get(GANZHOU, p).version(), "发放户数有误");
        reports.submit(GANZHOU, p, reports.save(GANZHOU, p, returned.version(), values(520, "1000", "400")).version());
        String before = d.section(SUBSIDY).computed();
        int v2 = d.version();
        d = as(city, () -> drafts.refresh(id, v2));
        assertThat(d.section(SUBSIDY).text()).isEqualTo(subsidyText);
        assertThat(d.section(SUBSIDY).stale()).isTrue();
        assertThat(d.section(SUBSIDY).earlier()).isEqualTo(before);
        assertThat(d.section(SUBSIDY).computed()).contains("发放住房租赁补贴620户");
        assertThat(d.section(FUNDS).stale()).as("funds unchanged and not edited").isFalse();
        assertThat(d.stale()).extracting(DraftSection::key).containsExactly(SUBSIDY);

        // issuing: refused while a flagged part is unchecked, and without 成文日期
        int v3 = d.version();
        LocalDate today = LocalDate.now(ChinaTime.ZONE);
        assertThatThrownBy(() -> as(city, () -> drafts.issue(id, v3, "张建〔2024〕3号", today))).isInstanceOf(BadInput.class)
                .hasMessageContaining("成文日期");
        d = as(city, () -> drafts.saveHead(id, v3, new BulletinDraft.Head("张掖市住房和城乡建设局", null, "各县区人民政府：",
                LocalDate.of(2024, 4, 8), "甘肃省住房和城乡建设厅", "张掖市住房和城乡建设局办公室", LocalDate.of(2024, 4, 9)), null));
        int v4 = d.version();
        assertThatThrownBy(() -> as(city, () -> drafts.issue(id, v4, "张建〔2024〕3号", today))).isInstanceOf(Conflict.class)
                .hasMessageContaining("住房租赁补贴目标任务及进展情况");
        d = as(city, () -> drafts.editSection(id, v4, SUBSIDY, null, "截止3月底，全市发放住房租赁补贴620户，各县区均已按月发放。"));
        assertThat(d.stale()).isEmpty();
        byte[] draftDocx = drafts.docx(id, d.version());
        int stale = d.version() - 1;
        int now = d.version();
        assertThatThrownBy(() -> drafts.docx(id, stale)).as("a link of an older version").isInstanceOf(ConcurrentUpdateException.class)
                .hasMessageStartingWith("通报草稿已被")
                .hasMessageEndingWith("修改，请刷新页面后再下载（当前版本 " + now + "，链接的版本 " + stale + "）");
        assertThatThrownBy(() -> as(city, () -> drafts.issue(id, stale, "张建〔2024〕3号", today))).isInstanceOf(ConcurrentUpdateException.class);
        assertThatThrownBy(() -> as(county, () -> drafts.issue(id, v4 + 1, "张建〔2024〕3号", today))).isInstanceOf(Denied.class);

        int v5 = d.version();
        IssuedBulletin first = as(city, () -> drafts.issue(id, v5, "张建〔2024〕3号", LocalDate.of(2024, 4, 9)));
        assertThat(first.edition()).isEqualTo(1);
        assertThat(first.serial()).isEqualTo(1);
        assertThat(first.issueYear()).isEqualTo(2024);
        assertThat(first.content().documentNumber()).isEqualTo("张建〔2024〕3号");
        assertThat(first.content().date()).isEqualTo(LocalDate.of(2024, 4, 8));
        assertThat(first.issuedBy()).isEqualTo("t_zy_admin");
        byte[] docx = drafts.issuedDocx(first.id());
        assertThat(BulletinDrafts.sha256(docx)).isEqualTo(first.sha256());
        assertThat(java.util.Arrays.equals(drafts.issuedDocx(first.id()), docx)).as("the same bytes every time").isTrue();
        assertThat(documentXml(docx)).as("the issued document carries its 文号").contains("张建〔2024〕3号");
        assertThat(documentXml(draftDocx)).doesNotContain("张建〔2024〕3号").contains("620户");
        assertThat(drafts.find(CITY, p)).as("the draft became the issued version").isEmpty();
        assertThatThrownBy(() -> as(city, () -> drafts.editSection(id, v5 + 1, SUBSIDY, null, "改"))).isInstanceOf(NotFound.class);

        // nothing issued changes: no UPDATE or DELETE gets through, even in SQL
        assertThatThrownBy(() -> jdbc.sql("update bulletin_issue set document_number = '改' where id = ?").param(first.id()).update())
                .isInstanceOf(DataAccessException.class).hasMessageContaining("已签发的通报不能修改");
        assertThatThrownBy(() -> jdbc.sql("delete from bulletin_issue where id = ?").param(first.id()).update())
                .isInstanceOf(DataAccessException.class);
        assertThat(drafts.issued(first.id()).sha256()).isEqualTo(first.sha256());

        // 甘州区 reads what its city issued to it, not the city's draft
        assertThat(as(county, () -> drafts.issued(first.id())).documentNumber()).isEqualTo("张建〔2024〕3号");
        assertThat(BulletinDrafts.sha256(as(county, () -> drafts.issuedDocx(first.id())))).isEqualTo(first.sha256());
        assertThat(as(county, () -> drafts.issuedList(null, 2024))).extracting(IssuedBulletin::id).contains(first.id());

        // a correction: edition 2 with a change list, superseding the first
        BulletinDraft c = as(city, () -> drafts.correct(first.id()));
        assertThat(c.corrects()).isEqualTo(first.id());
        assertThatThrownBy(() -> as(county, () -> drafts.draft(c.id()))).isInstanceOf(Denied.class);
        assertThatThrownBy(() -> as(county, () -> drafts.find(CITY, p))).isInstanceOf(Denied.class);
        assertThat(c.head().dated()).as("a correction's 成文日期 is the official's to set, not the corrected one's").isNull();
        BulletinDraft cd = as(city, () -> drafts.saveHead(c.id(), c.version(), new BulletinDraft.Head(c.head().issuer(), null,
                c.head().addressee(), LocalDate.of(2024, 4, 8), null, null, null), null));
        BulletinDraft c2 = as(city, () -> drafts.editSection(c.id(), cd.version(), FUNDS, null,
                "截止3月底，全市已争取到位保障性安居工程资金共计1500万元，拨付900万元，拨付率60.0%。"));
        assertThatThrownBy(() -> as(city, () -> drafts.issue(c.id(), c2.version(), "张建〔2024〕5号", LocalDate.of(2024, 4, 12))))
                .isInstanceOf(BadInput.class).hasMessageContaining("更正说明");
        BulletinDraft c3 = as(city, () -> drafts.saveHead(c.id(), c2.version(), c2.head(), "资金段落漏写拨付情况。"));
        IssuedBulletin second = as(city, () -> drafts.issue(c.id(), c3.version(), "张建〔2024〕5号", LocalDate.of(2024, 4, 12)));
        assertThat(second.edition()).isEqualTo(2);
        assertThat(second.serial()).isEqualTo(2);
        assertThat(second.supersedes()).isEqualTo(first.id());
        assertThat(second.changes()).containsExactly("保障性安居工程资金争取使用情况：已修改");
        assertThat(second.content().sections().getLast().heading()).endsWith("更正说明");
        assertThat(second.content().sections().getLast().paragraphs().getFirst())
                .isEqualTo("本通报更正张建〔2024〕3号（2024年4月9日签发），以本通报为准。资金段落漏写拨付情况。");
        assertThat(drafts.issued(first.id()).supersededBy()).isEqualTo(second.id());
        assertThat(drafts.issued(first.id()).current()).isFalse();
        assertThatThrownBy(() -> as(city, () -> drafts.correct(first.id()))).isInstanceOf(Conflict.class).hasMessageContaining("最新版本");

        // the archive: both, newest first, the chain
        assertThat(as(city, () -> drafts.issuedList(CITY, 2024))).extracting(IssuedBulletin::documentNumber)
                .containsExactly("张建〔2024〕5号", "张建〔2024〕3号");
        assertThat(drafts.chain(drafts.issued(first.id()))).extracting(IssuedBulletin::edition).containsExactly(1, 2);
        assertThat(as(user("t_jx", "360000", Role.PROVINCE_ADMIN), () -> drafts.issuedList(null, null)))
                .as("another province reads none of it").isEmpty();
    }

    /** A 下一步工作重点 note migrated by V13_1 (a draft holding only it, nothing composed) takes in the figures on refresh. */
    @Test
    void aMigratedNoteBecomesADraftOnRefresh() throws Exception {
        YearMonth p = YearMonth.of(2024, 7);
        reports.submit(GANZHOU, p, reports.save(GANZHOU, p, 0, values(500, "1000", "400")).version());
        // what the migration inserts for a bulletin_note row
        jdbc.sql("""
                insert into bulletin_draft (region_id, period, version, sections, created_by, updated_by)
                select id, date '2024-07-01', 1, jsonb_build_array(jsonb_build_object('key', 'next-steps', 'kind', 'NEXT_STEPS',
                       'heading', '下一步工作重点', 'computed', null, 'text', '一要按月报送。', 'stale', false, 'earlier', null)),
                       'zy_admin', 'zy_admin'
                from region where code = ?""").param(CITY).update();
        Actor city = user("t_zy_admin3", CITY, Role.CITY_ADMIN);
        BulletinDraft migrated = as(city, () -> drafts.find(CITY, p)).orElseThrow();
        assertThat(migrated.composed()).isNull();
        var mvc = org.anju.TestUsers.mvc(web, "zy_admin");
        mvc.perform(get("/bulletins").param("region", CITY).param("period", "2024-07")).andExpect(status().isOk())
                .andExpect(content().string(containsString("还没有取入计算数据")))
                .andExpect(content().string(containsString("一要按月报送。")));
        assertThatThrownBy(() -> drafts.bulletin(migrated)).isInstanceOf(Conflict.class).hasMessageContaining("刷新计算数据");
        BulletinDraft refreshed = as(city, () -> drafts.refresh(migrated.id(), migrated.version()));
        assertThat(refreshed.head().issuer()).isEqualTo("张掖市住房和城乡建设局");
        assertThat(refreshed.head().addressee()).isNotBlank();
        assertThat(refreshed.unitOrder()).contains(GANZHOU);
        assertThat(refreshed.section(SUBSIDY).computed()).contains("发放住房租赁补贴500户");
        assertThat(drafts.bulletin(refreshed).sections().getLast().paragraphs()).containsExactly("一要按月报送。");
        // over REST: a change naming an old version is refused (409), nothing saved; the current one goes through
        mvc.perform(put("/api/bulletins/drafts/" + refreshed.id() + "/section").contentType("application/json")
                        .content("{\"version\": " + migrated.version() + ", \"key\": \"next-steps\", \"text\": \"旧版本上的修改\"}"))
                .andExpect(status().isConflict());
        mvc.perform(get("/api/bulletins/drafts/" + refreshed.id() + "/docx").param("version", String.valueOf(refreshed.version())))
                .andExpect(status().isBadRequest());   // no 成文日期 yet
        mvc.perform(get("/api/bulletins/drafts").param("region", CITY).param("period", "2024-07")).andExpect(status().isOk())
                .andExpect(jsonPath("$.version").value(refreshed.version()));
        mvc.perform(get("/bulletins").param("region", CITY).param("period", "2024-07")).andExpect(status().isOk())
                .andExpect(content().string(containsString("附件1")));
    }

    @Test
    void addedPartsAndTheUnitOrder() {
        YearMonth p = YearMonth.of(2024, 5);
        reports.submit(GANZHOU, p, reports.save(GANZHOU, p, 0, values(500, "1000", "400")).version());
        reports.submit(LINZE, p, reports.save(LINZE, p, 0, values(100, "500", "500")).version());
        Actor city = user("t_zy_admin2", CITY, Role.CITY_ADMIN);
        BulletinDraft d = as(city, () -> drafts.create(CITY, p));
        assertThat(d.unitOrder()).as("the region list's order").isSorted().contains(GANZHOU, LINZE);
        BulletinDraft added = as(city, () -> drafts.addSection(d.id(), d.version(), DraftSection.Kind.PROGRESS,
                "审计问题交办整改及信访投诉问题处理情况", "1. 审计问题交办整改。无。"));
        BulletinDraft problem = as(city, () -> drafts.addSection(d.id(), added.version(), DraftSection.Kind.PROBLEM, null,
                "个别县区月报审核不及时。"));
        Bulletin b = drafts.bulletin(problem);
        assertThat(b.sections().getFirst().subsections().getLast().heading()).matches("（[一二三四五六七]）审计问题交办整改及信访投诉问题处理情况");
        assertThat(b.problems().getLast()).endsWith("是个别县区月报审核不及时。");
        BulletinDraft refreshed = as(city, () -> drafts.refresh(d.id(), problem.version()));
        assertThat(refreshed.sections()).extracting(DraftSection::key).contains("hand:1", "hand:2");

        List<String> order = new java.util.ArrayList<>(refreshed.unitOrder());
        java.util.Collections.reverse(order);
        assertThatThrownBy(() -> as(city, () -> drafts.order(d.id(), refreshed.version(), List.of(LINZE))))
                .isInstanceOf(BadInput.class).hasMessageContaining("缺少");
        assertThatThrownBy(() -> as(city, () -> drafts.order(d.id(), refreshed.version(), List.of("360702"))))
                .isInstanceOf(BadInput.class).hasMessageContaining("不是张掖市所辖");
        BulletinDraft reordered = as(city, () -> drafts.order(d.id(), refreshed.version(), order));
        assertThat(reordered.unitOrder()).isEqualTo(order);
        List<String> names = reordered.composed().tables().getFirst().rows().stream().skip(1).map(List::getFirst).toList();
        assertThat(names.indexOf("临泽县")).as("tables follow the issuer's order").isLessThan(names.indexOf("甘州区"));
        String funds = reordered.section(FUNDS).computed();
        assertThat(funds.indexOf("临泽县")).as("and the text").isLessThan(funds.indexOf("甘州区"));
    }

    /**
     * Review of issue 14: a writer of the city drafts, only the city's own administrator issues and corrects; a month
     * has one first edition (the service refuses a new draft naming the issued 文号, the database refuses a second
     * first edition); a stray draft is discarded so the correction can start; a correction starts with no 成文日期;
     * the page shows the month's issued bulletin instead of offering a new draft.
     */
    @Test
    void onlyTheAdministratorIssuesAndAMonthHasOneFirstEdition() throws Exception {
        YearMonth p = YearMonth.of(2025, 9);
        reports.submit(GANZHOU, p, reports.save(GANZHOU, p, 0, values(500, "1000", "400")).version());
        Actor admin = user("t_zy_admin4", CITY, Role.CITY_ADMIN);
        Actor reporter = user("t_zy_reporter", CITY, Role.COUNTY_REPORTER);
        Actor countyAdmin = user("t_gzq_admin", GANZHOU, Role.COUNTY_ADMIN);

        BulletinDraft d = as(reporter, () -> drafts.create(CITY, p));
        BulletinDraft dated = as(reporter, () -> drafts.saveHead(d.id(), d.version(), new BulletinDraft.Head("张掖市住房和城乡建设局",
                null, "各县区人民政府：", LocalDate.of(2025, 10, 8), null, null, null), null));
        assertThat(as(reporter, () -> drafts.canIssue(CITY))).isFalse();
        assertThat(as(admin, () -> drafts.canIssue(CITY))).isTrue();
        assertThat(as(countyAdmin, () -> drafts.canIssue(CITY))).as("an administrator of another region").isFalse();
        assertThatThrownBy(() -> as(reporter, () -> drafts.issue(d.id(), dated.version(), "张建〔2025〕9号", LocalDate.of(2025, 10, 9))))
                .isInstanceOf(Denied.class).hasMessageContaining("只有张掖市的管理员可以签发本级通报");
        var page = org.anju.TestUsers.mvc(web, "zy_admin");
        page.perform(get("/bulletins").param("region", CITY).param("period", "2025-09")).andExpect(status().isOk())
                .andExpect(content().string(containsString("id=\"issue-submit\"")));
        IssuedBulletin first = as(admin, () -> drafts.issue(d.id(), dated.version(), "张建〔2025〕9号", LocalDate.of(2025, 10, 9)));
        assertThat(first.issuedBy()).isEqualTo("t_zy_admin4");

        // one first edition: a new draft of the month is refused, naming the 文号 and the way to change it
        assertThatThrownBy(() -> as(admin, () -> drafts.create(CITY, p))).isInstanceOf(Conflict.class)
                .hasMessageContaining("张建〔2025〕9号").hasMessageContaining("更正本通报");
        assertThatThrownBy(() -> jdbc.sql("""
                        insert into bulletin_issue (region_id, period, issue_year, serial, edition, document_number, signed_on, issued_by,
                               content, docx, sha256)
                        select region_id, period, issue_year, 99, 1, '张建〔2025〕99号', signed_on, issued_by, content, docx, sha256
                        from bulletin_issue where id = ?""").param(first.id()).update())
                .as("the database holds one first edition per region and month").isInstanceOf(DataAccessException.class);

        // the page shows what was issued (with the signer's name), no button to draft the month again
        page.perform(get("/bulletins").param("region", CITY).param("period", "2025-09")).andExpect(status().isOk())
                .andExpect(content().string(containsString("张建〔2025〕9号")))
                .andExpect(content().string(containsString("id=\"bulletin-issued-correct\"")))
                .andExpect(content().string(org.hamcrest.Matchers.not(containsString("id=\"draft-create\""))));

        // only the administrator corrects; a stray draft of the month is discarded first
        assertThatThrownBy(() -> as(reporter, () -> drafts.correct(first.id()))).isInstanceOf(Denied.class).hasMessageContaining("管理员");
        jdbc.sql("""
                insert into bulletin_draft (region_id, period, version, sections, created_by, updated_by)
                select id, date '2025-09-01', 1, '[]', 'zy_admin', 'zy_admin' from region where code = ?""")
                .param(regions.byCode(CITY).orElseThrow().code()).update();
        assertThatThrownBy(() -> as(admin, () -> drafts.correct(first.id()))).isInstanceOf(Conflict.class).hasMessageContaining("放弃");
        BulletinDraft stray = as(admin, () -> drafts.find(CITY, p)).orElseThrow();
        page.perform(post("/bulletins/drafts/" + stray.id() + "/discard").with(csrf()).param("version", "1"))
                .andExpect(status().isBadRequest()).andExpect(content().string(containsString("确认放弃")));
        assertThat(as(admin, () -> drafts.find(CITY, p))).as("not discarded without the confirmation").isPresent();
        page.perform(post("/api/bulletins/drafts/" + stray.id() + "/discard").with(csrf()).contentType("application/json")
                .content("{\"version\": 1}")).andExpect(status().isNoContent());
        assertThat(as(admin, () -> drafts.find(CITY, p))).isEmpty();
        BulletinDraft c = as(admin, () -> drafts.correct(first.id()));
        assertThat(c.head().dated()).as("a correction's 成文日期 is set by the official, not copied").isNull();
        assertThat(c.corrects()).isEqualTo(first.id());
        page.perform(post("/bulletins/drafts/" + c.id() + "/discard").with(csrf()).param("version", String.valueOf(c.version()))
                .param("confirm", "yes")).andExpect(status().is3xxRedirection())
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrlPattern("/bulletins?*saved=discarded*"));
        assertThat(as(admin, () -> drafts.issued(first.id())).current()).as("discarding a correction leaves the issued version").isTrue();
    }

    /**
     * Text with control characters other than line breaks and tabs (U+000B pasted from an editor) is refused naming the
     * field, before it can reach the DOCX or the PDF; a unit order with a blank code is refused, not a 500. A link's
     * {@code saved} shows only the fixed notices; the draft names who changed it by name, the login on hover.
     */
    @Test
    void controlCharactersBlankCodesAndNotices() throws Exception {
        YearMonth p = YearMonth.of(2025, 10);
        reports.submit(GANZHOU, p, reports.save(GANZHOU, p, 0, values(500, "1000", "400")).version());
        Actor admin = user("t_zy_admin5", CITY, Role.CITY_ADMIN);
        BulletinDraft d = as(admin, () -> drafts.create(CITY, p));
        String vt = String.valueOf((char) 0x0b);
        assertThatThrownBy(() -> as(admin, () -> drafts.editSection(d.id(), d.version(), FUNDS, null, "资金" + vt + "到位")))
                .isInstanceOf(BadInput.class).hasMessageContaining("保障性安居工程资金争取使用情况").hasMessageContaining("U+000B");
        BulletinDraft.Head h = d.head();
        assertThatThrownBy(() -> as(admin, () -> drafts.saveHead(d.id(), d.version(), new BulletinDraft.Head(h.issuer(), null,
                "各县区人民政府" + (char) 7 + "：", null, null, null, null), null))).isInstanceOf(BadInput.class).hasMessageContaining("主送机关");
        assertThatThrownBy(() -> as(admin, () -> drafts.saveHead(d.id(), d.version(), new BulletinDraft.Head(h.issuer(), null,
                h.addressee(), null, "省住建厅" + (char) 1, null, null), null))).isInstanceOf(BadInput.class).hasMessageContaining("抄送");
        assertThatThrownBy(() -> as(admin, () -> drafts.addSection(d.id(), d.version(), DraftSection.Kind.PROGRESS,
                "审计" + (char) 0x0c + "问题", "无。"))).isInstanceOf(BadInput.class).hasMessageContaining("小节标题");
        assertThatThrownBy(() -> as(admin, () -> drafts.order(d.id(), d.version(), java.util.Arrays.asList(GANZHOU, null))))
                .isInstanceOf(BadInput.class).hasMessageContaining("空的地区代码");
        assertThatThrownBy(() -> as(admin, () -> drafts.order(d.id(), d.version(), List.of(" "))))
                .isInstanceOf(BadInput.class).hasMessageContaining("空的地区代码");
        assertThat(drafts.draft(d.id()).version()).as("nothing saved").isEqualTo(d.version());
        // line breaks and tabs are text: a Windows line break is a line break
        BulletinDraft ok = as(admin, () -> drafts.editSection(d.id(), d.version(), BulletinDrafts.NEXT_STEPS_KEY, null, "一要\t加快。\r\n二要按月报送。"));
        assertThat(ok.section(BulletinDrafts.NEXT_STEPS_KEY).paragraphs()).containsExactly("一要\t加快。", "二要按月报送。");
        // over the page: a control character is a 400 naming the field
        var mvc = org.anju.TestUsers.mvc(web, "zy_admin");
        mvc.perform(post("/bulletins/drafts/" + d.id() + "/section").with(csrf()).param("version", String.valueOf(ok.version()))
                        .param("key", FUNDS).param("text", "资金" + vt))
                .andExpect(status().isBadRequest()).andExpect(content().string(containsString("控制字符")));

        // saved= shows fixed notices only
        mvc.perform(get("/bulletins").param("region", CITY).param("period", "2025-10").param("saved", "请立即转账到账户123"))
                .andExpect(status().isOk()).andExpect(content().string(org.hamcrest.Matchers.not(containsString("请立即转账"))));
        mvc.perform(post("/bulletins/drafts/" + d.id() + "/head").with(csrf()).param("version", String.valueOf(ok.version()))
                        .param("issuer", h.issuer()).param("addressee", h.addressee()))
                .andExpect(status().is3xxRedirection())
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrlPattern("/bulletins?*saved=head*"));
        mvc.perform(get("/bulletins").param("region", CITY).param("period", "2025-10").param("saved", "head"))
                .andExpect(status().isOk()).andExpect(content().string(containsString("已保存文头和版记")))
                .andExpect(content().string(containsString("title=\"zy_admin\">张掖市住建局管理员</span>")));
    }

    /**
     * The archive is filtered by what the reader may read in SQL, before the page is cut: 25 newer bulletins of another
     * province do not push 甘州区's copy of its city's bulletin off its first page; the other province pages its own.
     */
    @Test
    void theArchiveFiltersBeforeItPages() {
        YearMonth p = YearMonth.of(2025, 11);
        reports.submit(GANZHOU, p, reports.save(GANZHOU, p, 0, values(500, "1000", "400")).version());
        Actor admin = user("t_zy_admin6", CITY, Role.CITY_ADMIN);
        BulletinDraft d = as(admin, () -> drafts.create(CITY, p));
        BulletinDraft dated = as(admin, () -> drafts.saveHead(d.id(), d.version(), new BulletinDraft.Head(d.head().issuer(), null,
                d.head().addressee(), LocalDate.of(2025, 12, 8), null, null, null), null));
        IssuedBulletin mine = as(admin, () -> drafts.issue(d.id(), dated.version(), "张建〔2025〕11号", LocalDate.of(2025, 12, 9)));
        int jilin = regions.byCode("220000").orElseThrow().id();
        jdbc.sql("""
                insert into bulletin_issue (region_id, period, issue_year, serial, edition, document_number, signed_on, issued_by,
                       content, docx, sha256)
                select ?, (date '2026-01-01' + make_interval(months => g))::date, 2026, g + 1, 1, '吉建〔2026〕' || (g + 1) || '号',
                       date '2026-11-30', 'jl_admin', i.content, i.docx, i.sha256
                from bulletin_issue i, generate_series(0, 24) g where i.id = ?""").params(jilin, mine.id()).update();
        Actor county = user("t_gzq_reporter6", GANZHOU, Role.COUNTY_REPORTER);
        var countyPage = as(county, () -> drafts.issuedPage(null, null, org.anju.platform.PageRequest.first()));
        assertThat(countyPage.items()).extracting(IssuedBulletin::id).contains(mine.id());
        assertThat(countyPage.items()).extracting(IssuedBulletin::regionCode).allMatch(code -> code.startsWith("6207"));
        Actor jl = user("t_jl_admin", "220000", Role.PROVINCE_ADMIN);
        var jlFirst = as(jl, () -> drafts.issuedPage(null, null, org.anju.platform.PageRequest.first()));
        assertThat(jlFirst.total()).isEqualTo(25);
        assertThat(jlFirst.items()).hasSize(20);
        assertThat(as(jl, () -> drafts.issuedPage(null, null, new org.anju.platform.PageRequest(2, 20))).items()).hasSize(5);
        assertThatThrownBy(() -> as(jl, () -> drafts.issuedPage(null, null, new org.anju.platform.PageRequest(3, 20))))
                .isInstanceOf(BadInput.class).hasMessageContaining("超出范围");
        assertThat(as(county, () -> drafts.issuedPage(null, null, org.anju.platform.PageRequest.first())).total())
                .as("the county counts only what it may read").isEqualTo(countyPage.total());
    }
}
