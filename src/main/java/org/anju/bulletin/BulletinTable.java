package org.anju.bulletin;

import java.util.List;

/**
 * An attachment table as printed: a multi-row header with merged cells, then one row per region.
 *
 * @param header rows of header cells; a cell spans {@code colspan} columns and {@code rowspan} rows
 * @param rows   the body: region name first, then the figures as printed (blank when none)
 */
public record BulletinTable(String label, String title, String unitLine, List<List<HeaderCell>> header,
                            List<List<String>> rows, String note) {

    public record HeaderCell(String text, int colspan, int rowspan) {
        public static HeaderCell of(String text) {
            return new HeaderCell(text, 1, 1);
        }
    }

    /** Number of columns. */
    public int width() {
        return header.getFirst().stream().mapToInt(HeaderCell::colspan).sum();
    }

    /** The body row of a region, by its printed name. */
    public List<String> row(String regionLabel) {
        return rows.stream().filter(r -> r.getFirst().equals(regionLabel)).findFirst()
                .orElseThrow(() -> new org.anju.platform.NotFound(label + " 没有“" + regionLabel + "”行"));
    }

    /** The header as a grid, each merged cell's text repeated over the cells it covers. */
    public String[][] headerGrid() {
        String[][] grid = new String[header.size()][width()];
        for (int r = 0; r < header.size(); r++) {
            int c = 0;
            for (HeaderCell cell : header.get(r)) {
                while (grid[r][c] != null) {
                    c++;
                }
                for (int dr = 0; dr < cell.rowspan(); dr++) {
                    for (int dc = 0; dc < cell.colspan(); dc++) {
                        grid[r + dr][c + dc] = cell.text();
                    }
                }
                c += cell.colspan();
            }
        }
        return grid;
    }
}
