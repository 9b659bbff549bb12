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
        String detail = detail(status, request.getRequestURI(), throwable);
        String title = status == 400 ? "请求有误" : "无法处理";
        String uri = request.getDecodedRequestURI();
        // a request line Tomcat could not read has no address; its refusal may name it ("… request target [/api/…]")
        String raw = request.getRequestURI() != null ? request.getRequestURI() : target(throwable);
        boolean api = uri != null ? uri.startsWith("/api/") : String.valueOf(raw).startsWith("/api/");
        try {
            response.setCharacterEncoding(StandardCharsets.UTF_8.name());
            response.setContentType(api ? "application/problem+json" : "text/html");
            Writer out = response.getReporter();
            if (out == null) {
                return;
            }
            if (api) {
                out.write("{\"type\":\"about:blank\",\"title\":\"" + title + "\",\"status\":" + status + ",\"detail\":\""
                        + json(detail) + "\",\"code\":\"" + ProblemCode.of(status) + "\"}");
            } else {
                out.write("<!DOCTYPE html><html lang=\"zh-CN\"><head><meta charset=\"UTF-8\"><title>" + title
                        + " · 安居</title></head><body><h1>" + title + "</h1><p id=\"problem-message\">"
                        + org.springframework.web.util.HtmlUtils.htmlEscape(detail) + "</p><p><a href=\"/\">回到首页</a></p></body></html>");
            }
            response.finishResponse();
        } catch (IOException | IllegalStateException e) {
            // the connection is gone: nothing to tell
        }
    }

    /** Tomcat's refusal naming the request target it could not take: "… in the request target [/api/x?q=a|b ]. …". */
    private static final java.util.regex.Pattern TARGET = java.util.regex.Pattern.compile(
            "request target \\[(.*?) ?]\\. The valid characters");

    /**
     * What was wrong with a request Tomcat refused before any of Anju's code ran, in Chinese: an escape that is none, a
     * character an address may not carry, a request too long to read (it said "服务器拒绝了该地址（如其中编码的 /…）"
     * for all of them), a request that is no HTTP (https:// to a port that speaks http).
     *
     * @param uri the address as sent, null when the request line could not be read
     * @param refusal Tomcat's exception, if it gave one
     */
    static String detail(int status, String uri, Throwable refusal) {
        if (status != 400) {
            return "请求未能处理（HTTP 状态 " + status + "）";
        }
        String said = refusal == null || refusal.getMessage() == null ? "" : refusal.getMessage();
        if (said.startsWith("Request header is too large")) {
            return "请求过长：地址（连同其中的参数）或请求头超过了服务器能读取的长度。参数很多时（如一次查询上千个编号）请分批；"
                    + "在浏览器中可清除本站的 Cookie 后重试";
        }
        if (said.startsWith("Invalid character found in method name")) {
            return "请求无法识别：不是 HTTP 请求（是否用 https:// 访问了只接受 http:// 的端口？）";
        }
        String target = target(refusal);
        if (target != null) {
            int c = target.codePoints().filter(ChineseErrorReport::notInAddress).findFirst().orElse(-1);
            if (c > 0x7f) {
                return "地址有误：其中有未编码的中文或其他非 ASCII 字符：请按 UTF-8 百分号编码（如「张」写作 %E5%BC%A0）";
            }
            if (c >= 0) {
                String shown = c == ' ' ? "空格" : c < ' ' || c == 0x7f ? "控制字符" : "「" + Character.toString(c) + "」";
                return "地址有误：" + shown + "不能直接写在地址里：请按百分号编码（写作 %" + String.format("%02X", c) + "）";
            }
        }
        if (badEscape(uri)) {
            return "地址有误：其中的百分号编码无法识别（如 %ZZ，或不是 UTF-8 的字符）。中文等字符请按 UTF-8 编码（如「张」写作 %E5%BC%A0），% 本身写作 %25";
        }
        return "地址有误：服务器拒绝了该地址（如其中编码的 / 或 \\、..、控制字符），请检查地址";
    }

    /** The request target Tomcat's refusal names, or null. */
    static String target(Throwable refusal) {
        java.util.regex.Matcher m = TARGET.matcher(refusal == null || refusal.getMessage() == null ? "" : refusal.getMessage());
        return m.find() ? m.group(1) : null;
    }

    /** A character a request target may not carry as it is (Tomcat's HttpParser, RFC 7230 and 3986). */
    private static boolean notInAddress(int c) {
        return c <= ' ' || c >= 0x7f || "\"#<>[\\]^`{|}".indexOf(c) >= 0;
    }

    /** {@code s} inside a JSON string. */
    private static String json(String s) {
        return s.replace("\\", "\\\\").replace("\"", "\\\"");
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
