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

    @Test
    void backupAndRestoreStartOnlyTheDatabase() throws Exception {
        System.setProperty("anju.db.ephemeral", "true"); // each start: a new, empty database on the throw-away server
        assertThat(Cli.handles(new String[] {"backup", "--out", "x"})).isTrue();
        assertThat(Cli.handles(new String[] {"restore", "--in", "x"})).isTrue();
        Path file = dir.resolve("empty.dump");
        assertThat(Cli.run(org.anju.AnjuApplication.class, new String[] {"backup", "--out", file.toString()})).isEqualTo(Cli.OK);
        assertThat(Files.size(file)).isPositive();
        assertThat(Cli.run(org.anju.AnjuApplication.class, new String[] {"restore", "--in", file.toString()})).isEqualTo(Cli.OK);
        assertThat(Cli.run(org.anju.AnjuApplication.class, new String[] {"backup", "--out", file.toString()}))
                .as("exists").isEqualTo(Cli.BAD_INPUT);
        assertThat(Cli.run(org.anju.AnjuApplication.class, new String[] {"restore"})).as("--in missing").isEqualTo(Cli.BAD_INPUT);
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
            java.io.ByteArrayOutputStream err = new java.io.ByteArrayOutputStream();
            java.io.PrintStream original = System.err;
            int exit;
            try {
                System.setErr(new java.io.PrintStream(err, true, java.nio.charset.StandardCharsets.UTF_8));
                exit = Cli.run(org.anju.AnjuApplication.class, new String[] {"backup", "--out", out});
            } finally {
                System.setErr(original);
            }
            String said = err.toString(java.nio.charset.StandardCharsets.UTF_8);
            assertThat(exit).as(said).isEqualTo(Cli.BAD_INPUT);
            assertThat(said).as(out).startsWith("错误：").contains(Path.of(out).getParent().toString(), "未写入任何内容")
                    .doesNotContain("Exception", "\tat ", "错误编号").hasLineCount(1);
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
