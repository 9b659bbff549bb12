package org.anju.platform;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Structured logs by configuration (issue 15): with ANJU_LOG_FORMAT set a node writes one JSON object per line
 * (Spring Boot's own structured logging) that a collector reads without patterns; without it, the plain text lines of
 * before. A real process with application.yml, as a node starts.
 */
class JsonLogTest {

    static List<String> lines(Map<String, String> env) throws IOException, InterruptedException {
        ProcessBuilder pb = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), JsonLogProbe.class.getName())
                .redirectErrorStream(true);
        pb.environment().remove("ANJU_LOG_FORMAT");
        pb.environment().putAll(env);
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor()).as(out).isZero();
        return out.lines().filter(l -> l.contains("月报上报提醒")).toList();
    }

    @Test
    void ecsLinesAreJsonWithLevelMessageLoggerAndTimestamp() throws Exception {
        List<String> lines = lines(Map.of("ANJU_LOG_FORMAT", "ecs"));
        assertThat(lines).hasSize(1);
        JsonNode line = JsonMapper.builder().build().readTree(lines.getFirst());
        assertThat(line.get("log").get("level").asString()).isEqualTo("WARN");
        assertThat(line.get("log").get("logger").asString()).isEqualTo("org.anju.probe");
        assertThat(line.get("message").asString()).isEqualTo("月报上报提醒：3 个单位未报");
        assertThat(Instant.parse(line.get("@timestamp").asString())).isBefore(Instant.now());
        assertThat(line.get("service").get("name").asString()).isEqualTo("anju");
        // the node, when given: two nodes' lines in one collector (operator trial: service.node was always {})
        JsonNode named = JsonMapper.builder().build().readTree(
                lines(Map.of("ANJU_LOG_FORMAT", "ecs", "ANJU_NODE_NAME", "anju-node-a")).getFirst());
        assertThat(named.at("/service/node/name").asString()).isEqualTo("anju-node-a");
    }

    @Test
    void logstashToo() throws Exception {
        JsonNode line = JsonMapper.builder().build().readTree(lines(Map.of("ANJU_LOG_FORMAT", "logstash")).getFirst());
        assertThat(line.get("level").asString()).isEqualTo("WARN");
        assertThat(line.get("logger_name").asString()).isEqualTo("org.anju.probe");
        assertThat(line.get("message").asString()).isEqualTo("月报上报提醒：3 个单位未报");
        assertThat(line.get("@timestamp").asString()).isNotBlank();
    }

    @Test
    void gelfNamesTheNodeAsItsHost() throws Exception {
        JsonNode line = JsonMapper.builder().build().readTree(
                lines(Map.of("ANJU_LOG_FORMAT", "gelf", "ANJU_NODE_NAME", "anju-node-b")).getFirst());
        // before: "anju" on every node (metrics review, sixteenth session)
        assertThat(line.get("host").asString()).isEqualTo("anju-node-b");
        assertThat(line.get("short_message").asString()).isEqualTo("月报上报提醒：3 个单位未报");
    }

    @Test
    void plainTextByDefault() throws Exception {
        List<String> lines = lines(Map.of());
        assertThat(lines).hasSize(1);
        assertThat(lines.getFirst()).doesNotStartWith("{").contains("WARN", "org.anju.probe", "月报上报提醒：3 个单位未报");
    }
}
