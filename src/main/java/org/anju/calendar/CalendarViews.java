package org.anju.calendar;

import org.anju.platform.BadInput;
import org.anju.platform.NotFound;
import org.anju.region.Region;
import org.anju.region.Regions;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;

/** What the API and the page show, and the parsing of their parameters. */
final class CalendarViews {

    private CalendarViews() {
    }

    /** A loaded notice, without its text. */
    record NoticeView(int year, String title, String documentNumber, LocalDate issuedOn, String officialUrl,
                      String copyUrl) {
        static NoticeView of(HolidayNotice n) {
            return new NoticeView(n.year(), n.title(), n.documentNumber(), n.issuedOn(), n.officialUrl(), n.copyUrl());
        }
    }

    /** A day a notice names. */
    record DayView(LocalDate date, String weekday, DayKind kind, String kindLabel, String holiday) {
        static DayView of(CalendarDay d) {
            return new DayView(d.date(), CalendarViews.weekday(d.date()), d.kind(), d.kind().label(), d.holiday());
        }
    }

    /** A local change. */
    record AdjustmentView(String regionCode, String regionName, LocalDate date, String weekday, DayKind kind,
                          String kindLabel, String reason, String createdBy, java.time.Instant createdAt) {
        static AdjustmentView of(LocalAdjustment a) {
            return new AdjustmentView(a.regionCode(), a.regionName(), a.date(), CalendarViews.weekday(a.date()), a.kind(),
                    a.kind().label(), a.reason(), a.createdBy(), a.createdAt());
        }
    }

    /** A year: the notice (with its text), its days, the local changes (of a region, or all). */
    record YearView(NoticeView notice, String text, List<DayView> days, List<AdjustmentView> localAdjustments) {
        static YearView of(YearCalendar y) {
            return new YearView(NoticeView.of(y.notice()), y.notice().text(), y.days().stream().map(DayView::of).toList(),
                    y.localAdjustments().stream().map(AdjustmentView::of).toList());
        }
    }

    /** The answer to "when is this due". */
    record WorkingDaysAnswer(LocalDate from, int days, Counting counting, String countingLabel, String regionCode,
                             String regionName, LocalDate firstCountedDay, LocalDate due, String dueWeekday) {
    }

    /** Whether a day is worked. */
    record DayAnswer(LocalDate date, String weekday, String regionCode, String regionName, boolean working, String why) {
    }

    /** A local change asked for. */
    record AdjustmentRequest(String regionCode, String date, DayKind kind, String reason) {
    }

    static String weekday(LocalDate d) {
        return "星期" + "一二三四五六日".charAt(d.getDayOfWeek().getValue() - DayOfWeek.MONDAY.getValue());
    }

    static LocalDate date(String name, String value) {
        if (value == null || value.isBlank()) {
            throw new BadInput("缺少日期 " + name + "（如 2024-09-26）");
        }
        try {
            return LocalDate.parse(value.strip());
        } catch (DateTimeParseException e) {
            throw new BadInput("日期 " + name + " 应为 年-月-日（如 2024-09-26）：" + value);
        }
    }

    static Counting counting(String value) {
        try {
            return Counting.valueOf(value == null ? "" : value.strip());
        } catch (IllegalArgumentException e) {
            throw new BadInput("counting 应为 START_NEXT_DAY（开始的当日不计入，自下一日起算）或 START_SAME_DAY（开始的当日计入）："
                    + value);
        }
    }

    static Region region(Regions regions, String code) {
        if (code == null || code.isBlank()) {
            throw new BadInput("缺少地区代码 region（全国为 " + Regions.ROOT_CODE + "）");
        }
        return regions.byCode(code.strip()).orElseThrow(() -> new NotFound("地区代码不存在：" + code));
    }
}
