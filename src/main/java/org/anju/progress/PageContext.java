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
 * What every progress page starts from: the region (default: the user's own) and the month (default:
 * the latest month with figures for it, else last month), plus the breadcrumb above the region.
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

    private Region region(String regionCode) {
        return regionCode == null || regionCode.isBlank() ? access.current().region()
                : regions.byCode(regionCode.strip()).orElseThrow(() -> new org.anju.platform.NotFound("地区不存在：" + regionCode));
    }

    private Choice choice(Region region, String period, java.util.function.Predicate<Region> readable) {
        YearMonth month;
        if (period == null || period.isBlank()) {
            List<YearMonth> months = rollups.periods(region.id());
            month = months.isEmpty() ? YearMonth.now(ZoneId.of("Asia/Shanghai")).minusMonths(1) : months.getLast();
        } else {
            month = Periods.parse(period);
        }
        List<Region> children = regions.children(region).stream()
                .filter(r -> r.kind() != org.anju.region.RegionKind.GROUP).toList();
        return new Choice(region, month, regions.ancestors(region).stream().filter(readable).toList(), children);
    }
}
