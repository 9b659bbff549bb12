package org.anju.platform;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The one number reader against the shared table of cases (fast layer, issue 11); the report grid's JavaScript is
 * checked against the same table in a real browser ({@code browser.ReportFlowBrowserTest}).
 */
public class NumbersTest {

    /** One line of {@code numbers/cases.tsv}: the input and what it must read as. */
    public record Case(String input, String expected) {
    }

    public static List<Case> cases() throws IOException {
        List<Case> cases = new ArrayList<>();
        try (var in = NumbersTest.class.getResourceAsStream("/numbers/cases.tsv")) {
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String[] parts = line.split("\t");
                String input = parts[0].equals("(empty)") ? "" : parts[0].replace("\\s", " ");
                cases.add(new Case(input, parts[1]));
            }
        }
        return cases;
    }

    static String read(String input) {
        return switch (Numbers.read(input)) {
            case Numbers.Blank b -> "BLANK";
            case Numbers.Value v -> v.value().toPlainString();
            case Numbers.Bad b -> "BAD:" + b.reason();
        };
    }

    @Test
    void everyCaseOfTheSharedTable() throws IOException {
        List<Case> cases = cases();
        assertThat(cases).hasSizeGreaterThan(30);
        for (Case c : cases) {
            assertThat(read(c.input())).as("「" + c.input() + "」").isEqualTo(c.expected());
        }
    }
}
