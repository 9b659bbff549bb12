package org.anju.platform;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * scripts/anju, the documented fast launcher, on the packaged jar (after {@code package}, like {@link ClusterIT}):
 * its first command — the one that records the ahead-of-time cache — prints the command's output alone on stdout (the
 * JVM's "AOTConfiguration recorded" went there and broke a first {@code --json}), and an older Java is refused in
 * Chinese instead of an UnsupportedClassVersionError (seventh session).
 */
class AnjuScriptIT {

    static final Path REPO = Path.of("").toAbsolutePath();

    record Run(int exit, String out, String err) {
    }

    static Run run(Path dir, String javaHome, String... args) throws Exception {
        List<String> command = new java.util.ArrayList<>(List.of(REPO.resolve("scripts/anju").toString()));
        command.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(command).directory(REPO.toFile());
        pb.environment().put("JAVA_HOME", javaHome);
        pb.environment().put("ANJU_CACHE_DIR", dir.resolve("cache").toString());
        pb.environment().put("ANJU_DATA_DIR", dir.resolve("data").toString());
        File out = dir.resolve("out.txt").toFile();
        File err = dir.resolve("err.txt").toFile();
        Process p = pb.redirectOutput(out).redirectError(err).start();
        assertThat(p.waitFor(5, TimeUnit.MINUTES)).as("scripts/anju ended").isTrue();
        return new Run(p.exitValue(), Files.readString(out.toPath(), StandardCharsets.UTF_8),
                Files.readString(err.toPath(), StandardCharsets.UTF_8));
    }

    @Test
    void theFirstCommandsOutputIsItsOwnAlone(@TempDir Path dir) throws Exception {
        String java25 = System.getProperty("java.home");
        for (int i = 1; i <= 2; i++) {   // the first records and makes the cache, the second uses it
            Run r = run(dir, java25, "plan", "import", "--dry-run", "--json", "src/main/resources/seeds/001_bc1ecb836366de7f.txt");
            assertThat(r.exit()).as(r.err()).isZero();
            assertThat(tools.jackson.databind.json.JsonMapper.builder().build().readTree(r.out()).path("plan").path("title")
                    .asString()).as("run %d, stdout: %s", i, r.out()).isEqualTo("关于下达2023年全省保障性安居工程建设工作计划的通知");
            if (i == 1) {
                assertThat(r.err()).contains("AOTConfiguration recorded", "正在生成启动缓存");
            }
        }
    }

    @Test
    void anOlderJavaIsRefusedSayingWhichIsNeeded(@TempDir Path dir) throws Exception {
        Path java17 = Path.of("/usr/lib/jvm/java-17-openjdk-amd64");
        org.junit.jupiter.api.Assumptions.assumeTrue(Files.isExecutable(java17.resolve("bin/java")), "no Java 17 here");
        Run r = run(dir, java17.toString(), "user", "list");
        assertThat(r.exit()).isEqualTo(3);
        assertThat(r.err()).startsWith("错误：" + java17.resolve("bin/java") + " 是 Java 17")
                .contains("安居需要 Java 25 或更新").doesNotContain("UnsupportedClassVersionError");
        assertThat(r.out()).isEmpty();
    }
}
