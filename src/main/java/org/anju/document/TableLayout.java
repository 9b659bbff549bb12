package org.anju.document;

import java.util.Arrays;

/**
 * Column widths for an attachment table, the same for Word and PDF: each column as wide as its widest body cell on
 * one line (numbers and rates never wrap: "87.5%" stays whole) and its header wrapping at most every few characters;
 * then the whole stretched to exactly the 版心 width. A table that does not fit the portrait 版心 at 小四 goes landscape;
 * one that does not fit even there is set smaller (五号, then 小五).
 */
public record TableLayout(int[] widths, boolean landscape, double fontPt) {

    /** Cell margin on each side in twips (1 mm). */
    public static final int CELL_MARGIN = 57;
    /** Cell padding left + right in twips plus a little air. */
    static final int PADDING = 2 * CELL_MARGIN + 30;
    /** Table font sizes tried in turn until the table fits: 小四, 五号, 小五. */
    static final double[] SIZES = {12, 10.5, 9};
    /** A header word wraps after this many characters at most. */
    static final int HEADER_WRAP = 4;

    public static TableLayout of(OfficialDocument.Table table, OfficialDocument.Orientation orientation) {
        OfficialDocument.Orientation o = orientation == null ? OfficialDocument.Orientation.AUTO : orientation;
        TableLayout layout = null;
        for (double size : SIZES) {
            int[] natural = natural(table, size);
            int sum = Arrays.stream(natural).sum();
            boolean landscape = switch (o) {
                case LANDSCAPE -> true;
                case PORTRAIT -> false;
                case AUTO -> sum > Gbt9704.textWidthTwips() && size == SIZES[0];
            };
            if (layout != null && layout.landscape() != landscape) {
                landscape = layout.landscape();
            }
            int target = landscape ? Gbt9704.landscapeTextWidthTwips() : Gbt9704.textWidthTwips();
            layout = new TableLayout(stretch(natural, target), landscape, size);
            if (sum <= target) {
                return layout;
            }
        }
        return layout;
    }

    /** Each column's width on one line at {@code fontPt}. */
    static int[] natural(OfficialDocument.Table table, double fontPt) {
        int n = table.width();
        int[] natural = new int[n];
        for (var row : table.rows()) {
            for (int c = 0; c < Math.min(n, row.size()); c++) {
                natural[c] = Math.max(natural[c], textTwips(row.get(c).shown(), fontPt) + PADDING);
            }
        }
        OfficialDocument.HeaderCell[][] grid = table.headerGrid();
        for (OfficialDocument.HeaderCell[] r : grid) {
            for (int c = 0; c < n; c++) {
                if (r[c] != null && r[c].colspan() == 1) {
                    String t = r[c].text();
                    int chars = Math.min(t.codePointCount(0, t.length()), HEADER_WRAP);
                    natural[c] = Math.max(natural[c], (int) Math.round(chars * fontPt * 20) + PADDING);
                }
            }
        }
        return natural;
    }

    /** The total in twips: exactly the 版心 width. */
    public int total() {
        return Arrays.stream(widths).sum();
    }

    /** Widths scaled to sum to exactly {@code target} (the remainder of rounding goes to the widest column). */
    static int[] stretch(int[] natural, int target) {
        int n = natural.length;
        long sum = Arrays.stream(natural).asLongStream().sum();
        int[] w = new int[n];
        int widest = 0;
        for (int i = 0; i < n; i++) {
            w[i] = sum == 0 ? target / n : (int) (natural[i] * (long) target / sum);
            if (w[i] > w[widest]) {
                widest = i;
            }
        }
        w[widest] += target - Arrays.stream(w).sum();
        return w;
    }

    /** Width of a text in twips at {@code fontPt}: a CJK character is 1 em, Latin letters, digits and marks 0.6 em (half in
     * 仿宋_GB2312, wider in a substitute such as DejaVu), % 0.85 em. */
    static int textTwips(String s, double fontPt) {
        double em = 0;
        for (int i = 0; i < s.length(); ) {
            int cp = s.codePointAt(i);
            em += cp < 0x2E80 ? (cp == '%' ? 0.85 : 0.6) : 1.0;
            i += Character.charCount(cp);
        }
        return (int) Math.ceil(em * fontPt * 20);
    }
}
