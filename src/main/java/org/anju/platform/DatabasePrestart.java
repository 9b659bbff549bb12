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
            return;
        }
        EmbeddedPostgresServer.prestart(properties.dataDir());
    }
}
