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
 * {@code anju backup --out FILE}: the whole database the application uses (the embedded one under ANJU_DATA_DIR, or
 * ANJU_DB_URL) into one pg_dump archive ({@link PgArchives}).
 */
@Command(name = "backup", mixinStandardHelpOptions = true,
        description = {"备份应用所用的整个数据库（pg_dump 自定义格式），需要 Debian 软件包 postgresql-client-15。",
                "备份不包含个人信息密钥：密钥须另行备份。"})
class BackupCommand implements Callable<Integer> {

    @Option(names = "--out", required = true, paramLabel = "FILE", description = "备份文件（不可已存在，除非加 --force）")
    String out;

    @Option(names = "--force", description = "覆盖已存在的备份文件")
    boolean force;

    @Spec
    CommandSpec spec;

    // asked for in call() only: made for --help too, the command would start (and create) the embedded database
    // (review of the tenth session: backup --help left a new ./anju-data behind)
    private final ObjectProvider<PrimaryDatabase> database;
    private final ObjectProvider<DatabaseProperties> settings;
    private final String pgBin;

    BackupCommand(ObjectProvider<PrimaryDatabase> database, ObjectProvider<DatabaseProperties> settings,
                  @Value("${anju.backup.pg-bin:}") String pgBin) {
        this.database = database;
        this.settings = settings;
        this.pgBin = pgBin;
    }

    @Override
    public Integer call() {
        Path file = OutFile.checked(out, "--out", force, "anju.dump");   // before any database is asked for
        PgArchives.replaceable(file, force);
        PrimaryDatabase primary = database.getObject();
        spec.commandLine().getOut().println(which(primary, settings.getObject()));
        if (!primary.external()) {
            outside(file, settings.getObject().dataDir());
        }
        new PgArchives(pgBin).backup(target(primary), file, force, spec.commandLine().getOut());
        return Cli.OK;
    }

    /**
     * A backup is kept away from the embedded database's data directory: written there it would go with the directory
     * it is meant to replace, and beside the server's own files, the key ({@code data-key}) and the server's secret
     * (operator trial of the twentieth session: {@code --out anju-data/data-key --force} replaced the key).
     */
    static void outside(Path out, Path dataDir) {
        if (out.toString().isBlank()) {
            return;   // refused as such by the backup
        }
        Path data = real(dataDir.toAbsolutePath().normalize());
        Path parent = out.toAbsolutePath().normalize().getParent();
        if (parent != null && real(parent).startsWith(data)) {
            throw new org.anju.platform.BadInput("--out " + out + " 在内置数据库的数据目录 " + data + " 中：备份不能写在它要保护的"
                    + "数据目录里（未写入任何内容），请写到另一个目录，如 " + data.resolveSibling("anju-backup").resolve("anju.dump"));
        }
    }

    /** The real path of {@code p}, or of its nearest existing parent joined with the rest (a directory not made yet). */
    private static Path real(Path p) {
        for (Path existing = p; existing != null; existing = existing.getParent()) {
            try {
                return existing.toRealPath().resolve(existing.relativize(p));
            } catch (java.io.IOException notThere) {
                // its parent then
            }
        }
        return p;
    }

    /**
     * Which database a backup or restore works on, said first: an embedded one by its data directory — a stray
     * ./anju-data made by a command run without the settings looked like any other database (review, tenth session).
     */
    static String which(PrimaryDatabase primary, DatabaseProperties settings) {
        return primary.external() ? "数据库：ANJU_DB_URL 所指的 " + PgArchives.Target.of(primary.jdbcUrl(), primary.user(),
                null).jdbcUrl() : "数据库：内置数据库，数据目录 " + settings.dataDir().toAbsolutePath().normalize()
                + "（未设置 ANJU_DB_URL）";
    }

    /**
     * The database the application writes to (the primary, whatever read replica is configured), from its address:
     * the connection pool is not opened for this (a lazily started command line never makes it).
     */
    static PgArchives.Target target(PrimaryDatabase database) {
        return PgArchives.Target.of(database.jdbcUrl(), database.user(), database.password(), database.external());
    }
}
