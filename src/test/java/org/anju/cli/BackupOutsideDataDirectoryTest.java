package org.anju.cli;

import org.anju.platform.BadInput;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A backup of the embedded database is written outside its data directory ({@link BackupCommand#outside}): there it
 * would go with the directory it protects, beside the key and the server's files (operator trial of the twentieth
 * session: {@code --out anju-data/data-key --force} replaced the key).
 */
class BackupOutsideDataDirectoryTest {

    @Test
    void aPlaceInsideTheDataDirectoryIsRefused(@TempDir Path base) throws Exception {
        Path data = Files.createDirectories(base.resolve("anju-data"));
        assertThatThrownBy(() -> BackupCommand.outside(data.resolve("data-key"), data)).isInstanceOf(BadInput.class)
                .hasMessageContaining("在内置数据库的数据目录").hasMessageContaining("未写入任何内容");
        assertThatThrownBy(() -> BackupCommand.outside(data.resolve("new/sub/a.dump"), data)).as("a directory not made yet")
                .isInstanceOf(BadInput.class);
        Path link = Files.createSymbolicLink(base.resolve("through"), data);
        assertThatThrownBy(() -> BackupCommand.outside(link.resolve("a.dump"), data)).as("through a link")
                .isInstanceOf(BadInput.class);
        assertThatThrownBy(() -> BackupCommand.outside(base.resolve("anju-data/../anju-data/pg/x"), data))
                .isInstanceOf(BadInput.class);
    }

    @Test
    void aPlaceBesideItIsNot(@TempDir Path base) throws Exception {
        Path data = Files.createDirectories(base.resolve("anju-data"));
        assertThatCode(() -> BackupCommand.outside(base.resolve("anju-data-backup/a.dump"), data)).doesNotThrowAnyException();
        assertThatCode(() -> BackupCommand.outside(data.resolve("../a.dump"), data)).doesNotThrowAnyException();
    }
}
