package org.anju.platform;

import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.diagnostics.FailureAnalyzer;
import org.springframework.core.env.Environment;

/**
 * Turns a database that cannot be reached or refuses the login at start-up ({@link DatabaseUnreachable}) into
 * "APPLICATION FAILED TO START" with the setting to check, instead of the driver's stack trace.
 */
class DatabaseUnreachableFailureAnalyzer implements FailureAnalyzer {

    private final Environment environment;

    /** @param environment the failed context's (Spring Boot hands it to analyzers); its anju.db.url and user are named */
    DatabaseUnreachableFailureAnalyzer(Environment environment) {
        this.environment = environment;
    }

    @Override
    public FailureAnalysis analyze(Throwable failure) {
        DatabaseUnreachable d = DatabaseUnreachable.of(failure, environment);
        return d == null ? null : new FailureAnalysis(d.description(), d.action(), failure);
    }
}
