package org.anju.plan;

/** Where something was read from: file, sheet (or 正文/表格N) and row, for messages that point back. */
public record SourceRef(String file, String sheet, Integer row) {

    public static final SourceRef NONE = new SourceRef(null, null, null);
}
