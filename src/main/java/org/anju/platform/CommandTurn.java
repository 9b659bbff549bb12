package org.anju.platform;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;

/**
 * One command at a time on one embedded database. Two commands started together (two cron jobs, a script sending
 * commands to the background) each started the server in the same data directory: the second failed with 120 lines of
 * "could not lock …/pg/epg-lock", or attached to the first's server and lost it when the first ended and stopped it —
 * then told to check ANJU_DB_USER (trial of the fifteenth session). Now the second waits for the first's end, saying so
 * (again every minute); a command beside a running web app waits for no web app. The turn is an operating-system lock on
 * {@code command.lock} in the data directory (owner-only, as the database's files: a lock file in the shared temporary
 * directory, made by whoever ran first, shut every other account out — re-review), released by the system when its
 * process ends, however it ends.
 *
 * <p>The web app takes the turn too, only while it starts or attaches to the server: started while a command ran, it
 * attached to the command's server and lost its database when the command ended and stopped it (late re-review of the
 * fifteenth session); now it waits for the command's end and starts its own. Commands started later attach to the web
 * app's server and leave it running.
 */
public final class CommandTurn implements AutoCloseable {

    /**
     * The data directories (real paths) whose turn this process holds: a command holds one for its whole run, and its
     * context must not wait for itself — on that directory only (see {@link #heldOn}).
     */
    private static final java.util.Map<Path, Integer> HELD = new java.util.concurrent.ConcurrentHashMap<>();

    private final FileChannel channel;
    private final FileLock lock;
    private final Path directory;

    private CommandTurn(FileChannel channel, FileLock lock, Path directory) {
        this.channel = channel;
        this.lock = lock;
        this.directory = directory;
    }

    /** The lock's file in a data directory. */
    public static final String FILE = "command.lock";

    /**
     * Waits for the turn on {@code dataDir}'s database, saying {@code waiting} (given the directory) once when it has
     * to wait. A data directory that does not exist yet is made, owner-only, as the embedded database makes it.
     */
    public static CommandTurn take(Path dataDir, java.util.function.Consumer<String> waiting) throws IOException {
        Path absolute = dataDir.toAbsolutePath().normalize();
        if (!Files.isDirectory(absolute)) {
            Files.createDirectories(absolute);
            if (FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
                Files.setPosixFilePermissions(absolute, PosixFilePermissions.fromString("rwx------"));
            }
        }
        FileChannel channel = FileChannel.open(absolute.resolve(FILE), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
        try {
            FileLock lock = channel.tryLock();
            if (lock == null) {
                lock = waitFor(channel, () -> waiting.accept(absolute.toString()));
            }
            Path real = absolute.toRealPath();
            HELD.merge(real, 1, Integer::sum);
            return new CommandTurn(channel, lock, real);
        } catch (IOException | RuntimeException e) {
            channel.close();
            throw e;
        }
    }

    /** The process is stopping (SIGTERM, Ctrl-C): a wait for the turn ends at once. */
    public static final class Stopping extends IOException {
        Stopping() {
            super("应用正在停止：不再等待内置数据库的使用权");
        }
    }

    private static final java.util.concurrent.atomic.AtomicBoolean STOPPING = new java.util.concurrent.atomic.AtomicBoolean();
    private static final java.util.concurrent.atomic.AtomicBoolean HOOKED = new java.util.concurrent.atomic.AtomicBoolean();

    /**
     * Asks for the lock every 200 ms, saying why it waits at once and again every minute, and gives up when the process
     * is stopping: the web app waiting in {@code lock()} ignored SIGTERM — Spring's shutdown waits for the context's
     * refresh, which waited for the command — and once the command ended started its database in the middle of its own
     * shutdown (review of the sixteenth session).
     */
    private static FileLock waitFor(FileChannel channel, Runnable say) throws IOException {
        if (HOOKED.compareAndSet(false, true)) {
            try {
                Runtime.getRuntime().addShutdownHook(new Thread(() -> STOPPING.set(true), "anju-turn-stopping"));
            } catch (IllegalStateException alreadyStopping) {
                STOPPING.set(true);
            }
        }
        say.run();
        long said = System.nanoTime();
        FileLock lock;
        while ((lock = channel.tryLock()) == null) {
            if (STOPPING.get()) {
                throw new Stopping();
            }
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new java.io.InterruptedIOException("等待内置数据库的使用权时被中断");
            }
            if (System.nanoTime() - said > java.util.concurrent.TimeUnit.MINUTES.toNanos(1)) {
                say.run();
                said = System.nanoTime();
            }
        }
        return lock;
    }

    /** Whether this process holds a turn now (it is a command). */
    static boolean heldHere() {
        return !HELD.isEmpty();
    }

    /**
     * Whether this process holds the turn on this data directory — the same directory however it is written (relative,
     * through a link). A command takes its turn before Spring reads the settings, on the directory the environment
     * names ({@link DatabasePrestart#embeddedDirectory()}): a configuration file may name another.
     */
    static boolean heldOn(Path dataDir) {
        try {
            return Files.isDirectory(dataDir) && HELD.containsKey(dataDir.toRealPath());
        } catch (IOException e) {
            return false;
        }
    }

    /** Gives the turn to the next command (the system would, at this process's end, anyway). */
    @Override
    public void close() {
        HELD.computeIfPresent(directory, (d, holds) -> holds > 1 ? holds - 1 : null);
        try {
            lock.release();
            channel.close();
        } catch (IOException ignored) {
            // released with the process
        }
    }
}
