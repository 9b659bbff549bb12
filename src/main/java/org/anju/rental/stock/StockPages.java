package org.anju.rental.stock;

import org.anju.account.Access;
import org.anju.account.Requirement;
import org.anju.account.Requires;
import org.anju.intake.InputException;
import org.anju.platform.BadInput;
import org.anju.platform.ImportSlots;
import org.anju.platform.Refusals;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;

/** Pages: a region's stock (estates, dwellings with filters), an estate with its dwellings, the import, the summary. */
@Controller
class StockPages {

    private final Stock stock;
    private final Access access;
    private final ImportSlots slots;
    private final StockPreviews previews;

    StockPages(Stock stock, Access access, ImportSlots slots, StockPreviews previews) {
        this.stock = stock;
        this.access = access;
        this.slots = slots;
        this.previews = previews;
    }

    private String regionOrOwn(String region) {
        return region == null || region.isBlank() ? access.current().region().code() : region.strip();
    }

    @GetMapping("/rental/stock")
    @Requires(Requirement.READ_SCOPED)
    String list(@RequestParam(required = false) String region, @RequestParam(required = false) Long estate,
                @RequestParam(required = false) String status, @RequestParam(defaultValue = "0") int page, Model model) {
        String code = regionOrOwn(region);
        StockStatus s = StockController.status(status);
        model.addAttribute("estates", stock.estates(code));
        model.addAttribute("listing", stock.dwellings(code, estate, s, page));
        model.addAttribute("counts", stock.counts(code, YearMonth.now(org.anju.platform.ChinaTime.ZONE)));
        model.addAttribute("region", code);
        model.addAttribute("estate", estate);
        model.addAttribute("status", s == null ? null : s.name());
        model.addAttribute("statuses", StockStatus.values());
        model.addAttribute("canWrite", stock.canWrite(code));
        model.addAttribute("programmes", Programme.values());
        return "rental/stock-list";
    }

    @GetMapping("/rental/stock/estates/{id}")
    @Requires(Requirement.READ_SCOPED)
    String estate(@PathVariable long id, @RequestParam(defaultValue = "0") int page, Model model) {
        Estate e = stock.estate(id);
        model.addAttribute("estate", e);
        model.addAttribute("buildings", stock.buildings(id));
        model.addAttribute("listing", stock.dwellings(e.regionCode(), id, null, page));
        model.addAttribute("canWrite", stock.canWrite(e.regionCode()));
        model.addAttribute("programmes", Programme.values());
        model.addAttribute("statuses", StockStatus.values());
        model.addAttribute("rentUnits", RentUnit.values());
        return "rental/stock-estate";
    }

    @GetMapping("/rental/stock/dwellings/{id}")
    @Requires(Requirement.READ_SCOPED)
    String dwelling(@PathVariable long id, Model model) {
        Dwelling d = stock.dwelling(id);
        model.addAttribute("dwelling", d);
        model.addAttribute("history", stock.history(id));
        model.addAttribute("steps", StockStep.from(d.status()));
        model.addAttribute("rentUnits", RentUnit.values());
        model.addAttribute("canWrite", stock.canWrite(d.regionCode()));
        model.addAttribute("today", LocalDate.now(org.anju.platform.ChinaTime.ZONE));
        return "rental/stock-dwelling";
    }

    /** A status step from the dwelling's page; the form carries the version it showed. */
    @PostMapping("/rental/stock/dwellings/{id}/status")
    @Requires(Requirement.WRITE_OWN)
    String change(@PathVariable long id, @RequestParam int version, @RequestParam String step,
                  @RequestParam(required = false) String effectiveOn, @RequestParam(required = false) String reason,
                  RedirectAttributes redirect) {
        try {
            StockStep s = StockStep.parse(step).orElseThrow(() -> new BadInput("操作不对：" + step));
            Dwelling d = stock.change(id, version, s, date(effectiveOn), reason);
            redirect.addFlashAttribute("message", d.label() + " 已" + s.label() + "，现为" + d.status().label());
        } catch (IllegalArgumentException | IllegalStateException e) {
            Refusals.rethrowBug(e);
            redirect.addFlashAttribute("error", e.getMessage());
        }
        return "redirect:/rental/stock/dwellings/" + id;
    }

    private static LocalDate date(String text) {
        try {
            return text == null || text.isBlank() ? null : LocalDate.parse(text.strip());
        } catch (java.time.format.DateTimeParseException e) {
            throw new BadInput("生效日期不是日期（如 2024-03-31）：" + text);
        }
    }

    /** A new estate of the user's county, from the list page. */
    @PostMapping("/rental/stock/estates")
    @Requires(Requirement.WRITE_OWN)
    String addEstate(@RequestParam(required = false) String region, @RequestParam String name, @RequestParam String programme,
                     @RequestParam(required = false) String address, @RequestParam(required = false) String ownership,
                     @RequestParam(required = false) String projectCode, RedirectAttributes redirect) {
        String code = regionOrOwn(region);
        try {
            Estate e = stock.saveEstate(Estate.of(code, name, address, programme(programme), ownership, projectCode));
            redirect.addFlashAttribute("message", "已新增项目“" + e.name() + "”");
            return "redirect:/rental/stock/estates/" + e.id();
        } catch (IllegalArgumentException | IllegalStateException e) {
            Refusals.rethrowBug(e);
            redirect.addFlashAttribute("error", e.getMessage());
            redirect.addAttribute("region", code);
            return "redirect:/rental/stock";
        }
    }

    private static Programme programme(String text) {
        return Programme.parse(text).orElseThrow(() -> new BadInput("保障类型不对：应为 公租房 或 保租房"));
    }

    /** Changes an estate at the version the form showed. */
    @PostMapping("/rental/stock/estates/{id}")
    @Requires(Requirement.WRITE_OWN)
    String editEstate(@PathVariable long id, @RequestParam int version, @RequestParam String name,
                      @RequestParam String programme, @RequestParam(required = false) String address,
                      @RequestParam(required = false) String ownership, @RequestParam(required = false) String projectCode,
                      RedirectAttributes redirect) {
        try {
            stock.saveEstate(new Estate(id, null, null, name, address, programme(programme), ownership, projectCode, version,
                    null, null, null, null, null, null));
            redirect.addFlashAttribute("message", "已保存");
        } catch (IllegalArgumentException | IllegalStateException e) {
            Refusals.rethrowBug(e);
            redirect.addFlashAttribute("error", e.getMessage());
        }
        return "redirect:/rental/stock/estates/" + id;
    }

    /** Enters one dwelling into the estate, from its page. */
    @PostMapping("/rental/stock/estates/{id}/dwellings")
    @Requires(Requirement.WRITE_OWN)
    String addDwelling(@PathVariable long id, @RequestParam java.util.Map<String, String> form, RedirectAttributes redirect) {
        try {
            StockStatus status = StockStatus.parse(form.getOrDefault("status", ""))
                    .orElseThrow(() -> new BadInput("状态不对：应为 " + StockStatus.choices()));
            Dwelling d = stock.add(dwelling(id, form, status));
            redirect.addFlashAttribute("message", "已录入 " + d.label());
            return "redirect:/rental/stock/dwellings/" + d.id();
        } catch (IllegalArgumentException | IllegalStateException e) {
            Refusals.rethrowBug(e);
            redirect.addFlashAttribute("error", e.getMessage());
            return "redirect:/rental/stock/estates/" + id;
        }
    }

    /** Changes a dwelling's 单元, 房号, floor, areas, 户型, rent and address at the version the form showed. */
    @PostMapping("/rental/stock/dwellings/{id}")
    @Requires(Requirement.WRITE_OWN)
    String editDwelling(@PathVariable long id, @RequestParam int version, @RequestParam java.util.Map<String, String> form,
                        RedirectAttributes redirect) {
        try {
            stock.edit(id, version, dwelling(null, form, null));
            redirect.addFlashAttribute("message", "已保存");
        } catch (IllegalArgumentException | IllegalStateException e) {
            Refusals.rethrowBug(e);
            redirect.addFlashAttribute("error", e.getMessage());
        }
        return "redirect:/rental/stock/dwellings/" + id;
    }

    private static Stock.NewDwelling dwelling(Long estateId, java.util.Map<String, String> form, StockStatus status) {
        String rentUnit = text(form, "rentUnit");
        return new Stock.NewDwelling(estateId, text(form, "building"), text(form, "entrance"), text(form, "roomNo"),
                text(form, "address"), floor(text(form, "floor")),
                org.anju.platform.Numbers.figure(text(form, "floorArea"), "建筑面积"),
                org.anju.platform.Numbers.figure(text(form, "usableArea"), "使用面积"), text(form, "layout"),
                org.anju.platform.Numbers.figure(text(form, "rent"), "租金标准"),
                rentUnit == null ? null : RentUnit.parse(rentUnit).orElseThrow(() -> new BadInput("租金单位不对：应为 元/㎡/月 或 元/套/月")),
                status);
    }

    private static String text(java.util.Map<String, String> form, String key) {
        String v = form.get(key);
        return v == null || v.isBlank() ? null : v.strip();
    }

    private static Integer floor(String text) {
        if (text == null) {
            return null;
        }
        try {
            return Integer.valueOf(text);
        } catch (NumberFormatException e) {
            throw new BadInput("楼层应为整数：" + text);
        }
    }

    @GetMapping("/rental/stock/import")
    @Requires(Requirement.WRITE_OWN)
    String importPage(@RequestParam(required = false) String region, Model model) {
        String code = regionOrOwn(region);
        model.addAttribute("region", code);
        model.addAttribute("canWrite", stock.canWrite(code));
        model.addAttribute("programmes", Programme.values());
        return "rental/stock-import";
    }

    /** Reads the uploaded list and shows what would be written; the file is kept for the commit. */
    @PostMapping("/rental/stock/import")
    @Requires(Requirement.WRITE_OWN)
    String preview(@RequestParam("file") MultipartFile file, @RequestParam(required = false) String region,
                   @RequestParam(required = false) String programme, Model model) {
        String code = regionOrOwn(region);
        Programme p = programme == null || programme.isBlank() ? null : Programme.parse(programme)
                .orElseThrow(() -> new BadInput("保障类型不对：" + programme));
        model.addAttribute("region", code);
        model.addAttribute("programmes", Programme.values());
        model.addAttribute("programme", p == null ? null : p.name());
        String owner = access.current().username();
        try {
            slots.run(owner, () -> {
                byte[] content = ImportSlots.bytes(file);
                Stock.Preview preview = stock.preview(file.getOriginalFilename(), content, code, p);
                model.addAttribute("preview", preview);
                model.addAttribute("token", previews.keep(owner, code, p, file.getOriginalFilename(), content));
                return null;
            });
        } catch (InputException e) {
            model.addAttribute("problems", e.problems().stream().map(Object::toString).toList());
        }
        return "rental/stock-import";
    }

    /**
     * Writes the previewed file: read and checked again, all or nothing — once per preview. A repeat of the confirm
     * (double-click, Back and resubmit) is told when and by whom the file was imported and what that wrote.
     */
    @PostMapping("/rental/stock/import/commit")
    @Requires(Requirement.WRITE_OWN)
    String commit(@RequestParam String token, Model model) {
        var actor = access.current();
        String owner = actor.username();
        model.addAttribute("programmes", Programme.values());
        try {
            StockPreviews.Outcome o = slots.run(owner, () -> previews.commitOnce(token, owner, actor.displayName(),
                    stock::checkWrite, k -> {
                        model.addAttribute("region", k.regionCode());
                        return stock.importFile(k.fileName(), k.content(), k.regionCode(), k.programme());
                    }));
            model.addAttribute("region", o.summary().regionCode());
            if (o.repeat()) {
                model.addAttribute("repeated", repeated(o));
            } else {
                model.addAttribute("done", o.summary());
            }
        } catch (InputException e) {
            model.addAttribute("problems", e.problems().stream().map(Object::toString).toList());
        }
        return "rental/stock-import";
    }

    /** A repeated confirm's answer: the first one's outcome, and that nothing was written now. */
    static String repeated(StockPreviews.Outcome o) {
        Stock.ImportSummary s = o.summary();
        String who = o.ownerName() == null || o.ownerName().equals(o.owner()) ? o.owner()
                : o.ownerName() + "（" + o.owner() + "）";
        return "该文件（" + s.fileName() + "）已于 " + org.anju.platform.ChinaTime.spoken(o.at().atOffset(java.time.ZoneOffset.UTC)) + " 由" + who + "确认导入：" + s.regionName() + "新增房源 "
                + s.dwellings() + " 套、项目 " + s.estatesAdded() + " 个、楼栋 " + s.buildingsAdded()
                + " 栋。这次确认是重复提交，没有再次导入，也没有写入任何数据。";
    }

    @GetMapping("/rental/stock/summary")
    @Requires(Requirement.READ_SCOPED)
    String summary(@RequestParam(required = false) String region, @RequestParam(required = false) String period, Model model) {
        String code = regionOrOwn(region);
        YearMonth month = StockController.period(period);
        List<StockCounts> rows = stock.summary(code, month);
        model.addAttribute("rows", rows);
        model.addAttribute("region", code);
        model.addAttribute("period", month);
        java.util.Map<String, HistoricTotal> totals = new java.util.HashMap<>();
        stock.historicTotals(code).forEach(t -> totals.put(t.regionCode(), t));
        model.addAttribute("totals", totals);
        java.util.Map<String, Boolean> settable = new java.util.HashMap<>();
        rows.forEach(r -> settable.put(r.regionCode(), stock.canSetHistoricTotal(r.regionCode())));
        model.addAttribute("settable", settable);
        return "rental/stock-summary";
    }

    /** The level above sets a unit's historic total from the summary page. */
    @PostMapping("/rental/stock/historic-totals")
    @Requires(Requirement.APPROVE_BELOW)
    String setTotal(@RequestParam String region, @RequestParam String total, @RequestParam(defaultValue = "0") int version,
                    @RequestParam(required = false) String note, @RequestParam(required = false) String scope,
                    @RequestParam(required = false) String period, RedirectAttributes redirect) {
        try {
            java.math.BigDecimal t = org.anju.platform.Numbers.figure(total, "历年房源基数");
            if (t == null || t.scale() > 0 && t.stripTrailingZeros().scale() > 0) {
                throw new BadInput("历年房源基数应为整数（套）：" + total);
            }
            HistoricTotal h = stock.setHistoricTotal(region, t.intValueExact(), note, version);
            redirect.addFlashAttribute("message", h.regionName() + "的历年房源基数已设为 " + h.total() + " 套");
        } catch (IllegalArgumentException | IllegalStateException | ArithmeticException e) {
            if (e instanceof RuntimeException r && !(e instanceof ArithmeticException)) {
                Refusals.rethrowBug(r);
            }
            redirect.addFlashAttribute("error", e instanceof ArithmeticException ? "历年房源基数过大：" + total : e.getMessage());
        }
        redirect.addAttribute("region", scope == null || scope.isBlank() ? region : scope);
        if (period != null && !period.isBlank()) {
            redirect.addAttribute("period", period);
        }
        return "redirect:/rental/stock/summary";
    }
}
