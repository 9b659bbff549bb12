package org.anju.platform;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The embedded server of a kept data directory (the demo, a small deployment) is private and durable: no
 * connection without the superuser's password, a secret only the app's user can read, the socket in a directory
 * only it can enter, loopback only, and fsync, full_page_writes, synchronous_commit on. A second start (the
 * command line while the app runs) attaches with the same secret.
 */
class EmbeddedServerSecurityTest {

    @Test
    void aKeptDataDirectoryIsPrivateAndDurable(@TempDir Path dir) throws Exception {
        try (EmbeddedPostgresServer server = EmbeddedPostgresServer.startOrAttach(dir)) {
            String url = server.ensureDatabase("anju");
            Path secret = dir.resolve(EmbeddedPostgresServer.SECRET_FILE);
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(secret))).isEqualTo("rw-------");
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(dir))).isEqualTo("rwx------");
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(dir.resolve("pg-socket"))))
                    .isEqualTo("rwx------");
            assertThat(server.password()).isEqualTo(Files.readString(secret).strip()).hasSizeGreaterThan(40);
            // the programs it runs where no other local user can reach them: zonky's /tmp/embedded-pg is world-writable
            // without the sticky bit, another user could put a pg_ctl of theirs there
            String program = Files.readString(dir.resolve("pg/postmaster.opts")).split(" \"", 2)[0];
            assertThat(program).doesNotStartWith("/tmp/embedded-pg").endsWith("/bin/postgres");
            Path programs = EmbeddedPostgresServer.programsDirectory(dir);
            assertThat(Path.of(program)).startsWith(programs);
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(programs.getParent()))).isEqualTo("rwx------");
            // and zonky's working directory, whose old entries it stops and deletes at every start, is not the shared one
            assertThat(System.getProperty("ot.epg.working-dir")).isNotNull()
                    .doesNotStartWith(Path.of(System.getProperty("java.io.tmpdir"), "embedded-pg").toString());

            assertThatThrownBy(() -> DriverManager.getConnection(url, "postgres", "")).isInstanceOf(SQLException.class);
            assertThatThrownBy(() -> DriverManager.getConnection(url, "postgres", "wrong")).isInstanceOf(SQLException.class);
            try (Connection c = DriverManager.getConnection(url, "postgres", server.password()); var st = c.createStatement()) {
                for (String setting : new String[] {"fsync", "full_page_writes", "synchronous_commit"}) {
                    var rs = st.executeQuery("show " + setting);
                    rs.next();
                    assertThat(rs.getString(1)).as(setting).isEqualTo("on");
                }
                var rs = st.executeQuery("show listen_addresses");
                rs.next();
                assertThat(rs.getString(1)).isEqualTo("localhost");
            }
            // a second process on the same directory attaches to the running server with the stored secret
            try (EmbeddedPostgresServer attached = EmbeddedPostgresServer.startOrAttach(dir)) {
                assertThat(attached.ensureDatabase("anju")).isEqualTo(url);
            }
        }
    }

    /**
     * The programs' place is used only where nobody else can swap them: a cache under a directory others may write into
     * (root with another user's XDG_CACHE_HOME, a world-writable parent) is not, and the data directory's own place is
     * taken instead (review of the sixteenth session: that user's pg_ctl ran as root).
     */
    @Test
    void theProgramsCacheIsUsedOnlyWhereNobodyElseCanWrite(@TempDir Path dir) throws Exception {
        Path open = Files.createDirectories(dir.resolve("open"));
        Files.setPosixFilePermissions(open, PosixFilePermissions.fromString("rwxrwxrwx"));
        assertThat(EmbeddedPostgresServer.userCache(open.resolve("cache").toString(), "/nonexistent")).isNull();
        assertThat(open.resolve("cache")).as("nothing made in someone else's place").doesNotExist();

        Path closed = Files.createDirectories(dir.resolve("closed"));
        Files.setPosixFilePermissions(closed, PosixFilePermissions.fromString("rwx------"));
        Path cache = EmbeddedPostgresServer.userCache(closed.resolve("cache").toString(), "/nonexistent");
        assertThat(cache).isEqualTo(closed.resolve("cache/anju"));
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(cache))).isEqualTo("rwx------");
        assertThat(EmbeddedPostgresServer.userCache(null, "?")).as("no home").isNull();
    }
}
