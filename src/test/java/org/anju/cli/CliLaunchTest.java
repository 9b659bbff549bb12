package org.anju.cli;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The command line as {@code java -jar anju.jar plan …} starts it: its own application context without
 * the web server, here on a throw-away database.
 */
class CliLaunchTest {

    @AfterEach
    void clear() {
        System.clearProperty("anju.db.ephemeral");
    }

    @Test
    void startsWithoutTheWebServerAndRunsACommand() {
        System.setProperty("anju.db.ephemeral", "true");
        assertThat(Cli.handles(new String[] {"plan", "list"})).isTrue();
        assertThat(Cli.handles(new String[] {"--server.port=9000"})).isFalse();
        assertThat(Cli.run(org.anju.AnjuApplication.class, new String[] {"plan", "list"})).isEqualTo(Cli.OK);
        assertThat(Cli.run(org.anju.AnjuApplication.class, new String[] {"plan", "validate"})).isEqualTo(Cli.OK);
        assertThat(Cli.handles(new String[] {"user", "list"})).isTrue();
        assertThat(Cli.run(org.anju.AnjuApplication.class, new String[] {"user", "list"})).isEqualTo(Cli.OK);
        assertThat(Cli.run(org.anju.AnjuApplication.class, new String[] {"plan", "import", "/no/such/file.xlsx"})).isEqualTo(Cli.BAD_INPUT);
    }
}
