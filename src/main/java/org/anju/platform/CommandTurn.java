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
 * process ends, however it ends. A command whose settings name another directory than its environment takes that one's
 * turn too; when it has to wait for it, it gives its own back for good first (it does not run there), so it waits
 * holding nothing (see {@link #take(Path, java.util.function.Consumer, Runnable)}).
 *
 * <p>The web app takes the turn too, only while it starts or attaches to the server: started while a command ran, it
 * attached to the command's server and lost its database when the command ended and stopped it (late re-review of the
 * fifteenth session); now it waits for the command's end and starts its own. Commands started later attach to the web
 * app's server and leave it running.
 */
public final class CommandTurn implements AutoCloseable {

    /**
     * The data directories (real paths) whose turn this process holds: a command holds one for its whole run, and its
     * context must not wait for itself — on that directory only (see {@link #heldOn}). One lock per directory, counted:
     * the lock is given back with the directory's last turn.
     */
    private static final java.util.Map<Path, Held> HELD = new java.util.HashMap<>();

    /** A directory's lock file, its lock and the turns holding it. */
    private static final class Held {
        final FileChannel channel;
        final FileLock lock;
        int holds = 1;

        Held(FileChannel channel, FileLock lock) {
            this.channel = channel;
            this.lock = lock;
        }

        void release() {
            try {
                lock.release();
                channel.close();
            } catch (IOException ignored) {
                // released with the process
            }
        }
    }

    private final Path directory;
    private final Held held;   // the hold this turn counts: its directory's may have been given back (see take)
    private boolean closed;   // under HELD's lock: a second close must not give back another turn's hold

    private CommandTurn(Path directory, Held held) {
        this.directory = directory;
        this.held = held;
    }

    /** The lock's file in a data directory. */
    public static final String FILE = "command.lock";

    /**
     * Waits for the turn on {@code dataDir}'s database, saying {@code waiting} (given the directory) once when it has
     * to wait. A data directory that does not exist yet is made, owner-only, as the embedded database makes it.
     */
    public static CommandTurn take(Path dataDir, java.util.function.Consumer<String> waiting) throws IOException {
        return take(dataDir, waiting, () -> { });
    }

    /**
     * {@link #take(Path, java.util.function.Consumer)} beside the turns this process holds already (a command whose
     * settings name another directory than the one its turn was taken on): when this one is not free at once, it gives
     * those back for good and then waits, holding nothing. Holding one while waiting for another, two commands each
     * holding the directory the other's settings name waited for each other forever (crossed directories, each saying so
     * every minute); the nineteenth session's fix took them all again in one order, which made the command wait for a
     * directory it does not run in, and an interrupted wait left turns counted that were given back (review). {@code
     * givingBack} runs first: what this process still runs in the directories it holds (a server started early for a
     * directory it does not use) must have ended before another command may start there.
     */
    static CommandTurn take(Path dataDir, java.util.function.Consumer<String> waiting, Runnable givingBack)
            throws IOException {
        Path absolute = dataDir.toAbsolutePath().normalize();
        if (!Files.isDirectory(absolute)) {
            Files.createDirectories(absolute);
            if (FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
                Files.setPosixFilePermissions(absolute, PosixFilePermissions.fromString("rwx------"));
            }
        }
        Path real = absolute.toRealPath();
        synchronized (HELD) {
            Held held = HELD.get(real);
            // one lock per directory and process: a second is refused as overlapping, and closing its channel would
            // give back the first (POSIX locks are the process')
            if (held != null) {
                held.holds++;
                return new CommandTurn(real, held);
            }
        }
        FileChannel channel = FileChannel.open(real.resolve(FILE), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
        try {
            FileLock lock = channel.tryLock();
            if (lock == null) {
                if (heldHere()) {
                    giveBackAll(givingBack);
                }
                lock = waitFor(channel, () -> waiting.accept(absolute.toString()));
            }
            Held held = new Held(channel, lock);
            synchronized (HELD) {
                HELD.put(real, held);
            }
            return new CommandTurn(real, held);
        } catch (IOException | RuntimeException e) {
            channel.close();
            throw e;
        }
    }

    /** Gives back every turn this process holds, once {@code givingBack} has run; their holders' close does nothing. */
    private static void giveBackAll(Runnable givingBack) {
        givingBack.run();
        synchronized (HELD) {
            HELD.values().forEach(Held::release);
            HELD.clear();
        }
    }

    /** The process is stopping (SIGTERM, Ctrl-C, its starting thread interrupted): a wait for the turn ends at once. */
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
                // only a stopping process interrupts its start: said as that, not as an unwritable directory (review)
                Thread.currentThread().interrupt();
                throw new Stopping();
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
        synchronized (HELD) {
            return !HELD.isEmpty();
        }
    }

    /**
     * Whether this process holds the turn on this data directory — the same directory however it is written (relative,
     * through a link). A command takes its turn before Spring reads the settings, on the directory the environment
     * names ({@link DatabasePrestart#embeddedDirectory()}): a configuration file may name another.
     */
    static boolean heldOn(Path dataDir) {
        try {
            if (!Files.isDirectory(dataDir)) {
                return false;
            }
            Path real = dataDir.toRealPath();
            synchronized (HELD) {
                return HELD.containsKey(real);
            }
        } catch (IOException e) {
            return false;
        }
    }

    /** Gives the turn to the next command (the system would, at this process's end, anyway). */
    @Override
    public void close() {
        synchronized (HELD) {
            if (closed || HELD.get(directory) != held) {
                return;
            }
            closed = true;
            if (--held.holds > 0) {
                return;
            }
            HELD.remove(directory);
        }
        held.release();
    }
}
