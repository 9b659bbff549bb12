package org.anju.platform;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.concurrent.atomic.AtomicInteger;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(DatabaseProperties.class)
class DatabaseConfiguration {

    /** One throw-away server per JVM: starting PostgreSQL costs seconds, a database milliseconds. */
    private static final class Ephemeral {
        static final EmbeddedPostgresServer SERVER = EmbeddedPostgresServer.startEphemeral();
        static final AtomicInteger NEXT = new AtomicInteger();

        static {
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                try {
                    SERVER.close();
                } catch (IOException ignored) {
                    // the JVM is going away; the temp directory goes with the OS' cleanup
                }
            }));
        }
    }

    @Bean(destroyMethod = "close")
    EmbeddedDatabase embeddedDatabase(DatabaseProperties properties) {
        if (properties.external()) {
            return EmbeddedDatabase.NONE;
        }
        if (properties.ephemeral()) {
            String name = "anju_test_" + Ephemeral.NEXT.incrementAndGet();
            return new EmbeddedDatabase(null, Ephemeral.SERVER.ensureDatabase(name), Ephemeral.SERVER.user(),
                    Ephemeral.SERVER.password());
        }
        EmbeddedPostgresServer server = EmbeddedPostgresServer.startOrAttach(properties.dataDir());
        return new EmbeddedDatabase(server, server.ensureDatabase("anju"), server.user(), server.password());
    }

    @Bean(destroyMethod = "close")
    HikariDataSource dataSource(DatabaseProperties properties, EmbeddedDatabase embedded) {
        HikariConfig config = new HikariConfig();
        if (properties.external()) {
            config.setJdbcUrl(properties.url());
            config.setUsername(properties.user());
            config.setPassword(properties.password());
        } else {
            config.setJdbcUrl(embedded.jdbcUrl());
            config.setUsername(embedded.user());
            config.setPassword(embedded.password());
        }
        config.setMaximumPoolSize(properties.maximumPoolSize());
        // imports write tens of thousands of rows in batches; let the driver send them as multi-row inserts
        config.addDataSourceProperty("reWriteBatchedInserts", "true");
        config.setPoolName("anju");
        return new HikariDataSource(config);
    }

    /** The embedded server this context owns, if any; closed after the pool that uses it. */
    record EmbeddedDatabase(EmbeddedPostgresServer server, String jdbcUrl, String user, String password)
            implements AutoCloseable {
        static final EmbeddedDatabase NONE = new EmbeddedDatabase(null, null, null, null);

        @Override
        public void close() {
            if (server != null) {
                try {
                    server.close();
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
        }
    }
}
