package org.anju.cli;

import org.anju.MainProcess;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

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
        assertThat(Launch.of("--version").kind()).isEqualTo(Launch.Kind.VERSION);
        assertThat(Launch.of("-V").kind()).isEqualTo(Launch.Kind.VERSION);
        assertThat(Launch.of("-V", "--server.port=9000").kind()).as("not a web start's property").isEqualTo(Launch.Kind.REFUSED);
        assertThat(Launch.of("backup", "--anju.backup.pg-bin=/usr/bin").kind()).isEqualTo(Launch.Kind.COMMAND);
        assertThat(Launch.of("plan", "list").kind()).isEqualTo(Launch.Kind.COMMAND);
    }

    /**
     * A command's {@code -V} is the version, printed before anything starts as the top level's (it started Spring and
     * the embedded database for one static line): only where picocli takes it as the command's option.
     */
    @Test
    void aCommandsVersionOptionIsTheVersion() {
        for (String[] asked : List.of(new String[] {"backup", "-V"}, new String[] {"backup", "--version"},
                new String[] {"restore", "--in", "x.dump", "-V"}, new String[] {"plan", "-V"},
                new String[] {"plan", "import", "-V"}, new String[] {"plan", "import", "x.xlsx", "--dry-run", "--version"},
                new String[] {"plan", "-V", "list"}, new String[] {"user", "set", "-V"},
                new String[] {"ledger", "overdue", "-V"}, new String[] {"rental", "draw", "verify", "-V"},
                new String[] {"backup", "-V", "--frobnicate"})) {   // picocli, asked for help, lets unknown ones by
            assertThat(Launch.of(asked)).as(String.join(" ", asked)).isEqualTo(new Launch(Launch.Kind.VERSION, asked[0]));
        }
        for (String[] not : List.of(
                new String[] {"backup", "--out", "-V"},           // the value of --out (picocli refuses it as before)
                new String[] {"backup", "--out=-V"},               // a file named -V
                new String[] {"plan", "import", "--", "-V"},       // a FILE named -V
                new String[] {"plan", "import", "--plan", "三", "-V"},   // refused in Chinese, as before
                new String[] {"plan", "import", "x.xlsx"},
                new String[] {"backup", "--out", "x.dump"})) {
            assertThat(Launch.of(not)).as(String.join(" ", not)).isEqualTo(new Launch(Launch.Kind.COMMAND, not[0]));
        }
    }

    /**
     * A command's {@code --help} is its usage, printed before anything starts (it started Spring and a throw-away
     * database: 2–3 s for static text); with {@code -V} too, the usage, as picocli prints it. Not where
     * {@code --help} is another option's value or a file after {@code --}. The text is the running command's
     * ({@code CliUserTest.aCommandsUsageIsTheSameWithoutSpring}).
     */
    @Test
    void aCommandsHelpOptionIsItsUsage() {
        for (String[] asked : List.of(new String[] {"backup", "--help"}, new String[] {"backup", "-h"},
                new String[] {"backup", "--help", "-V"}, new String[] {"backup", "-hV"}, new String[] {"backup", "-Vh"},
                new String[] {"plan", "import", "--help"}, new String[] {"plan", "--help"},
                new String[] {"user", "add", "--username", "x", "-h"}, new String[] {"rental", "draw", "verify", "--help"})) {
            assertThat(Launch.of(asked)).as(String.join(" ", asked)).isEqualTo(new Launch(Launch.Kind.USAGE, asked[0]));
        }
        for (String[] not : List.of(new String[] {"backup", "--out", "--help"}, new String[] {"plan", "import", "--", "-h"},
                new String[] {"plan", "import", "x.xlsx"})) {
            assertThat(Launch.of(not).kind()).as(String.join(" ", not)).isNotEqualTo(Launch.Kind.USAGE);
        }
    }

    /** The command line's own check (a command that came to it with a -V that is a file's name runs on its database). */
    @Test
    void theCommandLineTellsHelpAsPicocliDoes() {
        assertThat(Cli.helpAsked(new String[] {"plan", "import", "--", "-V"})).isFalse();
        assertThat(Cli.helpAsked(new String[] {"backup", "--out", "-h"})).isFalse();
        assertThat(Cli.helpAsked(new String[] {"plan", "import", "--help"})).isTrue();
        assertThat(Cli.helpAsked(new String[] {"backup", "-V"})).isTrue();
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
        // without the check the web app would start: on an unreachable database, never on ./anju-data
        Map<String, String> unreachable = Map.of("ANJU_DB_URL", "jdbc:postgresql://127.0.0.1:1/anju",
                "ANJU_DATA_KEY", MainProcess.DATA_KEY, "PORT", "0");
        MainProcess refused = MainProcess.run(unreachable, "restor", "--in", "x.dump");
        assertThat(refused.exit()).as(refused.err()).isEqualTo(Cli.BAD_INPUT);
        assertThat(refused.err()).contains("无法识别的参数「restor」", "--server.port=8080").doesNotContain("Exception", "Tomcat");

        MainProcess help = MainProcess.run(unreachable, "--help");
        assertThat(help.exit()).isZero();
        assertThat(help.out()).contains("用法", "restore");

        // a command's -V starts nothing either: a setting Spring's start refuses (an unreadable data key) is never read
        Map<String, String> badKey = Map.of("ANJU_DB_URL", "jdbc:postgresql://127.0.0.1:1/anju", "ANJU_DATA_KEY", "x",
                "PORT", "0");
        for (String command : List.of("backup", "plan")) {
            MainProcess version = MainProcess.run(badKey, command, "-V");
            assertThat(version.exit()).as(version.err()).isZero();
            assertThat(version.out()).startsWith("安居 ").contains("，Java ");
            assertThat(version.err()).as("before: Spring started and refused ANJU_DATA_KEY").isEmpty();
        }
    }

    @Test
    void aCommandThatCouldNotStartSaysWhyInOurAnalyzersWords() {
        // Spring's report is not logged for commands (Cli.run): a setting's, the key's, the data directory's and the
        // database's explanations are printed by the command line itself, action included
        var analysis = Cli.analysis(new IllegalStateException("wrapped",
                new org.anju.platform.SettingProblem("设置 X 的值不对", "改正 X 后再启动。")), null);
        org.assertj.core.api.Assertions.assertThat(analysis.getDescription()).isEqualTo("设置 X 的值不对");
        org.assertj.core.api.Assertions.assertThat(analysis.getAction()).isEqualTo("改正 X 后再启动。");
        org.assertj.core.api.Assertions.assertThat(Cli.analysis(new IllegalStateException("a bug"), null)).isNull();
    }
}
