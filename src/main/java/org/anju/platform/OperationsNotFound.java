package org.anju.platform;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.ContentCachingResponseWrapper;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;

/**
 * A metric or a health component the actuator does not have ({@code /actuator/metrics/no.such.metric},
 * {@code /actuator/health/nosuch}): the actuator's own 404 has no body at all (operator trial of the twentieth session,
 * F12), where every other error of the operations endpoints is a problem detail saying what to ask instead. Only these
 * two families are held (their answers are a few hundred bytes); the scrape streams as before.
 */
@Component
class OperationsNotFound extends OncePerRequestFilter {

    private final JsonMapper json;

    OperationsNotFound(JsonMapper json) {
        this.json = json;
    }

    private static final String METRICS = "/actuator/metrics/";
    private static final String HEALTH = "/actuator/health/";

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        String path = path(request);
        return !path.startsWith(METRICS) && !path.startsWith(HEALTH);
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        ContentCachingResponseWrapper held = new ContentCachingResponseWrapper(response);
        chain.doFilter(request, held);
        if (held.getStatus() == HttpStatus.NOT_FOUND.value() && held.getContentSize() == 0 && !response.isCommitted()) {
            String path = path(request);
            boolean metric = path.startsWith(METRICS);
            String name = org.springframework.web.util.UriUtils.decode(
                    path.substring((metric ? METRICS : HEALTH).length()), java.nio.charset.StandardCharsets.UTF_8);
            String[] tags = request.getParameterValues("tag");
            ApiErrors.write(response, ApiErrors.problem(HttpStatus.NOT_FOUND, "未找到", !metric
                    ? "没有这个健康检查组件：" + name + "（组件见 /actuator/health 的 components；探针用 "
                    + "/actuator/health/liveness 和 /actuator/health/readiness）"
                    // the actuator answers the same bodiless 404 for a metric it lacks and for tags no meter of it has
                    : tags != null ? "指标 " + name + " 没有符合 tag=" + String.join("、tag=", tags) + " 的数据，或没有这个指标（可用的标签见 "
                    + METRICS + name + " 的 availableTags，指标名称见 /actuator/metrics 的 names）"
                    : "没有这个指标：" + name + "（指标名称见 /actuator/metrics 的 names）"), json);
            return;
        }
        held.copyBodyToResponse();
    }

    private static String path(HttpServletRequest request) {
        return request.getRequestURI().substring(request.getContextPath().length());
    }
}
