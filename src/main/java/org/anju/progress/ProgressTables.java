package org.anju.progress;

import org.anju.platform.Table;
import org.anju.platform.Table.Cell;
import org.anju.platform.Titles;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The progress pages' tables as {@link Table}s, from the same roll-ups the pages show: what the 导出Excel of
 * 进度汇总 and the dashboard writes. A figure nobody reported is 未报, never 0; a rate without a target is "—".
 */
public final class ProgressTables {

    private ProgressTables() {
    }

    /** A figure of a line: 未报 when no unit reported, 未填 when those that did left it blank, else the number. */
    public static Cell actual(ProgressLine l) {
        return l.unreported() ? Cell.UNREPORTED : l.blank() ? Cell.text(ProgressLine.UNFILLED) : Cell.figure(l.shownActual());
    }

    /** A rate of a line (percent in the roll-ups, a fraction in the cell); 未填 / 含未填项 where a blank left none. */
    public static Cell rate(ProgressLine l) {
        if (l.unreported()) {
            return Cell.UNREPORTED;
        }
        return l.rateUnfilled() ? Cell.text(l.rateText()) : Cell.percent(l.rate());
    }

    /** The legend of a table with 未填 or 含未填项 cells. */
    static final String UNFILLED_NOTE = "未填为已报送但未填写该项（不是0）；含未填项为有单位未填写该项或其基数，不计算比率。";

    /** The region's 进度汇总: one row per indicator. */
    public static Table summary(ProgressSummary s) {
        List<List<Cell>> rows = new ArrayList<>();
        for (ProgressLine l : s.lines()) {
            rows.add(List.of(Cell.text(l.programName()), Cell.text(l.indicatorName()), actual(l), Cell.figure(l.target()),
                    Cell.text(l.rateName() == null ? "" : l.rateName()),
                    l.rateName() == null ? Cell.EMPTY : rate(l), Cell.integer(l.units())));
        }
        return Table.of("进度汇总", s.regionName() + Titles.yearToDate(s.period()) + "保障性安居工程进度汇总表",
                Titles.unitLine(s.regionName(), s.period()) + "　报送情况：" + s.reportingText(),
                List.of("工程类别", "指标", "累计完成", "目标/基数", "比率名称", "比率", "填报单位数"), rows,
                "累计数为当年1月至本月末已上报（含已审核）的填报单位合计；未报为本月没有单位报送，未填为已报送但未填写该项，均不是0。");
    }

    /**
     * The units below a region, one row each, a column per rated indicator (its label): the rate, 未报 for a unit
     * that did not report, — where it has no such rate.
     */
    public static Table childRates(String name, String title, String unitLine, List<ProgressLine> rated,
                                   Map<String, String> labels, List<ProgressSummary> children) {
        List<String> columns = new ArrayList<>();
        columns.add("地区");
        rated.forEach(l -> columns.add(labels.get(l.indicatorCode())));
        List<List<Cell>> rows = new ArrayList<>();
        boolean unfilled = false;
        for (ProgressSummary c : children) {
            List<Cell> row = new ArrayList<>();
            row.add(Cell.text(c.regionName()));
            for (ProgressLine l : rated) {
                ProgressLine x = c.line(l.indicatorCode()).orElse(null);
                row.add(x != null ? rate(x) : c.unreported() && c.expected() > 0 ? Cell.UNREPORTED : Cell.NONE);
                unfilled |= x != null && x.rateUnfilled();
            }
            rows.add(row);
        }
        return Table.of(name, title, unitLine, columns, rows, unfilled ? UNFILLED_NOTE : null);
    }

    /** A rate of a {@link BigDecimal} in percent, or 未报. */
    public static Cell rate(BigDecimal percent, boolean unreported) {
        return unreported ? Cell.UNREPORTED : Cell.percent(percent);
    }
}
