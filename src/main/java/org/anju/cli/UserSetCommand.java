package org.anju.cli;

import org.anju.account.Role;
import org.anju.account.User;
import org.anju.account.Users;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.util.EnumSet;
import java.util.List;
import java.util.concurrent.Callable;

/**
 * Changes an account's roles or state from the command line — the only way for the accounts bound to 全国, which no
 * administrator's page reaches: e.g. turning a Prometheus account made a 全国 查看/审计 (as the README said before the
 * 运维监控 role) into 运维监控, or disabling it.
 */
@Command(name = "set", mixinStandardHelpOptions = true,
        description = "修改用户的角色或停用/启用账号（全国的账号只能在这里修改），如 user set prometheus --role MONITOR")
class UserSetCommand implements Callable<Integer> {

    private final Users users;

    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "USERNAME", description = "用户名")
    String username;

    @Option(names = "--role", split = ",", paramLabel = "ROLE", description = "新的角色（替换原有角色），写法同 user add --role")
    List<Role> roles;

    @ArgGroup(exclusive = true)
    State state;

    static class State {
        @Option(names = "--disable", description = "停用账号（不能再登录）")
        boolean disable;

        @Option(names = "--enable", description = "启用账号")
        boolean enable;
    }

    UserSetCommand(Users users) {
        this.users = users;
    }

    @Override
    public Integer call() {
        if ((roles == null || roles.isEmpty()) && state == null) {
            spec.commandLine().getErr().println("错误：没有要修改的内容：请给出 --role、--disable 或 --enable");
            return Cli.BAD_INPUT;
        }
        User u = UserCommand.existing(users, username);
        User changed = users.update(u.id(), u.version(), u.displayName(),
                roles == null || roles.isEmpty() ? u.roles() : EnumSet.copyOf(roles),
                state == null ? u.enabled() : state.enable);
        spec.commandLine().getOut().println("已修改 " + changed.username() + "：" + changed.rolesLabel() + "，"
                + (changed.enabled() ? "正常" : "已停用"));
        return Cli.OK;
    }
}
