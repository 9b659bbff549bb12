package org.anju.intake;

/**
 * How much of a spreadsheet one upload may hold, counted while it streams in, so a file inside the
 * 20 MB upload limit cannot take gigabytes of memory (6.9 million small cells in 19 MB did). The
 * largest real tables are far below: a national breakdown (~3,300 counties × 30 columns ≈ 100,000
 * cells), a province's project register (~20,000 rows × 40 columns = 800,000 cells).
 *
 * <p>One instance per file; each count refuses (an {@link InputException} naming file, sheet and
 * row) the moment it passes its limit, before the rest of the file is read.
 */
final class SpreadsheetLimits {

    /**
     * Most cells per file, as the rows will hold them: each row from column A to its last cell with
     * content (blanks in between included, they cost the same).
     */
    static final int MAX_CELLS = 1_000_000;
    /** Most rows with content per file. */
    static final int MAX_ROWS = 100_000;
    /** Most characters of cell values and shared strings per file (about 20–40 MB as Java strings). */
    static final long MAX_CHARS = 20_000_000L;
    /** Most distinct shared strings: one per cell at most in any real table. */
    static final int MAX_SHARED_STRINGS = MAX_CELLS;
    /** Most merged regions per file (a register merging 5 columns of 20,000 projects has as many). */
    static final int MAX_MERGED_REGIONS = 100_000;
    /**
     * Most cells (every cell element in every worksheet, hidden ones and blank but formatted ones
     * included, plus the shared strings) of a workbook that is loaded whole into POI's object model:
     * an XLSX with formulas (to recompute them) or any XLS. That model takes roughly 1 KB per cell.
     */
    static final int MAX_LOADED_CELLS = 200_000;
    /** Cell-against-merged-region comparisons a sheet may cost (overlapping regions could make it quadratic). */
    static final long MAX_MERGE_WORK = 50_000_000L;

    private final String file;
    private long cells;
    private int rows;
    private long chars;

    SpreadsheetLimits(String file) {
        this.file = file;
    }

    /** A row with content, {@code width} cells wide, at 1-based {@code row} of {@code sheet}. */
    void row(String sheet, int row, int width) {
        if (++rows > MAX_ROWS) {
            throw refused(sheet, row, "超过单个文件最多 " + MAX_ROWS + " 行（有内容的行）的限制");
        }
        addCells(sheet, row, width);
    }

    /** Cells a row gains when merged regions and bordered blanks are added at the end of its sheet. */
    void addCells(String sheet, int row, long count) {
        cells += count;
        if (cells > MAX_CELLS) {
            throw refused(sheet, row, "超过单个文件最多 " + MAX_CELLS + " 个单元格的限制（每行从 A 列数到最后一个有内容的单元格）");
        }
    }

    /** Characters read into a value; {@code sheet} and {@code row} are null in the shared strings. */
    void chars(String sheet, Integer row, int count) {
        chars += count;
        if (chars > MAX_CHARS) {
            throw refused(sheet, row, "文字超过单个文件最多 " + MAX_CHARS + " 个字符的限制");
        }
    }

    void sharedStrings(int count) {
        if (count > MAX_SHARED_STRINGS) {
            throw refused(null, null, "共享字符串表超过 " + MAX_SHARED_STRINGS + " 个不同的字符串（单个文件的单元格上限）");
        }
    }

    void mergedRegions(String sheet, int count) {
        if (count > MAX_MERGED_REGIONS) {
            throw refused(sheet, null, "合并单元格超过单个文件最多 " + MAX_MERGED_REGIONS + " 处的限制");
        }
    }

    private InputException refused(String sheet, Integer row, String what) {
        return new InputException(new InputProblem(file, sheet, row, null,
                what + "。请删去无关的工作表、行或列，或分成几个文件上传"));
    }
}
