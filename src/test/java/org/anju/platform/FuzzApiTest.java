package org.anju.platform;

import org.anju.AnjuTest;
import org.anju.TestUsers;
import org.anju.account.Requirement;
import org.anju.account.Requires;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.ApplicationContext;
import org.springframework.core.MethodParameter;
import org.springframework.core.ResolvableType;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockMultipartHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.ValueConstants;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Fuzzing every API field (issue 10): each handler under {@code /api} gets, one field at a time, malformed values —
 * null, empty, 200,000 characters, a NUL character, letters for a number, numbers too large for any type, the wrong
 * JSON shape — in its path variables, query parameters, JSON body fields (found from the body's Java type) and uploaded
 * files, and malformed bodies as a whole. Every answer is below 500, and every refusal carries a Chinese message.
 * The caller holds the rights the handler declares (a county reporter for its own unit's writes, the city for
 * approvals, the province for reference data), so the values reach the handler's own checks, not just the door.
 */
@AnjuTest
@AutoConfigureMockMvc
@TestPropertySource(properties = "anju.test.database=fuzz_api")
class FuzzApiTest {

    private static final Pattern VARIABLE = Pattern.compile("\\{([^}:]+)(:[^}]*)?}");
    private static final Pattern HAN = Pattern.compile("\\p{IsHan}");
    private static final String LONG = "名".repeat(200_000);

    /** Malformed values as JSON. */
    static final List<String> JSON_VALUES = List.of("null", "\"\"", "\"" + LONG + "\"", "\"a\\u0000b\"", "\"abc\"", "-1",
            "1e400", "123456789012345678901234567890", "1.5", "true", "[]", "{}", "\"2023-13\"", "\"0000-01\"");
    /** Malformed values as text (path and query). */
    static final List<String> TEXT_VALUES = List.of("", " ", LONG, "a\u0000b", "abc", "-1", "1e400",
            "123456789012345678901234567890", "2023-13", "0000-01", "%");
    /** Malformed bodies as a whole. */
    static final List<String> BODIES = List.of("", "null", "[]", "\"x\"", "{", "{\"a\":", "[null]", "\"" + LONG + "\"");

    @Autowired
    MockMvc mvc;
    @Autowired
    ApplicationContext context;

    int called;
    final List<String> faults = new ArrayList<>();

    /** Who calls, and for which region: enough rights to reach the handler's own checks. */
    record Caller(String username, String region) {

        static Caller of(Requirement requirement) {
            return switch (requirement == null ? Requirement.READ_SCOPED : requirement) {
                case WRITE_OWN, LEDGER_WORK -> new Caller(TestUsers.COUNTY_REPORTER, "361102");
                case HANDLE_APPLICATIONS -> new Caller(TestUsers.HOUSING_OFFICE, "360702");
                case APPROVE_BELOW -> new Caller(TestUsers.CITY_ADMIN, "361102");
                case ADMIN, ISSUE -> new Caller(TestUsers.CITY_ADMIN, "361100");
                default -> new Caller(TestUsers.PROVINCE_ADMIN, "361100");
            };
        }
    }

    @Test
    void everyApiFieldRefusesMalformedValuesInChinese() throws Exception {
        for (RequestMappingHandlerMapping mapping : context.getBeansOfType(RequestMappingHandlerMapping.class).values()) {
            for (Map.Entry<RequestMappingInfo, HandlerMethod> e : mapping.getHandlerMethods().entrySet()) {
                HandlerMethod handler = e.getValue();
                if (!handler.getBeanType().getPackageName().startsWith("org.anju")) {
                    continue;
                }
                for (String pattern : e.getKey().getPatternValues()) {
                    if (!pattern.startsWith("/api/")) {
                        continue;
                    }
                    var methods = e.getKey().getMethodsCondition().getMethods();
                    for (RequestMethod method : methods.isEmpty() ? List.of(RequestMethod.GET) : methods) {
                        fuzz(HttpMethod.valueOf(method.name()), pattern, handler);
                    }
                }
            }
        }
        assertThat(called).as("requests sent").isGreaterThan(1000);
        assertThat(faults).as("a 500, or a refusal without a Chinese message or without one of the documented codes").isEmpty();
    }

    private void fuzz(HttpMethod method, String pattern, HandlerMethod handler) throws Exception {
        Requires requires = handler.getMethodAnnotation(Requires.class);
        Caller caller = Caller.of(requires == null ? null : requires.value());
        Map<String, String> valid = new LinkedHashMap<>();
        Matcher m = VARIABLE.matcher(pattern);
        while (m.find()) {
            valid.put(m.group(1), plausible(m.group(1), caller));
        }
        List<String> params = new ArrayList<>();
        MethodParameter body = null;
        List<String> files = new ArrayList<>();
        for (MethodParameter p : handler.getMethodParameters()) {
            RequestParam rp = p.getParameterAnnotation(RequestParam.class);
            RequestPart part = p.getParameterAnnotation(RequestPart.class);
            if (p.getParameterType().equals(MultipartFile.class)) {
                files.add(name(rp == null ? null : rp.name(), rp == null ? null : rp.value(), part, p));
            } else if (rp != null) {
                params.add(name(rp.name(), rp.value(), null, p));
            } else if (p.hasParameterAnnotation(RequestBody.class)) {
                body = p;
            }
        }
        // path variables and query parameters, one at a time
        for (String variable : valid.keySet()) {
            for (String bad : TEXT_VALUES) {
                Map<String, String> path = new LinkedHashMap<>(valid);
                path.put(variable, bad);
                send(method, pattern, path, caller, params, null, null, "", files);
            }
        }
        for (String param : params) {
            for (String bad : TEXT_VALUES) {
                send(method, pattern, valid, caller, params, param, bad, body == null ? null : "{}", files);
            }
        }
        if (body != null) {
            Function<String, String> shape = shape(body);
            for (String field : fields(body)) {
                for (String bad : JSON_VALUES) {
                    send(method, pattern, valid, caller, params, null, null,
                            shape.apply("{\"" + field + "\": " + bad + "}"), files);
                }
            }
            for (String bad : BODIES) {
                send(method, pattern, valid, caller, params, null, null, bad, files);
            }
        }
        if (!files.isEmpty()) {
            for (byte[] content : List.of(new byte[0], "\u0000\u0000\u0000".getBytes(StandardCharsets.UTF_8),
                    ("地区,月份\n" + LONG + ",2023-12\n").getBytes(StandardCharsets.UTF_8))) {
                send(method, pattern, valid, caller, params, null, null, content, files);
            }
        }
    }

    /** A JSON object body as the type wants it: in an array when the body is a list. */
    private static Function<String, String> shape(MethodParameter body) {
        Class<?> type = body.getParameterType();
        return Collection.class.isAssignableFrom(type) || type.isArray() ? o -> "[" + o + "]" : o -> o;
    }

    /** The body's field names: a record's components (of its elements, for a list). */
    private static List<String> fields(MethodParameter body) {
        Class<?> type = body.getParameterType();
        if (Collection.class.isAssignableFrom(type)) {
            type = ResolvableType.forMethodParameter(body).asCollection().resolveGeneric(0);
        }
        List<String> names = new ArrayList<>();
        if (type != null && type.isRecord()) {
            for (var c : type.getRecordComponents()) {
                names.add(c.getName());
            }
        } else {
            names.add("value");
        }
        return names;
    }

    private static String plausible(String variable, Caller caller) {
        return switch (variable) {
            case "region", "code", "regionCode" -> caller.region();
            case "period" -> "2024-03";
            case "year" -> "2024";
            default -> "1";
        };
    }

    private void send(HttpMethod method, String pattern, Map<String, String> path, Caller caller, List<String> params,
                      String badParam, String badValue, Object body, List<String> files) throws Exception {
        String uri = expand(pattern, path);
        org.springframework.test.web.servlet.request.AbstractMockHttpServletRequestBuilder<?> request;
        if (!files.isEmpty()) {
            MockMultipartHttpServletRequestBuilder multipart = MockMvcRequestBuilders.multipart(method, java.net.URI.create(uri));
            byte[] content = body instanceof byte[] bytes ? bytes : "地区,月份\n".getBytes(StandardCharsets.UTF_8);
            for (String f : files) {
                multipart.file(new MockMultipartFile(f, "上传.csv", "text/csv", content));
            }
            request = multipart;
        } else {
            request = MockMvcRequestBuilders.request(method, java.net.URI.create(uri));
            if (body instanceof String json) {
                request.contentType(MediaType.APPLICATION_JSON).content(json.getBytes(StandardCharsets.UTF_8));
            }
        }
        for (String p : params) {
            request.param(p, p.equals(badParam) ? badValue : plausible(p, caller));
        }
        request.with(TestUsers.as(caller.username()));
        called++;
        MockHttpServletResponse response = mvc.perform(request).andReturn().getResponse();
        String text = response.getContentAsString(StandardCharsets.UTF_8);
        boolean coded = response.getStatus() < 400 || !String.valueOf(response.getContentType()).contains("problem+json")
                || codeOf(text) != null && ProblemCode.ALL.contains(codeOf(text));
        if (response.getStatus() >= 500 || response.getStatus() >= 400 && (!HAN.matcher(text).find() || !coded)) {
            String what = badParam != null ? "参数 " + badParam + "=" + abbreviate(badValue)
                    : body instanceof String s ? "请求体 " + abbreviate(s) : body instanceof byte[] ? "文件" : "路径";
            faults.add(response.getStatus() + " " + method + " " + abbreviate(uri) + " " + what + " → "
                    + abbreviate(text));
        }
    }

    private static final Pattern CODE = Pattern.compile("\"code\"\\s*:\\s*\"([A-Z_]+)\"");

    private static String codeOf(String problem) {
        Matcher m = CODE.matcher(problem);
        return m.find() ? m.group(1) : null;
    }

    private static String abbreviate(String s) {
        return s == null ? "null" : s.length() > 120 ? s.substring(0, 120) + "…(" + s.length() + ")" : s;
    }

    private static String expand(String pattern, Map<String, String> values) {
        Matcher m = VARIABLE.matcher(pattern);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String v = values.get(m.group(1));
            m.appendReplacement(out, Matcher.quoteReplacement(
                    org.springframework.web.util.UriUtils.encodePathSegment(v, StandardCharsets.UTF_8)));
        }
        m.appendTail(out);
        return out.toString();
    }

    private static String name(String name, String value, RequestPart part, MethodParameter p) {
        if (part != null) {
            String n = !part.name().isEmpty() ? part.name() : part.value();
            return n.isEmpty() ? p.getParameterName() : n;
        }
        String n = name != null && !name.isEmpty() ? name : value;
        return n == null || n.isEmpty() || n.equals(ValueConstants.DEFAULT_NONE) ? p.getParameterName() : n;
    }
}
