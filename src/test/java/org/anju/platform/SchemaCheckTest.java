package org.anju.platform;

import org.anju.AnjuTest;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.exception.FlywayValidateException;
import org.flywaydb.core.api.output.MigrateResult;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;

import javax.sql.DataSource;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

/**
 * The command line's schema check (issue 15 start-up): Flyway's full validation is skipped only while this jar's
 * migrations and the database's flyway_schema_history are exactly those of the last full run; any change runs it again,
 * and a history that does not fit the jar is refused as before. On its own migrated database.
 */
@AnjuTest
@TestPropertySource(properties = "anju.test.database=schema_check")
class SchemaCheckTest {

    @Autowired
    Flyway flyway;
    @Autowired
    DataSource dataSource;
    @Autowired
    JdbcClient jdbc;

    /** Flyway with this context's settings, counting how often its full migrate (validation first) runs. */
    static final class Counting extends Flyway {
        final AtomicInteger runs = new AtomicInteger();

        Counting(Flyway of) {
            super(of.getConfiguration());
        }

        @Override
        public MigrateResult migrate() {
            runs.incrementAndGet();
            return super.migrate();
        }
    }

    @Test
    void skipsTheFullValidationOnlyWhileJarAndHistoryAreThoseLastValidated() {
        String migrations = SchemaCheck.migrations(flyway.getConfiguration());
        assertThat(SchemaCheck.migrations(flyway.getConfiguration())).isEqualTo(migrations).hasSize(64);
        jdbc.sql("delete from schema_validation").update();   // the web app's start (no fast check) records nothing
        assertThat(SchemaCheck.validatedBefore(dataSource, migrations)).isFalse();

        // the first command on this database: the full way, then recorded
        Counting counting = new Counting(flyway);
        new SchemaCheck(true).migrate(counting);
        assertThat(counting.runs).hasValue(1);
        assertThat(SchemaCheck.validatedBefore(dataSource, migrations)).isTrue();

        // the next command: nothing changed, Flyway is not asked
        new SchemaCheck(true).migrate(counting);
        assertThat(counting.runs).hasValue(1);

        // the web app's way (no fast check) always asks Flyway
        new SchemaCheck(false).migrate(counting);
        assertThat(counting.runs).hasValue(2);

        // another jar (one more migration): its digest differs, so the record does not cover it
        Flyway other = Flyway.configure().configuration(flyway.getConfiguration())
                .locations("classpath:db/migration", "classpath:db/pending-probe").load();
        assertThat(SchemaCheck.migrations(other.getConfiguration())).isNotEqualTo(migrations);
        assertThat(SchemaCheck.validatedBefore(dataSource, SchemaCheck.migrations(other.getConfiguration()))).isFalse();
        // files outside the class path are never covered: always the full way
        Flyway outside = Flyway.configure().configuration(flyway.getConfiguration())
                .locations("classpath:db/migration", "filesystem:/nonexistent-anju-migrations").load();
        assertThat(SchemaCheck.migrations(outside.getConfiguration())).isNull();
    }

    @Test
    void aHistoryEditedByHandIsValidatedInFullAndRefused() {
        String migrations = SchemaCheck.migrations(flyway.getConfiguration());
        new SchemaCheck(true).migrate(new Counting(flyway));
        assertThat(SchemaCheck.validatedBefore(dataSource, migrations)).isTrue();
        Integer checksum = jdbc.sql("select checksum from flyway_schema_history where version = '0.1'").query(Integer.class).single();
        jdbc.sql("update flyway_schema_history set checksum = checksum + 1 where version = '0.1'").update();
        try {
            // as a database of another schema: the record no longer matches, Flyway validates and refuses
            assertThat(SchemaCheck.validatedBefore(dataSource, migrations)).isFalse();
            Counting counting = new Counting(flyway);
            assertThatThrownBy(() -> new SchemaCheck(true).migrate(counting))
                    .isInstanceOf(FlywayValidateException.class).hasMessageContaining("0.1");
            assertThat(counting.runs).hasValue(1);
        } finally {
            jdbc.sql("update flyway_schema_history set checksum = :c where version = '0.1'").param("c", checksum).update();
        }
        // put back as it was: the record matches again
        assertThat(SchemaCheck.validatedBefore(dataSource, migrations)).isTrue();
    }

    @Test
    void aDatabaseUpgradedByANewerBuildIsRefusedSayingWhatToDo() {
        // the newer build's migration below this build's last version (features own version ranges) and above it
        for (String probe : List.of("db/newer-build-probe", "db/pending-probe")) {
            Flyway newer = Flyway.configure().configuration(flyway.getConfiguration())
                    .locations("classpath:db/migration", "classpath:" + probe).load();
            newer.migrate();
            String version = probe.equals("db/pending-probe") ? "9999.1" : "0.9998";
            try {
                // this build started on it, the web app's way and a command's: refused with what to do, nothing run
                for (boolean fast : new boolean[] {false, true}) {
                    Counting counting = new Counting(flyway);
                    SchemaProblem p = (SchemaProblem) catchThrowable(() -> new SchemaCheck(fast).migrate(counting));
                    assertThat(p).as(probe + (fast ? ", command" : ", web app")).isNotNull();
                    assertThat(p.unknown()).hasSize(1).first().asString().startsWith("V" + version + " ");
                    assertThat(p.getMessage()).startsWith("数据库已由较新的版本升级：它执行过本程序没有的数据库迁移 V" + version);
                    assertThat(p.action()).contains("先停下所有旧版本的节点", "不要运行 Flyway 的 repair", "restore");
                }
            } finally {
                jdbc.sql("delete from flyway_schema_history where version = ?").param(version).update();
            }
        }
        // as before once the database is this build's again
        new SchemaCheck(false).migrate(flyway);
    }

    @Test
    void aMigrationThatFailsIsSaidWithItsScriptTheDatabasesAnswerAndWhatToDo() {
        // operator trial F8, as it was found: a database whose history lost a row while the migration's tables stayed
        // (an "older backup" made by hand); the migration runs again and fails — 155 lines of Flyway and Spring
        jdbc.sql("create table saved_history as select * from flyway_schema_history where version = '52.0'").update();
        jdbc.sql("delete from flyway_schema_history where version = '52.0'").update();
        try {
            for (boolean fast : new boolean[] {false, true}) {
                Throwable t = catchThrowable(() -> new SchemaCheck(fast).migrate(flyway));
                assertThat(t).as(fast ? "command" : "web app").isInstanceOf(MigrationProblem.class);
                MigrationProblem p = (MigrationProblem) t;
                assertThat(p.script()).isEqualTo("ledger/V52_0__identification.sql");
                assertThat(p.getMessage()).isEqualTo("数据库迁移 ledger/V52_0__identification.sql（版本 52.0：identification）执行失败。"
                        + "数据库报错：relation \"ledger_ident_checklist\" already exists（SQLSTATE 42P07，脚本第 5 行）。"
                        + "这一迁移的改动已全部回滚（它之前的迁移仍保留），安居没有启动");
                assertThat(p.action()).contains("不要运行 Flyway 的 repair", "restore --in 备份文件 --replace", "升级前");
                // the start's report says it, not Spring's stack trace
                var analysis = new StartupProblemFailureAnalyzer().analyze(new IllegalStateException("bean", t));
                assertThat(analysis.getDescription()).isEqualTo(p.getMessage());
                assertThat(jdbc.sql("select count(*) from flyway_schema_history where version = '52.0'")
                        .query(Integer.class).single()).as("rolled back: nothing recorded").isZero();
            }
        } finally {
            jdbc.sql("insert into flyway_schema_history select * from saved_history").update();
            jdbc.sql("drop table saved_history").update();
        }
        new SchemaCheck(false).migrate(flyway);
    }
}
