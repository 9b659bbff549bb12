package org.anju.platform;

import org.anju.cli.Cli;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.BeanCreationException;
import org.springframework.boot.diagnostics.FailureAnalysis;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * An ./anju-data made by another PostgreSQL major (18, before commit 79091e9) is refused before anything starts or
 * changes, in Chinese, with the two ways on: dump it with 18's pg_dump, or move it away and start afresh.
 */
class DataDirectoryVersionTest {

    @AfterEach
    void clear() {
        System.clearProperty("anju.db.data-dir");
    }

    /** A data directory as PostgreSQL 18 left it (only the files that matter here). */
    private static Path madeBy(Path dir, String pgVersion) throws IOException {
        Path pg = Files.createDirectories(dir.resolve("anju-data").resolve("pg"));
        Files.writeString(pg.resolve("PG_VERSION"), pgVersion + "\n");
        Files.writeString(pg.resolve("postgresql.conf"), "# made by initdb\n");
        Files.createDirectories(pg.resolve("base/1"));
        Files.writeString(pg.resolve("base/1/1259"), "heap");
        Files.setPosixFilePermissions(dir.resolve("anju-data"), PosixFilePermissions.fromString("rwxr-xr-x"));
        return dir.resolve("anju-data");
    }

    /** Every path under the directory with its size, time and permissions: what "nothing changed" means. */
    private static Map<String, String> snapshot(Path base) throws IOException {
        Map<String, String> files = new TreeMap<>();
        try (Stream<Path> all = Files.walk(base)) {
            for (Path p : all.toList()) {
                files.put(base.relativize(p).toString(), Files.size(p) + " " + Files.getLastModifiedTime(p) + " "
                        + PosixFilePermissions.toString(Files.getPosixFilePermissions(p)));
            }
        }
        return files;
    }

    @Test
    void aDirectoryOfPostgres18IsRefusedAndLeftAsItWas(@TempDir Path dir) throws IOException {
        Path base = madeBy(dir, "18");
        Map<String, String> before = snapshot(base);

        assertThatThrownBy(() -> EmbeddedPostgresServer.startOrAttach(base))
                .isInstanceOfSatisfying(DataDirectoryProblem.class, e -> {
                    assertThat(e.getMessage()).contains("由 PostgreSQL 18 建立", "内置的是 PostgreSQL 15",
                            "未启动数据库，未改动该目录中的任何文件", base.resolve("pg").toString());
                    assertThat(e.action()).contains(
                            "/usr/lib/postgresql/18/bin/pg_dump -h 127.0.0.1 -p 5499 -U postgres",
                            "PGPASSWORD=$(cat " + base.resolve("pg-secret") + ")",
                            "mv " + base + " " + dir.resolve("anju-data-pg18"),
                            "载入演示数据", "ANJU_DATA_DIR");
                    // the dump goes into the new, empty database before the application's first start (whose tables
                    // would collide with a whole dump): anju restore, which refuses a database that is not empty
                    assertThat(e.action()).contains("--format=custom -f anju-pg18.dump anju",
                            "在应用第一次启动之前", "postgresql-client-18",
                            "ANJU_BACKUP_PG_BIN=/usr/lib/postgresql/18/bin ANJU_DATA_DIR=" + base
                                    + " java -jar anju.jar restore --in anju-pg18.dump")
                            .doesNotContain("--format=plain", "启动一次建立新库");
                    assertThat(e.action().indexOf("restore --in")).as("restore, then start")
                            .isLessThan(e.action().indexOf("ANJU_DEMO_ENABLED=false 启动应用"));
                });

        assertThat(snapshot(base)).isEqualTo(before);   // no pg-secret, no pg-socket, permissions as they were
        assertThat(base.resolve(EmbeddedPostgresServer.SECRET_FILE)).doesNotExist();
    }

    @Test
    void anOlderMajorAndAnUnreadableVersionAreRefusedToo(@TempDir Path dir) throws IOException {
        Path older = madeBy(dir.resolve("a"), "14");
        assertThatThrownBy(() -> EmbeddedPostgresServer.startOrAttach(older)).isInstanceOf(DataDirectoryProblem.class)
                .hasMessageContaining("由 PostgreSQL 14 建立").hasMessageContaining("不能直接打开旧版本的数据目录");

        Path garbled = madeBy(dir.resolve("b"), "not a version");
        Map<String, String> before = snapshot(garbled);
        assertThatThrownBy(() -> EmbeddedPostgresServer.startOrAttach(garbled)).isInstanceOf(DataDirectoryProblem.class)
                .hasMessageContaining("PG_VERSION 内容无法识别（「not a version」）");
        assertThat(snapshot(garbled)).isEqualTo(before);
    }

    @Test
    void theStartFailsWithTheReasonAndWhatToDo(@TempDir Path dir) throws IOException {
        Path base = madeBy(dir, "18");
        // the web app: Spring Boot's failure report finds the problem inside the bean-creation failure
        DataDirectoryProblem problem = null;
        try {
            EmbeddedPostgresServer.startOrAttach(base).close();
        } catch (DataDirectoryProblem e) {
            problem = e;
        }
        assertThat(problem).isNotNull();
        FailureAnalysis analysis = new StartupProblemFailureAnalyzer()
                .analyze(new BeanCreationException("embeddedDatabase", "Error creating bean", problem));
        assertThat(analysis.getDescription()).contains("由 PostgreSQL 18 建立");
        assertThat(analysis.getAction()).contains("pg_dump");

        // the command line: its own context on that directory, refused with exit code 3 and both texts
        System.setProperty("anju.db.data-dir", base.toString());
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        PrintStream original = System.err;
        int exit;
        try {
            System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
            exit = Cli.run(org.anju.AnjuApplication.class, new String[] {"plan", "list"});
        } finally {
            System.setErr(original);
        }
        assertThat(exit).isEqualTo(Cli.FAILURE);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("错误：数据目录 " + base.resolve("pg") + " 由 PostgreSQL 18 建立",
                "任选其一", "pg_dump").doesNotContain("Exception");
        assertThat(base.resolve(EmbeddedPostgresServer.SECRET_FILE)).doesNotExist();
    }

    @Test
    void theBundledMajorIsTheOneTheServerRuns() throws Exception {
        try (EmbeddedPostgresServer server = EmbeddedPostgresServer.startEphemeral();
             Connection c = DriverManager.getConnection(server.ensureDatabase("postgres"), server.user(), server.password());
             var st = c.createStatement(); var rs = st.executeQuery("show server_version_num")) {
            rs.next();
            assertThat(rs.getInt(1) / 10000).isEqualTo(EmbeddedPostgresServer.SERVER_MAJOR);
        }
    }
}
