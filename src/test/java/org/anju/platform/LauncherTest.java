package org.anju.platform;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code scripts/anju}'s decisions, with a stand-in for java that only writes down how it was called (and makes the
 * files the real one would): which cache directory a jar and a JDK get, that a command runs on its cache once there is
 * one, and that a cache directory whose extracted files changed (copied, restored) is trained again. The sixteenth
 * session rewrote these lines with shell builtins (its processes were ~150 ms of every command); the real JVM's runs
 * are {@code AnjuScriptIT}'s.
 */
class LauncherTest {

    static final Path SCRIPT = Path.of("scripts/anju").toAbsolutePath();

    /** A JDK whose java logs its arguments and plays extract, record and create. */
    static Path fakeJdk(Path dir, String release) throws IOException {
        Path home = Files.createDirectories(dir.resolve("jdk"));
        Files.createDirectories(home.resolve("bin"));
        if (release != null) {
            Files.writeString(home.resolve("release"), release);
        }
        Path java = home.resolve("bin/java");
        Files.writeString(java, """
                #!/bin/bash
                echo "$*" >> "$(dirname "$0")/../calls"
                for a in "$@"; do
                  case "$a" in
                    -version) echo 'openjdk version "25.0.1" 2025-10-21' >&2 ;;
                    -XX:AOTConfiguration=*) conf="${a#*=}" ;;
                    -XX:AOTCache=*) cache="${a#*=}" ;;
                    -XX:AOTMode=create) create=1 ;;
                  esac
                done
                if [ "$4" = extract ] && [[ "$3" == *.zip ]]; then
                  echo "Error: Unable to find Spring Boot layers in $3" >&2; exit 1   # a zip that is no Spring Boot jar
                fi
                if [ "$2" = extract ] || [ "$4" = extract ]; then
                  dest="${@: -1}"; mkdir -p "$dest/lib"; echo jar > "$dest/anju-9.jar"; echo lib > "$dest/lib/a.jar"; exit 0
                fi
                [ -n "${conf:-}" ] && [ -z "${create:-}" ] && echo recorded > "$conf"
                [ -n "${create:-}" ] && echo cache > "$cache"
                exit 0
                """);
        Files.setPosixFilePermissions(java, PosixFilePermissions.fromString("rwxr-xr-x"));
        return home;
    }

    static List<String> run(Path dir, Path jdk, String... args) throws IOException, InterruptedException {
        List<String> command = new java.util.ArrayList<>(List.of(SCRIPT.toString()));
        command.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD);
        pb.environment().remove("JAVA_OPTS");
        pb.environment().put("JAVA_HOME", jdk.toString());
        pb.environment().put("ANJU_JAR", dir.resolve("anju-9.jar").toString());
        pb.environment().put("ANJU_CACHE_DIR", dir.resolve("cache").toString());
        Files.deleteIfExists(jdk.resolve("calls"));
        Process p = pb.start();
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).isZero();
        return Files.readAllLines(jdk.resolve("calls"), StandardCharsets.UTF_8);
    }

    @Test
    void aCommandGetsItsJarsAndJdksDirectoryAndRunsOnItsCacheOnceMade(@TempDir Path dir) throws Exception {
        Path jdk = fakeJdk(dir, """
                IMPLEMENTOR="Eclipse Adoptium"
                IMPLEMENTOR_VERSION="Temurin-25.0.3+9"
                JAVA_RUNTIME_VERSION="25.0.3+9-LTS"
                JAVA_VERSION="25.0.3"

                MODULES="java.base"
                """);
        Path jar = Files.writeString(dir.resolve("anju-9.jar"), "PK: jar, 17 bytes");
        Files.setLastModifiedTime(jar, FileTime.from(Instant.ofEpochSecond(1_800_000_000L)));
        Path cacheDir = dir.resolve("cache/anju-9-17-1800000000-EclipseAdoptium-25.0.3+9-LTS");

        List<String> first = run(dir, jdk, "plan", "list");
        assertThat(first).hasSize(3);
        assertThat(first.get(0)).startsWith("-Djarmode=tools -jar " + jar).contains("extract --destination " + cacheDir.resolve("app."));
        assertThat(first.get(1)).startsWith("-XX:AOTMode=record").contains("-Dspring.aot.enabled=true", "-XX:+UseSerialGC")
                .endsWith("-jar " + cacheDir.resolve("app/anju-9.jar") + " plan list");
        assertThat(first.get(2)).startsWith("-XX:AOTMode=create").contains("-XX:AOTCache=" + cacheDir.resolve("cli.aot."));
        assertThat(cacheDir.resolve("cli.aot")).exists();

        List<String> second = run(dir, jdk, "plan", "list");
        assertThat(second).containsExactly("-XX:AOTCache=" + cacheDir.resolve("cli.aot")
                + " -Xlog:aot=off,cds=off -Dspring.aot.enabled=true -XX:TieredStopAtLevel=1 -XX:+UseSerialGC -jar "
                + cacheDir.resolve("app/anju-9.jar") + " plan list");

        // the extracted files with other times (a copied cache directory): the JVM would refuse the cache silently
        Files.setLastModifiedTime(cacheDir.resolve("app/lib/a.jar"), FileTime.from(Instant.ofEpochSecond(1_700_000_000L)));
        List<String> third = run(dir, jdk, "plan", "list");
        assertThat(third).hasSize(2);
        assertThat(third.get(0)).startsWith("-XX:AOTMode=record");
        assertThat(run(dir, jdk, "plan", "list")).hasSize(1).first().asString().startsWith("-XX:AOTCache=");
    }

    /**
     * A command's {@code -V} or {@code --help} prints before Spring starts (org.anju.cli.Launch): run plain, no training run,
     * which would have made a cache of a run that loaded almost nothing, for every later command to run on.
     */
    @Test
    void aCommandsVersionIsNoTrainingRun(@TempDir Path dir) throws Exception {
        Path jdk = fakeJdk(dir, "JAVA_VERSION=\"25.0.3\"\nJAVA_RUNTIME_VERSION=\"25.0.3+9-LTS\"\n");
        Files.writeString(dir.resolve("anju-9.jar"), "PK: jar, 17 bytes");
        for (List<String> args : List.of(List.of("plan", "import", "-V"), List.of("rental", "--version"),
                List.of("user", "list", "-hV"), List.of("plan", "import", "--help"), List.of("ledger", "-h"))) {
            List<String> calls = run(dir, jdk, args.toArray(String[]::new));
            assertThat(calls.getLast()).as(args.toString()).doesNotContain("AOTMode", "AOTCache")
                    .endsWith("/app/anju-9.jar " + String.join(" ", args));
        }
        try (var files = Files.walk(dir.resolve("cache"))) {
            assertThat(files.map(Path::getFileName).map(Path::toString)).noneMatch(n -> n.contains(".aot"));
        }
        assertThat(run(dir, jdk, "plan", "list")).as("a command still trains").anyMatch(c -> c.startsWith("-XX:AOTMode=record"));
    }

    /** scripts/anju with ANJU_JAR set to {@code jar}: its exit code and what it printed (java not called: checked). */
    static String[] refused(Path dir, Path jdk, Path jar) throws IOException, InterruptedException {
        ProcessBuilder pb = new ProcessBuilder(SCRIPT.toString(), "--help").redirectErrorStream(true);
        pb.environment().remove("JAVA_OPTS");
        pb.environment().put("JAVA_HOME", jdk.toString());
        pb.environment().put("ANJU_JAR", jar.toString());
        pb.environment().put("ANJU_CACHE_DIR", dir.resolve("cache").toString());
        Files.deleteIfExists(jdk.resolve("calls"));
        Process p = pb.start();
        String printed = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        return new String[] {String.valueOf(p.exitValue()), printed};
    }

    static final String JAR_FIX = "：改为安居的 jar 的路径（./mvnw package 生成的 target/anju-*.jar），或不设（用 target/ 下最新的 jar）\n";

    /** Refused saying {@code said}, exit 2, java not started and no cache directory made. */
    static void refusedSaying(Path dir, Path jar, String said) throws Exception {
        Path jdk = fakeJdk(dir, "JAVA_RUNTIME_VERSION=\"25.0.3+9-LTS\"\nJAVA_VERSION=\"25.0.3\"\n");
        String[] r = refused(dir, jdk, jar);
        assertThat(r[1]).isEqualTo("错误：ANJU_JAR 指向的 " + jar + " " + said + JAR_FIX);
        assertThat(r[0]).as(r[1]).isEqualTo("2");
        assertThat(jdk.resolve("calls")).as("java not started").doesNotExist();
        assertThat(dir.resolve("cache")).as("no cache directory").doesNotExist();
    }

    @Test
    void anAnjuJarThatDoesNotExistIsNamed(@TempDir Path dir) throws Exception {
        // operator trial F23: "找不到安居的 jar（先运行 ./mvnw package，或用 ANJU_JAR 指定 jar 的路径）" — it was set
        refusedSaying(dir, dir.resolve("nonexist.jar"), "不存在");
    }

    @Test
    void anAnjuJarThatIsNoJarIsRefusedBeforeAnyCacheDirectoryIsMade(@TempDir Path dir) throws Exception {
        // operator trial F24: a backup file was "extracted" into a cache directory left behind, then the JVM's
        // "Invalid or corrupt jarfile", exit 1
        refusedSaying(dir, Files.writeString(dir.resolve("a.dump"), "PGDMP a backup, not a jar"), "不是 jar 文件");
        refusedSaying(dir, Files.createFile(dir.resolve("empty.jar")), "不是 jar 文件");
        refusedSaying(dir, Files.createDirectories(dir.resolve("a-directory.jar")), "是一个目录，不是 jar 文件");
    }

    /**
     * A zip that is no Spring Boot jar begins with PK as a jar does: found when it cannot be extracted, and refused as
     * the setting's fault with the extraction's first line, nothing left in the cache (review of the twenty-first
     * session, M4: a cache directory was left behind, then the JVM's "Invalid or corrupt jarfile", exit 1).
     */
    @Test
    void anAnjuJarThatIsAnotherZipIsRefusedLeavingNothing(@TempDir Path dir) throws Exception {
        Path zip = dir.resolve("备份 1.zip");
        try (var out = new java.util.zip.ZipOutputStream(Files.newOutputStream(zip))) {
            out.putNextEntry(new java.util.zip.ZipEntry("a.dump"));
            out.write("PGDMP".getBytes(StandardCharsets.US_ASCII));
        }
        Path jdk = fakeJdk(dir, "JAVA_RUNTIME_VERSION=\"25.0.3+9-LTS\"\nJAVA_VERSION=\"25.0.3\"\n");
        String[] r = refused(dir, jdk, zip);
        assertThat(r[1]).isEqualTo("错误：ANJU_JAR 指向的 " + zip + " 不是安居的 jar（无法按安居的 jar 解开：Error: Unable to find "
                + "Spring Boot layers in " + zip + "）" + JAR_FIX);
        assertThat(r[0]).as(r[1]).isEqualTo("2");
        assertThat(Files.readAllLines(jdk.resolve("calls"))).as("only the extraction tried, no java -jar")
                .singleElement().asString().contains("-Djarmode=tools");
        try (var left = Files.list(dir.resolve("cache"))) {
            assertThat(left).as("nothing left in the cache").isEmpty();
        }
    }

    @Test
    void aJdkWithoutReleaseFileIsAskedItsVersion(@TempDir Path dir) throws Exception {
        Path jdk = fakeJdk(dir, null);
        Files.writeString(dir.resolve("anju-9.jar"), "PK!");
        List<String> calls = run(dir, jdk, "user", "list");
        assertThat(calls.getFirst()).isEqualTo("-version");
        assertThat(calls.get(1)).contains("extract --destination " + dir.resolve("cache") + "/anju-9-3-");
        assertThat(Files.list(dir.resolve("cache")).map(p -> p.getFileName().toString()).toList())
                .singleElement().asString().endsWith("-25.0.1");
    }

    @Test
    void aReleaseFileWithCrlfAndNoLastNewlineIsReadWhole(@TempDir Path dir) throws Exception {
        // review of the sixteenth session: the last line, without its newline, was dropped
        Path jdk = fakeJdk(dir, "IMPLEMENTOR=\"Eclipse Adoptium\"\r\nJAVA_VERSION=\"25.0.3\"\r\nJAVA_RUNTIME_VERSION=\"25.0.3+9-LTS\"");
        Files.writeString(dir.resolve("anju-9.jar"), "PK!");
        List<String> calls = run(dir, jdk, "plan", "list");
        assertThat(calls.getFirst()).as("no java -version: the release file was read").contains("extract --destination");
        assertThat(Files.list(dir.resolve("cache")).map(p -> p.getFileName().toString()).toList())
                .singleElement().asString().endsWith("-EclipseAdoptium-25.0.3+9-LTS");
    }
}
