package org.anju.privacy;

/**
 * The personal-data keys cannot be used as configured: the application does not start, and says why and what to do
 * ({@link DataKeyFailureAnalyzer}). Never carries key material.
 */
final class DataKeyProblem extends IllegalStateException {

    private final String action;

    DataKeyProblem(String description, String action) {
        super(description);
        this.action = action;
    }

    String action() {
        return action;
    }
}
