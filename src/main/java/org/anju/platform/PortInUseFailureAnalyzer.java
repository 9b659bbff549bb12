package org.anju.platform;

import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.diagnostics.FailureAnalyzer;
import org.springframework.boot.web.server.PortInUseException;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;

/**
 * The web port taken by another process — the failure an operator meets most, e.g. a node started twice — in Chinese,
 * naming the setting: ahead of Spring Boot's analyzer of the same failure, which says it in English.
 */
@Order(Ordered.HIGHEST_PRECEDENCE)
class PortInUseFailureAnalyzer implements FailureAnalyzer {

    @Override
    public FailureAnalysis analyze(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof PortInUseException p) {
                return new FailureAnalysis(description(p.getPort()), action(p.getPort()), p);
            }
        }
        return null;
    }

    /** What is wrong, as this analysis and the early check ({@link PortCheck}) say it. */
    static String description(int port) {
        return "网站端口 " + port + " 已被其他进程占用，无法启动网站";
    }

    /** What to do about it. */
    static String action(int port) {
        return "找出并停止占用端口 " + port + " 的进程（如 ss -ltnp 'sport = :" + port
                + "'；可能是已在运行的另一个安居），或用环境变量 PORT（配置项 server.port）换一个端口后再启动。";
    }
}
