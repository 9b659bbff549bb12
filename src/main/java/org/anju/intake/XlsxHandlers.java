package org.anju.intake;

import org.apache.poi.ss.usermodel.BuiltinFormats;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.usermodel.XSSFRichTextString;
import org.xml.sax.Attributes;
import org.xml.sax.helpers.DefaultHandler;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The SAX handlers of {@link XlsxStream}, one per part. Values are read as POI's {@code XSSFCell}
 * reads them (type attribute {@code t}, value {@code v}, inline string {@code is}, style {@code s}),
 * so the texts are those {@link SpreadsheetParser} gives.
 */
final class XlsxHandlers {

    private static final String RELATIONSHIPS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
    /** The last column Excel has (XFD) and the last row, 0-based; a reference beyond is a broken file. */
    private static final int LAST_COLUMN = 16383;
    private static final int LAST_ROW = 1_048_575;

    private XlsxHandlers() {
    }

    /** A sheet of workbook.xml: its name, its relationship id, whether it is visible. */
    record SheetRef(String name, String relationId, boolean visible) {
    }

    /** workbook.xml: the sheets in order, hidden/veryHidden ({@code state}) and the 1904 date system. */
    static final class Workbook extends DefaultHandler {
        private final List<SheetRef> sheets = new ArrayList<>();
        private boolean date1904;

        @Override
        public void startElement(String uri, String localName, String qName, Attributes attributes) {
            if (localName.equals("workbookPr")) {
                String value = attributes.getValue("date1904");
                date1904 = "1".equals(value) || "true".equals(value);
            } else if (localName.equals("sheet")) {
                String state = attributes.getValue("state");
                sheets.add(new SheetRef(attributes.getValue("name"), attributes.getValue(RELATIONSHIPS, "id"),
                        state == null || state.equals("visible")));
            }
        }

        List<SheetRef> sheets() {
            return sheets;
        }

        boolean date1904() {
            return date1904;
        }
    }

    /** styles.xml: the number format of each cell style (cellXfs), as StylesTable resolves it. */
    static final class Styles extends DefaultHandler {
        private final Map<Integer, String> formats = new HashMap<>();
        private int[] numberFormats = new int[16];
        private int size;
        private boolean inCellXfs;

        @Override
        public void startElement(String uri, String localName, String qName, Attributes attributes) {
            switch (localName) {
                case "numFmt" -> {
                    String id = attributes.getValue("numFmtId");
                    if (id != null) {
                        formats.put(Integer.parseInt(id), attributes.getValue("formatCode"));
                    }
                }
                case "cellXfs" -> inCellXfs = true;
                case "xf" -> {
                    if (inCellXfs) {
                        if (size == numberFormats.length) {
                            numberFormats = java.util.Arrays.copyOf(numberFormats, size * 2);
                        }
                        String id = attributes.getValue("numFmtId");
                        numberFormats[size++] = id == null ? 0 : (int) Long.parseLong(id);
                    }
                }
                default -> {
                }
            }
        }

        @Override
        public void endElement(String uri, String localName, String qName) {
            if (localName.equals("cellXfs")) {
                inCellXfs = false;
            }
        }

        /** The number format index of style {@code s} (-1 for a style that does not exist: no format). */
        int formatIndex(int style) {
            if (size == 0) {
                return style == 0 ? 0 : -1; // POI makes a default style when the file has none
            }
            return style >= 0 && style < size ? (short) numberFormats[style] : -1;
        }

        String formatString(int index) {
            String custom = formats.get(index);
            return custom != null ? custom : BuiltinFormats.getBuiltinFormat(index);
        }
    }

    /**
     * The text of a string item, shared ({@code si}) or inline ({@code is}): the runs ({@code r}) when
     * there are any, else its {@code t}; never the phonetic guide ({@code rPh}); {@code _xHHHH_}
     * escapes decoded (XSSFRichTextString#getString).
     */
    static final class RichText {
        private final StringBuilder direct = new StringBuilder();
        private final StringBuilder runs = new StringBuilder();
        private boolean hasRuns;
        private boolean inRun;
        private boolean inPhonetic;
        private StringBuilder target;

        void reset() {
            direct.setLength(0);
            runs.setLength(0);
            hasRuns = inRun = inPhonetic = false;
            target = null;
        }

        void start(String localName) {
            switch (localName) {
                case "r" -> {
                    inRun = true;
                    hasRuns = true;
                }
                case "rPh" -> inPhonetic = true;
                case "t" -> target = inPhonetic ? null : inRun ? runs : direct;
                default -> {
                }
            }
        }

        void end(String localName) {
            switch (localName) {
                case "r" -> inRun = false;
                case "rPh" -> inPhonetic = false;
                case "t" -> target = null;
                default -> {
                }
            }
        }

        /** Whether characters now belong to the text. */
        boolean collecting() {
            return target != null;
        }

        void append(char[] ch, int start, int length) {
            target.append(ch, start, length);
        }

        String text() {
            return decode((hasRuns ? runs : direct).toString());
        }
    }

    static String decode(String text) {
        return text.contains("_x") ? new XSSFRichTextString(text).getString() : text;
    }

    /** sharedStrings.xml, counted against the limits as it is read (its declared counts are not trusted). */
    static final class SharedStrings extends DefaultHandler {
        private final SpreadsheetLimits limits;
        private final List<String> strings = new ArrayList<>();
        private final RichText item = new RichText();
        private boolean inItem;

        SharedStrings(SpreadsheetLimits limits) {
            this.limits = limits;
        }

        @Override
        public void startElement(String uri, String localName, String qName, Attributes attributes) {
            if (localName.equals("si")) {
                inItem = true;
                item.reset();
                limits.sharedStrings(strings.size() + 1);
            } else if (inItem) {
                item.start(localName);
            }
        }

        @Override
        public void endElement(String uri, String localName, String qName) {
            if (localName.equals("si")) {
                inItem = false;
                strings.add(item.text());
            } else if (inItem) {
                item.end(localName);
            }
        }

        @Override
        public void characters(char[] ch, int start, int length) {
            if (inItem && item.collecting()) {
                limits.chars(null, null, length);
                item.append(ch, start, length);
            }
        }

        List<String> strings() {
            return strings;
        }
    }

    /** What all sheets of a workbook share while their cells become texts. */
    static final class Cells {
        final List<String> strings;
        final Styles styles;
        final boolean date1904;
        final SpreadsheetLimits limits;
        private long physicalCells;
        private XlsxStream.CellAt firstFormula;

        Cells(List<String> strings, Styles styles, boolean date1904, SpreadsheetLimits limits) {
            this.strings = strings;
            this.styles = styles;
            this.date1904 = date1904;
            this.limits = limits;
        }

        long physicalCells() {
            return physicalCells;
        }

        XlsxStream.CellAt firstFormula() {
            return firstFormula;
        }

        /** A number as SpreadsheetParser#number(Cell, double) shows it under style {@code s}. */
        String number(int style, double value) {
            int index = styles.formatIndex(style);
            String format = index < 0 ? null : styles.formatString(index);
            if (index >= 0 && DateUtil.isADateFormat(index, format) && DateUtil.isValidExcelDate(value)) {
                return SpreadsheetParser.date(value, date1904);
            }
            return SpreadsheetParser.number(value, format);
        }

        /** What style {@code s}'s format shows where it rounds the value, as SpreadsheetParser#rounded(Cell); or null. */
        String rounded(int style, double value) {
            int index = styles.formatIndex(style);
            String format = index < 0 ? null : styles.formatString(index);
            return index >= 0 && DateUtil.isADateFormat(index, format) ? null : SpreadsheetParser.rounded(value, format);
        }
    }

    /** One worksheet's XML into {@link SheetRows}. */
    static final class Sheet extends DefaultHandler {
        private final String name;
        private final SheetRows rows;
        private final Cells cells;
        private final StringBuilder value = new StringBuilder();
        private final RichText inline = new RichText();
        private int row = -1;
        private int column;
        private boolean inRow;
        private boolean inCell;
        private boolean inValue;
        private boolean inInline;
        private boolean hasInline;
        private boolean hasValue;
        private boolean formula;
        private String type;
        private int style;

        Sheet(String name, SheetRows rows, Cells cells) {
            this.name = name;
            this.rows = rows;
            this.cells = cells;
        }

        @Override
        public void startElement(String uri, String localName, String qName, Attributes attributes) {
            if (inInline) {
                inline.start(localName);
                return;
            }
            switch (localName) {
                case "row" -> {
                    String r = attributes.getValue("r");
                    row = r == null ? row + 1 : Integer.parseInt(r) - 1;
                    if (row < 0 || row > LAST_ROW) {
                        throw new IllegalArgumentException("row " + r);
                    }
                    column = -1;
                    inRow = true;
                    rows.startRow(row);
                }
                case "c" -> {
                    if (!inRow) {
                        return;
                    }
                    String r = attributes.getValue("r");
                    column = r == null ? column + 1 : column(r);
                    type = attributes.getValue("t");
                    String s = attributes.getValue("s");
                    style = s == null ? 0 : Integer.parseInt(s);
                    inCell = true;
                    formula = hasValue = hasInline = false;
                    value.setLength(0);
                    cells.physicalCells++;
                }
                case "f" -> {
                    if (inCell) {
                        formula = true;
                        if (cells.firstFormula == null) {
                            cells.firstFormula = new XlsxStream.CellAt(name, row, column);
                        }
                    }
                }
                case "v" -> {
                    if (inCell) {
                        inValue = hasValue = true;
                    }
                }
                case "is" -> {
                    if (inCell) {
                        inInline = hasInline = true;
                        inline.reset();
                    }
                }
                case "mergeCell" -> {
                    String ref = attributes.getValue("ref");
                    if (ref != null) {
                        rows.merge(CellRangeAddress.valueOf(ref));
                    }
                }
                default -> {
                }
            }
        }

        @Override
        public void endElement(String uri, String localName, String qName) {
            if (inInline) {
                if (localName.equals("is")) {
                    inInline = false;
                } else {
                    inline.end(localName);
                }
                return;
            }
            switch (localName) {
                case "v" -> inValue = false;
                case "c" -> {
                    if (inCell) {
                        inCell = false;
                        cell();
                    }
                }
                case "row" -> {
                    inRow = false;
                    rows.endRow();
                }
                default -> {
                }
            }
        }

        @Override
        public void characters(char[] ch, int start, int length) {
            if (inValue) {
                cells.limits.chars(name, row + 1, length);
                value.append(ch, start, length);
            } else if (inInline && inline.collecting()) {
                cells.limits.chars(name, row + 1, length);
                inline.append(ch, start, length);
            }
        }

        /** The cell just read, as XSSFCell types it; a formula's cached value like any value. */
        private void cell() {
            String v = hasValue ? value.toString() : null;
            String t = type == null ? "n" : type;
            switch (t) {
                case "n" -> {
                    if (v == null) {
                        rows.cell(column, "", null);
                    } else {
                        double number = v.isEmpty() ? 0.0 : Double.parseDouble(v);
                        rows.cell(column, cells.number(style, number), null, cells.rounded(style, number));
                    }
                }
                case "s" -> {
                    String text;
                    if (formula) {
                        text = v == null ? "" : decode(v);
                    } else {
                        text = v == null ? "" : cells.strings.get(Integer.parseInt(v.strip()));
                    }
                    rows.cell(column, CellText.strip(text), null);
                }
                case "inlineStr" -> rows.cell(column, CellText.strip(
                        hasInline && !formula ? inline.text() : v == null ? "" : decode(v)), null);
                case "str" -> rows.cell(column, CellText.strip(v == null ? "" : decode(v)), null);
                case "b" -> rows.cell(column, "1".equals(v) ? "TRUE" : "FALSE", null);
                case "e" -> rows.cell(column, "", "单元格是错误值 " + XlsxStream.errorText(v) + "，请改正后重新上传");
                default -> throw new IllegalStateException("Illegal cell type: " + t);
            }
        }

        /** The 0-based column of a reference like "AB12". */
        private static int column(String ref) {
            int c = 0;
            int i = 0;
            for (; i < ref.length() && Character.isLetter(ref.charAt(i)); i++) {
                c = c * 26 + (Character.toUpperCase(ref.charAt(i)) - 'A' + 1);
                if (c > LAST_COLUMN + 1) {
                    throw new IllegalArgumentException("column " + ref);
                }
            }
            if (i == 0 || i == ref.length()) {
                throw new IllegalArgumentException("cell reference " + ref);
            }
            return c - 1;
        }
    }

    /** A hidden worksheet: only how many cells loading it would cost. */
    static final class CellCount extends DefaultHandler {
        private long cells;

        @Override
        public void startElement(String uri, String localName, String qName, Attributes attributes) {
            if (localName.equals("c")) {
                cells++;
            }
        }

        long cells() {
            return cells;
        }
    }
}
