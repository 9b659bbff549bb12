package org.anju.intake;

import org.apache.poi.xwpf.usermodel.IBodyElement;
import org.apache.poi.xwpf.usermodel.ICell;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFSDT;
import org.apache.poi.xwpf.usermodel.XWPFSDTCell;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.apache.poi.xwpf.usermodel.XWPFTableCell;
import org.apache.poi.xwpf.usermodel.XWPFTableRow;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTHMerge;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTTcPr;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTTrPr;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTVMerge;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STMerge;

import java.util.ArrayList;
import java.util.List;

/**
 * A Word document's body, in order, into sheets.
 *
 * <ul>
 *   <li>Each table is a sheet "表格1", "表格2", …: first the paragraphs since the previous table as
 *       prose rows (number 0; empty paragraphs skipped; a paragraph with manual line breaks gives
 *       one prose row per line), then the table's rows numbered 1..n (rows without text left out).</li>
 *   <li>Cells: the text of all paragraphs of the cell (and of tables nested in it) joined without
 *       line breaks. A cell spanning columns (gridSpan) is its text followed by "" for each further
 *       column; a vertically merged continuation cell is ""; cells skipped at the row's start
 *       (gridBefore) are "", so columns line up.</li>
 *   <li>Paragraphs after the last table: a final sheet "正文" of prose rows, also when there is no
 *       table at all. Content controls (SDT) count as paragraphs.</li>
 * </ul>
 */
final class WordParser {

    static final String BODY = "正文";

    private WordParser() {
    }

    static List<SourceSheet> parse(XWPFDocument document) {
        List<SourceSheet> sheets = new ArrayList<>();
        List<SourceRow> pending = new ArrayList<>();
        int tables = 0;
        for (IBodyElement element : document.getBodyElements()) {
            switch (element) {
                case XWPFParagraph paragraph -> addProse(pending, paragraph.getText());
                case XWPFSDT sdt -> addProse(pending, sdt.getContent().getText());
                case XWPFTable table -> {
                    tables++;
                    pending.addAll(rows(table));
                    sheets.add(new SourceSheet("表格" + tables, pending));
                    pending = new ArrayList<>();
                }
                default -> {
                }
            }
        }
        if (!pending.isEmpty()) {
            sheets.add(new SourceSheet(BODY, pending));
        }
        return sheets;
    }

    private static void addProse(List<SourceRow> rows, String text) {
        if (text == null) {
            return;
        }
        for (String line : PlainTextParser.lines(text)) {
            if (!CellText.isBlank(line)) {
                rows.add(SourceRow.prose(0, CellText.strip(line)));
            }
        }
    }

    private static List<SourceRow> rows(XWPFTable table) {
        List<SourceRow> rows = new ArrayList<>();
        int number = 0;
        for (XWPFTableRow row : table.getRows()) {
            number++;
            List<String> cells = new ArrayList<>();
            CTTrPr trPr = row.getCtRow().getTrPr();
            if (trPr != null && trPr.sizeOfGridBeforeArray() > 0 && trPr.getGridBeforeArray(0).getVal() != null) {
                for (int i = trPr.getGridBeforeArray(0).getVal().intValue(); i > 0; i--) {
                    cells.add("");
                }
            }
            for (ICell cell : row.getTableICells()) {
                int span = 1;
                String text;
                if (cell instanceof XWPFTableCell tableCell) {
                    CTTcPr tcPr = tableCell.getCTTc().getTcPr();
                    if (tcPr != null && tcPr.getGridSpan() != null && tcPr.getGridSpan().getVal() != null) {
                        span = Math.max(1, tcPr.getGridSpan().getVal().intValue());
                    }
                    text = isContinuation(tcPr) ? "" : text(tableCell);
                } else if (cell instanceof XWPFSDTCell sdtCell) {
                    text = joinLines(sdtCell.getContent().getText());
                } else {
                    text = "";
                }
                cells.add(text);
                for (int i = 1; i < span; i++) {
                    cells.add("");
                }
            }
            if (CellText.contentWidth(cells) > 0) {
                rows.add(new SourceRow(number, cells, false));
            }
        }
        return rows;
    }

    /** A cell merged into the one above (vMerge without "restart") or to the left (hMerge "continue"). */
    private static boolean isContinuation(CTTcPr tcPr) {
        if (tcPr == null) {
            return false;
        }
        CTVMerge vMerge = tcPr.getVMerge();
        if (vMerge != null && (vMerge.getVal() == null || vMerge.getVal() == STMerge.CONTINUE)) {
            return true;
        }
        CTHMerge hMerge = tcPr.getHMerge();
        return hMerge != null && (hMerge.getVal() == null || hMerge.getVal() == STMerge.CONTINUE);
    }

    private static String text(XWPFTableCell cell) {
        StringBuilder text = new StringBuilder();
        for (IBodyElement element : cell.getBodyElements()) {
            switch (element) {
                case XWPFParagraph paragraph -> text.append(joinLines(paragraph.getText()));
                case XWPFSDT sdt -> text.append(joinLines(sdt.getContent().getText()));
                case XWPFTable nested -> {
                    for (SourceRow row : rows(nested)) {
                        for (String cellText : row.cells()) {
                            if (!cellText.isEmpty()) {
                                text.append(text.isEmpty() ? "" : " ").append(cellText);
                            }
                        }
                    }
                }
                default -> {
                }
            }
        }
        return CellText.strip(text.toString());
    }

    /** The lines of a text, each trimmed, joined without line breaks. */
    private static String joinLines(String text) {
        if (text == null) {
            return "";
        }
        StringBuilder joined = new StringBuilder();
        for (String line : PlainTextParser.lines(text)) {
            joined.append(CellText.strip(line));
        }
        return joined.toString();
    }
}
