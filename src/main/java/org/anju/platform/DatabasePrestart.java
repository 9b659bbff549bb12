package org.anju.platform;

import org.springframework.boot.context.event.ApplicationEnvironmentPreparedEvent;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.ApplicationListener;

/**
 * Starts the embedded PostgreSQL while the rest of the application context is still being prepared: the command line
 * (org.anju.cli.Cli) adds this listener, which reads the database settings as the context will see them (the
 * environment is complete at this event) and, for an embedded server kept under a data directory, begins its start
 * in a background thread; {@link DatabaseConfiguration} then takes the started server over instead of starting one
 * itself. With an external database (ANJU_DB_URL) or the tests' throw-away server nothing is done here.
 */
public final class DatabasePrestart implements ApplicationListener<ApplicationEnvironmentPreparedEvent> {

    @Override
    public void onApplicationEvent(ApplicationEnvironmentPreparedEvent event) {
        // not while the build's Spring AOT runs the command line's main (pom.xml process-aot): no database there
        if (Boolean.getBoolean("spring.aot.processing")
                || !event.getEnvironment().getProperty("anju.db.prestart", Boolean.class, true)) {
            return;
        }
        DatabaseProperties properties = Binder.get(event.getEnvironment()).bind("anju.db", DatabaseProperties.class)
                .orElse(null);
        if (properties == null || properties.external() || properties.ephemeral()) {
            EmbeddedPostgresServer.abandonPrestartUnless(null);
            return;
        }
        EmbeddedPostgresServer.abandonPrestartUnless(properties.dataDir());   // an early guess of another directory
        EmbeddedPostgresServer.prestart(properties.dataDir());
    }

    /**
     * Earlier still, from {@code main} before Spring reads its settings: the data directory as ANJU_DATA_DIR (or
     * {@code -Danju.db.data-dir}, else ./anju-data) names it, if PostgreSQL's files are already there and neither
     * ANJU_DB_URL nor {@code -Danju.db.url} names an external database. Only a guess — settings in a configuration
     * file are not read yet — so it never creates anything; {@link #onApplicationEvent} checks it against the real
     * settings and stops a server started for a directory the application does not use.
     */
    public static void early() {
        if ("false".equals(System.getProperty("anju.db.prestart"))) {
            return;
        }
        embeddedDirectory().ifPresent(base -> {
            if (java.nio.file.Files.isRegularFile(base.resolve("pg").resolve("PG_VERSION"))) {
                EmbeddedPostgresServer.prestart(base);
            }
        });
    }

    /**
     * The embedded database's data directory as the environment and system properties name it before Spring reads
     * its settings (ANJU_DATA_DIR, {@code -Danju.db.data-dir}, else ./anju-data); empty with an external database, a
     * throw-away one, or during the build's AOT processing. A guess: a configuration file is not read yet.
     */
    public static java.util.Optional<java.nio.file.Path> embeddedDirectory() {
        if (Boolean.getBoolean("spring.aot.processing") || Boolean.getBoolean("anju.db.ephemeral")
                || !blank(System.getenv("ANJU_DB_URL")) || !blank(System.getProperty("anju.db.url"))) {
            return java.util.Optional.empty();
        }
        String setting = DataDirectorySetting.namingSetting();
        String dir = setting == null ? "./anju-data"
                : setting.equals(DataDirectorySetting.PROPERTY) ? System.getProperty(setting) : System.getenv(setting);
        return java.util.Optional.of(java.nio.file.Path.of(dir));
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
