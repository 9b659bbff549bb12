package org.anju.platform;

import org.springframework.boot.Banner;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.context.annotation.Bean;

import java.nio.file.Path;
import java.sql.DriverManager;

/**
 * A process that owns an embedded server as the application does (the {@code EmbeddedDatabase} bean, closed with the
 * context) and, when the context closes, still needs the database for a moment — as running requests and imports do
 * during a graceful shutdown. Prints "READY" once up and, on SIGTERM, whether that last query found the server;
 * {@link EmbeddedShutdownTest} reads it. Not a {@code @Configuration}: the application's component scan would take its
 * beans into every test context (lite mode is enough for a primary source).
 */
public class EmbeddedShutdownProbe {

    /** Stands for the work a stopping node still finishes (closed before the database it uses). */
    record LastWork(DatabaseConfiguration.EmbeddedDatabase database) implements AutoCloseable {
        @Override
        public void close() throws Exception {
            Thread.sleep(1500);   // longer than pg_ctl's fast stop takes
            try (var c = DriverManager.getConnection(database.jdbcUrl(), database.user(), database.password());
                 var rs = c.createStatement().executeQuery("select 1")) {
                rs.next();
                System.out.println("LAST QUERY: ok " + rs.getInt(1));
            } catch (Exception e) {
                System.out.println("LAST QUERY: failed " + e.getMessage());
            }
            System.out.flush();
        }
    }

    @Bean(destroyMethod = "close")
    DatabaseConfiguration.EmbeddedDatabase probedDatabase() {
        EmbeddedPostgresServer server = EmbeddedPostgresServer.startOrAttach(Path.of(System.getProperty("probe.dir")));
        return new DatabaseConfiguration.EmbeddedDatabase(server, server.ensureDatabase("anju"), server.user(),
                server.password(), null);
    }

    @Bean(destroyMethod = "close")
    LastWork lastWork(DatabaseConfiguration.EmbeddedDatabase database) {
        return new LastWork(database);
    }

    public static void main(String[] args) throws InterruptedException {
        SpringApplication app = new SpringApplication(EmbeddedShutdownProbe.class);
        app.setWebApplicationType(WebApplicationType.NONE);
        app.setBannerMode(Banner.Mode.OFF);
        app.setLogStartupInfo(false);
        app.run(args);
        System.out.println("READY");
        System.out.flush();
        Thread.currentThread().join();   // until SIGTERM
    }
}
