package org.anju.progress;

import org.anju.account.Requirement;
import org.anju.account.Requires;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

import java.util.List;

/** Page: a region's roll-up and rates for a month, with its children for drill-down. */
@Controller
class ProgressPages {

    private final Progress progress;
    private final PageContext context;

    ProgressPages(Progress progress, PageContext context) {
        this.progress = progress;
        this.context = context;
    }

    @GetMapping("/progress")
    @org.springframework.transaction.annotation.Transactional(readOnly = true) // one snapshot, on the replica if configured
    @Requires(Requirement.READ_SCOPED)
    String page(@RequestParam(required = false) String region, @RequestParam(required = false) String period, Model model) {
        PageContext.Choice c = context.choose(region, period);
        ProgressSummary summary = progress.summary(c.region().code(), c.period());
        model.addAttribute("choice", c);
        model.addAttribute("summary", summary);
        model.addAttribute("children", progress.summaries(c.children(), c.period()));
        List<ProgressLine> rated = summary.lines().stream().filter(l -> l.rateName() != null).toList();
        model.addAttribute("rated", rated);
        model.addAttribute("labels", ProgressLine.rateLabels(rated));
        return "progress/index";
    }

    /** The page's two tables as a workbook: the same region, month and roll-ups as the page. */
    @GetMapping(value = "/progress", params = "format=xlsx")
    @org.springframework.transaction.annotation.Transactional(readOnly = true) // one snapshot, on the replica if configured
    @Requires(Requirement.READ_SCOPED)
    org.springframework.http.ResponseEntity<byte[]> xlsx(@RequestParam(required = false) String region,
                                                         @RequestParam(required = false) String period) {
        PageContext.Choice c = context.choose(region, period);
        return org.anju.platform.TableXlsx.download(c.region().name() + org.anju.platform.Titles.month(c.period())
                + "进度汇总.xlsx", tables(c));
    }

    List<org.anju.platform.Table> tables(PageContext.Choice c) {
        ProgressSummary summary = progress.summary(c.region().code(), c.period());
        List<org.anju.platform.Table> tables = new java.util.ArrayList<>();
        tables.add(ProgressTables.summary(summary));
        if (!c.children().isEmpty()) {
            List<ProgressLine> rated = summary.lines().stream().filter(l -> l.rateName() != null).toList();
            List<ProgressSummary> children = progress.summaries(c.children(), c.period());
            tables.add(ProgressTables.childRates("下级单位", c.region().name() + org.anju.platform.Titles.yearToDate(c.period())
                    + "各地保障性安居工程进度比率表", org.anju.platform.Titles.unitLine(c.region().name(), c.period()),
                    rated, ProgressLine.rateLabels(rated), children));
        }
        return tables;
    }
}
