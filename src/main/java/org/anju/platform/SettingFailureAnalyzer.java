package org.anju.platform;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** Turns a {@link SettingProblem} at start-up into "APPLICATION FAILED TO START" with what to write instead. */
class SettingFailureAnalyzer extends AbstractFailureAnalyzer<SettingProblem> {

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, SettingProblem cause) {
        return new FailureAnalysis(cause.getMessage(), cause.action(), cause);
    }
}
