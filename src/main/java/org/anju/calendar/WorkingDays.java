package org.anju.calendar;

import org.anju.account.Access;
import org.anju.account.Actor;
import org.anju.platform.BadInput;
import org.anju.platform.Conflict;
import org.anju.platform.Denied;
import org.anju.platform.NotFound;
import org.anju.region.Region;
import org.anju.region.RegionKind;
import org.anju.region.Regions;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Working days and deadlines, nationally and per region. The national notices are read once (they change only with
 * the files, through a migration at start); a region's local changes are read with each calendar, so that every node
 * sees a change at once. Local changes are entered by province administrators within their province, checked here.
 *
 * <p>Every computation states whether the start day counts ({@link Counting}); a date of a year whose notice is not
 * loaded (and late December before the next year's is) is refused with {@link Conflict}, never guessed.
 */
@Service
public class WorkingDays {

    private final CalendarStore store;
    private final Regions regions;
    private final Access access;
    private final NationalCalendar national;

    WorkingDays(CalendarStore store, Regions regions, Access access) {
        this.store = store;
        this.regions = regions;
        this.access = access;
        this.national = store.national();
    }

    // ------------------------------------------------------------------------------------------ computing

    /** The calendar of {@code region}: the notices and the local changes of the region and the regions above it. */
    public RegionCalendar forRegion(Region region) {
        List<Region> chain = new ArrayList<>(regions.ancestors(region));
        chain.add(region);                                       // root first, the region last
        Map<Integer, Integer> depth = new HashMap<>();
        for (int i = 0; i < chain.size(); i++) {
            depth.put(chain.get(i).id(), i);
        }
        Map<LocalDate, LocalAdjustment> local = new HashMap<>();
        Map<LocalDate, Integer> from = new HashMap<>();
        for (CalendarStore.LocalRow row : store.localDays(depth.keySet())) {
            int d = depth.get(row.regionId());
            if (from.getOrDefault(row.day(), -1) < d) {          // the nearest region's change wins
                from.put(row.day(), d);
                local.put(row.day(), adjustment(row));
            }
        }
        return new RegionCalendar(national, region.name(), local);
    }

    public boolean isWorkingDay(LocalDate date, Region region) {
        return forRegion(region).isWorkingDay(date);
    }

    /** Whether {@code date} is worked in {@code region}, and why. */
    public DayStatus status(LocalDate date, Region region) {
        return forRegion(region).status(date);
    }

    /** @see RegionCalendar#addWorkingDays */
    public LocalDate addWorkingDays(LocalDate start, int days, Region region, Counting counting) {
        return forRegion(region).addWorkingDays(start, days, counting);
    }

    /** @see RegionCalendar#workingDaysBetween */
    public int workingDaysBetween(LocalDate start, LocalDate end, Region region, Counting counting) {
        return forRegion(region).workingDaysBetween(start, end, counting);
    }

    /** @see RegionCalendar#firstWorkingDayOnOrAfter */
    public LocalDate firstWorkingDayOnOrAfter(LocalDate date, Region region) {
        return forRegion(region).firstWorkingDayOnOrAfter(date);
    }

    /** @see RegionCalendar#addCalendarDays */
    public LocalDate addCalendarDays(LocalDate start, int days, Counting counting) {
        return RegionCalendar.addCalendarDays(start, days, counting);
    }

    // ------------------------------------------------------------------------------------------ reading

    /** The loaded notices, by year. */
    public List<HolidayNotice> notices() {
        return List.copyOf(national.notices().values());
    }

    /**
     * A loaded year: its notice, the days it names (including late December of the year before, if it reaches there)
     * and the local changes — in force for {@code region} (nearest first), or all of them when {@code region} is null.
     */
    public YearCalendar year(int year, Region region) {
        HolidayNotice notice = national.notices().get(year);
        if (notice == null) {
            throw new NotFound("没有" + year + "年的放假安排：请载入《" + NationalCalendar.title(year) + "》（见 docs/DATA-SOURCES.md）"
                    + (national.notices().isEmpty() ? "" : "；已载入：" + national.notices().keySet()));
        }
        List<CalendarDay> days = national.days().stream().filter(d -> d.notice() == year)
                .sorted(java.util.Comparator.comparing(CalendarDay::date)).toList();
        List<LocalAdjustment> local = region == null
                ? store.localDaysIn(year).stream().map(this::adjustment).toList()
                : forRegion(region).localAdjustments().stream().filter(a -> a.date().getYear() == year).toList();
        return new YearCalendar(notice, days, local);
    }

    // ------------------------------------------------------------------------------------------ local changes

    /**
     * Makes {@code date} a day off or a working day in {@code region} and below (a local holiday, a local 调休).
     * Province administrators, within their province; the year's notice must be loaded, and the change must change
     * something.
     */
    @Transactional
    public LocalAdjustment addLocalAdjustment(Region region, LocalDate date, DayKind kind, String reason) {
        checkManage(region);
        if (region.kind() == RegionKind.NATION) {
            throw new BadInput("全国的放假安排以国务院办公厅的通知为准：请载入通知，而不是设置地方调整");
        }
        if (region.kind() == RegionKind.GROUP) {
            throw new BadInput(region.name() + "是片区，不是行政区域，不能单独调整工作日：请为其所在的市或各区县设置");
        }
        if (date == null || kind == null) {
            throw new BadInput("请给出日期和类别（OFF 休息或 WORK 上班）");
        }
        String why = reason == null ? "" : reason.strip();
        if (why.isEmpty() || why.length() > 200) {
            throw new BadInput("请写明调整的依据（文件名称、文号），不超过 200 字");
        }
        if (why.chars().anyMatch(Character::isISOControl)) {
            throw new BadInput("调整的依据中不能有换行或控制字符");
        }
        DayStatus before = forRegion(region).status(date);     // refuses a year whose notice is not loaded
        // the region's own adjustment of that day first: the same one sent again (a double-click, a retry) is a Conflict
        // naming it, as the API documents (409) — it was a 400 "本来就是休息日（…地方调整…），无需调整", which told the
        // sender the request was wrong. A day that is so already for another reason (the notice, a weekend, a region
        // above) stays bad input: nothing stored forbids it, the request asks for nothing (double-submit trial, defect 14)
        forRegion(region).local(date).filter(own -> own.regionCode().equals(region.code())).ifPresent(own -> {
            throw new Conflict(region.name() + "已有" + date + "的地方调整（" + own.kind().label() + "：" + own.reason() + "，"
                    + own.createdBy() + " 于 " + org.anju.platform.ChinaTime.atMinute(own.createdAt()) + " 设置）："
                    + (own.kind() == kind ? "无需重复设置" : "请先删除原调整再设置"));
        });
        if (before.working() == (kind == DayKind.WORK)) {
            throw new BadInput(date + "在" + region.name() + "本来就是" + (before.working() ? "工作日" : "休息日")
                    + "（" + before.why() + "），无需调整");
        }
        Actor a = access.current();
        if (!store.insertLocal(region.id(), date, kind, why, a.username())) {
            throw new Conflict(region.name() + "已有" + date + "的地方调整：请先删除原调整再设置");
        }
        return forRegion(region).local(date).orElseThrow();
    }

    /** Removes {@code region}'s own change of {@code date}. */
    @Transactional
    public void removeLocalAdjustment(Region region, LocalDate date) {
        checkManage(region);
        if (!store.deleteLocal(region.id(), date)) {
            throw new NotFound(region.name() + "没有" + date + "的地方调整");
        }
    }

    private void checkManage(Region region) {
        if (!access.canManageReferenceData(region)) {
            Actor a = access.current();
            throw new Denied("无权调整" + region.name() + "的工作日：只有省级管理员可以为本省及其下辖地区设置地方调休"
                    + (a.signedIn() ? "（当前账号：" + a.displayName() + "，" + a.region().name() + "）" : ""));
        }
    }

    private LocalAdjustment adjustment(CalendarStore.LocalRow row) {
        Region r = regions.byId(row.regionId());
        return new LocalAdjustment(r.code(), r.name(), row.day(), row.kind(), row.reason(), row.createdBy(), row.createdAt());
    }
}
