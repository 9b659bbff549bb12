package org.anju.account;

import org.anju.AnjuTest;
import org.anju.platform.ConcurrentUpdateException;
import org.anju.region.Regions;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;

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
}
