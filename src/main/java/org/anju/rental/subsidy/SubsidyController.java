package org.anju.rental.subsidy;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.anju.account.Requirement;
import org.anju.account.Requires;
import org.anju.platform.BadInput;
import org.anju.progress.Periods;
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
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.List;

/** REST: 租赁补贴 parameters, agreements, payment rolls, the bank sheet, figures. */
@RestController
@RequestMapping("/api/rental/subsidies")
@Tag(name = "租赁补贴", description = "城市的补贴参数（按生效日期保存原文）、补贴协议（按公式逐行计算、停发、年审恢复，变更只增不改）、"
        + "区县按月或按季的发放花名册（草稿可重复生成，确认后锁定）、银行发放表（XLSX，明文个人信息，须说明事由并记录）、发放结果与月度数据")
class SubsidyController {

    static final MediaType XLSX = MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");

    private final Subsidies subsidies;
    private final PaymentRolls rolls;

    SubsidyController(Subsidies subsidies, PaymentRolls rolls) {
        this.subsidies = subsidies;
        this.rolls = rolls;
    }

    @GetMapping("/parameters")
    @Requires(Requirement.READ_SCOPED)
    @Operation(summary = "补贴参数的各个版本", description = "地区及其上级上传的补贴参数，生效日期新的在前，含文件原文。")
    List<SubsidyParameters> parameters(@RequestParam String region) {
        return subsidies.parameterVersions(region);
    }

    @PostMapping(value = "/parameters", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @Requires(Requirement.ADMIN)
    @Operation(summary = "上传补贴参数", description = "UTF-8 文本（SubsidyFormula 的格式，可加“发放周期”“不足月”“银行表标题”“银行表单位”行），"
            + "自 effectiveFrom 起施行；原文保存，只增不改。由该地区或其上级的管理员上传。")
    SubsidyParameters upload(@RequestPart("file") MultipartFile file, @RequestParam String region,
                             @RequestParam String effectiveFrom) throws IOException {
        return subsidies.uploadParameters(region, date(effectiveFrom, "生效日期（effectiveFrom）"), file.getOriginalFilename(),
                utf8(file.getBytes(), file.getOriginalFilename()));
    }

    @GetMapping("/agreements")
    @Requires(Requirement.READ_SCOPED)
    @Operation(summary = "补贴协议列表", description = "地区及其下级的补贴协议（脱敏），新的在前；active=true 只列发放中的。")
    List<Agreement> agreements(@RequestParam String region, @RequestParam(required = false) Boolean active,
                               @RequestParam(defaultValue = "0") int offset, @RequestParam(defaultValue = "100") int limit) {
        return subsidies.agreements(region, active, offset, limit);
    }

    @GetMapping("/agreements/{id}")
    @Requires(Requirement.READ_SCOPED)
    @Operation(summary = "查看补贴协议", description = "含每次变更及其逐行计算过程；查看记入个人信息访问记录（脱敏查看）。")
    Agreement agreement(@PathVariable long id) {
        return subsidies.agreement(id);
    }

    @PostMapping("/agreements")
    @Requires(Requirement.HANDLE_APPLICATIONS)
    @Operation(summary = "签订补贴协议", description = "取得租赁补贴资格的家庭；金额按起始月份施行的补贴参数计算。由区县住房保障审核员办理。")
    Agreement sign(@RequestBody AgreementForm form) {
        return subsidies.sign(form);
    }

    record StopInput(Integer version, String reason, LocalDate stopOn, String note) {
    }

    @PostMapping("/agreements/{id}/stop")
    @Requires(Requirement.HANDLE_APPLICATIONS)
    @Operation(summary = "停发", description = "reason：INELIGIBLE（不再符合保障条件）、PUBLIC_HOUSING（已实物配租）、MOVED_AWAY（迁出）、"
            + "DECEASED（死亡）；stopOn 为停发之日（自该日起不发）。")
    Agreement stop(@PathVariable long id, @RequestBody StopInput in) {
        return subsidies.stop(id, in.version(), reason(in.reason()), in.stopOn(), in.note());
    }

    static StopReason reason(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        return StopReason.parse(text).orElseThrow(() -> new BadInput("停发原因“" + text.strip() + "”不对：应为 " + StopReason.choices()));
    }

    @PostMapping("/agreements/{id}/review")
    @Requires(Requirement.HANDLE_APPLICATIONS)
    @Operation(summary = "年审", description = "按家庭现状和 fromMonth 施行的参数重新计算；已停发的自该月恢复（不补发），发放中的自该月按新额发放。")
    Agreement review(@PathVariable long id, @RequestBody ReviewForm form) {
        return subsidies.review(id, form);
    }

    @GetMapping("/rolls")
    @Requires(Requirement.READ_SCOPED)
    @Operation(summary = "发放花名册列表", description = "区县的花名册，期间新的在前。")
    List<Roll> rolls(@RequestParam String region) {
        return rolls.rolls(region);
    }

    record RollInput(String region, String month) {
    }

    @PostMapping("/rolls")
    @Requires(Requirement.HANDLE_APPLICATIONS)
    @Operation(summary = "生成发放花名册", description = "month 所在的月或季度（按城市参数的发放周期）；草稿再次生成结果相同，已确认的不能再生成。")
    Roll generate(@RequestBody RollInput in) {
        return rolls.generate(in.region(), month(in.month()));
    }

    /** A roll with a page of its lines. */
    record RollView(Roll roll, List<RollLine> lines) {
    }

    @GetMapping("/rolls/{id}")
    @Requires(Requirement.READ_SCOPED)
    @Operation(summary = "查看花名册", description = "含各行（脱敏），每页至多 1000 行。")
    RollView roll(@PathVariable long id, @RequestParam(defaultValue = "0") int offset,
                  @RequestParam(defaultValue = "200") int limit) {
        return new RollView(rolls.roll(id), rolls.lines(id, offset, limit));
    }

    record VersionInput(Integer version) {
    }

    @PostMapping("/rolls/{id}/confirm")
    @Requires(Requirement.HANDLE_APPLICATIONS)
    @Operation(summary = "确认花名册", description = "确认后锁定：不能再生成，期间内的协议不能再变更；之后才能导出银行发放表。")
    Roll confirm(@PathVariable long id, @RequestBody VersionInput in) {
        return rolls.confirm(id, in.version());
    }

    record ReasonInput(String reason) {
    }

    @PostMapping("/rolls/{id}/bank-sheet")
    @Requires(Requirement.HANDLE_APPLICATIONS)
    @Operation(summary = "导出银行发放表", description = "已确认花名册的 XLSX（序号、姓名、身份证号、银行账号、开户行、金额，合计行）；"
            + "含明文个人信息，须说明事由，记入个人信息访问记录。")
    ResponseEntity<byte[]> bankSheet(@PathVariable long id, @RequestBody ReasonInput in) {
        return xlsx(rolls.bankSheet(id, in.reason()));
    }

    static ResponseEntity<byte[]> xlsx(BankSheet.File file) {
        return ResponseEntity.ok().contentType(XLSX).header(HttpHeaders.CONTENT_DISPOSITION,
                ContentDisposition.attachment().filename(file.fileName(), StandardCharsets.UTF_8).build().toString())
                .body(file.content());
    }

    record MarkInput(List<Integer> seqs, String status, Boolean online, String failure) {
    }

    @PostMapping("/rolls/{id}/marks")
    @Requires(Requirement.HANDLE_APPLICATIONS)
    @Operation(summary = "登记发放结果", description = "status：PAID（已发放，须说明 online 是否线上发放）或 FAILED（发放失败，须填 failure）。")
    Roll mark(@PathVariable long id, @RequestBody MarkInput in) {
        return rolls.mark(id, in.seqs(), status(in.status()), in.online(), in.failure());
    }

    static PayStatus status(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        return PayStatus.parse(text).orElseThrow(() -> new BadInput("发放结果“" + text.strip() + "”不对：应为 PAID（已发放）或 FAILED（发放失败）"));
    }

    @GetMapping("/figures")
    @Requires(Requirement.READ_SCOPED)
    @Operation(summary = "月度数据", description = "区县某月：发放户数、金额、线上发放户数（银行已发放的行，按所属月份）、停发、恢复，及本年累计。")
    SubsidyFigures figures(@RequestParam String region, @RequestParam String month) {
        return rolls.figures(region, month(month));
    }

    static YearMonth month(String text) {
        if (text == null || text.isBlank()) {
            throw new BadInput("请填写月份（如 2025-03）");
        }
        return Periods.parse(text.strip());
    }

    static LocalDate date(String text, String what) {
        if (text == null || text.isBlank()) {
            throw new BadInput("请填写" + what + "（如 2025-01-01）");
        }
        try {
            return LocalDate.parse(text.strip());
        } catch (DateTimeParseException e) {
            throw new BadInput(what + "应为日期，如 2025-01-01");
        }
    }

    static String utf8(byte[] bytes, String file) {
        var decoder = StandardCharsets.UTF_8.newDecoder();
        try {
            String s = decoder.decode(java.nio.ByteBuffer.wrap(bytes)).toString();
            return s.startsWith("\uFEFF") ? s.substring(1) : s;
        } catch (java.nio.charset.CharacterCodingException e) {
            throw new BadInput((file == null ? "补贴参数文件" : file) + "不是 UTF-8 文本：请用记事本等另存为 UTF-8 后上传");
        }
    }
}
