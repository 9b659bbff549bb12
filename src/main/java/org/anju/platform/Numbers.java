package org.anju.platform;

import java.math.BigDecimal;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The one reading of a figure typed or printed by an official — in an imported file, a pasted grid, a form (issue 11).
 * The report grid's JavaScript ({@code static/js/report-grid.js}) follows the same rules, and both are tested against
 * one table of cases ({@code src/test/resources/numbers/cases.tsv}). The rules:
 * <ol>
 *   <li>Spaces anywhere are ignored (also full-width and no-break ones); full-width digits and signs count as
 *       half-width (１２３．５ is 123.5).</li>
 *   <li>Nothing, or a dash or slash alone (-, —, –, --, ——, /, 、, \), is no figure: a blank cell, never 0.</li>
 *   <li>A figure is digits with an optional decimal part (12, 12.50, .5, 12.); its printed decimals are kept.</li>
 *   <li>Thousands separators are accepted only where they group by three (1,234.5 and 1，234 but not 1,23).</li>
 *   <li>A sign: + is ignored; - or accounting brackets (12) make it negative, which no figure here may be
 *       (不能为负数) — except zero.</li>
 *   <li>Anything else (12套, 1e5, 约100) is not a number (不是数字), said with the text as typed.</li>
 * </ol>
 */
public final class Numbers {

    /** What a text reads as. */
    public sealed interface Read {
    }

    /** No figure (blank or a dash). */
    public record Blank() implements Read {
    }

    /** A non-negative figure with the decimals it was written with. */
    public record Value(BigDecimal value) implements Read {
    }

    /** Not a usable figure; {@code reason} is "不是数字：…" or "不能为负数：…" with the text as typed. */
    public record Bad(String reason) implements Read {
    }

    private static final Set<String> DASHES = Set.of("-", "—", "–", "--", "——", "/", "、", "\\");
    private static final Pattern GROUPED = Pattern.compile("\\d{1,3}(,\\d{3})+(\\.\\d*)?");
    private static final Pattern DECIMAL = Pattern.compile("\\d+(\\.\\d*)?|\\.\\d+");

    private Numbers() {
    }

    public static Read read(String text) {
        if (text == null) {
            return new Blank();
        }
        String t = halfWidth(text);
        if (t.isEmpty() || DASHES.contains(t)) {
            return new Blank();
        }
        boolean negative = false;
        if (t.length() > 2 && t.startsWith("(") && t.endsWith(")")) {
            negative = true;
            t = t.substring(1, t.length() - 1);
        } else if (t.startsWith("-")) {
            negative = true;
            t = t.substring(1);
        } else if (t.startsWith("+")) {
            t = t.substring(1);
        }
        if (GROUPED.matcher(t).matches()) {
            t = t.replace(",", "");
        }
        if (!DECIMAL.matcher(t).matches()) {
            return new Bad("不是数字：" + text.strip());
        }
        BigDecimal value = new BigDecimal(t.endsWith(".") ? t.substring(0, t.length() - 1) : t);
        if (negative && value.signum() != 0) {
            return new Bad("不能为负数：" + text.strip());
        }
        return new Value(value);
    }

    /**
     * A form field's figure by these rules: null when blank, refused naming the field ({@code label}) otherwise.
     *
     * @throws BadInput "label不是数字：…" or "label不能为负数：…"
     */
    public static BigDecimal figure(String text, String label) {
        return switch (read(text)) {
            case Blank b -> null;
            case Value v -> v.value();
            case Bad bad -> throw new BadInput(label + bad.reason());
        };
    }

    /** Spaces out, full-width digits and signs to half-width. */
    static String halfWidth(String text) {
        StringBuilder b = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isWhitespace(c) || Character.isSpaceChar(c) || c == '\uFEFF' || c == '\u200B') {
                continue;
            }
            if (c >= '\uFF01' && c <= '\uFF5E') {
                c = (char) (c - 0xFEE0); // ０-９ ． ， － ＋ （ ） ／ ％ …
            }
            b.append(c == '－' || c == '\u2212' ? '-' : c);
        }
        return b.toString();
    }
}
