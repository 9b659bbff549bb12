package org.anju.bulletin;

import org.anju.account.Requirement;
import org.anju.account.Requires;
import org.anju.platform.ChinaTime;
import org.anju.platform.Refusals;
import org.anju.progress.PageContext;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.util.UriComponentsBuilder;

import jakarta.servlet.http.HttpServletResponse;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Pages of a region's bulletin: the month's draft (created from the data with a button), its head, each part's form
 * (htmx), the order of the units, the issue form; the archive of issued versions and an issued version's page. Without
 * a draft the page previews the bulletin composed from the data, marked 未签发.
 */
@Controller
class BulletinPages {

    /**
     * What a change reports after its redirect: {@code saved=<key>} names one of these fixed notices (a link cannot make
     * the page show any other text; an unknown key shows nothing).
     */
    static final java.util.Map<String, String> NOTICES = java.util.Map.ofEntries(
            java.util.Map.entry("created", "已从数据生成草稿"),
            java.util.Map.entry("refreshed", "已刷新计算数据"),
            java.util.Map.entry("refreshed-stale", "已刷新计算数据；有已修改的部分下的计算文本发生变化，请核对（已标出）"),
            java.util.Map.entry("head", "已保存文头和版记"),
            java.util.Map.entry("section", "已保存"),
            java.util.Map.entry("restored", "已恢复为计算文本"),
            java.util.Map.entry("removed", "已删除"),
            java.util.Map.entry("added", "已添加"),
            java.util.Map.entry("order", "已调整单位顺序"),
            java.util.Map.entry("correction", "已生成更正草稿：修改后填写更正说明再签发"),
            java.util.Map.entry("discarded", "已放弃草稿（已签发的通报不受影响）"));

    private final Bulletins bulletins;
    private final BulletinDrafts drafts;
    private final PageContext context;
    private final org.anju.account.Users users;

    BulletinPages(Bulletins bulletins, BulletinDrafts drafts, PageContext context, org.anju.account.Users users) {
        this.bulletins = bulletins;
        this.drafts = drafts;
        this.context = context;
        this.users = users;
    }

    @GetMapping("/bulletins")
    @Requires(Requirement.READ_SCOPED)
    String page(@RequestParam(required = false) String region, @RequestParam(required = false) String period,
                @RequestParam(required = false) String saved, Model model) {
        PageContext.Choice c = context.choose(region, period);
        if (saved != null && NOTICES.containsKey(saved)) {
            model.addAttribute("message", NOTICES.get(saved));
        }
        return render(c, model);
    }

    private String render(PageContext.Choice c, Model model) {
        String code = c.region().code();
        model.addAttribute("choice", c);
        model.addAttribute("canWrite", drafts.canWrite(code));
        model.addAttribute("canIssue", drafts.canIssue(code));
        Optional<BulletinDraft> draft = drafts.find(code, c.period());
        if (draft.isEmpty()) {
            Optional<IssuedBulletin> issued = drafts.issuedOf(code, c.period());
            if (issued.isPresent()) {
                // issued already: the page shows that document, not a new draft from the data (a change is a correction)
                model.addAttribute("issued", issued.get());
                model.addAttribute("bulletin", issued.get().content());
                model.addAttribute("names", users.displayNames(java.util.Set.of(issued.get().issuedBy())));
                return "bulletin/index";
            }
            model.addAttribute("bulletin", bulletins.compose(code, c.period(), BulletinOptions.defaults()));
            model.addAttribute("unissued", true);
            return "bulletin/index";
        }
        BulletinDraft d = draft.get();
        model.addAttribute("draft", d);
        model.addAttribute("names", users.displayNames(java.util.Set.of(d.updatedBy())));
        if (d.composed() != null) {
            model.addAttribute("bulletin", drafts.bulletin(d));
            model.addAttribute("units", d.composed().tables().isEmpty() ? List.of() : units(d));
        }
        model.addAttribute("today", LocalDate.now(ChinaTime.ZONE));
        model.addAttribute("labels", d.sections().stream().collect(java.util.stream.Collectors.toMap(DraftSection::key, BulletinDrafts::label)));
        return "bulletin/index";
    }

    /** The units in the draft's order, with names (code order when the draft keeps none). */
    private List<String[]> units(BulletinDraft d) {
        List<String[]> units = new ArrayList<>();
        for (String code : d.unitOrder()) {
            units.add(new String[]{code, bulletins.regionName(code)});
        }
        return units;
    }

    @PostMapping("/bulletins/drafts")
    @Requires(Requirement.WRITE_OWN)
    String create(@RequestParam String region, @RequestParam String period, Model model, HttpServletResponse response) {
        PageContext.Choice c = context.choose(region, period);
        return act(c, model, response, () -> {
            drafts.create(c.region().code(), c.period());
            return "created";
        });
    }

    @PostMapping("/bulletins/drafts/{id}/refresh")
    @Requires(Requirement.WRITE_OWN)
    String refresh(@PathVariable long id, @RequestParam int version, Model model, HttpServletResponse response) {
        return act(id, model, response, () -> {
            BulletinDraft d = drafts.refresh(id, version);
            return d.stale().isEmpty() ? "refreshed" : "refreshed-stale";
        });
    }

    @PostMapping("/bulletins/drafts/{id}/head")
    @Requires(Requirement.WRITE_OWN)
    String head(@PathVariable long id, @RequestParam int version, @RequestParam(required = false) String issuer,
                @RequestParam(required = false) String documentNumber, @RequestParam(required = false) String addressee,
                @RequestParam(required = false) LocalDate dated, @RequestParam(required = false) String copyTo,
                @RequestParam(required = false) String printedBy, @RequestParam(required = false) LocalDate printedOn,
                @RequestParam(required = false) String correctionNote, Model model, HttpServletResponse response) {
        return act(id, model, response, () -> {
            drafts.saveHead(id, version, new BulletinDraft.Head(issuer, documentNumber, addressee, dated, copyTo, printedBy, printedOn),
                    correctionNote);
            return "head";
        });
    }

    /** One part's form: {@code action} save (the text), restore (恢复为计算文本) or remove (a part added by hand). */
    @PostMapping("/bulletins/drafts/{id}/section")
    @Requires(Requirement.WRITE_OWN)
    String section(@PathVariable long id, @RequestParam int version, @RequestParam String key,
                   @RequestParam(required = false) String heading, @RequestParam(required = false) String text,
                   @RequestParam(defaultValue = "save") String action, Model model, HttpServletResponse response) {
        return act(id, model, response, () -> switch (action) {
            case "restore" -> {
                drafts.restore(id, version, key);
                yield "restored";
            }
            case "remove" -> {
                drafts.removeSection(id, version, key);
                yield "removed";
            }
            case "save" -> {
                drafts.editSection(id, version, key, heading, text);
                yield "section";
            }
            default -> throw new org.anju.platform.BadInput("未知的操作：" + action);
        });
    }

    @PostMapping("/bulletins/drafts/{id}/sections")
    @Requires(Requirement.WRITE_OWN)
    String add(@PathVariable long id, @RequestParam int version, @RequestParam(required = false) String kind,
               @RequestParam(required = false) String heading, @RequestParam(required = false) String text, Model model,
               HttpServletResponse response) {
        return act(id, model, response, () -> {
            DraftSection.Kind k = "PROBLEM".equals(kind) ? DraftSection.Kind.PROBLEM : "PROGRESS".equals(kind) ? DraftSection.Kind.PROGRESS : null;
            drafts.addSection(id, version, k, heading, text);
            return "added";
        });
    }

    /** Moves one unit up or down the draft's order ({@code units}: the order the page showed, comma-separated codes). */
    @PostMapping("/bulletins/drafts/{id}/order")
    @Requires(Requirement.WRITE_OWN)
    String order(@PathVariable long id, @RequestParam int version, @RequestParam String units, @RequestParam String move,
                 @RequestParam(defaultValue = "up") String direction, Model model, HttpServletResponse response) {
        return act(id, model, response, () -> {
            List<String> order = new ArrayList<>(Arrays.stream(units.split(",")).map(String::strip).filter(s -> !s.isEmpty()).toList());
            int at = order.indexOf(move);
            int to = "down".equals(direction) ? at + 1 : at - 1;
            if (at >= 0 && to >= 0 && to < order.size()) {
                order.add(to, order.remove(at));
            }
            drafts.order(id, version, order);
            return "order";
        });
    }

    /** 放弃草稿: deletes the draft at {@code version} after the confirmation box was ticked (what was issued stays). */
    @PostMapping("/bulletins/drafts/{id}/discard")
    @Requires(Requirement.WRITE_OWN)
    String discard(@PathVariable long id, @RequestParam int version, @RequestParam(required = false) String confirm, Model model,
                   HttpServletResponse response) {
        return act(id, model, response, () -> {
            if (confirm == null) {
                throw new org.anju.platform.BadInput("请勾选“确认放弃”：放弃后草稿上的修改都会删除（已签发的通报不受影响）");
            }
            drafts.discard(id, version);
            return "discarded";
        });
    }

    @PostMapping("/bulletins/drafts/{id}/issue")
    @Requires(Requirement.ISSUE)
    String issue(@PathVariable long id, @RequestParam int version, @RequestParam(required = false) String documentNumber,
                 @RequestParam(required = false) LocalDate signedOn, @RequestParam(required = false) String confirm, Model model,
                 HttpServletResponse response, org.springframework.web.servlet.mvc.support.RedirectAttributes redirect) {
        BulletinDraft d;
        try {
            d = drafts.draft(id);
        } catch (org.anju.platform.NotFound gone) {
            // 签发 sent again (Back + 确认重新提交表单, a double-click whose first answer the browser dropped): the draft
            // was deleted when it was issued — show what it became, saying so, not a 404 page "通报草稿不存在"
            IssuedBulletin done = drafts.issuedFromDraft(id).orElseThrow(() -> gone);
            java.util.List<String> differ = BulletinDrafts.differences(done, documentNumber, signedOn);
            redirect.addFlashAttribute("message", "该草稿已于 " + ChinaTime.atMinute(done.issuedAt()) + " 签发为" + done.documentNumber()
                    + "，未再次签发" + (differ.isEmpty() ? "" : "，本次填写的" + String.join("、", differ)
                    + "未采用（如需改正，请对已签发的通报发更正）") + "；以下是已签发的通报");
            return "redirect:/bulletins/issued/" + done.id();
        }
        try {
            if (confirm == null) {
                throw new org.anju.platform.BadInput("请勾选“确认签发”：签发后通报不能再修改，只能更正");
            }
            IssuedBulletin i = drafts.issue(id, version, documentNumber, signedOn);
            return "redirect:/bulletins/issued/" + i.id();
        } catch (IllegalArgumentException | IllegalStateException e) {
            Refusals.rethrowBug(e);
            Refusals.show(e, response, model);
            return render(context.choose(d.regionCode(), d.period().toString()), model);
        }
    }

    @GetMapping("/bulletins/issued")
    @Requires(Requirement.READ_ISSUED)
    String archive(@RequestParam(required = false) String region, @RequestParam(required = false) Integer year,
                   @RequestParam(required = false) String page, @RequestParam(required = false) String size, Model model) {
        org.anju.platform.Page<IssuedBulletin> issued = drafts.issuedPage(region, year, org.anju.platform.PageRequest.parse(page, size));
        model.addAttribute("page", issued);
        model.addAttribute("issued", issued.items());
        model.addAttribute("names", users.displayNames(issued.items().stream().map(IssuedBulletin::issuedBy)
                .collect(java.util.stream.Collectors.toSet())));
        model.addAttribute("region", region);
        model.addAttribute("year", year);
        return "bulletin/issued";
    }

    @GetMapping("/bulletins/issued/{id}")
    @Requires(Requirement.READ_ISSUED)
    String issued(@PathVariable long id, Model model) {
        IssuedBulletin i = drafts.issued(id);
        model.addAttribute("issue", i);
        model.addAttribute("bulletin", i.content());
        model.addAttribute("chain", drafts.chain(i));
        model.addAttribute("canIssue", drafts.canIssue(i.regionCode()));
        model.addAttribute("names", users.displayNames(java.util.Set.of(i.issuedBy())));
        return "bulletin/issue";
    }

    @PostMapping("/bulletins/issued/{id}/correction")
    @Requires(Requirement.ISSUE)
    String correct(@PathVariable long id, Model model, HttpServletResponse response) {
        IssuedBulletin i = drafts.issued(id);
        return act(context.choose(i.regionCode(), i.period().toString()), model, response, () -> {
            drafts.correct(id);
            return "correction";
        });
    }

    private String act(long draftId, Model model, HttpServletResponse response, Supplier<String> work) {
        BulletinDraft d = drafts.draft(draftId);
        return act(context.choose(d.regionCode(), d.period().toString()), model, response, work);
    }

    /** Runs a change; success shows the page again (redirect), a refusal shows it with the reason and the right status. */
    private String act(PageContext.Choice c, Model model, HttpServletResponse response, Supplier<String> work) {
        try {
            String message = work.get();
            return "redirect:" + UriComponentsBuilder.fromPath("/bulletins").queryParam("region", c.region().code())
                    .queryParam("period", c.period().toString()).queryParam("saved", message).build().encode().toUriString();
            // message: a key of NOTICES
        } catch (IllegalArgumentException | IllegalStateException e) {
            Refusals.rethrowBug(e);
            Refusals.show(e, response, model);
            return render(c, model);
        }
    }
}
