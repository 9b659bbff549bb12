package org.anju.intake;

import org.apache.poi.ss.util.CellRangeAddress;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The rows of one streamed worksheet, kept until its end: the merged regions that decide which
 * cells count come after the cells in the XML. Only cells with content (or an error) are kept,
 * sparsely; blank cells only move the row's physical end. Each row is counted against the
 * {@link SpreadsheetLimits} as it ends, so the buffer never outgrows them.
 *
 * <p>{@link #finish} applies the rules of {@link SpreadsheetParser}: covered cells of a merge are
 * "" (and their errors no problem), a row runs to its last text, or to the right edge of a merge
 * whose top-left holds that text, or over blank cells in the file up to the sheet's widest text.
 */
final class SheetRows {

    private final String file;
    private final String sheet;
    private final SpreadsheetLimits limits;
    /** By 0-based row index; a row repeated in the file replaces the earlier one, as in POI. */
    private final TreeMap<Integer, Row> rows = new TreeMap<>();
    private final List<CellRangeAddress> merges = new ArrayList<>();
    private Row current;

    SheetRows(String file, String sheet, SpreadsheetLimits limits) {
        this.file = file;
        this.sheet = sheet;
        this.limits = limits;
    }

    /** One row's cells with content, by column (sorted when the row ends). */
    private static final class Row {
        final int index;
        int physicalEnd;
        int size;
        int counted;
        int[] columns = new int[8];
        String[] texts = new String[8];
        String[] errors;
        /** By column: what a number's format shows where it rounds it (SourceRow#shown); null while there is none. */
        TreeMap<Integer, String> shown;

        Row(int index) {
            this.index = index;
        }

        int lastColumn() {
            return size == 0 ? -1 : columns[size - 1];
        }
    }

    void startRow(int index) {
        current = new Row(index);
    }

    /** A cell of the current row: its text ("" when blank) or, for an error value, the problem. */
    void cell(int column, String text, String error) {
        cell(column, text, error, null);
    }

    /** The same, with what the number's format shows where it rounds the number ({@link SourceRow#shown}). */
    void cell(int column, String text, String error, String rounded) {
        Row row = current;
        if (rounded != null && !text.isEmpty()) {
            if (row.shown == null) {
                row.shown = new TreeMap<>();
            }
            row.shown.put(column, rounded);
        } else if (row.shown != null) {
            row.shown.remove(column);   // a repeated column: its last cell counts
        }
        row.physicalEnd = Math.max(row.physicalEnd, column + 1);
        if (text.isEmpty() && error == null) {
            return;
        }
        if (row.size == row.columns.length) {
            row.columns = Arrays.copyOf(row.columns, row.size * 2);
            row.texts = Arrays.copyOf(row.texts, row.size * 2);
            if (row.errors != null) {
                row.errors = Arrays.copyOf(row.errors, row.size * 2);
            }
        }
        if (error != null && row.errors == null) {
            row.errors = new String[row.columns.length];
        }
        row.columns[row.size] = column;
        row.texts[row.size] = text;
        if (row.errors != null) {
            row.errors[row.size] = error;
        }
        row.size++;
    }

    void endRow() {
        Row row = current;
        current = null;
        if (row == null) {
            return;
        }
        if (row.size == 0) {
            rows.remove(row.index);
            return;
        }
        sortByColumn(row);
        row.columns = Arrays.copyOf(row.columns, row.size);
        row.texts = Arrays.copyOf(row.texts, row.size);
        if (row.errors != null) {
            row.errors = Arrays.copyOf(row.errors, row.size);
        }
        row.counted = row.lastColumn() + 1;
        limits.row(sheet, row.index + 1, row.counted);
        rows.put(row.index, row);
    }

    /** Cells out of column order (rare, written by programs): sorted, a repeated column's last one kept, as in POI. */
    private static void sortByColumn(Row row) {
        boolean ordered = true;
        for (int i = 1; i < row.size && ordered; i++) {
            ordered = row.columns[i - 1] < row.columns[i];
        }
        if (ordered) {
            return;
        }
        TreeMap<Integer, Integer> last = new TreeMap<>();
        for (int i = 0; i < row.size; i++) {
            last.put(row.columns[i], i);
        }
        int[] columns = new int[last.size()];
        String[] texts = new String[last.size()];
        String[] errors = row.errors == null ? null : new String[last.size()];
        int n = 0;
        for (Map.Entry<Integer, Integer> e : last.entrySet()) {
            columns[n] = e.getKey();
            texts[n] = row.texts[e.getValue()];
            if (errors != null) {
                errors[n] = row.errors[e.getValue()];
            }
            n++;
        }
        row.columns = columns;
        row.texts = texts;
        row.errors = errors;
        row.size = n;
    }

    void merge(CellRangeAddress region) {
        merges.add(region);
        limits.mergedRegions(sheet, merges.size());
    }

    /** The sheet's rows; error cells that count are added to {@code problems}. */
    List<SourceRow> finish(List<InputProblem> problems) {
        // regions in file order: where regions overlap, the first containing a cell decides (as in SpreadsheetParser)
        Integer[] order = new Integer[merges.size()];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        Arrays.sort(order, Comparator.comparingInt(i -> merges.get(i).getFirstRow()));
        List<Integer> active = new ArrayList<>();
        int next = 0;
        long work = 0;
        List<Row> kept = new ArrayList<>();
        List<Integer> widths = new ArrayList<>();
        int sheetWidth = 0;
        for (Row row : rows.values()) {
            int r = row.index;
            active.removeIf(i -> merges.get(i).getLastRow() < r);
            while (next < order.length && merges.get(order[next]).getFirstRow() <= r) {
                if (merges.get(order[next]).getLastRow() >= r) {
                    active.add(order[next]);
                }
                next++;
            }
            if (!active.isEmpty()) {
                active.sort(null);
            }
            work += (long) row.size * active.size() + active.size();
            if (work > SpreadsheetLimits.MAX_MERGE_WORK) {
                throw new InputException(new InputProblem(file, sheet, r + 1, null,
                        "合并单元格过多或相互重叠，无法读取。请取消不必要的合并后重新上传"));
            }
            int width = 0;
            for (int k = 0; k < row.size; k++) {
                int c = row.columns[k];
                CellRangeAddress region = regionOf(active, r, c);
                if (region != null && (region.getFirstRow() != r || region.getFirstColumn() != c)) {
                    row.texts[k] = ""; // covered by a merge: "" whatever the file keeps there
                    if (row.errors != null) {
                        row.errors[k] = null;
                    }
                    continue;
                }
                if (row.errors != null && row.errors[k] != null) {
                    problems.add(new InputProblem(file, sheet, r + 1, c + 1, row.errors[k]));
                }
                if (!row.texts[k].isEmpty()) {
                    width = Math.max(width, region == null ? c + 1 : region.getLastColumn() + 1);
                }
            }
            if (width > 0) {
                kept.add(row);
                widths.add(width);
                sheetWidth = Math.max(sheetWidth, width);
            }
        }
        List<SourceRow> result = new ArrayList<>(kept.size());
        for (int i = 0; i < kept.size(); i++) {
            Row row = kept.get(i);
            // blank cells present in the file (e.g. bordered) extend a row up to the sheet's width
            int size = Math.max(widths.get(i), Math.min(row.physicalEnd, sheetWidth));
            if (size > row.counted) {
                limits.addCells(sheet, row.index + 1, size - row.counted);
            }
            String[] cells = new String[size];
            Arrays.fill(cells, "");
            for (int k = 0; k < row.size; k++) {
                if (row.columns[k] < size) {
                    cells[row.columns[k]] = row.texts[k];
                }
            }
            Map<Integer, String> shown = Map.of();
            if (row.shown != null) {
                // a cell covered by a merge is "" (its number not read): nothing shown there either
                row.shown.keySet().removeIf(c -> c >= size || cells[c].isEmpty());
                shown = row.shown;
            }
            result.add(new SourceRow(row.index + 1, Arrays.asList(cells), false, shown));
        }
        rows.clear();
        return result;
    }

    private CellRangeAddress regionOf(List<Integer> active, int row, int column) {
        for (int i : active) {
            CellRangeAddress region = merges.get(i);
            if (region.isInRange(row, column)) {
                return region;
            }
        }
        return null;
    }
}
