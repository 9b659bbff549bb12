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
        String password = passwordStdin ? Stdin.line() : null;
        if (passwordStdin && (password == null || password.isBlank())) {
            spec.commandLine().getErr().println("错误：标准输入中没有密码：用 --password-stdin 时把密码从标准输入传入，如 "
                    + "printf '%s\\n' \"$NEW_PASSWORD\" | java -jar anju.jar user password 用户名 --password-stdin；或去掉 --password-stdin，由系统生成一个密码");
            return Cli.BAD_INPUT;
        }
        Users.WithPassword reset = users.resetPassword(user.id(), password);
        spec.commandLine().getOut().println("已重置 " + user.username() + " 的密码" + (reset.generated()
                ? "：" + reset.password() + "（只显示这一次）" : ""));
        return Cli.OK;
    }
}
