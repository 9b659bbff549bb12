package org.anju.bulletin;

import org.anju.AtOnce;
import org.anju.AnjuTest;
import org.anju.account.Access;
import org.anju.account.Actor;
import org.anju.account.Channel;
import org.anju.account.Role;
import org.anju.platform.ConcurrentUpdateException;
import org.anju.region.Regions;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.function.Supplier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Defect 12 of the double-submit trial (rows 16, 17): a change to a 通报 draft sent twice was refused with "通报草稿已被他人
 * 修改（或已签发）" and a 签发 racing its twin with "刚刚已由他人签发", although the user's own first click had done it.
 * The same change by the same user, already in the draft, is answered as saved; the same 签发 as what it became; any
 * other stale change names who saved the version there and when.
 */
@AnjuTest
@TestPropertySource(properties = "anju.test.database=bulletin_again")
class BulletinAgainTest {

    static final String CITY = "620700";

    @Autowired
    BulletinDrafts drafts;
    @Autowired
    Regions regions;
    @Autowired
    JdbcClient jdbc;

    Actor user(String username, String displayName) {
        jdbc.sql("insert into users (username, display_name, password_hash, region_id, roles) values (?, ?, 'x', "
                + "(select id from region where code = ?), '{CITY_ADMIN}') on conflict do nothing").params(username, displayName, CITY)
                .update();
        return new Actor(username, displayName, regions.byCode(CITY).orElseThrow(), EnumSet.of(Role.CITY_ADMIN), Channel.UI, false);
    }

    <T> T as(Actor a, Supplier<T> work) {
        return Access.runAs(a, work);
    }

    static BulletinDraft.Head dated(BulletinDraft d, String copyTo) {
        return new BulletinDraft.Head(d.head().issuer(), null, d.head().addressee(), LocalDate.of(2024, 1, 9), copyTo, null, null);
    }

    @Test
    void aChangeSentAgainIsAnsweredAsSavedAndWritesNothing() {
        Actor me = user("t_ba_me", "张掖市通报员甲");
        BulletinDraft d = as(me, () -> drafts.create(CITY, YearMonth.of(2023, 5)));
        long id = d.id();
        int v = d.version();
        BulletinDraft head = as(me, () -> drafts.saveHead(id, v, dated(d, "省住建厅"), null));
        assertThat(as(me, () -> drafts.saveHead(id, v, dated(d, "省住建厅"), null)).version()).isEqualTo(head.version());
        BulletinDraft edited = as(me, () -> drafts.editSection(id, head.version(), BulletinDrafts.NEXT_STEPS_KEY, null, "一要按月报送。"));
        assertThat(as(me, () -> drafts.editSection(id, head.version(), BulletinDrafts.NEXT_STEPS_KEY, null, "一要按月报送。")).version())
                .isEqualTo(edited.version());
        BulletinDraft added = as(me, () -> drafts.addSection(id, edited.version(), DraftSection.Kind.PROBLEM, null, "资金拨付慢。"));
        String hand = added.sections().stream().filter(s -> s.key().startsWith("hand:")).findFirst().orElseThrow().key();
        BulletinDraft removed = as(me, () -> drafts.removeSection(id, added.version(), hand));
        assertThat(as(me, () -> drafts.removeSection(id, added.version(), hand)).version()).isEqualTo(removed.version());
        List<String> order = new ArrayList<>(removed.unitOrder());
        java.util.Collections.reverse(order);
        BulletinDraft ordered = as(me, () -> drafts.order(id, removed.version(), order));
        BulletinDraft orderedAgain = as(me, () -> drafts.order(id, removed.version(), order));
        assertThat(orderedAgain.version()).as("no second save, no second refresh").isEqualTo(ordered.version());
        assertThat(orderedAgain.unitOrder()).isEqualTo(order);
    }

    @Test
    void aStaleChangeNamesWhoSavedTheVersionAndWhenNotAnUnnamedOther() {
        Actor me = user("t_ba_me2", "张掖市通报员乙");
        Actor colleague = user("t_ba_colleague", "张掖市通报员丙");
        BulletinDraft d = as(me, () -> drafts.create(CITY, YearMonth.of(2023, 6)));
        long id = d.id();
        int v = d.version();
        as(colleague, () -> drafts.saveHead(id, v, dated(d, "同事的抄送"), null));
        // the colleague's very head again from my old page: not mine — refused, named
        assertThatThrownBy(() -> as(me, () -> drafts.saveHead(id, v, dated(d, "同事的抄送"), null)))
                .isInstanceOf(ConcurrentUpdateException.class)
                .hasMessageStartingWith("张掖市2023年6月的通报草稿已被张掖市通报员丙（t_ba_colleague）于 ")
                .hasMessageEndingWith("修改，未保存，请刷新后重试（当前版本 " + (v + 1) + "，提交的版本 " + v + "）")
                .hasMessageNotContaining("他人");
        // my own save in another window, then other words from the old page: said as mine
        BulletinDraft mine = as(me, () -> drafts.saveHead(id, v + 1, dated(d, "我的抄送"), null));
        assertThatThrownBy(() -> as(me, () -> drafts.saveHead(id, v + 1, dated(d, "另一个抄送"), null)))
                .isInstanceOf(ConcurrentUpdateException.class)
                .hasMessageContaining("已被您本人的账号于 ");
        // a part the colleague removed, edited from my old page: named, not "可能已被他人删除"
        BulletinDraft added = as(me, () -> drafts.addSection(id, mine.version(), DraftSection.Kind.PROBLEM, null, "问题一。"));
        String hand = added.sections().stream().filter(s -> s.key().startsWith("hand:")).findFirst().orElseThrow().key();
        as(colleague, () -> drafts.removeSection(id, added.version(), hand));
        assertThatThrownBy(() -> as(me, () -> drafts.editSection(id, added.version(), hand, null, "问题一（改）。")))
                .isInstanceOf(ConcurrentUpdateException.class)
                .hasMessageContaining("已被张掖市通报员丙（t_ba_colleague）于 ").hasMessageNotContaining("他人");
        assertThat(drafts.draft(id).head().copyTo()).isEqualTo("我的抄送");
    }

    @Test
    void aDoubleClickOnIssueAnswersBothWithTheOneIssued() throws Exception {
        Actor me = user("t_ba_issuer", "张掖市签发人");
        BulletinDraft d = as(me, () -> drafts.create(CITY, YearMonth.of(2023, 7)));
        BulletinDraft ready = as(me, () -> drafts.saveHead(d.id(), d.version(), dated(d, null), null));
        List<IssuedBulletin> answers = AtOnce.twice(() -> as(me,
                () -> drafts.issue(d.id(), ready.version(), "张建〔2023〕7号", LocalDate.of(2024, 1, 10))));
        assertThat(answers.get(0).id()).as("both answered with the one issued").isEqualTo(answers.get(1).id());
        assertThat(jdbc.sql("select count(*) from bulletin_issue where draft_id = ?").param(d.id()).query(Integer.class).single())
                .isEqualTo(1);
    }
}
