package org.anju.rental.application;

import org.anju.account.Access;
import org.anju.account.Requirement;
import org.anju.account.Requires;
import org.anju.platform.BadInput;
import org.anju.platform.ChinaTime;
import org.anju.platform.Once;
import org.anju.platform.Refusals;
import org.anju.region.Regions;
import org.anju.rental.household.Guarantee;
import org.anju.rental.household.HouseholdForm;
import org.anju.rental.review.Review;
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
import java.util.List;
import java.util.Map;

import static org.anju.platform.ChinaTime.today;

/** Pages: the queue, the application form, an application with its steps and forms, the 资格证, overdue, the rules. */
@Controller
class ApplicationPages {

    static final int MEMBER_ROWS = 6;
    static final int GROUP_ROWS = 3;

    private final Applications applications;
    private final CityRules rules;
    private final Access access;
    private final Regions regions;
    /** 登记公示异议 sent twice is recorded once. */
    private final Once once;

    ApplicationPages(Applications applications, CityRules rules, Access access, Regions regions, Once once) {
        this.applications = applications;
        this.rules = rules;
        this.access = access;
        this.regions = regions;
        this.once = once;
    }


    @GetMapping("/rental/applications")
    @Requires(Requirement.READ_SCOPED)
    String queue(@RequestParam(required = false) String region, @RequestParam(required = false) String status, Model model) {
        var a = access.current();
        String code = region == null || region.isBlank() ? a.region().code() : region.strip();
        model.addAttribute("queue", applications.queue(today()));
        model.addAttribute("list", applications.list(code, ApplicationController.status(status), 0, 200));
        model.addAttribute("region", code);
        model.addAttribute("regionName", regions.byCode(code).map(r -> r.name()).orElse(code));
        model.addAttribute("status", status);
        model.addAttribute("statuses", ApplicationStatus.values());
        model.addAttribute("canSubmit", a.roles().stream().anyMatch(r -> r == org.anju.account.Role.COMMUNITY_CLERK
                || r == org.anju.account.Role.TOWN_REVIEWER));
        model.addAttribute("today", today());
        return "rental/application/queue";
    }

    @GetMapping("/rental/applications/new")
    @Requires(Requirement.HANDLE_APPLICATIONS)
    String form(Model model) {
        String local = access.current().region().code();
        model.addAttribute("regionCode", local);
        model.addAttribute("programmes", applications.programmes(local, today()));
        model.addAttribute("memberRows", MEMBER_ROWS);
        model.addAttribute("groupRows", GROUP_ROWS);
        model.addAttribute("today", today());
        model.addAttribute("guarantees", Guarantee.values());
        return "rental/application/new";
    }

    @PostMapping("/rental/applications")
    @Requires(Requirement.HANDLE_APPLICATIONS)
    String submit(@RequestParam Map<String, String> form, RedirectAttributes redirect) {
        try {
            Guarantee g = guarantee(form.get("guarantee"));
            long id = applications.submit(new NewApplication(household(form), null, g, text(form, "programme"),
                    date(form.get("appliedOn"), "受理日期")));
            ApplicationView v = applications.application(id);
            redirect.addFlashAttribute("message", "已登记申请 " + id + "：" + v.statusLabel());
            return "redirect:/rental/applications/" + id;
        } catch (IllegalArgumentException | IllegalStateException e) {
            Refusals.rethrowBug(e);
            redirect.addFlashAttribute("error", e.getMessage());
            return "redirect:/rental/applications/new";
        }
    }

    @GetMapping("/rental/applications/{id}")
    @Requires(Requirement.READ_SCOPED)
    String application(@PathVariable long id, Model model) {
        model.addAttribute("app", applications.application(id));
        model.addAttribute("today", today());
        model.addAttribute("decisions", List.of(Review.Decision.values()));
        return "rental/application/detail";
    }

    @PostMapping("/rental/applications/{id}/decide")
    @Requires(Requirement.HANDLE_APPLICATIONS)
    String decide(@PathVariable long id, @RequestParam int version, @RequestParam String decision,
                  @RequestParam(required = false) String note, @RequestParam(required = false) String on,
                  RedirectAttributes redirect) {
        return act(id, redirect, () -> {
            Review.Decision d;
            try {
                d = Review.Decision.valueOf(decision);
            } catch (IllegalArgumentException e) {
                throw new BadInput("审核决定不对：应为 APPROVE、RETURN、REJECT 或 BLACKLIST");
            }
            return applications.decide(id, version, d, note, date(on, "办理日期")).statusLabel();
        });
    }

    @PostMapping("/rental/applications/{id}/resubmit")
    @Requires(Requirement.HANDLE_APPLICATIONS)
    String resubmit(@PathVariable long id, @RequestParam int version, @RequestParam(required = false) String on,
                    RedirectAttributes redirect) {
        return act(id, redirect, () -> applications.resubmit(id, version, date(on, "重新提交日期")).statusLabel());
    }

    @PostMapping("/rental/applications/{id}/objections")
    @Requires(Requirement.HANDLE_APPLICATIONS)
    String object(@PathVariable long id, @RequestParam int version, @RequestParam(required = false) String channel,
                  @RequestParam(required = false) String content, @RequestParam(required = false) String receivedOn,
                  @RequestParam(name = Once.FIELD, required = false) String key, RedirectAttributes redirect) {
        return act(id, redirect, () -> {
            // sent again (Back, a double-click) the form carries the version it was shown with: without its key the
            // repeat was refused as 已被他人办理, about the user's own click
            Once.Done done = once.run(key, Once.From.FORM, ApplicationController.asked(id, version, channel, content, receivedOn),
                    () -> applications.object(id, version, channel, content, date(receivedOn, "收到日期")).id());
            return "已登记异议，待核查" + (done.repeated() ? "（同一表单又提交了一次，未重复登记）" : "");
        });
    }

    @PostMapping("/rental/applications/{id}/objections/{objectionId}/resolve")
    @Requires(Requirement.HANDLE_APPLICATIONS)
    String resolve(@PathVariable long id, @PathVariable long objectionId, @RequestParam String upheld,
                   @RequestParam(required = false) String finding, @RequestParam(required = false) String on,
                   RedirectAttributes redirect) {
        return act(id, redirect, () -> applications.resolve(id, objectionId, switch (upheld) {
            case "true" -> true;
            case "false" -> false;
            default -> throw new BadInput("请选择异议是否成立");
        }, finding, date(on, "核查日期")).statusLabel());
    }

    @PostMapping("/rental/applications/{id}/notice-end")
    @Requires(Requirement.HANDLE_APPLICATIONS)
    String endNotice(@PathVariable long id, @RequestParam int version, @RequestParam(required = false) String on,
                     RedirectAttributes redirect) {
        return act(id, redirect, () -> applications.endNotice(id, version, date(on, "日期")).statusLabel());
    }

    private String act(long id, RedirectAttributes redirect, java.util.function.Supplier<String> work) {
        try {
            redirect.addFlashAttribute("message", "已办理，申请现为：" + work.get());
        } catch (IllegalArgumentException | IllegalStateException e) {
            Refusals.rethrowBug(e);
            redirect.addFlashAttribute("error", e.getMessage());
        }
        return "redirect:/rental/applications/" + id;
    }

    @GetMapping("/rental/applications/{id}/certificate")
    @Requires(Requirement.READ_SCOPED)
    String certificate(@PathVariable long id, Model model) {
        model.addAttribute("cert", applications.certificate(id));
        return "rental/application/certificate";
    }

    @GetMapping("/rental/applications/overdue")
    @Requires(Requirement.READ_SCOPED)
    String overdue(@RequestParam(required = false) String region, Model model) {
        String code = region == null || region.isBlank() ? access.current().region().code() : region.strip();
        model.addAttribute("items", applications.overdue(code, today()));
        model.addAttribute("regionName", regions.byCode(code).map(r -> r.name()).orElse(code));
        model.addAttribute("today", today());
        return "rental/application/overdue";
    }

    @GetMapping("/rental/rules")
    @Requires(Requirement.READ_ISSUED)
    String rules(@RequestParam(required = false) String city, Model model) {
        var me = access.current().region();
        String code = city == null || city.isBlank() ? regions.city(me).orElse(me).code() : city.strip();
        model.addAttribute("city", code);
        model.addAttribute("files", rules.files(code));
        model.addAttribute("canManage", rules.canManage(code));
        model.addAttribute("kinds", RuleFile.Kind.values());
        return "rental/application/rules";
    }

    @PostMapping("/rental/rules")
    @Requires(Requirement.HANDLE_APPLICATIONS)
    String upload(@RequestParam String city, @RequestParam String kind, @RequestParam("file") MultipartFile file,
                  @RequestParam(required = false) String effectiveFrom, @RequestParam(required = false) String effectiveTo,
                  RedirectAttributes redirect) throws IOException {
        try {
            RuleFile f = rules.upload(city, ApplicationController.kind(kind), file.getOriginalFilename(),
                    ApplicationController.text(file), date(effectiveFrom, "生效日期"), date(effectiveTo, "失效日期"));
            redirect.addFlashAttribute("message", "已上传" + f.kind().label() + "“" + f.name() + "”（" + f.period() + "）");
        } catch (IllegalArgumentException | IllegalStateException e) {
            Refusals.rethrowBug(e);
            redirect.addFlashAttribute("error", e.getMessage());
        }
        redirect.addAttribute("city", city);
        return "redirect:/rental/rules";
    }

    // ---- the form -----------------------------------------------------------------------------------------

    static Guarantee guarantee(String text) {
        if (text == null || text.isBlank()) {
            throw new BadInput("请选择保障方式（实物配租或租赁补贴）");
        }
        try {
            return Guarantee.valueOf(text.strip());
        } catch (IllegalArgumentException e) {
            throw new BadInput("保障方式不对：应为 PUBLIC_RENTAL（实物配租）或 SUBSIDY（租赁补贴）");
        }
    }

    static HouseholdForm household(Map<String, String> f) {
        List<HouseholdForm.MemberForm> members = new ArrayList<>();
        for (int i = 0; i < MEMBER_ROWS; i++) {
            String name = text(f, "m" + i + ".name");
            String id = text(f, "m" + i + ".idNumber");
            if (name == null && id == null) {
                continue;
            }
            members.add(new HouseholdForm.MemberForm(name, id, i == 0 ? "本人" : text(f, "m" + i + ".relation"),
                    text(f, "m" + i + ".income"), "on".equals(f.get("m" + i + ".proven")),
                    yesNo(f.get("m" + i + ".able"), "第 " + (i + 1) + " 位成员是否有劳动能力"), text(f, "m" + i + ".employment")));
        }
        List<HouseholdForm.GroupForm> groups = new ArrayList<>();
        for (int i = 0; i < GROUP_ROWS; i++) {
            String name = text(f, "g" + i + ".name");
            if (name != null) {
                groups.add(new HouseholdForm.GroupForm(name, date(f.get("g" + i + ".since"), name + "起始日期")));
            }
        }
        return new HouseholdForm(text(f, "regionCode"), text(f, "phone"), text(f, "address"), members, groups,
                org.anju.platform.Numbers.figure(text(f, "heldArea"), "家庭名下住房建筑面积"),
                integer(text(f, "hukouYears"), "本市户籍年限"), integer(text(f, "insuranceMonths"), "社保或公积金缴存月数"),
                date(f.get("graduated"), "毕业时间"), yesNo(f.get("holdsProperty"), "本市是否有住房或非住宅"),
                yesNo(f.get("residencePermit"), "是否持有本市居住证"), null);
    }

    /** 是/否, or null when not stated (a blank choice). */
    static Boolean yesNo(String text, String what) {
        if (text == null || text.isBlank()) {
            return null;
        }
        return switch (text.strip()) {
            case "true", "是", "有" -> true;
            case "false", "否", "无" -> false;
            default -> throw new BadInput(what + "：应为“是”或“否”，不是“" + text + "”");
        };
    }

    static Integer integer(String text, String what) {
        if (text == null) {
            return null;
        }
        try {
            int v = Integer.parseInt(text);
            if (v < 0) {
                throw new BadInput(what + "不能为负数：" + text);
            }
            return v;
        } catch (NumberFormatException e) {
            throw new BadInput(what + "应为整数，不是“" + text + "”");
        }
    }

    static LocalDate date(String text, String what) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(text.strip());
        } catch (java.time.format.DateTimeParseException e) {
            throw new BadInput(what + "不是日期（如 2024-09-26）：" + text);
        }
    }

    static String text(Map<String, String> f, String key) {
        String v = f.get(key);
        return v == null || v.isBlank() ? null : v.strip();
    }
}
