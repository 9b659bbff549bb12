package org.anju.progress;

import java.time.DateTimeException;
import java.time.YearMonth;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Months as users and URLs write them: 2023-12 (also 2023-1, 2023-12-31, 2023年12月, 2023/12, 202312). */
public final class Periods {

    private static final Pattern MONTH = Pattern.compile("(\\d{4})\\s*[-/.年]\\s*(\\d{1,2})\\s*(?:月|[-/.]\\d{1,2}日?)?");
    /** 202312, as a month picker-less form or a spreadsheet may give it. */
    private static final Pattern COMPACT = Pattern.compile("(\\d{4})(\\d{2})");

    private Periods() {
    }

    /** @throws IllegalArgumentException with a Chinese message for anything else */
    public static YearMonth parse(String text) {
        if (text == null || text.isBlank()) {
            throw new org.anju.platform.BadInput("缺少参数 period（月份，如 2023-12）");
        }
        Matcher m = MONTH.matcher(text.strip());
        if (!m.matches()) {
            m = COMPACT.matcher(text.strip());
        }
        if (m.matches()) {
            int year = Integer.parseInt(m.group(1));
            if (year < 1990 || year > 2100) {
                // 0000-01 is a valid ISO month but no month of this program: a typo, never a period to compose
                throw new org.anju.platform.BadInput("参数 period（月份）的值「" + text.strip() + "」不对：年份应在 1990 至 2100 之间");
            }
            try {
                return YearMonth.of(year, Integer.parseInt(m.group(2)));
            } catch (DateTimeException e) {
                // falls through
            }
        }
        throw new org.anju.platform.BadInput("参数 period（月份）的值「" + text.strip() + "」不对：应为 2023-12、2023年12月 或 202312");
    }
}
