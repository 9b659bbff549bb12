package org.anju.report;

import org.anju.account.Requirement;
import org.anju.account.Requires;
import org.anju.progress.Periods;
import org.springframework.http.MediaType;
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
import java.util.List;

/** REST: monthly reports and their workflow. Every change carries the version it read (409 when stale). */
@io.swagger.v3.oas.annotations.tags.Tag(name = "月报", description = "填报单位的月报：填报、上报、审核、退回、导入，报送完整率与及时率")
@RestController
@RequestMapping("/api/reports")
class ReportController {

    private final Reports reports;
    private final ReportInbox inbox;
    private final ReportImport imports;

    private final org.anju.platform.ImportSlots slots;

    ReportController(Reports reports, ReportInbox inbox, ReportImport imports, org.anju.platform.ImportSlots slots) {
        this.slots = slots;
        this.reports = reports;
        this.inbox = inbox;
        this.imports = imports;
    }

    record Save(int version, List<ReportValue> values) {
    }

    record Step(int version, String reason) {
    }

    @GetMapping("/items")
    @Requires(Requirement.AUTHENTICATED)
    List<ReportItems.Item> items() {
        return ReportItems.ALL;
    }

    @GetMapping
    @Requires(Requirement.READ_SCOPED)
    @io.swagger.v3.oas.annotations.Operation(summary = "一个月各填报单位的月报状态（含未填报），分页；筛选同 /reports 页面："
            + "status（DRAFT…LOCKED，或 NONE 未填报）、q（单位名称或代码开头）、page、size")
    org.anju.platform.Page<ReportInbox.UnitRow> list(@RequestParam String region, @RequestParam String period,
                                                     @RequestParam(required = false) String status,
                                                     @RequestParam(required = false) String q,
                                                     @RequestParam(required = false) String page,
                                                     @RequestParam(required = false) String size) {
        return inbox.units(region, Periods.parse(period), status, q, org.anju.platform.PageRequest.parse(page, size));
    }

    @GetMapping("/completeness")
    @Requires(Requirement.READ_SCOPED)
    List<Completeness> completeness(@RequestParam String region, @RequestParam String period) {
        return inbox.completeness(region, Periods.parse(period));
    }

    @GetMapping("/{region}/{period}")
    @Requires(Requirement.READ_SCOPED)
    Report get(@PathVariable String region, @PathVariable String period) {
        return reports.get(region, Periods.parse(period));
    }

    @PutMapping("/{region}/{period}")
    @Requires(Requirement.WRITE_OWN)
    Report save(@PathVariable String region, @PathVariable String period, @RequestBody Save body) {
        return reports.save(region, Periods.parse(period), body.version(), body.values());
    }

    @PostMapping("/{region}/{period}/submit")
    @Requires(Requirement.WRITE_OWN)
    Report submit(@PathVariable String region, @PathVariable String period, @RequestBody Step step) {
        return reports.submit(region, Periods.parse(period), step.version());
    }

    @PostMapping("/{region}/{period}/approve")
    @Requires(Requirement.APPROVE_BELOW)
    Report approve(@PathVariable String region, @PathVariable String period, @RequestBody Step step) {
        return reports.approve(region, Periods.parse(period), step.version());
    }

    @PostMapping("/{region}/{period}/return")
    @Requires(Requirement.APPROVE_BELOW)
    Report returnReport(@PathVariable String region, @PathVariable String period, @RequestBody Step step) {
        return reports.returnReport(region, Periods.parse(period), step.version(), step.reason());
    }

    @PostMapping("/{region}/{period}/lock")
    @Requires(Requirement.APPROVE_BELOW)
    Report lock(@PathVariable String region, @PathVariable String period, @RequestBody Step step) {
        return reports.lock(region, Periods.parse(period), step.version());
    }

    @PostMapping(value = "/import", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @Requires(Requirement.WRITE_OWN)
    ReportImport.ImportSummary importFile(@RequestPart("file") MultipartFile file, @RequestParam(required = false) String region,
                                          @RequestParam(defaultValue = "false") boolean submit) throws IOException {
        return slots.run(() -> imports.importFile(file.getOriginalFilename(), org.anju.platform.ImportSlots.bytes(file),
                region, submit));
    }
}
