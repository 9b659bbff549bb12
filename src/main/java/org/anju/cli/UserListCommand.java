package org.anju.cli;

import org.anju.account.Users;
import org.anju.region.Regions;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

import java.util.concurrent.Callable;

@Command(name = "list", mixinStandardHelpOptions = true, description = "列出全部用户")
class UserListCommand implements Callable<Integer> {

    private final Users users;
    private final Regions regions;

    @Spec
    CommandSpec spec;

    UserListCommand(Users users, Regions regions) {
        this.users = users;
        this.regions = regions;
    }

    @Override
    public Integer call() {
        var out = spec.commandLine().getOut();
        var all = users.manageable();
        if (all.isEmpty()) {
            // said on stderr: stdout stays the list a script reads (operator trial: a new database listed nothing, not
            // a word, and it was not clear whether the command had looked in the right one)
            spec.commandLine().getErr().println("数据库中还没有用户：用 user add 添加第一个管理员（README “Production”）");
            return Cli.OK;
        }
        all.forEach(u -> out.printf("%-16s %-20s %-10s %-12s %s%s%n", u.username(), u.displayName(),
                regions.byId(u.regionId()).code(), regions.byId(u.regionId()).name(), u.rolesLabel(),
                u.enabled() ? "" : "（已停用）"));
        return Cli.OK;
    }
}
