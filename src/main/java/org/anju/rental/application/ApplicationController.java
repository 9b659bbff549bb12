package org.anju.rental.application;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.anju.account.Requirement;
import org.anju.account.Requires;
import org.anju.platform.BadInput;
import org.anju.platform.ChinaTime;
import org.anju.platform.Once;
import org.anju.rental.household.HouseholdForm;
import org.anju.rental.review.Review;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;

/** REST: applications, their 三审两公示, and a city's rule files. */
@RestController
@RequestMapping("/api/rental")
@Tag(name = "公租房申请", description = "保障家庭的实物配租、租赁补贴申请：受理时按城市当日有效的准入条件审查，符合条件的按城市的审核流程（三审两公示）办理，"
        + "每一步由该层级的部门办理，时限按工作日计算；公示异议的登记与核查；审核通过后发放资格证。城市上传准入条件和审核流程文件。")
class ApplicationController {

    private final Applications applications;
    private final CityRules rules;
    /** 登记公示异议 retried is recorded once. */
    private final Once once;

    ApplicationController(Applications applications, CityRules rules, Once once) {
        this.applications = applications;
        this.rules = rules;
        this.once = once;
    }

    @GetMapping("/applications")
    @Requires(Requirement.READ_SCOPED)
    @Operation(summary = "列出申请", description = "地区及其下级的申请（不给 region 为本账号的地区），最新的在前；姓名、身份证号已遮盖。")
    List<QueueItem> list(@RequestParam(required = false) String region,
                         @Parameter(description = "INCOMPLETE 待补正、INELIGIBLE 不予受理、IN_STEP 审核中、RETURNED 退回修改、"
                                 + "OBJECTION 公示异议核查中、QUALIFIED 已通过、REJECTED 未通过、BLACKLISTED 列入失信")
                         @RequestParam(required = false) String status,
                         @RequestParam(defaultValue = "0") int offset, @RequestParam(defaultValue = "100") int limit) {
        return applications.list(region, status(status), offset, limit);
    }

    static ApplicationStatus status(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return ApplicationStatus.valueOf(text.strip());
        } catch (IllegalArgumentException e) {
            throw new BadInput("参数 status 的值「" + text + "」不对：应为 " + java.util.Arrays.toString(ApplicationStatus.values()));
        }
    }

    @PostMapping("/applications")
    @Requires(Requirement.HANDLE_APPLICATIONS)
    @Operation(summary = "受理申请", description = "社区受理员或街道初审员登记家庭（household）或给出已登记家庭（householdId），选择保障方式"
            + "（guarantee：PUBLIC_RENTAL 实物配租、SUBSIDY 租赁补贴）及申请类别（programme，城市有几类时必填）。按受理日期当日有效的准入条件审查："
            + "符合的进入审核流程；不符合的不予受理（checks 写明每条规定、家庭的数值和条款）；缺少材料的为待补正。城市未上传准入条件或审核流程时 409。")
    ApplicationView submit(@RequestBody NewApplication a) {
        return applications.application(applications.submit(a));
    }

    @GetMapping("/applications/{id}")
    @Requires(Requirement.READ_SCOPED)
    @Operation(summary = "查看申请", description = "含审查结果、流程各步骤（办理部门、时限、起止）、办理记录和公示异议。")
    ApplicationView application(@PathVariable long id) {
        return applications.application(id);
    }

    record Recheck(Integer version, HouseholdForm household, LocalDate appliedOn) {
    }

    @PutMapping("/applications/{id}/household")
    @Requires(Requirement.HANDLE_APPLICATIONS)
    @Operation(summary = "补正后重新受理", description = "待补正的申请：household 为补正后的家庭信息（带家庭的 version，不改则不给），按 appliedOn"
            + "（不给为今天）当日有效的准入条件重新审查。")
    ApplicationView recheck(@PathVariable long id, @RequestBody Recheck r) {
        return applications.recheck(id, version(r.version()), r.household(), r.appliedOn());
    }

    record DecisionInput(Integer version, Review.Decision decision, String note, LocalDate on) {
    }

    @PostMapping("/applications/{id}/decisions")
    @Requires(Requirement.HANDLE_APPLICATIONS)
    @Operation(summary = "审核决定", description = "当前审核步骤的办理部门作出决定：APPROVE 通过、RETURN 退回修改（时限暂停）、REJECT 不予通过、"
            + "BLACKLIST 列入失信（5年内不得申请，《公共租赁住房管理办法》第三十六条）；除通过外须写 note。on 为办理日期（不给为今天）。"
            + "非该步骤的办理部门 403。")
    ApplicationView decide(@PathVariable long id, @RequestBody DecisionInput d) {
        return applications.decide(id, version(d.version()), d.decision(), d.note(), d.on());
    }

    record DateInput(Integer version, LocalDate on) {
    }

    @PostMapping("/applications/{id}/resubmission")
    @Requires(Requirement.HANDLE_APPLICATIONS)
    @Operation(summary = "补正后重新提交", description = "退回修改的申请补正后重新提交，该步骤以剩余的工作日继续计时。")
    ApplicationView resubmit(@PathVariable long id, @RequestBody DateInput d) {
        return applications.resubmit(id, version(d.version()), d.on());
    }

    record ObjectionInput(Integer version, String channel, String content, LocalDate receivedOn) {
    }

    @PostMapping("/applications/{id}/objections")
    @Requires(Requirement.HANDLE_APPLICATIONS)
    @Operation(summary = "登记公示异议", description = "公示期内收到的异议：收到方式（channel：来信、来电、来访、网上）、内容、收到日期；"
            + "由公示部门登记，登记人为当前账号。异议核查前申请不能通过公示。")
    Objection object(@PathVariable long id, @RequestBody ObjectionInput o, @Parameter(description = "可选。客户端为这次提交生成的"
            + "唯一键（如 UUID）：超时后用同一键重试，不会重复登记，答复第一次登记的异议（而不是说申请已被办理的 409）；每次新的异议用新键。"
            + "键保留一天；同一键用于申请、版本、收到方式、内容或日期不同的提交则 409。")
                     @RequestHeader(name = Once.HEADER, required = false) String key) {
        int version = version(o.version());
        return applications.objection(id, once.run(key, Once.From.HEADER, asked(id, version, o.channel(), o.content(), o.receivedOn()),
                () -> applications.object(id, version, o.channel(), o.content(), o.receivedOn()).id()).id());
    }

    /**
     * What an objection's form or call asked, for Once: its content too (what is alleged about the household is
     * personal, but Once's digest is keyed and does not give it away), so a repeat with other content is not the same.
     */
    static Object asked(long id, int version, String channel, String content, Object receivedOn) {
        return java.util.Arrays.asList(id, version, channel, content, receivedOn);
    }

    record ResolutionInput(Boolean upheld, String finding, LocalDate on) {
    }

    @PostMapping("/applications/{id}/objections/{objectionId}/resolution")
    @Requires(Requirement.HANDLE_APPLICATIONS)
    @Operation(summary = "核查公示异议", description = "upheld=true 异议成立：申请不予通过，核查结果为理由；false 异议不成立：公示继续。")
    ApplicationView resolve(@PathVariable long id, @PathVariable long objectionId, @RequestBody ResolutionInput r) {
        if (r.upheld() == null) {
            throw new BadInput("请说明异议是否成立（upheld: true 或 false）");
        }
        return applications.resolve(id, objectionId, r.upheld(), r.finding(), r.on());
    }

    @PostMapping("/applications/{id}/notice-end")
    @Requires(Requirement.HANDLE_APPLICATIONS)
    @Operation(summary = "确认公示期满", description = "公示期满且没有待核查的异议：进入下一步；最后一步后发放资格证。")
    ApplicationView endNotice(@PathVariable long id, @RequestBody DateInput d) {
        return applications.endNotice(id, version(d.version()), d.on());
    }

    @GetMapping("/applications/{id}/certificate")
    @Requires(Requirement.READ_SCOPED)
    @Operation(summary = "资格证", description = "证号、家庭（遮盖）、保障方式、发证部门、日期。")
    Certificate certificate(@PathVariable long id) {
        return applications.certificate(id);
    }

    @GetMapping("/applications/queue")
    @Requires(Requirement.AUTHENTICATED)
    @Operation(summary = "待办", description = "当前账号所在部门办理的申请：逾期的在前，再按期限；daysLeft 为剩余工作日（公示为天数），负数为逾期。")
    List<QueueItem> queue() {
        return applications.queue(LocalDate.now(ChinaTime.ZONE));
    }

    @GetMapping("/applications/overdue")
    @Requires(Requirement.READ_SCOPED)
    @Operation(summary = "逾期未办", description = "地区内审核步骤已超过时限的申请（区县、市住房保障部门督办用）。")
    List<QueueItem> overdue(@RequestParam(required = false) String region) {
        return applications.overdue(region, LocalDate.now(ChinaTime.ZONE));
    }

    @GetMapping("/applications/figures")
    @Requires(Requirement.READ_SCOPED)
    @Operation(summary = "申请统计", description = "各县区按月、按保障方式：收到申请、受理、不予受理或未通过、发放资格证（新增保障家庭）、逾期审核步骤。")
    List<ApplicationFigures> figures(@RequestParam String region, @RequestParam String period) {
        return applications.figures(region, org.anju.progress.Periods.parse(period));
    }

    @GetMapping("/rules")
    @Requires(Requirement.READ_ISSUED)
    @Operation(summary = "城市的公租房规则", description = "准入条件、审核流程、轮候规则、租赁规则的各版本：原文、生效日期、上传人和时间。")
    List<RuleFile> rules(@RequestParam String city) {
        return rules.files(city);
    }

    @PostMapping(value = "/rules", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @Requires(Requirement.HANDLE_APPLICATIONS)
    @Operation(summary = "上传公租房规则", description = "kind=RULES（准入条件）、WAITING（轮候规则）、LEASE（租赁规则）：生效、失效日期写在"
            + "文件里；FLOW（审核流程）须给 effectiveFrom。由市级管理员或市住房保障审核员上传；原文保存，某日适用当日有效的最新版本；"
            + "文件有任何问题则 400 并指出文件、行、列，不保存；与同一项目同一生效日的最新版本内容相同（重复提交）则 409，"
            + "指出已有的版本，不保存。")
    RuleFile upload(@RequestParam String city, @RequestParam String kind, @RequestPart("file") MultipartFile file,
                    @RequestParam(required = false) LocalDate effectiveFrom,
                    @RequestParam(required = false) LocalDate effectiveTo) throws IOException {
        return rules.upload(city, kind(kind), file.getOriginalFilename(), text(file), effectiveFrom, effectiveTo);
    }

    static RuleFile.Kind kind(String text) {
        return switch (text == null ? "" : text.strip()) {
            case "RULES", "准入条件" -> RuleFile.Kind.RULES;
            case "FLOW", "审核流程" -> RuleFile.Kind.FLOW;
            case "WAITING", "轮候规则" -> RuleFile.Kind.WAITING;
            case "LEASE", "租赁规则" -> RuleFile.Kind.LEASE;
            default -> throw new BadInput("kind 应为 RULES（准入条件）、FLOW（审核流程）、WAITING（轮候规则）或 LEASE（租赁规则），不是「"
                    + text + "」");
        };
    }

    static String text(MultipartFile file) throws IOException {
        if (file.getSize() > CityRules.MAX_CHARS * 4L) {
            throw new BadInput(file.getOriginalFilename() + "：文件过大，不是规则文件");
        }
        byte[] bytes = file.getBytes();
        var decoder = StandardCharsets.UTF_8.newDecoder();
        try {
            return decoder.decode(java.nio.ByteBuffer.wrap(bytes)).toString();
        } catch (java.nio.charset.CharacterCodingException e) {
            throw new BadInput(file.getOriginalFilename() + "：不是 UTF-8 文本；请在表格软件中另存为“UTF-8 制表符分隔文本”");
        }
    }

    static int version(Integer v) {
        if (v == null) {
            throw new BadInput("缺少 version：请提供读取申请时的版本，以免覆盖他人同时所做的办理");
        }
        return v;
    }
}
