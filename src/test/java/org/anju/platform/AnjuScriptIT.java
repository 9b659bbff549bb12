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
        // the packaged jar's version (its manifest), as -V of every command says it; it printed nothing before
        java.util.regex.Matcher pom = java.util.regex.Pattern.compile("<artifactId>anju</artifactId>\\s*<version>([^<]+)</version>")
                .matcher(Files.readString(REPO.resolve("pom.xml")));
        assertThat(pom.find()).isTrue();
        Run v = run(dir, java25, "--version");
        assertThat(v.exit()).as(v.err()).isZero();
        assertThat(v.out()).startsWith("安居 " + pom.group(1) + "，Java ");
        // and a command's -V the same, before Spring starts: no database, no training run on it (LauncherTest)
        for (String command : List.of("backup", "plan")) {
            Run cv = run(dir, java25, command, "-V");
            assertThat(cv.exit()).as(cv.err()).isZero();
            assertThat(cv.out()).isEqualTo(v.out());
        }
    }

    /** The cache files of a directory, by name. */
    static List<String> cacheFiles(Path dir) throws java.io.IOException {
        if (!Files.isDirectory(dir.resolve("cache"))) {
            return List.of();
        }
        try (var files = Files.walk(dir.resolve("cache"), 2)) {
            return files.map(f -> f.getFileName().toString()).filter(n -> n.contains(".aot")).sorted().toList();
        }
    }

    /**
     * Only a run that went well makes the cache: a failed one recorded other classes, and one cut short a recording
     * the JVM may crash on (review of the fifteenth session: a cache made after Ctrl-C crashed every later JVM).
     */
    @Test
    void aCommandThatFailsMakesNoCacheAndTheNextGoodOneDoes(@TempDir Path dir) throws Exception {
        String java25 = System.getProperty("java.home");
        Run failed = run(dir, java25, "plan", "import", "--dry-run", "no-such-file.txt");
        assertThat(failed.exit()).isEqualTo(2);
        assertThat(failed.err()).contains("文件不存在", "不据它生成启动缓存");
        assertThat(cacheFiles(dir)).as("before: a cli.aot made from the failed run").isEmpty();
        Run good = run(dir, java25, "plan", "list");
        assertThat(good.exit()).as(good.err()).isZero();
        assertThat(cacheFiles(dir)).contains("cli.aot", "cli.aot.stamp");
    }

    /**
     * SIGTERM to the launcher while its training JVM runs (a supervisor, a CI timeout): before, only bash died and the
     * JVM ran the command to its end, orphaned, leaving a 70 MB recording behind. Now the JVM is stopped with it and
     * nothing of the run is left.
     */
    @Test
    void stoppedDuringItsTrainingRunItStopsItsJvmAndLeavesNothing(@TempDir Path dir) throws Exception {
        List<String> command = List.of(REPO.resolve("scripts/anju").toString(), "plan", "import", "--dry-run",
                "src/main/resources/seeds/001_bc1ecb836366de7f.txt");
        ProcessBuilder pb = new ProcessBuilder(command).directory(REPO.toFile())
                .redirectOutput(dir.resolve("out.txt").toFile()).redirectError(dir.resolve("err.txt").toFile());
        pb.environment().put("JAVA_HOME", System.getProperty("java.home"));
        pb.environment().put("ANJU_CACHE_DIR", dir.resolve("cache").toString());
        pb.environment().put("ANJU_DATA_DIR", dir.resolve("data").toString());
        Process launcher = pb.start();
        long until = System.nanoTime() + TimeUnit.MINUTES.toNanos(3);
        while (cacheFiles(dir).stream().noneMatch(n -> n.endsWith(".aotconf")) && System.nanoTime() < until) {
            Thread.sleep(20);   // the recording file exists from the training JVM's start
        }
        List<ProcessHandle> training = launcher.descendants().filter(h -> h.info().commandLine()
                .map(c -> c.contains("AOTMode=record")).orElse(false)).toList();
        assertThat(training).as("the training JVM, running").hasSize(1);
        launcher.destroy();   // SIGTERM to the launcher alone
        assertThat(launcher.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(launcher.exitValue()).isEqualTo(143);
        assertThat(training.getFirst().onExit().get(30, TimeUnit.SECONDS).isAlive()).as("before: orphaned").isFalse();
        assertThat(cacheFiles(dir)).as("no recording, no cache").isEmpty();
    }

    /**
     * Ctrl-C in a terminal (SIGINT to the launcher's whole process group) during the training run: the command stops.
     * Before (re-review of the fifteenth session), the JVM — a script's background child — started with SIGINT ignored
     * and ran its command to the end; with an external database a real import would have committed after Ctrl-C.
     */
    @Test
    void ctrlCDuringItsTrainingRunStopsTheCommand(@TempDir Path dir) throws Exception {
        List<String> command = List.of("setsid", REPO.resolve("scripts/anju").toString(), "plan", "import", "--dry-run",
                "--json", "src/main/resources/seeds/001_bc1ecb836366de7f.txt");
        ProcessBuilder pb = new ProcessBuilder(command).directory(REPO.toFile())
                .redirectOutput(dir.resolve("out.txt").toFile()).redirectError(dir.resolve("err.txt").toFile());
        pb.environment().put("JAVA_HOME", System.getProperty("java.home"));
        pb.environment().put("ANJU_CACHE_DIR", dir.resolve("cache").toString());
        pb.environment().put("ANJU_DATA_DIR", dir.resolve("data").toString());
        Process launcher = pb.start();   // setsid runs it as the leader of a new session: its pid is the group's
        long until = System.nanoTime() + TimeUnit.MINUTES.toNanos(3);
        List<ProcessHandle> training = List.of();
        while (training.isEmpty() && System.nanoTime() < until) {
            training = launcher.descendants().filter(h -> h.info().commandLine()
                    .map(c -> c.contains("AOTMode=record")).orElse(false)).toList();
            Thread.sleep(20);
        }
        assertThat(training).as("the training JVM, running").hasSize(1);
        Thread.sleep(500);   // the JVM has set up its signal handling
        Process ctrlC = new ProcessBuilder("kill", "-INT", "--", "-" + launcher.pid()).start();   // as a terminal does
        assertThat(ctrlC.waitFor(10, TimeUnit.SECONDS)).isTrue();
        assertThat(launcher.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(launcher.exitValue()).isEqualTo(130);
        assertThat(training.getFirst().onExit().get(30, TimeUnit.SECONDS).isAlive()).isFalse();
        assertThat(Files.readString(dir.resolve("out.txt"))).as("before: the command's whole output, run to its end")
                .doesNotContain("关于下达2023年全省保障性安居工程建设工作计划的通知");
        assertThat(cacheFiles(dir)).as("no recording, no cache").isEmpty();
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
