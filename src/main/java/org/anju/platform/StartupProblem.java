package org.anju.platform;

/**
 * Why the application does not start, as an operator can act on it: its message says what is wrong, {@link #action()}
 * what to do. Shown by {@link StartupProblemFailureAnalyzer} as Spring Boot's "APPLICATION FAILED TO START" for the
 * web app, and in the same words by the command line (org.anju.cli.Cli). Implemented by the problems of a setting
 * ({@link SettingProblem}), the data directory ({@link DataDirectoryProblem}) and the personal-data key
 * (org.anju.privacy.DataKeyProblem).
 */
public interface StartupProblem {

    String getMessage();

    /** What the operator can do. */
    String action();
}
