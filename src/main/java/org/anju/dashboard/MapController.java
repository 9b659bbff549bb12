package org.anju.dashboard;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.anju.account.Requirement;
import org.anju.account.Requires;
import org.anju.platform.BadInput;
import org.anju.progress.PageContext;
import org.anju.progress.Progress;
import org.anju.progress.ProgressLine;
import org.anju.progress.ProgressSummary;
import org.anju.progress.Rates;
import org.anju.region.Region;
import org.anju.region.RegionKind;
import org.anju.region.Regions;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The dashboard's map: a region's child units coloured by one of the rates the dashboard shows, with the figures
 * behind each rate, 未报 where a unit reported nothing (never 0 %), and whether the boundary files draw the unit
 * ({@link GeoIndex}; 开发区, 市本级, 兵团 are listed beside the map). Read like the dashboard: the region must be in the
 * reader's subtree ({@code Access.canRead} through {@link PageContext}).
 */
@RestController
@Tag(name = "总览地图", description = "首页地图：下级单位按所选完成率着色，未报单位单列，无边界图的单位（开发区、市本级等）列在图旁")
class MapController {

    private static final Pattern STATISTICAL = Pattern.compile("\\d{6}000000");

    private final PageContext context;
    private final Progress progress;
    private final Regions regions;
    private final GeoIndex geo;

    MapController(PageContext context, Progress progress, Regions regions, GeoIndex geo) {
        this.context = context;
        this.progress = progress;
        this.regions = regions;
        this.geo = geo;
    }

    /** A region as the map names it. */
    record Place(String code, String name, String kind) {
        static Place of(Region r) {
            return new Place(r.code(), r.name(), r.kind().label());
        }
    }

    /** A rate the map can colour by: the indicator's code and the dashboard's label for it (棚户区改造开工率). */
    record RateChoice(String code, String label, String rateName, String measure) {
    }

    /**
     * One child unit.
     *
     * @param adcode      the 6-digit code its polygon has (null for units that are no division)
     * @param hasPolygon  whether the map's file draws it; if not it is listed beside the map
     * @param drillable   whether it has units below to show (a click opens its own map)
     * @param rate        the chosen rate, null when 未报 or without a target
     * @param rateText    as the dashboard prints it: 54.0%, 未报, —
     * @param unreported  no unit below it reported the month: 未报, not 0
     */
    record Unit(String code, String name, String kind, String adcode, boolean hasPolygon, boolean drillable,
                BigDecimal rate, String rateText, boolean unreported, BigDecimal actual, String actualText,
                BigDecimal target, String targetText, String measure, int reported, int expected, String reportingText) {
    }

    /**
     * The map of one region and month.
     *
     * @param geo   the boundary file drawing the children (/geo/{geo}.json), null when there is none (a county, a city
     *              without counties): then every unit is listed
     * @param path  the breadcrumb above the region, from the reader's own region down
     * @param rate  the rate the units are coloured by, null when the region has none this month
     * @param rates every rate that can be chosen (the dashboard's cards)
     * @param note  what the map did instead of what was asked (a drill-down into a region without the parent's rate
     *              falls back to the region's first rate, as the dashboard does), null otherwise
     */
    record MapView(Place region, String period, String periodText, List<Place> path, String geo, RateChoice rate,
                   List<RateChoice> rates, String note, List<Unit> units) {
    }

    @GetMapping("/api/dashboard/map")
    @org.springframework.transaction.annotation.Transactional(readOnly = true) // one snapshot, on the replica if configured
    @Requires(Requirement.READ_SCOPED)
    @Operation(summary = "地图数据：某地区某月各下级单位的完成率（含未报）与是否有边界图",
            description = "region：地区代码（默认本人所在地区）；period：月份，如 2023-12（默认有数据的最近月份）；"
                    + "rate：指标代码（默认首页的第一项完成率），可选值见返回的 rates")
    MapView map(@RequestParam(required = false) String region, @RequestParam(required = false) String period,
                @RequestParam(required = false) String rate) {
        String code = region == null || region.isBlank() ? null : known(region.strip());
        PageContext.Choice c = context.choose(code, period);
        ProgressSummary summary = progress.summary(c.region(), c.period());
        List<ProgressLine> rated = DashboardPages.rated(summary);
        Map<String, String> labels = ProgressLine.rateLabels(rated);
        List<RateChoice> choices = rated.stream()
                .map(l -> new RateChoice(l.indicatorCode(), labels.get(l.indicatorCode()), l.rateName(), l.measure()))
                .toList();
        RateChoice chosen = choose(rate, choices);
        String note = null;
        if (rate != null && !rate.isBlank() && (chosen == null || !chosen.code().equals(rate.strip()))) {
            // a real indicator this region has no rate for: like the dashboard, fall back and say so
            String asked = progress.indicators().byCode(rate.strip()).map(i -> i.displayName())
                    .orElse(rate.strip());
            note = c.region().name() + "没有「" + asked + "」的完成率，" + (chosen == null ? "本月没有可着色的完成率"
                    : "改按「" + chosen.label() + "」着色");
        }
        Optional<String> file = geo.fileOf(c.region());
        List<ProgressSummary> summaries = progress.summaries(c.children(), c.period());
        List<Unit> units = java.util.stream.IntStream.range(0, summaries.size())
                .mapToObj(k -> unit(c.children().get(k), summaries.get(k), chosen, file.orElse(null)))
                .toList();
        return new MapView(Place.of(c.region()), c.period().toString(),
                c.period().getYear() + "年" + c.period().getMonthValue() + "月",
                c.path().stream().map(Place::of).toList(), file.orElse(null), chosen, choices, note, units);
    }

    /** The region's code as stored; a 12-digit statistical code of a county or above is read by its first six digits. */
    private String known(String code) {
        Optional<Region> r = regions.byCode(code);
        if (r.isEmpty() && STATISTICAL.matcher(code).matches()) {
            r = regions.byCode(code.substring(0, 6));
        }
        Region found = r.orElseThrow(() -> new BadInput("参数 region 的值「" + code
                + "」不对：没有这个地区。应为地区代码，如 360700（赣州市）、360702（章贡区）或 361100-SB（上饶市本级）"));
        if (found.kind().local()) {
            throw new BadInput("参数 region 的值「" + code + "」不对：" + found.name() + "是" + found.kind().label()
                    + "单位，不填报月度进度，地图只到县级。应为县级或以上的地区代码，如 " + found.code().substring(0, 6));
        }
        return found.code();
    }

    /**
     * The rate asked for; the region's first when none is asked or when the region has no rate of that (real)
     * indicator; a code that is no indicator at all is refused, naming the codes allowed.
     */
    private RateChoice choose(String rate, List<RateChoice> choices) {
        RateChoice first = choices.isEmpty() ? null : choices.getFirst();
        if (rate == null || rate.isBlank()) {
            return first;
        }
        if (progress.indicators().byCode(rate.strip()).isPresent()) {
            return choices.stream().filter(ch -> ch.code().equals(rate.strip())).findFirst().orElse(first);
        }
        return choices.stream().filter(ch -> ch.code().equals(rate.strip())).findFirst()
                .orElseThrow(() -> new BadInput("参数 rate 的值「" + rate.strip() + "」不对："
                        + (choices.isEmpty() ? "该地区本月没有可计算的完成率，请不带 rate 参数"
                        : "应为以下指标代码之一：" + choices.stream().map(ch -> ch.code() + "（" + ch.label() + "）")
                        .collect(Collectors.joining("、")))));
    }

    /** A child's figures for the chosen rate, printed as the dashboard's table prints them. */
    private Unit unit(Region child, ProgressSummary s, RateChoice chosen, String file) {
        ProgressLine line = chosen == null ? null : s.line(chosen.code()).orElse(null);
        boolean unreported = line != null ? line.unreported() : s.unreported() && s.expected() > 0;
        String rateText = line != null ? line.rateText() : unreported ? ProgressLine.UNREPORTED : Rates.NONE;
        BigDecimal actual = line == null || line.unreported() ? null : line.actual();
        BigDecimal target = line == null ? null : line.target();
        boolean drillable = !child.kind().reports() && regions.children(child).stream()
                .anyMatch(r -> r.kind() != RegionKind.GROUP);
        return new Unit(child.code(), child.name(), child.kind().label(), GeoIndex.adcode(child).orElse(null),
                geo.draws(file, child), drillable,
                unreported || line == null ? null : line.rate(), rateText, unreported,
                actual, line == null ? Rates.NONE : line.actualText(), target, Rates.figure(target),
                line == null ? (chosen == null ? null : chosen.measure()) : line.measure(),
                s.reported(), s.expected(), s.reportingText());
    }
}
