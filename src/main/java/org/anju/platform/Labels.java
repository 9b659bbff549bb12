package org.anju.platform;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * The one form in which printed labels are compared: region names, table titles and headers, 合计
 * rows, indicator keywords. Documents mix half- and full-width characters, scatter spaces
 * ("合 计", "（万平方米）" vs "(万平方米)", "２０２３年") and, when reposted from Hong Kong or Taiwan
 * sites, print Traditional characters (合計, 貴州, 開工); comparing this form makes them equal.
 */
public final class Labels {

    /** Traditional → Simplified for single characters; 0 where a character stays. */
    private static final char[] SIMPLIFIED = simplifiedTable();

    private Labels() {
    }

    /**
     * All white space removed (also U+3000, no-break and zero-width spaces, BOM), full-width ASCII
     * (！ to ～: digits, letters, brackets, colon, comma) turned half-width, and Traditional characters
     * turned Simplified (ICU4J's mapping, see {@code platform/traditional-simplified.txt}); pinyin that a repost
     * site glued into the text after a character ("小區(qū)", "內(nèi)蒙古") is dropped. {@code null} → "".
     */
    public static String compact(String s) {
        if (s == null) {
            return "";
        }
        StringBuilder out = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '(' && i > 0 && Character.UnicodeScript.of(s.charAt(i - 1)) == Character.UnicodeScript.HAN) {
                int end = pinyinEnd(s, i + 1);
                if (end > 0) {
                    i = end;
                    continue;
                }
            }
            if (Character.isWhitespace(c) || Character.isSpaceChar(c) || c == '\uFEFF' || c == '\u200B') {
                continue;
            }
            if (c >= '\uFF01' && c <= '\uFF5E') {
                c = (char) (c - 0xFEE0);
            } else if (SIMPLIFIED[c] != 0) {
                c = SIMPLIFIED[c];
            }
            out.append(c);
        }
        return out.toString();
    }

    /** The index of the ")" closing a pinyin syllable with a tone mark that starts at {@code from}, or -1. */
    private static int pinyinEnd(String s, int from) {
        boolean toneMark = false;
        int i = from;
        while (i < s.length() && i - from <= 6) {
            char c = s.charAt(i);
            if (c == ')') {
                return toneMark && i > from ? i : -1;
            }
            if (TONED.indexOf(c) >= 0) {
                toneMark = true;
            } else if (c < 'a' || c > 'z') {
                return -1;
            }
            i++;
        }
        return -1;
    }

    private static final String TONED = "āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜü";

    private static char[] simplifiedTable() {
        char[] table = new char[Character.MAX_VALUE + 1];
        read("/platform/traditional-simplified.txt", table);
        read("/platform/variants.txt", table);
        return table;
    }

    private static void read(String resource, char[] table) {
        try (InputStream in = Labels.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("缺少资源 " + resource);
            }
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                if (line.length() == 3 && line.charAt(1) == ' ') {
                    table[line.charAt(0)] = line.charAt(2);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
