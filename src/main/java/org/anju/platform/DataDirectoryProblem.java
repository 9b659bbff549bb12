package org.anju.platform;

/**
 * The embedded database's data directory cannot be opened by this build (made by another PostgreSQL major): the
 * application does not start, changes nothing, and says why and what to do — as Spring Boot's "APPLICATION FAILED TO
 * START" ({@link StartupProblemFailureAnalyzer}) for the web app, as its message and {@link #action()} on the command line.
 */
public final class DataDirectoryProblem extends IllegalStateException implements StartupProblem {

    private final String action;

    DataDirectoryProblem(String description, String action) {
        super(description);
        this.action = action;
    }

    /** What the operator can do, one step a line. */
    @Override
    public String action() {
        return action;
    }
}
