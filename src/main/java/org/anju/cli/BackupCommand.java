package org.anju.cli;

import org.anju.platform.PrimaryDatabase;
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
    Path out;

    @Option(names = "--force", description = "覆盖已存在的备份文件")
    boolean force;

    @Spec
    CommandSpec spec;

    private final PrimaryDatabase database;
    private final String pgBin;

    BackupCommand(PrimaryDatabase database, @Value("${anju.backup.pg-bin:}") String pgBin) {
        this.database = database;
        this.pgBin = pgBin;
    }

    @Override
    public Integer call() {
        new PgArchives(pgBin).backup(target(database), out, force, spec.commandLine().getOut());
        return Cli.OK;
    }

    /**
     * The database the application writes to (the primary, whatever read replica is configured), from its address:
     * the connection pool is not opened for this (a lazily started command line never makes it).
     */
    static PgArchives.Target target(PrimaryDatabase database) {
        return PgArchives.Target.of(database.jdbcUrl(), database.user(), database.password(), database.external());
    }
}
