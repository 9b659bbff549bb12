package org.anju.cli;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code backup} and {@code restore} as {@code java -jar anju.jar} starts them: the database connection alone, no
 * application — so a restore finds its new database empty (nothing migrated it first) and its own pool does not count
 * as a running node.
 */
class BackupLaunchTest {

    @TempDir
    Path dir;

    @AfterEach
    void clear() {
        System.clearProperty("anju.db.ephemeral");
    }

    static Path archive(String name) throws Exception {
        return Path.of(BackupLaunchTest.class.getResource("/backup/" + name).toURI());
    }

    @Test
    void backupAndRestoreStartOnlyTheDatabase() throws Exception {
        System.setProperty("anju.db.ephemeral", "true"); // each start: a new, empty database on the throw-away server
        assertThat(Cli.handles(new String[] {"backup", "--out", "x"})).isTrue();
        assertThat(Cli.handles(new String[] {"restore", "--in", "x"})).isTrue();
        // a restore finds its new database empty: nothing migrated it first (else "不是空的", exit 4)
        assertThat(Cli.run(org.anju.AnjuApplication.class,
                new String[] {"restore", "--in", archive("schema-history-only.dump").toString()})).isEqualTo(Cli.OK);
        Path file = dir.resolve("empty.dump");
        Files.writeString(file, "x");
        CliRun exists = CliRun.main("backup", "--out", file.toString());
        assertThat(exists.exit()).isEqualTo(Cli.BAD_INPUT);
        assertThat(exists.err()).contains("文件已存在");
        assertThat(Cli.run(org.anju.AnjuApplication.class, new String[] {"restore"})).as("--in missing").isEqualTo(Cli.BAD_INPUT);
    }

    /**
     * The single machine's round trip as README has it: a restore into a new ANJU_DATA_DIR, named, then a backup of it;
     * each says which database first. And --help starts no database (review: backup --help left a new ./anju-data).
     */
    @Test
    void aRestoreIntoANamedNewDataDirectoryAndItsBackupSayWhichDatabase() throws Exception {
        Path data = dir.resolve("new-data");
        System.setProperty("anju.db.data-dir", data.toString());
        try {
            assertThat(CliRun.main("backup", "--help").exit()).isZero();
            assertThat(data).doesNotExist();
            CliRun restored = CliRun.main("restore", "--in", archive("schema-history-only.dump").toString());
            CliRun backedUp = CliRun.main("backup", "--out", dir.resolve("copy.dump").toString());
            assertThat(restored.exit()).as(restored.err()).isZero();
            assertThat(backedUp.exit()).as(backedUp.err()).isZero();
            assertThat(restored.out()).contains("数据库：内置数据库，数据目录 " + data + "（未设置 ANJU_DB_URL）", "已从");
            if (System.getProperty("anju.privacy.key", "").isEmpty() && System.getenv("ANJU_DATA_KEY") == null
                    && System.getenv("ANJU_DATA_KEY_FILE") == null) {
                // the new directory has no data-key yet: the first start would make a useless one (backup finding 8)
                assertThat(restored.out()).contains("重要：数据目录 " + data + " 中还没有个人信息密钥 data-key",
                        "把原安装的 data-key 复制到 " + data.resolve("data-key"));
            }
            assertThat(backedUp.out()).contains("数据库：内置数据库，数据目录 " + data + "（未设置 ANJU_DB_URL）", "已备份数据库");
            assertThat(Files.size(dir.resolve("copy.dump"))).isPositive();
        } finally {
            System.clearProperty("anju.db.data-dir");
        }
    }

    /**
     * Operator trial: a backup run without the settings backed up a new, empty database (0 tables, exit 0), and that
     * archive, restored with --replace, emptied the real one. Neither is written nor restored now.
     */
    @Test
    void anEmptyDatabaseIsNotBackedUpAndAnArchiveWithoutTheApplicationIsNotRestored() throws Exception {
        System.setProperty("anju.db.ephemeral", "true");
        Path file = dir.resolve("empty.dump");
        CliRun empty = CliRun.main("backup", "--out", file.toString());
        assertThat(empty.exit()).as(empty.err()).isEqualTo(Cli.BAD_INPUT);
        assertThat(empty.err()).contains("中没有安居的数据（没有 flyway_schema_history 表；共 0 张表），未写入任何内容", "ANJU_DB_URL",
                "ANJU_DATA_DIR").doesNotContain("\tat ");
        assertThat(file).doesNotExist();
        CliRun foreign = CliRun.main("restore", "--in", archive("foreign.dump").toString(), "--replace");
        assertThat(foreign.exit()).as(foreign.err()).isEqualTo(Cli.BAD_INPUT);
        assertThat(foreign.err()).contains("foreign.dump 不是安居的备份：其中没有 flyway_schema_history 表（", "1 张表）",
                "未做任何改动");
    }

    /** A database that cannot be reached: exit 3, as a command whose start cannot reach it (README "运维"), not 4. */
    @Test
    void anUnreachableDatabaseExits3() throws Exception {
        int closed;
        try (var socket = new java.net.ServerSocket(0)) {
            closed = socket.getLocalPort();
        }
        System.setProperty("anju.db.url", "jdbc:postgresql://127.0.0.1:" + closed + "/anju");
        System.setProperty("anju.db.user", "anju");
        System.setProperty("anju.db.password", "x");
        try {
            for (String[] args : new String[][] {{"backup", "--out", dir.resolve("a.dump").toString()},
                    {"restore", "--in", archive("schema-history-only.dump").toString()}}) {
                CliRun said = CliRun.main(args);
                assertThat(said.exit()).as(said.err()).isEqualTo(Cli.FAILURE);
                assertThat(said.err()).contains("服务器拒绝连接", "127.0.0.1:" + closed).doesNotContain("\tat ");
            }
        } finally {
            System.clearProperty("anju.db.url");
            System.clearProperty("anju.db.user");
            System.clearProperty("anju.db.password");
        }
    }

    /** Without ANJU_DB_URL and with no ./anju-data, or with an ANJU_DATA_DIR that holds none: no database is made. */
    @Test
    void aBackupWithoutItsDatabaseNamedMakesNoneAndSaysWhichSettings() throws Exception {
        Path missing = dir.resolve("no-such-data");
        System.setProperty("anju.db.data-dir", missing.toString());
        try {
            CliRun backup = CliRun.main("backup", "--out", dir.resolve("a.dump").toString());
            assertThat(backup.exit()).as(backup.err()).isEqualTo(Cli.BAD_INPUT);
            assertThat(backup.err()).contains("ANJU_DATA_DIR 指向的 " + missing + " 中没有内置数据库", "没有可备份的内容")
                    .doesNotContain("\tat ");
        } finally {
            System.clearProperty("anju.db.data-dir");
        }
        assertThat(missing).doesNotExist();
        try (var left = Files.list(dir)) {
            assertThat(left).isEmpty();
        }
    }

    /**
     * A place the operator cannot write — even as root, which the tests run as: /proc takes no new file, /sys refuses
     * the permission — is refused in one line naming the path and why, exit 2 (it was exit 3 with 29 stack frames and
     * "服务器内部出错……请把错误编号告诉系统管理员").
     */
    @Test
    void anUnwritablePlaceIsRefusedNamingIt() throws Exception {
        System.setProperty("anju.db.ephemeral", "true");
        Path file = dir.resolve("plain");
        Files.writeString(file, "x");
        for (String out : new String[] {"/proc/anju.dump", "/sys/anju.dump", file.resolve("a.dump").toString()}) {
            CliRun backup = CliRun.main("backup", "--out", out);
            String said = backup.err();
            assertThat(backup.exit()).as(said).isEqualTo(Cli.BAD_INPUT);
            assertThat(said).as(out).startsWith("错误：").contains(Path.of(out).getParent().toString(), "未写入任何内容")
                    .doesNotContain("Exception", "\tat ", "错误编号").hasLineCount(1);
            if (Path.of(out).getParent().equals(file)) {
                // a file where its directory should be: not told to create it (operator trial)
                assertThat(said).contains(file + " 不是目录，而是一个文件", "请把文件写到一个目录中").doesNotContain("请先创建它");
            }
        }
        assertThat(Files.readString(file)).isEqualTo("x");
        try (var left = Files.list(dir)) {
            assertThat(left).containsExactly(file);
        }
    }

    /**
     * The tools' directory as README says to give it, ANJU_BACKUP_PG_BIN (it said --anju.backup.pg-bin=…, which
     * neither place on the command line takes): used, and named by the refusal when the tools are not there.
     */
    @Test
    void theToolsDirectoryComesFromTheEnvironment() throws Exception {
        Path bin = Files.createDirectory(dir.resolve("bin"));
        org.anju.MainProcess backup = org.anju.MainProcess.run(java.util.Map.of("ANJU_BACKUP_PG_BIN", bin.toString(),
                "ANJU_DB_URL", "jdbc:postgresql://127.0.0.1:1/anju"), "backup", "--out", dir.resolve("a.dump").toString());
        assertThat(backup.exit()).as(backup.err()).isEqualTo(Cli.CONFLICT);
        assertThat(backup.err()).contains("在 ANJU_BACKUP_PG_BIN（anju.backup.pg-bin）指定的目录 " + bin + " 中找不到 pg_dump")
                .doesNotContain("--anju.backup.pg-bin");
        try (var left = Files.list(dir)) {
            assertThat(left).containsExactly(bin);
        }
    }
}
