package org.anju.plan.imports;

import org.anju.intake.SourceRow;

import java.util.List;

/**
 * A table found in a document, not yet interpreted: the lines around it and its rows as read.
 *
 * @param title      the heading directly above the table (never a paragraph of running text), or the
 *                   worksheet's name when nothing is printed above it; null when there is none
 * @param periodLine a line such as "（截至2023年9月末）" printed between the title and the table
 * @param context    the paragraphs of running text since the previous table, nearest last: where a year,
 *                   a program or a stated total may be written when the title says nothing
 * @param headerRows the header rows, top to bottom (repeats at page breaks already dropped)
 * @param note       a 备注 line printed right under the table
 */
record RawTable(String sheet, String label, String title, String unitLine, String periodLine, List<String> context,
                List<SourceRow> headerRows, List<SourceRow> dataRows, String note) {

    RawTable {
        context = List.copyOf(context);
    }

    int firstRow() {
        return headerRows.getFirst().number();
    }

    /** 附件2, or the title, or the sheet: how messages name this table. */
    String where() {
        return label != null ? label : title != null ? title : sheet;
    }
}
