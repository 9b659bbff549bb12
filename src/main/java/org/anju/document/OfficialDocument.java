package org.anju.document;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.List;

/**
 * A 党政机关公文 as GB/T 9704-2012 lays it out: 版头 (份号, 密级, 发文机关标志, 发文字号), 主体 (标题, 主送机关, 正文,
 * 附件说明, 发文机关署名, 成文日期, 附注, 附件) and 版记 (抄送, 印发机关, 印发日期). Optional elements are null (or empty)
 * and then left out, never printed blank.
 *
 * @param copyNumber      份号 (6 digits), null when the document is not numbered
 * @param secrecy         密级和保密期限 (e.g. 秘密★1年), null when none
 * @param issuerMark      发文机关标志, e.g. 张掖市住房和城乡建设局文件 — printed red
 * @param documentNumber  发文字号, e.g. 张旧改办〔2024〕1号; null when none
 * @param addressee       主送机关, without the trailing colon; null when none
 * @param attachmentNotes 附件说明: the attachments' titles in order (附件：1.…)
 * @param signature       发文机关署名
 * @param date            成文日期; null for a preview not yet dated (prints {@link #NO_DATE})
 * @param remark          附注, without the brackets; null when none
 * @param colophon        版记; null leaves it out
 */
public record OfficialDocument(String copyNumber, String secrecy, String issuerMark, String documentNumber, String title,
                               String addressee, List<Block> body, List<String> attachmentNotes, String signature,
                               LocalDate date, String remark, List<Attachment> attachments, Colophon colophon) {

    public OfficialDocument {
        require(issuerMark, "发文机关标志");
        require(title, "标题");
        require(signature, "发文机关署名");
        body = List.copyOf(body);
        attachmentNotes = List.copyOf(attachmentNotes);
        attachments = List.copyOf(attachments);
    }

    private static void require(String value, String what) {
        if (value == null || value.isBlank()) {
            throw new org.anju.platform.BadInput("公文缺少" + what);
        }
    }

    /** What a document not yet dated prints where its 成文日期 goes (an unissued preview): never a silent today. */
    public static final String NO_DATE = "（成文日期未填）";

    /** The 成文日期 line: the date as {@link #chineseDate} writes it, or {@link #NO_DATE} when none was set. */
    public String dateLine() {
        return date == null ? NO_DATE : chineseDate(date);
    }

    /** A date as GB/T 9704-2012 7.3.5 writes it: Arabic numerals, full year, no leading zeros — 2024年1月5日. */
    public static String chineseDate(LocalDate d) {
        return org.anju.platform.Titles.date(d);
    }

    /** A piece of 正文. */
    public sealed interface Block permits Heading, Paragraph {
    }

    /**
     * A numbered heading, its number included ("一、…", "（一）…", "1.…", "（1）…"): level 1 is set in 黑体, level 2 in
     * 楷体, levels 3 and 4 in 仿宋 (GB/T 9704-2012 7.3.3).
     */
    public record Heading(int level, String text) implements Block {
        public Heading {
            if (level < 1 || level > 4) {
                throw new org.anju.platform.BadInput("标题层次只有一至四级，不能是 " + level);
            }
        }
    }

    /** A paragraph of 正文 (左空二字); {@code lead}, when given, is printed bold before the text (e.g. "一是"). */
    public record Paragraph(String lead, String text) implements Block {
        public static Paragraph of(String text) {
            return new Paragraph(null, text);
        }
    }

    /**
     * An attachment on its own pages: "附件1" top left in 黑体, its title centred, a unit line, one table and a note.
     *
     * @param landscape LANDSCAPE or PORTRAIT to force; AUTO turns the page when the table does not fit the portrait 版心
     */
    public record Attachment(String label, String title, String unitLine, Table table, String note, Orientation landscape) {
    }

    public enum Orientation { AUTO, PORTRAIT, LANDSCAPE }

    /** A table: header rows of merged cells (as printed), then rows of typed cells. */
    public record Table(List<List<HeaderCell>> header, List<List<Cell>> rows) {
        public Table {
            header = List.copyOf(header);
            rows = List.copyOf(rows);
            if (header.isEmpty()) {
                throw new org.anju.platform.BadInput("附件表格缺少表头");
            }
        }

        /** Number of grid columns. */
        public int width() {
            return header.getFirst().stream().mapToInt(HeaderCell::colspan).sum();
        }

        /**
         * The header as a grid of the cells that start at each position (null where a merge covers it), so that each
         * cell's grid columns are known: {@code grid[r][c]} is the cell starting at row r, column c.
         */
        public HeaderCell[][] headerGrid() {
            int w = width();
            HeaderCell[][] grid = new HeaderCell[header.size()][w];
            boolean[][] taken = new boolean[header.size()][w];
            for (int r = 0; r < header.size(); r++) {
                int c = 0;
                for (HeaderCell cell : header.get(r)) {
                    while (c < w && taken[r][c]) {
                        c++;
                    }
                    if (c + cell.colspan() > w || r + cell.rowspan() > header.size()) {
                        throw new org.anju.platform.BadInput("表头第" + (r + 1) + "行的“" + cell.text() + "”超出表格范围");
                    }
                    grid[r][c] = cell;
                    for (int dr = 0; dr < cell.rowspan(); dr++) {
                        for (int dc = 0; dc < cell.colspan(); dc++) {
                            taken[r + dr][c + dc] = true;
                        }
                    }
                    c += cell.colspan();
                }
            }
            return grid;
        }
    }

    public record HeaderCell(String text, int colspan, int rowspan) {
        public static HeaderCell of(String text) {
            return new HeaderCell(text, 1, 1);
        }
    }

    /** A body cell: what it holds decides how it is printed and aligned. */
    public sealed interface Cell permits Text, Whole, Decimal, Rate, NotReported {
        String shown();

        /** Numbers are right-aligned, text left (or centred when short). */
        default boolean numeric() {
            return !(this instanceof Text);
        }
    }

    public record Text(String text) implements Cell {
        public String shown() {
            return text == null ? "" : text;
        }
    }

    public record Whole(long value) implements Cell {
        public String shown() {
            return Long.toString(value);
        }
    }

    /** A decimal printed at {@code scale} places (1092.28 at 2). */
    public record Decimal(BigDecimal value, int scale) implements Cell {
        public String shown() {
            return value.setScale(scale, RoundingMode.HALF_UP).toPlainString();
        }
    }

    /** A rate as a fraction (0.875), printed as a percentage at {@code scale} places: 87.5%. */
    public record Rate(BigDecimal fraction, int scale) implements Cell {
        public String shown() {
            return fraction.movePointRight(2).setScale(scale, RoundingMode.HALF_UP).toPlainString() + "%";
        }
    }

    /** A unit that did not report: printed 未报, never 0. */
    public record NotReported() implements Cell {
        public String shown() {
            return "未报";
        }
    }
}
