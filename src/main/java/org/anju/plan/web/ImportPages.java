package org.anju.plan.web;

import org.anju.account.Requirement;
import org.anju.account.Requires;
import org.anju.plan.Plans;
import org.anju.plan.imports.ImportOptions;
import org.anju.plan.imports.ImportResult;
import org.anju.plan.imports.PlanImporter;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;

import java.io.IOException;

/**
 * Importing in the browser: choose a file, see what would be imported and what does not add up,
 * then confirm. The file is kept with the preview, so confirming does not upload it again.
 */
@Controller
class ImportPages {

    private final PlanImporter importer;
    private final Plans plans;

    ImportPages(PlanImporter importer, Plans plans) {
        this.importer = importer;
        this.plans = plans;
    }

    @GetMapping("/imports/new")
    @Requires(Requirement.WRITE_OWN)
    String form(@RequestParam(required = false) Long planId, Model model) {
        model.addAttribute("plans", plans.writable());
        model.addAttribute("planId", planId);
        return "plan/import";
    }

    @PostMapping("/imports/preview")
    @Requires(Requirement.WRITE_OWN)
    String preview(@RequestParam("file") MultipartFile file,
                   @RequestParam(required = false) Long planId,
                   @RequestParam(defaultValue = "false") boolean replace,
                   @RequestParam(required = false) String issuer,
                   @RequestParam(required = false) String encoding,
                   Model model) throws IOException {
        if (file.isEmpty()) {
            model.addAttribute("error", "请选择要导入的文件");
            return "plan/import-result :: result";
        }
        ImportOptions options = new ImportOptions(true, planId, replace, blank(issuer), null, null, null, null, null,
                null, null, ImportController.charset(encoding), true, null, null);
        ImportResult result = importer.importFile(file.getOriginalFilename() == null ? "upload" : file.getOriginalFilename(),
                file.getBytes(), options);
        model.addAttribute("result", result);
        model.addAttribute("planId", planId);
        model.addAttribute("replace", replace);
        model.addAttribute("issuer", blank(issuer));
        model.addAttribute("encoding", blank(encoding));
        return "plan/import-result :: result";
    }

    @PostMapping("/imports/{batchId}/commit")
    @Requires(Requirement.WRITE_OWN)
    String commit(@PathVariable long batchId,
                  @RequestParam(required = false) Long planId,
                  @RequestParam(defaultValue = "false") boolean replace,
                  @RequestParam(required = false) String issuer,
                  @RequestParam(required = false) String encoding,
                  Model model) {
        ImportOptions options = new ImportOptions(false, planId, replace, blank(issuer), null, null, null, null, null,
                null, null, ImportController.charset(encoding), false, null, null);
        ImportResult result = importer.commitPreview(batchId, options);
        if (result.ok()) {
            return "redirect:/plans/" + result.planId();
        }
        model.addAttribute("result", result);
        model.addAttribute("plans", plans.writable());
        return "plan/import";
    }

    private static String blank(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }
}
