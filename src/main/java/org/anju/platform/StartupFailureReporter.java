package org.anju.platform;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.diagnostics.FailureAnalysisReporter;

/**
 * A failed start's analysis in Chinese (META-INF/spring.factories), in place of Spring Boot's report, whose headings
 * ("Description:", "Action:") were the only English an operator met above our own words (seventh session's list).
 * Spring Boot's {@code LoggingFailureAnalysisReporter} is switched off (application.yml, and in {@code AnjuApplication}
 * for a failure before the logging is set up); the command line prints the analysis itself and switches off both.
 *
 * <p>Logged, not printed: with {@code ANJU_LOG_FORMAT} set it is one structured event like every other line. The
 * English title stays in brackets, since operators and their tools search logs for it.
 */
public class StartupFailureReporter implements FailureAnalysisReporter {

    /** The logger's name, which the command line switches off. */
    public static final String LOGGER = StartupFailureReporter.class.getName();

    private static final Logger log = LoggerFactory.getLogger(LOGGER);

    @Override
    public void report(FailureAnalysis analysis) {
        if (log.isDebugEnabled()) {
            log.debug("启动失败的原因", analysis.getCause());
        }
        if (log.isErrorEnabled()) {
            log.error(text(analysis));
        }
    }

    static String text(FailureAnalysis analysis) {
        StringBuilder s = new StringBuilder("\n\n***************************\n安居未能启动（APPLICATION FAILED TO START）\n"
                + "***************************\n\n原因：\n\n").append(analysis.getDescription()).append('\n');
        if (analysis.getAction() != null && !analysis.getAction().isBlank()) {
            s.append("\n处理：\n\n").append(analysis.getAction()).append('\n');
        }
        return s.toString();
    }
}
