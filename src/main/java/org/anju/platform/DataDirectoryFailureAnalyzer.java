package org.anju.platform;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** Turns a {@link DataDirectoryProblem} at start-up into "APPLICATION FAILED TO START" with what to do. */
class DataDirectoryFailureAnalyzer extends AbstractFailureAnalyzer<DataDirectoryProblem> {

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, DataDirectoryProblem cause) {
        return new FailureAnalysis(cause.getMessage(), cause.action(), cause);
    }
}
