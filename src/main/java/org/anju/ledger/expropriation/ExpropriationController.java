package org.anju.ledger.expropriation;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.anju.account.Requirement;
import org.anju.account.Requires;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;

/** REST: 国有土地上房屋征收与补偿 projects, households, reward schemes and figures. */
@RestController
@RequestMapping("/api/ledger/expropriation")
@Tag(name = "房屋征收", description = "国有土地上房屋征收与补偿（国务院令第590号）：征收项目及其法定步骤（每步按条例检查顺序和期限）、被征收户"
        + "（评估、补偿方式、补偿协议、补偿决定、强制执行、腾空）、签约奖励方案（TSV，逐户计算）、签约率与腾空率、签约比例")
class ExpropriationController {

    static final MediaType XLSX = MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");

    private final Expropriations expropriations;
    private final ExpropriationFigures figures;

    ExpropriationController(Expropriations expropriations, ExpropriationFigures figures) {
        this.expropriations = expropriations;
        this.figures = figures;
    }

    @GetMapping("/projects")
    @Requires(Requirement.READ_SCOPED)
    @Operation(summary = "列出征收项目", description = "地区及其下级的征收项目，含步骤和签约、腾空数。")
    List<Project> projects(@RequestParam String region) {
        return expropriations.projects(region);
    }

    @GetMapping("/projects/{id}")
    @Requires(Requirement.READ_SCOPED)
    @Operation(summary = "查看征收项目", description = "含条例各步骤（已登记的日期、须满足的条件）与签约率、腾空率、签约比例。")
    Project project(@PathVariable long id) {
        return expropriations.project(id);
    }

    @PostMapping("/projects")
    @Requires(Requirement.HANDLE_APPLICATIONS)
    @Operation(summary = "新建征收项目", description = "由市、县的房屋征收部门（住房保障审核员）或县级管理员新建。type 为 旧城区改建、保障性安居工程 等；"
            + "counting 为 START_SAME_DAY（开始的当日计入）或 START_NEXT_DAY（开始的当日不计入），必填；reviewDays/appraisalDays 为申请复核、"
            + "鉴定的期限（日）；gatePercent 为签约比例（须同时写 gateConsequence 和 gateSource）。")
    Project create(@RequestBody ProjectForm form) {
        return expropriations.create(form);
    }

    @PostMapping("/projects/{id}/steps")
    @Requires(Requirement.HANDLE_APPLICATIONS)
    @Operation(summary = "登记法定步骤", description = "stage 为 PLAN_PUBLISHED（补偿方案公布征求意见：on 公布日，second 截止日，不少于30日）、"
            + "COMMENTS_PUBLISHED（flag：多数被征收人是否认为不符合条例）、HEARING、RISK_ASSESSMENT（note 结论）、FUNDS（docNo 专户）、"
            + "DECISION（docNo 文号，on 决定日，second 公告日）、SURVEY_PUBLISHED、VALUER_CHOSEN（docNo 机构，note 选定方式）、"
            + "SIGNING_PERIOD（on 起，second 止）、PUBLISHED（分户补偿情况公布）。顺序或期限不符返回 409 并引用条文。须带 version。")
    Project step(@PathVariable long id, @RequestBody StepForm form) {
        return expropriations.recordStep(id, form);
    }

    @GetMapping("/projects/{id}/households")
    @Requires(Requirement.READ_SCOPED)
    @Operation(summary = "列出被征收户（脱敏）")
    List<HouseholdView> households(@PathVariable long id, @Parameter(description = "未签约、已签约、已腾空、补偿决定、强制执行")
                                   @RequestParam(required = false) String state) {
        return expropriations.households(id, state);
    }

    record Created(long id) {
    }

    @PostMapping("/projects/{id}/households")
    @Requires(Requirement.HANDLE_APPLICATIONS)
    @Operation(summary = "登记被征收户", description = "户号、被征收人、身份证号（可空）、房屋坐落、权属证号、建筑面积、用途（住宅/非住宅）、权属状况（合法/未登记）。")
    Created addHousehold(@PathVariable long id, @RequestBody HouseholdForm form) {
        return new Created(expropriations.addHousehold(id, form));
    }

    @GetMapping("/households/{id}")
    @Requires(Requirement.READ_SCOPED)
    @Operation(summary = "查看被征收户（脱敏，记录查看）")
    HouseholdView household(@PathVariable long id) {
        return expropriations.household(id);
    }

    @GetMapping("/households/{id}/reward")
    @Requires(Requirement.READ_SCOPED)
    @Operation(summary = "计算签约奖励", description = "按项目的奖励方案逐项计算；方案对该户未作规定（日期不在任何一档或落在重叠的两档）返回 409。")
    RewardCalculator.Reward reward(@PathVariable long id) {
        return expropriations.reward(id);
    }

    @PostMapping("/households/{id}/valuation")
    @Requires(Requirement.HANDLE_APPLICATIONS)
    @Operation(summary = "登记评估", description = "评估价值、收到评估报告日期、申请复核评估日期、收到复核结果日期、申请鉴定日期；须在项目设定的期限内。")
    HouseholdView valuation(@PathVariable long id, @RequestBody ValuationForm form) {
        return expropriations.valuation(id, form);
    }

    @PostMapping("/households/{id}/agreement")
    @Requires(Requirement.HANDLE_APPLICATIONS)
    @Operation(summary = "登记补偿协议", description = "条例第二十五条的各项；须在征收决定公告之后。")
    HouseholdView agree(@PathVariable long id, @RequestBody AgreementForm form) {
        return expropriations.agree(id, form);
    }

    record DecisionInput(LocalDate decisionOn, String decisionNo, LocalDate moveDeadline, Integer version) {
    }

    @PostMapping("/households/{id}/decision")
    @Requires(Requirement.HANDLE_APPLICATIONS)
    @Operation(summary = "登记补偿决定", description = "签约期限届满仍未达成协议的（条例第二十六条）。")
    HouseholdView decide(@PathVariable long id, @RequestBody DecisionInput in) {
        return expropriations.decide(id, in.decisionOn(), in.decisionNo(), in.moveDeadline(), in.version());
    }

    record DateInput(LocalDate on, Boolean noAppeal, Integer version) {
    }

    @PostMapping("/households/{id}/vacate")
    @Requires(Requirement.HANDLE_APPLICATIONS)
    @Operation(summary = "登记腾空", description = "先补偿后搬迁（条例第二十七条）。")
    HouseholdView vacate(@PathVariable long id, @RequestBody DateInput in) {
        return expropriations.vacate(id, in.on(), in.version());
    }

    @PostMapping("/households/{id}/enforcement")
    @Requires(Requirement.HANDLE_APPLICATIONS)
    @Operation(summary = "登记申请强制执行", description = "补偿决定规定的搬迁期限届满、未复议未诉讼且未搬迁的（条例第二十八条）；noAppeal 须为 true。")
    HouseholdView enforce(@PathVariable long id, @RequestBody DateInput in) {
        return expropriations.enforce(id, in.on(), in.noAppeal(), in.version());
    }

    record SchemeView(int version, String fileName, String name, String counting, List<RewardScheme.Tier> tiers,
                      String content) {
        static SchemeView of(Expropriations.Scheme s) {
            return new SchemeView(s.version(), s.fileName(), s.scheme().name(), s.scheme().counting().label(),
                    s.scheme().tiers(), s.content());
        }
    }

    @PostMapping(value = "/projects/{id}/scheme", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @Requires(Requirement.HANDLE_APPLICATIONS)
    @Operation(summary = "上传签约奖励方案", description = "TSV（UTF-8），原样保存；格式见项目文档。有问题则 400，逐条列出行、列。")
    SchemeView uploadScheme(@PathVariable long id, @RequestPart("file") MultipartFile file) throws IOException {
        return SchemeView.of(expropriations.uploadScheme(id, file.getOriginalFilename(), file.getBytes()));
    }

    @GetMapping("/projects/{id}/scheme")
    @Requires(Requirement.READ_SCOPED)
    @Operation(summary = "查看签约奖励方案")
    ResponseEntity<SchemeView> scheme(@PathVariable long id) {
        return expropriations.scheme(id).map(s -> ResponseEntity.ok(SchemeView.of(s)))
                .orElseGet(() -> ResponseEntity.noContent().build());
    }

    @PostMapping(value = "/projects/{id}/import", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @Requires(Requirement.HANDLE_APPLICATIONS)
    @Operation(summary = "导入调查登记清单", description = "一行一户（XLSX/XLS/CSV）。dryRun=true 只预览；否则全部写入，有任何问题则全部不写（400，逐条列出行、列）。")
    Expropriations.Preview importFile(@PathVariable long id, @RequestPart("file") MultipartFile file,
                                      @RequestParam(defaultValue = "false") boolean dryRun) throws IOException {
        return dryRun ? expropriations.preview(id, file.getOriginalFilename(), file.getBytes())
                : expropriations.importFile(id, file.getOriginalFilename(), file.getBytes());
    }

    @GetMapping("/projects/{id}/export")
    @Requires(Requirement.HANDLE_APPLICATIONS)
    @Operation(summary = "导出调查登记清单", description = "XLSX，与导入同一格式，被征收人姓名和身份证号为明文：由本项目的房屋征收部门导出，"
            + "须说明事由（reason），记入访问记录。")
    ResponseEntity<byte[]> export(@PathVariable long id, @RequestParam(required = false) String reason) {
        return download(expropriations.export(id, reason), "调查登记-" + id + ".xlsx");
    }

    @GetMapping("/template")
    @Requires(Requirement.AUTHENTICATED)
    @Operation(summary = "下载调查登记导入模板")
    ResponseEntity<byte[]> template() {
        return download(Expropriations.template(), "被征收户调查登记导入模板.xlsx");
    }

    @GetMapping("/figures")
    @Requires(Requirement.READ_SCOPED)
    @Operation(summary = "地区征收汇总", description = "项目数、征收范围户数、已登记、已签约、已腾空、补偿决定、强制执行，签约率、腾空率（分母为征收范围户数）。")
    ExpropriationFigures.RegionFigures figures(@RequestParam String region) {
        return figures.region(region);
    }

    static ResponseEntity<byte[]> download(byte[] content, String name) {
        return ResponseEntity.ok().contentType(XLSX)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(name, StandardCharsets.UTF_8)
                        .build().toString())
                .body(content);
    }
}
