package org.anju.platform;

/**
 * A setting (environment variable or property) the application cannot use as given: it does not start, and says which
 * setting, what is wrong with it and how to write it ({@link StartupProblemFailureAnalyzer}). Never a guess in its place.
 */
public final class SettingProblem extends IllegalStateException implements StartupProblem {

    private final String action;

    public SettingProblem(String description, String action) {
        super(description);
        this.action = action;
    }

    @Override
    public String action() {
        return action;
    }
}
