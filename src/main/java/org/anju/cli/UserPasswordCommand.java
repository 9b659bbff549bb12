package org.anju.cli;

import org.anju.account.User;
import org.anju.account.Users;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.util.NoSuchElementException;
import java.util.concurrent.Callable;

@Command(name = "password", mixinStandardHelpOptions = true,
        description = "重置用户密码。密码从标准输入读取（--password-stdin），否则自动生成并只显示这一次")
class UserPasswordCommand implements Callable<Integer> {

    private final Users users;

    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "USERNAME", description = "用户名")
    String username;

    @Option(names = "--password-stdin", description = "从标准输入读取新密码（一行）")
    boolean passwordStdin;

    UserPasswordCommand(Users users) {
        this.users = users;
    }

    @Override
    public Integer call() throws IOException {
        User user = UserCommand.existing(users, username);
        String password = passwordStdin ? Stdin.password("user password " + user.username()) : null;
        Users.WithPassword reset = users.resetPassword(user.id(), password);
        spec.commandLine().getOut().println("已重置 " + user.username() + " 的密码" + (reset.generated()
                ? "：" + reset.password() + "（只显示这一次）" : ""));
        return Cli.OK;
    }
}
