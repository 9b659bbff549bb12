package org.anju.cli;

import picocli.CommandLine.Command;

@Command(name = "user", mixinStandardHelpOptions = true,
        description = "用户账号：新建（如第一个省级管理员）、列出、修改角色或停用、重置密码",
        subcommands = {UserAddCommand.class, UserListCommand.class, UserSetCommand.class, UserPasswordCommand.class})
class UserCommand {

    /** The account of {@code username}, or the refusal the subcommands give (exit 2). */
    static org.anju.account.User existing(org.anju.account.Users users, String username) {
        return users.byUsername(username).orElseThrow(() -> new org.anju.platform.NotFound("用户不存在：" + username));
    }
}
