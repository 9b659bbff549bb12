package org.anju.catalog;

import org.anju.region.*;
import org.anju.indicator.*;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import org.anju.account.Access;
import org.anju.account.Requirement;
import org.anju.account.Requires;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;
import java.util.NoSuchElementException;

@RestController
@RequestMapping("/api")
@Tag(name = "指标", description = "工程类别 × 阶段 × 计量单位")
class IndicatorController {

    private final Indicators indicators;
    private final Access access;

    IndicatorController(Indicators indicators, Access access) {
        this.indicators = indicators;
        this.access = access;
    }

    @GetMapping("/indicators")
    @Requires(Requirement.AUTHENTICATED)
    @Operation(summary = "全部指标")
    List<Indicator> indicators() {
        return indicators.all();
    }

    @GetMapping("/indicators/{code}")
    @Requires(Requirement.AUTHENTICATED)
    @Operation(summary = "按代码取指标，如 SHANTYTOWN.START.UNIT")
    Indicator indicator(@PathVariable String code) {
        return indicators.byCode(code).orElseThrow(() -> new org.anju.platform.NotFound("指标不存在：" + code));
    }

    @GetMapping("/programs")
    @Requires(Requirement.AUTHENTICATED)
    @Operation(summary = "工程类别")
    List<Program> programs() {
        return indicators.programs();
    }

    @GetMapping("/stages")
    @Requires(Requirement.AUTHENTICATED)
    @Operation(summary = "阶段")
    List<Stage> stages() {
        return indicators.stages();
    }

    @GetMapping("/measures")
    @Requires(Requirement.AUTHENTICATED)
    @Operation(summary = "计量单位")
    List<Measure> measures() {
        return indicators.measures();
    }

    @PostMapping("/programs")
    @Requires(Requirement.REFERENCE_ADMIN)
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "新增工程类别（无需改代码）")
    Program addProgram(@Valid @RequestBody NewProgram p) {
        access.checkManageReferenceData(null);
        return indicators.addProgram(new Program(p.code(), p.name(), p.shortName(),
                p.aliases() == null ? List.of(p.name()) : p.aliases(), p.defaultStage(), p.defaultMeasure(),
                p.sortOrder() == null ? 1000 : p.sortOrder()));
    }

    @PostMapping("/indicators")
    @Requires(Requirement.REFERENCE_ADMIN)
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "新增指标")
    Indicator addIndicator(@Valid @RequestBody NewIndicator i) {
        access.checkManageReferenceData(null);
        return indicators.addIndicator(i.programCode(), i.stageCode(), i.measureCode(), i.stageLabel(),
                i.sortOrder() == null ? 1000 : i.sortOrder());
    }

    record NewProgram(@NotBlank String code, @NotBlank String name, String shortName, List<String> aliases,
                      String defaultStage, String defaultMeasure, Integer sortOrder) {
    }

    record NewIndicator(@NotBlank String programCode, @NotBlank String stageCode, @NotBlank String measureCode,
                        String stageLabel, Integer sortOrder) {
    }
}
