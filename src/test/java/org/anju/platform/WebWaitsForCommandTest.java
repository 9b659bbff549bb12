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
 * The web app started while a command runs on the same embedded database waits for the command's end and then starts
 * its own server. It used to attach to the command's server and lose its database a moment later, when the command
 * ended and stopped what it had started (late re-review of the fifteenth session). The command is another process, as
 * in life: it holds the turn and runs the server until told to end ({@link Command}).
 */
class WebWaitsForCommandTest {

    /**
     * A command in its own JVM: the turn ("WAITING" if it has to wait for it), the server it starts, "READY", and its
     * end when a line comes on stdin.
     */
    public static final class Command {
        public static void main(String[] args) throws Exception {
            Path dir = Path.of(args[0]);
            try (CommandTurn turn = CommandTurn.take(dir, d -> {
                System.out.println("WAITING");
                System.out.flush();
            });
                 EmbeddedPostgresServer server = EmbeddedPostgresServer.startOrAttach(dir)) {
                server.ensureDatabase(EmbeddedPostgresServer.DATABASE);
                System.out.println("READY");
                System.out.flush();
                new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)).readLine();
            }
            System.out.println("ENDED");
        }
    }

    /** A {@link Command} in its own JVM, once it has started its server (destroyed if it does not). */
    static Process commandRunning(Path dir) throws Exception {
        Process command = commandStarted(dir);
        try {
            BufferedReader out = new BufferedReader(new InputStreamReader(command.getInputStream(), StandardCharsets.UTF_8));
            String line;
            while ((line = out.readLine()) != null && !line.equals("READY")) {
                // zonky's and the JVM's lines
            }
            assertThat(line).as("the command started its server").isEqualTo("READY");
            return command;
        } catch (Exception | AssertionError e) {
            command.destroyForcibly();
            throw e;
        }
    }

    /** A {@link Command} in its own JVM, just started: it may still wait for its turn. */
    static Process commandStarted(Path dir) throws java.io.IOException {
        return new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp",
                System.getProperty("java.class.path"), Command.class.getName(), dir.toString()).redirectErrorStream(true)
                .start();
    }

    @Test
    void theWebAppWaitsForTheCommandsEndAndRunsOnItsOwnServer(@TempDir Path dir) throws Exception {
        Process command = commandRunning(dir);
        try {
            DatabaseProperties properties = new DatabaseProperties(null, null, null, dir, false, 0, null, null, null);
            CompletableFuture<DatabaseConfiguration.EmbeddedDatabase> web = CompletableFuture.supplyAsync(
                    () -> new DatabaseConfiguration().embeddedDatabase(properties));
            Thread.sleep(2_000);
            assertThat(web).as("the web app waits while the command runs (before: attached to its server at once)")
                    .isNotDone();

            command.getOutputStream().write("end\n".getBytes(StandardCharsets.UTF_8));
            command.getOutputStream().flush();
            assertThat(command.waitFor(60, TimeUnit.SECONDS)).isTrue();

            try (DatabaseConfiguration.EmbeddedDatabase database = web.get(60, TimeUnit.SECONDS);
                 Connection c = DriverManager.getConnection(database.jdbcUrl(), database.user(), database.password());
                 var st = c.createStatement()) {
                var rs = st.executeQuery("select 1");
                rs.next();
                assertThat(rs.getInt(1)).as("its database lives on after the command").isEqualTo(1);
            }
        } finally {
            command.destroyForcibly();
        }
    }

    /**
     * A wait for the turn whose thread is interrupted (the process stopping while it starts) ends as the process
     * stopping. It ended as an I/O failure, which the start reported as a data directory not owned by the user or not
     * writable (review of the nineteenth session, L5).
     */
    @Test
    void aWaitInterruptedEndsAsTheProcessStopping(@TempDir Path dir) throws Exception {
        Process command = commandRunning(dir);
        try {
            CompletableFuture<Throwable> ended = new CompletableFuture<>();
            java.util.concurrent.CountDownLatch waits = new java.util.concurrent.CountDownLatch(1);
            Thread starting = Thread.ofPlatform().start(() -> {
                try (CommandTurn turn = CommandTurn.take(dir, d -> waits.countDown())) {
                    ended.complete(null);
                } catch (Throwable e) {
                    ended.complete(e);
                }
            });
            assertThat(waits.await(30, TimeUnit.SECONDS)).as("waits for the command's turn").isTrue();
            starting.interrupt();
            assertThat(ended.get(10, TimeUnit.SECONDS)).isInstanceOf(CommandTurn.Stopping.class)
                    .hasMessage("应用正在停止：不再等待内置数据库的使用权");
            assertThat(CommandTurn.heldOn(dir)).isFalse();
        } finally {
            command.getOutputStream().write("end\n".getBytes(StandardCharsets.UTF_8));
            command.getOutputStream().flush();
            if (!command.waitFor(60, TimeUnit.SECONDS)) {
                command.destroyForcibly();
            }
        }
    }

    /**
     * SIGTERM to a web app waiting for the command: it stops. It waited on in {@code lock()} — Spring's shutdown waits
     * for the refresh, which waited for the command — and once the command ended started its database in the middle of
     * its own shutdown (review of the sixteenth session: alive 40 s after the signal).
     */
    @Test
    void aWebAppWaitingForTheCommandStopsOnSigterm(@TempDir Path dir) throws Exception {
        Process command = commandRunning(dir);
        Process web = null;
        try {
            String line;
            ProcessBuilder pb = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp",
                    System.getProperty("java.class.path"), org.anju.AnjuApplication.class.getName(), "--server.port=0")
                    .redirectErrorStream(true);
            pb.environment().put("ANJU_DATA_DIR", dir.toString());
            pb.environment().put("ANJU_DEMO_ENABLED", "false");
            pb.environment().remove("ANJU_LOG_FORMAT");
            web = pb.start();
            BufferedReader webOut = new BufferedReader(new InputStreamReader(web.getInputStream(), StandardCharsets.UTF_8));
            StringBuilder seen = new StringBuilder();
            while ((line = webOut.readLine()) != null && !line.contains("一个命令正在使用内置数据库")) {
                seen.append(line).append('\n');
            }
            assertThat(line).as(seen.toString()).isNotNull();
            web.toHandle().destroy();   // SIGTERM
            Process waiting = web;
            Thread drain = Thread.ofVirtual().start(() -> webOut.lines().forEach(l -> { }));
            assertThat(waiting.waitFor(20, TimeUnit.SECONDS)).as("stopped while the command still runs").isTrue();
            drain.join(5_000);
            assertThat(command.isAlive()).isTrue();
        } finally {
            if (web != null) {
                web.destroyForcibly();
            }
            command.getOutputStream().write("end\n".getBytes(StandardCharsets.UTF_8));
            command.getOutputStream().flush();
            if (!command.waitFor(60, TimeUnit.SECONDS)) {
                command.destroyForcibly();
            }
        }
    }
}
