package org.anju.intake;

/** The kinds of file {@link SourceReader} reads. */
public enum SourceFormat {
    /** Plain text (.txt): the seed documents, tables as tab-separated lines or one cell per line. */
    TEXT,
    /** Comma- or semicolon-separated values (RFC 4180 quoting). */
    CSV,
    /** Tab-separated values (RFC 4180 quoting). */
    TSV,
    /** Excel 2007+ workbook. */
    XLSX,
    /** Excel 97-2003 workbook. */
    XLS,
    /** Word 2007+ document. */
    DOCX
}
