package org.anju.ledger.item;

import org.anju.platform.ChinaTime;
import org.anju.platform.Table;
import org.anju.platform.TableXlsx;

import org.anju.account.Access;
import org.anju.account.Channel;
import org.anju.account.Requirement;
import org.anju.account.Requires;
import org.anju.intake.InputException;
import org.anju.intake.InputProblem;
import org.anju.ledger.kind.KindDefinition;
import org.anju.platform.BadInput;
import org.anju.privacy.KeptFiles;
import org.anju.platform.NotFound;
import org.anju.platform.Once;
import org.anju.platform.Refusals;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import java.io.IOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Pages (台账): my items, a unit overview, an item with its timeline and files, 交办, approvals, 督办, 责任单位, import. */
@Controller
class LedgerPages {

    private final Ledger ledger;
    private final LedgerFigures figures;
    private final LedgerImport imports;
    private final Access access;
    /** Previewed files until their owner confirms (30 minutes, in the database: the confirm may reach another node). */
    private final KeptFiles kept;
    static final String PREVIEW = "ledger-import";
    static final String EXPIRED = "预览已过期或不是本账号的预览，请重新选择文件预览";

    private final org.anju.account.Users users;
    private final org.anju.account.AuditTrail audit;
    /** 交办 and 督办通知 sent twice (a double-click, Back and again) are done once: the forms carry a key. */
    private final Once once;

    LedgerPages(Ledger ledger, LedgerFigures figures, LedgerImport imports, Access access, org.anju.account.Users users,
                org.anju.account.AuditTrail audit, KeptFiles kept, Once once) {
        this.once = once;
        this.kept = kept;
        this.users = users;
        this.audit = audit;
        this.ledger = ledger;
        this.figures = figures;
        this.imports = imports;
        this.access = access;
    }

    private String own(String region) {
        return region == null || region.isBlank() ? access.current().region().code() : region.strip();
    }

    @GetMapping("/ledger")
    @Requires(Requirement.READ_SCOPED)
    String mine(@RequestParam(required = false) String region, @RequestParam(required = false) String kind,
                @RequestParam(required = false) String state, @RequestParam(required = false) String unit,
                @RequestParam(required = false) String overdue, @RequestParam(required = false) String q,
                @RequestParam(required = false) String page, @RequestParam(required = false) String size, Model model) {
        String code = own(region);
        org.anju.platform.PageRequest request = org.anju.platform.PageRequest.parse(page, size);
        model.addAttribute("page", ledger.page(code, kind, LedgerController.state(state), LedgerController.unit(unit),
                LedgerController.overdue(overdue), q, request));
        model.addAttribute("units", ledger.units(code));
        model.addAttribute("unitId", unit);
        model.addAttribute("overdue", overdue);
        model.addAttribute("q", q);
        model.addAttribute("region", code);
        model.addAttribute("kind", kind);
        model.addAttribute("state", state);
        model.addAttribute("kinds", ledger.kinds().all());
        model.addAttribute("states", LedgerState.values());
        model.addAttribute("unit", ledger.myUnit().orElse(null));
        model.addAttribute("canIssue", ledger.canIssue(code));
        return "ledger/ledger-mine";
    }

    @GetMapping("/ledger/overview")
    @Requires(Requirement.READ_SCOPED)
    String overview(@RequestParam(required = false) String region, Model model) {
        String code = own(region);
        LocalDate today = ChinaTime.today();
        model.addAttribute("region", code);
        model.addAttribute("overdue", figures.overdue(code, today));
        model.addAttribute("dueSoon", figures.dueSoon(code, today));
        model.addAttribute("counts", figures.counts(code, today));
        model.addAttribute("rates", figures.rates(code));
        model.addAttribute("states", LedgerState.values());
        return "ledger/ledger-overview";
    }

    /** The overview's four tables as a workbook, for the same region and day. */
    @GetMapping(value = "/ledger/overview", params = "format=xlsx")
    @Requires(Requirement.READ_SCOPED)
    org.springframework.http.ResponseEntity<byte[]> overviewXlsx(@RequestParam(required = false) String region) {
        String code = own(region);
        LocalDate today = ChinaTime.today();
        String day = Dates.chinese(today);
        String sub = "地区代码：" + code + "　截止日期：" + day;
        List<List<Table.Cell>> overdue = new ArrayList<>();
        for (LedgerFigures.Late l : figures.overdue(code, today)) {
            overdue.add(List.of(Table.Cell.integer(l.daysLate()), Table.Cell.text(l.kindName()), Table.Cell.text(l.title()),
                    Table.Cell.text(l.regionName()), Table.Cell.text(l.unitName() == null ? "未指定" : l.unitName()),
                    Table.Cell.text(Dates.chinese(l.deadline())), Table.Cell.text(l.state().label())));
        }
        List<List<Table.Cell>> soon = new ArrayList<>();
        for (LedgerFigures.Late l : figures.dueSoon(code, today)) {
            soon.add(List.of(Table.Cell.text(l.kindName()), Table.Cell.text(l.title()), Table.Cell.text(l.regionName()),
                    Table.Cell.text(l.unitName() == null ? "未指定" : l.unitName()),
                    Table.Cell.text(Dates.chinese(l.deadline())), Table.Cell.text(l.state().label())));
        }
        List<List<Table.Cell>> counts = new ArrayList<>();
        for (LedgerFigures.Count c : figures.counts(code, today)) {
            counts.add(List.of(Table.Cell.text(c.regionName()), Table.Cell.text(c.kindName()),
                    Table.Cell.text(c.unitName() == null ? "未指定" : c.unitName()), Table.Cell.text(c.state().label()),
                    Table.Cell.integer(c.items())));
        }
        List<List<Table.Cell>> rates = new ArrayList<>();
        for (LedgerFigures.Rate r : figures.rates(code)) {
            rates.add(List.of(Table.Cell.text(r.kindName()), Table.Cell.text(r.regionCode()),
                    Table.Cell.text(r.unitName() == null ? "未指定" : r.unitName()), Table.Cell.integer(r.closed()),
                    Table.Cell.integer(r.total()), r.percent() == null ? Table.Cell.UNREPORTED : Table.Cell.percent(r.percent())));
        }
        return TableXlsx.download("台账总览" + code + ".xlsx", List.of(
                Table.of("已逾期", "台账已逾期事项", sub, List.of("逾期天数", "种类", "事项", "地区", "责任单位", "整改期限", "状态"), overdue, null),
                Table.of("临近到期", "台账临近到期事项", sub, List.of("种类", "事项", "地区", "责任单位", "整改期限", "状态"), soon, null),
                Table.of("按种类状态", "台账事项按种类、状态和责任单位", sub, List.of("地区", "种类", "责任单位", "状态", "事项数"), counts, null),
                Table.of("整改率", "台账整改率（已销号 ÷ 全部）", sub, List.of("种类", "地区", "责任单位", "已销号", "全部", "整改率"), rates, null)));
    }

    @GetMapping("/ledger/items/{id}")
    @Requires(Requirement.READ_SCOPED)
    String item(@PathVariable long id, Model model) {
        Item item = ledger.item(id);
        model.addAttribute("item", item);
        model.addAttribute("kind", ledger.kinds().get(item.kind()));
        var timeline = ledger.timeline(id);
        var files = ledger.files(id);
        model.addAttribute("timeline", timeline);
        model.addAttribute("files", files);
        java.util.Set<String> people = new java.util.HashSet<>();
        timeline.forEach(e -> people.add(e.by()));
        files.forEach(f -> people.add(f.by()));
        model.addAttribute("names", users.displayNames(people));
        model.addAttribute("changes", audit.readable(audit.history("ledger_item", java.util.Map.of("id", id))).reversed());
        model.addAttribute("canWork", ledger.canWork(item));
        model.addAttribute("canApprove", ledger.canApprove(item));
        model.addAttribute("today", ChinaTime.today());
        return "ledger/item-detail";
    }

    @GetMapping("/ledger/new")
    @Requires(Requirement.WRITE_OWN)
    String newItem(@RequestParam(required = false) String kind, Model model) {
        String code = access.current().region().code();
        KindDefinition k = kind == null || kind.isBlank() ? ledger.kinds().all().getFirst() : ledger.kinds().get(kind);
        model.addAttribute("kind", k);
        model.addAttribute("kinds", ledger.kinds().all());
        model.addAttribute("region", code);
        model.addAttribute("units", ledger.units(code));
        return "ledger/item-new";
    }

    @PostMapping("/ledger/items")
    @Requires(Requirement.WRITE_OWN)
    String create(@RequestParam Map<String, String> form, RedirectAttributes redirect) {
        String kind = form.get("kind");
        try {
            KindDefinition k = ledger.kinds().get(kind);
            Map<String, String> fields = new LinkedHashMap<>();
            k.fields().forEach(f -> {
                String v = form.get("f_" + f.code());
                if (v != null && !v.isBlank()) {
                    fields.put(f.code(), v);
                }
            });
            String days = form.get("days");
            Integer n = null;
            if (days != null && !days.isBlank()) {
                try {
                    n = Integer.parseInt(days.strip());
                } catch (NumberFormatException e) {
                    throw new BadInput("“天数”应为整数，实际为“" + days + "”");
                }
            }
            Integer dayCount = n;
            Once.Done done = once.run(form.get(Once.FIELD), Once.From.FORM, Once.fields(form), () -> ledger.create(new NewItem(k.code(),
                    own(form.get("region")), form.get("title"), fields, blankLong(form.get("unitId")), form.get("responsible"),
                    form.get("measures"), date("整改期限", form.get("deadline")), dayCount, "WORKING".equals(form.get("dayKind")),
                    date("起算日期", form.get("startOn")), blank(form.get("petitionerName")), blank(form.get("petitionerPhone")))));
            redirect.addFlashAttribute("message", done.repeated() ? "已交办（同一表单又提交了一次，未重复交办）" : "已交办");
            return "redirect:/ledger/items/" + done.id();
        } catch (IllegalArgumentException | IllegalStateException e) {
            Refusals.rethrowBug(e);
            redirect.addFlashAttribute("error", e.getMessage());
            redirect.addAttribute("kind", kind);
            return "redirect:/ledger/new";
        }
    }

    private static String blank(String s) {
        return s == null || s.isBlank() ? null : s;
    }

    private static Long blankLong(String s) {
        if (s == null || s.isBlank()) {
            return null;
        }
        try {
            return Long.parseLong(s.strip());
        } catch (NumberFormatException e) {
            throw new BadInput("责任单位编号不对：" + s);
        }
    }

    private static LocalDate date(String label, String s) {
        return s == null || s.isBlank() ? null : org.anju.ledger.kind.FieldDef.date(label, s.strip());
    }

    @PostMapping("/ledger/items/{id}/progress")
    @Requires(Requirement.LEDGER_WORK)
    String progress(@PathVariable long id, @RequestParam int version, @RequestParam(required = false) String note,
                    @RequestParam(required = false) String on,
                    @RequestParam(name = "files", required = false) List<MultipartFile> files, RedirectAttributes redirect) {
        return done(redirect, "redirect:/ledger/items/" + id, () -> {
            ledger.progress(id, version, note, date("进展日期", on), LedgerController.uploads(files));
            return "已报送整改进展";
        });
    }

    @PostMapping("/ledger/items/{id}/apply")
    @Requires(Requirement.LEDGER_WORK)
    String apply(@PathVariable long id, @RequestParam int version, @RequestParam(required = false) String note,
                 RedirectAttributes redirect) {
        return done(redirect, "redirect:/ledger/items/" + id, () -> {
            ledger.apply(id, version, note);
            return "已申请销号，等待上一级审核";
        });
    }

    @PostMapping("/ledger/items/{id}/approve")
    @Requires(Requirement.APPROVE_BELOW)
    String approve(@PathVariable long id, @RequestParam int version, RedirectAttributes redirect) {
        return done(redirect, "redirect:/ledger/items/" + id, () -> {
            ledger.approve(id, version);
            return "已销号";
        });
    }

    @PostMapping("/ledger/items/{id}/return")
    @Requires(Requirement.APPROVE_BELOW)
    String returnItem(@PathVariable long id, @RequestParam int version, @RequestParam(required = false) String reason,
                      RedirectAttributes redirect) {
        return done(redirect, "redirect:/ledger/items/" + id, () -> {
            ledger.returnItem(id, version, reason);
            return "已退回：" + reason;
        });
    }

    @GetMapping("/ledger/approvals")
    @Requires(Requirement.APPROVE_BELOW)
    String approvals(Model model) {
        model.addAttribute("items", ledger.approvals());
        return "ledger/ledger-approvals";
    }

    @GetMapping("/ledger/notices")
    @Requires(Requirement.READ_SCOPED)
    String notices(@RequestParam(required = false) String region, Model model) {
        String code = own(region);
        model.addAttribute("region", code);
        model.addAttribute("notices", ledger.notices(code));
        return "ledger/ledger-notices";
    }

    @PostMapping("/ledger/notices")
    @Requires(Requirement.APPROVE_BELOW)
    String issue(@RequestParam String regionCode, @RequestParam List<Long> itemIds, @RequestParam(required = false) String title,
                 @RequestParam(required = false) String body, @RequestParam(required = false) String deadline,
                 @RequestParam(name = Once.FIELD, required = false) String key, RedirectAttributes redirect) {
        redirect.addAttribute("region", regionCode);
        return done(redirect, "redirect:/ledger/notices", () -> {
            Once.Done done = once.run(key, Once.From.FORM, List.of(regionCode, itemIds, String.valueOf(title),
                    String.valueOf(body), String.valueOf(deadline)), () -> ledger.issueNotice(regionCode, itemIds, title, body, date("办理期限", deadline)).id());
            return "已向" + ledger.notice(done.id()).regionName() + "发出督办通知" + (done.repeated() ? "（同一表单又提交了一次，未重复发出）" : "");
        });
    }

    @PostMapping("/ledger/notices/{id}/reply")
    @Requires(Requirement.WRITE_OWN)
    String reply(@PathVariable long id, @RequestParam int version, @RequestParam(required = false) String reply,
                 RedirectAttributes redirect) {
        return done(redirect, "redirect:/ledger/notices", () -> {
            ledger.reply(id, version, reply);
            return "已答复督办通知";
        });
    }

    @GetMapping("/ledger/units")
    @Requires(Requirement.READ_SCOPED)
    String units(@RequestParam(required = false) String region, Model model) {
        String code = own(region);
        model.addAttribute("region", code);
        model.addAttribute("units", ledger.units(code));
        model.addAttribute("unitKinds", UnitKind.values());
        return "ledger/ledger-units";
    }

    @PostMapping("/ledger/units")
    @Requires(Requirement.ADMIN)
    String addUnit(@RequestParam String regionCode, @RequestParam(required = false) String name,
                   @RequestParam(required = false) String kind, RedirectAttributes redirect) {
        redirect.addAttribute("region", regionCode);
        return done(redirect, "redirect:/ledger/units", () -> {
            UnitKind k = UnitKind.parse(kind == null ? "" : kind).orElseThrow(() -> new BadInput("单位类别应为 政府部门、国有企业 或 其他"));
            Unit u = ledger.addUnit(regionCode, name, k);
            return "已新增责任单位“" + u.name() + "”";
        });
    }

    @GetMapping("/ledger/import")
    @Requires(Requirement.WRITE_OWN)
    String importPage(Model model) {
        model.addAttribute("kinds", ledger.kinds().all());
        model.addAttribute("region", access.current().region().code());
        return "ledger/ledger-import";
    }

    @PostMapping("/ledger/import")
    @Requires(Requirement.WRITE_OWN)
    String preview(@RequestParam String kind, @RequestParam("file") MultipartFile file, Model model) throws IOException {
        String region = access.current().region().code();
        model.addAttribute("kinds", ledger.kinds().all());
        model.addAttribute("region", region);
        try {
            LedgerImport.Result r = imports.importFile(region, kind, file.getOriginalFilename(), file.getBytes(), false);
            model.addAttribute("preview", r);
            model.addAttribute("headers", LedgerImport.headers(ledger.kinds().get(kind)));
            // one preview per user at a time, as before
            model.addAttribute("token", kept.keep(PREVIEW, access.current().username(), Map.of("region", region, "kind", kind),
                    file.getOriginalFilename(), file.getBytes(), 1));
        } catch (InputException e) {
            model.addAttribute("problems", e.problems().stream().map(InputProblem::describe).toList());
        } catch (IllegalArgumentException | IllegalStateException e) {
            Refusals.rethrowBug(e);
            model.addAttribute("problems", List.of(e.getMessage()));
        }
        return "ledger/ledger-import";
    }

    @PostMapping("/ledger/import/commit")
    @Requires(Requirement.WRITE_OWN)
    String commit(@RequestParam(required = false) String token, RedirectAttributes redirect) {
        if (token == null || !token.strip().matches("[0-9a-fA-F-]{36}")) {
            redirect.addFlashAttribute("error", EXPIRED);
            return "redirect:/ledger/import";
        }
        try {
            // confirmed once: the preview's token is the key (Once), and the preview is taken in the import's own
            // transaction — a double-click or Back + 确认 again is told it was imported (it was told 预览已过期, which
            // invites a second upload and import), and an import refused keeps its preview
            LedgerImport.Result[] imported = new LedgerImport.Result[1];
            // the channel set before Once's transaction begins: the audit takes it when a transaction begins, and the
            // import's own Access.via only joins this one (its rows were audited as UI)
            Once.Done done = Access.via(Channel.IMPORT, () -> once.run(token, Once.From.FORM, "台账导入 " + token.strip(), () -> {
                KeptFiles.Kept k = kept.take(PREVIEW, token, access.current().username())
                        .orElseThrow(() -> new NotFound(EXPIRED));
                // importFile throws on any row it refuses (importChecked), so nothing of a refused file commits here
                imported[0] = imports.importFile(k.param("region"), k.param("kind"), k.fileName(), k.content(), true);
                return imported[0].ids().size();
            }));
            redirect.addFlashAttribute("message", done.repeated()
                    ? "这份预览已于 " + ChinaTime.atSecond(done.at()) + " 确认导入（" + done.id() + " 项）；这次是重复提交，没有再次导入"
                    : imported[0].regionName() + "导入" + imported[0].kindName() + "事项 " + imported[0].ids().size() + " 项");
        } catch (NotFound e) {
            redirect.addFlashAttribute("error", e.getMessage());
            return "redirect:/ledger/import";
        } catch (InputException e) {
            redirect.addFlashAttribute("error", String.join("；", e.problems().stream().map(InputProblem::describe).toList()));
        } catch (IllegalArgumentException | IllegalStateException e) {
            Refusals.rethrowBug(e);
            redirect.addFlashAttribute("error", e.getMessage());
        }
        return "redirect:/ledger";
    }

    /**
     * Runs a form's action and comes back to {@code target} with what it did, or with the refusal's message; a bug
     * is not a refusal and goes on to the error page ({@link Refusals#rethrowBug}).
     */
    private static String done(RedirectAttributes redirect, String target, java.util.function.Supplier<String> action) {
        try {
            redirect.addFlashAttribute("message", action.get());
        } catch (IllegalArgumentException | IllegalStateException e) {
            Refusals.rethrowBug(e);
            redirect.addFlashAttribute("error", e.getMessage());
        }
        return target;
    }
}
