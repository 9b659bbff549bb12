package org.anju.platform;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.nio.file.Path;

/**
 * Where the database is. With no {@code url} the application runs PostgreSQL itself: under
 * {@code dataDir} (kept across restarts), or, when {@code ephemeral}, in a throw-away server whose
 * every Spring context gets a fresh database (tests).
 */
@ConfigurationProperties("anju.db")
public record DatabaseProperties(String url, String user, String password, Path dataDir, boolean ephemeral,
                                 int maximumPoolSize) {

    public DatabaseProperties {
        dataDir = dataDir == null ? Path.of("anju-data") : dataDir;
        maximumPoolSize = maximumPoolSize <= 0 ? 10 : maximumPoolSize;
    }

    boolean external() {
        return url != null && !url.isBlank();
    }
}
