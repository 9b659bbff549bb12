package org.anju.plan.web;

import org.anju.account.Access;
import org.anju.account.AuditTrail;
import org.anju.account.Requirement;
import org.anju.account.Requires;
import org.anju.indicator.Indicator;
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
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Objects;

/** Pages: the list of plans, one plan, one breakdown table as issued with its findings marked. */
@Controller
class PlanPages {

    private final Plans plans;
    private final Regions regions;
    private final Indicators indicators;
    private final AuditTrail audit;
    private final Access access;

    PlanPages(Plans plans, Regions regions, Indicators indicators, AuditTrail audit, Access access) {
        this.plans = plans;
        this.regions = regions;
        this.indicators = indicators;
        this.audit = audit;
        this.access = access;
    }

    /** A plan line in the list. */
    record PlanLine(Plan plan, Region issuer, int tables, int findings) {
    }

    @GetMapping("/")
    @Requires(Requirement.AUTHENTICATED)
    String home() {
        return "redirect:/dashboard";
    }

    @GetMapping("/plans")
    @Requires(Requirement.READ_ISSUED)
    String list(Model model) {
        List<PlanLine> lines = plans.readable().stream().map(p -> new PlanLine(p, regions.byId(p.issuerRegionId()),
                plans.tables(p.id()).size(), plans.findings(p.id()).size())).toList();
        model.addAttribute("plans", lines);
        return "plan/list";
    }

    @GetMapping("/plans/{id}")
    @Requires(Requirement.READ_ISSUED)
    String plan(@PathVariable long id, Model model) {
        plans.read(id);
        PlanDraft draft = plans.load(id);
        Plan p = draft.plan();
        model.addAttribute("plan", p);
        model.addAttribute("issuer", regions.byId(p.issuerRegionId()));
        model.addAttribute("canEdit", access.canWrite(regions.byId(p.issuerRegionId())));
        model.addAttribute("parent", p.parentPlanId() == null ? null : plans.find(p.parentPlanId()).orElse(null));
        model.addAttribute("tables", draft.tables());
        model.addAttribute("milestones", draft.milestones());
        model.addAttribute("statedTotals", draft.statedTotals());
        model.addAttribute("findings", plans.findings(id));
        model.addAttribute("indicators", indicators);
        return "plan/detail";
    }

    @GetMapping("/plans/{id}/tables/{seq}")
    @Requires(Requirement.READ_ISSUED)
    String table(@PathVariable long id, @PathVariable int seq, Model model) {
        Plan p = plans.read(id);
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

    /** A figure's history: every import, edit and deletion of it, with who, when and how (fragment for htmx). */
    @GetMapping("/plans/{id}/history")
    @Requires(Requirement.READ_ISSUED)
    String history(@PathVariable long id, @RequestParam String region, @RequestParam String indicator,
                   @RequestParam(required = false) Integer year,
                   @RequestHeader(name = "HX-Request", required = false) String htmx, Model model) {
        Plan p = plans.read(id);
        Region r = regions.byCode(region).orElseThrow(() -> new org.anju.platform.NotFound("地区不存在：" + region));
        Indicator i = indicators.byCode(indicator).orElseThrow(() -> new org.anju.platform.NotFound("指标不存在：" + indicator));
        model.addAttribute("plan", p);
        model.addAttribute("region", r);
        model.addAttribute("indicator", i);
        model.addAttribute("year", year);
        model.addAttribute("changes", PlanController.targetHistory(audit, id, r, i, year));
        return htmx != null ? "plan/history :: history" : "plan/history";
    }
}
