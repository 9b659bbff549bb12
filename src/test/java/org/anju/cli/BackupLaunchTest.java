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
}
