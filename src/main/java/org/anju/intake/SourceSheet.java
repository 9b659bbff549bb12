package org.anju.intake;

import java.util.List;
import java.util.Objects;

/**
 * One worksheet (XLSX/XLS, named as in the workbook), one table of a Word document ("表格1",
 * "表格2", …, preceded by the paragraphs since the previous table as prose rows), or the whole text
 * of a TEXT/CSV/TSV file ("正文").
 *
 * <p>Rows that hold no text at all (blank lines, empty spreadsheet rows) are not listed; the gaps
 * in {@link SourceRow#number()} show where they were.
 */
public record SourceSheet(String name, List<SourceRow> rows) {

    public SourceSheet {
        Objects.requireNonNull(name, "name");
        rows = List.copyOf(rows);
    }
}
