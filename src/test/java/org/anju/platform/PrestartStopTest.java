package org.anju.platform;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A server started early for a directory the command does not use is stopped before that directory's turn is given
 * back: a stop that fails refuses to go on (the server would still run where another command then starts), where it
 * was swallowed and the turn given back all the same (review of the twentieth session, L8).
 */
class PrestartStopTest {

    static final Path DIR = Path.of("/tmp/anju-early");

    @Test
    void aServerThatWouldNotStopKeepsTheCommandFromGoingOn() {
        CompletableFuture<AutoCloseable> started = CompletableFuture.completedFuture(() -> {
            throw new IOException("pg_ctl: server does not shut down");
        });
        CompletableFuture<Void> stop = EmbeddedPostgresServer.stopping(DIR, started);
        assertThatThrownBy(() -> EmbeddedPostgresServer.awaitStop(stop))
                .isInstanceOf(EmbeddedPostgresServer.NotStopped.class)
                .hasMessage("未能停止为数据目录 /tmp/anju-early 提前启动的内置 PostgreSQL（pg_ctl: server does not shut down）："
                        + "本命令不再继续（另一个命令会连到它上面，又在本命令退出时失去它）")
                // a start's problem: the command line and the web app's report print it and what to do, in Chinese
                .isInstanceOf(StartupProblem.class)
                .satisfies(e -> assertThat(((StartupProblem) e).action()).contains(
                        "pg_ctl -D /tmp/anju-early/pg stop -m fast", "/tmp/anju-early/pg/postmaster.pid"));
    }

    @Test
    void aServerThatStoppedOrNeverStartedLetsItGoOn() {
        AtomicInteger closed = new AtomicInteger();
        EmbeddedPostgresServer.awaitStop(EmbeddedPostgresServer.stopping(DIR,
                CompletableFuture.completedFuture(closed::incrementAndGet)));
        assertThat(closed).hasValue(1);

        CompletableFuture<AutoCloseable> failedToStart = CompletableFuture.failedFuture(
                new IllegalStateException("数据目录不可写"));
        EmbeddedPostgresServer.awaitStop(EmbeddedPostgresServer.stopping(DIR, failedToStart));   // nothing runs there
    }
}
