package org.anju.plan.imports;

import java.util.regex.Pattern;

/**
 * Row labels as tables print them: numbered ("1.芝罘区", "其中:1.历下区", "（一）"), with a colon
 * ("全市小计:"), and the many ways of saying "total" (合计, 总计, 小计, 全市小计, 全省合计, 全国).
 */
final class RowLabels {

    private static final Pattern NUMBERING = Pattern.compile(
            "^(?:其中[:：]?)?(?:\\d{1,3}[.、．]|[(（][一二三四五六七八九十\\d]{1,3}[)）]|[一二三四五六七八九十]{1,3}[、.．]|[①-⑳])?");
    private static final Pattern TRAILING = Pattern.compile("[:：、,，.。]+$");
    private static final Pattern TOTAL = Pattern.compile(
            "(?:全(?:省|市|县|区|州|盟|国|旗)|本(?:省|市|县|区)|总|各地)?(?:合计|总计|小计|共计|汇总)|全(?:省|市|县|区|州|盟|国|旗)|全国总计|总合计");

    /**
     * Labels cleaned before: a national plan's 3,211 region names recur in each of its seven tables, and each label was
     * cleaned three times (reading the rows, inferring the issuer, the stated totals' names) — 10 % of the importing
     * thread's time (JFR, seventeenth session). Small, and cleared when full: an upload's labels are anyone's text, and
     * the map lives as long as the JVM (50,000 labels of 200 characters kept 46 MB — review of the seventeenth session).
     */
    private static final java.util.Map<String, String> CLEANED = new java.util.concurrent.ConcurrentHashMap<>();
    private static final int CLEANED_MAX = 10_000;
    private static final int CLEANED_LENGTH = 64;

    private RowLabels() {
    }

    /** The label in the compared form, without numbering, "其中" and trailing punctuation. */
    static String clean(String printed) {
        if (printed == null) {
            return cleanNow(null);
        }
        String known = CLEANED.get(printed);
        if (known != null) {
            return known;
        }
        if (CLEANED.size() >= CLEANED_MAX) {
            CLEANED.clear();
        }
        String c = cleanNow(printed);
        if (printed.length() <= CLEANED_LENGTH) {
            CLEANED.put(printed, c);
        }
        return c;
    }

    private static String cleanNow(String printed) {
        String c = Text.compact(printed);
        String previous;
        do {
            previous = c;
            c = NUMBERING.matcher(c).replaceFirst("");
            c = TRAILING.matcher(c).replaceFirst("");
        } while (!c.equals(previous) && !c.isEmpty());
        return c;
    }

    /** Whether a cleaned label names a total (of the issuer, or of the region in the column beside it). */
    static boolean isTotal(String cleaned) {
        return !cleaned.isEmpty() && TOTAL.matcher(cleaned).matches();
    }
}
