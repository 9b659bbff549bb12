package org.anju.plan.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.anju.account.Requirement;
import org.anju.account.Requires;
import org.anju.plan.imports.Choices;
import org.anju.plan.imports.ImportOptions;
import org.anju.plan.imports.ImportResult;
import org.anju.plan.imports.PlanImporter;
import org.anju.plan.imports.YearSpan;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.UnsupportedCharsetException;
import java.util.List;

@RestController
@RequestMapping("/api/imports")
@Tag(name = "导入", description = "导入目标任务分解表：XLSX、XLS、DOCX、CSV/TSV（UTF-8 或 GBK）、纯文本")
class ImportController {

    private final PlanImporter importer;

    private final org.anju.platform.ImportSlots slots;

    ImportController(PlanImporter importer, org.anju.platform.ImportSlots slots) {
        this.slots = slots;
        this.importer = importer;
    }

    @PostMapping(consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @Requires(Requirement.WRITE_OWN)
    @Operation(summary = "导入文件；dryRun=true 只预览（保留文件以便稍后提交），有错误时返回 422 且不写入任何数据；"
            + "发文地区须为本单位，否则 403")
    ResponseEntity<ImportResult> importFile(
            @RequestPart("file") MultipartFile file,
            @Parameter(description = "只预览，不写入") @RequestParam(defaultValue = "false") boolean dryRun,
            @Parameter(description = "导入到已有计划") @RequestParam(required = false) Long planId,
            @Parameter(description = "替换该计划已有的分解表") @RequestParam(defaultValue = "false") boolean replace,
            @Parameter(description = "发文地区代码（无法从表中推断时）") @RequestParam(required = false) String issuer,
            @Parameter(description = "文本文件编码，如 GBK；不填则自动识别") @RequestParam(required = false) String encoding,
            @RequestParam(required = false) String title,
            @RequestParam(required = false) String documentNumber,
            @RequestParam(required = false) Integer firstYear,
            @RequestParam(required = false) Integer lastYear,
            @Parameter(description = "某列的含义，如 项目数量=ignore、户数=OLD_COMMUNITY.START.HOUSEHOLD:TARGET:2024（可重复）")
            @RequestParam(required = false) List<String> column,
            @Parameter(description = "某行的地区，如 吉林=220000、三县=ignore（可重复）")
            @RequestParam(required = false) List<String> region,
            @Parameter(description = "工程类别（代码或名称），表中没写明时") @RequestParam(required = false) String program,
            @Parameter(description = "阶段（代码或名称），表中没写明时") @RequestParam(required = false) String stage,
            @Parameter(description = "进展表截止月份，如 2023-09") @RequestParam(required = false) String period,
            @Parameter(description = "上级计划的文号（正文引用的多个计划无法区分时须指定；none 为不设上级计划）")
            @RequestParam(required = false) String parent)
            throws IOException {
        YearSpan years = years(firstYear, lastYear);
        ImportOptions options = new ImportOptions(dryRun, planId, replace, blank(issuer), null, blank(title),
                blank(documentNumber), null, years == null ? null : years.first(), years == null ? null : years.last(),
                blank(parent), charset(encoding), dryRun, null, null, choices(column, region, program, stage, period));
        String name = file.getOriginalFilename() == null ? "upload" : file.getOriginalFilename();
        return respond(slots.run(() -> importer.importFile(name, org.anju.platform.ImportSlots.bytes(file), options)));
    }

    @PostMapping("/{batchId}/commit")
    @Requires(Requirement.WRITE_OWN)
    @Operation(summary = "提交先前预览过的文件（只有可以为该发文地区导入的用户可以提交）；预览中待确认的各项须以 column、region、"
            + "period 等参数给出答案，否则返回 422 且不写入")
    ResponseEntity<ImportResult> commit(@PathVariable long batchId,
                                        @RequestParam(required = false) Long planId,
                                        @RequestParam(defaultValue = "false") boolean replace,
                                        @RequestParam(required = false) String issuer,
                                        @Parameter(description = "预览时指定过的文本文件编码，如 GBK")
                                        @RequestParam(required = false) String encoding,
                                        @Parameter(description = "计划标题（预览时指定过的须再次给出）")
                                        @RequestParam(required = false) String title,
                                        @Parameter(description = "文号（预览时指定过的须再次给出）")
                                        @RequestParam(required = false) String documentNumber,
                                        @RequestParam(required = false) Integer firstYear,
                                        @RequestParam(required = false) Integer lastYear,
                                        @RequestParam(required = false) List<String> column,
                                        @RequestParam(required = false) List<String> region,
                                        @RequestParam(required = false) String program,
                                        @RequestParam(required = false) String stage,
                                        @RequestParam(required = false) String period,
                                        @Parameter(description = "上级计划的文号（预览中问到时；none 为不设）")
                                        @RequestParam(required = false) String parent) {
        YearSpan years = years(firstYear, lastYear);
        ImportOptions options = new ImportOptions(false, planId, replace, blank(issuer), null, blank(title),
                blank(documentNumber), null, years == null ? null : years.first(), years == null ? null : years.last(),
                blank(parent), charset(encoding),
                false, null, null, choices(column, region, program, stage, period));
        return respond(slots.run(() -> importer.commitPreview(batchId, options)));
    }

    /** firstYear alone is one year; lastYear without firstYear, or before it, is refused (400). */
    private static YearSpan years(Integer firstYear, Integer lastYear) {
        if (firstYear == null) {
            if (lastYear != null) {
                throw new org.anju.platform.BadInput("参数 lastYear 须与 firstYear 一起给出");
            }
            return null;
        }
        try {
            return new YearSpan(firstYear, lastYear == null ? firstYear : lastYear);
        } catch (IllegalArgumentException e) {
            org.anju.platform.Refusals.rethrowBug(e);
            throw new org.anju.platform.BadInput("参数 firstYear/lastYear：" + e.getMessage());
        }
    }

    private static Choices choices(List<String> column, List<String> region, String program, String stage,
                                   String period) {
        return new Choices(Choices.pairs(column == null ? List.of() : column, "参数 column"),
                Choices.pairs(region == null ? List.of() : region, "参数 region"), program, stage,
                Choices.month(period, "参数 period"));
    }

    private static ResponseEntity<ImportResult> respond(ImportResult result) {
        HttpStatus status = !result.ok() ? HttpStatus.UNPROCESSABLE_ENTITY
                : result.committed() ? HttpStatus.CREATED : HttpStatus.OK;
        return ResponseEntity.status(status).body(result);
    }

    static Charset charset(String name) {
        if (name == null || name.isBlank()) {
            return null;
        }
        try {
            return Charset.forName(name.trim());
        } catch (IllegalCharsetNameException | UnsupportedCharsetException e) {
            throw new org.anju.platform.BadInput("不支持的编码：" + name);
        }
    }

    private static String blank(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }
}
