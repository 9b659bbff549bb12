package org.anju.platform;

import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.Status;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Readiness probes arriving together (two balancers, a balancer and the monitoring) when the schema's answer has
 * expired: one reads the history, the others wait for it. Flyway holds two connections of the probes' own pool while
 * it reads; two readings at once each got one and waited for a second in vain, and both answered DOWN (review of the
 * fifteenth session: 20 of 30 forced probes). Built as the application builds them: the pools of
 * {@link DatabaseConfiguration}, Flyway copied onto the probes' pool.
 */
class ConcurrentProbesTest {

    @Test
    void probesReadingTheSchemaAtOnceWaitForOneAnotherAndAreUp() throws Exception {
        EmbeddedPostgresServer server = EmbeddedPostgresServer.startEphemeral();
        String url = server.ensureDatabase("concurrent_probes");
        Path migrations = Files.createTempDirectory("anju-probe-migrations");
        for (int i = 1; i <= 40; i++) {
            Files.writeString(migrations.resolve("V" + i + "__m" + i + ".sql"), "create table t" + i + " (id int);");
        }
        try {
            try (DatabaseConfiguration.Pools pools = ExternalPools.of(url, server, 10, Duration.ofSeconds(5), null)) {
                Flyway flyway = Flyway.configure().dataSource(pools.primary()).locations("filesystem:" + migrations).load();
                flyway.migrate();
                AtomicLong clock = new AtomicLong();
                // each call past the 30 s an answer is kept: every probe is one at an expiry
                MigrationHealth health = new MigrationHealth(
                        Flyway.configure().configuration(flyway.getConfiguration()).dataSource(pools.health()).load(),
                        new DatabaseHealth(pools), () -> clock.addAndGet(Duration.ofSeconds(31).toNanos()));
                List<String> notUp = new CopyOnWriteArrayList<>();
                CountDownLatch done = new CountDownLatch(3);
                for (int t = 0; t < 3; t++) {
                    Thread.ofVirtual().start(() -> {
                        try {
                            for (int r = 0; r < 10; r++) {
                                Health h = health.health();
                                if (!Status.UP.equals(h.getStatus())) {
                                    notUp.add(String.valueOf(h.getDetails()));
                                }
                            }
                        } finally {
                            done.countDown();
                        }
                    });
                }
                done.await();
                assertThat(notUp).as("probes answered other than UP").isEmpty();
            }
        } finally {
            server.close();
            try (var files = Files.list(migrations)) {
                for (Path f : files.toList()) {
                    Files.delete(f);
                }
            }
            Files.delete(migrations);
        }
    }
}
