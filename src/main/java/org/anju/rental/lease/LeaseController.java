package org.anju.rental.lease;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.anju.account.Requirement;
import org.anju.account.Requires;
import org.anju.platform.BadInput;
import org.anju.platform.Once;
import org.anju.rental.rules.RuleSet;
import org.anju.rental.rules.RuleSets;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.List;

/** REST: leases, rent, 年审 and exits. */
@RestController
@RequestMapping("/api/rental/leases")
@Tag(name = "公租房租赁", description = "租赁合同（签约、入住、续租）、月租金账单与缴费、欠租、年审、退出（自愿、不再符合条件、期满、违规收回）、"
        + "腾退，按区县和月份的统计；各市租赁规则由市在“公租房规则”上传（/api/rental/rules，kind=LEASE），未上传或未写明的一律拒绝并说明应上传什么")
class LeaseController {

    private final Leases leases;
    private final LeaseRuleBook book;
    private final Once once;

    LeaseController(Leases leases, LeaseRuleBook book, Once once) {
        this.once = once;
        this.leases = leases;
        this.book = book;
    }

    @GetMapping
    @Requires(Requirement.READ_SCOPED)
    @Operation(summary = "区县的租赁合同", description = "open=true 只列在租（含已签约未入住、退出中）的合同。")
    List<Lease> list(@RequestParam String region, @RequestParam(defaultValue = "true") boolean open) {
        return leases.leases(region, open);
    }

    /** A lease with everything recorded about it and its arrears today. */
    record LeaseDetail(Lease lease, List<Lease.Bill> bills, List<Lease.Payment> payments, Lease.Arrears arrears,
                       List<Lease.Event> timeline, List<Lease.Review> reviews, List<Lease.Check> checks,
                       List<Lease.Violation> violations) {
    }

    @GetMapping("/{id}")
    @Requires(Requirement.READ_SCOPED)
    @Operation(summary = "查看合同", description = "含租金计算过程、账单、缴费、当前欠租、时间线、年审、核查和违规记录。")
    LeaseDetail lease(@PathVariable long id) {
        return detail(leases, id);
    }

    static LeaseDetail detail(Leases leases, long id) {
        return new LeaseDetail(leases.lease(id), leases.bills(id), leases.payments(id), leases.arrears(id, null),
                leases.timeline(id), leases.reviews(id), leases.checks(id), leases.violations(id));
    }

    @GetMapping("/rules")
    @Requires(Requirement.AUTHENTICATED)
    @Operation(summary = "各市租赁规则", description = "可查看的各市上传的租赁规则（各版本）：城市、项目、生效日期、是否核实；"
            + "原文、上传人和时间见 /api/rental/rules。")
    List<LeaseRules> rules() {
        return book.all();
    }

    record SignInput(Long householdId, Long dwellingId, LocalDate signedOn, LocalDate startsOn, LocalDate endsOn,
                     String programme) {
    }

    @PostMapping
    @Requires(Requirement.HANDLE_APPLICATIONS)
    @Operation(summary = "签订合同", description = "取得实物配租资格的家庭与已分配的房源；租期不超过该市规定的最长租期；租金由房源租金标准按家庭的减免档次计算，"
            + "计算过程记入合同。programme 为该市规则的项目（只有一套时可省略）。签约日期 signedOn、租期起止 startsOn、endsOn 必填，"
            + "缺少的拒绝（400），不以当天代替。")
    Lease sign(@RequestBody SignInput in) {
        return leases.sign(new Leases.SignForm(in.householdId(), in.dwellingId(), in.signedOn(), in.startsOn(), in.endsOn(),
                in.programme()));
    }

    record VersionInput(Integer version, LocalDate on) {
    }

    @PostMapping("/{id}/move-in")
    @Requires(Requirement.HANDLE_APPLICATIONS)
    @Operation(summary = "入住", description = "入住日期 on 必填（缺少的拒绝，400，不以当天代替），不早于签约日期；房源随之变为已入住，"
            + "生效日期同入住日期。")
    Lease moveIn(@PathVariable long id, @RequestBody VersionInput in) {
        return leases.moveIn(id, version(in.version()), in.on());
    }

    /** A rule set as its text (the city's eligibility rules, until stored rule sets exist). */
    record RulesInput(Integer version, LocalDate on, LocalDate appliedOn, LocalDate endsOn, String ruleFile, String rules) {
    }

    @PostMapping("/{id}/renew")
    @Requires(Requirement.HANDLE_APPLICATIONS)
    @Operation(summary = "续租", description = "在规则的续租申请期限内，按 rules（该市准入规则文本）重新审核合格后续签新合同。")
    Lease renew(@PathVariable long id, @RequestBody RulesInput in) {
        return leases.renew(id, version(in.version()), in.appliedOn(), in.endsOn(), ruleSet(in));
    }

    @PostMapping("/{id}/review")
    @Requires(Requirement.HANDLE_APPLICATIONS)
    @Operation(summary = "年审/动态复核", description = "按 rules（该市准入规则文本）审核家庭现状：符合则继续承租；不符合则退出，给予搬迁期；材料不全则记录待补。"
            + "审核日期 on 必填（按该日有效的规则审核；缺少的拒绝，400，不以当天代替）。")
    Leases.ReviewResult review(@PathVariable long id, @RequestBody RulesInput in) {
        return leases.annualReview(id, version(in.version()), ruleSet(in), in.on());
    }

    record PaymentInput(BigDecimal amount, LocalDate paidOn, String channel, String reference) {
    }

    @PostMapping("/{id}/payments")
    @Requires(Requirement.HANDLE_APPLICATIONS)
    @Operation(summary = "登记缴费", description = "channel：BANK_DEBIT 银行代扣、TRANSFER 银行转账、ONLINE 线上缴费、CASH 现金。"
            + "缴费日期 paidOn 必填（欠租按它计算；缺少的拒绝，400，不以当天代替）。")
    Lease.Payment pay(@PathVariable long id, @RequestBody PaymentInput in, @Parameter(description = "可选。客户端为这次提交生成的"
            + "唯一键（如 UUID）：超时后用同一键重试，不会重复登记，答复第一次登记的缴费；每次新的缴费用新键。票据号 reference 相同的"
            + "缴费在同一合同上也只登记一次（409）。") @RequestHeader(name = Once.HEADER, required = false) String key) {
        return leases.payment(id, once.run(key, Once.From.HEADER, java.util.List.of(id, in),
                () -> leases.pay(id, in.amount(), in.paidOn(), channel(in.channel()), in.reference()).id()).id());
    }

    record CheckInput(LocalDate on, Boolean occupied, String note) {
    }

    @PostMapping("/{id}/checks")
    @Requires(Requirement.HANDLE_APPLICATIONS)
    @Operation(summary = "入户核查", description = "核查日期 on 必填（闲置按它计算；缺少的拒绝，400，不以当天代替）；occupied=false"
            + "（无人居住）须写明核查情况；连续无人居住的核查计入闲置。")
    Lease.Check check(@PathVariable long id, @RequestBody CheckInput in, @Parameter(description = "可选。客户端为这次提交生成的"
            + "唯一键（如 UUID）：超时后用同一键重试，不会重复记录，答复第一次记录的核查；每次新的核查用新键。")
                      @RequestHeader(name = Once.HEADER, required = false) String key) {
        if (in.occupied() == null) {
            throw new BadInput("请填写核查结果 occupied：true（在住）或 false（无人居住）");
        }
        // a check recorded twice would count twice towards 闲置 (consecutive checks found empty)
        return leases.check(id, once.run(key, Once.From.HEADER, java.util.List.of(id, in),
                () -> leases.recordCheck(id, in.on(), in.occupied(), in.note()).id()).id());
    }

    record ExitInput(Integer version, String kind, LocalDate on, String reason) {
    }

    @PostMapping("/{id}/exit")
    @Requires(Requirement.HANDLE_APPLICATIONS)
    @Operation(summary = "办理退出", description = "kind：VOLUNTARY（自愿退出，须填原因）或 EXPIRED（期满未续租，给予搬迁期）。on 必填："
            + "自愿退出为申请日期，期满未续租为退出日期（搬迁期自该日起算，最早为租期届满的次日）；缺少的拒绝（400），不以当天或届满次日代替。"
            + "不再符合条件经年审办理，违规经违规记录办理。")
    Lease exit(@PathVariable long id, @RequestBody ExitInput in) {
        ExitKind kind = ExitKind.parse(in.kind()).orElseThrow(() -> new BadInput("退出类型 kind 应为 VOLUNTARY（自愿退出）或 EXPIRED（期满未续租）"));
        return switch (kind) {
            case VOLUNTARY -> leases.exitVoluntary(id, version(in.version()), in.on(), in.reason());
            case EXPIRED -> leases.exitExpired(id, version(in.version()), in.on());
            default -> throw new BadInput(kind.label() + "不在此办理：不再符合条件经年审（/review），违规经违规记录（/violations）");
        };
    }

    record ViolationInput(Integer version, String kind, LocalDate actOn, LocalDate foundOn, String evidence,
                          BigDecimal illegalIncome) {
    }

    @PostMapping("/{id}/violations")
    @Requires(Requirement.HANDLE_APPLICATIONS)
    @Operation(summary = "记录违规并收回", description = "kind：SUBLET 转租转借、CHANGE_OF_USE 改变用途、DAMAGE 破坏或擅自装修、ILLEGAL_USE 违法活动、"
            + "IDLE 闲置、ARREARS 欠租。欠租、闲置按记录核算，未达规则月数的拒绝；其余须有证据和发生日期。处罚措施、罚款上限、补缴市场租金按规则计算。"
            + "发现日期 foundOn 必填（欠租、闲置按它核算；缺少的拒绝，400，不以当天代替）。")
    Lease.Violation violation(@PathVariable long id, @RequestBody ViolationInput in, @Parameter(description = "可选。客户端为这次"
            + "提交生成的唯一键（如 UUID）：超时后用同一键重试，答复第一次记录的违规，而不是“已在退出中”的 409；每次新的违规记录用新键。"
            + "键保留一天；同一键用于合同、版本、情形、日期、证据或违法所得不同的提交则 409。")
                              @RequestHeader(name = Once.HEADER, required = false) String key) {
        ViolationKind kind = ViolationKind.parse(in.kind()).orElseThrow(() -> new BadInput("违规情形 kind 应为 " + ViolationKind.choices()));
        int version = version(in.version());
        // the evidence and the illegal income too: Once's digest is keyed, it does not give personal data away
        Object asked = java.util.Arrays.asList(id, version, kind, in.actOn(), in.foundOn(), in.evidence(), in.illegalIncome());
        return leases.violation(id, once.run(key, Once.From.HEADER, asked, () -> leases.recordViolation(id, version, kind,
                in.actOn(), in.foundOn(), in.evidence(), in.illegalIncome()).id()).id());
    }

    record MoveOutInput(Integer version, LocalDate on, String inspection) {
    }

    @PostMapping("/{id}/move-out")
    @Requires(Requirement.HANDLE_APPLICATIONS)
    @Operation(summary = "腾退", description = "退出后办理：房屋验收，房源变为空置，家庭退出；违规收回的列入失信记录（规则的年限，自腾退日期起）。"
            + "腾退日期 on 必填（缺少的拒绝，400，不以当天代替）。")
    Lease moveOut(@PathVariable long id, @RequestBody MoveOutInput in) {
        return leases.moveOut(id, version(in.version()), in.on(), in.inspection());
    }

    record BillingInput(String region, String period) {
    }

    @PostMapping("/bills")
    @Requires(Requirement.HANDLE_APPLICATIONS)
    @Operation(summary = "生成月账单", description = "区县某月的租金账单；重复生成不会重复出账。")
    Leases.BillingRun bill(@RequestBody BillingInput in) {
        return leases.bill(in.region(), month(in.period()));
    }

    @GetMapping("/arrears")
    @Requires(Requirement.READ_SCOPED)
    @Operation(summary = "欠租清单", description = "截至 asOf（默认今天）逾期未缴的合同，欠租月数多者在前。")
    List<Lease.Arrears> arrears(@RequestParam String region, @RequestParam(required = false) String asOf) {
        return leases.countyArrears(region, date(asOf, "asOf"));
    }

    @GetMapping("/candidates")
    @Requires(Requirement.READ_SCOPED)
    @Operation(summary = "欠租、闲置核查名单", description = "按记录核算的欠租、闲置月数与规则期限；reached=true 为已达收回条件。")
    List<Lease.Candidate> candidates(@RequestParam String region, @RequestParam(required = false) String asOf) {
        return leases.candidates(region, date(asOf, "asOf"));
    }

    @GetMapping("/violations")
    @Requires(Requirement.READ_SCOPED)
    @Operation(summary = "违规记录")
    List<Lease.Violation> violations(@RequestParam String region) {
        return leases.countyViolations(region);
    }

    @GetMapping("/figures")
    @Requires(Requirement.READ_SCOPED)
    @Operation(summary = "月度统计", description = "在租合同、新签、续签、腾退（按类型）、欠租户数与金额、应收、实收、收缴率。")
    LeaseFigures figures(@RequestParam String region, @RequestParam String period) {
        return leases.figures(region, month(period));
    }

    static RuleSet ruleSet(RulesInput in) {
        if (in.rules() == null || in.rules().isBlank()) {
            throw new BadInput("请在 rules 中提供该市的准入规则（规则文件的文本），ruleFile 写文件名");
        }
        return RuleSets.parse(in.ruleFile() == null || in.ruleFile().isBlank() ? "准入规则" : in.ruleFile().strip(), in.rules());
    }

    static int version(Integer v) {
        if (v == null) {
            throw new BadInput("缺少 version：请提供读取合同时的版本，以免覆盖他人同时所做的修改");
        }
        return v;
    }

    static PaymentChannel channel(String text) {
        return PaymentChannel.parse(text).orElseThrow(() -> new BadInput("缴费方式“" + (text == null ? "" : text) + "”不对：应为 "
                + PaymentChannel.choices()));
    }

    static YearMonth month(String text) {
        try {
            return YearMonth.parse(text == null ? "" : text.strip());
        } catch (DateTimeParseException e) {
            throw new BadInput("月份“" + text + "”应写成 2025-03");
        }
    }

    static LocalDate date(String text, String name) {
        try {
            return text == null || text.isBlank() ? null : LocalDate.parse(text.strip());
        } catch (DateTimeParseException e) {
            throw new BadInput("参数 " + name + " 的值“" + text + "”不是日期（如 2025-03-31）");
        }
    }
}
