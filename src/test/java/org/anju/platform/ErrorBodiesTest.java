package org.anju.platform;

import org.anju.TestUsers;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.TestPropertySource;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Errors that Spring or the actuator answered on their own — an empty body, English JSON, an HTML page for a monitoring
 * tool — said as problem details with a code and a Chinese detail (operator trial of the twentieth session,
 * docs/reviews/2026-12-03-operator-bad-input.md). On a real Tomcat: the empty bodies came from the error dispatch, which
 * a mock servlet does not make.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@TestPropertySource(properties = {"anju.demo.enabled=true", "anju.test.database=browser"})
@org.junit.jupiter.api.extension.ExtendWith(org.anju.AsSystem.class)
class ErrorBodiesTest {

    @LocalServerPort
    int port;

    final HttpClient client = HttpClient.newHttpClient();

    /** Every error of the API has a code: a 406 had none, and no body (F13). */
    @Test
    void anApiAnswerInAnotherFormatIsRefusedAsAProblem() throws Exception {
        HttpResponse<String> xml = get("/api/plans", TestUsers.ZHANGYE_ADMIN, "application/xml");
        assertThat(xml.statusCode()).isEqualTo(406);
        assertThat(xml.headers().firstValue("content-type")).hasValueSatisfying(t -> assertThat(t).contains("application/problem+json"));
        assertThat(xml.body()).contains("\"code\":\"BAD_INPUT\"", "只能给出 application/json", "「application/xml」",
                "或改为 application/json");
    }

    /** A parameter of the wrong kind says what it should be, as a body's field does (F21). */
    @Test
    void aParameterOfTheWrongKindSaysWhatItShouldBe() throws Exception {
        HttpResponse<String> id = get("/api/projects/abc", TestUsers.ZHANGYE_ADMIN, "*/*");
        assertThat(id.statusCode()).isEqualTo(400);
        assertThat(id.body()).contains("参数 id 的值「abc」不对：应为整数");
        HttpResponse<String> huge = get("/api/projects/99999999999999999999", TestUsers.ZHANGYE_ADMIN, "*/*");
        assertThat(huge.statusCode()).isEqualTo(400);
        assertThat(huge.body()).contains("参数 id 的值「99999999999999999999」超出范围：应为 -9223372036854775808 到 "
                + "9223372036854775807 之间的整数");
        // a date parameter says what is wrong with the date, as the command line's date options (review 21, L4)
        HttpResponse<String> day = get("/api/ledger/figures/counts?region=620700&on=2023-02-30", TestUsers.ZHANGYE_ADMIN, "*/*");
        assertThat(day.statusCode()).as(day.body()).isEqualTo(400);
        assertThat(day.body()).contains("参数 on 的值「2023-02-30」不对：2023年2月没有30日（该月共 28 天）");
        HttpResponse<String> short_ = get("/api/ledger/figures/counts?region=620700&on=2023-2-3", TestUsers.ZHANGYE_ADMIN, "*/*");
        assertThat(short_.statusCode()).as(short_.body()).isEqualTo(400);
        assertThat(short_.body()).contains("参数 on 的值「2023-2-3」不对：月和日都写两位，如 2023-02-03");
        assertThat(get("/api/ledger/figures/counts?region=620700&on=2023-02-28", TestUsers.ZHANGYE_ADMIN, "*/*")
                .statusCode()).as("the date written so is read").isEqualTo(200);
    }

    /**
     * The operations endpoints' errors are problem details too (F11, F12 and the cosmetic list): a tag not written
     * 名称:值 was Spring's English JSON, an unknown metric or component and a scrape in another format an empty body,
     * an endpoint that is off a Chinese HTML page.
     */
    @Test
    void theOperationsEndpointsRefuseWithProblems() throws Exception {
        Problem tag = problem("/actuator/metrics/jvm.memory.used?tag=foo", "*/*", 400);
        assertThat(tag.detail()).contains("参数 tag 应写成 名称:值");
        assertThat(problem("/actuator/metrics/no.such.metric", "*/*", 404).detail()).isEqualTo(
                "没有这个指标：no.such.metric（指标名称见 /actuator/metrics 的 names）");
        // a metric that is there with tags none of its meters has: the same bodiless 404, not said as a missing metric
        assertThat(problem("/actuator/metrics/jvm.memory.used?tag=area:nosuch", "*/*", 404).detail()).startsWith(
                "指标 jvm.memory.used 没有符合 tag=area:nosuch 的数据，或没有这个指标（可用的标签见 /actuator/metrics/jvm.memory.used");
        assertThat(problem("/actuator/metrics/%E4%B8%AD", "*/*", 404).detail()).startsWith("没有这个指标：中（");
        assertThat(problem("/actuator/health/nosuch", "*/*", 404).detail()).startsWith("没有这个健康检查组件：nosuch");
        assertThat(problem("/actuator/prometheus", "text/csv", 406).detail())
                .contains("text/plain", "application/openmetrics-text", "「text/csv」");
        for (String off : new String[]{"/actuator/env", "/actuator"}) {
            assertThat(problem(off, "*/*", 404).detail()).startsWith("没有这个运维接口：GET " + off);
        }
        // what is there still answers as before
        HttpResponse<String> known = get("/actuator/metrics/jvm.memory.used?tag=area:heap", "prometheus", "*/*");
        assertThat(known.statusCode()).isEqualTo(200);
        assertThat(known.body()).contains("\"name\":\"jvm.memory.used\"");
        assertThat(get("/actuator/health/readiness", "prometheus", "*/*").body()).contains("\"status\":\"UP\"");
        assertThat(get("/actuator/prometheus", "prometheus", "text/plain").body()).contains("jvm_memory_used_bytes");
    }

    private record Problem(String code, String detail) {
    }

    private Problem problem(String path, String accept, int status) throws Exception {
        HttpResponse<String> r = get(path, "prometheus", accept);
        assertThat(r.statusCode()).as(path + " " + r.body()).isEqualTo(status);
        assertThat(r.headers().firstValue("content-type")).as(path)
                .hasValueSatisfying(t -> assertThat(t).contains("application/problem+json"));
        tools.jackson.databind.JsonNode body = new tools.jackson.databind.ObjectMapper().readTree(r.body());
        assertThat(body.path("code").asString()).as(path).isEqualTo(status == 404 ? "NOT_FOUND" : "BAD_INPUT");
        return new Problem(body.path("code").asString(), body.path("detail").asString());
    }

    HttpResponse<String> get(String path, String user, String accept) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).header("Accept", accept);
        if (user != null) {
            b.header("Authorization", "Basic " + Base64.getEncoder().encodeToString((user + ":anju2023").getBytes(StandardCharsets.UTF_8)));
        }
        return client.send(b.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }
}
