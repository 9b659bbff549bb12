package org.anju.plan.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import org.anju.account.AuditEntry;
import org.anju.account.AuditTrail;
import org.anju.account.Requirement;
import org.anju.account.Requires;
import org.anju.indicator.Indicator;
import org.anju.indicator.Indicators;
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
import java.util.NoSuchElementException;

@RestController
@RequestMapping("/api")
@Tag(name = "建设计划", description = "计划、分解表、目标任务、进度要求、校验结果")
class PlanController {

    private final Plans plans;
    private final Regions regions;
    private final XlsxExport export;
    private final Indicators indicators;
    private final AuditTrail audit;

    PlanController(Plans plans, Regions regions, XlsxExport export, Indicators indicators, AuditTrail audit) {
        this.plans = plans;
        this.regions = regions;
        this.export = export;
        this.indicators = indicators;
        this.audit = audit;
    }

    /** A plan as listed; {@code version} is what an update names (optimistic locking). */
    record PlanView(long id, String title, String documentNumber, LocalDate issuedOn, String issuerCode,
                    String issuerRegion, String issuerName, int firstYear, int lastYear, Long parentPlanId,
                    String sourceFile, int version) {
    }

    record PlanDetail(PlanView plan, List<TableHead> tables, List<Milestone> milestones, List<StatedTotal> statedTotals) {
    }

    record TableHead(int seq, String label, String title, String unitLine, int rows, List<String> columns) {
    }

    /** @param version for an update: the version that was read; a stale one is refused with 409 */
    record PlanRequest(@NotBlank String title, @NotBlank String issuerCode, String issuerName, String documentNumber,
                       LocalDate issuedOn, @NotNull Integer firstYear, Integer lastYear, Long parentPlanId,
                       String note, Integer version) {
    }

    private PlanView view(Plan p) {
        Region issuer = regions.byId(p.issuerRegionId());
        return new PlanView(p.id(), p.title(), p.documentNumber(), p.issuedOn(), issuer.code(), issuer.name(),
                p.issuerName(), p.firstYear(), p.lastYear(), p.parentPlanId(), p.sourceFile(), p.version());
    }

    @GetMapping("/plans")
    @Requires(Requirement.READ_ISSUED)
    @Operation(summary = "计划列表（本地区及下级印发的、上级下达给本地区的）")
    List<PlanView> plans() {
        return plans.readable().stream().map(this::view).toList();
    }

    @GetMapping("/plans/{id}")
    @Requires(Requirement.READ_ISSUED)
    @Operation(summary = "计划详情：分解表目录、进度要求、正文所列总数")
    PlanDetail plan(@PathVariable long id) {
        plans.read(id);
        PlanDraft d = plans.load(id);
        return new PlanDetail(view(d.plan()), d.tables().stream().map(t -> new TableHead(t.seq(), t.label(), t.title(),
                t.unitLine(), t.rows().size(), t.columns().stream().map(c -> (c.year() == null ? "合计" : c.year() + "年")
                + " " + c.indicator().displayName()).toList())).toList(), d.milestones(), d.statedTotals());
    }

    @PostMapping("/plans")
    @Requires(Requirement.WRITE_OWN)
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "新建计划（元数据；分解表通过导入）；发文地区须为本单位")
    PlanView create(@Valid @RequestBody PlanRequest r) {
        long id = plans.save(new PlanDraft(plan(null, r), List.of(), List.of(), List.of()), false);
        return view(plans.get(id));
    }

    @PutMapping("/plans/{id}")
    @Requires(Requirement.WRITE_OWN)
    @Operation(summary = "修改计划元数据；须带读取时的 version，其后计划已被修改则 409（说明由谁于何时修改）且不写入")
    PlanView update(@PathVariable long id, @Valid @RequestBody PlanRequest r) {
        plans.get(id);
        if (r.version() == null) {
            throw new org.anju.platform.BadInput("缺少版本号 version：请先读取计划，修改后连同读取时的 version 一起提交");
        }
        return view(plans.updateMetadata(plan(id, r), r.version()));
    }

    private Plan plan(Long id, PlanRequest r) {
        Region issuer = regions.byCode(r.issuerCode())
                .orElseThrow(() -> new org.anju.platform.BadInput("发文地区代码不存在：" + r.issuerCode()));
        int last = r.lastYear() == null ? r.firstYear() : r.lastYear();
        return new Plan(id, r.title(), issuer.id(), r.issuerName(), blankToNull(r.documentNumber()), r.issuedOn(),
                r.firstYear(), last, r.parentPlanId(), null, r.note());
    }

    @DeleteMapping("/plans/{id}")
    @Requires(Requirement.WRITE_OWN)
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "删除计划及其分解表")
    void delete(@PathVariable long id) {
        plans.delete(id);
    }

    @GetMapping("/plans/{id}/tables")
    @Requires(Requirement.READ_ISSUED)
    @Operation(summary = "计划的全部分解表（数字按印刷精度给出字符串）")
    List<TableView> tables(@PathVariable long id) {
        plans.read(id);
        return plans.tables(id).stream().map(TableView::of).toList();
    }

    @GetMapping("/plans/{id}/tables/{seq}")
    @Requires(Requirement.READ_ISSUED)
    @Operation(summary = "一张分解表")
    TableView table(@PathVariable long id, @PathVariable int seq) {
        plans.read(id);
        return TableView.of(plans.table(id, seq));
    }

    @GetMapping("/plans/{id}/targets")
    @Requires(Requirement.READ_ISSUED)
    @Operation(summary = "目标任务（可按地区代码、指标代码、年度筛选）")
    List<Target> targets(@PathVariable long id,
                         @Parameter(description = "地区代码，如 361100") @RequestParam(required = false) String region,
                         @Parameter(description = "指标代码，如 SHANTYTOWN.START.UNIT") @RequestParam(required = false) String indicator,
                         @RequestParam(required = false) Integer year) {
        plans.read(id);
        return plans.targets(id, blankToNull(region), blankToNull(indicator), year);
    }

    /** One change of a target, for its history. */
    record TargetChange(java.time.Instant at, String actor, String actorName, String via, String viaLabel, String op,
                        String opLabel, String before, String after, String tableLabel, long txId) {
    }

    @GetMapping("/plans/{id}/targets/history")
    @Requires(Requirement.READ_ISSUED)
    @Operation(summary = "一个目标任务数的修改历史：谁、何时、通过什么方式（页面、接口、导入、命令行）、改前改后")
    List<TargetChange> targetHistory(@PathVariable long id,
                                     @Parameter(description = "地区代码，如 361102") @RequestParam String region,
                                     @Parameter(description = "指标代码，如 SHANTYTOWN.START.UNIT") @RequestParam String indicator,
                                     @Parameter(description = "年度；不填为全期合计列") @RequestParam(required = false) Integer year) {
        plans.read(id);
        return targetHistory(audit, id, region(region), indicator(indicator), year);
    }

    static List<TargetChange> targetHistory(AuditTrail audit, long planId, Region region, Indicator indicator, Integer year) {
        java.util.Map<String, Object> key = new java.util.HashMap<>();
        key.put("plan_id", planId);
        key.put("region_id", region.id());
        key.put("indicator_id", indicator.id());
        key.put("year", year);
        return audit.history("target", key).stream().map(e -> new TargetChange(e.at(), e.actor(), e.actorName(),
                e.via().name(), e.viaLabel(), e.op(), e.opLabel(), printed(e.before()), printed(e.after()), null,
                e.txId())).toList();
    }

    /** A target's value as printed, from its audited row. */
    static String printed(java.util.Map<String, Object> row) {
        if (row == null || row.get("value") == null) {
            return null;
        }
        java.math.BigDecimal v = new java.math.BigDecimal(row.get("value").toString());
        int scale = row.get("scale") instanceof Number n ? n.intValue() : v.scale();
        return v.setScale(scale, java.math.RoundingMode.HALF_UP).toPlainString();
    }

    @GetMapping("/plans/{id}/history")
    @Requires(Requirement.READ_ISSUED)
    @Operation(summary = "计划元数据（标题、文号、年度等）的修改历史")
    List<AuditEntry> planHistory(@PathVariable long id) {
        plans.read(id);
        return audit.history("plan", java.util.Map.of("id", id));
    }

    private Region region(String code) {
        return regions.byCode(code).orElseThrow(() -> new org.anju.platform.NotFound("地区不存在：" + code));
    }

    private Indicator indicator(String code) {
        return indicators.byCode(code).orElseThrow(() -> new org.anju.platform.NotFound("指标不存在：" + code));
    }

    @GetMapping("/plans/{id}/totals")
    @Requires(Requirement.READ_ISSUED)
    @Operation(summary = "某地区全辖目标任务合计（各单位数之和）")
    List<RegionTotal> totals(@PathVariable long id, @RequestParam String region) {
        plans.read(id);
        return plans.subtreeTotals(id, region);
    }

    @GetMapping("/plans/{id}/findings")
    @Requires(Requirement.READ_ISSUED)
    @Operation(summary = "校验结果：表内合计、分年合计、正文总数、与上级下达任务的一致性")
    List<Finding> findings(@PathVariable long id) {
        plans.read(id);
        return plans.findings(id);
    }

    @GetMapping("/findings")
    @Requires(Requirement.READ_ISSUED)
    @Operation(summary = "可查看的全部计划的校验结果")
    List<Finding> allFindings() {
        List<Finding> all = new ArrayList<>();
        plans.readable().forEach(p -> all.addAll(plans.findings(p.id())));
        return all;
    }

    @GetMapping("/plans/{id}/milestones")
    @Requires(Requirement.READ_ISSUED)
    @Operation(summary = "进度要求")
    List<Milestone> milestones(@PathVariable long id) {
        plans.read(id);
        return plans.milestones(id);
    }

    @PutMapping("/plans/{id}/milestones")
    @Requires(Requirement.WRITE_OWN)
    @Operation(summary = "替换进度要求", description = "version 为读取时计划的版本（计划详情的 plan.version）：其后计划有改动（他人增改了"
            + "进度要求、导入）则 409，不删除、不保存；成功后计划版本加 1。")
    List<Milestone> replaceMilestones(@PathVariable long id, @RequestParam(required = false) Integer version,
                                      @RequestBody List<Milestone> milestones) {
        plans.replaceMilestones(id, readVersion(version), milestones);
        return plans.milestones(id);
    }

    /** The version a replacement was read at: required, so that what another user added since is never dropped unseen. */
    private static int readVersion(Integer version) {
        if (version == null) {
            throw new org.anju.platform.BadInput("缺少参数 version：请给出读取时计划的版本（GET /api/plans/{id} 的 plan.version），"
                    + "以免删掉他人在此之后所做的修改");
        }
        return version;
    }

    @GetMapping("/plans/{id}/stated-totals")
    @Requires(Requirement.READ_ISSUED)
    @Operation(summary = "正文所列总数（与分解表核对）")
    List<StatedTotal> statedTotals(@PathVariable long id) {
        plans.read(id);
        return plans.load(id).statedTotals();
    }

    @PutMapping("/plans/{id}/stated-totals")
    @Requires(Requirement.WRITE_OWN)
    @Operation(summary = "替换正文所列总数；value 为指标计量单位下的数（2.99万套 → 29900），tolerance 为印刷精度的一半（50）",
            description = "version 为读取时计划的版本（计划详情的 plan.version）：其后计划有改动则 409，不删除、不保存；成功后计划版本加 1。")
    List<StatedTotal> replaceStatedTotals(@PathVariable long id, @RequestParam(required = false) Integer version,
                                          @RequestBody List<StatedTotal> totals) {
        plans.replaceStatedTotals(id, readVersion(version), totals);
        return plans.load(id).statedTotals();
    }

    @GetMapping(value = "/plans/{id}/export.xlsx")
    @Requires(Requirement.READ_ISSUED)
    @Operation(summary = "导出全部分解表（XLSX，按原表格式）")
    ResponseEntity<byte[]> exportPlan(@PathVariable long id) {
        Plan p = plans.read(id);
        return xlsx(export.write(plans.tables(id)), p.label() + ".xlsx");
    }

    @GetMapping(value = "/plans/{id}/tables/{seq}/export.xlsx")
    @Requires(Requirement.READ_ISSUED)
    @Operation(summary = "导出一张分解表（XLSX）")
    ResponseEntity<byte[]> exportTable(@PathVariable long id, @PathVariable int seq) {
        Plan p = plans.read(id);
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
