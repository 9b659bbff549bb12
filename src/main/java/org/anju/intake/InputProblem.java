package org.anju.intake;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Something wrong with an input file, located as precisely as known; parts that are not known are
 * {@code null}.
 *
 * @param file    the file name as uploaded
 * @param sheet   worksheet name (XLSX/XLS), "表格N" (DOCX) or "正文" (TEXT/CSV/TSV)
 * @param row     1-based row (spreadsheet) or line (text) number
 * @param column  1-based column: a cell position in a sheet or table, or, for problems about the
 *                bytes of a text file (encoding, control characters), the character position in the
 *                line (then {@code sheet} is {@code null})
 * @param message what is wrong and, where possible, what to do about it, in Chinese
 */
public record InputProblem(String file, String sheet, Integer row, Integer column, String message) {

    private static final Pattern DOCX_TABLE = Pattern.compile("表格\\d+");

    /** A problem with the file as a whole. */
    public static InputProblem ofFile(String file, String message) {
        return new InputProblem(file, null, null, null, message);
    }

    /**
     * E.g. "文件 计划.xlsx，工作表 附件1，第 12 行，第 C 列：……". Columns are letters for cells of
     * spreadsheets and CSV/TSV, "第 3 列" otherwise (Word tables, character positions in a line).
     */
    public String describe() {
        List<String> parts = new ArrayList<>(4);
        if (file != null) {
            parts.add("文件 " + file);
        }
        if (sheet != null) {
            parts.add(DOCX_TABLE.matcher(sheet).matches() || sheet.equals("正文") ? sheet : "工作表 " + sheet);
        }
        if (row != null) {
            parts.add("第 " + row + " 行");
        }
        if (column != null) {
            parts.add("第 " + (columnAsLetters() ? columnLetters(column) : column.toString()) + " 列");
        }
        return parts.isEmpty() ? message : String.join("，", parts) + "：" + message;
    }

    private boolean columnAsLetters() {
        if (sheet == null || column < 1) {
            return false; // a character position within a line of text
        }
        String name = file == null ? "" : file.toLowerCase(Locale.ROOT);
        int dot = name.lastIndexOf('.');
        String extension = dot < 0 ? "" : name.substring(dot + 1);
        return switch (extension) {
            case "xlsx", "xlsm", "xls", "csv", "tsv" -> true;
            case "docx", "txt", "text" -> false;
            default -> !(DOCX_TABLE.matcher(sheet).matches() || sheet.equals("正文"));
        };
    }

    /** 1 → A, 26 → Z, 27 → AA (the spreadsheet column name). */
    public static String columnLetters(int column) {
        if (column < 1) {
            throw new IllegalArgumentException("column " + column);
        }
        StringBuilder letters = new StringBuilder();
        for (int c = column; c > 0; c = (c - 1) / 26) {
            letters.insert(0, (char) ('A' + (c - 1) % 26));
        }
        return letters.toString();
    }

    @Override
    public String toString() {
        return describe();
    }
}
