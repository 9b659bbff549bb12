package org.anju.cli;

import java.io.IOException;
import java.io.PrintStream;
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
 * once; a command beside a running web app waits for no web app. The turn is an operating-system lock on
 * {@code command.lock} in the data directory (owner-only, as the database's files: a lock file in the shared temporary
 * directory, made by whoever ran first, shut every other account out — re-review), released by the system when its
 * process ends, however it ends.
 */
final class CommandTurn implements AutoCloseable {

    private final FileChannel channel;
    private final FileLock lock;

    private CommandTurn(FileChannel channel, FileLock lock) {
        this.channel = channel;
        this.lock = lock;
    }

    /** The lock's file in a data directory. */
    static final String FILE = "command.lock";

    /**
     * Waits for the turn on {@code dataDir}'s database, saying on {@code err} why when it has to wait. A data directory
     * that does not exist yet is made, owner-only, as the embedded database makes it.
     */
    static CommandTurn take(Path dataDir, PrintStream err) throws IOException {
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
                err.println("安居：另一个命令正在使用内置数据库 " + absolute + "，等它结束后再运行本命令……");
                lock = channel.lock();
            }
            return new CommandTurn(channel, lock);
        } catch (IOException | RuntimeException e) {
            channel.close();
            throw e;
        }
    }

    /** Gives the turn to the next command (the system would, at this process's end, anyway). */
    @Override
    public void close() {
        try {
            lock.release();
            channel.close();
        } catch (IOException ignored) {
            // released with the process
        }
    }
}
