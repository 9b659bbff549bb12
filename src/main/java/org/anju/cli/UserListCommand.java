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
        users.manageable().forEach(u -> out.printf("%-16s %-20s %-10s %-12s %s%s%n", u.username(), u.displayName(),
                regions.byId(u.regionId()).code(), regions.byId(u.regionId()).name(), u.rolesLabel(),
                u.enabled() ? "" : "（已停用）"));
        return Cli.OK;
    }
}
