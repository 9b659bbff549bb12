package org.anju.plan.web;

import jakarta.servlet.http.HttpServletResponse;
import org.anju.account.Access;
import org.anju.account.Requirement;
import org.anju.account.Requires;
import org.anju.plan.Plan;
import org.anju.plan.Plans;
import org.anju.platform.Refusals;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import java.time.LocalDate;
import java.util.List;

/**
 * Page: a plan's metadata (标题, 发文机关, 文号, 印发日期, 年度, 上级计划, 备注) as the issuer corrects it after an
 * import that could not read them from the file. The issuing region stays: it decides whose targets these are.
 */
@Controller
class PlanEditPages {

    private final Plans plans;
    private final Access access;

    PlanEditPages(Plans plans, Access access) {
        this.plans = plans;
        this.access = access;
    }

    @GetMapping("/plans/{id}/edit")
    @Requires(Requirement.WRITE_OWN)
    String form(@PathVariable long id, Model model) {
        Plan p = plans.read(id);
        access.checkWrite(plans.issuer(p));
        return render(p, p, model);
    }

    @PostMapping("/plans/{id}/edit")
    @Requires(Requirement.WRITE_OWN)
    String save(@PathVariable long id, @RequestParam int version, @RequestParam(required = false) String title,
                @RequestParam(required = false) String issuerName, @RequestParam(required = false) String documentNumber,
                @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate issuedOn,
                @RequestParam int firstYear, @RequestParam(required = false) Integer lastYear,
                @RequestParam(required = false) Long parentPlanId, @RequestParam(required = false) String note,
                Model model, HttpServletResponse response, RedirectAttributes redirect) {
        Plan stored = plans.read(id);
        access.checkWrite(plans.issuer(stored));
        Plan typed = null;
        try {
            typed = new Plan(id, blankToNull(title), stored.issuerRegionId(), blankToNull(issuerName),
                    blankToNull(documentNumber), issuedOn, firstYear, lastYear == null ? firstYear : lastYear,
                    parentPlanId, stored.sourceFile(), blankToNull(note), version);
            plans.updateMetadata(typed, version);
            redirect.addFlashAttribute("message", "已保存计划信息");
            return "redirect:/plans/" + id;
        } catch (IllegalArgumentException | IllegalStateException e) {
            org.anju.platform.Refusals.rethrowBug(e);
            Refusals.show(e, response, model);
            // what the user typed stays in the form; the version stays the one they read
            return render(stored, typed != null ? typed : stored, model);
        }
    }

    private String render(Plan stored, Plan shown, Model model) {
        model.addAttribute("plan", stored);
        model.addAttribute("form", shown);
        model.addAttribute("issuer", plans.issuer(stored));
        // a parent is a plan the issuer received or issued itself, never the plan itself
        List<Plan> parents = plans.readable().stream().filter(p -> !p.id().equals(stored.id())).toList();
        model.addAttribute("parents", parents);
        return "plan/edit";
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
