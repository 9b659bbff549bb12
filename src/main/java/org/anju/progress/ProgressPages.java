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
    @Requires(Requirement.READ_SCOPED)
    String page(@RequestParam(required = false) String region, @RequestParam(required = false) String period, Model model) {
        PageContext.Choice c = context.choose(region, period);
        ProgressSummary summary = progress.summary(c.region().code(), c.period());
        model.addAttribute("choice", c);
        model.addAttribute("summary", summary);
        model.addAttribute("children", c.children().stream().map(r -> progress.summary(r, c.period())).toList());
        List<ProgressLine> rated = summary.lines().stream().filter(l -> l.rateName() != null).toList();
        model.addAttribute("rated", rated);
        model.addAttribute("labels", ProgressLine.rateLabels(rated));
        return "progress/index";
    }
}
