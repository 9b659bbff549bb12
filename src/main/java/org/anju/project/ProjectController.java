package org.anju.project;

import org.anju.platform.ChinaTime;
import org.anju.account.Requirement;
import org.anju.account.Requires;
import org.anju.progress.Periods;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.YearMonth;
import java.util.List;

/** REST: the project register. */
@io.swagger.v3.oas.annotations.tags.Tag(name = "项目库", description = "项目的登记、导入、进度（完成投资、形象进度）")
@RestController
@RequestMapping("/api/projects")
class ProjectController {

    static final MediaType XLSX = MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");

    private final Projects projects;

    private final org.anju.platform.ImportSlots slots;

    ProjectController(Projects projects, org.anju.platform.ImportSlots slots) {
        this.slots = slots;
        this.projects = projects;
    }

    @GetMapping
    @Requires(Requirement.READ_SCOPED)
    org.anju.platform.Page<ProjectView> list(@RequestParam String region, @RequestParam int year,
                                             @RequestParam(required = false) String program,
                                             @RequestParam(required = false) String stage,
                                             @RequestParam(required = false) String q, @RequestParam(required = false) String upto,
                                             @RequestParam(required = false) String page,
                                             @RequestParam(required = false) String size) {
        Projects.checkYear(year);
        return projects.search(region, year, program, stage, q, upto == null ? YearMonth.of(year, 12) : Periods.parse(upto),
                org.anju.platform.PageRequest.parse(page, size));
    }

    @GetMapping("/{id}")
    @Requires(Requirement.READ_SCOPED)
    ProjectView get(@PathVariable long id, @RequestParam(required = false) String upto) {
        return projects.get(id, upto == null ? ChinaTime.thisMonth() : Periods.parse(upto));
    }

    /** A new project: everything but id and version (an update must send the version it read). */
    record NewProject(String regionCode, String programCode, int year, String name, String code, BigDecimal units,
                      BigDecimal households, BigDecimal communities, BigDecimal buildings, BigDecimal area,
                      BigDecimal plannedInvestment, java.time.LocalDate prelimDoneOn, java.time.LocalDate startedOn,
                      java.time.LocalDate basicCompletedOn, java.time.LocalDate acceptedOn,
                      java.time.LocalDate deliveredOn, String note) {
    }

    @PostMapping
    @Requires(Requirement.WRITE_OWN)
    Project create(@RequestBody NewProject p) {
        return projects.save(new Project(null, p.regionCode(), null, p.programCode(), p.year(), p.name(), p.code(),
                p.units(), p.households(), p.communities(), p.buildings(), p.area(), p.plannedInvestment(),
                p.prelimDoneOn(), p.startedOn(), p.basicCompletedOn(), p.acceptedOn(), p.deliveredOn(), p.note(), 0));
    }

    @PutMapping("/{id}")
    @Requires(Requirement.WRITE_OWN)
    Project update(@PathVariable long id, @RequestBody Project p) {
        return projects.save(p.withId(id, p.version()));
    }

    @DeleteMapping("/{id}")
    @Requires(Requirement.WRITE_OWN)
    ResponseEntity<Void> delete(@PathVariable long id, @RequestParam int version) {
        projects.delete(id, version);
        return ResponseEntity.noContent().build();
    }

    /** A month's progress, with the version of the project it was read with (progress moves it on). */
    record ProgressEntry(BigDecimal investment, String imageProgress, Integer version) {
    }

    @GetMapping("/{id}/progress")
    @Requires(Requirement.READ_SCOPED)
    List<ProjectProgress> progress(@PathVariable long id) {
        return projects.progress(id);
    }

    @PutMapping("/{id}/progress/{period}")
    @Requires(Requirement.WRITE_OWN)
    List<ProjectProgress> record(@PathVariable long id, @PathVariable String period, @RequestBody ProgressEntry e) {
        projects.recordProgress(id, e.version(), Periods.parse(period), e.investment(), e.imageProgress());
        return projects.progress(id);
    }

    @PostMapping(value = "/import", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @Requires(Requirement.WRITE_OWN)
    Projects.ImportSummary importFile(@RequestPart("file") MultipartFile file, @RequestParam(required = false) String region)
            throws IOException {
        return slots.run(() -> projects.importFile(file.getOriginalFilename(), org.anju.platform.ImportSlots.bytes(file), region));
    }

    @GetMapping("/export")
    @Requires(Requirement.READ_SCOPED)
    ResponseEntity<byte[]> export(@RequestParam String region, @RequestParam int year, @RequestParam(required = false) String upto) {
        Projects.checkYear(year);
        byte[] xlsx = projects.export(region, year, upto == null ? YearMonth.of(year, 12) : Periods.parse(upto));
        return download(xlsx, "项目库-" + region + "-" + year + ".xlsx");
    }

    @GetMapping("/template")
    @Requires(Requirement.AUTHENTICATED)
    ResponseEntity<byte[]> template() {
        return download(projects.template(), "项目库导入模板.xlsx");
    }

    static ResponseEntity<byte[]> download(byte[] content, String name) {
        return ResponseEntity.ok().contentType(XLSX)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(name, StandardCharsets.UTF_8).build().toString())
                .body(content);
    }
}
