package org.anju.account;

import org.anju.AnjuTest;
import org.anju.platform.ConcurrentUpdateException;
import org.anju.region.Regions;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;

import java.util.EnumSet;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A stale refusal names what made the version when it was no account, as a reader knows it — 命令行（root）, 系统 — not by
 * the trail's code (cli:root, system): review 24 M1.
 */
@AnjuTest
@TestPropertySource(properties = "anju.test.database=last_change")
class LastChangeTest {

    @Autowired
    Users users;
    @Autowired
    Regions regions;

    @Test
    void aCommandsChangeIsNamedAsTheCommandLine() {
        User u = users.create(new NewUser("lc_target", "最后修改测试", "361102", Set.of(Role.COUNTY_REPORTER), null)).user();
        Actor operator = Actor.commandLine(regions.root(), "root");
        Access.runAs(operator, () -> users.update(u.id(), u.version(), "命令行改过的名字", u.roles(), true));
        // the system (the test's actor) sends the version it read before the command's change
        assertThatThrownBy(() -> users.update(u.id(), u.version(), "系统的改动", u.roles(), true))
                .isInstanceOf(ConcurrentUpdateException.class)
                .hasMessageStartingWith("用户“命令行改过的名字”已被命令行（root）于 ")
                .hasMessageNotContaining("cli:root");
        // and the command's own stale change is the command's own
        User now = users.get(u.id());
        users.update(u.id(), now.version(), "系统改过的名字", u.roles(), true);
        assertThatThrownBy(() -> Access.runAs(operator, () -> users.update(u.id(), now.version(), "再改", u.roles(), true)))
                .isInstanceOf(ConcurrentUpdateException.class)
                .hasMessageStartingWith("用户“系统改过的名字”已被系统于 ");
    }

    /**
     * The user's own account is said with the way its change came in, as the trail recorded it (audit_log.via): it said
     * 您本人（另一窗口或此前的一次提交） for an import too, and 您本人 to whoever else shares the login (guesses audit L4).
     */
    @Test
    void theUsersOwnAccountIsSaidWithTheChannelItsChangeCameBy() {
        User u = users.create(new NewUser("lc_own", "渠道测试", "361102", Set.of(Role.COUNTY_REPORTER), null)).user();
        Actor page = new Actor("sr_admin", "上饶市住建局管理员", regions.byCode("361100").orElseThrow(),
                EnumSet.of(Role.CITY_ADMIN), Channel.UI, false);
        Access.runAs(page.via(Channel.IMPORT), () -> users.update(u.id(), u.version(), "导入改过的名字", u.roles(), true));
        assertThatThrownBy(() -> Access.runAs(page, () -> users.update(u.id(), u.version(), "页面的改动", u.roles(), true)))
                .isInstanceOf(ConcurrentUpdateException.class)
                .hasMessageStartingWith("用户“导入改过的名字”已被您本人的账号（通过导入）于 ")
                .hasMessageEndingWith("修改，您的修改未保存；请刷新后重新修改（当前版本 " + (u.version() + 1) + "，提交的版本 "
                        + u.version() + "）");
        User now = users.get(u.id());
        Access.runAs(page, () -> users.update(u.id(), now.version(), "页面改过的名字", u.roles(), true));
        assertThatThrownBy(() -> Access.runAs(page.via(Channel.API), () -> users.update(u.id(), now.version(), "接口的改动",
                u.roles(), true)))
                .isInstanceOf(ConcurrentUpdateException.class)
                .hasMessageStartingWith("用户“页面改过的名字”已被您本人的账号（另一窗口或此前的一次提交）于 ");
    }
}
