package org.anju.platform;

/**
 * The one form in which printed labels are compared: region names, table titles and headers, 合计
 * rows, indicator keywords. Documents mix half- and full-width characters and scatter spaces
 * ("合 计", "（万平方米）" vs "(万平方米)", "２０２３年"); comparing this form makes them equal.
 */
public final class Labels {

    private Labels() {
    }

    /**
     * All white space removed (also U+3000, no-break and zero-width spaces, BOM) and full-width ASCII
     * (！ to ～: digits, letters, brackets, colon, comma) turned half-width. {@code null} → "".
     */
    public static String compact(String s) {
        if (s == null) {
            return "";
        }
        StringBuilder out = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (Character.isWhitespace(c) || Character.isSpaceChar(c) || c == '\uFEFF' || c == '\u200B') {
                continue;
            }
            if (c >= '\uFF01' && c <= '\uFF5E') {
                c = (char) (c - 0xFEE0);
            }
            out.append(c);
        }
        return out.toString();
    }
}
