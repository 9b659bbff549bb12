package org.anju.intake;

import java.util.List;

/** Trimming and small text helpers shared by the parsers. */
final class CellText {

    private CellText() {
    }

    /**
     * Whitespace at the ends of a cell: ASCII and full-width spaces, tabs, no-break and zero-width
     * spaces, a stray byte-order mark, form feeds.
     */
    static boolean isSpace(char c) {
        return Character.isWhitespace(c) || Character.isSpaceChar(c)
                || c == '\u00A0' || c == '\u2007' || c == '\u202F' || c == '\uFEFF' || c == '\u200B';
    }

    static String strip(String text) {
        int start = 0;
        int end = text.length();
        while (start < end && isSpace(text.charAt(start))) {
            start++;
        }
        while (end > start && isSpace(text.charAt(end - 1))) {
            end--;
        }
        return text.substring(start, end);
    }

    static boolean isBlank(CharSequence text) {
        for (int i = 0; i < text.length(); i++) {
            if (!isSpace(text.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    /** Index after the last non-empty cell (0 when all are empty). */
    static int contentWidth(List<String> cells) {
        for (int i = cells.size(); i > 0; i--) {
            if (!cells.get(i - 1).isEmpty()) {
                return i;
            }
        }
        return 0;
    }
}
