package org.anju.cli;

import org.anju.platform.DatabaseProperties;
import org.anju.platform.SettingProblem;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.core.env.Environment;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Which database {@code backup} and {@code restore} mean: one named (ANJU_DB_URL, ANJU_DATA_DIR) or the embedded one
 * already in ./anju-data — never a new, empty one made up in the current directory. Operator trial: run without the
 * settings (a cron job, a new shell), a backup started a new embedded database and backed up its 0 tables, exit 0,
 * every night; a restore went into a throw-away one; and that empty backup, restored with --replace, emptied the real
 * database.
 */
final class ToolTarget {

    /** application.yml's default of {@code anju.db.data-dir}. */
    private static final Path DEFAULT = Path.of("anju-data");

    private ToolTarget() {
    }

    /** @throws SettingProblem the command would make a new embedded database of its own, or back up nothing */
    static void check(String tool, Environment environment) {
        check(tool, environment, Path.of("").toAbsolutePath());
    }

    /** @param here the working directory, which a relative data directory is in */
    static void check(String tool, Environment environment, Path here) {
        // the settings as the application binds them (DatabasePrestart does the same): a blank ANJU_DATA_DIR= is unset
        DatabaseProperties db = Binder.get(environment).bind("anju.db", DatabaseProperties.class).orElse(null);
        if (db != null && (db.external() || db.ephemeral())) {
            return;   // an external database, named; or the tests' throw-away server
        }
        Path configured = db == null ? DEFAULT : db.dataDir();
        boolean named = !environment.getProperty("ANJU_DATA_DIR", "").isBlank() || !configured.normalize().equals(DEFAULT);
        Path dir = here.resolve(configured).normalize();
        boolean exists = Files.isDirectory(dir.resolve("pg"));
        String what = tool.equals("backup") ? "备份" : "恢复到";
        if (!named && !exists) {
            throw new SettingProblem("没有指明要" + what + "哪个数据库：没有设置 ANJU_DB_URL，当前目录（" + here + "）下"
                    + (Files.isDirectory(dir) ? "的 anju-data 中也没有内置数据库（没有 pg 子目录）" : "也没有内置数据库的数据目录 anju-data")
                    + "。未做任何改动：" + tool + " 不会为此新建一个空的内置数据库",
                    "外部数据库：设置与应用节点相同的 ANJU_DB_URL、ANJU_DB_USER、ANJU_DB_PASSWORD（定时任务、新开的终端、sudo 都不会"
                            + "继承它们）；内置数据库：设置 ANJU_DATA_DIR 为应用的数据目录（如 ANJU_DATA_DIR=/srv/anju/anju-data）"
                            + (tool.equals("restore") ? "，恢复到新的数据目录也须这样指明（如 ANJU_DATA_DIR=" + dir + "）" : ""));
        }
        if (!exists && tool.equals("backup")) {
            throw new SettingProblem("ANJU_DATA_DIR 指向的 " + dir + " 中没有内置数据库（没有 pg 子目录），"
                    + "没有可备份的内容，未写入任何内容",
                    "把 ANJU_DATA_DIR 改为应用的数据目录；外部数据库请设置 ANJU_DB_URL、ANJU_DB_USER、ANJU_DB_PASSWORD");
        }
        // a restore into a new ANJU_DATA_DIR, named: the README's way to a new single machine
    }
}
