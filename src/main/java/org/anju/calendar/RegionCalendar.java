package org.anju.calendar;

import org.anju.platform.BadInput;

import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One region's working days: the national notices, then the local changes of the region and the regions above it
 * (the nearest first). Immutable: take one from {@link WorkingDays#forRegion} and use it for many computations.
 * A date the loaded notices cannot answer for is refused ({@link org.anju.platform.Conflict}) — wherever a computation
 * reaches it.
 */
public final class RegionCalendar {

    /** Ten years: no deadline is longer; a longer count is a mistake in the request. */
    public static final int MAX_DAYS = 3660;

    private final NationalCalendar national;
    private final String regionName;
    private final Map<LocalDate, LocalAdjustment> local;

    /** @param local the local changes in force for the region, the nearest region's for each date */
    RegionCalendar(NationalCalendar national, String regionName, Map<LocalDate, LocalAdjustment> local) {
        this.national = national;
        this.regionName = regionName;
        this.local = Map.copyOf(local);
    }

    public String regionName() {
        return regionName;
    }

    /** Whether {@code date} is worked here, and why. */
    public DayStatus status(LocalDate date) {
        DayStatus n = national.status(date);
        LocalAdjustment a = local.get(date);
        if (a == null) {
            return n;
        }
        return new DayStatus(date, a.kind() == DayKind.WORK, a.regionName() + "地方调整（" + a.kind().label() + "）："
                + a.reason());
    }

    /** The local change in force here on {@code date}, if any (the nearest region's). */
    public Optional<LocalAdjustment> local(LocalDate date) {
        return Optional.ofNullable(local.get(date));
    }

    /** The local changes in force here, by date. */
    public List<LocalAdjustment> localAdjustments() {
        return local.values().stream().sorted(Comparator.comparing(LocalAdjustment::date)).toList();
    }

    public boolean isWorkingDay(LocalDate date) {
        return status(date).working();
    }

    /**
     * The day a period of {@code days} working days ends: the {@code days}-th working day counted from {@code start}
     * as {@code counting} says. Received on Thursday 2024-09-26, 5 working days from the next day: 09-27, 09-29 (a
     * Sunday worked), 09-30, 10-08, 10-09 — due 2024-10-09.
     */
    public LocalDate addWorkingDays(LocalDate start, int days, Counting counting) {
        checkDays(days, "工作日");
        LocalDate d = counting.firstDay(start);
        int counted = 0;
        while (true) {
            if (isWorkingDay(d) && ++counted == days) {
                return d;
            }
            d = d.plusDays(1);
        }
    }

    /**
     * How many working days of a period starting at {@code start} (counted as {@code counting} says) lie up to and
     * including {@code end}; 0 when none. The inverse of {@link #addWorkingDays}.
     */
    public int workingDaysBetween(LocalDate start, LocalDate end, Counting counting) {
        if (end.isBefore(start)) {
            throw new BadInput("截止日期" + end + "早于开始日期" + start);
        }
        if (end.isAfter(start.plusDays(MAX_DAYS))) {
            throw new BadInput("期间不能超过 " + MAX_DAYS + " 天：" + start + " 至 " + end);
        }
        int n = 0;
        for (LocalDate d = counting.firstDay(start); !d.isAfter(end); d = d.plusDays(1)) {
            if (isWorkingDay(d)) {
                n++;
            }
        }
        return n;
    }

    /**
     * {@code date} if it is worked here, else the next working day — for rules that move a period's last day off a
     * day off (民法典 第203条: 期间的最后一日是法定休假日的，以法定休假日结束的次日为期间的最后一日). The caller decides
     * whether its rule does so.
     */
    public LocalDate firstWorkingDayOnOrAfter(LocalDate date) {
        LocalDate d = date;
        while (!isWorkingDay(d)) {
            d = d.plusDays(1);
        }
        return d;
    }

    /**
     * The last day of a period of {@code days} calendar days from {@code start}: with {@link Counting#START_NEXT_DAY}
     * a 30-day period published on 2024-03-01 runs 03-02 to 03-31. Days off count like any other; whether a last day
     * that is off moves is the caller's rule ({@link #firstWorkingDayOnOrAfter}).
     */
    public static LocalDate addCalendarDays(LocalDate start, int days, Counting counting) {
        checkDays(days, "日");
        return counting.firstDay(start).plusDays(days - 1L);
    }

    static void checkDays(int days, String unit) {
        if (days < 1 || days > MAX_DAYS) {
            throw new BadInput("天数应为 1 到 " + MAX_DAYS + " 之间的整数（" + unit + "）：" + days);
        }
    }
}
