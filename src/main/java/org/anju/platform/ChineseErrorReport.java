package org.anju.platform;

import org.apache.catalina.Valve;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ErrorReportValve;
import org.springframework.boot.tomcat.ConfigurableTomcatWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.core.Ordered;
import org.springframework.stereotype.Component;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;

/**
 * The answer Tomcat itself gives to a request it refuses before any of Anju's code runs — an address whose
 * percent-encoding it cannot decode ({@code /api/users/%ZZ}, a cut-off UTF-8 character): Tomcat's English page "HTTP
 * Status 400 – Bad Request", HTML also under {@code /api/} where every error is a problem detail with a {@code code}
 * (operator trial of the twentieth session: 274 such answers over the API's path parameters). Now a problem detail
 * under {@code /api/} and a short Chinese page elsewhere. Errors Anju's code answers keep their own body: this writes
 * only where nothing was written.
 */
public final class ChineseErrorReport extends ErrorReportValve {

    /** Public and without arguments: Tomcat's host makes its error valve from the class's name. */
    public ChineseErrorReport() {
        setShowReport(false);
        setShowServerInfo(false);
    }

    @Override
    protected void report(Request request, Response response, Throwable throwable) {
        int status = response.getStatus();
        if (status < 400 || response.getContentWritten() > 0 || !response.setErrorReported()) {
            return;
        }
        java.util.concurrent.atomic.AtomicBoolean writable = new java.util.concurrent.atomic.AtomicBoolean();
        response.getCoyoteResponse().action(org.apache.coyote.ActionCode.IS_IO_ALLOWED, writable);
        if (!writable.get()) {
            return;
        }
        String detail = status != 400 ? "请求未能处理（HTTP 状态 " + status + "）"
                : badEscape(request.getRequestURI())
                ? "地址有误：其中的百分号编码无法识别（如 %ZZ，或不是 UTF-8 的字符）。中文等字符请按 UTF-8 编码（如「张」写作 %E5%BC%A0），% 本身写作 %25"
                : "地址有误：服务器拒绝了该地址（如其中编码的 / 或 \\、..、控制字符），请检查地址";
        String title = status == 400 ? "请求有误" : "无法处理";
        String uri = request.getDecodedRequestURI();
        boolean api = uri != null ? uri.startsWith("/api/") : String.valueOf(request.getRequestURI()).startsWith("/api/");
        try {
            response.setCharacterEncoding(StandardCharsets.UTF_8.name());
            response.setContentType(api ? "application/problem+json" : "text/html");
            Writer out = response.getReporter();
            if (out == null) {
                return;
            }
            if (api) {
                out.write("{\"type\":\"about:blank\",\"title\":\"" + title + "\",\"status\":" + status + ",\"detail\":\""
                        + detail + "\",\"code\":\"" + ProblemCode.of(status) + "\"}");
            } else {
                out.write("<!DOCTYPE html><html lang=\"zh-CN\"><head><meta charset=\"UTF-8\"><title>" + title
                        + " · 安居</title></head><body><h1>" + title + "</h1><p id=\"problem-message\">" + detail
                        + "</p><p><a href=\"/\">回到首页</a></p></body></html>");
            }
            response.finishResponse();
        } catch (IOException | IllegalStateException e) {
            // the connection is gone: nothing to tell
        }
    }

    /**
     * Whether the address as sent has a %-escape that is no escape ({@code %ZZ}, a cut one) or escapes bytes that are
     * no UTF-8 ({@code %E4}): the advice on encoding fits these only, not Tomcat's other refusals of an address (an
     * encoded slash, a path that leaves the root; review of the twentieth session, L1).
     */
    static boolean badEscape(String raw) {
        if (raw == null) {
            return false;
        }
        java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            if (c == '%') {
                if (i + 2 >= raw.length() || Character.digit(raw.charAt(i + 1), 16) < 0 || Character.digit(raw.charAt(i + 2), 16) < 0) {
                    return true;
                }
                bytes.write(Integer.parseInt(raw, i + 1, i + 3, 16));
                i += 2;
            } else {
                bytes.writeBytes(String.valueOf(c).getBytes(StandardCharsets.UTF_8));
            }
        }
        try {
            StandardCharsets.UTF_8.newDecoder().decode(java.nio.ByteBuffer.wrap(bytes.toByteArray()));
            return false;
        } catch (java.nio.charset.CharacterCodingException e) {
            return true;
        }
    }

    /**
     * In place of the error report valve Spring Boot puts on the host (its own, with the report and server name off):
     * run after Boot's customizer, whose context customizer adds it, so this one finds it and takes its place.
     */
    @Component
    static final class Installed implements WebServerFactoryCustomizer<ConfigurableTomcatWebServerFactory>, Ordered {

        @Override
        public void customize(ConfigurableTomcatWebServerFactory factory) {
            factory.addContextCustomizers(context -> {
                var pipeline = context.getParent().getPipeline();
                for (Valve v : pipeline.getValves()) {
                    if (v instanceof ErrorReportValve && !(v instanceof ChineseErrorReport)) {
                        pipeline.removeValve(v);
                    }
                }
                pipeline.addValve(new ChineseErrorReport());
                if (context.getParent() instanceof org.apache.catalina.core.StandardHost host) {
                    host.setErrorReportValveClass(ChineseErrorReport.class.getName());
                }
            });
        }

        @Override
        public int getOrder() {
            return Ordered.LOWEST_PRECEDENCE;
        }
    }
}
