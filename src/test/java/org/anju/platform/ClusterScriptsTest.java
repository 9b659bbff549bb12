package org.anju.platform;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What {@code scripts/cluster} does with the directory it is given, without starting anything (operator trial):
 * {@code up.sh} empties its directory before it builds, and emptied one that held an operator's other files; the other
 * scripts forgot the ports {@code up.sh} was given and, with only {@code ANJU_CLUSTER_DIR}, talked to whatever cluster
 * listened on the default ports. The whole cluster is exercised by {@code ClusterIT}.
 */
class ClusterScriptsTest {

    static final Path SCRIPTS = Path.of("scripts/cluster").toAbsolutePath();

    record Ran(int exit, String err) {
    }

    static Ran run(String script, Map<String, String> env) throws IOException, InterruptedException {
        ProcessBuilder builder = new ProcessBuilder("bash", SCRIPTS.resolve(script).toString())
                .redirectOutput(ProcessBuilder.Redirect.DISCARD);
        builder.environment().keySet().removeIf(k -> k.startsWith("ANJU_CLUSTER_"));
        builder.environment().putAll(env);
        Process process = builder.start();
        String err = new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        return new Ran(process.exitValue(), err);
    }

    @Test
    void upRefusesADirectoryItDidNotMakeAndDeletesNothing(@TempDir Path dir) throws Exception {
        Path notes = Files.createDirectories(dir.resolve("important")).resolve("notes.txt");
        Files.writeString(notes, "运维记录");
        Files.writeString(dir.resolve("data-key.backup"), "1:key");

        Ran up = run("up.sh", Map.of("ANJU_CLUSTER_DIR", dir.toString()));

        assertThat(up.exit()).isEqualTo(2);
        assertThat(up.err()).contains("不是 up.sh 建的集群目录", "ANJU_CLUSTER_DIR");
        // before: both gone, the directory emptied before the first server started
        assertThat(notes).hasContent("运维记录");
        assertThat(dir.resolve("data-key.backup")).exists();
    }

    @Test
    void theOtherScriptsUseThePortsUpWasGiven(@TempDir Path dir) throws Exception {
        // as up.sh leaves its directory: the mark and the ports (a port written wrong shows that the file is read)
        Files.writeString(dir.resolve(".anju-cluster"), "由 scripts/cluster/up.sh 建立\n");
        Files.writeString(dir.resolve("ports"), "ANJU_CLUSTER_PRIMARY_PORT=56930\nANJU_CLUSTER_LB_PORT=18o80\n");

        Ran down = run("down.sh", Map.of("ANJU_CLUSTER_DIR", dir.toString()));
        assertThat(down.exit()).isEqualTo(2);
        assertThat(down.err()).contains("ANJU_CLUSTER_LB_PORT 的值“18o80”不是端口号");

        // a port set for the call wins over the one kept
        Ran given = run("down.sh", Map.of("ANJU_CLUSTER_DIR", dir.toString(), "ANJU_CLUSTER_LB_PORT", "18930"));
        assertThat(given.exit()).isZero();
        assertThat(given.err()).contains("没有找到运行中的集群");
    }
}
