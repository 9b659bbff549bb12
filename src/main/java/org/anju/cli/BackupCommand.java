package org.anju.cli;

import com.zaxxer.hikari.HikariDataSource;
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
    Path out;

    @Option(names = "--force", description = "覆盖已存在的备份文件")
    boolean force;

    @Spec
    CommandSpec spec;

    private final ObjectProvider<HikariDataSource> pools;
    private final String pgBin;

    BackupCommand(ObjectProvider<HikariDataSource> pools, @Value("${anju.backup.pg-bin:}") String pgBin) {
        this.pools = pools;
        this.pgBin = pgBin;
    }

    @Override
    public Integer call() {
        new PgArchives(pgBin).backup(target(pools), out, force, spec.commandLine().getOut());
        return Cli.OK;
    }

    /**
     * The database the application writes to: its connection pool named "anju" (org.anju.platform.DatabaseConfiguration),
     * whatever other pools (read replicas) exist.
     */
    static PgArchives.Target target(ObjectProvider<HikariDataSource> pools) {
        HikariDataSource pool = pools.orderedStream().filter(p -> "anju".equals(p.getPoolName())).findFirst()
                .orElseGet(pools::getObject);
        return PgArchives.Target.of(pool.getJdbcUrl(), pool.getUsername(), pool.getPassword());
    }
}
