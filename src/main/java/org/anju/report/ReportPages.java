package org.anju.report;

import org.anju.account.Requirement;
import org.anju.account.Requires;
import org.anju.intake.InputException;
import org.anju.progress.PageContext;
import org.anju.progress.Periods;
import org.anju.region.Region;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import java.io.IOException;
import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/** Pages: a region's reports for a month (completeness, status of each unit) and a unit's report entry. */
@Controller
class ReportPages {

    private final Reports reports;
    private final PageContext context;

    ReportPages(Reports reports, PageContext context) {
        this.reports = reports;
        this.context = context;
    }

    /** A reporting unit's line: its report (or none yet). */
    record UnitLine(Region unit, Report report) {
    }

    @GetMapping("/reports")
    @Requires(Requirement.READ_SCOPED)
    String list(@RequestParam(required = false) String region, @RequestParam(required = false) String period, Model model) {
        PageContext.Choice c = context.choose(region, period);
        Map<String, Report> byUnit = new LinkedHashMap<>();
        reports.list(c.region().code(), c.period()).forEach(r -> byUnit.put(r.regionCode(), r));
        List<UnitLine> lines = reports.reportingUnits(c.region()).stream().limit(500)
                .map(u -> new UnitLine(u, byUnit.get(u.code()))).toList();
        model.addAttribute("choice", c);
        model.addAttribute("completeness", reports.completeness(c.region().code(), c.period()));
        model.addAttribute("lines", lines);
        model.addAttribute("deadline", reports.deadline(c.period()));
        return "report/list";
    }

    @GetMapping("/reports/{region}/{period}")
    @Requires(Requirement.READ_SCOPED)
    String entry(@PathVariable String region, @PathVariable String period, Model model) {
        YearMonth p = Periods.parse(period);
        Report r = reports.get(region, p);
        Map<String, String> values = new LinkedHashMap<>();
        for (ReportItems.Item item : ReportItems.ALL) {
            BigDecimal v = r.value(item.indicatorCode(), item.source());
            values.put(item.key(), v == null ? "" : org.anju.progress.Rates.figure(v));
        }
        Map<String, List<ReportItems.Item>> groups = new LinkedHashMap<>();
        ReportItems.ALL.forEach(i -> groups.computeIfAbsent(i.group(), g -> new ArrayList<>()).add(i));
        model.addAttribute("report", r);
        model.addAttribute("values", values);
        model.addAttribute("groups", groups);
        model.addAttribute("period", p);
        return "report/entry";
    }

    @PostMapping("/reports/{region}/{period}/save")
    @Requires(Requirement.WRITE_OWN)
    String save(@PathVariable String region, @PathVariable String period, @RequestParam int version,
                @RequestParam Map<String, String> form, RedirectAttributes redirect) {
        return act(region, period, redirect, "已保存", () -> {
            List<ReportValue> values = new ArrayList<>();
            for (ReportItems.Item item : ReportItems.ALL) {
                String text = form.get("v:" + item.key());
                if (text != null && !text.isBlank()) {
                    try {
                        values.add(new ReportValue(item.indicatorCode(), item.source(), new BigDecimal(text.strip())));
                    } catch (NumberFormatException e) {
                        throw new IllegalArgumentException(item.group() + "·" + item.label() + "不是数字：" + text);
                    }
                }
            }
            return reports.save(region, Periods.parse(period), version, values);
        });
    }

    @PostMapping("/reports/{region}/{period}/submit")
    @Requires(Requirement.WRITE_OWN)
    String submit(@PathVariable String region, @PathVariable String period, @RequestParam int version, RedirectAttributes redirect) {
        return act(region, period, redirect, "已上报", () -> reports.submit(region, Periods.parse(period), version));
    }

    @PostMapping("/reports/{region}/{period}/approve")
    @Requires(Requirement.APPROVE_BELOW)
    String approve(@PathVariable String region, @PathVariable String period, @RequestParam int version, RedirectAttributes redirect) {
        return act(region, period, redirect, "已审核通过", () -> reports.approve(region, Periods.parse(period), version));
    }

    @PostMapping("/reports/{region}/{period}/return")
    @Requires(Requirement.APPROVE_BELOW)
    String returnReport(@PathVariable String region, @PathVariable String period, @RequestParam int version,
                        @RequestParam(required = false) String reason, RedirectAttributes redirect) {
        return act(region, period, redirect, "已退回", () -> reports.returnReport(region, Periods.parse(period), version, reason));
    }

    @PostMapping("/reports/{region}/{period}/lock")
    @Requires(Requirement.APPROVE_BELOW)
    String lock(@PathVariable String region, @PathVariable String period, @RequestParam int version, RedirectAttributes redirect) {
        return act(region, period, redirect, "已锁定", () -> reports.lock(region, Periods.parse(period), version));
    }

    @PostMapping("/reports/import")
    @Requires(Requirement.WRITE_OWN)
    String importFile(@RequestParam("file") MultipartFile file, @RequestParam(required = false) String region,
                      @RequestParam(defaultValue = "false") boolean submit, RedirectAttributes redirect) throws IOException {
        try {
            Reports.ImportSummary s = reports.importFile(file.getOriginalFilename(), file.getBytes(), region, submit);
            redirect.addFlashAttribute("message", "已导入 " + s.fileName() + "：" + s.saved() + " 份月报，其中上报 " + s.submitted() + " 份");
        } catch (InputException e) {
            redirect.addFlashAttribute("problems", e.problems().stream().map(Object::toString).toList());
        } catch (IllegalArgumentException | IllegalStateException e) {
            redirect.addFlashAttribute("problems", List.of(e.getMessage()));
        }
        redirect.addAttribute("region", region);
        return "redirect:/reports";
    }

    private String act(String region, String period, RedirectAttributes redirect, String done, Supplier<Report> action) {
        try {
            action.get();
            redirect.addFlashAttribute("message", done);
        } catch (IllegalArgumentException | IllegalStateException e) {
            redirect.addFlashAttribute("error", e.getMessage());
        }
        return "redirect:/reports/" + region + "/" + Periods.parse(period);
    }
}
