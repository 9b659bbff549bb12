package org.anju.platform;

import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.diagnostics.FailureAnalyzer;

/** Turns a {@link StartupProblem} anywhere in a failed start's causes into "APPLICATION FAILED TO START" with what to do. */
public class StartupProblemFailureAnalyzer implements FailureAnalyzer {

    @Override
    public FailureAnalysis analyze(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof StartupProblem p) {
                return new FailureAnalysis(p.getMessage(), p.action(), t);
            }
        }
        return null;
    }
}
