package org.anju.platform;

import org.springframework.boot.web.server.ConfigurableWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.core.Ordered;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

import java.io.IOException;
import java.net.BindException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;

/**
 * The web port taken (a node started twice) is said when the web server is made — before the database is started and
 * migrated — not when Tomcat binds it after all of that: 47 s into the start on the operator trial's machine (fifteenth
 * session). The port is bound and let go at once; a process that takes it in between is still found by Tomcat
 * ({@link PortInUseFailureAnalyzer}). Only where a web server is made: not for commands, nor tests on a mock server.
 */
@Component
class PortCheck implements WebServerFactoryCustomizer<ConfigurableWebServerFactory>, Ordered {

    private final Environment environment;
    private final org.springframework.context.ApplicationContext context;

    PortCheck(Environment environment, org.springframework.context.ApplicationContext context) {
        this.environment = environment;
        this.context = context;
    }

    @Override
    public void customize(ConfigurableWebServerFactory factory) {
        // a test on a mock server makes the factory too, and binds nothing: with 8080 taken (the app running beside
        // ./mvnw test) every such test failed to start (review of the fifteenth session)
        if (context instanceof org.springframework.boot.web.server.context.WebServerApplicationContext) {
            portFree(environment.getProperty("server.address"), environment.getProperty("server.port", "8080"));
        }
    }

    /** @throws SettingProblem the port is held by another process, naming it and the setting */
    static void portFree(String address, String portText) {
        int port;
        try {
            port = Integer.parseInt(portText.strip());
        } catch (NumberFormatException e) {
            return;   // refused before the start (SettingChecks)
        }
        if (port <= 0) {
            return;
        }
        try (ServerSocket probe = new ServerSocket()) {
            probe.setReuseAddress(true);   // as Tomcat binds: a port in TIME_WAIT is free to it too
            probe.bind(address == null || address.isBlank() ? new InetSocketAddress(port)
                    : new InetSocketAddress(address.strip(), port));
        } catch (BindException e) {
            if (e.getMessage() == null || !e.getMessage().contains("in use")) {
                return;   // an address this host does not have, a privileged port: Tomcat says which, as before
            }
            throw new SettingProblem(PortInUseFailureAnalyzer.description(port), PortInUseFailureAnalyzer.action(port));
        } catch (IOException | RuntimeException e) {
            // an address that cannot be bound for another reason: Tomcat says it, as before
        }
    }

    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE;
    }
}
