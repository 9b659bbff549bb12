package org.anju.platform;

import org.anju.MainProcess;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A migration failing at start, as the operator reads it (operator trial, F8: Flyway's ERROR line, then Spring's
 * 155-line stack trace, then "错误：Error creating bean with name 'dataKeyCheck' …"): one Chinese paragraph with the
 * script, the database's answer and what to do, exit 3 for a command (the application could not start), the web app's
 * start report in the same words. A migration of this jar's schema found failing the way a restored database with a
 * lost history row makes one fail (SchemaCheckTest has that state itself): here a migration of the test's own beside
 * them, so that a new data directory reaches it at once.
 */
class FailedMigrationReportTest {

    @Test
    void aCommandAndTheWebAppSayWhichMigrationFailedWhyAndWhatToDo(@TempDir Path dir) throws Exception {
        Path migrations = Files.createDirectories(dir.resolve("migrations"));
        Files.writeString(migrations.resolve("V0_0_1__failing_probe.sql"),
                "create table failing_probe (id int);\ncreate table failing_probe (id int);\n");
        Map<String, String> environment = Map.of("ANJU_DATA_DIR", dir.resolve("data").toString(), "PORT", "0",
                "SPRING_FLYWAY_LOCATIONS", "classpath:db/migration,filesystem:" + migrations);
        String said = "数据库迁移 V0_0_1__failing_probe.sql（版本 0.0.1：failing probe）执行失败。数据库报错：relation "
                + "\"failing_probe\" already exists（SQLSTATE 42P07，脚本第 2 行）。这一迁移的改动已全部回滚（它之前的迁移仍保留），"
                + "安居没有启动";

        MainProcess command = MainProcess.runAsShipped(environment, "user", "list");
        assertThat(command.exit()).as(command.err()).isEqualTo(3);
        assertThat(command.out()).isEmpty();
        // the new data directory's key warning, then the paragraph and what to do
        assertThat(command.err()).contains("错误：" + said + "\n").contains("不要运行 Flyway 的 repair", "restore --in")
                .doesNotContain("\tat ", "Exception", "Migration of schema", "Error creating bean");
        assertThat(command.err().lines().filter(l -> !l.contains("已生成个人信息加密密钥"))).hasSize(2);

        MainProcess web = MainProcess.runAsShipped(environment);
        String printed = web.out() + web.err();
        assertThat(web.exit()).as(printed).isNotZero();
        assertThat(printed).contains("安居未能启动", said, "不要运行 Flyway 的 repair")
                .doesNotContain("\tat ", "Exception", "Migration of schema", "Error creating bean");
    }
}
