package org.anju.plan.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.anju.account.Requirement;
import org.anju.account.Requires;
import org.anju.plan.BreakdownTable;
import org.anju.plan.Cell;
import org.anju.plan.Plans;
import org.anju.plan.PublishedProgress;
import org.anju.plan.check.Finding;
import org.anju.region.Region;
import org.anju.region.Regions;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/** Progress tables as published (进展情况): figures of a month, targets, actuals and rates per unit. */
@RestController
@RequestMapping("/api/progress-tables")
@Tag(name = "进展表", description = "导入的进展情况表：各单位某月的目标任务、完成数和完成率（不作为计划目标任务）")
class ProgressTableController {

    private final Plans plans;
    private final Regions regions;

    ProgressTableController(Plans plans, Regions regions) {
        this.plans = plans;
        this.regions = regions;
    }

    record ProgressView(long id, String title, String documentNumber, String issuerCode, String issuerRegion,
                        String period, String sourceFile) {
    }

    /** One printed figure: whose, what, of which kind, as printed and in the indicator's measure. */
    record FigureView(String table, String rowLabel, String regionCode, String regionName, String role,
                      String indicatorCode, String indicator, Integer year, String kind, String period, String printed,
                      BigDecimal value) {
    }

    record ProgressDetail(ProgressView progress, List<FigureView> figures, List<Finding> findings) {
    }

    private ProgressView view(PublishedProgress p) {
        Region issuer = regions.byId(p.issuerRegionId());
        return new ProgressView(p.id(), p.title(), p.documentNumber(), issuer.code(), issuer.name(),
                p.period().toString(), p.sourceFile());
    }

    @GetMapping
    @Requires(Requirement.READ_ISSUED)
    @Operation(summary = "进展表列表（本地区及下级发布的、上级发给本地区的）")
    List<ProgressView> list() {
        return plans.readableProgress().stream().map(this::view).toList();
    }

    @GetMapping("/{id}")
    @Requires(Requirement.READ_ISSUED)
    @Operation(summary = "进展表的全部数字（地区、指标、年度、类型、截止月份）和校验结果")
    ProgressDetail get(@PathVariable long id) {
        PublishedProgress p = plans.readProgress(id);
        List<FigureView> figures = new ArrayList<>();
        for (int k = 0; k < p.tables().size(); k++) {
            BreakdownTable t = p.tables().get(k);
            String period = p.periods().get(k).toString();
            for (BreakdownTable.Row r : t.rows()) {
                for (int c = 0; c < t.columns().size(); c++) {
                    Cell cell = r.cell(c);
                    if (!cell.blank()) {
                        BreakdownTable.Column col = t.columns().get(c);
                        figures.add(new FigureView(t.displayLabel(), r.label(), r.region().code(), r.region().name(),
                                r.role().name(), col.indicator().code(), col.indicator().displayName(), col.year(),
                                col.kind().name(), period, col.printed(cell), cell.value()));
                    }
                }
            }
        }
        return new ProgressDetail(view(p), figures, plans.check(p));
    }

    @DeleteMapping("/{id}")
    @Requires(Requirement.WRITE_OWN)
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "删除进展表（发布地区的填报人员）")
    void delete(@PathVariable long id) {
        plans.deleteProgress(id);
    }
}
