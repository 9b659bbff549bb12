package org.anju.cli;

import org.anju.AnjuTest;
import org.anju.account.AuditTrail;
import org.anju.account.Channel;
import org.anju.account.Users;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.test.context.TestPropertySource;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/** The first administrator of a production install comes from the command line. */
@AnjuTest
@TestPropertySource(properties = "anju.test.database=cli_user")
class CliUserTest {

    @Autowired
    ConfigurableApplicationContext context;
    @Autowired
    AuthenticationManager authentication;
    @Autowired
    Users users;
    @Autowired
    AuditTrail audit;

    private CliRun run(String... args) {
        return CliRun.of(context, args);
    }

    private boolean signsIn(String user, String password) {
        try {
            return authentication.authenticate(new UsernamePasswordAuthenticationToken(user, password)).isAuthenticated();
        } catch (RuntimeException e) {
            return false;
        }
    }

    @Test
    void addsTheFirstProvinceAdminWithAGeneratedPasswordPrintedOnce() {
        CliRun r = run("user", "add", "--username", "jx_first", "--name", "江西省管理员", "--region", "360000",
                "--role", "PROVINCE_ADMIN");
        assertThat(r.exit()).as(r.err()).isEqualTo(Cli.OK);
        Matcher m = Pattern.compile("初始密码：(\\S+)").matcher(r.out());
        assertThat(m.find()).as(r.out()).isTrue();
        assertThat(signsIn("jx_first", m.group(1))).isTrue();
        var created = audit.history("users", Map.of("id", users.byUsername("jx_first").orElseThrow().id())).getFirst();
        assertThat(created.actor()).startsWith("cli:");
        assertThat(created.via()).isEqualTo(Channel.CLI);

        CliRun listed = run("user", "list");
        assertThat(listed.out()).contains("jx_first", "江西省", "省级管理员");
    }

    @Test
    void readsThePasswordFromStandardInputAndResetsIt() {
        InputStream stdin = System.in;
        try {
            System.setIn(new ByteArrayInputStream("Shangrao2023\n".getBytes(StandardCharsets.UTF_8)));
            CliRun r = run("user", "add", "--username", "sr_first", "--region", "361100", "--role", "CITY_ADMIN",
                    "--password-stdin");
            assertThat(r.exit()).as(r.err()).isEqualTo(Cli.OK);
            assertThat(r.out()).doesNotContain("初始密码");
            assertThat(signsIn("sr_first", "Shangrao2023")).isTrue();

            System.setIn(new ByteArrayInputStream("Shangrao2024\n".getBytes(StandardCharsets.UTF_8)));
            assertThat(run("user", "password", "sr_first", "--password-stdin").exit()).isEqualTo(Cli.OK);
            assertThat(signsIn("sr_first", "Shangrao2024")).isTrue();

            // nothing on standard input: said how to give it (operator trial of the twentieth session)
            System.setIn(new ByteArrayInputStream(new byte[0]));
            CliRun empty = run("user", "password", "sr_first", "--password-stdin");
            assertThat(empty.exit()).isEqualTo(Cli.BAD_INPUT);
            assertThat(empty.err()).contains("标准输入中没有密码", "printf", "去掉 --password-stdin");
            assertThat(signsIn("sr_first", "Shangrao2024")).isTrue();
        } finally {
            System.setIn(stdin);
        }
    }

    /**
     * What the operator types is what is set, or said (operator trial of the twentieth session): a password piped in
     * with spaces around it was stripped without a word, so the password the operator kept was not the one set; a user
     * name in capitals was lowered without a word; a name taken was "bad input" (exit 2), where what is stored forbids
     * it (exit 4, as README's table of exit codes has it).
     */
    @Test
    void aPasswordIsNotStrippedANameLoweredIsSaidATakenNameIsAConflict() {
        InputStream stdin = System.in;
        try {
            System.setIn(new ByteArrayInputStream(" Shangrao2025 \n".getBytes(StandardCharsets.UTF_8)));
            CliRun spaced = run("user", "add", "--username", "sr_spaced", "--region", "361100", "--role", "CITY_ADMIN",
                    "--password-stdin");
            assertThat(spaced.exit()).isEqualTo(Cli.BAD_INPUT);
            assertThat(spaced.err()).contains("首尾有空格", "printf").doesNotContain("已创建");
            assertThat(users.byUsername("sr_spaced")).isEmpty();

            // a line's end from Windows (CRLF) is the line's end, not part of the password
            System.setIn(new ByteArrayInputStream("Shangrao2025\r\n".getBytes(StandardCharsets.UTF_8)));
            CliRun upper = run("user", "add", "--username", "SR_Upper", "--region", "361100", "--role", "CITY_ADMIN",
                    "--password-stdin");
            assertThat(upper.exit()).as(upper.err()).isEqualTo(Cli.OK);
            assertThat(upper.out()).contains("已创建用户 sr_upper", "用户名按小写保存：SR_Upper → sr_upper");
            assertThat(signsIn("SR_UPPER", "Shangrao2025")).isTrue();
        } finally {
            System.setIn(stdin);
        }
        CliRun lower = run("user", "add", "--username", "sr_lower", "--region", "361100", "--role", "CITY_ADMIN");
        assertThat(lower.out()).doesNotContain("按小写保存");

        CliRun taken = run("user", "add", "--username", "Sr_Upper", "--region", "361102", "--role", "VIEWER");
        assertThat(taken.exit()).isEqualTo(Cli.CONFLICT);
        assertThat(taken.err()).contains("用户名已存在：sr_upper", "请换一个用户名").doesNotContain("启用原账号");
        assertThat(run("user", "set", "sr_upper", "--disable").exit()).isEqualTo(Cli.OK);
        assertThat(run("user", "add", "--username", "sr_upper", "--region", "361102", "--role", "VIEWER").err())
                .contains("一个已停用的账号", "或启用原账号");
    }

    /**
     * A command's {@code --help} is printed before Spring starts, from command objects made without their beans
     * ({@code Launch.Kind.USAGE}): the same text, byte for byte, as the command running in its context prints.
     */
    @Test
    void aCommandsUsageIsTheSameWithoutSpring() {
        for (String[] asked : new String[][] {{"user", "add", "--help"}, {"user", "--help"}, {"plan", "import", "--help"},
                {"backup", "--help"}, {"restore", "-h"}, {"project", "export", "--help"}, {"ledger", "--help"},
                {"bulletin", "--help"}, {"privacy", "--help"}, {"progress", "--help"}, {"report", "--help"}}) {
            CliRun running = run(asked);
            java.io.ByteArrayOutputStream printed = new java.io.ByteArrayOutputStream();
            int exit = Cli.usage(asked, new java.io.PrintStream(printed, true, StandardCharsets.UTF_8));
            assertThat(exit).isEqualTo(running.exit()).isZero();
            assertThat(printed.toString(StandardCharsets.UTF_8)).as(String.join(" ", asked)).isEqualTo(running.out())
                    .contains("用法");
        }
    }

    /**
     * A 全国 account is out of every administrator's reach: the command line changes it. Before the 运维监控 role the
     * README had the Prometheus account made a 全国 查看/审计, which reads every region; now it can be turned into one.
     */
    @Test
    void setChangesRolesAndStateOfAnAccountNoAdministratorReaches() {
        assertThat(run("user", "add", "--username", "prom_old", "--region", "000000", "--role", "VIEWER").exit())
                .isEqualTo(Cli.OK);
        CliRun monitor = run("user", "set", "prom_old", "--role", "MONITOR");
        assertThat(monitor.exit()).as(monitor.err()).isEqualTo(Cli.OK);
        assertThat(monitor.out()).contains("已修改 prom_old：运维监控，正常");
        assertThat(users.byUsername("prom_old").orElseThrow().roles()).containsExactly(org.anju.account.Role.MONITOR);
        // 运维监控 alone: with a role that reads data it would read every region under its label
        CliRun both = run("user", "set", "prom_old", "--role", "MONITOR,VIEWER");
        assertThat(both.exit()).isEqualTo(Cli.BAD_INPUT);
        assertThat(both.err()).contains("运维监控账号不能兼任其他角色");
        assertThat(run("user", "add", "--username", "prom_two", "--region", "000000", "--role", "VIEWER,MONITOR").exit())
                .isEqualTo(Cli.BAD_INPUT);
        CliRun off = run("user", "set", "prom_old", "--disable");
        assertThat(off.out()).contains("运维监控，已停用");
        assertThat(users.byUsername("prom_old").orElseThrow().enabled()).isFalse();
        CliRun nothing = run("user", "set", "prom_old");
        assertThat(nothing.exit()).isEqualTo(Cli.BAD_INPUT);
        assertThat(nothing.err()).contains("没有要修改的内容");
        assertThat(run("user", "set", "nobody", "--enable").exit()).isEqualTo(Cli.BAD_INPUT);
    }

    @Test
    void badInputIsExit2() {
        assertThat(run("user", "add", "--username", "x1", "--region", "999999", "--role", "VIEWER").exit())
                .isEqualTo(Cli.BAD_INPUT);
        assertThat(run("user", "add", "--username", "x2", "--region", "361102", "--role", "CITY_ADMIN").exit())
                .isEqualTo(Cli.BAD_INPUT);
        CliRun king = run("user", "add", "--username", "x3", "--region", "361102", "--role", "KING");
        assertThat(king.exit()).isEqualTo(Cli.BAD_INPUT);
        // the values as the API lists them (before: "无效" and nothing else, a list's element type not looked at)
        assertThat(king.err()).contains("选项 --role 的值「KING」无效：应为 PROVINCE_ADMIN、CITY_ADMIN、", "、MONITOR 之一");
        assertThat(run("user", "password", "nobody").exit()).isEqualTo(Cli.BAD_INPUT);
    }

    /**
     * What picocli refuses is said in Chinese, naming what is wrong (operator trial F9/F10/F26: "命令有误：Error: --disable,
     * --enable are mutually exclusive (specify only one)", "Missing required subcommand", and "缺少选项 --out" for an
     * option given without its value).
     */
    @Test
    void picocliRefusalsAreSaidInChinese() {
        CliRun both = run("user", "set", "h_t1", "--disable", "--enable");
        assertThat(both.exit()).isEqualTo(Cli.BAD_INPUT);
        assertThat(both.err()).startsWith("错误：选项 --disable 与 --enable 只能给一个").doesNotContain("Error", "exclusive");
        for (String[] alone : new String[][] {{"user"}, {"plan"}}) {
            CliRun said = run(alone);
            assertThat(said.exit()).isEqualTo(Cli.BAD_INPUT);
            assertThat(said.err()).as(alone[0]).startsWith("错误：缺少子命令：请给出 ").contains(" list", "用法：")
                    .doesNotContain("Missing");
        }
        assertThat(run("user").err()).contains("add、list、set、password 之一，如 user add --help");
        // no delete: said how an account is stopped instead of only "是否想写 set？"
        CliRun delete = run("user", "delete", "h_t1");
        assertThat(delete.exit()).isEqualTo(Cli.BAD_INPUT);
        assertThat(delete.err()).startsWith("错误：账号不能删除").contains("user set h_t1 --disable", "user set h_t1 --enable");
        assertThat(run("user", "enable", "h_t1").err()).startsWith("错误：启用账号用 user set h_t1 --enable");
        assertThat(run("user", "disable", "h_t1").err()).startsWith("错误：停用用 user set h_t1 --disable");
        CliRun noValue = run("backup", "--out");
        assertThat(noValue.exit()).isEqualTo(Cli.BAD_INPUT);
        assertThat(noValue.err()).startsWith("错误：选项 --out 后缺少它的值 FILE：请写成 --out FILE").doesNotContain("缺少选项");
        assertThat(run("backup", "--out", "--force").err())
                .startsWith("错误：选项 --out 后缺少它的值 FILE（其后的 --force 不是它的值）");
        assertThat(run("backup").err()).startsWith("错误：缺少选项 --out");   // the option itself missing: as before
    }
}
