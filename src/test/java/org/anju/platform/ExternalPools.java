package org.anju.platform;

import java.time.Duration;

/** The application's pools ({@link DatabaseConfiguration}) on a database given by address, as a node builds them. */
final class ExternalPools {

    private ExternalPools() {
    }

    /**
     * @param url         the primary's address (a test's own server, or a relay in front of it)
     * @param server      whose user and password to connect with
     * @param replica     the replica's settings, or null for none
     */
    static DatabaseConfiguration.Pools of(String url, EmbeddedPostgresServer server, int size, Duration poolTimeout,
                                          DatabaseProperties.Replica replica) {
        DatabaseProperties properties = new DatabaseProperties(url, server.user(), server.password(), null, false, size,
                poolTimeout, Duration.ofSeconds(5), replica);
        DatabaseConfiguration configuration = new DatabaseConfiguration();
        return configuration.databasePools(properties,
                configuration.primaryDatabase(properties, DatabaseConfiguration.EmbeddedDatabase.NONE), -1);
    }
}
