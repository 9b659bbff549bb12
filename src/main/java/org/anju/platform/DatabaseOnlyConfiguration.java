package org.anju.platform;

import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;

/**
 * The database connection alone (the embedded server started or attached to under ANJU_DATA_DIR, or ANJU_DB_URL), for
 * command-line tools that must not start the application: {@code anju backup} and {@code anju restore} (org.anju.cli),
 * whose target database may be empty and must stay so until the restore (no Flyway migration, no region tree).
 */
@Configuration(proxyBeanMethods = false)
@Import(DatabaseConfiguration.class)
public class DatabaseOnlyConfiguration {
}
