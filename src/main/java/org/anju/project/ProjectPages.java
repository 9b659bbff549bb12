package org.anju.project;

import org.anju.platform.ChinaTime;
import org.anju.indicator.BuildingType;
import org.anju.indicator.Construction;
import org.anju.indicator.Placement;
import org.anju.account.Requirement;
import org.anju.account.Requires;
import org.anju.account.Access;
import org.anju.account.Actor;
import org.anju.indicator.Indicators;
import org.anju.platform.Jobs;
import org.anju.progress.PageContext;
import org.anju.progress.Periods;
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
import java.util.List;
import java.math.BigDecimal;
import java.time.YearMonth;

/** Pages: the register (list, filter, import, export) and a project with its monthly progress. */
@Controller
class ProjectPages {

    private final Projects projects;
    private final Indicators indicators;
    private final PageContext context;
    private final Jobs jobs;
    private final Access access;

    private final org.anju.account.Users users;
    private final org.anju.account.AuditTrail audit;

    ProjectPages(Projects projects, Indicators indicators, PageContext context, Jobs jobs, Access access,
                 org.anju.account.Users users, org.anju.account.AuditTrail audit) {
        this.users = users;
        this.audit = audit;
        this.jobs = jobs;
        this.access = access;
        this.projects = projects;
        this.indicators = indicators;
        this.context = context;
    }

    @GetMapping("/projects")
    @Requires(Requirement.READ_SCOPED)
    String list(@RequestParam(required = false) String region, @RequestParam(required = false) String period,
                @RequestParam(required = false) String program, @RequestParam(required = false) String stage,
                @RequestParam(required = false) String q, @RequestParam(required = false) String page,
                @RequestParam(required = false) String size, Model model) {
        PageContext.Choice c = context.choose(region, period);
        model.addAttribute("choice", c);
        model.addAttribute("page", projects.search(c.region().code(), c.period().getYear(), program, stage, q, c.period(),
                org.anju.platform.PageRequest.parse(page, size)));
        model.addAttribute("program", program);
        model.addAttribute("stage", stage);
        model.addAttribute("stages", Projects.STAGES);
        model.addAttribute("q", q);
        model.addAttribute("programs", indicators.programs().stream().filter(p -> !p.code().equals("HOUSING")
                && !p.code().equals("RENTAL_SUBSIDY")).toList());
        model.addAttribute("programNames", indicators.programs().stream()
                .collect(java.util.stream.Collectors.toMap(p -> p.code(), p -> p.name())));
        return "project/list";
    }

    /**
     * Imports a register file as a job: from the page (htmx) a large file's progress is shown and polled
     * ({@code /projects/import/jobs/{id}}) until its result; without JavaScript the form waits and redirects.
     */
    @PostMapping("/projects/import")
    @Requires(Requirement.WRITE_OWN)
    String importFile(@RequestParam("file") MultipartFile file, @RequestParam(required = false) String region,
                      @RequestHeader(name = "HX-Request", required = false) String htmx, Model model,
                      RedirectAttributes redirect) throws IOException {
        String name = file.getOriginalFilename();
        byte[] content = file.getBytes();
        Actor actor = access.current();
        String id = jobs.start(actor.username(), "导入项目库 " + name, Jobs.REGISTER_STAGES,
                () -> Access.runAs(actor, () -> projects.importFile(name, content, region)));
        if (htmx != null) {
            return show(jobs.awaitBriefly(id, actor.username()), model);
        }
        Jobs.Snapshot done = jobs.await(id, actor.username());
        outcome(done).forEach(redirect::addFlashAttribute);
        redirect.addAttribute("region", region);
        return "redirect:/projects";
    }

    @GetMapping("/projects/import/jobs/{jobId}")
    @Requires(Requirement.WRITE_OWN)
    String importJob(@PathVariable String jobId, Model model) {
        return show(jobs.get(jobId, access.current().username()), model);
    }

    private String show(Jobs.Snapshot job, Model model) {
        if (!job.finished()) {
            model.addAttribute("job", job);
            model.addAttribute("poll", "/projects/import/jobs/" + job.id());
            return "fragments/job :: job";
        }
        model.addAllAttributes(outcome(job));
        return "project/list :: import-outcome";
    }

    /** What a finished import says: a message, or every problem (nothing was written). */
    private static java.util.Map<String, Object> outcome(Jobs.Snapshot job) {
        Jobs.Failure failure = job.failure();
        if (failure != null && !failure.shownOnPage()) {
            throw failure.asException();
        }
        if (failure != null) {
            return java.util.Map.of("problems", failure.problems().isEmpty() ? List.of(failure.message()) : failure.problems());
        }
        Projects.ImportSummary s = job.result(Projects.ImportSummary.class);
        return java.util.Map.of("message", "已导入 " + s.fileName() + "：新增 " + s.inserted() + " 个项目，更新 "
                + s.updated() + " 个，记录进度 " + s.progressRecords() + " 条" + s.notImportedText());
    }

    @GetMapping("/projects/{id}")
    @Requires(Requirement.READ_SCOPED)
    String detail(@PathVariable long id, Model model) {
        ProjectView v = projects.get(id, ChinaTime.thisMonth().plusYears(50));
        model.addAttribute("view", v);
        List<ProjectProgress> history = projects.progress(id);
        model.addAttribute("history", history);
        model.addAttribute("names", users.displayNames(history.stream().map(ProjectProgress::recordedBy).toList()));
        model.addAttribute("changes", audit.readable(audit.history("project", java.util.Map.of("id", id))).reversed());
        model.addAttribute("programName", indicators.program(v.project().programCode()).map(p -> p.name()).orElse(""));
        model.addAttribute("canEdit", projects.canWrite(v.project()));
        model.addAttribute("placements", Placement.values());
        model.addAttribute("constructions", Construction.values());
        model.addAttribute("buildingTypes", BuildingType.values());
        model.addAttribute("today", java.time.LocalDate.now(org.anju.platform.ChinaTime.ZONE));
        return "project/detail";
    }

    /** Saves the lifecycle dates, sizes and planned investment; the form carries the version it showed. */
    @PostMapping("/projects/{id}")
    @Requires(Requirement.WRITE_OWN)
    String update(@PathVariable long id, @RequestParam int version, @RequestParam java.util.Map<String, String> form,
                  RedirectAttributes redirect) {
        try {
            Project p = projects.get(id, ChinaTime.thisMonth()).project();
            Project changed = new Project(id, p.regionCode(), p.regionName(), p.programCode(), p.year(),
                    name(form, p.name()), text(form, "code", null), number(form, "units", "套数"),
                    number(form, "households", "户数"), number(form, "communities", "小区数"),
                    number(form, "buildings", "栋数"), number(form, "area", "面积"),
                    number(form, "plannedInvestment", "计划投资"), date(form, "prelimDoneOn", "前期手续办结日期"),
                    date(form, "startedOn", "开工日期"), date(form, "basicCompletedOn", "基本建成（完工）日期"),
                    date(form, "acceptedOn", "竣工验收日期"), date(form, "deliveredOn", "交付日期"),
                    date(form, "occupiedOn", "分配入住日期"), date(form, "deliveryDueOn", "合同约定交付日期"),
                    choice(form, "placement", Placement::parse, "安置方式"),
                    choice(form, "construction", Construction::parse, "建设方式"),
                    choice(form, "buildingType", BuildingType::parse, "楼型"),
                    text(form, "note", null), version);
            projects.save(changed);
            redirect.addFlashAttribute("message", "已保存");
        } catch (IllegalArgumentException | IllegalStateException e) {
            org.anju.platform.Refusals.rethrowBug(e);
            redirect.addFlashAttribute("error", e.getMessage());
        }
        return "redirect:/projects/" + id;
    }

    /** The name as sent; a form that sends it blank is refused (not "saved" with the old name kept silently). */
    private static String name(java.util.Map<String, String> form, String current) {
        if (form.containsKey("name") && text(form, "name", null) == null) {
            throw new org.anju.platform.BadInput("“项目名称”不能为空");
        }
        return text(form, "name", current);
    }

    private static String text(java.util.Map<String, String> form, String key, String fallback) {
        String v = form.get(key);
        return v == null || v.isBlank() ? fallback : v.strip();
    }

    private static <T> T choice(java.util.Map<String, String> form, String key,
                                java.util.function.Function<String, java.util.Optional<T>> parse, String label) {
        String v = text(form, key, null);
        return v == null ? null : parse.apply(v).orElseThrow(() -> new org.anju.platform.BadInput(label + "不对：" + v));
    }

    private static BigDecimal number(java.util.Map<String, String> form, String key, String label) {
        return org.anju.platform.Numbers.figure(text(form, key, null), label);
    }

    private static java.time.LocalDate date(java.util.Map<String, String> form, String key, String label) {
        String v = text(form, key, null);
        try {
            return v == null ? null : java.time.LocalDate.parse(v);
        } catch (java.time.format.DateTimeParseException e) {
            throw new org.anju.platform.BadInput(label + "不是日期（如 2023-06-30）：" + v);
        }
    }

    @PostMapping("/projects/{id}/progress")
    @Requires(Requirement.WRITE_OWN)
    String record(@PathVariable long id, @RequestParam(required = false) Integer version, @RequestParam String period, @RequestParam String investment,
                  @RequestParam(required = false) String imageProgress, RedirectAttributes redirect) {
        try {
            BigDecimal amount = org.anju.platform.Numbers.figure(investment, "累计完成投资");
            projects.recordProgress(id, version, Periods.parse(period), amount, imageProgress);
            redirect.addFlashAttribute("message", "已记录 " + period + " 进度");
        } catch (IllegalArgumentException | IllegalStateException e) {
            org.anju.platform.Refusals.rethrowBug(e);
            redirect.addFlashAttribute("error", e.getMessage());
        }
        return "redirect:/projects/" + id;
    }
}
