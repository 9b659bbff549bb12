package org.anju.supervision;

import org.anju.account.Requirement;
import org.anju.account.Requires;
import org.anju.progress.PageContext;
import org.anju.progress.Progress;
import org.anju.progress.ProgressLine;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

import java.util.List;

/** Page: rankings with a chart, below-average units, milestones, 序时进度, stalled projects, projections. */
@Controller
class SupervisionPages {

    private final Supervision supervision;
    private final Progress progress;
    private final PageContext context;

    private final tools.jackson.databind.json.JsonMapper json;

    SupervisionPages(Supervision supervision, Progress progress, PageContext context, tools.jackson.databind.json.JsonMapper json) {
        this.json = json;
        this.supervision = supervision;
        this.progress = progress;
        this.context = context;
    }

    @GetMapping("/supervision")
    @org.springframework.transaction.annotation.Transactional(readOnly = true) // one snapshot, on the replica if configured
    @Requires(Requirement.READ_SCOPED)
    String page(@RequestParam(required = false) String region, @RequestParam(required = false) String period,
                @RequestParam(required = false) String indicator, Model model) {
        PageContext.Choice c = context.choose(region, period);
        String code = c.region().code();
        org.anju.progress.ProgressSummary summary = progress.summary(c.region(), c.period());
        List<ProgressLine> rated = summary.lines().stream()
                .filter(l -> l.rateName() != null && l.target() != null).toList();
        String chosen = chosen(rated, indicator);
        model.addAttribute("choice", c);
        model.addAttribute("rated", rated);
        model.addAttribute("indicator", chosen);
        Ranking ranking = supervision.ranking(code, c.period(), chosen, false);
        model.addAttribute("ranking", ranking);
        // drawn by /js/charts.js (no inline script under the CSP): units below the average in the warning colour
        java.util.Map<String, Object> chart = new java.util.LinkedHashMap<>();
        String rateName = ranking.rateName() == null ? "" : ranking.rateName();
        chart.put("kind", "bar");
        chart.put("title", rateName + "排名（%）");
        chart.put("categories", ranking.units().stream().map(RankedUnit::regionName).toList());
        chart.put("series", List.of(java.util.Map.of("name", rateName,
                "data", ranking.units().stream().map(RankedUnit::rate).toList())));
        chart.put("average", ranking.average());
        chart.put("highlight", ranking.units().stream().map(RankedUnit::belowAverage).toList());
        model.addAttribute("rankingChart", ranking.units().isEmpty() ? null : json.writeValueAsString(chart));
        model.addAttribute("reporting", supervision.reporting(code, c.period()));
        List<MilestoneCheck> checks = supervision.milestoneChecks(code, c.period());
        model.addAttribute("checks", checks);
        // "无" must not read as "all met" when much could not be checked: say how much
        java.util.Map<MilestoneCheck.Status, Long> byStatus = checks.stream()
                .collect(java.util.stream.Collectors.groupingBy(MilestoneCheck::status, java.util.stream.Collectors.counting()));
        List<String> unchecked = new java.util.ArrayList<>();
        for (MilestoneCheck.Status st : List.of(MilestoneCheck.Status.UNREPORTED, MilestoneCheck.Status.NO_DATA,
                MilestoneCheck.Status.MANUAL)) {
            if (byStatus.containsKey(st)) {
                unchecked.add(byStatus.get(st) + " 项" + st.label());
            }
        }
        model.addAttribute("uncheckedText", unchecked.isEmpty() ? null : "另有" + String.join("、", unchecked) + "，见下表");
        // nobody in the scope reported — not merely every unit on the 未报送 list (that list omits those that did)
        model.addAttribute("scopeUnreported", summary.unreported() && summary.expected() > 0);
        model.addAttribute("alerts", checks.stream().filter(x -> x.status() == MilestoneCheck.Status.MISSED)
                .map(MilestoneCheck::alert).toList());
        model.addAttribute("lagging", supervision.laggingOnPage(code, c.period()));
        model.addAttribute("stalled", supervision.stalled(code, c.period()));
        model.addAttribute("overdue", supervision.overdueDeliveries(code, c.period()));
        model.addAttribute("projections", supervision.projections(code, c.period()));
        return "supervision/index";
    }

    /** The ranked indicator: the one asked for, else the region's first rate with a target. */
    private static String chosen(List<ProgressLine> rated, String indicator) {
        return indicator != null && !indicator.isBlank() ? indicator
                : rated.isEmpty() ? "RENTAL_SUBSIDY.ISSUE.HOUSEHOLD" : rated.getFirst().indicatorCode();
    }

    /**
     * The page's tables as a workbook, one sheet each: the same region, month and indicator as the page — and the same
     * lists (低于序时进度 includes the region itself, as the page does: a county's page named it, its sheet was empty).
     */
    @GetMapping(value = "/supervision", params = "format=xlsx")
    @org.springframework.transaction.annotation.Transactional(readOnly = true) // one snapshot, on the replica if configured
    @Requires(Requirement.READ_SCOPED)
    org.springframework.http.ResponseEntity<byte[]> xlsx(@RequestParam(required = false) String region,
                                                         @RequestParam(required = false) String period,
                                                         @RequestParam(required = false) String indicator) {
        PageContext.Choice c = context.choose(region, period);
        String code = c.region().code();
        String name = c.region().name();
        org.anju.progress.ProgressSummary summary = progress.summary(c.region(), c.period());
        List<ProgressLine> rated = summary.lines().stream()
                .filter(l -> l.rateName() != null && l.target() != null).toList();
        Ranking ranking = supervision.ranking(code, c.period(), chosen(rated, indicator), false);
        return org.anju.platform.TableXlsx.download(name + org.anju.platform.Titles.month(c.period()) + "督导.xlsx",
                List.of(SupervisionTables.ranking(ranking, name, c.period()),
                        SupervisionTables.lagging(supervision.laggingOnPage(code, c.period()), name, c.period()),
                        SupervisionTables.checks(supervision.milestoneChecks(code, c.period()), name, c.period()),
                        SupervisionTables.stalled(supervision.stalled(code, c.period()), name, c.period()),
                        SupervisionTables.overdue(supervision.overdueDeliveries(code, c.period()), name, c.period()),
                        SupervisionTables.projections(supervision.projections(code, c.period()), name, c.period())));
    }
}
