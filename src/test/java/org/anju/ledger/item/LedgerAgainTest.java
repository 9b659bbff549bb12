package org.anju.ledger.item;

import org.anju.AtOnce;
import org.anju.AnjuTest;
import org.anju.account.Access;
import org.anju.account.Actor;
import org.anju.account.Channel;
import org.anju.account.Role;
import org.anju.platform.ChinaTime;
import org.anju.platform.ConcurrentUpdateException;
import org.anju.region.Regions;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;

import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Defect 12 of the double-submit trial (row 30): a step on a ledger item sent twice — a double-click, Back + 确认重新提交,
 * an API retry — was refused with "事项…已被他人修改，请刷新后重试" although the user's own first click had made the
 * version there. The same step with the same content by the same user is answered as done, nothing written twice; any
 * other stale step names who made the version, by which step and when.
 */
@AnjuTest
@TestPropertySource(properties = "anju.test.database=ledger_again")
class LedgerAgainTest {

    static final String ZHANGGONG = "360702", GANZHOU = "360700";

    @Autowired
    Ledger ledger;
    @Autowired
    Regions regions;
    @Autowired
    JdbcClient jdbc;

    Actor user(String username, String displayName, String region, Role role) {
        jdbc.sql("insert into users (username, display_name, password_hash, region_id, roles) values (?, ?, 'x', "
                        + "(select id from region where code = ?), ?::text[]) on conflict do nothing")
                .params(username, displayName, region, "{" + role.name() + "}").update();
        return new Actor(username, displayName, regions.byCode(region).orElseThrow(), EnumSet.of(role), Channel.UI, false);
    }

    <T> T as(Actor a, Supplier<T> work) {
        return Access.runAs(a, work);
    }

    long item(Actor county, String title) {
        return as(county, () -> ledger.create(new NewItem("AUDIT", ZHANGGONG, title, Map.of("source", "江西省审计厅",
                "category", "住房保障资金", "rectify_type", "分阶段整改"), null, "局长", "制定催缴方案",
                ChinaTime.today().plusMonths(3), null, null, null, null, null)));
    }

    List<String> timeline(Actor a, long id) {
        return as(a, () -> ledger.timeline(id)).stream().map(ItemEvent::action).toList();
    }

    @Test
    void eachStepSentAgainIsAnsweredAsDoneAndWritesNothing() {
        Actor county = user("t_again_zg", "章贡区经办人", ZHANGGONG, Role.COUNTY_ADMIN);
        Actor city = user("t_again_gz", "赣州市审核人", GANZHOU, Role.CITY_ADMIN);
        long id = item(county, "重复提交测试事项");
        List<Upload> files = List.of(new Upload("通知书.pdf", "application/pdf", "%PDF 通知书".getBytes()));

        int seq = as(county, () -> ledger.progress(id, 0, "已发出催缴通知书", ChinaTime.today(), files));
        // Back + 确认重新提交: the same note, day and file at the version read before
        assertThat(as(county, () -> ledger.progress(id, 0, "已发出催缴通知书", ChinaTime.today(),
                List.of(new Upload("通知书.pdf", "application/pdf", "%PDF 通知书".getBytes()))))).isEqualTo(seq);
        Item edited = as(county, () -> ledger.editMeasures(id, 1, "逐户催缴", null));
        assertThat(as(county, () -> ledger.editMeasures(id, 1, "逐户催缴", null)).version()).isEqualTo(edited.version());
        Item applied = as(county, () -> ledger.apply(id, edited.version(), "已整改"));
        Item appliedAgain = as(county, () -> ledger.apply(id, edited.version(), "已整改"));
        assertThat(appliedAgain.state()).isEqualTo(LedgerState.APPLIED);
        assertThat(appliedAgain.version()).isEqualTo(applied.version());
        Item returned = as(city, () -> ledger.returnItem(id, applied.version(), "缺少凭证"));
        assertThat(as(city, () -> ledger.returnItem(id, applied.version(), "缺少凭证")).version()).isEqualTo(returned.version());
        Item applied2 = as(county, () -> {
            ledger.progress(id, returned.version(), "补充凭证", ChinaTime.today(), List.of());
            return ledger.apply(id, ledger.item(id).version(), "已补充");
        });
        Item closed = as(city, () -> ledger.approve(id, applied2.version()));
        Item closedAgain = as(city, () -> ledger.approve(id, applied2.version()));
        assertThat(closedAgain.state()).isEqualTo(LedgerState.CLOSED);
        assertThat(closedAgain.version()).isEqualTo(closed.version());

        assertThat(timeline(county, id)).containsExactly("交办", "报送进展", "修改整改措施", "申请销号", "退回", "报送进展",
                "申请销号", "销号");
        assertThat(as(county, () -> ledger.files(id))).hasSize(1);

        // 督办 answered twice: one reply, one 答复督办 on the item
        long other = item(county, "督办测试事项");
        Notice n = as(city, () -> ledger.issueNotice(ZHANGGONG, List.of(other), "请按期整改", null, ChinaTime.today().plusDays(5)));
        Notice replied = as(county, () -> ledger.reply(n.id(), n.version(), "已安排"));
        assertThat(as(county, () -> ledger.reply(n.id(), n.version(), "已安排")).version()).isEqualTo(replied.version());
        assertThat(timeline(county, other)).containsExactly("交办", "督办", "答复督办");
    }

    @Test
    void aDoubleClickRacingItsFirstClickIsAnsweredAsDoneToo() throws Exception {
        Actor county = user("t_again_zg2", "章贡区经办人二", ZHANGGONG, Role.COUNTY_ADMIN);
        long id = item(county, "双击测试事项");
        for (int answer : AtOnce.twice(() -> as(county,
                () -> ledger.progress(id, 0, "双击的进展", LocalDate.now(ChinaTime.ZONE), List.of())))) {
            assertThat(answer).as("both answered with the one progress note").isEqualTo(2);
        }
        assertThat(timeline(county, id)).containsExactly("交办", "报送进展");
    }

    @Test
    void aStaleStepNamesWhoMadeTheVersionAndWhenNotAnUnnamedOther() {
        Actor me = user("t_again_me", "章贡区经办人甲", ZHANGGONG, Role.COUNTY_ADMIN);
        Actor colleague = user("t_again_colleague", "章贡区经办人乙", ZHANGGONG, Role.COUNTY_ADMIN);
        Actor city = user("t_again_city", "赣州市审核人乙", GANZHOU, Role.CITY_ADMIN);
        long id = item(me, "过期版本测试事项");
        as(colleague, () -> ledger.progress(id, 0, "同事的进展", ChinaTime.today(), List.of()));
        // my page still at version 0, the same words as the colleague's: not mine — refused, naming the colleague
        assertThatThrownBy(() -> as(me, () -> ledger.progress(id, 0, "同事的进展", ChinaTime.today(), List.of())))
                .isInstanceOf(ConcurrentUpdateException.class)
                .hasMessageStartingWith("事项“过期版本测试事项”已被章贡区经办人乙（t_again_colleague）于 ")
                .hasMessageEndingWith("报送进展，请刷新后重试（当前版本 1，提交的版本 0）")
                .hasMessageNotContaining("他人");
        // my own change in another window, then another change from the old page: said as mine
        as(me, () -> ledger.editMeasures(id, 1, "措施一", null));
        assertThatThrownBy(() -> as(me, () -> ledger.editMeasures(id, 1, "措施二", null)))
                .isInstanceOf(ConcurrentUpdateException.class)
                .hasMessageStartingWith("事项“过期版本测试事项”已被您本人的账号于 ")
                .hasMessageEndingWith("修改整改措施，请刷新后重试（当前版本 2，提交的版本 1）");
        // a version that never was: both versions said once, nobody named (it said "没有版本 9：请刷新后重试（当前版本 2，提交的版本 9）")
        assertThatThrownBy(() -> as(me, () -> ledger.editMeasures(id, 9, "措施二", null)))
                .isInstanceOf(ConcurrentUpdateException.class)
                .hasMessage("事项“过期版本测试事项”没有第 9 版（现为第 2 版），请刷新后重试");
        assertThat(as(me, () -> ledger.item(id)).measures()).isEqualTo("措施一");

        // a notice answered by a colleague: named
        Notice n = as(city, () -> ledger.issueNotice(ZHANGGONG, List.of(id), "督办", null, ChinaTime.today().plusDays(5)));
        as(colleague, () -> ledger.reply(n.id(), n.version(), "同事的答复"));
        assertThatThrownBy(() -> as(me, () -> ledger.reply(n.id(), n.version(), "我的答复")))
                .isInstanceOf(ConcurrentUpdateException.class)
                .hasMessageStartingWith("督办通知已被章贡区经办人乙（t_again_colleague）于 ")
                .hasMessageEndingWith("答复，请刷新后重试（当前版本 1，提交的版本 0）");
    }
}
