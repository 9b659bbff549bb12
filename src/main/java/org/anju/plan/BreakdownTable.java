package org.anju.plan;

import org.anju.indicator.Indicator;
import org.anju.region.Region;

import java.util.List;
import java.util.Optional;

/**
 * A 目标任务分解表 as printed: its 附件 label, title, 单位 line, header and rows. The cells are the
 * plan's targets; the layout is kept so that the table can be shown and exported as it was issued.
 *
 * @param rowHeader the header of the first column (市、县名称, 县市区 …)
 * @param note      a line printed under the table (备注：…), if any
 */
public record BreakdownTable(Long id, int seq, String label, String title, String unitLine, String rowHeader,
                             List<Column> columns, List<Row> rows, String note, SourceRef source) {

    /**
     * @param header the column's header cells from top to bottom, e.g. [2023年, 开工]
     * @param year   the year its figures are for; null for a 合计 column over a multi-year plan's period
     */
    public record Column(int seq, List<String> header, Indicator indicator, Integer year, Integer sourceColumn) {

        public String headerText() {
            return String.join("·", header);
        }
    }

    /**
     * @param parentSeq the row this one is part of (a county's city row, or the 合计 row); null for none
     * @param cells     one per column, {@link Cell#BLANK} where nothing is printed
     */
    public record Row(int seq, String label, Region region, Integer parentSeq, RowRole role, Integer sourceRow,
                      List<Cell> cells) {

        public Cell cell(int column) {
            return cells.get(column);
        }
    }

    public Optional<Row> totalRow() {
        return rows.stream().filter(r -> r.role() == RowRole.TOTAL).findFirst();
    }

    /** "附件6" when labelled, else the title. */
    public String displayLabel() {
        return label != null && !label.isBlank() ? label : title;
    }

    /** Whether any column is for a single year of several (a multi-year table). */
    public boolean hasPeriodColumns() {
        return columns.stream().anyMatch(c -> c.year() == null);
    }
}
