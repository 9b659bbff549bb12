package org.anju.platform;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import org.slf4j.LoggerFactory;

/**
 * Logger levels set by the two entry points ({@code AnjuApplication}, the command line) before Spring Boot sets up the
 * logging: what is logged before then goes through logback's first configuration, which the application's
 * {@code logging.level.*} settings do not reach yet (a refused setting, the embedded database's early start).
 */
public final class EarlyLogging {

    /** Spring Boot's failure report, in English: {@link StartupFailureReporter} says it in Chinese. */
    public static final String SPRING_BOOT_REPORTER = "org.springframework.boot.diagnostics.LoggingFailureAnalysisReporter";

    private EarlyLogging() {
    }

    /** Sets {@code logger}'s level (nothing when logback is not the logging backend). */
    public static void level(String logger, Level level) {
        if (LoggerFactory.getLogger(logger) instanceof Logger l) {
            l.setLevel(level);
        }
    }
}
