package org.anju.calendar;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the days off and the weekend days worked out of a notice's text — the numbered items
 * ({@code 二、春节：1月28日（农历除夕、周二）至2月4日（农历正月初七、周二）放假调休，共8天。1月26日（周日）、2月8日（周六）上班。}).
 * Strict: every sentence of an item must be one of the known forms, every stated weekday must be the date's, every
 * stated count of days the range's length, every day worked a weekend day; anything else fails, so a new wording is
 * read by a person, not guessed at. Sentences that encourage (鼓励…) arrange nothing and are left out: 2024's
 * "鼓励各单位…安排职工在除夕（2月9日）休息" leaves 2024-02-09 a working day.
 */
final class NoticeParser {

    private static final Pattern ITEM = Pattern.compile("([一二三四五六七八九十]+)、([^：]+)：(.+)");
    private static final Pattern DATE = Pattern.compile("(?:(\\d{4})年)?(?:(\\d{1,2})月)?(\\d{1,2})日(?:（([^）]*)）)?");
    private static final Pattern COUNT = Pattern.compile("(?:共|放假)(\\d+)天");
    /** What may follow 放假 in a sentence: nothing else (补休 of older notices, say) is understood. */
    private static final Pattern OFF_TAIL = Pattern.compile("放假(?:调休)?(?:\\d+天)?(?:，(?:共\\d+天|不调休|与周末连休))?");
    private static final String NUMERALS = "一二三四五六七八九十";
    private static final Map<String, DayOfWeek> WEEKDAYS = Map.of("一", DayOfWeek.MONDAY, "二", DayOfWeek.TUESDAY,
            "三", DayOfWeek.WEDNESDAY, "四", DayOfWeek.THURSDAY, "五", DayOfWeek.FRIDAY, "六", DayOfWeek.SATURDAY,
            "日", DayOfWeek.SUNDAY, "天", DayOfWeek.SUNDAY);

    private NoticeParser() {
    }

    static List<CalendarDay> parse(int year, String text) {
        List<CalendarDay> days = new ArrayList<>();
        int expected = 1;
        for (String line : text.lines().map(String::strip).toList()) {
            Matcher item = ITEM.matcher(line);
            if (!item.matches()) {
                continue;                                 // salutation, preamble, closing, signature
            }
            if (!item.group(1).equals(numeral(expected))) {
                throw new IllegalStateException(year + "：第" + numeral(expected) + "项缺失或次序不对：" + line);
            }
            expected++;
            String holiday = item.group(2);
            for (String sentence : item.group(3).split("。")) {
                if (sentence.isBlank() || sentence.startsWith("鼓励")) {
                    continue;
                }
                if (sentence.endsWith("上班")) {
                    for (LocalDate d : dates(year, sentence)) {
                        if (d.getDayOfWeek() != DayOfWeek.SATURDAY && d.getDayOfWeek() != DayOfWeek.SUNDAY) {
                            throw new IllegalStateException(year + "：上班日不是周末：" + d + "（" + sentence + "）");
                        }
                        days.add(new CalendarDay(d, DayKind.WORK, holiday, year));
                    }
                } else if (sentence.contains("放假")) {
                    days.addAll(off(year, holiday, sentence));
                } else {
                    throw new IllegalStateException(year + "：读不懂的句子（既非放假也非上班）：" + sentence);
                }
            }
        }
        if (expected == 1) {
            throw new IllegalStateException(year + "：没有找到编号的放假安排（一、元旦：…）");
        }
        Set<LocalDate> seen = new HashSet<>();
        for (CalendarDay d : days) {
            if (!seen.add(d.date())) {
                throw new IllegalStateException(year + "：日期出现两次：" + d.date());
            }
        }
        days.sort(Comparator.comparing(CalendarDay::date));
        return days;
    }

    /** "10月1日（周三）至8日（周三）放假调休，共8天" → the days of the range, their count checked. */
    private static List<CalendarDay> off(int year, String holiday, String sentence) {
        String range = sentence.substring(0, sentence.indexOf("放假"));
        if (!OFF_TAIL.matcher(sentence.substring(range.length())).matches()) {
            throw new IllegalStateException(year + "：读不懂放假之后的说明：" + sentence);
        }
        List<LocalDate> ends = dates(year, range);
        String[] parts = range.split("至");
        if (ends.size() != parts.length || ends.size() > 2) {
            throw new IllegalStateException(year + "：放假的日期应为一天或“某日至某日”：" + sentence);
        }
        LocalDate first = ends.getFirst();
        LocalDate last = ends.getLast();
        if (last.isBefore(first)) {
            throw new IllegalStateException(year + "：放假的结束日早于开始日：" + sentence);
        }
        List<CalendarDay> days = new ArrayList<>();
        for (LocalDate d = first; !d.isAfter(last); d = d.plusDays(1)) {
            days.add(new CalendarDay(d, DayKind.OFF, holiday, year));
        }
        Matcher count = COUNT.matcher(sentence);
        if (count.find() && Integer.parseInt(count.group(1)) != days.size()) {
            throw new IllegalStateException(year + "：写明共" + count.group(1) + "天，日期却是" + days.size() + "天：" + sentence);
        }
        return days;
    }

    /** The dates of a phrase, a missing year being the notice's and a missing month the previous date's. */
    private static List<LocalDate> dates(int year, String phrase) {
        List<LocalDate> dates = new ArrayList<>();
        Matcher m = DATE.matcher(phrase);
        int y = year;
        Integer month = null;
        while (m.find()) {
            if (m.group(1) != null) {
                y = Integer.parseInt(m.group(1));
            }
            if (m.group(2) != null) {
                month = Integer.parseInt(m.group(2));
            }
            if (month == null) {
                throw new IllegalStateException(year + "：日期没有月份：" + phrase);
            }
            LocalDate d = LocalDate.of(y, month, Integer.parseInt(m.group(3)));
            if (m.group(4) != null) {
                checkWeekday(d, m.group(4), phrase);
            }
            dates.add(d);
        }
        if (dates.isEmpty()) {
            throw new IllegalStateException(year + "：没有日期：" + phrase);
        }
        return dates;
    }

    /** "（农历除夕、周二）", "（星期日）": the stated weekday must be the date's. */
    private static void checkWeekday(LocalDate d, String note, String phrase) {
        for (String part : note.split("、")) {
            String w = part.startsWith("星期") ? part.substring(2) : part.startsWith("周") ? part.substring(1) : null;
            if (w != null && WEEKDAYS.get(w) != d.getDayOfWeek()) {
                throw new IllegalStateException("“" + part + "”与 " + d + "（" + d.getDayOfWeek() + "）不符：" + phrase);
            }
        }
    }

    private static String numeral(int n) {
        if (n <= 10) {
            return String.valueOf(NUMERALS.charAt(n - 1));
        }
        throw new IllegalStateException("超过十项");
    }
}
