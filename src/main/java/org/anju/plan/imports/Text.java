package org.anju.plan.imports;

import java.util.List;

/** Normalising what documents print: full-width digits and spaces, stray blanks inside labels. */
final class Text {

    private Text() {
    }

    /** Drops all white space (also U+3000) and folds full-width ASCII (０-９, Ａ-Ｚ, ．…) to half-width. */
    static String compact(String s) {
        if (s == null) {
            return "";
        }
        StringBuilder b = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (Character.isWhitespace(c) || Character.isSpaceChar(c) || c == '\u00a0' || c == '\ufeff') {
                continue;
            }
            if (c >= '\uff01' && c <= '\uff5e' && !isCjkPunctuationKept(c)) {
                c = (char) (c - 0xfee0);
            }
            b.append(c);
        }
        return b.toString();
    }

    /** Full-width brackets, commas and colons are how Chinese documents write them: keep those. */
    private static boolean isCjkPunctuationKept(char c) {
        return c == '（' || c == '）' || c == '，' || c == '：' || c == '；';
    }

    /** Trims white space, including full-width, at both ends. */
    static String trim(String s) {
        return s == null ? "" : s.strip();
    }

    static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    static String joinNonBlank(List<String> cells) {
        StringBuilder b = new StringBuilder();
        for (String c : cells) {
            if (!blank(c)) {
                if (!b.isEmpty()) {
                    b.append(' ');
                }
                b.append(trim(c));
            }
        }
        return b.toString();
    }
}
