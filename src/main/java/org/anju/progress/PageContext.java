package org.anju.progress;

import org.anju.account.Access;
import org.anju.region.Region;
import org.anju.region.Regions;
import org.springframework.stereotype.Component;

import java.time.YearMonth;
import java.time.ZoneId;
import java.util.List;
import java.util.NoSuchElementException;

/**
 * What every progress page starts from: the region (default: the user's own) and the month, plus the breadcrumb above
 * the region. The default month is one rule for every analysis page (dashboard, 进度汇总, 督导, 通报, 月报, 项目库, 审核):
 * the latest month in which units of the <em>user's</em> region reported (submitted or approved progress), never a month
 * still to come; last month where nothing was ever reported. So a user opens every page on the same month, whichever
 * region they then look at; the month is shown and changeable on each page.
 */
@Component
public class PageContext {

    private final Regions regions;
    private final Rollups rollups;
    private final Access access;

    PageContext(Regions regions, Rollups rollups, Access access) {
        this.regions = regions;
        this.rollups = rollups;
        this.access = access;
    }

    /** The chosen region and month. */
    public record Choice(Region region, YearMonth period, List<Region> path, List<Region> children) {
    }

    /**
     * The region (checked: the user's subtree) and month of a page showing a region's data; the breadcrumb
     * starts at the user's own region, never above it.
     */
    public Choice choose(String regionCode, String period) {
        Region region = region(regionCode);
        access.checkRead(region);
        return choice(region, period, access::canRead);
    }

    /** The default month of every analysis page for the current user (see the class comment). */
    public YearMonth defaultPeriod() {
        YearMonth now = YearMonth.now(ZoneId.of("Asia/Shanghai"));
        return rollups.latestReported(access.current().region().id(), now).orElse(now.minusMonths(1));
    }

    private Region region(String regionCode) {
        return regionCode == null || regionCode.isBlank() ? access.current().region()
                : regions.byCode(regionCode.strip()).orElseThrow(() -> new org.anju.platform.NotFound("地区不存在：" + regionCode));
    }

    private Choice choice(Region region, String period, java.util.function.Predicate<Region> readable) {
        YearMonth month;
        if (period == null || period.isBlank()) {
            month = defaultPeriod();
        } else {
            month = Periods.parse(period);
        }
        List<Region> children = regions.children(region).stream()
                .filter(r -> r.kind() != org.anju.region.RegionKind.GROUP).toList();
        return new Choice(region, month, regions.ancestors(region).stream().filter(readable).toList(), children);
    }
}
