package org.anju.report;

import jakarta.servlet.http.HttpServletResponse;
import org.anju.account.Requirement;
import org.anju.account.Requires;
import org.anju.platform.Refusals;
import org.anju.progress.Periods;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;

import java.time.YearMonth;
import java.util.List;
import java.util.function.Supplier;

/**
 * The approval inbox of an administrator: what the units directly below them submitted, approved or returned
 * (with a reason) in place through htmx; each action re-renders the inbox with the counts.
 */
@Controller
class InboxPages {

    private final Reports reports;
    private final ReportInbox inbox;

    private final org.anju.platform.ChinaTime time;

    private final org.anju.progress.PageContext context;

    private final org.anju.account.Users users;

    /** The inbox's reads after an approval or a return, in one read-only transaction (one pool connection). */
    private final org.anju.platform.ReadOnlyWork reads;

    InboxPages(Reports reports, ReportInbox inbox, org.anju.progress.PageContext context, org.anju.account.Users users,
               org.anju.platform.ChinaTime time, org.anju.platform.ReadOnlyWork reads) {
        this.reads = reads;
        this.time = time;
        this.users = users;
        this.context = context;
        this.reports = reports;
        this.inbox = inbox;
    }

    @GetMapping("/inbox")
    // its queries in one read-only transaction: one pool connection instead of about ten (issue 15, cost per request)
    @org.springframework.transaction.annotation.Transactional(readOnly = true)
    @Requires(Requirement.APPROVE_BELOW)
    String inbox(@RequestParam(required = false) String period, Model model) {
        return render(period, model, "report/inbox");
    }

    /** The inbox's two tables as a workbook, for the same month. */
    @GetMapping(value = "/inbox", params = "format=xlsx")
    @Requires(Requirement.APPROVE_BELOW)
    org.springframework.http.ResponseEntity<byte[]> xlsx(@RequestParam(required = false) String period) {
        ReportInbox.Inbox box = inbox.inbox(month(period));
        java.util.Map<String, String> names = names(box);
        return org.anju.platform.TableXlsx.download(box.region().name() + org.anju.platform.Titles.month(box.period())
                + "月报审核.xlsx", List.of(ReportTables.pending(box, names, time), ReportTables.inboxUnits(box, names, time)));
    }

    /** The page's month: as given, else the latest month the user's region reported (the page and its export agree). */
    private YearMonth month(String period) {
        return period == null || period.isBlank() ? context.defaultPeriod() : Periods.parse(period);
    }

    @PostMapping("/inbox/{region}/{period}/approve")
    @Requires(Requirement.APPROVE_BELOW)
    String approve(@PathVariable String region, @PathVariable String period, @RequestParam int version,
                   @RequestParam(required = false) String month, @RequestHeader(name = "HX-Request", required = false) String htmx,
                   Model model, HttpServletResponse response) {
        return act(() -> reports.approve(region, Periods.parse(period), version), "已审核通过", month, htmx, model, response);
    }

    @PostMapping("/inbox/{region}/{period}/return")
    @Requires(Requirement.APPROVE_BELOW)
    String returnReport(@PathVariable String region, @PathVariable String period, @RequestParam int version,
                        @RequestParam(required = false) String reason, @RequestParam(required = false) String month,
                        @RequestHeader(name = "HX-Request", required = false) String htmx, Model model,
                        HttpServletResponse response) {
        return act(() -> reports.returnReport(region, Periods.parse(period), version, reason), "已退回", month, htmx, model,
                response);
    }

    private String act(Supplier<Report> action, String done, String month, String htmx, Model model,
                       HttpServletResponse response) {
        try {
            Report r = action.get();
            model.addAttribute("message", r.regionName() + " " + r.period().getYear() + "年" + r.period().getMonthValue() + "月月报" + done);
        } catch (IllegalArgumentException | IllegalStateException e) {
            org.anju.platform.Refusals.rethrowBug(e);
            Refusals.show(e, response, model);
        }
        return reads.read(() -> render(month, model, htmx != null ? "report/inbox :: inbox" : "report/inbox"));
    }

    private String render(String period, Model model, String view) {
        YearMonth month = month(period);
        ReportInbox.Inbox box = inbox.inbox(month);
        model.addAttribute("inbox", box);
        model.addAttribute("names", names(box));
        return view;
    }

    /** The inbox's people by name, one query (the page and its export name them alike). */
    private java.util.Map<String, String> names(ReportInbox.Inbox box) {
        java.util.Set<String> people = new java.util.HashSet<>();
        box.pending().forEach(r -> people.add(r.submittedBy()));
        box.units().stream().filter(l -> l.report() != null).forEach(l -> {
            people.add(l.report().submittedBy());
            people.add(l.report().reviewedBy());
        });
        return users.displayNames(people);
    }
}
