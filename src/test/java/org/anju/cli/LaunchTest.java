package org.anju.cli;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What {@code java -jar anju.jar ARGS} starts: a mistyped command or option is refused before anything starts (it used
 * to start the web app, which migrated the configured database).
 */
class LaunchTest {

    @Test
    void onlyPropertyOverridesAndSpringBootsFlagsStartTheWebApp() {
        assertThat(Launch.of()).isEqualTo(new Launch(Launch.Kind.WEB, null));
        assertThat(Launch.of("--server.port=9000").kind()).isEqualTo(Launch.Kind.WEB);
        assertThat(Launch.of("--server.port=9000", "--anju.db.url=jdbc:postgresql://db/anju?a=b", "--debug", "--trace")
                .kind()).isEqualTo(Launch.Kind.WEB);
        assertThat(Launch.of("--logging.level.root=").kind()).as("an empty value").isEqualTo(Launch.Kind.WEB);
    }

    @Test
    void commandsRunAsCommands() {
        assertThat(Launch.of("restore", "--in", "x.dump")).isEqualTo(new Launch(Launch.Kind.COMMAND, "restore"));
        assertThat(Launch.of("backup", "--anju.backup.pg-bin=/usr/bin").kind()).isEqualTo(Launch.Kind.COMMAND);
        assertThat(Launch.of("plan", "list").kind()).isEqualTo(Launch.Kind.COMMAND);
    }

    @Test
    void helpIsTheUsage() {
        for (String help : List.of("--help", "-h", "help")) {
            assertThat(Launch.of(help).kind()).as(help).isEqualTo(Launch.Kind.HELP);
        }
        assertThat(Launch.usage()).contains("backup、bulletin、ledger", "restore、user", "--server.port=8080", "启动网站");
    }

    @Test
    void anythingElseIsRefusedNamingTheArgument() {
        assertThat(Launch.of("restor", "--in", "x.dump")).isEqualTo(new Launch(Launch.Kind.REFUSED, "restor"));
        assertThat(Launch.of("backupp").argument()).isEqualTo("backupp");
        assertThat(Launch.of("--frobnicate").argument()).isEqualTo("--frobnicate");
        assertThat(Launch.of("--server.port", "9000").argument()).as("a value apart").isEqualTo("--server.port");
        assertThat(Launch.of("--server.port=9000", "restore").argument()).isEqualTo("restore");
        assertThat(Launch.of("-Dserver.port=9000").argument()).as("a JVM option after -jar").isEqualTo("-Dserver.port=9000");
        assertThat(Launch.of("--=x").kind()).isEqualTo(Launch.Kind.REFUSED);
        assertThat(Launch.of("restor").refusal()).startsWith("错误：无法识别的参数「restor」").contains(Launch.usage());
    }

    /** The jar's main: refused at once with exit 2, before Spring (a web app's start would run for seconds here). */
    @Test
    void theMainRefusesBeforeAnythingStarts() throws Exception {
        Process refused = main("restor", "--in", "x.dump");
        assertThat(refused.waitFor(60, TimeUnit.SECONDS)).isTrue();
        String err = new String(refused.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(refused.exitValue()).as(err).isEqualTo(Cli.BAD_INPUT);
        assertThat(err).contains("无法识别的参数「restor」", "--server.port=8080").doesNotContain("Exception", "Tomcat");

        Process help = main("--help");
        assertThat(help.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(help.exitValue()).isZero();
        assertThat(new String(help.getInputStream().readAllBytes(), StandardCharsets.UTF_8)).contains("用法", "restore");
    }

    private static Process main(String... args) throws Exception {
        List<String> command = new java.util.ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Dfile.encoding=UTF-8",
                "-cp", System.getProperty("java.class.path"), org.anju.AnjuApplication.class.getName()));
        command.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(command).redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
        // without the check the web app would start: on an unreachable database, never on ./anju-data
        pb.environment().put("ANJU_DB_URL", "jdbc:postgresql://127.0.0.1:1/anju");
        pb.environment().put("ANJU_DATA_KEY", "1:" + java.util.Base64.getEncoder().encodeToString(new byte[32]));
        pb.environment().put("PORT", "0");
        return pb.start();
    }
}
