package org.anju.platform;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.TestPropertySource;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Review of issue 15 (sessions): two requests of one session at once, on a real Tomcat, both adding the same session
 * attribute — as when a browser restores two tabs of a signed-out session, and each saves the page it asked for. Before
 * {@link SessionWrites#sessionAttributeWrites()} the second INSERT of the attribute failed on its primary key and
 * about four in ten of these requests got Tomcat's English "HTTP Status 400" page instead of the way to 登录.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@TestPropertySource(properties = {"anju.demo.enabled=true", "anju.test.database=browser"})
@org.junit.jupiter.api.extension.ExtendWith(org.anju.AsSystem.class)
class ParallelSessionRequestsTest {

    @LocalServerPort
    int port;

    final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    @Test
    void twoPagesOpenedAtOnceInOneSessionAreBothSentToSignIn() throws Exception {
        Map<String, Integer> answers = new TreeMap<>();
        for (int round = 0; round < 20; round++) {
            HttpResponse<String> login = http.send(HttpRequest.newBuilder(uri("/login")).GET().build(),
                    HttpResponse.BodyHandlers.ofString());
            String cookie = login.headers().allValues("Set-Cookie").stream().filter(c -> c.startsWith("SESSION=")
                    || c.startsWith("JSESSIONID=")).map(c -> c.substring(0, c.indexOf(';'))).findFirst().orElseThrow();
            List<CompletableFuture<HttpResponse<String>>> both = List.of("/plans", "/account").stream()
                    .map(p -> http.sendAsync(HttpRequest.newBuilder(uri(p)).header("Cookie", cookie).GET().build(),
                            HttpResponse.BodyHandlers.ofString()))
                    .toList();
            for (CompletableFuture<HttpResponse<String>> f : both) {
                HttpResponse<String> r = f.get();
                answers.merge(r.statusCode() + " " + r.headers().firstValue("Location").map(l -> l.replaceAll(".*/", "/"))
                        .orElse(""), 1, Integer::sum);
            }
        }
        assertThat(answers).isEqualTo(Map.of("302 /login", 40));
    }

    URI uri(String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }
}
