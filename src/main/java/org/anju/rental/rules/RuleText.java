package org.anju.rental.rules;

import org.anju.platform.BadInput;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
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

    /** A refusal naming the file, line and column, as every rule file's reader words it. */
    public static BadInput bad(String file, int line, int column, String message) {
        return new BadInput(file + " 第 " + line + " 行第 " + column + " 列：" + message);
    }

    /** A cell read as a number, or a refusal naming where it is. */
    public static BigDecimal number(String file, int line, int column, String text) {
        try {
            return new BigDecimal(text);
        } catch (NumberFormatException e) {
            throw bad(file, line, column, "“" + text + "”不是数值");
        }
    }

    /** The date of a 生效/失效 line, or a refusal naming the file and the line's key. */
    public static LocalDate date(String file, String key, String text) {
        try {
            return LocalDate.parse(text);
        } catch (DateTimeParseException e) {
            throw new BadInput(file + "：" + key + "日期“" + text + "”应写成 2024-01-01");
        }
    }
}
