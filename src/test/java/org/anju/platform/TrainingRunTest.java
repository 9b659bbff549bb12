package org.anju.platform;

import org.anju.MainProcess;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The web app's training run for Java's ahead-of-time cache (scripts/anju, scripts/measure-startup.sh) ends with the
 * embedded PostgreSQL it started stopped: Spring ends such a run with {@code Runtime.halt} right after the refresh,
 * without shutdown hooks, and the server used to stay up with nobody to stop it (second operator trial).
 */
class TrainingRunTest {

    @Test
    void theEmbeddedServerOfATrainingRunIsStoppedBeforeTheJvmHalts(@TempDir Path dir) throws Exception {
        MainProcess run = MainProcess.runAsShipped(List.of("-Dspring.context.exit=onRefresh"),
                Map.of("ANJU_DATA_DIR", dir.toString(), "ANJU_DEMO_ENABLED", "false", "PORT", "0"));
        assertThat(run.exit()).as(run.err()).isZero();
        assertThat(dir.resolve("pg").resolve("PG_VERSION")).as("the run had its database").exists();
        Path pid = dir.resolve("pg").resolve("postmaster.pid");
        if (Files.exists(pid)) {   // a server left running: stopped here so the test leaves nothing behind
            long left = Long.parseLong(Files.readAllLines(pid).getFirst().strip());
            ProcessHandle.of(left).ifPresent(ProcessHandle::destroy);
        }
        assertThat(pid).as("PostgreSQL removes it when it stops").doesNotExist();
    }
}
