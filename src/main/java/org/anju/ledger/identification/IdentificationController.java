package org.anju.ledger.identification;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.anju.account.Requirement;
import org.anju.account.Requires;
import org.anju.platform.BadInput;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
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
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;

/** REST: 棚改项目认定 — checklists and identifications. */
@RestController
@RequestMapping("/api/ledger/identification")
@Tag(name = "棚改项目认定", description = "省、市上传的棚改项目认定清单（条款原文、类别、问题、证明材料，按生效日期分版本）；县区对项目库中的棚改项目"
        + "逐条作答并上传证明材料、填写类型和户数等事实后提交，由上一级认定、不予认定（须写明依据的条款）或退回补充")
class IdentificationController {

    private final Identifications identifications;
    private final Checklists checklists;

    IdentificationController(Identifications identifications, Checklists checklists) {
        this.identifications = identifications;
        this.checklists = checklists;
    }

    @GetMapping("/checklists")
    @Requires(Requirement.READ_ISSUED)
    @Operation(summary = "认定清单", description = "当前用户可读的各省、市认定清单的各版本（不含条款，条款见单个清单）。")
    List<ChecklistHead> checklists() {
        return checklists.readable().stream().map(ChecklistHead::of).toList();
    }

    /** A checklist without its text and clauses. */
    record ChecklistHead(long id, String issuerCode, String issuerName, String name, String document, LocalDate effectiveFrom,
                         LocalDate effectiveTo, int clauses, String uploadedBy) {
        static ChecklistHead of(Checklist c) {
            return new ChecklistHead(c.id(), c.issuerCode(), c.issuerName(), c.name(), c.document(), c.effectiveFrom(),
                    c.effectiveTo(), c.clauses().size(), c.uploadedBy());
        }
    }

    @GetMapping("/checklists/{id}")
    @Requires(Requirement.READ_ISSUED)
    @Operation(summary = "查看认定清单", description = "条款（编号、原文、类别、问题、证明材料、核对条件）和上传的原文。")
    Checklist checklist(@PathVariable long id) {
        return checklists.get(id);
    }

    @PostMapping(value = "/checklists", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @Requires(Requirement.ADMIN)
    @Operation(summary = "上传认定清单", description = "由省级、市级管理员上传本地区（省级管理员也可为所辖的市）的认定清单（UTF-8 制表符分隔：地区、发文机关、"
            + "名称、文号、生效、失效、来源行，条款行为 编号、条款原文、类别 排除/必备/优先、问题、证明材料、可选的核对条件）。原文保存；"
            + "文件有任何问题则 400 并指出行、列，不保存；与本地区同一生效日的最新版本内容相同（重复提交）则 409，指出已有的版本，不保存。")
    Checklist upload(@RequestParam String region, @RequestPart("file") MultipartFile file) throws IOException {
        return checklists.upload(region, file.getOriginalFilename(), text(file));
    }

    @GetMapping
    @Requires(Requirement.READ_SCOPED)
    @Operation(summary = "认定记录", description = "地区及其下级的棚改项目认定，新的在前，含状态和不予认定所依据的条款编号。")
    List<Identification.Summary> list(@RequestParam String region) {
        return identifications.list(region);
    }

    @GetMapping("/{id}")
    @Requires(Requirement.READ_SCOPED)
    @Operation(summary = "查看认定", description = "事实、每一条款的回答、理由和证明材料（文件名、大小、SHA-256），决定，以及尚不能认定的原因（blockers）。")
    Identification get(@PathVariable long id) {
        return identifications.get(id);
    }

    record OpenInput(Long projectId, Long checklistId, LocalDate asOf) {
    }

    @PostMapping
    @Requires(Requirement.WRITE_OWN)
    @Operation(summary = "开始认定", description = "县区对本地区项目库中的棚改项目开始认定，按 asOf 当日有效的本市或本省认定清单；市和省都有清单时须给 "
            + "checklistId。所在市、省都没有有效清单则 409，不套用其他省份的清单。")
    Identification open(@RequestBody OpenInput in) {
        if (in.projectId() == null) {
            throw new BadInput("缺少 projectId：请给出项目库中棚改项目的编号");
        }
        return identifications.open(in.projectId(), in.checklistId(), in.asOf());
    }

    /** The facts; null fields are 未报. type: CITY_SHANTY, STATE_MINING, FOREST_RECLAMATION, URBAN_VILLAGE, DANGEROUS. */
    record FactsInput(Integer version, AreaType type, Integer households, Integer contiguousHouseholds, Integer builtYear,
                      Facts.Grade appraisal, String appraisalReport, String note) {
    }

    @PutMapping("/{id}/facts")
    @Requires(Requirement.WRITE_OWN)
    @Operation(summary = "填写事实", description = "类型（城市棚户区、国有工矿、国有林区垦区、城中村、城市危房）、户数、集中成片户数、建成年份、"
            + "危险房屋鉴定等级（A/B/C/D/NONE 未鉴定）和鉴定报告；不填为未报。须带 version。")
    Identification facts(@PathVariable long id, @RequestBody FactsInput in) {
        return identifications.facts(id, version(in.version()), new Facts(in.type(), in.households(), in.contiguousHouseholds(),
                in.builtYear(), in.appraisal(), in.appraisalReport(), in.note()));
    }

    record AnswerInput(Integer version, String answer, String reason) {
    }

    @PutMapping("/{id}/answers/{clause}")
    @Requires(Requirement.WRITE_OWN)
    @Operation(summary = "回答条款", description = "answer 为 符合（项目属于该条所述情形）、不符合 或 不适用（或 MATCHES、DOES_NOT_MATCH、"
            + "NOT_APPLICABLE），须写理由；已填事实表明属于该条所述情形时只能答“符合”。")
    Identification answer(@PathVariable long id, @Parameter(description = "条款编号，如 JL-4") @PathVariable String clause,
                          @RequestBody AnswerInput in) {
        return identifications.answer(id, version(in.version()), clause, answer(in.answer()), in.reason());
    }

    @PostMapping(value = "/{id}/evidence", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @Requires(Requirement.WRITE_OWN)
    @Operation(summary = "上传证明材料", description = "某一条款的证明材料，每个文件不超过 10 MB；保存 SHA-256，永不删除。")
    Evidence evidence(@PathVariable long id, @RequestParam String clause, @RequestPart("file") MultipartFile file) throws IOException {
        return identifications.addEvidence(id, clause, file.getOriginalFilename(), file.getContentType(), bytes(file));
    }

    @GetMapping("/{id}/evidence/{evidenceId}")
    @Requires(Requirement.READ_SCOPED)
    @Operation(summary = "下载证明材料", description = "核对 SHA-256 后返回原文件；响应头 X-Checksum-SHA256 为其校验和。")
    ResponseEntity<byte[]> download(@PathVariable long id, @PathVariable long evidenceId) {
        return file(identifications, id, evidenceId);
    }

    static ResponseEntity<byte[]> file(Identifications identifications, long id, long evidenceId) {
        Evidence e = identifications.evidenceOf(id, evidenceId);
        byte[] content = identifications.evidenceContent(id, evidenceId);
        MediaType type;
        try {
            type = MediaType.parseMediaType(e.contentType());
        } catch (IllegalArgumentException bad) {
            type = MediaType.APPLICATION_OCTET_STREAM;
        }
        return ResponseEntity.ok().contentType(type).header("X-Checksum-SHA256", e.sha256())
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(e.fileName(),
                        StandardCharsets.UTF_8).build().toString()).body(content);
    }

    record VersionInput(Integer version) {
    }

    @PostMapping("/{id}/submit")
    @Requires(Requirement.WRITE_OWN)
    @Operation(summary = "提交", description = "每一条款都已回答才能提交，交上一级认定。")
    Identification submit(@PathVariable long id, @RequestBody VersionInput in) {
        return identifications.submit(id, version(in.version()));
    }

    record DecisionInput(Integer version, String note, List<String> clauses) {
    }

    @PostMapping("/{id}/approve")
    @Requires(Requirement.APPROVE_BELOW)
    @Operation(summary = "认定", description = "由上一级（县区的项目由市）认定；有条款未回答、排除条款答“符合”、排除条款答“不符合”而无证明材料等情况时 409。")
    Identification approve(@PathVariable long id, @RequestBody DecisionInput in) {
        return identifications.approve(id, version(in.version()), in.note());
    }

    @PostMapping("/{id}/refuse")
    @Requires(Requirement.APPROVE_BELOW)
    @Operation(summary = "不予认定", description = "须在 clauses 中写明依据的条款编号；决定中引用条款编号和原文。")
    Identification refuse(@PathVariable long id, @RequestBody DecisionInput in) {
        return identifications.refuse(id, version(in.version()), in.clauses(), in.note());
    }

    @PostMapping("/{id}/return")
    @Requires(Requirement.APPROVE_BELOW)
    @Operation(summary = "退回补充", description = "须写明需要补充什么（note）。")
    Identification sendBack(@PathVariable long id, @RequestBody DecisionInput in) {
        return identifications.sendBack(id, version(in.version()), in.note());
    }

    static int version(Integer v) {
        if (v == null) {
            throw new BadInput("缺少 version：请提供读取认定记录时的版本，以免覆盖他人同时所做的修改");
        }
        return v;
    }

    static Answer answer(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        return Answer.parse(text).orElseThrow(() -> new BadInput("回答「" + text + "」不对：应为 符合、不符合 或 不适用"));
    }

    static byte[] bytes(MultipartFile file) throws IOException {
        if (file.getSize() > Identifications.MAX_EVIDENCE_BYTES) {
            throw new BadInput(file.getOriginalFilename() + "：文件 " + file.getSize() / 1024 / 1024 + " MB，超过证明材料上限 "
                    + Identifications.MAX_EVIDENCE_BYTES / 1024 / 1024 + " MB：请压缩或分成几个文件上传");
        }
        return file.getBytes();
    }

    static String text(MultipartFile file) throws IOException {
        if (file.getSize() > ChecklistFile.MAX_CHARS * 4L) {
            throw new BadInput(file.getOriginalFilename() + "：文件过大，不是认定清单");
        }
        try {
            return StandardCharsets.UTF_8.newDecoder().decode(java.nio.ByteBuffer.wrap(file.getBytes())).toString();
        } catch (java.nio.charset.CharacterCodingException e) {
            throw new BadInput(file.getOriginalFilename() + "：不是 UTF-8 文本；请在表格软件中另存为“UTF-8 制表符分隔文本”");
        }
    }
}
