package org.anju.platform;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import static org.anju.platform.CommandTurnOnSettingsDirectoryTest.answers;
import static org.anju.platform.CommandTurnOnSettingsDirectoryTest.properties;
import static org.anju.platform.CommandTurnOnSettingsDirectoryTest.stop;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two commands on crossed directories: the environment of one names X and its configuration file Y, the other's the
 * other way round. Each held the turn on its environment's directory ({@link CommandTurn}, taken by the command line
 * before the settings are read) and waited for the other's, for ever, each saying so every minute. Now the one that
 * has to wait gives its turn back for good and waits holding nothing: here the other, started second, gives Y back and
 * waits for X, which this command holds until its end while it runs on Y. (The nineteenth session's fix took both
 * again in the paths' order, which made the outcome depend on the names: this test ran both orders then.)
 */
class CommandTurnCrossedDirectoriesTest {

    /** The other command, in its own JVM: the turn on {@code args[0]}, the database on {@code args[1]}, as Cli would. */
    public static final class Crossed {
        public static void main(String[] args) throws Exception {
            try (CommandTurn turn = CommandTurn.take(Path.of(args[0]), d -> { });
                 DatabaseConfiguration.EmbeddedDatabase database = new DatabaseConfiguration()
                         .embeddedDatabase(properties(Path.of(args[1])))) {
                System.out.println("READY");
                System.out.flush();
                new java.io.BufferedReader(new java.io.InputStreamReader(System.in, StandardCharsets.UTF_8)).readLine();
            }
            System.out.println("ENDED");
        }
    }

    @Test
    void crossedCommandsRunOneAfterTheOther(@TempDir Path base) throws Exception {
        Path x = base.resolve("b");
        Path y = base.resolve("a");
        Process other = null;
        try (CommandTurn cli = CommandTurn.take(x, d -> { })) {
            // its messages in UTF-8 whatever the machine's locale (under LANG=C the Chinese came as "??")
            other = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-Dstdout.encoding=UTF-8", "-Dstderr.encoding=UTF-8", "-cp",
                    System.getProperty("java.class.path"), Crossed.class.getName(), y.toString(), x.toString())
                    .redirectErrorStream(true).start();
            OutputLines said = new OutputLines(other);
            // it holds Y and waits for X (before: for ever, holding Y)
            assertThat(said.first(l -> l.contains("另一个命令正在使用内置数据库 " + x), Duration.ofSeconds(60)))
                    .as(said.text()).isNotNull();
            other.getOutputStream().write("end\n".getBytes(StandardCharsets.UTF_8));   // it ends once it has run
            other.getOutputStream().flush();

            CompletableFuture<DatabaseConfiguration.EmbeddedDatabase> command = CompletableFuture.supplyAsync(
                    () -> new DatabaseConfiguration().embeddedDatabase(properties(y)), r -> Thread.ofVirtual().start(r));
            DatabaseConfiguration.EmbeddedDatabase database;
            try {
                database = command.get(90, TimeUnit.SECONDS);
            } catch (TimeoutException e) {
                command.thenAccept(DatabaseConfiguration.EmbeddedDatabase::close);   // once this turn is given back
                throw new AssertionError("the two commands wait for each other\n" + said.text(), e);
            }
            try (database) {
                assertThat(answers(database)).isTrue();
                assertThat(CommandTurn.heldOn(x)).as("the environment's turn kept: this command did not wait").isTrue();
                assertHeldHere(x);
            }
            assertThat(CommandTurn.heldOn(y)).as("the settings' turn given back with the database").isFalse();
            assertThat(CommandTurn.heldOn(x)).as("the environment's turn held until the command line's end").isTrue();
            cli.close();
            assertThat(said.first("ENDED"::equals, Duration.ofSeconds(90))).as(said.text()).isNotNull();
            assertThat(said.text()).contains("READY");
            assertThat(other.waitFor(30, TimeUnit.SECONDS) && other.exitValue() == 0).as(said.text()).isTrue();
        } finally {
            if (other != null) {
                stop(other);
            }
        }
    }

    /**
     * The lock itself, not the bookkeeping: a command started there waits. (Not tried from this process: closing a
     * second channel on the lock's file would release this process' lock, as POSIX locks go.)
     */
    private static void assertHeldHere(Path dir) throws Exception {
        Process probe = WebWaitsForCommandTest.commandStarted(dir);
        try {
            OutputLines said = new OutputLines(probe);
            assertThat(said.first(l -> l.equals("WAITING") || l.equals("READY"), Duration.ofSeconds(60)))
                    .as(said.text()).isEqualTo("WAITING");
            probe.destroyForcibly();   // waiting: it started nothing
            probe.waitFor(30, TimeUnit.SECONDS);
        } finally {
            if (probe.isAlive()) {
                stop(probe);
            }
        }
    }
}
