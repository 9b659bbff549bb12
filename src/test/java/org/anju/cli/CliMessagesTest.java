package org.anju.cli;

import org.junit.jupiter.api.Test;
import picocli.CommandLine;

import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What picocli refuses, said in the API's words ({@link org.anju.platform.Expected}): an enum's values "应为 A、B 之一"
 * (the command line said "应为 [A, B]", and nothing at all for a list of them), a date's reason (review of the
 * twenty-first session, L4). On a command of its own: no application.
 */
class CliMessagesTest {

    enum Colour { RED, GREEN }

    @CommandLine.Command(name = "paint")
    static final class Paint implements Runnable {
        @CommandLine.Option(names = "--colour")
        Colour colour;
        @CommandLine.Option(names = "--colours", split = ",")
        List<Colour> colours;
        @CommandLine.Option(names = "--on")
        LocalDate on;
        @CommandLine.Option(names = "--count")
        int count;

        @Override
        public void run() {
        }
    }

    private static String refusal(String... args) {
        try {
            new CommandLine(new Paint()).parseArgs(args);
        } catch (CommandLine.ParameterException e) {
            return CliMessages.of(e);
        }
        throw new AssertionError("accepted: " + String.join(" ", args));
    }

    @Test
    void anEnumsValuesAreListedAsTheApiListsThem() {
        assertThat(refusal("--colour", "BLUE")).isEqualTo("选项 --colour 的值「BLUE」无效：应为 RED、GREEN 之一");
        assertThat(refusal("--colours", "RED,BLUE")).isEqualTo("选项 --colours 的值「BLUE」无效：应为 RED、GREEN 之一");
    }

    @Test
    void aDateAndANumberAsTheApiSaysThem() {
        assertThat(refusal("--on", "2023-02-30")).isEqualTo("选项 --on 的值「2023-02-30」无效：2023年2月没有30日（该月共 28 天）");
        assertThat(refusal("--count", "三")).isEqualTo("选项 --count 的值「三」无效：应为整数（-2147483648 到 2147483647）");
    }
}
