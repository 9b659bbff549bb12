package org.anju.platform;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

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
        try (CommandTurn cli = CommandTurn.take(guessed, d -> { })) {
            CompletableFuture<DatabaseConfiguration.EmbeddedDatabase> command = CompletableFuture.supplyAsync(
                    () -> new DatabaseConfiguration().embeddedDatabase(properties(settings)));
            Thread.sleep(2_000);
            assertThat(command).as("waits while the other command runs there (before: attached to its server at once)")
                    .isNotDone();

            end(other);
            try (DatabaseConfiguration.EmbeddedDatabase database = command.get(60, TimeUnit.SECONDS)) {
                assertThat(answers(database)).as("on a server of its own, alive after the other command's end").isTrue();
            }
        } finally {
            stop(other);
        }
    }

    @Test
    void anotherCommandStartedWhileItRunsWaitsForItsEnd(@TempDir Path guessed, @TempDir Path settings) throws Exception {
        Process other = null;
        try (CommandTurn cli = CommandTurn.take(guessed, d -> { })) {
            CompletableFuture<Void> otherReady;
            try (DatabaseConfiguration.EmbeddedDatabase database = new DatabaseConfiguration()
                    .embeddedDatabase(properties(settings))) {
                other = WebWaitsForCommandTest.commandStarted(settings);
                otherReady = ready(other);
                Thread.sleep(3_000);
                assertThat(otherReady).as("the other command waits for this one's turn (before: attached to its server)")
                        .isNotDone();
                assertThat(answers(database)).isTrue();
            }
            otherReady.get(60, TimeUnit.SECONDS);   // this command ended: the other starts its own server
            assertThat(CommandTurn.heldOn(guessed)).as("the environment's directory still this process's turn").isTrue();
            assertThat(CommandTurn.heldOn(settings)).as("the settings' directory given back with the database").isFalse();
        } finally {
            if (other != null) {
                stop(other);
            }
        }
    }

    private static DatabaseProperties properties(Path dataDir) {
        return new DatabaseProperties(null, null, null, dataDir, false, 0, null, null, null);
    }

    /** Completes when the process says READY (it holds the turn and runs its server). */
    private static CompletableFuture<Void> ready(Process process) {
        CompletableFuture<Void> ready = new CompletableFuture<>();
        Thread.ofVirtual().start(() -> {
            try (BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(),
                    StandardCharsets.UTF_8))) {
                String line;
                while ((line = out.readLine()) != null) {
                    if (line.equals("READY")) {
                        ready.complete(null);
                    }
                }
                ready.completeExceptionally(new AssertionError("ended without READY"));
            } catch (Exception e) {
                ready.completeExceptionally(e);
            }
        });
        return ready;
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
    private static void stop(Process command) throws Exception {
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

    private static boolean answers(DatabaseConfiguration.EmbeddedDatabase database) throws Exception {
        try (Connection c = DriverManager.getConnection(database.jdbcUrl(), database.user(), database.password());
             var st = c.createStatement(); var rs = st.executeQuery("select 1")) {
            return rs.next() && rs.getInt(1) == 1;
        }
    }
}
