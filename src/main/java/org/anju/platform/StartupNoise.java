package org.anju.platform;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.turbo.TurboFilter;
import ch.qos.logback.core.spi.FilterReply;
import org.slf4j.LoggerFactory;
import org.slf4j.Marker;
import org.springframework.boot.context.event.ApplicationEnvironmentPreparedEvent;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.context.logging.LoggingApplicationListener;
import org.springframework.context.ApplicationEvent;
import org.springframework.context.event.SmartApplicationListener;

/**
 * Leaves out the two English lines Spring logs above a failed start's report ({@link StartupFailureReporter}, which
 * says the same in Chinese): the context's warning "Exception encountered during context initialization - cancelling
 * refresh attempt: …" and the hint "Error starting ApplicationContext. To display the condition evaluation report …".
 * And Flyway's warning at every start that "outOfOrder mode is active. Migration of schema … may not be
 * reproducible": out-of-order is how the features' version ranges are merged (application.yml), on purpose, and the
 * warning read to operators as a fault (operator trial, issue 15). And Flyway's English error line above a failed
 * migration ("Migration of schema … failed! Changes successfully rolled back."), which the start's report says in
 * Chinese with the database's answer ({@link MigrationProblem}). Flyway's other lines (what it applies) stay.
 *
 * <p>A filter on those messages, not a level on their loggers: the context's logger also warns of a failed graceful
 * shutdown, which must stay, the condition report's logger prints the report itself with {@code --debug}, and Flyway's
 * logger says what it migrates. Added once Spring Boot has set up the logging (its set-up drops every filter),
 * registered in META-INF/spring.factories; taken off once the application is ready, since a turbo filter sees every
 * logging call and these lines come only while the application starts.
 */
public class StartupNoise implements SmartApplicationListener {

    static final String NAME = "anju-startup-noise";

    @Override
    public boolean supportsEventType(Class<? extends ApplicationEvent> type) {
        return ApplicationEnvironmentPreparedEvent.class.isAssignableFrom(type)
                || ApplicationReadyEvent.class.isAssignableFrom(type);
    }

    @Override
    public int getOrder() {
        return LoggingApplicationListener.DEFAULT_ORDER + 1;
    }

    @Override
    public void onApplicationEvent(ApplicationEvent event) {
        if (!(LoggerFactory.getILoggerFactory() instanceof LoggerContext context)) {
            return;
        }
        if (event instanceof ApplicationReadyEvent) {
            context.getTurboFilterList().removeIf(f -> NAME.equals(f.getName()));
        } else if (context.getTurboFilterList().stream().noneMatch(f -> NAME.equals(f.getName()))) {
            Filter filter = new Filter();
            filter.setName(NAME);
            filter.start();
            context.addTurboFilter(filter);
        }
    }

    /** Whether a line is one of these. */
    static boolean noise(String logger, String message) {
        if (logger == null || message == null) {
            return false;
        }
        return logger.endsWith("ApplicationContext") && message.startsWith("Exception encountered during context initialization")
                || logger.endsWith(".ConditionEvaluationReportLogger")
                && message.stripLeading().startsWith("Error starting ApplicationContext")
                || logger.equals("org.flywaydb.core.internal.command.DbMigrate")
                && (message.startsWith("outOfOrder mode is active")
                // its error line above a failed migration, which the start's report says in Chinese (MigrationProblem)
                || message.startsWith("Migration of ") && message.contains(" failed!"));
    }

    static final class Filter extends TurboFilter {
        @Override
        public FilterReply decide(Marker marker, Logger logger, Level level, String format, Object[] params, Throwable t) {
            return format != null && noise(logger.getName(), format) ? FilterReply.DENY : FilterReply.NEUTRAL;
        }
    }
}
