package org.anju.plan.web;

import org.anju.indicator.Indicators;
import org.anju.plan.BreakdownTable;
import org.anju.plan.HeaderLayout;
import org.anju.plan.Plan;
import org.anju.plan.PlanDraft;
import org.anju.plan.Plans;
import org.anju.plan.check.Finding;
import org.anju.region.Region;
import org.anju.region.Regions;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/** Pages: the list of plans, one plan, one breakdown table as issued with its findings marked. */
@Controller
class PlanPages {

    private final Plans plans;
    private final Regions regions;
    private final Indicators indicators;

    PlanPages(Plans plans, Regions regions, Indicators indicators) {
        this.plans = plans;
        this.regions = regions;
        this.indicators = indicators;
    }

    /** A plan line in the list. */
    record PlanLine(Plan plan, Region issuer, int tables, int findings) {
    }

    @GetMapping("/")
    String home() {
        return "redirect:/plans";
    }

    @GetMapping("/plans")
    String list(Model model) {
        List<PlanLine> lines = plans.all().stream().map(p -> new PlanLine(p, regions.byId(p.issuerRegionId()),
                plans.tables(p.id()).size(), plans.findings(p.id()).size())).toList();
        model.addAttribute("plans", lines);
        return "plan/list";
    }

    @GetMapping("/plans/{id}")
    String plan(@PathVariable long id, Model model) {
        PlanDraft draft = plans.load(id);
        Plan p = draft.plan();
        model.addAttribute("plan", p);
        model.addAttribute("issuer", regions.byId(p.issuerRegionId()));
        model.addAttribute("parent", p.parentPlanId() == null ? null : plans.find(p.parentPlanId()).orElse(null));
        model.addAttribute("tables", draft.tables());
        model.addAttribute("milestones", draft.milestones());
        model.addAttribute("statedTotals", draft.statedTotals());
        model.addAttribute("findings", plans.findings(id));
        model.addAttribute("indicators", indicators);
        return "plan/detail";
    }

    @GetMapping("/plans/{id}/tables/{seq}")
    String table(@PathVariable long id, @PathVariable int seq, Model model) {
        Plan p = plans.get(id);
        BreakdownTable t = plans.table(id, seq);
        List<Finding> findings = plans.findings(id).stream()
                .filter(f -> Objects.equals(f.tableLabel(), t.displayLabel())).toList();
        Map<String, String> marks = new HashMap<>();
        for (Finding f : findings) {
            for (BreakdownTable.Row r : t.rows()) {
                for (BreakdownTable.Column c : t.columns()) {
                    boolean sameRow = f.sourceRow() != null && f.sourceRow().equals(r.sourceRow());
                    boolean sameColumn = Objects.equals(f.indicatorCode(), c.indicator().code())
                            && Objects.equals(f.year(), c.year());
                    if (sameRow && sameColumn) {
                        marks.merge(r.seq() + ":" + c.seq(), f.message(), (a, b) -> a + "\n" + b);
                    }
                }
            }
        }
        model.addAttribute("plan", p);
        model.addAttribute("table", t);
        model.addAttribute("header", HeaderLayout.of(t));
        model.addAttribute("marks", marks);
        model.addAttribute("findings", findings);
        model.addAttribute("tableCount", plans.tables(id).size());
        return "plan/table";
    }
}
