package org.anju.platform;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.web.firewall.RequestRejectedException;
import org.springframework.security.web.firewall.RequestRejectedHandler;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * Addresses the security firewall refuses before anything else runs (an empty path segment, an encoded "%", "/" or
 * NUL, "..", a control character): by default a bare 400 with no word. Answered in Chinese like every other refusal —
 * a problem detail under {@code /api/**}, a short page elsewhere — without echoing the address, which is hostile by
 * construction. Spring Security picks this bean up for its filter chain.
 */
@Component
class RejectedRequests implements RequestRejectedHandler {

    static final String MESSAGE = "请求地址不合规：含有不允许的字符或写法（如空的路径段“//”、编码的“%”“/”或控制字符、“..”）。"
            + "请检查地址后重试";

    private final JsonMapper json;

    RejectedRequests(JsonMapper json) {
        this.json = json;
    }

    @Override
    public void handle(HttpServletRequest request, HttpServletResponse response, RequestRejectedException e)
            throws IOException {
        if (ApiErrors.isApi(request)) {
            ApiErrors.write(response, ApiErrors.problem(HttpStatus.BAD_REQUEST, "请求有误", MESSAGE), json);
        } else {
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            response.setCharacterEncoding(StandardCharsets.UTF_8.name());
            response.setContentType(MediaType.TEXT_HTML_VALUE);
            response.getOutputStream().write(("<!DOCTYPE html><html lang=\"zh-CN\"><head><meta charset=\"UTF-8\"><title>请求有误 · 安居</title>"
                    + "</head><body><h1>请求有误</h1><p>" + MESSAGE + "</p><p><a href=\"/\">返回首页</a></p></body></html>")
                    .getBytes(StandardCharsets.UTF_8));
        }
    }
}
