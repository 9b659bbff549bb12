package org.anju.dashboard;

import org.anju.account.Requirement;
import org.anju.account.Requires;
import org.anju.progress.PageContext;
import org.anju.progress.Progress;
import org.anju.progress.ProgressLine;
import org.anju.progress.ProgressSummary;
import org.anju.progress.ProgressTables;
import org.anju.platform.Table;
import org.anju.platform.TableXlsx;
import org.anju.platform.Titles;
import org.anju.project.Projects;
import org.anju.region.Region;
import org.anju.reminder.Reminders;
import org.anju.report.ReportInbox;
import org.anju.report.Reports;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import tools.jackson.databind.json.JsonMapper;

import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The home page of a signed-in user: the rates of their region (or a region below it) for a month, the
 * children's rates as a table and a bar chart to drill down, and the rates month by month through the year.
 * A county sees its own figures and projects. Charts are drawn by /js/charts.js from the data attributes
 * (no inline script under the Content-Security-Policy).
 */
@Controller
class DashboardPages {

    /** The rates an official watches first, in this order; every rate of the region is in the table below. */
    static final List<String> KEY_RATES = List.of("开工率", "基本建成率", "完工率", "完成投资率", "拨付率", "发放完成率");
    /** At most this many lines in the trend chart (the key rates of the region, in order). */
    static final int TREND_LINES = 8;

    private final Progress progress;
    private final PageContext context;
    private final ReportInbox reports;
    private final Projects projects;
    private final JsonMapper json;
    private final Reminders reminders;

    DashboardPages(Progress progress, PageContext context, ReportInbox reports, Projects projects, JsonMapper json,
                   Reminders reminders) {
        this.reminders = reminders;
        this.progress = progress;
        this.context = context;
        this.reports = reports;
        this.projects = projects;
        this.json = json;
    }

    /** A child's line of the drill-down table and chart. */
    record ChildLine(Region region, ProgressSummary summary) {
    }

    @GetMapping("/dashboard")
    @org.springframework.transaction.annotation.Transactional(readOnly = true) // one snapshot, on the replica if configured
    @Requires(Requirement.READ_SCOPED)
    String dashboard(@RequestParam(required = false) String region, @RequestParam(required = false) String period,
                     @RequestParam(required = false) String indicator, Model model) {
        PageContext.Choice c = context.choose(region, period);
        ProgressSummary summary = progress.summary(c.region(), c.period());
        List<ProgressLine> rated = rated(summary);
        if (indicator != null && !indicator.isBlank() && progress.indicators().byCode(indicator).isEmpty()) {
            // a known indicator this region has no rate for falls back (a drill-down keeps its parent's); no code at all is refused
            throw new org.anju.platform.BadInput("参数 indicator 的值「" + indicator + "」不对：应为指标代码，如 RENTAL_SUBSIDY.ISSUE.HOUSEHOLD");
        }
        String chosen = indicator != null && rated.stream().anyMatch(l -> l.indicatorCode().equals(indicator)) ? indicator
                : rated.isEmpty() ? null : rated.getFirst().indicatorCode();
        // every child's roll-up in one query each for sums, counts and partly reported units (not one per child)
        List<ProgressSummary> childSummaries = progress.summaries(c.children(), c.period());
        List<ChildLine> children = java.util.stream.IntStream.range(0, childSummaries.size())
                .mapToObj(k -> new ChildLine(c.children().get(k), childSummaries.get(k))).toList();

        model.addAttribute("choice", c);
        model.addAttribute("reminders", reminders.mine());
        model.addAttribute("summary", summary);
        model.addAttribute("rated", rated);
        Map<String, String> labels = ProgressLine.rateLabels(rated);
        model.addAttribute("labels", labels);
        model.addAttribute("indicator", chosen);
        model.addAttribute("children", children);
        model.addAttribute("completeness", reports.completeness(c.region().code(), c.period()).getFirst());
        model.addAttribute("barChart", chosen == null || children.isEmpty() ? null : barChart(c, children, chosen, rated, labels));
        model.addAttribute("trendChart", rated.isEmpty() ? null : trendChart(c.region(), c.period(), rated, labels));
        if (Reports.REPORTING.contains(c.region().kind())) {
            // a county-level unit: its own projects of the year with their progress
            model.addAttribute("projects", projects.list(c.region().code(), c.period().getYear(), null, null, c.period(), 0));
        }
        return "dashboard/index";
    }

    /** The region's rates the page shows (cards, table columns, the map's choices), the key rates first. */
    static List<ProgressLine> rated(ProgressSummary summary) {
        // a rate nobody reported is shown as 未报 beside its target, not left out and not 0; one left blank as 未填
        return summary.lines().stream()
                .filter(l -> l.rateName() != null
                        && (l.rate() != null || (l.unreported() || l.unfilled() > 0) && l.target() != null))
                .sorted(java.util.Comparator.comparingInt(l -> KEY_RATES.contains(l.rateName())
                        ? KEY_RATES.indexOf(l.rateName()) : KEY_RATES.size()))
                .toList();
    }

    /**
     * The dashboard's tables as a workbook: the region's rates (the cards), the units below (the drill-down table)
     * and, for a county, its projects — the same region and month as the page.
     */
    @GetMapping(value = "/dashboard", params = "format=xlsx")
    @org.springframework.transaction.annotation.Transactional(readOnly = true) // one snapshot, on the replica if configured
    @Requires(Requirement.READ_SCOPED)
    org.springframework.http.ResponseEntity<byte[]> xlsx(@RequestParam(required = false) String region,
                                                         @RequestParam(required = false) String period) {
        PageContext.Choice c = context.choose(region, period);
        ProgressSummary summary = progress.summary(c.region(), c.period());
        List<ProgressLine> rated = rated(summary);
        Map<String, String> labels = ProgressLine.rateLabels(rated);
        String name = c.region().name();
        String unitLine = Titles.unitLine(name, c.period());
        List<Table> tables = new ArrayList<>();
        List<List<Table.Cell>> rows = new ArrayList<>();
        for (ProgressLine l : rated) {
            rows.add(List.of(Table.Cell.text(labels.get(l.indicatorCode())), ProgressTables.actual(l),
                    Table.Cell.figure(l.target()), Table.Cell.text(l.measure() == null ? "" : l.measure()), ProgressTables.rate(l)));
        }
        tables.add(Table.of("进度概览", name + Titles.yearToDate(c.period()) + "保障性安居工程主要指标完成情况", unitLine
                        + "　报送情况：" + summary.reportingText(), List.of("指标", "累计完成", "目标/基数", "计量单位", "比率"), rows, null));
        if (!c.children().isEmpty()) {
            tables.add(ProgressTables.childRates("下级单位", name + Titles.yearToDate(c.period()) + "各地主要指标完成率",
                    unitLine, rated, labels, progress.summaries(c.children(), c.period())));
        }
        if (Reports.REPORTING.contains(c.region().kind())) {
            // every project of the year, not only the page's first page
            var list = projects.list(c.region().code(), c.period().getYear(), null, null, c.period(), 0);
            List<org.anju.project.ProjectView> all = new ArrayList<>(list.projects());
            for (int page = 1; all.size() < list.total() && !list.projects().isEmpty(); page++) {
                var more = projects.list(c.region().code(), c.period().getYear(), null, null, c.period(), page).projects();
                if (more.isEmpty()) {
                    break;
                }
                all.addAll(more);
            }
            List<List<Table.Cell>> projectRows = new ArrayList<>();
            for (var v : all) {
                projectRows.add(List.of(Table.Cell.text(v.project().name()), Table.Cell.text(v.project().sizeText()),
                        // as the page: 未开工 when not started by the end of the chosen month
                        Table.Cell.text(v.project().startedText(c.period())),
                        Table.Cell.text(v.project().basicCompletedText(c.period())),
                        Table.Cell.figure(v.investment()), Table.Cell.text(v.imageProgress() == null ? "" : v.imageProgress())));
            }
            tables.add(Table.of("本单位项目", name + c.period().getYear() + "年项目（共 " + list.total() + " 个）", unitLine,
                    List.of("项目名称", "规模", "开工", "基本建成/完工", "累计完成投资（万元）", "形象进度"), projectRows, null));
        }
        return TableXlsx.download(name + Titles.month(c.period()) + "进度概览.xlsx", tables);
    }

    /** The children's rate of one indicator; a click on a bar opens that child's dashboard. */
    private String barChart(PageContext.Choice c, List<ChildLine> children, String indicator, List<ProgressLine> rated,
                            Map<String, String> labels) {
        ProgressLine line = rated.stream().filter(l -> l.indicatorCode().equals(indicator)).findFirst().orElseThrow();
        List<String> names = new ArrayList<>();
        List<BigDecimal> rates = new ArrayList<>();
        List<String> links = new ArrayList<>();
        for (ChildLine child : children) {
            // no bar for a child that did not report, or left the item blank: the gap and its name say so, a 0 would not
            ProgressLine own = child.summary().line(indicator).orElse(null);
            names.add(child.region().name() + (child.summary().unreported() ? "（未报）"
                    : own != null && own.rateUnfilled() ? "（" + own.rateText() + "）" : ""));
            rates.add(child.summary().unreported() ? null : child.summary().rate(indicator));
            links.add("/dashboard?region=" + child.region().code() + "&period=" + c.period() + "&indicator=" + indicator);
        }
        Map<String, Object> chart = new LinkedHashMap<>();
        chart.put("kind", "bar");
        chart.put("title", labels.get(indicator) + "（%）");
        chart.put("categories", names);
        chart.put("series", List.of(Map.of("name", line.rateName(), "data", rates)));
        chart.put("average", line.rate());
        chart.put("links", links);
        return json.writeValueAsString(chart);
    }

    /** The key rates month by month from January to the chosen month (the roll-ups are kept per month). */
    private String trendChart(Region region, YearMonth period, List<ProgressLine> rated, Map<String, String> labels) {
        List<ProgressLine> lines = rated.stream().limit(TREND_LINES).toList();
        List<String> months = new ArrayList<>();
        Map<String, List<BigDecimal>> series = new LinkedHashMap<>();
        lines.forEach(l -> series.put(l.indicatorCode(), new ArrayList<>()));
        for (int m = 1; m <= period.getMonthValue(); m++) {
            YearMonth month = YearMonth.of(period.getYear(), m);
            months.add(m + "月");
            ProgressSummary s = progress.summary(region, month);
            // a month nobody reported is a gap in the line (null), not a fall to 0
            lines.forEach(l -> series.get(l.indicatorCode()).add(s.unreported() ? null : s.rate(l.indicatorCode())));
        }
        Map<String, Object> chart = new LinkedHashMap<>();
        chart.put("kind", "line");
        chart.put("title", period.getYear() + "年逐月进度（%）");
        chart.put("categories", months);
        chart.put("series", lines.stream().map(l -> Map.of("name", labels.get(l.indicatorCode()),
                "data", series.get(l.indicatorCode()))).toList());
        return json.writeValueAsString(chart);
    }
}
