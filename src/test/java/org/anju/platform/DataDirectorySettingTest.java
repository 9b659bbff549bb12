package org.anju.platform;

import org.anju.MainProcess;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * ANJU_DATA_DIR naming something that is no directory (operator trial, F22: a backup file gave "无法在数据目录 … 中取得内置
 * 数据库的使用权（FileAlreadyExistsException：…）", exit 3): one Chinese message naming the setting, the path and the fix,
 * exit 2 as every setting refused, nothing made.
 */
class DataDirectorySettingTest {

    @Test
    void aFileALinkToNothingOrAFileOnTheWayAreRefusedNamingTheSetting(@TempDir Path dir) throws Exception {
        Path file = Files.writeString(dir.resolve("a.dump"), "PGDMP");
        SettingProblem p = catchThrowableOfType(SettingProblem.class,
                () -> DataDirectorySetting.check(file, DataDirectorySetting.VARIABLE));
        assertThat(p.getMessage()).isEqualTo("ANJU_DATA_DIR 指向的 " + file + " 是一个文件，不是目录");
        assertThat(p.action()).contains("ANJU_DATA_DIR", "anju.db.data-dir", "会自动创建", "未做任何改动");

        assertThat(catchThrowableOfType(SettingProblem.class,
                () -> DataDirectorySetting.check(file.resolve("data"), DataDirectorySetting.VARIABLE)).getMessage())
                .isEqualTo("ANJU_DATA_DIR 指向的 " + file.resolve("data") + " 无法建成目录：路径中的 " + file
                        + " 是一个文件，不是目录");
        Path link = Files.createSymbolicLink(dir.resolve("link"), dir.resolve("gone"));
        assertThat(catchThrowableOfType(SettingProblem.class,
                () -> DataDirectorySetting.check(link, DataDirectorySetting.PROPERTY)).getMessage())
                .isEqualTo("anju.db.data-dir 指向的 " + link + " 是一个符号链接，它指向的 " + dir.resolve("gone") + " 不存在");
        assertThat(catchThrowableOfType(SettingProblem.class,
                () -> DataDirectorySetting.check(Path.of("/dev/null"), DataDirectorySetting.VARIABLE)).getMessage())
                .isEqualTo("ANJU_DATA_DIR 指向的 /dev/null 不是目录（是设备、管道或套接字之类的特殊文件）");

        // a directory, a link to one, or a path to be made: taken
        for (Path ok : new Path[] {dir, Files.createSymbolicLink(dir.resolve("to-dir"), dir), dir.resolve("new/data")}) {
            assertThatCode(() -> DataDirectorySetting.check(ok, DataDirectorySetting.VARIABLE)).as(ok.toString())
                    .doesNotThrowAnyException();
        }
        assertThat(dir.resolve("new")).doesNotExist();
    }

    @Test
    void aCommandTheWebAppAndABackupOnAFileSayItInOneChineseMessageAndExit2(@TempDir Path dir) throws Exception {
        Path file = Files.writeString(dir.resolve("a.dump"), "PGDMP, a backup");
        String said = "ANJU_DATA_DIR 指向的 " + file + " 是一个文件，不是目录";
        for (String[] args : new String[][] {{"user", "list"}, {"backup", "--out", dir.resolve("b.dump").toString()}}) {
            MainProcess p = MainProcess.runAsShipped(Map.of("ANJU_DATA_DIR", file.toString()), args);
            assertThat(p.exit()).as(p.err()).isEqualTo(2);
            assertThat(p.err()).as(args[0]).startsWith("错误：" + said + "\n").doesNotContain("Exception", "\tat ");
            assertThat(p.err().lines()).as(p.err()).hasSize(2);
        }
        // the web app: its start refused in the same words
        MainProcess web = MainProcess.runAsShipped(Map.of("ANJU_DATA_DIR", file.toString(), "PORT", "0"));
        String printed = web.out() + web.err();
        assertThat(web.exit()).as(printed).isNotZero();
        assertThat(printed).contains("安居未能启动", said).doesNotContain("Exception", "\tat ");
        // nothing made or changed
        assertThat(file).hasContent("PGDMP, a backup");
        try (var files = Files.list(dir)) {
            assertThat(files).containsExactly(file);
        }
    }
}
