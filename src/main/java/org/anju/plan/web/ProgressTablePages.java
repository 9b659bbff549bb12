package org.anju.plan.web;

import org.anju.account.Requirement;
import org.anju.account.Requires;
import org.anju.plan.Plans;
import org.anju.plan.PublishedProgress;
import org.anju.region.Region;
import org.anju.region.Regions;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

import java.util.List;

/** Pages: the progress tables imported (进展情况), one document with its tables as printed. */
@Controller
class ProgressTablePages {

    private final Plans plans;
    private final Regions regions;

    ProgressTablePages(Plans plans, Regions regions) {
        this.plans = plans;
        this.regions = regions;
    }

    record Line(PublishedProgress progress, Region issuer) {
    }

    @GetMapping("/progress-tables")
    @Requires(Requirement.READ_ISSUED)
    String list(Model model) {
        List<Line> lines = plans.readableProgress().stream()
                .map(p -> new Line(p, regions.byId(p.issuerRegionId()))).toList();
        model.addAttribute("lines", lines);
        return "plan/progress-list";
    }

    @GetMapping("/progress-tables/{id}")
    @Requires(Requirement.READ_ISSUED)
    String progress(@PathVariable long id, Model model) {
        PublishedProgress p = plans.readProgress(id);
        model.addAttribute("progress", p);
        model.addAttribute("issuer", regions.byId(p.issuerRegionId()));
        model.addAttribute("findings", plans.check(p));
        return "plan/progress";
    }
}
