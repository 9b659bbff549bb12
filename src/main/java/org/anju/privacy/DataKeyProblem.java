package org.anju.privacy;

/**
 * The personal-data keys cannot be used as configured: the application does not start, and says why and what to do
 * ({@link org.anju.platform.StartupProblemFailureAnalyzer}). Never carries key material.
 */
final class DataKeyProblem extends IllegalStateException implements org.anju.platform.StartupProblem {

    private final String action;

    DataKeyProblem(String description, String action) {
        super(description);
        this.action = action;
    }

    @Override
    public String action() {
        return action;
    }
}
