package org.anju.plan.imports;

import org.anju.intake.SourceRow;

import java.util.List;

/**
 * A table found in a document, not yet interpreted: the lines around it and its rows as read.
 *
 * @param headerRows the header rows, top to bottom (repeats at page breaks already dropped)
 * @param note       a 备注 line printed right under the table
 */
record RawTable(String sheet, String label, String title, String unitLine, List<SourceRow> headerRows,
                List<SourceRow> dataRows, String note) {

    int firstRow() {
        return headerRows.getFirst().number();
    }
}
