package org.anju.cli;

import org.anju.account.NewUser;
import org.anju.account.Role;
import org.anju.account.Users;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.util.EnumSet;
import java.util.List;
import java.util.concurrent.Callable;

@Command(name = "add", mixinStandardHelpOptions = true,
        description = "新建用户。密码从标准输入读取（--password-stdin），否则自动生成并只显示这一次")
class UserAddCommand implements Callable<Integer> {

    private final Users users;

    @Spec
    CommandSpec spec;

    @Option(names = "--username", required = true, description = "用户名：3–32 位小写字母、数字、点、下划线或连字符")
    String username;

    @Option(names = "--name", description = "姓名（显示名），默认同用户名")
    String displayName;

    @Option(names = "--region", required = true, paramLabel = "CODE", description = "所属地区代码，如 360000")
    String region;

    @Option(names = "--role", required = true, split = ",", paramLabel = "ROLE",
            description = "角色：PROVINCE_ADMIN（省级管理员）、CITY_ADMIN（市级管理员）、COUNTY_ADMIN（县级管理员）、"
                    + "HOUSING_OFFICE（住房保障审核员）、COUNTY_REPORTER（县级填报员）、TOWN_REVIEWER（街道初审员）、"
                    + "COMMUNITY_CLERK（社区受理员）、VIEWER（查看/审计）、MONITOR（运维监控，仅全国）")
    List<Role> roles;

    @Option(names = "--password-stdin", description = "从标准输入读取密码（一行）")
    boolean passwordStdin;

    UserAddCommand(Users users) {
        this.users = users;
    }

    @Override
    public Integer call() throws IOException {
        String password = passwordStdin ? Stdin.password("user add … ") : null;
        Users.WithPassword created = users.create(new NewUser(username, displayName == null ? username : displayName,
                region, EnumSet.copyOf(roles), password));
        var out = spec.commandLine().getOut();
        out.println("已创建用户 " + created.user().username() + "（" + created.user().rolesLabel() + "，地区 " + region + "）");
        if (!created.user().username().equals(username.strip())) {
            // 登录时不分大小写（Users.normalize）: said, so the operator hands out the name that is stored
            out.println("注意：用户名按小写保存：" + username.strip() + " → " + created.user().username() + "（登录时大小写均可）");
        }
        if (created.generated()) {
            out.println("初始密码：" + created.password());
            out.println("（只显示这一次，请妥善交给本人，并提醒登录后修改）");
        }
        return Cli.OK;
    }
}
