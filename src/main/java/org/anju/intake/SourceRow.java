package org.anju.intake;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One row of cell texts.
 *
 * @param number 1-based line number (TEXT: of the row's first line; CSV/TSV: the physical line
 *               where the record starts), row number (XLSX/XLS), or row number within the table
 *               (DOCX; 0 for the paragraphs before the table)
 * @param cells  cell texts, trimmed (also of full-width spaces), by column position: an empty cell
 *               is "" (which is not "0"); a row may be shorter than its neighbours, a cell beyond its
 *               end is empty (see {@link #cell(int)})
 * @param prose  a line of running text, not a table row (a title, "单位：套", a paragraph); its
 *               only cell is the whole line
 * @param shown  XLSX/XLS: by column position, the number a numeric cell's format shows where it shows the stored
 *               value rounded (format "0", 12.5 → "13"; the cell's text is the stored "12.5"); empty elsewhere
 */
public record SourceRow(int number, List<String> cells, boolean prose, Map<Integer, String> shown) {

    public SourceRow {
        cells = List.copyOf(cells);
        shown = Map.copyOf(shown);
    }

    public SourceRow(int number, List<String> cells, boolean prose) {
        this(number, cells, prose, Map.of());
    }

    /**
     * For a workbook's number its cell's format shows rounded, what to say beside a refusal of the stored value (a
     * fraction in a count): "这是单元格里存的数值，表格按单元格格式显示为舍入后的 13"; null for any other cell — text
     * ("12.5" typed as text shows just that), a number shown as stored, a cell of another format. One wording for
     * every import that refuses such a value (plans, projects, monthly reports).
     */
    public String shownRounded(int column) {
        String rounded = shown.get(column);
        return rounded == null ? null : "这是单元格里存的数值，表格按单元格格式显示为舍入后的 " + rounded;
    }

    static SourceRow prose(int number, String text) {
        return new SourceRow(number, List.of(Objects.requireNonNull(text)), true);
    }

    /** The text of the cell at this 0-based position, "" when the row is shorter. */
    public String cell(int index) {
        return index >= 0 && index < cells.size() ? cells.get(index) : "";
    }

    /** The whole text of a prose row, or the cells joined by a tab. */
    public String text() {
        return String.join("\t", cells);
    }
}
