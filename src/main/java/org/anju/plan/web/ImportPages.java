package org.anju.plan.web;

import jakarta.servlet.http.HttpServletResponse;
import org.anju.account.Access;
import org.anju.account.Actor;
import org.anju.account.Requirement;
import org.anju.account.Requires;
import org.anju.plan.Plans;
import org.anju.plan.imports.ImportOptions;
import org.anju.plan.imports.ImportResult;
import org.anju.plan.imports.PlanImporter;
import org.anju.platform.Jobs;
import org.anju.platform.Refusals;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.util.UriComponentsBuilder;

import java.io.IOException;

/**
 * Importing in the browser: choose a file, see what would be imported and what does not add up,
 * then confirm. The file is kept with the preview, so confirming does not upload it again.
 */
@Controller
class ImportPages {

    private final PlanImporter importer;
    private final Plans plans;
    private final Jobs jobs;
    private final Access access;

    ImportPages(PlanImporter importer, Plans plans, Jobs jobs, Access access) {
        this.importer = importer;
        this.plans = plans;
        this.jobs = jobs;
        this.access = access;
    }

    @GetMapping("/imports/new")
    @Requires(Requirement.WRITE_OWN)
    String form(@RequestParam(required = false) Long planId, Model model) {
        model.addAttribute("plans", plans.writable());
        model.addAttribute("planId", planId);
        return "plan/import";
    }

    /**
     * Starts reading and checking the file as a job: a small file's preview comes back at once, a large one's
     * progress is shown and polled ({@code /imports/jobs/{id}}) until the preview is ready.
     */
    @PostMapping("/imports/preview")
    @Requires(Requirement.WRITE_OWN)
    String preview(@RequestParam("file") MultipartFile file, ImportForm form, Model model,
                   HttpServletResponse response) throws IOException {
        if (file.isEmpty()) {
            model.addAttribute("error", "请选择要导入的文件");
            return "plan/import-result :: result";
        }
        String name = file.getOriginalFilename() == null ? "upload" : file.getOriginalFilename();
        byte[] content = file.getBytes();
        String id = start(form, true, true, "预览 " + name, options -> importer.importFile(name, content, options),
                model, response);
        return id == null ? "plan/import-result :: result"
                : show(jobs.awaitBriefly(id, access.current().username()), form, model, response);
    }

    /** The same stored file read again with the user's answers to the preview's questions. */
    @PostMapping("/imports/{batchId}/answers")
    @Requires(Requirement.WRITE_OWN)
    String answers(@PathVariable long batchId, ImportForm form, Model model, HttpServletResponse response) {
        String id = start(form, true, false, "重新识别", options -> importer.previewAgain(batchId, options), model,
                response);
        return id == null ? "plan/import-result :: result"
                : show(jobs.awaitBriefly(id, access.current().username()), form, model, response);
    }

    /** Starts an import job with the form's options; null, after showing why, when the form is refused. */
    private String start(ImportForm form, boolean dryRun, boolean keepPreview, String title,
                         java.util.function.Function<ImportOptions, ImportResult> work, Model model,
                         HttpServletResponse response) {
        ImportOptions options;
        try {
            options = form.options(dryRun, keepPreview);
        } catch (IllegalArgumentException e) {
            org.anju.platform.Refusals.rethrowBug(e);
            Refusals.show(e, response, model);
            return null;
        }
        Actor actor = access.current();
        return jobs.start(actor.username(), title, Jobs.PLAN_STAGES, () -> Access.runAs(actor, () -> work.apply(options)));
    }

    /** A preview or commit job: its progress (polled again) or, once finished, its result. */
    @GetMapping("/imports/jobs/{jobId}")
    @Requires(Requirement.WRITE_OWN)
    String job(@PathVariable String jobId, ImportForm form, Model model, HttpServletResponse response) {
        return show(jobs.get(jobId, access.current().username()), form, model, response);
    }

    private String show(Jobs.Snapshot job, ImportForm form, Model model, HttpServletResponse response) {
        if (!job.finished()) {
            UriComponentsBuilder poll = UriComponentsBuilder.fromPath("/imports/jobs/").path(job.id())
                    .queryParamIfPresent("planId", java.util.Optional.ofNullable(form.planId()))
                    .queryParam("replace", form.replacing());
            query(poll, "issuer", form.issuer());
            query(poll, "encoding", form.encoding());
            query(poll, "years", form.years());
            query(poll, "program", form.program());
            query(poll, "stage", form.stage());
            query(poll, "period", form.period());
            query(poll, "parent", form.parent());
            form.answer().forEach(a -> poll.queryParam("answer", a));
            form.region().forEach(a -> poll.queryParam("region", a));
            model.addAttribute("job", job);
            // built, then encoded: an answer like 项目{数量}=ignore is a value, not a template variable
            model.addAttribute("poll", poll.build().encode().toUriString());
            return "fragments/job :: job";
        }
        if (job.failure() != null) {
            return refused(job.failure(), model, response);
        }
        ImportResult result = job.result(ImportResult.class);
        if (result.committed() && result.ok()) {
            // htmx follows this to the new plan's (or progress tables') page
            response.setHeader("HX-Redirect", target(result));
        }
        model.addAttribute("result", result);
        model.addAttribute("form", form);
        return "plan/import-result :: result";
    }

    /**
     * A job refused by the importer (the preview gone, the plan changed meanwhile) or interrupted (its server stopped)
     * shows why, with the status the API gives it; a fault goes on to the error handling.
     */
    private static String refused(Jobs.Failure failure, Model model, HttpServletResponse response) {
        if (!failure.shownOnPage()) {
            throw failure.asException();
        }
        response.setStatus(failure.status());
        model.addAttribute("error", failure.message());
        return "plan/import-result :: result";
    }

    private static void query(UriComponentsBuilder b, String name, String value) {
        if (ImportForm.blank(value) != null) {
            b.queryParam(name, value.strip());
        }
    }

    private static String target(ImportResult result) {
        return result.planId() != null ? "/plans/" + result.planId() : "/progress-tables/" + result.progressId();
    }

    /** Writes the previewed file as a job too (a national plan takes a while); the page then goes to the plan. */
    @PostMapping("/imports/{batchId}/commit")
    @Requires(Requirement.WRITE_OWN)
    String commit(@PathVariable long batchId, ImportForm form,
                  @RequestHeader(name = "HX-Request", required = false) String htmx,
                  Model model, HttpServletResponse response) {
        String id = start(form, false, false, "导入（写入）", options -> importer.commitPreview(batchId, options), model,
                response);
        if (id == null) {
            return "plan/import-result :: result";
        }
        Actor actor = access.current();
        if (htmx != null) {
            return show(jobs.awaitBriefly(id, actor.username()), form, model, response);
        }
        Jobs.Snapshot done = jobs.await(id, actor.username());
        if (done.failure() != null) {
            refused(done.failure(), model, response);
            model.addAttribute("form", form);
            model.addAttribute("plans", plans.writable());
            return "plan/import";
        }
        ImportResult result = done.result(ImportResult.class);
        if (result.ok()) {
            return "redirect:" + target(result);
        }
        model.addAttribute("result", result);
        model.addAttribute("form", form);
        model.addAttribute("plans", plans.writable());
        return "plan/import";
    }
}
