package org.anju.plan.imports;

import org.anju.platform.Labels;

import java.util.List;

/** Normalising what documents print: full-width digits and spaces, stray blanks inside labels. */
final class Text {

    private Text() {
    }

    /** See {@link Labels#compact}: the form in which labels, headers and markers are compared. */
    static String compact(String s) {
        return Labels.compact(s);
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
