package org.anju.plan;

import org.anju.indicator.Indicator;
import org.anju.region.Region;

import java.math.BigDecimal;
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
     * @param kind   target, actual or rate (a plan's tables hold targets only)
     * @param factor what a printed figure is multiplied by to be in the indicator's measure: 10000 under
     *               "户数（万户）", 1 where the header prints the measure itself. Cells hold the product; the
     *               printed figure is {@link #printed(Cell)}.
     */
    public record Column(int seq, List<String> header, Indicator indicator, Integer year, Integer sourceColumn,
                         FigureKind kind, BigDecimal factor) {

        public Column {
            factor = factor == null ? BigDecimal.ONE : factor;
            kind = kind == null ? FigureKind.TARGET : kind;
        }

        /** A target column printed in the indicator's own measure. */
        public Column(int seq, List<String> header, Indicator indicator, Integer year, Integer sourceColumn) {
            this(seq, header, indicator, year, sourceColumn, FigureKind.TARGET, BigDecimal.ONE);
        }

        public String headerText() {
            return String.join("·", header);
        }

        /** The figure as the table prints it: 2.5 under 万户 for a cell holding 25000 户. */
        public String printed(Cell cell) {
            if (cell.blank() || factor.compareTo(BigDecimal.ONE) == 0) {
                return cell.printed();
            }
            BigDecimal shown = cell.value().divide(factor).setScale(Math.max(cell.scale() + powerOfTen(factor), 0),
                    java.math.RoundingMode.HALF_UP);
            return shown.toPlainString();
        }

        /** 4 for 10000, -4 for 0.0001: the power of ten a factor is. */
        public static int powerOfTen(BigDecimal factor) {
            return factor.precision() - factor.scale() - 1;
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

    /**
     * The table's figures as sorted "region|indicator|year|kind|value" lines, hashed: equal for the same table
     * imported again, whatever its file, layout or row order; null for a table without figures (all empty tables
     * are alike).
     */
    public String fingerprint() {
        java.util.List<String> lines = new java.util.ArrayList<>();
        for (Row r : rows) {
            for (int c = 0; c < columns.size(); c++) {
                Cell cell = r.cell(c);
                if (!cell.blank()) {
                    Column col = columns.get(c);
                    lines.add(r.region().code() + "|" + col.indicator().code() + "|" + col.year() + "|" + col.kind()
                            + "|" + cell.value().stripTrailingZeros().toPlainString());
                }
            }
        }
        if (lines.isEmpty()) {
            return null;
        }
        java.util.Collections.sort(lines);
        return org.anju.platform.Sha256.hex(String.join("\n", lines));
    }

    /** Whether any column is for a single year of several (a multi-year table). */
    public boolean hasPeriodColumns() {
        return columns.stream().anyMatch(c -> c.year() == null);
    }
}
