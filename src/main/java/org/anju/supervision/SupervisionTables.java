package org.anju.supervision;

import org.anju.platform.Table;
import org.anju.platform.Table.Cell;
import org.anju.platform.Titles;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;

/**
 * The 督导 page's tables as {@link Table}s (what its 导出Excel writes), from the same rankings and checks the page
 * shows: units without a report are listed under the ranked ones with 未报, never ranked at 0.
 */
final class SupervisionTables {

    private SupervisionTables() {
    }

    static Table ranking(Ranking ranking, String regionName, YearMonth period) {
        String rateName = ranking.rateName() == null ? "比率" : ranking.rateName();
        List<List<Cell>> rows = new ArrayList<>();
        for (RankedUnit u : ranking.units()) {
            rows.add(List.of(u.rank() == null ? Cell.NONE : Cell.integer(u.rank()), Cell.text(u.regionName()),
                    Cell.figure(u.actual()), Cell.figure(u.target()), Cell.percent(u.rate()),
                    Cell.text(u.belowAverage() ? "低于平均水平" : "")));
        }
        for (Ranking.Unreported u : ranking.unreported()) {
            Cell cell = u.cellText().equals(org.anju.progress.ProgressLine.UNREPORTED) ? Cell.UNREPORTED : Cell.text(u.cellText());
            Cell actual = u.showsActual() ? Cell.figure(u.actual()) : cell;
            rows.add(List.of(Cell.NONE, Cell.text(u.regionName()), actual, Cell.EMPTY, cell, Cell.text(u.statusText())));
        }
        String indicator = ranking.indicatorName() == null ? "" : ranking.indicatorName();
        return Table.of("排名", regionName + Titles.yearToDate(period) + indicator + rateName + "排名表",
                Titles.unitLine(regionName, period) + "　平均水平：" + ranking.averageText(),
                List.of("名次", "地区", "实际", "目标/基数", rateName, "备注"), rows, null);
    }

    static Table lagging(List<LaggingUnit> lagging, String regionName, YearMonth period) {
        List<List<Cell>> rows = lagging.stream().map(l -> List.of(Cell.text(l.regionName()), Cell.text(l.indicatorName()),
                Cell.text(l.rateName()), Cell.percent(l.rate()), Cell.percent(l.expected()), Cell.text(l.basis()))).toList();
        return Table.of("低于序时进度", regionName + Titles.yearToDate(period) + "低于序时进度的单位",
                Titles.unitLine(regionName, period), List.of("地区", "指标", "比率名称", "比率", "序时进度", "依据"), rows, null);
    }

    static Table checks(List<MilestoneCheck> checks, String regionName, YearMonth period) {
        List<List<Cell>> rows = checks.stream().map(c -> List.of(Cell.text(c.regionName()), Cell.text(c.requirement()),
                Cell.text(c.what()), Cell.percent(c.rate()),
                Cell.text(c.status().label()), Cell.text(c.basis()), Cell.text(c.plan()))).toList();
        return Table.of("进度要求核对", regionName + period.getYear() + "年进度要求核对表", Titles.unitLine(regionName, period),
                List.of("地区", "要求", "核对内容", "目前", "结果", "依据", "出处"), rows, null);
    }

    static Table stalled(List<StalledProject> stalled, String regionName, YearMonth period) {
        List<List<Cell>> rows = stalled.stream().map(p -> List.of(Cell.text(p.regionName()), Cell.text(p.programName()),
                Cell.text(p.name() + (p.carriedOver() ? "（续建结转）" : "")), Cell.text(p.size()),
                Cell.text(String.join("；", p.reasons())))).toList();
        return Table.of("进展缓慢的项目", regionName + Titles.yearToDate(period) + "进展缓慢的项目", Titles.unitLine(regionName, period),
                List.of("地区", "工程类别", "项目", "规模", "问题"), rows, null);
    }

    static Table overdue(List<OverdueDelivery> overdue, String regionName, YearMonth period) {
        List<List<Cell>> rows = overdue.stream().map(o -> List.of(Cell.text(o.regionName()), Cell.text(o.name()),
                Cell.text(o.size()), Cell.text(Titles.date(o.dueOn())))).toList();
        return Table.of("逾期未交付", regionName + "逾期未交付的项目", Titles.unitLine(regionName, period),
                List.of("地区", "项目", "规模", "合同约定交付"), rows, "项目库未填合同约定交付日期的项目不在此列。");
    }

    static Table projections(List<Projection> projections, String regionName, YearMonth period) {
        List<List<Cell>> rows = projections.stream().map(p -> List.of(Cell.text(p.regionName()), Cell.text(p.indicatorName()),
                Cell.figure(p.actual()), Cell.figure(p.target()), Cell.figure(p.projected()), Cell.percent(p.projectedRate()),
                Cell.text(p.method()))).toList();
        return Table.of("年底预计", regionName + period.getYear() + "年年底预计完成情况", Titles.unitLine(regionName, period),
                List.of("地区", "指标", "目前", "目标", "年底预计", "预计完成率", "方法"), rows, null);
    }
}
