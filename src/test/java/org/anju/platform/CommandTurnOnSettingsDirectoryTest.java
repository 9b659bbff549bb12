package org.anju.platform;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A command takes its turn ({@link CommandTurn}) before Spring reads the settings, on the data directory the environment
 * names (ANJU_DATA_DIR, else ./anju-data); a configuration file may name another, and the database it then runs on is
 * that one. The command used to run there holding no turn: it attached to another command's server, which stopped when
 * that command ended, and a web app or command started meanwhile attached to its own (review of the sixteenth session,
 * 8). Now it takes that directory's turn too, for its whole run. This process plays the command: it holds the turn
 * on the directory "the environment named" and opens the database of the one "the settings name".
 */
class CommandTurnOnSettingsDirectoryTest {

    @Test
    void aCommandOnAnotherDirectoryThanItsTurnsWaitsForTheCommandRunningThere(@TempDir Path guessed, @TempDir Path settings)
            throws Exception {
        Process other = WebWaitsForCommandTest.commandRunning(settings);
        Process third = null;
        try (CommandTurn cli = CommandTurn.take(guessed, d -> { })) {
            // waits while the other command runs there (before: attached to its server at once)
            CompletableFuture<DatabaseConfiguration.EmbeddedDatabase> command = saysItWaits(settings,
                    () -> new DatabaseConfiguration().embeddedDatabase(properties(settings)));

            end(other);
            try (DatabaseConfiguration.EmbeddedDatabase database = command.get(60, TimeUnit.SECONDS)) {
                assertThat(answers(database)).as("on a server of its own, alive after the other command's end").isTrue();
                // it gave the environment's turn back to wait and did not take it again: it does not run there, and a
                // command there ran at once (before: taken again, that command waited for this one's end)
                assertThat(CommandTurn.heldOn(guessed)).as("the environment's turn given back for good").isFalse();
                third = WebWaitsForCommandTest.commandStarted(guessed);
                OutputLines said = new OutputLines(third);
                assertThat(said.first(l -> l.equals("WAITING") || l.equals("READY"), Duration.ofSeconds(60)))
                        .as("a command on the environment's directory runs beside this one\n%s", said.text())
                        .isEqualTo("READY");
            }
        } finally {
            stop(other);
            if (third != null) {
                stop(third);
            }
        }
    }

    @Test
    void anotherCommandStartedWhileItRunsWaitsForItsEnd(@TempDir Path guessed, @TempDir Path settings) throws Exception {
        Process other = null;
        try (CommandTurn cli = CommandTurn.take(guessed, d -> { })) {
            OutputLines said;
            try (DatabaseConfiguration.EmbeddedDatabase database = new DatabaseConfiguration()
                    .embeddedDatabase(properties(settings))) {
                other = WebWaitsForCommandTest.commandStarted(settings);
                said = new OutputLines(other);
                assertThat(said.first(l -> l.equals("WAITING") || l.equals("READY"), Duration.ofSeconds(60)))
                        .as("the other command waits for this one's turn (before: attached to its server)\n%s", said.text())
                        .isEqualTo("WAITING");
                assertThat(answers(database)).isTrue();
            }
            // this command ended: the other starts its own server
            assertThat(said.first("READY"::equals, Duration.ofSeconds(60))).as(said.text()).isNotNull();
            assertThat(CommandTurn.heldOn(guessed)).as("the environment's directory still this process's turn").isTrue();
            assertThat(CommandTurn.heldOn(settings)).as("the settings' directory given back with the database").isFalse();
        } finally {
            if (other != null) {
                stop(other);
            }
        }
    }

    static DatabaseProperties properties(Path dataDir) {
        return new DatabaseProperties(null, null, null, dataDir, false, 0, null, null, null);
    }

    /**
     * Runs {@code command} (which opens a database) in the background and returns once it says on stderr that it waits
     * for the turn on {@code dir}, as it tells the operator; fails if it ends first or does not say so within a minute.
     */
    static <T> CompletableFuture<T> saysItWaits(Path dir, Supplier<T> command) throws InterruptedException {
        String waits = "另一个命令正在使用内置数据库 " + dir.toAbsolutePath().normalize();
        PrintStream err = System.err;
        ByteArrayOutputStream said = new ByteArrayOutputStream();
        System.setErr(new PrintStream(new OutputStream() {
            @Override
            public void write(int b) {
                err.write(b);
                synchronized (said) {
                    said.write(b);
                }
            }

            @Override
            public void write(byte[] b, int off, int len) {
                err.write(b, off, len);
                synchronized (said) {
                    said.write(b, off, len);
                }
            }
        }, true, StandardCharsets.UTF_8));
        try {
            // a thread of its own: the common pool may have one thread only, busy elsewhere
            CompletableFuture<T> running = CompletableFuture.supplyAsync(command, r -> Thread.ofVirtual().start(r));
            long until = System.nanoTime() + TimeUnit.MINUTES.toNanos(1);
            while (System.nanoTime() < until) {
                synchronized (said) {
                    if (said.toString(StandardCharsets.UTF_8).contains(waits)) {
                        return running;
                    }
                }
                if (running.isDone()) {
                    break;
                }
                Thread.sleep(20);
            }
            throw new AssertionError("did not say it waits for " + dir + " (done: " + running.isDone() + ")");
        } finally {
            System.setErr(err);
        }
    }

    private static void end(Process command) throws Exception {
        command.getOutputStream().write("end\n".getBytes(StandardCharsets.UTF_8));
        command.getOutputStream().flush();
        assertThat(command.waitFor(60, TimeUnit.SECONDS)).isTrue();
    }

    /**
     * Ends a command that may still wait for its turn: the line waits in its stdin until it has started and stops its
     * server (killed only if it does not end — a killed command's server would run on).
     */
    static void stop(Process command) throws Exception {
        if (command.isAlive()) {
            try {
                command.getOutputStream().write("end\n".getBytes(StandardCharsets.UTF_8));
                command.getOutputStream().flush();
            } catch (java.io.IOException ended) {
                // ended meanwhile
            }
            if (!command.waitFor(60, TimeUnit.SECONDS)) {
                command.destroyForcibly();
            }
        }
    }

    static boolean answers(DatabaseConfiguration.EmbeddedDatabase database) throws Exception {
        try (Connection c = DriverManager.getConnection(database.jdbcUrl(), database.user(), database.password());
             var st = c.createStatement(); var rs = st.executeQuery("select 1")) {
            return rs.next() && rs.getInt(1) == 1;
        }
    }
}
