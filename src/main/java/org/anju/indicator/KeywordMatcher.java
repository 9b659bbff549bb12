package org.anju.indicator;

import org.anju.platform.Labels;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Finds which things a text names by their aliases, scanning left to right and taking the longest
 * alias at each position. Longest-first matters: 国有工矿棚户区 must not also count as 棚户区, and the
 * unit line 套、间 names one measure, not 套 and 间.
 */
final class KeywordMatcher<T> {

    private record Entry<T>(String alias, T target) {
    }

    private final List<Entry<T>> entries;

    KeywordMatcher(Map<T, List<String>> aliases) {
        List<Entry<T>> all = new ArrayList<>();
        aliases.forEach((target, words) -> words.forEach(w -> all.add(new Entry<>(normalize(w), target))));
        all.sort(Comparator.comparingInt((Entry<T> e) -> e.alias().length()).reversed());
        this.entries = List.copyOf(all);
    }

    /** The distinct targets named in the text, in order of first appearance. */
    Set<T> find(String text) {
        Set<T> found = new LinkedHashSet<>();
        if (text == null) {
            return found;
        }
        String s = normalize(text);
        int i = 0;
        while (i < s.length()) {
            Entry<T> hit = null;
            for (Entry<T> e : entries) {
                if (s.startsWith(e.alias(), i)) {
                    hit = e;
                    break;
                }
            }
            if (hit == null) {
                i++;
            } else {
                found.add(hit.target());
                i += hit.alias().length();
            }
        }
        return found;
    }

    private static String normalize(String text) {
        return Labels.compact(text);
    }
}
