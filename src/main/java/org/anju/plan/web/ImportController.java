package org.anju.plan.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.anju.account.Requirement;
import org.anju.account.Requires;
import org.anju.plan.imports.ImportOptions;
import org.anju.plan.imports.ImportResult;
import org.anju.plan.imports.PlanImporter;
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

@RestController
@RequestMapping("/api/imports")
@Tag(name = "导入", description = "导入目标任务分解表：XLSX、XLS、DOCX、CSV/TSV（UTF-8 或 GBK）、纯文本")
class ImportController {

    private final PlanImporter importer;

    ImportController(PlanImporter importer) {
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
            @RequestParam(required = false) Integer lastYear) throws IOException {
        ImportOptions options = new ImportOptions(dryRun, planId, replace, blank(issuer), null, blank(title),
                blank(documentNumber), null, firstYear, lastYear == null ? firstYear : lastYear, null,
                charset(encoding), dryRun, null, null);
        String name = file.getOriginalFilename() == null ? "upload" : file.getOriginalFilename();
        return respond(importer.importFile(name, file.getBytes(), options));
    }

    @PostMapping("/{batchId}/commit")
    @Requires(Requirement.WRITE_OWN)
    @Operation(summary = "提交先前预览过的文件（只有可以为该发文地区导入的用户可以提交）")
    ResponseEntity<ImportResult> commit(@PathVariable long batchId,
                                        @RequestParam(required = false) Long planId,
                                        @RequestParam(defaultValue = "false") boolean replace,
                                        @RequestParam(required = false) String issuer) {
        ImportOptions options = ImportOptions.commit().intoPlan(planId, replace);
        if (issuer != null && !issuer.isBlank()) {
            options = new ImportOptions(false, planId, replace, issuer, null, null, null, null, null, null, null,
                    null, false, null, null);
        }
        return respond(importer.commitPreview(batchId, options));
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
            throw new IllegalArgumentException("不支持的编码：" + name);
        }
    }

    private static String blank(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }
}
