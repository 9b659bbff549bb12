package org.anju.cli;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The command line as {@code java -jar anju.jar plan …} starts it: its own application context without
 * the web server, here on a throw-away database.
 */
class CliLaunchTest {

    @AfterEach
    void clear() {
        System.clearProperty("anju.db.ephemeral");
        System.clearProperty("anju.privacy.key-file");
    }

    @Test
    void startsWithoutTheWebServerAndRunsACommand() {
        System.setProperty("anju.db.ephemeral", "true");
        assertThat(Cli.handles(new String[] {"plan", "list"})).isTrue();
        assertThat(Cli.handles(new String[] {"--server.port=9000"})).isFalse();
        assertThat(Cli.run(org.anju.AnjuApplication.class, new String[] {"plan", "list"})).isEqualTo(Cli.OK);
        assertThat(Cli.run(org.anju.AnjuApplication.class, new String[] {"plan", "validate"})).isEqualTo(Cli.OK);
        assertThat(Cli.handles(new String[] {"user", "list"})).isTrue();
        // a new database has no user yet: said, on stderr (operator trial: nothing at all was printed)
        CliRun users = CliRun.main("user", "list");
        assertThat(users.exit()).isEqualTo(Cli.OK);
        assertThat(users.err()).contains("数据库中还没有用户：用 user add 添加第一个管理员");
        assertThat(users.out()).isEmpty();
        assertThat(Cli.run(org.anju.AnjuApplication.class, new String[] {"plan", "import", "/no/such/file.xlsx"})).isEqualTo(Cli.BAD_INPUT);
    }

    @Test
    void aKeyFileOthersCanReadIsWarnedAboutOnStderr(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) throws Exception {
        // commands log at ERROR only: the web app warned of it, a command said nothing (operator trial)
        java.nio.file.Path key = dir.resolve("data-key");
        java.nio.file.Files.writeString(key, "1:" + java.util.Base64.getEncoder().encodeToString(new byte[32]) + "\n");
        java.nio.file.Files.setPosixFilePermissions(key, java.nio.file.attribute.PosixFilePermissions.fromString("rw-r--r--"));
        System.setProperty("anju.db.ephemeral", "true");
        System.setProperty("anju.privacy.key-file", key.toString());
        CliRun users = CliRun.main("user", "list");
        assertThat(users.exit()).as(users.err()).isEqualTo(Cli.OK);
        assertThat(users.err()).contains("个人信息密钥文件 " + key.toAbsolutePath() + " 可被其他用户读写（rw-r--r--），应为 600");
        assertThat(users.out()).isEmpty();

        java.nio.file.Files.setPosixFilePermissions(key, java.nio.file.attribute.PosixFilePermissions.fromString("rw-------"));
        assertThat(CliRun.main("user", "list").err()).doesNotContain("可被其他用户读写");
    }

    /**
     * A command's {@code --help} in some directory: the usage, and no {@code ./anju-data} with a new data key left
     * there (trial of the fifteenth session: 166 MB and a key, for a look at the options). As shipped, its own JVM.
     */
    @Test
    void aCommandsHelpLeavesNoDataDirectory(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) throws Exception {
        java.nio.file.Path data = dir.resolve("anju-data");
        org.anju.MainProcess p = org.anju.MainProcess.runAsShipped(java.util.Map.of("ANJU_DATA_DIR", data.toString()),
                "user", "add", "--help");
        assertThat(p.exit()).as(p.err()).isZero();
        assertThat(p.out()).contains("--username", "--region", "--role");
        assertThat(data).as("before: made, with a new key").doesNotExist();
    }

    /**
     * Two commands started together on one embedded database (two cron jobs): the second waits for the first and both
     * succeed. Before, one failed with 120 lines of "could not lock …/pg/epg-lock", or attached to the first's server
     * and lost it when the first ended (trial of the fifteenth session).
     */
    @Test
    void twoCommandsAtOnceOnOneEmbeddedDatabaseTakeTurns(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir)
            throws Exception {
        java.util.Map<String, String> env = java.util.Map.of("ANJU_DATA_DIR", dir.resolve("data").toString());
        java.util.List<org.anju.MainProcess> runs = new java.util.concurrent.CopyOnWriteArrayList<>();
        java.util.List<Thread> both = new java.util.ArrayList<>();
        for (String[] command : new String[][] {{"plan", "list"}, {"user", "list"}}) {
            both.add(Thread.ofVirtual().start(() -> {
                try {
                    runs.add(org.anju.MainProcess.runAsShipped(env, command));
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            }));
        }
        for (Thread t : both) {
            t.join();
        }
        assertThat(runs).hasSize(2).allSatisfy(r -> assertThat(r.exit()).as(r.err()).isZero());
        assertThat(runs).anySatisfy(r -> assertThat(r.err()).contains("另一个命令正在使用内置数据库"));
    }

    @Test
    void aCommandsStdoutHoldsItsOutputAlone(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) throws Exception {
        // as an operator's script runs it: a JVM of its own, the embedded PostgreSQL started for it; before, the
        // database's start and its server's lines came first on stdout and the JSON did not parse (operator trial)
        // twice: the second finds the data directory and starts the database from main, before Spring's logging
        for (int run = 1; run <= 2; run++) {
            org.anju.MainProcess p = org.anju.MainProcess.runAsShipped(java.util.Map.of("ANJU_DATA_DIR", dir.toString()),
                    "plan", "import", "--dry-run", "--json", "src/main/resources/seeds/001_bc1ecb836366de7f.txt");
            assertThat(p.exit()).as(p.err()).isZero();
            assertThat(tools.jackson.databind.json.JsonMapper.builder().build().readTree(p.out()).isObject()).as(p.out()).isTrue();
            if (run == 2) {
                // the database's early start logs at INFO before Spring's levels apply: not printed at all any more
                // (a trial of the docs' commands saw "Detected a Linux x86_64 system" with every command)
                assertThat(p.err()).as(p.err()).doesNotContain("Detected a Linux");
            }
        }
    }

    @Test
    void aRefusedSettingIsSaidOnceAndExitsAsBadInput(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) throws Exception {
        // before: Spring's failure report (logged before the logging system was set up) and then the command's own
        // lines — the same words twice — and exit 3, the code of a bug
        org.anju.MainProcess p = org.anju.MainProcess.run(java.util.Map.of("ANJU_DATA_DIR", dir.toString(),
                "ANJU_DB_POOL_TIMEOUT", "100ms"), "user", "list");
        assertThat(p.exit()).as(p.err()).isEqualTo(Cli.BAD_INPUT);
        String all = p.out() + p.err();
        assertThat(all).doesNotContain("APPLICATION FAILED TO START");
        assertThat(all.split("ANJU_DB_POOL_TIMEOUT（anju.db.pool-timeout）的值“100ms”短于 250ms", -1)).as(all).hasSize(2);
        assertThat(p.err()).startsWith("错误：设置 ANJU_DB_POOL_TIMEOUT");
    }

    /**
     * A database address the driver would refuse when connecting is refused with the settings, before any connection,
     * naming the variable and the parameter: exit 2, as backup's own refusal of the same address (operator trial F6:
     * 129 stack frames with the driver's English, or "服务器拒绝了连接" and exit 3).
     */
    @Test
    void aWrongDatabaseAddressIsRefusedBeforeAnyConnection(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) {
        String[][] cases = {
                {"jdbc:postgresql://localhost:5432/anju?prepareThreshold=x", "的参数 prepareThreshold 的值“x”不是整数"},
                {"jdbc:postgresql://localhost:abc/anju", "中主机 localhost 的端口“abc”不是端口号"},
                {"jdbc:postgresql://localhost:5432/anju?sslmode=bogus", "的参数 sslmode 的值“bogus”不是可用的值"}};
        try {
            for (String[] c : cases) {
                System.setProperty("anju.db.url", c[0]);
                for (String[] args : new String[][] {{"user", "list"}, {"backup", "--out", dir.resolve("a.dump").toString()}}) {
                    CliRun said = CliRun.main(args);
                    assertThat(said.exit()).as(c[0] + " " + args[0] + ": " + said.err()).isEqualTo(Cli.BAD_INPUT);
                    assertThat(said.err()).startsWith("错误：设置 ANJU_DB_URL（anju.db.url）" + c[1])
                            .doesNotContain("\tat ", "服务器拒绝", "Exception");
                }
            }
            assertThat(dir.resolve("a.dump")).doesNotExist();
        } finally {
            System.clearProperty("anju.db.url");
        }
    }
}
