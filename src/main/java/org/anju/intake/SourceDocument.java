package org.anju.intake;

import java.util.List;
import java.util.Objects;

/**
 * A file as read: its sheets in order, each a list of rows of cell texts.
 *
 * @param fileName the name the file was uploaded with (used in every error message)
 * @param format   the format it was read as (by content first, extension second)
 * @param encoding the character encoding of a text format ("UTF-8", "GB18030", "UTF-16LE", …);
 *                 {@code null} for XLSX, XLS and DOCX
 * @param sheets   XLSX/XLS: the visible worksheets; DOCX: one per table ("表格1", …) plus "正文"
 *                 for the paragraphs after the last table; TEXT/CSV/TSV: one sheet "正文"
 */
public record SourceDocument(String fileName, SourceFormat format, String encoding, List<SourceSheet> sheets) {

    public SourceDocument {
        Objects.requireNonNull(format, "format");
        sheets = List.copyOf(sheets);
    }

    /** The sheet with this name, or {@code null}. */
    public SourceSheet sheet(String name) {
        for (SourceSheet sheet : sheets) {
            if (sheet.name().equals(name)) {
                return sheet;
            }
        }
        return null;
    }
}
