package org.anju.plan.imports;

import java.time.DateTimeException;
import java.time.YearMonth;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The month a progress table is "as of", as documents print it: 截至2023年9月末, （截止12月底）, 2023年1—12月,
 * 1-9月份, 2023年12月底. A month without a year takes the year given (the table's), else none is read.
 */
final class PeriodText {

    /** 截至2023年9月末, 截止12月底, 截至8月底: the month after 截至/截止. */
    private static final Pattern AS_OF = Pattern.compile("截[至止](?:到)?(?:((?:19|20)\\d{2})年)?(\\d{1,2})月");
    /** 2023年1—12月, 1-9月份: the last month of a range starting in January. */
    private static final Pattern RANGE = Pattern.compile(
            "(?:((?:19|20)\\d{2})年)?1(?:月)?(?:-|—|–|~|－|至|--|——)+(\\d{1,2})月");
    /** 2023年12月底, 12月末. */
    private static final Pattern MONTH_END = Pattern.compile("(?:((?:19|20)\\d{2})年)?(\\d{1,2})月(?:底|末)");

    private PeriodText() {
    }

    /** The month the text says, or null; {@code year} fills in a month printed without one (may be null). */
    static YearMonth find(String text, Integer year) {
        if (text == null) {
            return null;
        }
        String t = Text.compact(text);
        for (Pattern p : new Pattern[] {AS_OF, RANGE, MONTH_END}) {
            Matcher m = p.matcher(t);
            if (m.find()) {
                Integer y = m.group(1) != null ? Integer.valueOf(m.group(1)) : year;
                if (y == null) {
                    return null;
                }
                try {
                    return YearMonth.of(y, Integer.parseInt(m.group(2)));
                } catch (DateTimeException e) {
                    return null;
                }
            }
        }
        return null;
    }
}
