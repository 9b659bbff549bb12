package org.anju.platform;

import org.anju.AnjuTest;
import org.anju.TestUsers;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.ApplicationContext;
import org.springframework.core.MethodParameter;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ValueConstants;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

/**
 * Every page and API of ours, called with malformed parameters — a month of 2023-13, letters, a number too large for
 * what it names (a year of 1000000000), a region code or
 * an id of letters, in the path and in the query — answers 4xx with a Chinese message, never a 500.
 */
@AnjuTest
@AutoConfigureMockMvc
class MalformedParametersTest {

    private static final Pattern VARIABLE = Pattern.compile("\\{([^}:]+)(:[^}]*)?}");
    private static final Pattern HAN = Pattern.compile("\\p{IsHan}");

    @Autowired
    MockMvc mvc;
    @Autowired
    ApplicationContext context;

    @Test
    void everyGetHandlerRefusesMalformedParametersInChinese() throws Exception {
        List<String> faults = new ArrayList<>();
        int called = 0;
        for (RequestMappingHandlerMapping mapping : context.getBeansOfType(RequestMappingHandlerMapping.class).values()) {
            for (Map.Entry<RequestMappingInfo, HandlerMethod> e : mapping.getHandlerMethods().entrySet()) {
                HandlerMethod handler = e.getValue();
                var methods = e.getKey().getMethodsCondition().getMethods();
                if (!handler.getBeanType().getPackageName().startsWith("org.anju")
                        || !(methods.isEmpty() || methods.contains(RequestMethod.GET))) {
                    continue;
                }
                for (String pattern : e.getKey().getPatternValues()) {
                    for (String bad : new String[] {"abc", "2023-13", "0000-01", "1000000000"}) {
                        String path = path(pattern, bad);
                        MockHttpServletRequestBuilder request = get(path).with(TestUsers.as(TestUsers.PROVINCE_ADMIN));
                        boolean anyParameter = VARIABLE.matcher(pattern).find();
                        for (MethodParameter p : handler.getMethodParameters()) {
                            RequestParam rp = p.getParameterAnnotation(RequestParam.class);
                            if (rp != null && !p.getParameterType().equals(org.springframework.web.multipart.MultipartFile.class)) {
                                request.param(name(rp, p), bad);
                                anyParameter = true;
                            }
                        }
                        if (!anyParameter) {
                            continue;
                        }
                        called++;
                        MockHttpServletResponse response = mvc.perform(request).andReturn().getResponse();
                        String body = response.getContentAsString(StandardCharsets.UTF_8);
                        if (response.getStatus() >= 500 || response.getStatus() >= 400 && !HAN.matcher(body).find()) {
                            faults.add(response.getStatus() + " " + path + " " + request.buildRequest(context.getBean(
                                    jakarta.servlet.ServletContext.class)).getQueryString() + " → "
                                    + body.substring(0, Math.min(160, body.length())));
                        }
                    }
                }
            }
        }
        assertThat(called).as("handlers called with malformed parameters").isGreaterThan(30);
        assertThat(faults).as("a 500, or a refusal without a Chinese message").isEmpty();
    }

    private static String path(String pattern, String bad) {
        Matcher m = VARIABLE.matcher(pattern);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            m.appendReplacement(out, Matcher.quoteReplacement(bad));
        }
        m.appendTail(out);
        return out.toString();
    }

    private static String name(RequestParam rp, MethodParameter p) {
        String n = !rp.name().isEmpty() ? rp.name() : rp.value();
        return n.isEmpty() || n.equals(ValueConstants.DEFAULT_NONE) ? p.getParameterName() : n;
    }

    /**
     * A page's form without its file, or with a form field that cannot be read (htmx): 400 with the Chinese reason in
     * the fragment the page shows. Spring's own 400 had an empty body, and the page showed nothing (review of issue 15).
     */
    @Test
    void aFormWithoutItsFileOrWithAnUnreadableFieldIsSaidInChinese() throws Exception {
        MockHttpServletResponse noFile = mvc.perform(
                org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart("/projects/import")
                        .header("HX-Request", "true").with(TestUsers.as(TestUsers.CITY_ADMIN))).andReturn().getResponse();
        assertThat(noFile.getStatus()).isEqualTo(400);
        assertThat(noFile.getContentAsString(StandardCharsets.UTF_8)).contains("缺少上传的文件（file）");

        MockHttpServletResponse field = mvc.perform(get("/imports/jobs/" + java.util.UUID.randomUUID())
                .param("planId", "x").header("HX-Request", "true").with(TestUsers.as(TestUsers.CITY_ADMIN)))
                .andReturn().getResponse();
        assertThat(field.getStatus()).isEqualTo(400);
        assertThat(field.getContentAsString(StandardCharsets.UTF_8)).contains("参数 planId 的值「x」不对");
    }
}
