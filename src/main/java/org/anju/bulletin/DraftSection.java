package org.anju.bulletin;

/**
 * One editable part of a bulletin draft: a subsection of 一、目标任务及进展情况, a problem of 二、存在的问题, or
 * 下一步工作重点. Paragraphs are lines of {@code text}.
 *
 * @param key      stable name across refreshes: {@code progress:<heading>}, {@code problem:<first sentence>},
 *                 {@code next-steps}, {@code hand:<n>} for what the official added
 * @param heading  a subsection's heading without its number (（三）), null for a problem
 * @param computed the text as composed from the data at the last refresh; null when the official wrote the part
 * @param text     the official's text; null = unchanged from {@code computed}
 * @param stale    a refresh changed {@code computed} under the official's edit: check the edit against the new figures
 * @param earlier  the computed text the official's edit was based on, while {@code stale}
 */
public record DraftSection(String key, Kind kind, String heading, String computed, String text, boolean stale,
                           String earlier) {

    /** Where the part goes: under 一、, under 二、, or as 下一步工作重点. */
    public enum Kind { PROGRESS, PROBLEM, NEXT_STEPS }

    /** Longest text of one part. */
    public static final int MAX_LENGTH = 10_000;

    /** What the bulletin prints: the official's text, else the computed one. */
    public String effective() {
        return text != null ? text : computed == null ? "" : computed;
    }

    /** The official changed it (or wrote it). */
    public boolean edited() {
        return text != null;
    }

    /** Added by hand (section (七), a free problem 三是…, 下一步工作重点): nothing computed to fall back on. */
    public boolean byHand() {
        return computed == null;
    }

    /** Paragraphs as printed: one per non-blank line. */
    public java.util.List<String> paragraphs() {
        return effective().lines().map(String::strip).filter(l -> !l.isEmpty()).toList();
    }

    DraftSection withText(String newText) {
        String t = newText == null ? null : newText.strip();
        if (t != null && computed != null && t.equals(computed.strip())) {
            t = null;     // typed back the computed text: unchanged
        }
        return new DraftSection(key, kind, heading, computed, t, false, null);     // saved again: the official checked it
    }

    DraftSection withHeading(String newHeading) {
        return new DraftSection(key, kind, newHeading, computed, text, stale, earlier);
    }

    /** The computed text of a refresh; an edit stays, flagged when the text under it changed. */
    DraftSection refreshed(DraftSection fresh) {
        if (text == null) {
            return new DraftSection(key, kind, fresh.heading(), fresh.computed(), null, false, null);
        }
        boolean changed = computed != null && !computed.equals(fresh.computed());
        return new DraftSection(key, kind, fresh.heading(), fresh.computed(), text, stale || changed,
                stale ? earlier : changed ? computed : null);
    }
}
