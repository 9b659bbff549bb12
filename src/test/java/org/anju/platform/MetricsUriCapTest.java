package org.anju.platform;

import org.anju.AnjuTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.env.Environment;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

import java.util.Set;
import java.util.TreeSet;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every page and API path can have its own request-latency series. Spring Boot keeps at most
 * {@code management.metrics.web.server.max-uri-tags} uri values for {@code http.server.requests} and drops every later
 * one without a word but one WARN: at its default of 100 a node measured whichever 100 paths it served first (metrics
 * review, sixteenth session: /plans and /dashboard unmeasured after 130 API paths). The cap must exceed the app's own
 * templates (unmatched paths fold into "/**", UNKNOWN, REDIRECTION, NOT_FOUND, root).
 */
@AnjuTest
class MetricsUriCapTest {

    @Autowired
    Environment environment;

    @Autowired
    @org.springframework.beans.factory.annotation.Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mappings;

    @Test
    void theCapOnUriTagsExceedsTheAppsPathTemplates() {
        Set<String> templates = new TreeSet<>();
        mappings.getHandlerMethods().keySet().forEach(info -> templates.addAll(info.getPatternValues()));
        assertThat(templates).as("the app's path templates").hasSizeGreaterThan(100);
        int cap = environment.getProperty("management.metrics.web.server.max-uri-tags", Integer.class, 100);
        assertThat(cap).as("room for every template and the five folded values, with growth").isGreaterThan(templates.size() + 5);
    }
}
