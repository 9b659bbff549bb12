package org.anju.intake;

import java.util.List;
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
 */
public record SourceRow(int number, List<String> cells, boolean prose) {

    public SourceRow {
        cells = List.copyOf(cells);
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
