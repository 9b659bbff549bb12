package org.anju.privacy;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** Turns a {@link DataKeyProblem} at start-up into Spring Boot's "APPLICATION FAILED TO START" with what to do. */
class DataKeyFailureAnalyzer extends AbstractFailureAnalyzer<DataKeyProblem> {

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, DataKeyProblem cause) {
        return new FailureAnalysis(cause.getMessage(), cause.action(), cause);
    }
}
