package org.anju.plan.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import org.anju.plan.Milestone;
import org.anju.plan.Plan;
import org.anju.plan.PlanDraft;
import org.anju.plan.Plans;
import org.anju.plan.RegionTotal;
import org.anju.plan.StatedTotal;
import org.anju.plan.Target;
import org.anju.plan.check.Finding;
import org.anju.plan.export.XlsxExport;
import org.anju.region.Region;
import org.anju.region.Regions;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
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
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

@RestController
@RequestMapping("/api")
@Tag(name = "建设计划", description = "计划、分解表、目标任务、进度要求、校验结果")
class PlanController {

    private final Plans plans;
    private final Regions regions;
    private final XlsxExport export;

    PlanController(Plans plans, Regions regions, XlsxExport export) {
        this.plans = plans;
        this.regions = regions;
        this.export = export;
    }

    /** A plan as listed. */
    record PlanView(long id, String title, String documentNumber, LocalDate issuedOn, String issuerCode,
                    String issuerRegion, String issuerName, int firstYear, int lastYear, Long parentPlanId,
                    String sourceFile) {
    }

    record PlanDetail(PlanView plan, List<TableHead> tables, List<Milestone> milestones, List<StatedTotal> statedTotals) {
    }

    record TableHead(int seq, String label, String title, String unitLine, int rows, List<String> columns) {
    }

    record PlanRequest(@NotBlank String title, @NotBlank String issuerCode, String issuerName, String documentNumber,
                       LocalDate issuedOn, @NotNull Integer firstYear, Integer lastYear, Long parentPlanId,
                       String note) {
    }

    private PlanView view(Plan p) {
        Region issuer = regions.byId(p.issuerRegionId());
        return new PlanView(p.id(), p.title(), p.documentNumber(), p.issuedOn(), issuer.code(), issuer.name(),
                p.issuerName(), p.firstYear(), p.lastYear(), p.parentPlanId(), p.sourceFile());
    }

    @GetMapping("/plans")
    @Operation(summary = "计划列表")
    List<PlanView> plans() {
        return plans.all().stream().map(this::view).toList();
    }

    @GetMapping("/plans/{id}")
    @Operation(summary = "计划详情：分解表目录、进度要求、正文所列总数")
    PlanDetail plan(@PathVariable long id) {
        PlanDraft d = plans.load(id);
        return new PlanDetail(view(d.plan()), d.tables().stream().map(t -> new TableHead(t.seq(), t.label(), t.title(),
                t.unitLine(), t.rows().size(), t.columns().stream().map(c -> (c.year() == null ? "合计" : c.year() + "年")
                + " " + c.indicator().displayName()).toList())).toList(), d.milestones(), d.statedTotals());
    }

    @PostMapping("/plans")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "新建计划（元数据；分解表通过导入）")
    PlanView create(@Valid @RequestBody PlanRequest r) {
        long id = plans.save(new PlanDraft(plan(null, r), List.of(), List.of(), List.of()), false);
        return view(plans.get(id));
    }

    @PutMapping("/plans/{id}")
    @Operation(summary = "修改计划元数据")
    PlanView update(@PathVariable long id, @Valid @RequestBody PlanRequest r) {
        plans.get(id);
        plans.save(new PlanDraft(plan(id, r), List.of(), List.of(), List.of()), false);
        return view(plans.get(id));
    }

    private Plan plan(Long id, PlanRequest r) {
        Region issuer = regions.byCode(r.issuerCode())
                .orElseThrow(() -> new IllegalArgumentException("发文地区代码不存在：" + r.issuerCode()));
        int last = r.lastYear() == null ? r.firstYear() : r.lastYear();
        return new Plan(id, r.title(), issuer.id(), r.issuerName(), blankToNull(r.documentNumber()), r.issuedOn(),
                r.firstYear(), last, r.parentPlanId(), null, r.note());
    }

    @DeleteMapping("/plans/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "删除计划及其分解表")
    void delete(@PathVariable long id) {
        plans.delete(id);
    }

    @GetMapping("/plans/{id}/tables")
    @Operation(summary = "计划的全部分解表（数字按印刷精度给出字符串）")
    List<TableView> tables(@PathVariable long id) {
        plans.get(id);
        return plans.tables(id).stream().map(TableView::of).toList();
    }

    @GetMapping("/plans/{id}/tables/{seq}")
    @Operation(summary = "一张分解表")
    TableView table(@PathVariable long id, @PathVariable int seq) {
        return TableView.of(plans.table(id, seq));
    }

    @GetMapping("/plans/{id}/targets")
    @Operation(summary = "目标任务（可按地区代码、指标代码、年度筛选）")
    List<Target> targets(@PathVariable long id,
                         @Parameter(description = "地区代码，如 361100") @RequestParam(required = false) String region,
                         @Parameter(description = "指标代码，如 SHANTYTOWN.START.UNIT") @RequestParam(required = false) String indicator,
                         @RequestParam(required = false) Integer year) {
        plans.get(id);
        return plans.targets(id, blankToNull(region), blankToNull(indicator), year);
    }

    @GetMapping("/plans/{id}/totals")
    @Operation(summary = "某地区全辖目标任务合计（各单位数之和）")
    List<RegionTotal> totals(@PathVariable long id, @RequestParam String region) {
        plans.get(id);
        return plans.subtreeTotals(id, region);
    }

    @GetMapping("/plans/{id}/findings")
    @Operation(summary = "校验结果：表内合计、分年合计、正文总数、与上级下达任务的一致性")
    List<Finding> findings(@PathVariable long id) {
        return plans.findings(id);
    }

    @GetMapping("/findings")
    @Operation(summary = "全部计划的校验结果")
    List<Finding> allFindings() {
        List<Finding> all = new ArrayList<>();
        plans.all().forEach(p -> all.addAll(plans.findings(p.id())));
        return all;
    }

    @GetMapping("/plans/{id}/milestones")
    @Operation(summary = "进度要求")
    List<Milestone> milestones(@PathVariable long id) {
        plans.get(id);
        return plans.milestones(id);
    }

    @PutMapping("/plans/{id}/milestones")
    @Operation(summary = "替换进度要求")
    List<Milestone> replaceMilestones(@PathVariable long id, @RequestBody List<Milestone> milestones) {
        plans.replaceMilestones(id, milestones);
        return plans.milestones(id);
    }

    @GetMapping("/plans/{id}/stated-totals")
    @Operation(summary = "正文所列总数（与分解表核对）")
    List<StatedTotal> statedTotals(@PathVariable long id) {
        return plans.load(id).statedTotals();
    }

    @PutMapping("/plans/{id}/stated-totals")
    @Operation(summary = "替换正文所列总数；value 为指标计量单位下的数（2.99万套 → 29900），tolerance 为印刷精度的一半（50）")
    List<StatedTotal> replaceStatedTotals(@PathVariable long id, @RequestBody List<StatedTotal> totals) {
        plans.replaceStatedTotals(id, totals);
        return plans.load(id).statedTotals();
    }

    @GetMapping(value = "/plans/{id}/export.xlsx")
    @Operation(summary = "导出全部分解表（XLSX，按原表格式）")
    ResponseEntity<byte[]> exportPlan(@PathVariable long id) {
        Plan p = plans.get(id);
        return xlsx(export.write(plans.tables(id)), p.label() + ".xlsx");
    }

    @GetMapping(value = "/plans/{id}/tables/{seq}/export.xlsx")
    @Operation(summary = "导出一张分解表（XLSX）")
    ResponseEntity<byte[]> exportTable(@PathVariable long id, @PathVariable int seq) {
        Plan p = plans.get(id);
        var t = plans.table(id, seq);
        return xlsx(export.write(List.of(t)), p.label() + " " + t.displayLabel() + ".xlsx");
    }

    static ResponseEntity<byte[]> xlsx(byte[] body, String fileName) {
        return ResponseEntity.ok()
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename(fileName, StandardCharsets.UTF_8).build().toString())
                .contentType(MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"))
                .body(body);
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }
}
