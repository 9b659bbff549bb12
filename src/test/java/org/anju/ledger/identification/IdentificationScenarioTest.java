package org.anju.ledger.identification;

import org.anju.AnjuTest;
import org.anju.account.Access;
import org.anju.account.Actor;
import org.anju.account.Channel;
import org.anju.account.Role;
import org.anju.platform.BadInput;
import org.anju.platform.ConcurrentUpdateException;
import org.anju.platform.Conflict;
import org.anju.platform.Denied;
import org.anju.project.Project;
import org.anju.project.Projects;
import org.anju.region.Regions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.function.Supplier;

import static org.anju.ledger.identification.ChecklistFileTest.JILIN;
import static org.anju.ledger.identification.ChecklistFileTest.SHANDONG;
import static org.anju.ledger.identification.ChecklistFileTest.resource;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * 棚改项目认定 with the real clauses: Jilin's 吉安居办〔2021〕10号 §四 and Shandong's 2018 认定办法 (as reported) uploaded
 * by their provinces; 南关区 (长春市) and 历下区 (济南市) identify their projects, the cities decide.
 */
@AnjuTest
@TestPropertySource(properties = "anju.test.database=ledger_identification")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class IdentificationScenarioTest {

    static final LocalDate DAY = LocalDate.of(2021, 6, 1);

    @Autowired
    Checklists checklists;
    @Autowired
    Identifications identifications;
    @Autowired
    Projects projects;
    @Autowired
    Regions regions;
    @Autowired
    JdbcClient jdbc;

    Actor nanguan;     // 南关区 (长春市) 县级填报员
    Actor changchun;   // 长春市 市级管理员
    Actor lixia;       // 历下区 (济南市)
    Actor jinan;
    Checklist jilin;
    Checklist shandong;
    int serial;

    Actor actor(String username, String region, Role role) {
        return new Actor(username, username, regions.byCode(region).orElseThrow(), EnumSet.of(role), Channel.UI, false);
    }

    <T> T as(Actor a, Supplier<T> work) {
        return Access.runAs(a, work);
    }

    void as(Actor a, Runnable work) {
        Access.runAs(a, () -> {
            work.run();
            return null;
        });
    }

    @BeforeAll
    void upload() {
        nanguan = actor("ng_reporter", "220102", Role.COUNTY_REPORTER);
        changchun = actor("cc_admin", "220100", Role.CITY_ADMIN);
        lixia = actor("lx_reporter", "370102", Role.COUNTY_REPORTER);
        jinan = actor("jn_admin", "370100", Role.CITY_ADMIN);
        // a city may not upload its province's notice; the province may
        assertThatThrownBy(() -> as(changchun, () -> checklists.upload("220000", "jl.tsv", resource(JILIN))))
                .isInstanceOf(Denied.class).hasMessageContaining("吉林省");
        jilin = as(actor("jl_admin", "220000", Role.PROVINCE_ADMIN), () -> checklists.upload("220000",
                "220000-吉安居办2021-10号.tsv", resource(JILIN)));
        shandong = as(actor("sd_admin", "370000", Role.PROVINCE_ADMIN), () -> checklists.upload("370000",
                "370000-山东认定办法2018.tsv", resource(SHANDONG)));
    }

    long project(String region, String name) {
        return projects.save(new Project(null, region, null, "SHANTYTOWN", 2021, name + " " + (++serial), null,
                BigDecimal.valueOf(120), BigDecimal.valueOf(120), null, null, null, null, null, null, null, null, null,
                null, 0)).id();
    }

    /** Every exclusion answered 不符合 with evidence, except {@code hit} (answered 符合), priorities answered too. */
    Identification answerAll(Actor county, Identification i, String hit, String hitReason) {
        Identification cur = i;
        for (Identification.Row r : i.rows()) {
            String no = r.clause().number();
            long id = cur.id();
            if (Boolean.TRUE.equals(r.checkHolds()) && !no.equals(hit)) {
                cur = as(county, () -> identifications.answer(id, version(id), no, Answer.MATCHES, "按已填事实属于该情形"));
            } else if (no.equals(hit)) {
                cur = as(county, () -> identifications.answer(id, version(id), no, Answer.MATCHES, hitReason));
            } else if (r.clause().kind() == ClauseKind.PRIORITY) {
                cur = as(county, () -> identifications.answer(id, version(id), no, Answer.NOT_APPLICABLE, "不属于该优先情形"));
            } else {
                cur = as(county, () -> identifications.answer(id, version(id), no, Answer.DOES_NOT_MATCH, "经核查不属于该情形"));
                as(county, () -> identifications.addEvidence(id, no, no + "-核查材料.pdf", "application/pdf",
                        ("核查材料 " + no).getBytes(StandardCharsets.UTF_8)));
            }
        }
        return cur;
    }

    int version(long id) {
        return identifications.get(id).version();
    }

    @Test
    void aRoadWideningDemolitionIsRefusedUnderJilinsClauseNamingIt() {
        long p = project("220102", "人民大街拓宽沿街房屋拆迁");
        Identification i = as(nanguan, () -> identifications.open(p, null, DAY));
        assertThat(i.checklist().id()).isEqualTo(jilin.id());
        assertThat(i.rows()).hasSize(11);
        long id = i.id();
        as(nanguan, () -> identifications.facts(id, version(id), new Facts(AreaType.CITY_SHANTY, 120, 120, 1978, null, null, null)));
        answerAll(nanguan, identifications.get(id), "JL-4", "因人民大街道路拓宽拆迁沿街房屋");
        as(nanguan, () -> identifications.submit(id, version(id)));
        // the city cannot approve: the exclusion hits
        assertThatThrownBy(() -> as(changchun, () -> identifications.approve(id, version(id), null)))
                .isInstanceOf(Conflict.class).hasMessageContaining("第 JL-4 条（排除）答“符合”");
        // the county cannot decide its own
        assertThatThrownBy(() -> as(nanguan, () -> identifications.refuse(id, version(id), List.of("JL-4"), null)))
                .isInstanceOf(Denied.class);
        assertThatThrownBy(() -> as(changchun, () -> identifications.refuse(id, version(id), List.of(), "不符合")))
                .isInstanceOf(BadInput.class).hasMessageContaining("须写明依据的条款");
        Identification refused = as(changchun, () -> identifications.refuse(id, version(id), List.of("JL-4"), "请调整为道路建设项目。"));
        assertThat(refused.state()).isEqualTo(State.REFUSED);
        assertThat(refused.refusedClauses()).containsExactly("JL-4");
        assertThat(refused.decisionNote()).isEqualTo("不予认定。依据吉安居办〔2021〕10号：第 JL-4 条（排除）："
                + "“严禁将因道路拓展、历史街区保护、文物修缮等拆迁改造房屋的项目纳入棚改”。请调整为道路建设项目。");
        assertThat(refused.decidedOn()).isNotNull();
        // a decided identification is closed to the county
        assertThatThrownBy(() -> as(nanguan, () -> identifications.answer(id, version(id), "JL-1", Answer.DOES_NOT_MATCH, "x")))
                .isInstanceOf(Conflict.class).hasMessageContaining("不予认定");
        // history through audit_enable
        assertThat(jdbc.sql("select count(*) from audit_log where table_name = 'ledger_identification' and row_key->>'id' = :id")
                .param("id", String.valueOf(id)).query(Integer.class).single()).isGreaterThanOrEqualTo(4);
    }

    @Test
    void theSameFactsUnderShandongsListAreRefusedUnderItsOwnClause() {
        long p = project("370102", "泉城路拓宽沿街房屋拆迁");
        Identification i = as(lixia, () -> identifications.open(p, null, DAY));
        assertThat(i.checklist().id()).isEqualTo(shandong.id());
        assertThat(i.rows()).extracting(r -> r.clause().number()).containsExactly("SD-1", "SD-2", "SD-3", "SD-4", "SD-5",
                "SD-6", "SD-7", "SD-8");
        long id = i.id();
        as(lixia, () -> identifications.facts(id, version(id), new Facts(AreaType.CITY_SHANTY, 120, 120, 1978, null, null, null)));
        answerAll(lixia, identifications.get(id), "SD-2", "因泉城路道路拓宽拆迁沿街房屋");
        as(lixia, () -> identifications.submit(id, version(id)));
        // Jilin's numbering means nothing here
        assertThatThrownBy(() -> as(jinan, () -> identifications.refuse(id, version(id), List.of("JL-4"), null)))
                .isInstanceOf(BadInput.class).hasMessageContaining("没有第 JL-4 条");
        // 长春 is not the level above 历下区
        assertThatThrownBy(() -> as(changchun, () -> identifications.refuse(id, version(id), List.of("SD-2"), null)))
                .isInstanceOf(Denied.class);
        Identification refused = as(jinan, () -> identifications.refuse(id, version(id), List.of("SD-2"), null));
        assertThat(refused.decisionNote()).contains("第 SD-2 条（排除）：“严禁将因道路拓展、历史街区保护、文物修缮等拆迁改造房屋的项目纳入棚改”");
        assertThat(refused.refusedClauseTexts()).extracting(Clause::text)
                .containsExactly("严禁将因道路拓展、历史街区保护、文物修缮等拆迁改造房屋的项目纳入棚改");
    }

    @Test
    void aDangerousBuildingNotAppraisedDIsRefusedUnderJilinButShandongNamesNoGrade() {
        long p = project("220102", "南岭街道危房改造");
        long id = as(nanguan, () -> identifications.open(p, null, DAY)).id();
        as(nanguan, () -> identifications.facts(id, version(id), new Facts(AreaType.DANGEROUS, 48, 48, 1996, Facts.Grade.C,
                "长春市房屋安全鉴定站 2021-045", null)));
        // the facts say JL-6 hits: 不符合 is refused
        assertThatThrownBy(() -> as(nanguan, () -> identifications.answer(id, version(id), "JL-6", Answer.DOES_NOT_MATCH,
                "房屋老旧"))).isInstanceOf(BadInput.class).hasMessageContaining("鉴定等级 C级（局部危房）")
                .hasMessageContaining("应答“符合”");
        Identification answered = answerAll(nanguan, identifications.get(id), "JL-6", "鉴定为C级，未达到D级");
        Identification.Row six = answered.rows().get(5);
        assertThat(six.checkHolds()).isTrue();
        as(nanguan, () -> identifications.submit(id, version(id)));
        Identification refused = as(changchun, () -> identifications.refuse(id, version(id), List.of("JL-6"), null));
        assertThat(refused.decisionNote()).contains("第 JL-6 条（排除）：“严禁将房龄不长、经鉴定未达到D级危房的居民楼纳入棚改”");

        // Shandong's SD-4 ("结构比较安全") names no grade: the same facts leave the answer to the county
        long q = project("370102", "历山路危房改造");
        long sid = as(lixia, () -> identifications.open(q, null, DAY)).id();
        as(lixia, () -> identifications.facts(sid, version(sid), new Facts(AreaType.DANGEROUS, 48, 48, 1996, Facts.Grade.C,
                "济南市房屋安全鉴定 2021-12", null)));
        Identification sd = as(lixia, () -> identifications.answer(sid, version(sid), "SD-4", Answer.DOES_NOT_MATCH,
                "鉴定为C级局部危房，结构不安全"));
        assertThat(sd.rows().get(3).checkHolds()).isNull();
        assertThat(sd.rows().get(3).answer()).isEqualTo(Answer.DOES_NOT_MATCH);
    }

    @Test
    void aProjectIsApprovedOnlyWhenEveryClauseIsAnsweredAndEveryExclusionHasEvidence() {
        long p = project("220102", "曙光街道集中成片棚户区");
        long id = as(nanguan, () -> identifications.open(p, null, DAY)).id();
        // nothing answered: cannot be submitted
        assertThatThrownBy(() -> as(nanguan, () -> identifications.submit(id, version(id))))
                .isInstanceOf(Conflict.class).hasMessageContaining("JL-1、JL-2");
        as(nanguan, () -> identifications.facts(id, version(id), new Facts(AreaType.CITY_SHANTY, 86, 62, 1965, null, null, null)));
        answerAll(nanguan, identifications.get(id), null, null);
        // the facts put the project among the ≥50-household contiguous areas (JL-P2): it cannot be answered otherwise
        Identification i = identifications.get(id);
        assertThat(i.rows().stream().filter(r -> r.clause().number().equals("JL-P2")).findFirst().orElseThrow().checkHolds())
                .isTrue();
        assertThatThrownBy(() -> as(nanguan, () -> identifications.answer(id, version(id), "JL-P2", Answer.NOT_APPLICABLE,
                "不是")))
                .isInstanceOf(BadInput.class).hasMessageContaining("JL-P2");
        as(nanguan, () -> identifications.answer(id, version(id), "JL-P2", Answer.MATCHES, "集中成片 62 户"));
        assertThat(identifications.get(id).blockers()).isEmpty();
        // a stale version is refused, naming who made the version there: here the reporter's own last answer (it said 他人)
        int stale = version(id) - 1;
        assertThatThrownBy(() -> as(nanguan, () -> identifications.submit(id, stale))).isInstanceOf(ConcurrentUpdateException.class)
                .hasMessageStartingWith("认定记录 " + id + "（")
                .hasMessageContaining("）已被您本人的账号（另一窗口或此前的一次提交）于 ")
                .hasMessageEndingWith("修改，请刷新后再办理（当前版本 " + (stale + 1) + "，提交的版本 " + stale + "）");
        // a colleague of the same 区 on a page read before that answer: the reporter is named
        Actor colleague = actor("ng_colleague", "220102", Role.COUNTY_REPORTER);
        assertThatThrownBy(() -> as(colleague, () -> identifications.submit(id, stale))).isInstanceOf(ConcurrentUpdateException.class)
                .hasMessageContaining("已被").hasMessageContaining("ng_reporter").hasMessageNotContaining("他人");
        as(nanguan, () -> identifications.submit(id, version(id)));
        // returned for more, then approved
        as(changchun, () -> identifications.sendBack(id, version(id), "请补充地块范围图"));
        assertThat(identifications.get(id).state()).isEqualTo(State.RETURNED);
        as(nanguan, () -> identifications.addEvidence(id, "JL-P2", "地块范围图.png", "image/png", new byte[] {1, 2, 3}));
        as(nanguan, () -> identifications.submit(id, version(id)));
        Identification approved = as(changchun, () -> identifications.approve(id, version(id), "同意认定"));
        assertThat(approved.state()).isEqualTo(State.APPROVED);
        // a second identification of an identified project is refused
        assertThatThrownBy(() -> as(nanguan, () -> identifications.open(p, null, DAY))).isInstanceOf(Conflict.class);
    }

    @Test
    void anExclusionAnsweredDoesNotMatchWithoutEvidenceCannotBeApproved() {
        long p = project("220102", "桃源街道棚户区");
        long id = as(nanguan, () -> identifications.open(p, null, DAY)).id();
        as(nanguan, () -> identifications.facts(id, version(id), new Facts(AreaType.CITY_SHANTY, 30, 30, 1970, null, null, null)));
        for (Identification.Row r : identifications.get(id).rows()) {
            String no = r.clause().number();
            as(nanguan, () -> identifications.answer(id, version(id), no,
                    r.clause().kind() == ClauseKind.PRIORITY ? Answer.NOT_APPLICABLE : Answer.DOES_NOT_MATCH, "经核查不属于"));
        }
        as(nanguan, () -> identifications.submit(id, version(id)));
        assertThatThrownBy(() -> as(changchun, () -> identifications.approve(id, version(id), null)))
                .isInstanceOf(Conflict.class)
                .hasMessageContaining("第 JL-1 条（排除）答“不符合”但未附证明材料（应附：区位图、城市规划区范围图）")
                .hasMessageContaining("第 JL-8 条");
    }

    @Test
    void evidenceKeepsItsChecksumAndIsNeverDeleted() {
        long p = project("220102", "鸿城街道棚户区");
        long id = as(nanguan, () -> identifications.open(p, null, DAY)).id();
        byte[] pdf = "%PDF-1.4 鉴定报告".getBytes(StandardCharsets.UTF_8);
        Evidence e = as(nanguan, () -> identifications.addEvidence(id, "JL-6", "鉴定报告.pdf", "application/pdf", pdf));
        assertThat(e.sha256()).isEqualTo(Identifications.sha256(pdf)).hasSize(64);
        assertThat(e.size()).isEqualTo(pdf.length);
        assertThat(as(nanguan, () -> identifications.evidenceContent(id, e.id()))).isEqualTo(pdf);
        assertThatThrownBy(() -> as(nanguan, () -> identifications.addEvidence(id, "JL-6", "大.pdf", "application/pdf",
                new byte[Identifications.MAX_EVIDENCE_BYTES + 1]))).isInstanceOf(BadInput.class).hasMessageContaining("超过证明材料上限");
        assertThatThrownBy(() -> as(nanguan, () -> identifications.addEvidence(id, "JL-99", "a.pdf", "application/pdf", pdf)))
                .isInstanceOf(BadInput.class).hasMessageContaining("没有第 JL-99 条");
        assertThatThrownBy(() -> jdbc.sql("delete from ledger_ident_evidence where id = :id").param("id", e.id()).update())
                .hasMessageContaining("不能删除或修改");
        assertThatThrownBy(() -> jdbc.sql("update ledger_ident_evidence set content = 'x'::bytea where id = :id")
                .param("id", e.id()).update()).hasMessageContaining("不能删除或修改");
        assertThat(jdbc.sql("select hidden_columns::text from audit_table where table_name = 'ledger_ident_evidence'")
                .query(String.class).single()).isEqualTo("{content}");
    }

    @Test
    void aJiangxiProjectGetsNoOtherProvincesChecklist() {
        long p = project("360702", "章贡区棚户区");
        Actor zhanggong = actor("zg_admin", "360702", Role.COUNTY_ADMIN);
        assertThatThrownBy(() -> as(zhanggong, () -> identifications.open(p, null, DAY)))
                .isInstanceOf(Conflict.class).hasMessageContaining("赣州市或江西省尚未上传2021年6月1日有效的棚改项目认定清单")
                .hasMessageContaining("不会套用其他省份的清单");
        assertThat(jdbc.sql("select count(*) from ledger_identification where project_id = :p").param("p", p)
                .query(Integer.class).single()).isZero();
    }

    @Test
    void aChecklistAppliesOnlyFromItsEffectiveDateAndOnlyToItsProvince() {
        long p = project("220102", "早于通知的项目");
        assertThatThrownBy(() -> as(nanguan, () -> identifications.open(p, null, LocalDate.of(2021, 3, 22))))
                .isInstanceOf(Conflict.class).hasMessageContaining("2021年3月22日");
        assertThatThrownBy(() -> as(lixia, () -> identifications.open(p, null, DAY))).isInstanceOf(Denied.class);
        assertThatThrownBy(() -> as(actor("jl_admin", "220000", Role.PROVINCE_ADMIN),
                () -> checklists.upload("220000", "sd.tsv", resource(SHANDONG))))
                .isInstanceOf(BadInput.class).hasMessageContaining("文件的“地区”行为 370000");
        // a non-棚改 project is not identified
        long rental = projects.save(new Project(null, "220102", null, "PUBLIC_RENTAL", 2021, "公租房项目", null,
                BigDecimal.TEN, null, null, null, null, null, null, null, null, null, null, null, 0)).id();
        assertThatThrownBy(() -> as(nanguan, () -> identifications.open(rental, null, DAY)))
                .isInstanceOf(BadInput.class).hasMessageContaining("不是棚户区改造项目");
    }

    /** A later version applies from its own date; a decided case keeps the version it was opened under; city and province both: choose. */
    @Test
    void aLaterVersionAppliesFromItsDateAndACityListIsChosenExplicitly() {
        Actor province = actor("jl_admin", "220000", Role.PROVINCE_ADMIN);
        String v2 = resource(JILIN).replace("生效\t2021-03-23", "生效\t2028-01-01")
                .replace("名称\t吉林省棚户区改造项目认定清单", "名称\t（测试用修订版，非真实规定）吉林省棚户区改造项目认定清单");
        Checklist second = as(province, () -> checklists.upload("220000", "jl-v2-test.tsv", v2));
        // sent again (a double-click, a form sent again after Back): refused naming the version there, nothing stored
        long stored = jdbc.sql("select count(*) from ledger_ident_checklist").query(Long.class).single();
        assertThatThrownBy(() -> as(province, () -> checklists.upload("220000", "jl-v2-test.tsv", v2.replace("\n", "\r\n"))))
                .isInstanceOf(Conflict.class).hasMessageStartingWith("jl-v2-test.tsv：与" + second.uploadedBy() + "于 ")
                .hasMessageEndingWith("上传的认定清单“" + second.name() + "”（自2028年1月1日起）内容相同，未重复保存。如要修改，请上传改过的文件");
        assertThat(jdbc.sql("select count(*) from ledger_ident_checklist").query(Long.class).single()).isEqualTo(stored);
        long p = project("220102", "跨版本项目");
        Identification before = as(nanguan, () -> identifications.open(p, null, LocalDate.of(2027, 12, 31)));
        assertThat(before.checklist().id()).isEqualTo(jilin.id());
        long q = project("220102", "新版本项目");
        Identification after = as(nanguan, () -> identifications.open(q, null, LocalDate.of(2028, 1, 1)));
        assertThat(after.checklist().id()).isEqualTo(second.id());
        assertThat(identifications.get(before.id()).checklist().id()).isEqualTo(jilin.id());

        String cityText = resource("/ledger/identification/test-checklist.tsv").replace("REGION", "220100")
                .replace("2024-01-01", "2030-01-01");
        Checklist city = as(changchun, () -> checklists.upload("220100", "changchun-test.tsv", cityText));
        long r = project("220102", "市省均有清单的项目");
        assertThatThrownBy(() -> as(nanguan, () -> identifications.open(r, null, LocalDate.of(2030, 6, 1))))
                .isInstanceOf(BadInput.class).hasMessageContaining("市和省都有");
        Identification chosen = as(nanguan, () -> identifications.open(r, city.id(), LocalDate.of(2030, 6, 1)));
        assertThat(chosen.rows()).extracting(row -> row.clause().number()).containsExactly("T-1");
        assertThatThrownBy(() -> as(nanguan, () -> identifications.open(project("220102", "另一项目"), shandong.id(),
                LocalDate.of(2030, 6, 1)))).isInstanceOf(BadInput.class).hasMessageContaining("不适用于南关区");
        // stored checklists are never changed
        assertThatThrownBy(() -> jdbc.sql("update ledger_ident_checklist set content = 'x' where id = :id")
                .param("id", jilin.id()).update()).hasMessageContaining("不能删除或修改");
    }
}
