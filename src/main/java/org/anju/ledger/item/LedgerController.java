package org.anju.ledger.item;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.anju.account.Requirement;
import org.anju.account.Requires;
import org.anju.ledger.kind.KindDefinition;
import org.anju.platform.BadInput;
import org.anju.platform.Once;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
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
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/** REST: the ledgers (台账). */
@RestController
@RequestMapping("/api/ledger")
@Tag(name = "台账", description = "审计发现问题、信访投诉、棚改逾期未安置、安置房逾期交付、城市危房等整改事项：交办、整改进展与证明材料、"
        + "申请销号、上一级销号或退回、督办通知；责任单位；台账导入（先预览，全部写入或全部不写）与导出；督导统计")
class LedgerController {

    static final MediaType XLSX = MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");

    private final Ledger ledger;
    private final LedgerFigures figures;
    private final LedgerImport imports;
    private final Once once;

    LedgerController(Ledger ledger, LedgerFigures figures, LedgerImport imports, Once once) {
        this.once = once;
        this.ledger = ledger;
        this.figures = figures;
        this.imports = imports;
    }

    @GetMapping("/kinds")
    @Requires(Requirement.AUTHENTICATED)
    @Operation(summary = "台账种类", description = "每种事项的字段（代码、名称、类型、是否必填、可选值）、期限规则、临近提醒天数、法定时限及其来源。")
    List<KindDefinition> kinds() {
        return ledger.kinds().all();
    }

    @GetMapping("/items")
    @Requires(Requirement.READ_SCOPED)
    @Operation(summary = "列出事项（分页）", description = "地区及其下级的事项，未销号的按期限在前；责任单位的经办账号只看到本单位的事项。"
            + "筛选同 /ledger 页面：kind、state、unit（责任单位编号）、overdue（true：已逾期）、q（事项标题）、page、size。")
    org.anju.platform.Page<Item> items(@RequestParam String region, @RequestParam(required = false) String kind,
                     @Parameter(description = "PENDING 待整改、IN_PROGRESS 整改中、APPLIED 申请销号、CLOSED 已销号")
                     @RequestParam(required = false) String state, @RequestParam(required = false) String unit,
                     @RequestParam(required = false) String overdue, @RequestParam(required = false) String q,
                     @RequestParam(required = false) String page, @RequestParam(required = false) String size) {
        return ledger.page(region, kind, state(state), unit(unit), overdue(overdue), q,
                org.anju.platform.PageRequest.parse(page, size));
    }

    static Long unit(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        if (!text.strip().matches("[0-9]{1,18}")) {
            throw new BadInput("参数 unit（责任单位）的值「" + text.strip() + "」不对：应为责任单位的编号（见责任单位列表）");
        }
        return Long.parseLong(text.strip());
    }

    static boolean overdue(String text) {
        if (text == null || text.isBlank() || text.strip().equals("false")) {
            return false;
        }
        if (text.strip().equals("true") || text.strip().equals("已逾期")) {
            return true;
        }
        throw new BadInput("参数 overdue（只看已逾期）的值「" + text.strip() + "」不对：应为 true 或 false");
    }

    static LedgerState state(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        return LedgerState.parse(text.strip()).orElseThrow(() -> new BadInput("参数 state 的值「" + text
                + "」不对：应为 PENDING、IN_PROGRESS、APPLIED、CLOSED（或 待整改、整改中、申请销号、已销号）"));
    }

    /** An item with its timeline and files. */
    record ItemView(Item item, List<ItemEvent> timeline, List<EvidenceFile> files) {
    }

    @GetMapping("/items/{id}")
    @Requires(Requirement.READ_SCOPED)
    @Operation(summary = "查看事项", description = "含时间线（交办、进展、申请销号、退回及原因、销号、督办）和证明材料。")
    ItemView item(@PathVariable long id) {
        return new ItemView(ledger.item(id), ledger.timeline(id), ledger.files(id));
    }

    @PostMapping("/items")
    @Requires(Requirement.WRITE_OWN)
    @Operation(summary = "交办事项", description = "fields 为该种类的字段（代码 → 值）；期限给 deadline（日期），或 days 与 workingDays、"
            + "startOn（自起算日的工作日或日历日），都不给则按种类的规则（信访：受理日期起 60 日）。没有当年放假安排的日期被拒绝。")
    Item create(@RequestBody NewItem item,
                @Parameter(description = IDEMPOTENCY) @RequestHeader(name = Once.HEADER, required = false) String key) {
        // what was asked, the petitioner's name and phone too (Once keeps a keyed digest: they are not given away)
        Object asked = item;
        return ledger.item(once.run(key, Once.From.HEADER, asked, () -> ledger.create(item)).id());
    }

    /** The API's words on its Idempotency-Key header (Once). */
    static final String IDEMPOTENCY = "可选。客户端为这次提交生成的唯一键（如 UUID）：超时后用同一键重试，不会重复保存，"
            + "答复第一次保存的结果；每次新的提交用新键。键保留一天；同一键用于内容不同的提交则 409。";

    record Versioned(Integer version, String text) {
        int v() {
            if (version == null) {
                throw new BadInput("缺少 version：请提供读取事项时的版本，以免覆盖他人同时所做的修改");
            }
            return version;
        }
    }

    @PostMapping(value = "/items/{id}/progress", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @Requires(Requirement.LEDGER_WORK)
    @Operation(summary = "报送整改进展", description = "进展说明、进展日期 on（必填）和证明材料（可多个文件）；第一次报送使事项由待整改转为"
            + "整改中。缺少 on 的拒绝（400），不以当天代替。")
    ItemView progress(@PathVariable long id, @RequestParam int version, @RequestParam String note,
                      // not required here, so that a missing date is refused by Ledger.progress naming the field in Chinese
                      @Parameter(required = true, description = "进展日期，如 2026-03-02；不能晚于今天")
                      @RequestParam(required = false) LocalDate on,
                      @RequestPart(name = "files", required = false) List<MultipartFile> files) {
        ledger.progress(id, version, note, on, uploads(files));
        return item(id);
    }

    static List<Upload> uploads(List<MultipartFile> files) {
        List<Upload> out = new ArrayList<>();
        for (MultipartFile f : files == null ? List.<MultipartFile>of() : files) {
            if (f.isEmpty() && (f.getOriginalFilename() == null || f.getOriginalFilename().isBlank())) {
                continue;
            }
            try {
                out.add(new Upload(f.getOriginalFilename(), f.getContentType(), f.getBytes()));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return out;
    }

    record MeasuresInput(Integer version, String measures, String responsible) {
    }

    @PostMapping("/items/{id}/measures")
    @Requires(Requirement.LEDGER_WORK)
    @Operation(summary = "修改整改措施和责任人", description = "未销号的事项；须带读取时的 version。")
    Item measures(@PathVariable long id, @RequestBody MeasuresInput body) {
        if (body.version() == null) {
            throw new BadInput("缺少 version：请提供读取事项时的版本，以免覆盖他人同时所做的修改");
        }
        return ledger.editMeasures(id, body.version(), body.measures(), body.responsible());
    }

    @PostMapping(value = "/items/{id}/files", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @Requires(Requirement.LEDGER_WORK)
    @Operation(summary = "上传或替换证明材料", description = "replaces 为被替换文件的编号：原文件保留，新文件为新版本；文件从不删除。")
    EvidenceFile addFile(@PathVariable long id, @RequestPart("file") MultipartFile file,
                         @RequestParam(required = false) Long replaces) {
        List<Upload> u = uploads(List.of(file));
        if (u.isEmpty()) {
            throw new BadInput("没有收到文件");
        }
        return ledger.addFile(id, u.getFirst(), replaces);
    }

    @PostMapping("/items/{id}/apply")
    @Requires(Requirement.LEDGER_WORK)
    @Operation(summary = "申请销号", description = "由整改中转为申请销号，等待上一级销号或退回。")
    Item apply(@PathVariable long id, @RequestBody Versioned body) {
        return ledger.apply(id, body.v(), body.text());
    }

    @PostMapping("/items/{id}/approve")
    @Requires(Requirement.APPROVE_BELOW)
    @Operation(summary = "销号", description = "由事项所属地区的上一级管理员办理（县的事项由市，市的由省）。")
    Item approve(@PathVariable long id, @RequestBody Versioned body) {
        return ledger.approve(id, body.v());
    }

    @PostMapping("/items/{id}/return")
    @Requires(Requirement.APPROVE_BELOW)
    @Operation(summary = "退回", description = "须说明原因（text）；事项回到整改中。")
    Item returnItem(@PathVariable long id, @RequestBody Versioned body) {
        return ledger.returnItem(id, body.v(), body.text());
    }

    @GetMapping("/files/{id}")
    @Requires(Requirement.READ_SCOPED)
    @Operation(summary = "下载证明材料", description = "下载前核对 SHA-256 校验值。")
    ResponseEntity<byte[]> file(@PathVariable long id) {
        EvidenceFile f = ledger.file(id);
        return ResponseEntity.ok().header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename(f.name(), StandardCharsets.UTF_8).build().toString())
                .contentType(MediaType.APPLICATION_OCTET_STREAM).body(ledger.fileContent(id));
    }

    @GetMapping("/units")
    @Requires(Requirement.READ_SCOPED)
    @Operation(summary = "责任单位", description = "地区的责任单位（政府部门、国有企业、其他）。")
    List<Unit> units(@RequestParam String region) {
        return ledger.units(region);
    }

    record UnitInput(String regionCode, String name, UnitKind kind) {
    }

    @PostMapping("/units")
    @Requires(Requirement.ADMIN)
    @Operation(summary = "新增责任单位", description = "由该地区或上级的管理员维护；kind 为 GOVERNMENT 政府部门、STATE_ENTERPRISE 国有企业、OTHER 其他。")
    Unit addUnit(@RequestBody UnitInput u) {
        return ledger.addUnit(u.regionCode(), u.name(), u.kind());
    }

    record LinkInput(Long unitId) {
    }

    @PutMapping("/unit-accounts/{username}")
    @Requires(Requirement.ADMIN)
    @Operation(summary = "账号关联责任单位", description = "关联后该账号只看到并办理本单位的事项；unitId 为空则取消关联。")
    void link(@PathVariable String username, @RequestBody LinkInput body) {
        ledger.linkAccount(username, body.unitId());
    }

    @GetMapping("/notices")
    @Requires(Requirement.READ_SCOPED)
    @Operation(summary = "督办通知", description = "发给或发自该地区及其下级的督办通知。")
    List<Notice> notices(@RequestParam String region) {
        return ledger.notices(region);
    }

    record NoticeInput(String regionCode, List<Long> itemIds, String title, String body, LocalDate deadline) {
    }

    @PostMapping("/notices")
    @Requires(Requirement.APPROVE_BELOW)
    @Operation(summary = "发督办通知", description = "由上一级管理员发给下级地区，涉及其一个或多个事项，有自己的办理期限。")
    Notice issue(@RequestBody NoticeInput n,
                 @Parameter(description = IDEMPOTENCY) @RequestHeader(name = Once.HEADER, required = false) String key) {
        return ledger.notice(once.run(key, Once.From.HEADER, n,
                () -> ledger.issueNotice(n.regionCode(), n.itemIds(), n.title(), n.body(), n.deadline()).id()).id());
    }

    @PostMapping("/notices/{id}/reply")
    @Requires(Requirement.WRITE_OWN)
    @Operation(summary = "答复督办通知", description = "由被督办地区能修改数据的账号答复。")
    Notice reply(@PathVariable long id, @RequestBody Versioned body) {
        return ledger.reply(id, body.v(), body.text());
    }

    @GetMapping("/figures/counts")
    @Requires(Requirement.READ_SCOPED)
    @Operation(summary = "事项统计", description = "按种类 × 状态 × 责任单位，截至 on 当日的状态。")
    List<LedgerFigures.Count> counts(@RequestParam String region, @RequestParam LocalDate on) {
        return figures.counts(region, on);
    }

    @GetMapping("/figures/overdue")
    @Requires(Requirement.READ_SCOPED)
    @Operation(summary = "逾期事项", description = "on 当日已过期限且未销号的事项，逾期最久的在前。")
    List<LedgerFigures.Late> overdue(@RequestParam String region, @RequestParam LocalDate on) {
        return figures.overdue(region, on);
    }

    @GetMapping("/figures/due-soon")
    @Requires(Requirement.READ_SCOPED)
    @Operation(summary = "临近到期事项", description = "期限在 on 当日至种类规定的提醒天数之内的未销号事项。")
    List<LedgerFigures.Late> dueSoon(@RequestParam String region, @RequestParam LocalDate on) {
        return figures.dueSoon(region, on);
    }

    @GetMapping("/figures/rates")
    @Requires(Requirement.READ_SCOPED)
    @Operation(summary = "整改率", description = "按种类和责任单位：已销号 / 全部；没有事项的不给比率（不是 0%）。")
    List<LedgerFigures.Rate> rates(@RequestParam String region) {
        return figures.rates(region);
    }

    @PostMapping(value = "/import", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @Requires(Requirement.WRITE_OWN)
    @Operation(summary = "导入台账", description = "每种事项一张表，每行一个事项，表头为该种类的中文列名（与导出相同）。commit=false 只预览；"
            + "commit=true 全部写入或全部不写。问题按工作表、行、列指出。")
    LedgerImport.Result importFile(@RequestParam String region, @RequestParam String kind,
                                   @RequestParam(defaultValue = "false") boolean commit, @RequestPart("file") MultipartFile file)
            throws IOException {
        return imports.importFile(region, kind, file.getOriginalFilename(), file.getBytes(), commit);
    }

    @GetMapping("/export")
    @Requires(Requirement.READ_SCOPED)
    @Operation(summary = "导出台账", description = "该地区本级某种事项的台账（XLSX），格式与导入相同。")
    ResponseEntity<byte[]> export(@RequestParam String region, @RequestParam String kind) {
        byte[] body = imports.export(region, kind);
        String name = ledger.kinds().get(kind).name() + "台账-" + region + ".xlsx";
        return ResponseEntity.ok().header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                .filename(name, StandardCharsets.UTF_8).build().toString()).contentType(XLSX).body(body);
    }
}
