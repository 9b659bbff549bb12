package org.anju.ledger.identification;

import org.anju.account.Access;
import org.anju.account.Requirement;
import org.anju.account.Requires;
import org.anju.platform.BadInput;
import org.anju.platform.ChinaTime;
import org.anju.platform.Refusals;
import org.anju.project.ProjectView;
import org.anju.project.Projects;
import org.anju.region.Region;
import org.anju.region.Regions;
import org.springframework.http.ResponseEntity;
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
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.function.Supplier;

import static org.anju.platform.ChinaTime.today;

/** Pages: identifications of a region, the checklists, the checklist form of one identification, the decision page. */
@Controller
class IdentificationPages {

    private final Identifications identifications;
    private final Checklists checklists;
    private final Projects projects;
    private final Regions regions;
    private final Access access;

    IdentificationPages(Identifications identifications, Checklists checklists, Projects projects, Regions regions,
                        Access access) {
        this.identifications = identifications;
        this.checklists = checklists;
        this.projects = projects;
        this.regions = regions;
        this.access = access;
    }


    @GetMapping("/ledger/identification")
    @Requires(Requirement.READ_SCOPED)
    String list(@RequestParam(required = false) String region, @RequestParam(required = false) Integer year, Model model) {
        String code = region == null || region.isBlank() ? access.current().region().code() : region.strip();
        Region r = regions.byCode(code).orElseThrow(() -> new BadInput("没有编码为 " + code + " 的地区"));
        int y = year == null ? today().getYear() : year;
        model.addAttribute("region", r);
        model.addAttribute("year", y);
        model.addAttribute("items", identifications.list(code));
        List<Checklist> applicable = identifications.applicable(code, today());
        model.addAttribute("applicable", applicable);
        model.addAttribute("missing", applicable.isEmpty() ? identifications.missingMessage(code, today()) : null);
        boolean canOpen = r.kind().reports() && access.canWrite(r) && !applicable.isEmpty();
        model.addAttribute("canOpen", canOpen);
        List<ProjectView> candidates = List.of();
        if (canOpen) {
            candidates = new java.util.ArrayList<>();
            for (String program : Identifications.PROGRAMS.stream().sorted().toList()) {   // MINING_SHANTYTOWN, SHANTYTOWN
                candidates.addAll(projects.list(code, y, program, null, YearMonth.now(ChinaTime.ZONE), 0).projects());
            }
        }
        model.addAttribute("projects", candidates);
        model.addAttribute("today", today());
        return "ledger/identification-list";
    }

    @PostMapping("/ledger/identification/open")
    @Requires(Requirement.WRITE_OWN)
    String open(@RequestParam(required = false) Long projectId, @RequestParam(required = false) Long checklistId,
                @RequestParam(required = false) String asOf, @RequestParam(required = false) String region,
                RedirectAttributes redirect) {
        try {
            if (projectId == null) {
                throw new BadInput("请选择项目");
            }
            Identification i = identifications.open(projectId, checklistId, date(asOf, "认定依据日期"));
            return "redirect:/ledger/identification/" + i.id();
        } catch (IllegalArgumentException | IllegalStateException e) {
            Refusals.rethrowBug(e);
            redirect.addFlashAttribute("error", e.getMessage());
            if (region != null && !region.isBlank()) {
                redirect.addAttribute("region", region);
            }
            return "redirect:/ledger/identification";
        }
    }

    @GetMapping("/ledger/identification/checklists")
    @Requires(Requirement.READ_ISSUED)
    String checklists(Model model) {
        model.addAttribute("checklists", checklists.readable());
        Region me = access.current().region();
        model.addAttribute("myRegion", me);
        model.addAttribute("canManage", checklists.canManage(me.code()));
        return "ledger/identification-checklists";
    }

    @PostMapping("/ledger/identification/checklists")
    @Requires(Requirement.ADMIN)
    String upload(@RequestParam String region, @RequestParam("file") MultipartFile file, RedirectAttributes redirect)
            throws IOException {
        try {
            Checklist c = checklists.upload(region, file.getOriginalFilename(), IdentificationController.text(file));
            redirect.addFlashAttribute("message", "已上传认定清单“" + c.name() + "”（" + c.clauses().size() + " 条，自"
                    + Dates.day(c.effectiveFrom()) + "起）");
        } catch (IllegalArgumentException | IllegalStateException e) {
            Refusals.rethrowBug(e);
            redirect.addFlashAttribute("error", e.getMessage());
        }
        return "redirect:/ledger/identification/checklists";
    }

    @GetMapping("/ledger/identification/{id}")
    @Requires(Requirement.READ_SCOPED)
    String detail(@PathVariable long id, Model model) {
        Identification i = identifications.get(id);
        model.addAttribute("i", i);
        model.addAttribute("canEdit", identifications.canEdit(i));
        model.addAttribute("canDecide", identifications.canDecide(i));
        model.addAttribute("types", AreaType.values());
        model.addAttribute("grades", Facts.Grade.values());
        model.addAttribute("answers", Answer.values());
        model.addAttribute("maxMb", Identifications.MAX_EVIDENCE_BYTES / 1024 / 1024);
        return "ledger/identification-detail";
    }

    @GetMapping("/ledger/identification/{id}/decision")
    @Requires(Requirement.READ_SCOPED)
    String decision(@PathVariable long id, Model model) {
        Identification i = identifications.get(id);
        model.addAttribute("i", i);
        model.addAttribute("canDecide", identifications.canDecide(i));
        return "ledger/identification-decision";
    }

    @PostMapping("/ledger/identification/{id}/facts")
    @Requires(Requirement.WRITE_OWN)
    String facts(@PathVariable long id, @RequestParam int version, @RequestParam(required = false) String type,
                 @RequestParam(required = false) String households, @RequestParam(required = false) String contiguousHouseholds,
                 @RequestParam(required = false) String builtYear, @RequestParam(required = false) String appraisal,
                 @RequestParam(required = false) String appraisalReport, @RequestParam(required = false) String note,
                 RedirectAttributes redirect) {
        return act(id, redirect, "已保存事实", () -> identifications.facts(id, version, new Facts(type(type),
                integer(households, "户数"), integer(contiguousHouseholds, "集中成片户数"), integer(builtYear, "建成年份"),
                grade(appraisal), appraisalReport, note)));
    }

    @PostMapping("/ledger/identification/{id}/answer")
    @Requires(Requirement.WRITE_OWN)
    String answer(@PathVariable long id, @RequestParam int version, @RequestParam String clause,
                  @RequestParam(required = false) String answer, @RequestParam(required = false) String reason,
                  RedirectAttributes redirect) {
        return act(id, redirect, "已保存第 " + clause + " 条的回答",
                () -> identifications.answer(id, version, clause, IdentificationController.answer(answer), reason));
    }

    @PostMapping("/ledger/identification/{id}/evidence")
    @Requires(Requirement.WRITE_OWN)
    String evidence(@PathVariable long id, @RequestParam String clause, @RequestParam("file") MultipartFile file,
                    RedirectAttributes redirect) {
        return act(id, redirect, "已上传证明材料“" + file.getOriginalFilename() + "”", () -> {
            try {
                return identifications.addEvidence(id, clause, file.getOriginalFilename(), file.getContentType(),
                        IdentificationController.bytes(file));
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
    }

    @GetMapping("/ledger/identification/{id}/evidence/{evidenceId}")
    @Requires(Requirement.READ_SCOPED)
    ResponseEntity<byte[]> download(@PathVariable long id, @PathVariable long evidenceId) {
        return IdentificationController.file(identifications, id, evidenceId);
    }

    @PostMapping("/ledger/identification/{id}/submit")
    @Requires(Requirement.WRITE_OWN)
    String submit(@PathVariable long id, @RequestParam int version, RedirectAttributes redirect) {
        return act(id, redirect, "已提交上级认定", () -> identifications.submit(id, version));
    }

    @PostMapping("/ledger/identification/{id}/decide")
    @Requires(Requirement.APPROVE_BELOW)
    String decide(@PathVariable long id, @RequestParam int version, @RequestParam String decision,
                  @RequestParam(required = false) List<String> clauses, @RequestParam(required = false) String note,
                  RedirectAttributes redirect) {
        try {
            Identification i = switch (decision) {
                case "APPROVE" -> identifications.approve(id, version, note);
                case "REFUSE" -> identifications.refuse(id, version, clauses, note);
                case "RETURN" -> identifications.sendBack(id, version, note);
                default -> throw new BadInput("决定应为 APPROVE（认定）、REFUSE（不予认定）或 RETURN（退回补充），不是「" + decision + "」");
            };
            redirect.addFlashAttribute("message", "已" + switch (i.state()) {
                case APPROVED -> "认定";
                case REFUSED -> "不予认定";
                default -> "退回补充";
            });
        } catch (IllegalArgumentException | IllegalStateException e) {
            Refusals.rethrowBug(e);
            redirect.addFlashAttribute("error", e.getMessage());
        }
        return "redirect:/ledger/identification/" + id + "/decision";
    }

    private String act(long id, RedirectAttributes redirect, String done, Supplier<?> work) {
        try {
            work.get();
            redirect.addFlashAttribute("message", done);
        } catch (IllegalArgumentException | IllegalStateException e) {
            Refusals.rethrowBug(e);
            redirect.addFlashAttribute("error", e.getMessage());
        }
        return "redirect:/ledger/identification/" + id;
    }

    static AreaType type(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        return AreaType.parse(text).orElseThrow(() -> new BadInput("棚户区类型「" + text + "」不对：应为 " + AreaType.choices()));
    }

    static Facts.Grade grade(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return Facts.Grade.valueOf(text.strip());
        } catch (IllegalArgumentException e) {
            throw new BadInput("鉴定等级「" + text + "」不对：应为 A、B、C、D 或 NONE（未鉴定）");
        }
    }

    static Integer integer(String text, String what) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return Integer.valueOf(text.strip());
        } catch (NumberFormatException e) {
            throw new BadInput(what + "「" + text + "」不是整数");
        }
    }

    static LocalDate date(String text, String what) {
        if (text == null || text.isBlank()) {
            throw new BadInput("请填写" + what);
        }
        try {
            return LocalDate.parse(text.strip());
        } catch (DateTimeParseException e) {
            throw new BadInput(what + "「" + text + "」应写成 2024-06-01");
        }
    }
}
