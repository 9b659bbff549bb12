package org.anju.platform;

import org.anju.TestUsers;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.TestPropertySource;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A query parameter Tomcat cannot decode — {@code %ZZ}, a cut-off UTF-8 character, a Chinese search in GBK as older
 * Windows tools send it — is the client's mistake: 400 naming the parameter and how to encode it. Every API, page,
 * {@code /login} and the actuator answered 500 and logged it as a bug (operator trial of the twentieth session: 430
 * answers of 500 over the API's paths). On a real Tomcat: its parameter parsing is what throws.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@TestPropertySource(properties = {"anju.demo.enabled=true", "anju.test.database=browser"})
@org.junit.jupiter.api.extension.ExtendWith(org.anju.AsSystem.class)
class UndecodableParametersTest {

    @LocalServerPort
    int port;

    @Test
    void anApiParameterInGbkOrWithABadEscapeIsRefusedNamingIt() throws Exception {
        // 张掖 in GBK
        Answer gbk = get("/api/projects?region=620700&year=2023&q=%d5%c5%d2%b4", TestUsers.ZHANGYE_ADMIN);
        assertThat(gbk.statusCode()).as(gbk.body()).isEqualTo(400);
        assertThat(gbk.contentType()).contains("problem+json");
        assertThat(gbk.body()).contains("\"code\":\"BAD_INPUT\"")
                .contains("参数 q 的值不是有效的 UTF-8 百分号编码").contains("%E5%BC%A0");

        Answer escape = get("/api/projects?region=620700&year=%ZZ", TestUsers.ZHANGYE_ADMIN);
        assertThat(escape.statusCode()).as(escape.body()).isEqualTo(400);
        assertThat(escape.body()).contains("参数 year 的值不是有效的");
    }

    @Test
    void theSignInPageAndTheActuatorRefuseItToo() throws Exception {
        Answer login = get("/login?x=%E4", null);
        assertThat(login.statusCode()).as(login.body()).isEqualTo(400);
        assertThat(login.body()).contains("参数 x 的值不是有效的 UTF-8 百分号编码");

        Answer metrics = get("/actuator/prometheus?includedNames=%ZZ", "prometheus");
        assertThat(metrics.statusCode()).as(metrics.body()).isEqualTo(400);
        assertThat(metrics.body()).contains("参数 includedNames");
        // where the actuator's bodiless 404s get their problem detail (OperationsNotFound) too
        for (String path : new String[]{"/actuator/health/nosuch?x=%ZZ", "/actuator/metrics/no.such?tag=%ZZ"}) {
            Answer missing = get(path, "prometheus");
            assertThat(missing.statusCode()).as(path + " " + missing.body()).isIn(400, 404);
            assertThat(missing.contentType()).as(path).contains("application/problem+json");
        }
    }

    /**
     * A sign-in form whose body Tomcat cannot decode (the user name in GBK, as an old tool posts it): Spring Security's
     * CSRF check read its token from the parameters Tomcat could not parse and answered 403 "请求已失效" — the page
     * that says to reload — however fresh the token (operator trial of the twentieth session). Now 400 naming the
     * encoding, as for the address.
     */
    @Test
    void aFormBodyInGbkIsRefusedAsItsEncodingNotAsAnExpiredForm() throws Exception {
        Answer form = get("/login", null);
        java.util.regex.Matcher token = java.util.regex.Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(form.body());
        assertThat(token.find()).as(form.body()).isTrue();
        String cookie = form.headers().lines().filter(l -> l.toLowerCase().startsWith("set-cookie:"))
                .map(l -> l.substring(l.indexOf(':') + 1).strip().split(";")[0])
                .reduce((a, b) -> a + "; " + b).orElseThrow();
        String good = "username=nobody&password=x&_csrf=" + java.net.URLEncoder.encode(token.group(1), StandardCharsets.UTF_8);
        // the same token with a decodable body: the sign-in is refused as a sign-in (a redirect), the token accepted
        assertThat(post("/login", cookie, good).statusCode()).isEqualTo(302);

        // a form over Tomcat's 2 MB: Spring Boot's English JSON answered a page ("error":"Content Too Large")
        Answer big = post("/login", cookie, good + "&x=" + "a".repeat(3_000_000));
        assertThat(big.statusCode()).isEqualTo(413);
        assertThat(big.contentType()).contains("text/html");
        assertThat(big.body()).contains("表单内容超过服务器接受的 2 MB").doesNotContain("Content Too Large");
        // Tomcat's other refusals of a form, which the old code served cut short (the fields before the fault, the first
        // 1000): refused, said for what they are (review of the session, M1)
        Answer nameless = post("/login", cookie, good + "&=x");
        assertThat(nameless.statusCode()).isEqualTo(400);
        assertThat(nameless.body()).contains("没有名称的参数").doesNotContain("百分号编码");
        Answer many = post("/login", cookie, good + java.util.stream.IntStream.range(0, 1200).mapToObj(i -> "&f" + i + "=1")
                .collect(java.util.stream.Collectors.joining()));
        assertThat(many.statusCode()).isEqualTo(400);
        assertThat(many.body()).contains("参数过多", "1000").doesNotContain("百分号编码");
        Answer gbk = post("/login", cookie, good.replace("username=nobody", "username=%d5%c5"));
        assertThat(gbk.statusCode()).as(gbk.body()).isEqualTo(400);
        assertThat(gbk.body()).contains("参数 username 的值不是有效的 UTF-8 百分号编码").doesNotContain("请求已失效");
        assertThat(gbk.headers()).as("answered before Spring Security's headers").contains("X-Content-Type-Options: nosniff",
                "X-Frame-Options: DENY", "Content-Security-Policy: default-src 'self'");

        // the API, signed in with HTTP Basic (no CSRF check): the handler would have had the form's first fields only
        String basic = "Authorization: Basic " + Base64.getEncoder().encodeToString(
                (TestUsers.ZHANGYE_ADMIN + ":anju2023").getBytes(StandardCharsets.UTF_8));
        byte[] body = "region=620700&q=%d5%c5".getBytes(StandardCharsets.US_ASCII);
        Answer api = send("POST /api/users HTTP/1.1\r\nHost: 127.0.0.1\r\n" + basic
                + "\r\nContent-Type: application/x-www-form-urlencoded\r\nContent-Length: " + body.length
                + "\r\nConnection: close\r\n\r\n" + new String(body, StandardCharsets.US_ASCII));
        assertThat(api.statusCode()).as(api.body()).isEqualTo(400);
        assertThat(api.contentType()).contains("application/problem+json");
        assertThat(api.body()).contains("\"code\":\"BAD_INPUT\"", "参数 q 的值不是有效的 UTF-8 百分号编码");
        byte[] large = ("region=620700&q=" + "a".repeat(3_000_000)).getBytes(StandardCharsets.US_ASCII);
        Answer tooLarge = send("POST /api/users HTTP/1.1\r\nHost: 127.0.0.1\r\n" + basic
                + "\r\nContent-Type: application/x-www-form-urlencoded\r\nContent-Length: " + large.length
                + "\r\nConnection: close\r\n\r\n" + new String(large, StandardCharsets.US_ASCII));
        assertThat(tooLarge.statusCode()).isEqualTo(413);
        assertThat(tooLarge.contentType()).contains("application/problem+json");
        assertThat(tooLarge.body()).contains("\"code\":\"TOO_LARGE\"", "表单过大", "multipart/form-data");
    }

    /**
     * An escape in the path itself is refused by Tomcat before any of Anju's code: its English page "HTTP Status 400 –
     * Bad Request", HTML under /api/ too (the same trial: 274 such answers); now a problem detail there and a Chinese
     * page elsewhere ({@link ChineseErrorReport}).
     */
    @Test
    void anEscapeInThePathIsSaidInChineseAsAProblemUnderTheApi() throws Exception {
        Answer api = get("/api/users/%ZZ", TestUsers.ZHANGYE_ADMIN);
        assertThat(api.statusCode()).as(api.body()).isEqualTo(400);
        assertThat(api.contentType()).contains("application/problem+json");
        assertThat(api.body()).contains("\"code\":\"BAD_INPUT\"").contains("百分号编码无法识别").doesNotContain("HTTP Status");

        // another of Tomcat's refusals of an address (an encoded slash): not told to re-encode it
        Answer slash = get("/api/users/a%2Fb", TestUsers.ZHANGYE_ADMIN);
        assertThat(slash.statusCode()).as(slash.body()).isEqualTo(400);
        assertThat(slash.body()).contains("服务器拒绝了该地址").doesNotContain("百分号编码无法识别");

        Answer page = get("/projects/%E4", null);
        assertThat(page.statusCode()).as(page.body()).isEqualTo(400);
        assertThat(page.contentType()).contains("text/html");
        assertThat(page.body()).contains("请求有误", "百分号编码无法识别").doesNotContain("Bad Request");
    }

    /**
     * What Tomcat refuses before any of Anju's code said "服务器拒绝了该地址（如其中编码的 /…）" whatever the reason, and a
     * page under /api/ where the address was unread: an address longer than the server reads (a search pasted whole, a
     * script's thousand ids), a character an address may not carry as it is. The problem detail is valid JSON (its
     * backslash was not escaped).
     */
    @Test
    void whatTomcatRefusesIsSaidForWhatItIs() throws Exception {
        Answer longer = get("/projects?q=" + "a".repeat(20_000), null);
        assertThat(longer.statusCode()).isEqualTo(400);
        assertThat(longer.body()).contains("请求过长", "分批").doesNotContain("服务器拒绝了该地址");

        Answer bar = get("/api/projects?region=620700&q=a|b", TestUsers.ZHANGYE_ADMIN);
        assertThat(bar.statusCode()).isEqualTo(400);
        assertThat(bar.contentType()).as("named in Tomcat's refusal: the API's").contains("application/problem+json");
        assertThat(bar.body()).contains("「|」不能直接写在地址里", "%7C");

        // a TLS client hello on the http port (https:// to a node behind no TLS proxy)
        Answer tls = send("\u0016\u0003\u0001\u0002\u0000\u0001\u0000\u0001\u00fc\u0003\u0003 GET / HTTP/1.1\r\n\r\n");
        assertThat(tls.statusCode()).isEqualTo(400);
        assertThat(tls.body()).contains("https://");

        Answer slash = get("/api/users/a%2Fb", TestUsers.ZHANGYE_ADMIN);
        assertThat(new tools.jackson.databind.ObjectMapper().readTree(slash.body()).get("detail").asString())
                .contains("编码的 / 或 \\");
    }

    /** The answer's status line and body; sent by hand, since java.net.URI refuses an escape such as %ZZ. */
    private record Answer(int statusCode, String contentType, String headers, String body) {
    }

    private Answer post(String path, String cookie, String form) throws Exception {
        byte[] body = form.getBytes(StandardCharsets.US_ASCII);
        return send("POST " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\nCookie: " + cookie
                + "\r\nContent-Type: application/x-www-form-urlencoded\r\nContent-Length: " + body.length
                + "\r\nConnection: close\r\n\r\n" + form);
    }

    private Answer get(String path, String user) throws Exception {
        String auth = user == null ? "" : "Authorization: Basic " + Base64.getEncoder().encodeToString(
                (user + ":anju2023").getBytes(StandardCharsets.UTF_8)) + "\r\n";
        return send("GET " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\n" + auth + "Connection: close\r\n\r\n");
    }

    private Answer send(String request) throws Exception {
        try (java.net.Socket socket = new java.net.Socket("127.0.0.1", port)) {
            socket.setSoTimeout(30_000);   // a server that does not close fails the test, not the build's clock
            socket.getOutputStream().write(request.getBytes(StandardCharsets.US_ASCII));
            String all = new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            int status = Integer.parseInt(all.substring(9, 12));
            String head = all.substring(0, all.indexOf("\r\n\r\n"));
            String type = head.lines().filter(l -> l.toLowerCase().startsWith("content-type:")).findFirst().orElse("");
            return new Answer(status, type, head, all.substring(all.indexOf("\r\n\r\n") + 4));
        }
    }
}
