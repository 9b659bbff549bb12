package org.anju.cli;

import org.anju.platform.DatabaseProperties;
import org.anju.platform.PrimaryDatabase;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.nio.file.Path;
import java.util.concurrent.Callable;

/**
 * {@code anju restore --in FILE}: an archive of {@code anju backup} into the database the application uses, which must
 * be empty (a new server, a new ANJU_DATA_DIR) unless {@code --replace}; in one transaction ({@link PgArchives}).
 */
@Command(name = "restore", mixinStandardHelpOptions = true,
        description = {"把 anju backup 生成的备份恢复到应用所用的数据库（须为空库，或加 --replace 替换全部内容；须先停止所有应用节点）。",
                "恢复后须使用备份时的个人信息密钥。"})
class RestoreCommand implements Callable<Integer> {

    @Option(names = "--in", required = true, paramLabel = "FILE", description = "anju backup 生成的备份文件")
    Path in;

    @Option(names = "--replace", description = "删除目标数据库现有的全部表和数据，换成备份的内容")
    boolean replace;

    @Spec
    CommandSpec spec;

    // asked for in call() only, as BackupCommand's: --help starts no database
    private final ObjectProvider<PrimaryDatabase> database;
    private final ObjectProvider<DatabaseProperties> settings;
    private final String pgBin;

    /** Whether a personal-data key is given by setting (ANJU_DATA_KEY or ANJU_DATA_KEY_FILE), not a data-key file. */
    private final boolean keyBySetting;

    RestoreCommand(ObjectProvider<PrimaryDatabase> database, ObjectProvider<DatabaseProperties> settings,
                   @Value("${anju.backup.pg-bin:}") String pgBin, @Value("${anju.privacy.key:}") String key,
                   @Value("${anju.privacy.key-file:}") String keyFile) {
        this.database = database;
        this.settings = settings;
        this.pgBin = pgBin;
        this.keyBySetting = !key.isBlank() || !keyFile.isBlank();
    }

    @Override
    public Integer call() {
        PrimaryDatabase primary = database.getObject();
        spec.commandLine().getOut().println(BackupCommand.which(primary, settings.getObject()));
        // from the address alone: run on its own (java -jar anju.jar restore), the command opens no pool, so none of
        // its connections counts as another session using the database; the client programs connect themselves
        PgArchives.Target target = BackupCommand.target(primary);
        new PgArchives(pgBin).restore(target, in, replace, spec.commandLine().getOut(), thisJars());
        if (!primary.external() && !keyBySetting) {
            Path dir = settings.getObject().dataDir().toAbsolutePath().normalize();
            Path keyFile = dir.resolve("data-key");   // org.anju.privacy's file name for the embedded database's key
            if (!java.nio.file.Files.exists(keyFile)) {
                // the application's first start would make a new key there, which opens none of the restored personal
                // data, and refuse to go on, leaving that useless file behind (review 2026-12-02, backup finding 8)
                spec.commandLine().getOut().println("重要：数据目录 " + dir + " 中还没有个人信息密钥 data-key。启动应用之前，"
                        + "把原安装的 data-key 复制到 " + keyFile + "（chmod 600 " + keyFile
                        + "），或用 ANJU_DATA_KEY / ANJU_DATA_KEY_FILE 给出原来的密钥；否则应用会生成一把新密钥，"
                        + "它打不开恢复的个人信息，应用将拒绝启动");
            }
        }
        return Cli.OK;
    }

    /**
     * Whether a version ("3.1701") is one of this jar's versioned migrations: its SQL files (V3_1701__….sql under
     * db/migration) and its Java migrations (classes named V1_1__…, as Flyway names them), both found on the class path
     * by name. Not the Java migrations' beans: a restore starts the database connection alone, without them, and every
     * real backup was refused as a newer version's (review of the twentieth session, H1).
     */
    static java.util.function.Predicate<String> thisJars() {
        java.util.Set<org.flywaydb.core.api.MigrationVersion> versions = new java.util.HashSet<>();
        var resolver = new org.springframework.core.io.support.PathMatchingResourcePatternResolver(
                RestoreCommand.class.getClassLoader());
        try {
            for (String pattern : java.util.List.of("classpath*:db/migration/**/V*__*.sql", "classpath*:org/anju/**/V*__*.class")) {
                for (org.springframework.core.io.Resource r : resolver.getResources(pattern)) {
                    String name = r.getFilename();
                    if (name != null && name.matches("V[0-9_]+__[^$]*") && !name.contains("$")) {
                        versions.add(org.flywaydb.core.api.MigrationVersion.fromVersion(
                                name.substring(1, name.indexOf("__")).replace('_', '.')));
                    }
                }
            }
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException("无法读取本程序的数据库迁移文件", e);
        }
        return v -> versions.contains(org.flywaydb.core.api.MigrationVersion.fromVersion(v));
    }
}
