package org.anju.platform;

import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;

/**
 * The embedded database's data directory (ANJU_DATA_DIR, {@code anju.db.data-dir}, else ./anju-data) must be a directory
 * or a path where one can be made. Operator trial (F22): {@code ANJU_DATA_DIR} naming a backup file stopped every command
 * with "无法在数据目录 … 中取得内置数据库的使用权（FileAlreadyExistsException：…）" and exit 3 — a Java exception's name,
 * and the advice to check the directory's owner. Now the setting is refused before anything is made or started, saying
 * what the path is and how to fix it ({@link SettingProblem}: exit 2 on the command line). Checked by the command line
 * before it takes its turn on the directory (org.anju.cli.Cli), and by {@link SettingChecks} for the web app and a
 * directory a configuration file names.
 */
public final class DataDirectorySetting {

    /** The environment variable, the property it sets (application.yml) and the directory used when neither is set. */
    public static final String VARIABLE = "ANJU_DATA_DIR";
    public static final String PROPERTY = "anju.db.data-dir";
    static final Path DEFAULT = Path.of("anju-data");

    private DataDirectorySetting() {
    }

    /**
     * The setting that names the directory before Spring reads its settings, as {@link DatabasePrestart#embeddedDirectory}
     * takes it: {@code -Danju.db.data-dir}, then ANJU_DATA_DIR; null for neither (the default ./anju-data).
     */
    static String namingSetting() {
        return !blank(System.getProperty(PROPERTY)) ? PROPERTY : !blank(System.getenv(VARIABLE)) ? VARIABLE : null;
    }

    /** {@link #check} of the directory {@link DatabasePrestart#embeddedDirectory} found, named by its setting. */
    public static void checkAsNamed(Path dir) {
        check(dir, namingSetting());
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    /**
     * @param dir     the data directory as set (relative: to the working directory)
     * @param setting the setting that names it ({@link #VARIABLE}, {@link #PROPERTY}), or null for the default ./anju-data
     * @throws SettingProblem {@code dir} exists and is no directory, or a part of its path is a file
     */
    public static void check(Path dir, String setting) {
        Path absolute = dir.toAbsolutePath().normalize();
        if (Files.isDirectory(absolute)) {
            return;   // a directory, or a link to one
        }
        String named = setting == null ? "内置数据库的默认数据目录 " + absolute : setting + " 指向的 " + absolute;
        String fix = setting == null
                ? "未设置 " + VARIABLE + " 时，数据目录是当前目录下的 anju-data：在另一个目录中运行，或用 " + VARIABLE
                        + " 指定数据目录（如 " + VARIABLE + "=/srv/anju/anju-data）；用外部数据库则设置 ANJU_DB_URL"
                : "把 " + setting + "（" + (setting.equals(VARIABLE) ? "或配置项 " + PROPERTY : "或环境变量 " + VARIABLE)
                        + "）改为内置数据库的数据目录：一个目录，或一个尚不存在的路径（会自动创建），如 " + VARIABLE
                        + "=/srv/anju/anju-data；用外部数据库则设置 ANJU_DB_URL";
        fix += "。未做任何改动。";
        if (Files.isRegularFile(absolute)) {
            throw new SettingProblem(named + " 是一个文件，不是目录", fix);
        }
        if (Files.isSymbolicLink(absolute) && !Files.exists(absolute)) {
            String target;
            try {
                target = String.valueOf(Files.readSymbolicLink(absolute));
            } catch (java.io.IOException e) {
                target = "?";
            }
            throw new SettingProblem(named + " 是一个符号链接，它指向的 " + target + " 不存在", fix);
        }
        // a directory by now is one another command made meanwhile (two commands at once on a new data directory:
        // CliLaunchTest.twoCommandsAtOnceOnOneEmbeddedDatabaseTakeTurns saw it called a special file)
        if ((Files.exists(absolute, LinkOption.NOFOLLOW_LINKS) || Files.exists(absolute)) && !Files.isDirectory(absolute)) {
            throw new SettingProblem(named + " 不是目录（是设备、管道或套接字之类的特殊文件）", fix);
        }
        // not there yet: made at start, unless a part of its path is not a directory
        for (Path p = absolute.getParent(); p != null; p = p.getParent()) {
            if (Files.isDirectory(p)) {
                return;
            }
            if (Files.exists(p) || Files.isSymbolicLink(p)) {
                throw new SettingProblem(named + " 无法建成目录：路径中的 " + p + " 是一个文件，不是目录", fix);
            }
        }
    }
}
