package org.anju.platform;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;

/**
 * PostgreSQL run from inside the application when no external server is configured.
 *
 * <p>The data directory survives restarts. When another Anju process (the web app, say) already runs
 * the server on that directory, this process connects to it instead of starting a second one, so the
 * command line works while the app is up.
 */
final class EmbeddedPostgresServer implements AutoCloseable {

    private static final String SUPERUSER = "postgres";

    private final EmbeddedPostgres owned;
    private final int port;

    private EmbeddedPostgresServer(EmbeddedPostgres owned, int port) {
        this.owned = owned;
        this.port = port;
    }

    static EmbeddedPostgresServer startOrAttach(Path dataDirectory) {
        Path pgDirectory = dataDirectory.toAbsolutePath().normalize().resolve("pg");
        Optional<Integer> running = runningPort(pgDirectory);
        if (running.isPresent()) {
            return new EmbeddedPostgresServer(null, running.get());
        }
        try {
            Files.createDirectories(pgDirectory);
            EmbeddedPostgres pg = builder().setDataDirectory(pgDirectory).setCleanDataDirectory(false).start();
            return new EmbeddedPostgresServer(pg, pg.getPort());
        } catch (IOException e) {
            throw new UncheckedIOException("无法在 " + pgDirectory + " 启动内置 PostgreSQL", e);
        }
    }

    static EmbeddedPostgresServer startEphemeral() {
        try {
            EmbeddedPostgres pg = builder().start();
            return new EmbeddedPostgresServer(pg, pg.getPort());
        } catch (IOException e) {
            throw new UncheckedIOException("无法启动测试用内置 PostgreSQL", e);
        }
    }

    private static EmbeddedPostgres.Builder builder() {
        return EmbeddedPostgres.builder()
                .setServerConfig("max_connections", "200")
                .setServerConfig("shared_buffers", "128MB")
                // the data is disposable in tests and re-creatable from seeds in the demo;
                // production uses an external server with its own durability settings
                .setServerConfig("fsync", "off")
                .setServerConfig("synchronous_commit", "off")
                .setServerConfig("full_page_writes", "off")
                .setLocaleConfig("locale", "C")
                .setLocaleConfig("encoding", "UTF8");
    }

    /** The port of a postmaster already serving this directory, read from its pid file. */
    private static Optional<Integer> runningPort(Path pgDirectory) {
        Path pidFile = pgDirectory.resolve("postmaster.pid");
        if (!Files.isRegularFile(pidFile)) {
            return Optional.empty();
        }
        try {
            List<String> lines = Files.readAllLines(pidFile);
            long pid = Long.parseLong(lines.getFirst().trim());
            if (lines.size() < 4 || ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false) == false) {
                return Optional.empty();
            }
            int port = Integer.parseInt(lines.get(3).trim());
            try (Connection ignored = DriverManager.getConnection(url(port, "postgres"), SUPERUSER, "")) {
                return Optional.of(port);
            }
        } catch (IOException | RuntimeException | SQLException e) {
            return Optional.empty();
        }
    }

    private static String url(int port, String database) {
        return "jdbc:postgresql://localhost:" + port + "/" + database;
    }

    /** Creates the database unless it exists and returns its JDBC URL. */
    String ensureDatabase(String database) {
        if (!database.matches("[a-z0-9_]+")) {
            throw new IllegalArgumentException("database name: " + database);
        }
        try (Connection c = DriverManager.getConnection(url(port, "postgres"), SUPERUSER, "")) {
            boolean exists;
            try (var st = c.prepareStatement("select 1 from pg_database where datname = ?")) {
                st.setString(1, database);
                exists = st.executeQuery().next();
            }
            if (!exists) {
                try (var st = c.createStatement()) {
                    st.execute("create database " + database + " encoding 'UTF8' template template0");
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("无法创建数据库 " + database, e);
        }
        return url(port, database);
    }

    String user() {
        return SUPERUSER;
    }

    @Override
    public void close() throws IOException {
        if (owned != null) {
            owned.close();
        }
    }
}
