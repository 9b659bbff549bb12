package org.anju.ledger.expropriation;

import org.anju.account.Access;
import org.anju.account.Requirement;
import org.anju.account.Requires;
import org.anju.intake.InputException;
import org.anju.platform.BadInput;
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
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.function.Supplier;

/**
 * Pages: a region's 征收项目 with its roll-up; a project with the regulation's timeline, the signing-rate panel, the
 * reward scheme, the import and the households (masked, by state); a household with its agreement and reward line by
 * line; the public 分户补偿情况.
 */
@Controller
class ExpropriationPages {

    private final Expropriations expropriations;
    private final ExpropriationFigures figures;
    private final Access access;

    ExpropriationPages(Expropriations expropriations, ExpropriationFigures figures, Access access) {
        this.expropriations = expropriations;
        this.figures = figures;
        this.access = access;
    }

    @GetMapping("/ledger/expropriation")
    @Requires(Requirement.READ_SCOPED)
    String list(@RequestParam(required = false) String region, Model model) {
        String code = region == null || region.isBlank() ? access.current().region().code() : region.strip();
        model.addAttribute("region", code);
        model.addAttribute("projects", expropriations.projects(code));
        model.addAttribute("rollup", figures.region(code));
        model.addAttribute("canCreate", expropriations.manages(code));
        model.addAttribute("types", ProjectType.values());
        return "ledger/expropriation-list";
    }

    @PostMapping("/ledger/expropriation/projects")
    @Requires(Requirement.HANDLE_APPLICATIONS)
    String create(@RequestParam String region, @RequestParam String name, @RequestParam String type,
                  @RequestParam(required = false) String scopeHouseholds, @RequestParam(required = false) String scopeArea,
                  @RequestParam(required = false) String counting, @RequestParam(required = false) String reviewDays,
                  @RequestParam(required = false) String appraisalDays, @RequestParam(required = false) String gatePercent,
                  @RequestParam(required = false) String gateConsequence, @RequestParam(required = false) String gateSource,
                  RedirectAttributes redirect) {
        return attempt(redirect, "/ledger/expropriation?region=" + region, () -> {
            Project p = expropriations.create(new ProjectForm(region, name, type, integer(scopeHouseholds, "征收范围户数"),
                    number(scopeArea, "征收建筑面积"), counting, integer(reviewDays, "申请复核期限"), integer(appraisalDays, "申请鉴定期限"),
                    number(gatePercent, "签约比例"), gateConsequence, gateSource));
            redirect.addFlashAttribute("message", "已新建征收项目“" + p.name() + "”");
            return "/ledger/expropriation/projects/" + p.id();
        });
    }

    @GetMapping("/ledger/expropriation/projects/{id}")
    @Requires(Requirement.READ_SCOPED)
    String project(@PathVariable long id, @RequestParam(required = false) String state, Model model) {
        Project p = expropriations.project(id);
        model.addAttribute("project", p);
        model.addAttribute("households", expropriations.households(id, state));
        model.addAttribute("state", state == null ? "" : state);
        model.addAttribute("states", HouseholdState.values());
        model.addAttribute("scheme", expropriations.scheme(id).orElse(null));
        model.addAttribute("canWrite", expropriations.manages(p.countyCode()));
        model.addAttribute("stages", Reg590.Stage.values());
        return "ledger/expropriation-project";
    }

    @PostMapping("/ledger/expropriation/projects/{id}/steps")
    @Requires(Requirement.HANDLE_APPLICATIONS)
    String step(@PathVariable long id, @RequestParam String stage, @RequestParam(required = false) String on,
                @RequestParam(required = false) String second, @RequestParam(required = false) String docNo,
                @RequestParam(required = false) String note, @RequestParam(required = false) String flag,
                @RequestParam int version, RedirectAttributes redirect) {
        String back = "/ledger/expropriation/projects/" + id;
        return attempt(redirect, back, () -> {
            Boolean f = flag == null || flag.isBlank() ? null : Boolean.valueOf(flag.strip());
            expropriations.recordStep(id, new StepForm(stage, date(on, "日期"), date(second, "第二个日期"), docNo, note, f, version));
            redirect.addFlashAttribute("message", "已登记" + Reg590.Stage.parse(stage.strip()).label());
            return back;
        });
    }

    @PostMapping("/ledger/expropriation/projects/{id}/households")
    @Requires(Requirement.HANDLE_APPLICATIONS)
    String addHousehold(@PathVariable long id, @RequestParam String code, @RequestParam String ownerName,
                        @RequestParam(required = false) String ownerId, @RequestParam String address,
                        @RequestParam(required = false) String titleNo, @RequestParam(required = false) String area,
                        @RequestParam String use, @RequestParam String titleStatus, RedirectAttributes redirect) {
        String back = "/ledger/expropriation/projects/" + id;
        return attempt(redirect, back, () -> {
            long h = expropriations.addHousehold(id, new HouseholdForm(code, ownerName, ownerId, address, titleNo,
                    number(area, "建筑面积"), use, titleStatus));
            redirect.addFlashAttribute("message", "已登记被征收户 " + code);
            return "/ledger/expropriation/households/" + h;
        });
    }

    @PostMapping("/ledger/expropriation/projects/{id}/scheme")
    @Requires(Requirement.HANDLE_APPLICATIONS)
    String scheme(@PathVariable long id, @RequestParam("file") MultipartFile file, RedirectAttributes redirect) {
        String back = "/ledger/expropriation/projects/" + id;
        return attempt(redirect, back, () -> {
            Expropriations.Scheme s = expropriations.uploadScheme(id, file.getOriginalFilename(), bytes(file));
            redirect.addFlashAttribute("message", "已上传奖励方案“" + s.scheme().name() + "”（第 " + s.version() + " 版，"
                    + s.scheme().tiers().size() + " 档）");
            return back;
        });
    }

    @PostMapping("/ledger/expropriation/projects/{id}/import")
    @Requires(Requirement.HANDLE_APPLICATIONS)
    String importFile(@PathVariable long id, @RequestParam("file") MultipartFile file,
                      @RequestParam(defaultValue = "false") boolean confirm, RedirectAttributes redirect) {
        String back = "/ledger/expropriation/projects/" + id;
        return attempt(redirect, back, () -> {
            byte[] content = bytes(file);
            Expropriations.Preview p = confirm ? expropriations.importFile(id, file.getOriginalFilename(), content)
                    : expropriations.preview(id, file.getOriginalFilename(), content);
            redirect.addFlashAttribute(confirm ? "message" : "preview", confirm ? "已导入 " + p.households() + " 户" : p);
            return back;
        });
    }

    @GetMapping("/ledger/expropriation/households/{id}")
    @Requires(Requirement.READ_SCOPED)
    String household(@PathVariable long id, Model model) {
        HouseholdView h = expropriations.household(id);
        Project p = expropriations.project(h.projectId());
        model.addAttribute("h", h);
        model.addAttribute("project", p);
        try {
            model.addAttribute("reward", expropriations.reward(id));
        } catch (IllegalStateException e) {   // a Conflict: the scheme leaves this household undefined, or none uploaded
            Refusals.rethrowBug(e);
            model.addAttribute("rewardError", e.getMessage());
        }
        model.addAttribute("canWrite", expropriations.manages(p.countyCode()));
        model.addAttribute("today", LocalDate.now(org.anju.platform.ChinaTime.ZONE));
        return "ledger/expropriation-household";
    }

    @PostMapping("/ledger/expropriation/households/{id}/valuation")
    @Requires(Requirement.HANDLE_APPLICATIONS)
    String valuation(@PathVariable long id, @RequestParam(required = false) String amount,
                     @RequestParam(required = false) String receivedOn, @RequestParam(required = false) String reviewRequestedOn,
                     @RequestParam(required = false) String reviewResultOn,
                     @RequestParam(required = false) String appraisalRequestedOn, @RequestParam int version,
                     RedirectAttributes redirect) {
        return household(id, redirect, "已登记评估", () -> expropriations.valuation(id, new ValuationForm(number(amount, "评估价值"),
                date(receivedOn, "收到评估报告日期"), date(reviewRequestedOn, "申请复核日期"), date(reviewResultOn, "收到复核结果日期"),
                date(appraisalRequestedOn, "申请鉴定日期"), version)));
    }

    @PostMapping("/ledger/expropriation/households/{id}/agreement")
    @Requires(Requirement.HANDLE_APPLICATIONS)
    String agree(@PathVariable long id, @RequestParam(required = false) String agreementOn,
                 @RequestParam(required = false) String option, @RequestParam(required = false) String compensation,
                 @RequestParam(required = false) String paymentDue, @RequestParam(required = false) String swapLocation,
                 @RequestParam(required = false) String swapArea, @RequestParam(required = false) String difference,
                 @RequestParam(required = false) String movingFee, @RequestParam(required = false) String transitionFee,
                 @RequestParam(required = false) String transitionFlat, @RequestParam(required = false) String businessLoss,
                 @RequestParam(required = false) String moveDeadline, @RequestParam(required = false) String transitionMode,
                 @RequestParam(required = false) String transitionUntil, @RequestParam int version,
                 RedirectAttributes redirect) {
        return household(id, redirect, "已登记补偿协议", () -> expropriations.agree(id, new AgreementForm(date(agreementOn, "签订日期"),
                option, number(compensation, "补偿金额"), date(paymentDue, "支付期限"), swapLocation, number(swapArea, "调换面积"),
                number(difference, "差价"), number(movingFee, "搬迁费"), number(transitionFee, "临时安置费"), transitionFlat,
                number(businessLoss, "停产停业损失"), date(moveDeadline, "搬迁期限"), transitionMode,
                date(transitionUntil, "过渡期限"), version)));
    }

    @PostMapping("/ledger/expropriation/households/{id}/decision")
    @Requires(Requirement.HANDLE_APPLICATIONS)
    String decide(@PathVariable long id, @RequestParam(required = false) String decisionOn,
                  @RequestParam(required = false) String decisionNo, @RequestParam(required = false) String moveDeadline,
                  @RequestParam int version, RedirectAttributes redirect) {
        return household(id, redirect, "已登记补偿决定", () -> expropriations.decide(id, date(decisionOn, "决定日期"), decisionNo,
                date(moveDeadline, "搬迁期限"), version));
    }

    @PostMapping("/ledger/expropriation/households/{id}/vacate")
    @Requires(Requirement.HANDLE_APPLICATIONS)
    String vacate(@PathVariable long id, @RequestParam(required = false) String on, @RequestParam int version,
                  RedirectAttributes redirect) {
        return household(id, redirect, "已登记腾空", () -> expropriations.vacate(id, date(on, "腾空日期"), version));
    }

    @PostMapping("/ledger/expropriation/households/{id}/enforcement")
    @Requires(Requirement.HANDLE_APPLICATIONS)
    String enforce(@PathVariable long id, @RequestParam(required = false) String on,
                   @RequestParam(defaultValue = "false") boolean noAppeal, @RequestParam int version,
                   RedirectAttributes redirect) {
        return household(id, redirect, "已登记申请强制执行", () -> expropriations.enforce(id, date(on, "申请日期"), noAppeal, version));
    }

    @GetMapping("/public/ledger/expropriation")
    @Requires(Requirement.PUBLIC)
    String publicList(@RequestParam(required = false) Long project, Model model) {
        model.addAttribute("projects", expropriations.publishedProjects());
        model.addAttribute("selected", project == null ? null : expropriations.published(project));
        return "ledger/expropriation-public";
    }

    // ---- helpers ------------------------------------------------------------------------------------------

    private String household(long id, RedirectAttributes redirect, String done, Supplier<HouseholdView> work) {
        String back = "/ledger/expropriation/households/" + id;
        return attempt(redirect, back, () -> {
            HouseholdView h = work.get();
            redirect.addFlashAttribute("message", done + "，现为" + h.state().label());
            return back;
        });
    }

    private static String attempt(RedirectAttributes redirect, String back, Supplier<String> work) {
        try {
            return "redirect:" + work.get();
        } catch (InputException e) {
            redirect.addFlashAttribute("problems", e.problems().stream().map(org.anju.intake.InputProblem::describe).toList());
        } catch (IllegalArgumentException | IllegalStateException e) {
            Refusals.rethrowBug(e);
            redirect.addFlashAttribute("error", e.getMessage());
        }
        return "redirect:" + back;
    }

    private static byte[] bytes(MultipartFile file) {
        try {
            return file.getBytes();
        } catch (IOException e) {
            throw new BadInput("读取上传的文件失败，请重新上传");
        }
    }

    static LocalDate date(String text, String label) {
        try {
            return text == null || text.isBlank() ? null : LocalDate.parse(text.strip());
        } catch (DateTimeParseException e) {
            throw new BadInput(label + "不是日期（如 2025-03-31）：" + text);
        }
    }

    static BigDecimal number(String text, String label) {
        try {
            return text == null || text.isBlank() ? null : new BigDecimal(text.strip().replace(",", ""));
        } catch (NumberFormatException e) {
            throw new BadInput(label + "应为数字：" + text);
        }
    }

    static Integer integer(String text, String label) {
        try {
            return text == null || text.isBlank() ? null : Integer.valueOf(text.strip());
        } catch (NumberFormatException e) {
            throw new BadInput(label + "应为整数：" + text);
        }
    }
}
