package org.anju.platform;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.stereotype.Component;
import org.springframework.transaction.TransactionSystemException;
import org.springframework.web.filter.OncePerRequestFilter;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientConnectionException;
import java.util.Set;

/**
 * The node or its database cannot serve the request now — no turn among the node's requests within
 * {@code anju.web.request-wait} ({@link RequestSlots}), no pooled connection within {@code anju.db.pool-timeout}
 * (ANJU_DB_POOL_TIMEOUT), the server out of connections, a lock or statement timeout: 503 with {@code Retry-After}
 * ({@code anju.db.retry-after}) and "系统繁忙，请稍后再试", never a 500 (issue 15, found by the month-end load test).
 * Decided here once: {@link ApiErrors} and {@link PageErrors} for handlers, and this filter — the outermost of all,
 * before the session repository — for whatever escapes a filter (the session read, the current-user filter) or a
 * view. A problem detail under {@code /api/**}, a short page (an htmx fragment) elsewhere; the page has no layout,
 * which would need the session (its CSRF token) the database could not give.
 */
@Component
public class ServiceBusy extends OncePerRequestFilter implements Ordered {

    public static final String TITLE = "系统繁忙";
    public static final String MESSAGE = "系统繁忙，请稍后再试";

    /**
     * PostgreSQL: too many connections, out of memory, lock timeout, statement timeout, starting up or shutting down —
     * and 40001, "try the transaction again": the application's transactions are READ COMMITTED (the inbox's
     * REPEATABLE READ one only reads), so it comes from a standby that cancelled a read for a conflict with its
     * recovery ("canceling statement due to conflict with recovery"); before, that read answered a bug's 500.
     */
    private static final Set<String> BUSY_STATES = Set.of("53300", "53200", "55P03", "57014", "57P01", "57P03", "40001");

    private static final Logger log = LoggerFactory.getLogger(ServiceBusy.class);

    private final long retryAfterSeconds;
    private final JsonMapper json;

    ServiceBusy(DatabaseProperties properties, JsonMapper json) {
        this.retryAfterSeconds = Math.max(1, (properties.retryAfter().toMillis() + 999) / 1000);
        this.json = json;
    }

    /** Whether {@code e} (or a cause) says the database cannot serve now, rather than a bug. */
    public static boolean is(Throwable e) {
        return is(e, 0);
    }

    private static boolean is(Throwable e, int depth) {
        for (Throwable t = e; t != null && depth < 8; t = t.getCause() == t ? null : t.getCause()) {
            // a connection the server ended mid-transaction: the pool evicts it, the rollback fails with "Connection is
            // closed" (no SQL state) and Spring throws that failure, the server's reason (57P01, 08006) kept only
            // beside it, not as a cause (review 2026-12-02: every write in flight at a restart answered 500). Not the
            // suppressed ones: a bug with a busy door suppressed in it (RequestSlots.awayWhile) stays a bug
            if (t instanceof TransactionSystemException tse && tse.getApplicationException() != null
                    && is(tse.getApplicationException(), depth + 1)) {
                return true;
            }
            if (t instanceof SQLRecoverableException) {
                return true;                       // the driver: this connection is gone, a new one may work
            }
            if (t instanceof SQLTransientConnectionException) {
                return true;                       // HikariCP: no connection within the pool timeout
            }
            if (t instanceof RequestSlots.Overloaded) {
                return true;                       // no turn at the door within the request wait
            }
            if (t instanceof SQLException s && s.getSQLState() != null
                    && (BUSY_STATES.contains(s.getSQLState()) || s.getSQLState().startsWith("08"))) {
                return true;
            }
        }
        return false;
    }

    /** The seconds a client is told to wait ({@code Retry-After}). */
    public long retryAfterSeconds() {
        return retryAfterSeconds;
    }

    /** The API's 503 (the response gets its {@code Retry-After}); logged as a warning, not as a bug. */
    ProblemDetail problem(HttpServletRequest request, HttpServletResponse response, Throwable e) {
        log.warn("系统繁忙（503）：{} {}：{}", request.getMethod(), request.getRequestURI(), rootMessage(e));
        response.setHeader("Retry-After", Long.toString(retryAfterSeconds));
        ProblemDetail p = ApiErrors.problem(HttpStatus.SERVICE_UNAVAILABLE, TITLE, MESSAGE);
        p.setProperty("code", "BUSY");
        p.setProperty("retryAfter", retryAfterSeconds);
        return p;
    }

    /** Writes the 503: a problem detail under {@code /api/**}, the page or htmx fragment elsewhere. */
    public void answer(HttpServletRequest request, HttpServletResponse response, Throwable e) throws IOException {
        // the actuator too: a monitoring client (Prometheus, a health probe with the operations account) reads JSON, and
        // got the page meant for a browser while the database was down (operator trial, tenth session)
        if (ApiErrors.isApi(request) || ApiErrors.isOperations(request)) {
            ApiErrors.write(response, problem(request, response, e), json);
            return;
        }
        log.warn("系统繁忙（503）：{} {}：{}", request.getMethod(), request.getRequestURI(), rootMessage(e));
        response.setHeader("Retry-After", Long.toString(retryAfterSeconds));
        page(request, response, HttpStatus.SERVICE_UNAVAILABLE, TITLE, MESSAGE,
                "请约 " + retryAfterSeconds + " 秒后刷新页面重试；已填写的内容请勿关闭页面。");
    }

    /** A request of the client's own making refused at the door, before a slot: its problem detail or page. */
    void refused(HttpServletRequest request, HttpServletResponse response, HttpStatus status, String title,
                 String message) throws IOException {
        if (ApiErrors.isApi(request) || ApiErrors.isOperations(request)) {
            guarded(response);
            ProblemDetail p = ApiErrors.problem(status, title, message);
            p.setProperty("code", ProblemCode.of(status.value()));
            ApiErrors.write(response, p, json);
            return;
        }
        page(request, response, status, title, message, "请检查后重新提交。");
    }

    /**
     * The headers Spring Security's writes on every other answer, which an answer given at the door — before its filter
     * chain — lacked (review of the session, L7): the type as declared, never in a frame.
     */
    private static void guarded(HttpServletResponse response) {
        response.setHeader("X-Content-Type-Options", "nosniff");
        response.setHeader("X-Frame-Options", "DENY");
    }

    /** The page (or the htmx fragment) for an answer given before any of the application's pages could be. */
    private static void page(HttpServletRequest request, HttpServletResponse response, HttpStatus status, String title,
                             String message, String advice) throws IOException {
        response.setStatus(status.value());
        guarded(response);
        // nothing of the page's own is inline: its stylesheet is the site's
        response.setHeader("Content-Security-Policy", "default-src 'self'; frame-ancestors 'none'");
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        response.setContentType(MediaType.TEXT_HTML_VALUE);
        String context = request.getContextPath();
        String card = "<div class=\"card problem\" id=\"problem\"><h1 class=\"error\">" + title + "</h1>"
                + "<p id=\"problem-message\">" + org.springframework.web.util.HtmlUtils.htmlEscape(message) + "</p>"
                + "<p class=\"muted\">" + advice + "</p>"
                + "<p class=\"muted\"><a href=\"" + context + "/\">返回首页</a></p></div>";
        String body = request.getHeader("HX-Request") != null ? card
                : "<!DOCTYPE html><html lang=\"zh-CN\"><head><meta charset=\"UTF-8\"><title>" + title + " · 安居</title>"
                + "<link rel=\"stylesheet\" href=\"" + context + "/css/anju.css\"></head><body>"
                + "<header class=\"topbar\"><a class=\"brand\" href=\"" + context + "/\">安居 · 保障性安居工程管理平台</a></header>"
                + "<main class=\"content\">" + card + "</main></body></html>";
        response.getOutputStream().write(body.getBytes(StandardCharsets.UTF_8));
    }

    /**
     * A small body that did not arrive whole before its turn ({@link SmallBodies}): 408 when slower than the wait, as
     * haproxy answers a body it buffers, 400 when the connection ended; the container closes the connection after it.
     */
    void unreceived(HttpServletRequest request, HttpServletResponse response, SmallBodies.Unreceived e)
            throws IOException {
        log.info("请求体未收齐（{}）：{} {}：{}", e.status(), request.getMethod(), request.getRequestURI(), e.getMessage());
        HttpStatus status = HttpStatus.valueOf(e.status());
        if (ApiErrors.isApi(request)) {
            ApiErrors.write(response, ApiErrors.problem(status, "请求体未收齐", e.getMessage()), json);
            return;
        }
        response.setStatus(status.value());
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        response.setContentType(MediaType.TEXT_PLAIN_VALUE);
        response.getOutputStream().write(e.getMessage().getBytes(StandardCharsets.UTF_8));
    }

    private static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        return t.getClass().getSimpleName() + ": " + t.getMessage();
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        try {
            chain.doFilter(request, response);
        } catch (ServletException | IOException | RuntimeException e) {
            if (!is(e) || response.isCommitted()) {
                throw e;
            }
            response.reset();
            answer(request, response, e);
        }
    }

    /**
     * Outside the session repository's filter (its read and save use the database) and everything after it, inside the
     * request metrics' filter (Spring Boot's {@code ServerHttpObservationFilter}, {@code HIGHEST_PRECEDENCE + 1}): that
     * one saw the exception before this answered and recorded a busy 503 as status 500, outcome SERVER_ERROR (metrics
     * review, sixteenth session; BusyDatabaseTest).
     */
    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE + 2;
    }
}
