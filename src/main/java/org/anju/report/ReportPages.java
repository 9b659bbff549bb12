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
import org.springframework.web.bind.annotation.RequestHeader;
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
    private final ReportInbox inbox;
    private final ReportImport imports;
    private final PageContext context;

    private final org.anju.platform.ImportSlots slots;

    private final org.anju.platform.ChinaTime time;

    private final org.anju.account.Users users;

    /** The page's reads after a save, in one read-only transaction: one pool connection, not one per query. */
    private final org.anju.platform.ReadOnlyWork reads;

    ReportPages(Reports reports, ReportInbox inbox, ReportImport imports, PageContext context,
                org.anju.platform.ImportSlots slots, org.anju.account.Users users, org.anju.platform.ChinaTime time,
                org.anju.platform.ReadOnlyWork reads) {
        this.reads = reads;
        this.time = time;
        this.users = users;
        this.slots = slots;
        this.reports = reports;
        this.inbox = inbox;
        this.imports = imports;
        this.context = context;
    }

    @GetMapping("/reports")
    @Requires(Requirement.READ_SCOPED)
    String list(@RequestParam(required = false) String region, @RequestParam(required = false) String period,
                @RequestParam(required = false) String status, @RequestParam(required = false) String q,
                @RequestParam(required = false) String page, @RequestParam(required = false) String size, Model model) {
        org.anju.platform.PageRequest request = org.anju.platform.PageRequest.parse(page, size);
        PageContext.Choice c = context.choose(region, period);
        model.addAttribute("choice", c);
        model.addAttribute("completeness", inbox.completeness(c.region().code(), c.period()));
        model.addAttribute("page", inbox.units(c.region().code(), c.period(), status, q, request));
        model.addAttribute("statuses", ReportInbox.STATUS_CHOICES);
        model.addAttribute("status", status);
        model.addAttribute("q", q);
        model.addAttribute("deadline", reports.deadline(c.period()));
        return "report/list";
    }

    /**
     * The page's two tables as a workbook, for the same region, month and filters: completeness and every matching
     * unit (all pages, read 200 at a time as the page reads them, in one transaction).
     */
    @GetMapping(value = "/reports", params = "format=xlsx")
    @Requires(Requirement.READ_SCOPED)
    org.springframework.http.ResponseEntity<byte[]> xlsx(@RequestParam(required = false) String region,
                                                         @RequestParam(required = false) String period,
                                                         @RequestParam(required = false) String status,
                                                         @RequestParam(required = false) String q) {
        PageContext.Choice c = context.choose(region, period);
        // all pages in one snapshot: no row skipped or repeated if a unit reports meanwhile
        List<ReportInbox.UnitRow> lines = inbox.unitsAll(c.region().code(), c.period(), status, q);
        String name = c.region().name();
        return org.anju.platform.TableXlsx.download(name + org.anju.platform.Titles.month(c.period()) + "月报报送情况.xlsx",
                List.of(ReportTables.completeness(inbox.completeness(c.region().code(), c.period()), name, c.period()),
                        ReportTables.units(lines, name, c.period(), time)));
    }

    /** One table of the entry grid: its column headers and rows; a row's cells are form fields (null: none). */
    record GridTable(String title, List<String> columns, List<GridRow> rows) {
    }

    /** A grid row: what it is, its unit (for single-column tables) and its fields, one per column. */
    record GridRow(String label, String measure, List<ReportItems.Item> cells) {
    }

    /**
     * The form as grids an official would keep in Excel: rental subsidy and public-rental entry as one column of
     * figures, funds as sources × 到位资金/拨付/支出 — so a block copied from such a sheet pastes in one go.
     */
    static List<GridTable> grid() {
        List<GridTable> tables = new ArrayList<>();
        for (String group : List.of(ReportItems.SUBSIDY, ReportItems.PUBLIC_RENTAL)) {
            tables.add(new GridTable(group, List.of("累计数"), ReportItems.ALL.stream().filter(i -> i.group().equals(group))
                    .map(i -> new GridRow(i.label(), i.measure(), List.of(i))).toList()));
        }
        List<String> funds = List.of(ReportItems.FUND_RECEIVED, ReportItems.FUND_DISBURSED, ReportItems.FUND_SPENT);
        List<GridRow> rows = new ArrayList<>();
        for (org.anju.progress.FundSource source : org.anju.progress.FundSource.values()) {
            rows.add(new GridRow(source.label(), "万元", funds.stream().map(f -> ReportItems.byKey(f + "@" + source.name())).toList()));
        }
        tables.add(new GridTable(ReportItems.FUNDS, List.of("到位资金", "拨付", "支出"), rows));
        return tables;
    }

    @GetMapping("/reports/{region}/{period}")
    // its queries in one transaction: one pool connection instead of six (issue 15, cost per request); read-only, so on
    // the replica if configured — the session's own writes are waited for (ReadReplicaRouting)
    @org.springframework.transaction.annotation.Transactional(readOnly = true)
    @Requires(Requirement.READ_SCOPED)
    String entry(@PathVariable String region, @PathVariable String period, Model model) {
        YearMonth p = Periods.parse(period);
        // a month not begun is refused when the page is asked for, not after the figures were typed into an empty form
        Reports.checkPeriod(p);
        return entry(reports.get(region, p), model, "report/entry");
    }

    private String entry(Report r, Model model, String view) {
        Map<String, String> values = new LinkedHashMap<>();
        for (ReportItems.Item item : ReportItems.ALL) {
            BigDecimal v = r.value(item.indicatorCode(), item.source());
            values.put(item.key(), v == null ? "" : org.anju.progress.Rates.figure(v));
        }
        model.addAttribute("report", r);
        java.util.Set<String> people = new java.util.HashSet<>();
        r.events().forEach(e -> people.add(e.actor()));
        people.add(r.submittedBy());
        people.add(r.reviewedBy());
        model.addAttribute("names", users.displayNames(people));
        model.addAttribute("values", values);
        Map<String, Offer> offers = new LinkedHashMap<>();
        reports.recorded(r.regionCode(), r.period()).forEach((key, f) -> offers.put(key,
                new Offer(org.anju.progress.Rates.figure(f.value()), f.basis(), !org.anju.progress.Rates.figure(f.value())
                        .equals(values.get(key)))));
        model.addAttribute("offers", offers);
        model.addAttribute("grid", grid());
        model.addAttribute("period", r.period());
        model.addAttribute("canWrite", r.status().editable() && reports.canWrite(r.regionCode()));
        model.addAttribute("canApprove", reports.canApprove(r.regionCode()));
        model.addAttribute("blanks", r.status().editable() ? reports.blanks(r) : List.of());
        return view;
    }

    /** A figure from the operational records, offered beside the typed one; {@code differs} when they are not the same. */
    record Offer(String figure, String basis, boolean differs) {
    }

    /** A figure's change as the history table prints it. */
    record Change(java.time.Instant at, String actor, String actorName, String viaLabel, String opLabel, String before,
                  String after) {
        static Change of(org.anju.account.AuditEntry e) {
            return new Change(e.at(), e.actor(), e.actorName(), e.viaLabel(), e.opLabel(), figure(e.before()), figure(e.after()));
        }

        private static String figure(Map<String, Object> row) {
            return row == null || row.get("value") == null ? null
                    : org.anju.progress.Rates.figure(new BigDecimal(row.get("value").toString()));
        }
    }

    /** A figure's history: every save, import and change of it, with who, when and how (fragment for htmx). */
    @GetMapping("/reports/{region}/{period}/history")
    @Requires(Requirement.READ_SCOPED)
    String history(@PathVariable String region, @PathVariable String period, @RequestParam String item,
                   @RequestHeader(name = "HX-Request", required = false) String htmx, Model model) {
        ReportItems.Item i = ReportItems.byKey(item);
        if (i == null) {
            throw new org.anju.platform.NotFound("填报项不存在：" + item);
        }
        Report r = reports.get(region, Periods.parse(period));
        model.addAttribute("report", r);
        model.addAttribute("item", i);
        model.addAttribute("changes", reports.history(r, i).stream().map(Change::of).toList());
        return htmx != null ? "report/history :: history" : "report/history";
    }

    @PostMapping("/reports/{region}/{period}/save")
    @Requires(Requirement.WRITE_OWN)
    String save(@PathVariable String region, @PathVariable String period, @RequestParam int version,
                @RequestParam Map<String, String> form, RedirectAttributes redirect,
                @RequestHeader(name = "HX-Request", required = false) String htmx, Model model,
                jakarta.servlet.http.HttpServletResponse response) {
        if (htmx == null) {
            return act(region, period, redirect, "已保存", () -> reports.save(region, Periods.parse(period), version, values(form)));
        }
        // the grid saves through htmx: the page is re-rendered with the new version; a refusal (stale version:
        // 409) leaves the grid as the user typed it and shows why above it
        try {
            Report saved = reports.save(region, Periods.parse(period), version, values(form));
            model.addAttribute("message", "已保存");
            return reads.read(() -> entry(saved, model, "report/entry :: entry"));
        } catch (IllegalArgumentException | IllegalStateException e) {
            org.anju.platform.Refusals.rethrowBug(e);
            org.anju.platform.Refusals.show(e, response, model);
            response.setHeader("HX-Retarget", "#save-result");
            response.setHeader("HX-Reswap", "innerHTML");
            model.addAttribute("conflict", e instanceof org.anju.platform.ConcurrentUpdateException);
            model.addAttribute("report", reports.get(region, Periods.parse(period)));
            model.addAttribute("period", Periods.parse(period));
            return "report/entry :: save-result";
        }
    }

    /** The form's figures ({@code v:<item key>}); a blank field is no figure. */
    private static List<ReportValue> values(Map<String, String> form) {
        List<ReportValue> values = new ArrayList<>();
        for (ReportItems.Item item : ReportItems.ALL) {
            String text = form.get("v:" + item.key());
            // the grid's script reads by the same rule before sending (static/js/report-grid.js)
            switch (org.anju.platform.Numbers.read(text)) {
                case org.anju.platform.Numbers.Blank b -> {
                }
                case org.anju.platform.Numbers.Value v -> values.add(new ReportValue(item.indicatorCode(), item.source(), v.value()));
                case org.anju.platform.Numbers.Bad bad -> throw new org.anju.platform.BadInput(item.group() + "·" + item.label() + bad.reason());
            }
        }
        return values;
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
            ReportImport.ImportSummary s = slots.run(() -> imports.importFile(file.getOriginalFilename(),
                    org.anju.platform.ImportSlots.bytes(file), region, submit));
            String read = s.columnsRead() == null ? "" : "；" + s.columnsRead();
            redirect.addFlashAttribute("message", s.repeated()
                    ? "该文件（" + s.fileName() + "）已于 " + org.anju.platform.ChinaTime.spoken(s.importedAt()) + " 由您导入：" + s.saved()
                    + " 份月报，其中上报 " + s.submitted() + " 份" + read
                    + "；此后这些月报没有改动。这次是重复提交，没有再次导入，也没有写入任何数据"
                    : "已导入 " + s.fileName() + "：" + s.saved() + " 份月报，其中上报 " + s.submitted() + " 份" + read);
        } catch (InputException e) {
            redirect.addFlashAttribute("problems", e.problems().stream().map(Object::toString).toList());
        } catch (IllegalArgumentException | IllegalStateException e) {
            org.anju.platform.Refusals.rethrowBug(e);
            redirect.addFlashAttribute("problems", List.of(e.getMessage()));
        }
        redirect.addAttribute("region", region);
        return "redirect:/reports";
    }

    private String act(String region, String period, RedirectAttributes redirect, String done, Supplier<Report> action) {
        try {
            action.get();
            redirect.addFlashAttribute("message", done);
        } catch (IllegalArgumentException | IllegalStateException | org.anju.platform.NotFound e) {
            // a month not filed (尚无…月报) too: said on the report's page, not a whole 未找到 page in its place
            org.anju.platform.Refusals.rethrowBug(e);
            redirect.addFlashAttribute("error", e.getMessage());
        }
        return "redirect:/reports/" + region + "/" + Periods.parse(period);
    }
}
