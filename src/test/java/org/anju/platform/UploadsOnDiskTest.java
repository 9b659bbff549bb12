package org.anju.platform;

import org.anju.TestUsers;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardWatchEventKinds;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An upload never touches the node's disk (issue 15: uploads in the database, never on a node's disk). Tomcat spooled
 * every multipart part to {@code work/Tomcat/localhost/ROOT/upload_*.tmp} (Spring Boot's threshold is 0 B) — read
 * before the credentials are checked, so even an upload refused 401 left a file with ID numbers in clear for the whole
 * request, and for good after a kill -9 (review of issue 15, jobs). On a real Tomcat, its directory watched.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"anju.test.database=uploads_on_disk", "anju.demo.enabled=true"})
@ActiveProfiles("test")
class UploadsOnDiskTest {

    static final Path BASE = createBase();

    static Path createBase() {
        try {
            return Files.createTempDirectory(Files.createDirectories(Path.of("target")), "tomcat-uploads-");
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @DynamicPropertySource
    static void tomcatDirectory(DynamicPropertyRegistry registry) {
        registry.add("server.tomcat.basedir", BASE::toString);
    }

    @LocalServerPort
    int port;

    @Test
    void anUploadIsHeldInMemoryNotWrittenToTheNodesDisk() throws Exception {
        WatchService watch = FileSystems.getDefault().newWatchService();
        try (var dirs = Files.walk(BASE)) {
            for (Path d : dirs.filter(Files::isDirectory).toList()) {
                d.register(watch, StandardWatchEventKinds.ENTRY_CREATE);
            }
        }
        String boundary = "----anju" + System.nanoTime();
        String body = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"房源.csv\"\r\n"
                + "Content-Type: text/csv\r\n\r\n" + "地址,身份证号\n" + "某小区1-101,362301199001011234\n".repeat(2000)
                + "\r\n--" + boundary + "--\r\n";
        List<Integer> answers = new ArrayList<>();
        for (String password : new String[] {"wrong-password", "anju2023"}) {
            HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                            URI.create("http://127.0.0.1:" + port + "/api/rental/stock/import?dryRun=true"))
                    .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                    .header("Authorization", "Basic " + Base64.getEncoder().encodeToString(
                            (TestUsers.CITY_ADMIN + ":" + password).getBytes(StandardCharsets.UTF_8)))
                    .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)).build(),
                    HttpResponse.BodyHandlers.ofString());
            answers.add(r.statusCode());
        }
        List<String> created = new ArrayList<>();
        WatchKey key;
        while ((key = watch.poll(1, TimeUnit.SECONDS)) != null) {
            Path dir = (Path) key.watchable();
            key.pollEvents().forEach(e -> created.add(dir.resolve((Path) e.context()).toString()));
            key.reset();
        }
        assertThat(answers.getFirst()).isEqualTo(401);
        assertThat(answers.get(1)).as("the upload was read and answered").isNotIn(401, 500, 503);
        // before: one upload_*.tmp per request
        assertThat(created).as("files made under Tomcat's directory during the uploads").isEmpty();
    }
}
