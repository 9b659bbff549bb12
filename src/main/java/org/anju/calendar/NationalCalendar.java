package org.anju.calendar;

import org.anju.platform.Conflict;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.MonthDay;
import java.util.Collection;
import java.util.Collections;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The loaded notices and the days they name, immutable. Knows which dates it can answer for: those of a year whose
 * notice is loaded — and, from 25 December on, only if the next year's notice is loaded too, since that notice may
 * change late December (2019's made 2018-12-29 a working day and 2018-12-30/31 days off; 2008's, 2012's and 2023's
 * reached back into December as well).
 */
final class NationalCalendar {

    /** From this day of December on, the next year's notice may change the day. */
    static final MonthDay NEXT_NOTICE_REACHES_BACK_TO = MonthDay.of(12, 25);

    private final SortedMap<Integer, HolidayNotice> notices;
    private final Map<LocalDate, CalendarDay> days;

    NationalCalendar(Collection<HolidayNotice> notices, Collection<CalendarDay> days) {
        this.notices = Collections.unmodifiableSortedMap(new TreeMap<>(notices.stream()
                .collect(Collectors.toMap(HolidayNotice::year, Function.identity()))));
        this.days = days.stream().collect(Collectors.toUnmodifiableMap(CalendarDay::date, Function.identity()));
    }

    SortedMap<Integer, HolidayNotice> notices() {
        return notices;
    }

    boolean loaded(int year) {
        return notices.containsKey(year);
    }

    /** Refuses a date the loaded notices cannot answer for, saying which notice to load. */
    void checkKnown(LocalDate date) {
        int year = date.getYear();
        if (!loaded(year)) {
            throw new Conflict("没有" + year + "年的放假安排，无法判断" + date + "是否为工作日（不按“只有周末休息”推算）。"
                    + "请载入《" + title(year) + "》" + howToLoad(year) + loadedYears());
        }
        if (!MonthDay.from(date).isBefore(NEXT_NOTICE_REACHES_BACK_TO) && !loaded(year + 1)) {
            throw new Conflict(date + "在" + year + "年12月下旬，" + (year + 1) + "年的放假通知可能调整这几天"
                    + "（如2019年的通知使2018年12月29日上班、12月30日至31日放假），尚未载入，无法判断是否为工作日。"
                    + "请载入《" + title(year + 1) + "》" + howToLoad(year + 1) + loadedYears());
        }
    }

    static String title(int year) {
        return "国务院办公厅关于" + year + "年部分节假日安排的通知";
    }

    private static String howToLoad(int year) {
        return "（原文存为 src/main/resources/calendar/" + year + ".txt，推导出 " + year + ".csv，重启后载入；见 docs/DATA-SOURCES.md）";
    }

    private String loadedYears() {
        return notices.isEmpty() ? "。目前没有载入任何年份" : "。目前已载入：" + notices.keySet().stream()
                .map(y -> y + "年").collect(Collectors.joining("、"));
    }

    /** The national status of a known date (checked). */
    DayStatus status(LocalDate date) {
        checkKnown(date);
        CalendarDay d = days.get(date);
        if (d != null) {
            return d.kind() == DayKind.OFF ? new DayStatus(date, false, d.holiday() + "放假")
                    : new DayStatus(date, true, d.holiday() + "调休上班");
        }
        return weekend(date) ? new DayStatus(date, false, "周末") : new DayStatus(date, true, "工作日");
    }

    /** The day a notice names, if any. */
    CalendarDay day(LocalDate date) {
        return days.get(date);
    }

    Collection<CalendarDay> days() {
        return days.values();
    }

    static boolean weekend(LocalDate date) {
        DayOfWeek w = date.getDayOfWeek();
        return w == DayOfWeek.SATURDAY || w == DayOfWeek.SUNDAY;
    }
}
