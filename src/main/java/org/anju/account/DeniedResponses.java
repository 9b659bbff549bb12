package org.anju.account;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.anju.platform.ServiceBusy;
import org.anju.platform.UploadLimits;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.csrf.CsrfException;
import org.springframework.stereotype.Component;
import org.springframework.util.unit.DataSize;
import org.springframework.web.servlet.View;
import org.springframework.web.servlet.ViewResolver;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * The answers when someone is not signed in (401 / to the login page) or not allowed (403): a Chinese
 * problem detail under {@code /api/**}, a Chinese page elsewhere. A failed CSRF check on an upload that is
 * too large (the form's token never got read) is reported as what it is: the file is too large.
 */
@Component
class DeniedResponses implements AuthenticationEntryPoint, AccessDeniedHandler {

    private final JsonMapper json;
    private final DataSize maxRequestSize;
    private final ObjectProvider<ViewResolver> views;
    private final ServiceBusy busy;

    DeniedResponses(JsonMapper json, ServiceBusy busy,
                    @Value("${spring.servlet.multipart.max-request-size:25MB}") DataSize maxRequestSize,
                    @Qualifier("thymeleafViewResolver") ObjectProvider<ViewResolver> views) {
        this.json = json;
        this.maxRequestSize = maxRequestSize;
        this.views = views;
        this.busy = busy;
    }

    /** The actuator takes HTTP Basic only (ActuatorSecurity): a signed-in browser's session counts for nothing there. */
    private static boolean actuator(HttpServletRequest request) {
        String path = WebSecurity.path(request);
        return path.equals("/actuator") || path.startsWith("/actuator/");
    }

    static boolean api(HttpServletRequest request) {
        String path = WebSecurity.path(request);
        // the actuator is answered like the API (JSON problem details, 401 rather than the login page)
        return path.startsWith("/api/") || path.equals("/actuator") || path.startsWith("/actuator/");
    }

    @Override
    public void commence(HttpServletRequest request, HttpServletResponse response, AuthenticationException e)
            throws IOException {
        if (ServiceBusy.is(e)) {
            busy.answer(request, response, e);   // HTTP Basic whose check the database could not make: 503, not 401
            return;
        }
        if (api(request)) {
            String authorization = request.getHeader("Authorization");
            write(request, response, HttpStatus.UNAUTHORIZED, "未登录", authorization != null && chinese(e.getMessage())
                    ? e.getMessage()   // the sign-in's own words: wrong password, wait, disabled
                    : authorization != null && authorization.regionMatches(true, 0, "Basic ", 0, 6)
                    // Spring's converter: "Failed to decode basic authentication token", "Invalid basic authentication token"
                    ? "HTTP Basic 认证头格式不对：应为 Authorization: Basic 加上“用户名:密码”的 Base64 编码（如 curl -u 用户名:密码）"
                    : actuator(request) ? "请先登录：运维接口只接受运维账号的 HTTP Basic 认证（Authorization: Basic …），浏览器会话不行"
                    : "请先登录：浏览器会话，或以 HTTP Basic 认证（Authorization: Basic …）调用接口");
        } else if (request.getHeader("HX-Request") != null) {
            response.setStatus(HttpStatus.UNAUTHORIZED.value());
            response.setHeader("HX-Redirect", request.getContextPath() + "/login");
        } else {
            response.sendRedirect(request.getContextPath() + "/login");
        }
    }

    /** Whether a message is Anju's (Chinese), not one of Spring Security's English ones. */
    private static boolean chinese(String message) {
        return message != null && message.codePoints().anyMatch(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN);
    }

    @Override
    public void handle(HttpServletRequest request, HttpServletResponse response, AccessDeniedException e)
            throws IOException, ServletException {
        HttpStatus status = HttpStatus.FORBIDDEN;
        String title = "无权操作";
        String message = e.getMessage();
        if (e instanceof CsrfException) {
            if (request.getContentLengthLong() > maxRequestSize.toBytes()) {
                status = HttpStatus.CONTENT_TOO_LARGE;
                title = "文件过大";
                message = UploadLimits.message(maxRequestSize);
            } else {
                title = "请求已失效";
                message = "页面已过期或请求来源无效（CSRF 校验未通过），请刷新页面后重试";
            }
        }
        if (api(request)) {
            write(request, response, status, title, message);
            return;
        }
        response.setStatus(status.value());
        boolean htmx = request.getHeader("HX-Request") != null;
        try {
            View view = views.getObject().resolveViewName(htmx ? "error/message :: message" : "error/message",
                    Locale.SIMPLIFIED_CHINESE);
            Map<String, Object> model = new HashMap<>();
            model.put("problemTitle", title);
            model.put("problemMessage", message);
            view.render(model, request, response);
        } catch (Exception ex) {
            throw new ServletException(ex);
        }
    }

    private void write(HttpServletRequest request, HttpServletResponse response, HttpStatus status, String title,
                       String detail) throws IOException {
        ProblemDetail p = ProblemDetail.forStatusAndDetail(status, detail);
        p.setTitle(title);
        p.setInstance(URI.create(request.getRequestURI()));
        p.setProperty("code", org.anju.platform.ProblemCode.of(status.value()));
        response.setStatus(status.value());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        response.getOutputStream().write(json.writeValueAsBytes(p));
    }
}
