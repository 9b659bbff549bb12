package org.anju.ledger.item;

import org.anju.platform.ChinaTime;
import org.anju.AnjuTest;
import org.anju.account.Access;
import org.anju.account.Actor;
import org.anju.account.Channel;
import org.anju.account.Role;
import org.anju.platform.ConcurrentUpdateException;
import org.anju.platform.Conflict;
import org.anju.platform.Denied;
import org.anju.region.Regions;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * 交办 → 整改中 (note + file) → 申请销号 → 退回 → again → 已销号 by the city; deadlines on the holiday calendar (15 working
 * days over 国庆 2025), a year without a notice refused; 信访 60日 from 受理; overdue and due-soon; 督办 and its reply;
 * a unit's clerk sees its unit's items only.
 */
@AnjuTest
@TestPropertySource(properties = "anju.test.database=ledger_scenario")
class LedgerScenarioTest {

    static final String ZHANGGONG = "360702", GANZHOU = "360700", NANKANG = "360703";

    @Autowired
    Ledger ledger;
    @Autowired
    LedgerFigures figures;
    @Autowired
    Regions regions;
    @Autowired
    JdbcClient jdbc;

    Actor user(String username, String region, Role role) {
        return new Actor(username, "测试用户", regions.byCode(region).orElseThrow(), EnumSet.of(role), Channel.UI, false);
    }

    <T> T as(Actor a, Supplier<T> work) {
        return Access.runAs(a, work);
    }

    void account(String username, String region) {
        jdbc.sql("insert into users (username, display_name, password_hash, region_id, roles) values (?, '测试经办人', 'x', "
                + "(select id from region where code = ?), '{VIEWER}') on conflict do nothing").params(username, region).update();
    }

    @Test
    void anAuditFindingFromHandoverToClosing() {
        Actor county = user("t_zg_admin", ZHANGGONG, Role.COUNTY_ADMIN);
        Actor city = user("t_gz_admin", GANZHOU, Role.CITY_ADMIN);
        Actor clerk = user("t_zg_czj", ZHANGGONG, Role.VIEWER);
        Actor otherClerk = user("t_zg_fgw", ZHANGGONG, Role.VIEWER);
        account("t_zg_czj", ZHANGGONG);
        account("t_zg_fgw", ZHANGGONG);
        Unit finance = as(county, () -> ledger.addUnit(ZHANGGONG, "章贡区财政局", UnitKind.GOVERNMENT));
        Unit ndrc = as(county, () -> ledger.addUnit(ZHANGGONG, "章贡区发改委", UnitKind.GOVERNMENT));
        as(county, () -> {
            ledger.linkAccount("t_zg_czj", finance.id());
            ledger.linkAccount("t_zg_fgw", ndrc.id());
            return null;
        });
        assertThatThrownBy(() -> as(county, () -> ledger.addUnit(ZHANGGONG, "章贡区财政局", UnitKind.GOVERNMENT)))
                .isInstanceOf(Conflict.class).hasMessage("章贡区已有责任单位“章贡区财政局”");

        // 15 working days from Friday 2025-09-26 over 国庆·中秋 2025 (10-01..10-08 off, 09-28 and 10-11 worked): 2025-10-23
        long id = as(county, () -> ledger.create(new NewItem("AUDIT", ZHANGGONG, "公租房租金收缴不及时", Map.of("source", "江西省审计厅",
                "category", "住房保障资金", "amount", "1.5851", "rectify_type", "分阶段整改"), finance.id(), "局长", "制定催缴方案",
                null, 15, true, LocalDate.of(2025, 9, 26), null, null)));
        Item item = as(county, () -> ledger.item(id));
        assertThat(item.deadline()).isEqualTo(LocalDate.of(2025, 10, 23));
        assertThat(item.deadlineRule()).isEqualTo("自2025年9月26日起15个工作日（章贡区工作日历）");
        assertThat(item.state()).isEqualTo(LedgerState.PENDING);
        assertThat(item.field("amount")).isEqualTo("1.5851");
        // a year without a loaded holiday notice is refused, in Chinese, not guessed
        assertThatThrownBy(() -> as(county, () -> ledger.create(new NewItem("AUDIT", ZHANGGONG, "未来的事项", Map.of("source", "审计局",
                "category", "其他", "rectify_type", "立行立改"), finance.id(), null, null, null, 5, true, LocalDate.of(2031, 1, 6), null, null))))
                .isInstanceOf(Conflict.class).hasMessageContaining("没有2031年的放假安排");
        // amounts keep the kind's scale: 5 decimals of 万元 are refused, not rounded
        assertThatThrownBy(() -> as(county, () -> ledger.create(new NewItem("AUDIT", ZHANGGONG, "x", Map.of("source", "审计局",
                "category", "其他", "rectify_type", "立行立改", "amount", "1.23456"), finance.id(), null, null,
                LocalDate.of(2026, 12, 31), null, null, null, null, null))))
                .hasMessageContaining("“涉及金额（万元）”最多 4 位小数");

        // the other unit's clerk neither sees nor works on it; the finance clerk does
        assertThatThrownBy(() -> as(otherClerk, () -> ledger.item(id))).isInstanceOf(Denied.class)
                .hasMessage("无权查看该事项：本账号只办理章贡区发改委的台账事项");
        assertThat(as(otherClerk, () -> ledger.items(ZHANGGONG, null, null))).isEmpty();
        // nor in the supervision figures: a unit's clerk counts and lists its own unit's items only
        java.time.LocalDate now = java.time.LocalDate.now(org.anju.platform.ChinaTime.ZONE);
        assertThat(as(otherClerk, () -> figures.counts(ZHANGGONG, now))).isEmpty();
        assertThat(as(otherClerk, () -> figures.rates(ZHANGGONG))).isEmpty();
        assertThat(as(county, () -> figures.counts(ZHANGGONG, now))).isNotEmpty();
        assertThat(as(county, () -> figures.rates(ZHANGGONG))).isNotEmpty();
        assertThat(as(clerk, () -> ledger.items(ZHANGGONG, null, null))).extracting(Item::id).containsExactly(id);

        byte[] pdf = "%PDF-1.4 催缴通知书".getBytes(StandardCharsets.UTF_8);
        as(clerk, () -> ledger.progress(id, 0, "已向承租户发出催缴通知书 37 份", ChinaTime.today(),
                List.of(new Upload("催缴通知书.pdf", "application/pdf", pdf))));
        Item working = as(clerk, () -> ledger.item(id));
        assertThat(working.state()).isEqualTo(LedgerState.IN_PROGRESS);
        List<EvidenceFile> files = as(clerk, () -> ledger.files(id));
        assertThat(files).singleElement().satisfies(f -> {
            assertThat(f.size()).isEqualTo(pdf.length);
            assertThat(f.sha256()).isEqualTo(Ledger.sha256(pdf));
        });
        assertThat(as(clerk, () -> ledger.fileContent(files.getFirst().id()))).isEqualTo(pdf);
        // a replaced file is a new version; the old one stays
        EvidenceFile v2 = as(clerk, () -> ledger.addFile(id, new Upload("催缴通知书.pdf", "application/pdf", "v2".getBytes()),
                files.getFirst().id()));
        assertThat(v2.replaces()).isEqualTo(files.getFirst().id());
        assertThat(as(clerk, () -> ledger.files(id))).hasSize(2);
        // stale version
        assertThatThrownBy(() -> as(clerk, () -> ledger.apply(id, 0, "已整改"))).isInstanceOf(ConcurrentUpdateException.class);

        // 整改措施 and 责任人 changed by the unit; a cleared 责任人 is null, not ""
        Item edited = as(clerk, () -> ledger.editMeasures(id, working.version(), "逐户催缴，按月通报", null));
        assertThat(edited.measures()).isEqualTo("逐户催缴，按月通报");
        assertThat(edited.responsible()).isNull();
        Item applied = as(clerk, () -> ledger.apply(id, edited.version(), "租金已收缴"));
        assertThat(applied.state()).isEqualTo(LedgerState.APPLIED);
        // the county may not close its own item; the city does
        assertThatThrownBy(() -> as(county, () -> ledger.approve(id, applied.version()))).isInstanceOf(Denied.class)
                .hasMessage("无权为章贡区的事项销号或退回：由其上一级（赣州市）的管理员办理");
        assertThat(as(city, () -> ledger.approvals())).extracting(Item::id).contains(id);
        Item returned = as(city, () -> ledger.returnItem(id, applied.version(), "缺少收缴凭证"));
        assertThat(returned.state()).isEqualTo(LedgerState.IN_PROGRESS);
        assertThatThrownBy(() -> as(city, () -> ledger.approve(id, returned.version()))).isInstanceOf(Conflict.class)
                .hasMessageStartingWith("当前状态为“整改中”，不能销号");
        Item again = as(clerk, () -> {
            Item i = ledger.item(id);
            ledger.progress(id, i.version(), "补充收缴凭证", ChinaTime.today(), List.of(new Upload("凭证.jpg", "image/jpeg", new byte[]{1, 2, 3})));
            return ledger.apply(id, ledger.item(id).version(), "已补充凭证");
        });
        Item closed = as(city, () -> ledger.approve(id, again.version()));
        assertThat(closed.state()).isEqualTo(LedgerState.CLOSED);
        assertThat(closed.closedOn()).isEqualTo(ChinaTime.today());
        assertThat(closed.alert()).isEqualTo(Alert.NONE);
        assertThat(as(county, () -> ledger.timeline(id))).extracting(ItemEvent::action).containsExactly(
                "交办", "报送进展", "替换证明材料", "修改整改措施", "申请销号", "退回", "报送进展", "申请销号", "销号");
        assertThat(as(county, () -> ledger.timeline(id)).get(5).text()).isEqualTo("缺少收缴凭证");

        // the audit trail has every change of the item row: the insert and seven updates (2 进展, 措施, 2 申请, 退回, 销号)
        assertThat(jdbc.sql("select count(*) from audit_log where table_name = 'ledger_item' and row_key = jsonb_build_object('id', ?::bigint)")
                .param(id).query(Integer.class).single()).isEqualTo(8);
    }

    @Test
    void petitionsOverdueDueSoonAndSupervision() {
        Actor county = user("t_zg_admin2", ZHANGGONG, Role.COUNTY_ADMIN);
        Actor city = user("t_gz_admin2", GANZHOU, Role.CITY_ADMIN);
        Actor otherCounty = user("t_nk_admin", NANKANG, Role.COUNTY_ADMIN);
        Unit street = as(county, () -> ledger.addUnit(ZHANGGONG, "解放街道办事处", UnitKind.GOVERNMENT));
        // 信访: 60日 from 受理日期 (信访条例 第三十三条), calendar days
        long petition = as(county, () -> ledger.create(new NewItem("PETITION", ZHANGGONG, "反映公租房漏水", Map.of("channel", "12345热线",
                "received_on", "2026-09-01", "accepted_on", "2026-09-10", "content", "顶楼漏水"), street.id(), null, null,
                null, null, null, null, "张三丰", "13800138000")));
        Item p = as(county, () -> ledger.item(petition, LocalDate.of(2026, 11, 1)));
        assertThat(p.deadline()).isEqualTo(LocalDate.of(2026, 11, 9));
        assertThat(p.deadlineRule()).isEqualTo("自2026年9月10日起60日");
        assertThat(p.petitionerName()).isNotEqualTo("张三丰").contains("*");
        assertThat(p.petitionerPhone()).doesNotContain("13800138000");
        assertThat(p.alert()).isEqualTo(Alert.DUE_SOON);   // 8 days before, within the kind's 10
        assertThat(as(county, () -> ledger.item(petition, LocalDate.of(2026, 11, 10))).alert()).isEqualTo(Alert.OVERDUE);
        assertThatThrownBy(() -> as(county, () -> ledger.create(new NewItem("PETITION", ZHANGGONG, "x", Map.of("channel", "微信",
                "received_on", "2026-09-01", "accepted_on", "2026-09-10", "content", "x"), street.id(), null, null, null, null,
                null, null, null, null)))).hasMessage("“信访渠道”应为 来信、来访、网上信访、12345热线、督办转办 之一，实际为“微信”");

        long overdueRisk = as(county, () -> ledger.create(new NewItem("OVERDUE_RESETTLEMENT", ZHANGGONG, "某棚改项目逾期未回迁",
                Map.of("category", "在建项目", "project_info", "2019年开工", "households", "120", "problem", "配套未完成",
                        "promised_on", "2024-06-30"), street.id(), "街道主任", null, LocalDate.of(2026, 12, 31), null, null, null,
                null, null)));
        Item o = as(county, () -> ledger.item(overdueRisk, LocalDate.of(2026, 12, 1)));
        assertThat(o.monthsLate()).isEqualTo(29L);   // 2024-06-30 → 2026-12-01

        LocalDate on = LocalDate.of(2026, 11, 15);
        assertThat(as(city, () -> figures.overdue(GANZHOU, on))).extracting(LedgerFigures.Late::itemId).contains(petition)
                .doesNotContain(overdueRisk);
        assertThat(as(city, () -> figures.overdue(GANZHOU, on))).filteredOn(l -> l.itemId() == petition).singleElement()
                .extracting(LedgerFigures.Late::daysLate).isEqualTo(6L);
        assertThat(as(city, () -> figures.dueSoon(GANZHOU, LocalDate.of(2026, 12, 5)))).extracting(LedgerFigures.Late::itemId)
                .contains(overdueRisk);
        assertThatThrownBy(() -> as(otherCounty, () -> figures.overdue(ZHANGGONG, on))).isInstanceOf(Denied.class);
        assertThat(as(city, () -> figures.rates(GANZHOU))).filteredOn(r -> r.kind().equals("PETITION")).isNotEmpty()
                .allSatisfy(r -> assertThat(r.total()).isPositive());

        // 督办: the city to 章贡区 about the petition, with its deadline; 章贡区 replies; both on the item's timeline
        assertThatThrownBy(() -> as(county, () -> ledger.issueNotice(ZHANGGONG, List.of(petition), "督办", null, ChinaTime.today())))
                .isInstanceOf(Denied.class).hasMessage("无权向章贡区发督办通知：由其上一级的管理员发出");
        Notice n = as(city, () -> ledger.issueNotice(ZHANGGONG, List.of(petition), "信访件超期未办结", "请于期限内办结并答复",
                ChinaTime.today().plusDays(5)));
        assertThat(n.issuerName()).isEqualTo("赣州市");
        Notice replied = as(county, () -> ledger.reply(n.id(), n.version(), "已安排维修，预计下周完工"));
        assertThat(replied.reply()).isEqualTo("已安排维修，预计下周完工");
        assertThat(as(county, () -> ledger.timeline(petition))).extracting(ItemEvent::action).containsExactly("交办", "督办", "答复督办");
        assertThat(as(city, () -> ledger.notices(GANZHOU))).extracting(Notice::id).contains(n.id());
    }
}
