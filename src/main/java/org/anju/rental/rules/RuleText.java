package org.anju.rental.rules;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The text form every city rule file shares (rule sets, subsidy formulas, review flows): tab-separated lines, the
 * first cell saying what the line is, blank lines and lines starting with # left out, cells trimmed.
 */
public final class RuleText {

    private RuleText() {
    }

    /** One line that counts, with its 1-based number in the file. */
    public record Line(int number, String[] cells) {

        public String key() {
            return cells[0];
        }
    }

    public static List<Line> lines(String text) {
        List<Line> result = new ArrayList<>();
        String[] lines = text.split("\r?\n", -1);
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i];
            if (!line.isBlank() && !line.startsWith("#")) {
                result.add(new Line(i + 1, Arrays.stream(line.split("\t", -1)).map(String::strip).toArray(String[]::new)));
            }
        }
        return result;
    }
}
