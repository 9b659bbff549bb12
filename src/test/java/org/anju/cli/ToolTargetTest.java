package org.anju.cli;

import org.anju.platform.SettingProblem;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.mock.env.MockEnvironment;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Which database {@code backup} and {@code restore} may use ({@link ToolTarget}), as the settings name it. */
class ToolTargetTest {

    @TempDir
    Path here;

    /** The environment as application.yml resolves it when nothing is set. */
    private static MockEnvironment unset() {
        return new MockEnvironment().withProperty("anju.db.url", "").withProperty("anju.db.data-dir", "./anju-data");
    }

    @Test
    void nothingNamedAndNoDataDirectoryHereIsRefusedForBoth() {
        for (String tool : new String[] {"backup", "restore"}) {
            assertThatThrownBy(() -> ToolTarget.check(tool, unset(), here)).isInstanceOf(SettingProblem.class)
                    .hasMessageContaining("没有设置 ANJU_DB_URL，当前目录（" + here + "）下也没有内置数据库的数据目录 anju-data")
                    .hasMessageContaining("不会为此新建一个空的内置数据库")
                    .satisfies(e -> org.assertj.core.api.Assertions.assertThat(((SettingProblem) e).action())
                            .contains("ANJU_DB_URL、ANJU_DB_USER、ANJU_DB_PASSWORD", "ANJU_DATA_DIR"));
        }
    }

    @Test
    void anEmptySettingIsUnsetAndADataDirectoryWithoutADatabaseIsSaidSo() throws Exception {
        // ANJU_DATA_DIR= resolves anju.db.data-dir to "": DatabaseProperties takes ./anju-data, and so does the check
        MockEnvironment blank = new MockEnvironment().withProperty("anju.db.url", "").withProperty("ANJU_DATA_DIR", "")
                .withProperty("anju.db.data-dir", "");
        assertThatThrownBy(() -> ToolTarget.check("restore", blank, here)).isInstanceOf(SettingProblem.class)
                .hasMessageContaining("没有设置 ANJU_DB_URL");
        // the key copied in first, as README's restore advice has it: the directory is there, its database is not
        Files.createDirectories(here.resolve("anju-data"));
        assertThatThrownBy(() -> ToolTarget.check("restore", unset(), here)).isInstanceOf(SettingProblem.class)
                .hasMessageContaining("下的 anju-data 中也没有内置数据库（没有 pg 子目录）")
                .satisfies(e -> org.assertj.core.api.Assertions.assertThat(((SettingProblem) e).action())
                        .contains("ANJU_DATA_DIR=" + here.resolve("anju-data")));
    }

    @Test
    void theEmbeddedDatabaseHereIsTheOneMeant() throws Exception {
        Files.createDirectories(here.resolve("anju-data/pg"));
        assertThatCode(() -> ToolTarget.check("backup", unset(), here)).doesNotThrowAnyException();
        assertThatCode(() -> ToolTarget.check("restore", unset(), here)).doesNotThrowAnyException();
    }

    @Test
    void anExternalDatabaseOrTheTestsThrowAwayServerIsNamed() {
        assertThatCode(() -> ToolTarget.check("backup", unset().withProperty("anju.db.url", "jdbc:postgresql://db/anju"),
                here)).doesNotThrowAnyException();
        assertThatCode(() -> ToolTarget.check("backup", unset().withProperty("anju.db.ephemeral", "true"), here))
                .doesNotThrowAnyException();
    }

    @Test
    void aNamedDataDirectoryMayBeNewForARestoreButNotForABackup() {
        MockEnvironment named = unset().withProperty("ANJU_DATA_DIR", "/srv/new").withProperty("anju.db.data-dir", "/srv/new");
        assertThatCode(() -> ToolTarget.check("restore", named, here)).doesNotThrowAnyException();
        assertThatThrownBy(() -> ToolTarget.check("backup", named, here)).isInstanceOf(SettingProblem.class)
                .hasMessageContaining("ANJU_DATA_DIR 指向的 /srv/new 中没有内置数据库");
        // named as ./anju-data in so many words: a new one for a restore, as asked
        MockEnvironment same = unset().withProperty("ANJU_DATA_DIR", "./anju-data");
        assertThatCode(() -> ToolTarget.check("restore", same, here)).doesNotThrowAnyException();
        // or by the property itself
        assertThatCode(() -> ToolTarget.check("restore", unset().withProperty("anju.db.data-dir", "other"), here))
                .doesNotThrowAnyException();
    }
}
