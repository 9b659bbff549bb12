package org.anju.intake;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.CellValue;
import org.apache.poi.ss.usermodel.Date1904Support;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.usermodel.FormulaError;
import org.apache.poi.ss.usermodel.FormulaEvaluator;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.ss.util.NumberToTextConverter;
import org.apache.poi.xssf.usermodel.XSSFCell;
import org.apache.poi.xssf.usermodel.XSSFChartSheet;

import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * XLSX and XLS worksheets into rows of cell texts.
 *
 * <ul>
 *   <li>Only visible worksheets are read; hidden and "very hidden" ones (and chart sheets) are
 *       skipped: what an official does not see on screen is not part of the table they send.</li>
 *   <li>Cells by column index, blanks as "", so columns line up. A row runs to its last cell with
 *       text, or further to the right edge of a merged region starting in it, or further over
 *       blank cells that exist in the file (e.g. bordered) but not beyond the sheet's widest text.
 *       Rows without any text are left out; their numbers are missing.</li>
 *   <li>Merged regions: the text at the top-left cell, "" in the others (whatever the file keeps
 *       in them).</li>
 *   <li>Strings trimmed. Numbers as the exact decimal Excel shows at 15 significant digits (never
 *       "1.0E7" or "162.44660000000001"), no grouping separators; when the number format fixes
 *       more decimals than the value has, padded to them (format "0.00", 3.5 → "3.50"), never
 *       rounded to fewer. Percent formats: the percentage and "%" (0.125 with "0.0%" → "12.5%").
 *       Dates ISO ("2023-01-30", "2023-01-30T08:30", times "08:30"). Booleans TRUE/FALSE.</li>
 *   <li>Formulas: the cached result (same rules), but only after recalculating the formula here
 *       and finding the same text: a program (or a hand) can save a result the formula does not
 *       give, and the official checking the table sees the formula's figures. A different result,
 *       or a formula that cannot be recalculated here (a function POI lacks), is a problem naming
 *       the cell. Formulas with TODAY(), NOW(), RAND(), RANDBETWEEN() are not compared: their
 *       result changes by itself. A formula without cached result (written by a program that did
 *       not calculate) is calculated here. Error values (#DIV/0!, #REF!, …) are problems naming
 *       the cell.</li>
 * </ul>
 *
 * <p>This reads POI's object model, which holds the whole workbook (about 1 KB a cell): it is only
 * used for XLS and for XLSX with formulas, up to {@link SpreadsheetLimits#MAX_LOADED_CELLS}
 * cells; other XLSX are streamed by {@link XlsxStream} to the same texts.
 */
final class SpreadsheetParser {

    private final String fileName;
    private final Workbook workbook;
    private final boolean date1904;
    private final List<InputProblem> problems;
    private FormulaEvaluator evaluator;

    private SpreadsheetParser(String fileName, Workbook workbook, List<InputProblem> problems) {
        this.fileName = fileName;
        this.workbook = workbook;
        this.date1904 = workbook instanceof Date1904Support support && support.isDate1904();
        this.problems = problems;
    }

    /** The visible sheets; problems (error cells) are added to {@code problems}. */
    static List<SourceSheet> parse(String fileName, Workbook workbook, List<InputProblem> problems) {
        return new SpreadsheetParser(fileName, workbook, problems).sheets();
    }

    private List<SourceSheet> sheets() {
        List<SourceSheet> sheets = new ArrayList<>();
        for (int i = 0; i < workbook.getNumberOfSheets(); i++) {
            if (workbook.isSheetHidden(i) || workbook.isSheetVeryHidden(i)) {
                continue;
            }
            Sheet sheet = workbook.getSheetAt(i);
            if (sheet instanceof XSSFChartSheet) {
                continue;
            }
            sheets.add(new SourceSheet(sheet.getSheetName(), rows(sheet)));
        }
        return sheets;
    }

    /** A row as found: its texts up to its last text (or merge edge), and where its physical cells end. */
    private record RawRow(int number, List<String> cells, int physicalEnd, java.util.Map<Integer, String> shown) {
    }

    private List<SourceRow> rows(Sheet sheet) {
        List<CellRangeAddress> merged = sheet.getMergedRegions();
        // the regions by first row, to look at only those crossing a row (rows come in ascending order)
        Integer[] order = new Integer[merged.size()];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        java.util.Arrays.sort(order, java.util.Comparator.comparingInt(i -> merged.get(i).getFirstRow()));
        List<Integer> active = new ArrayList<>();
        int next = 0;
        long work = 0;
        List<RawRow> raw = new ArrayList<>();
        int sheetWidth = 0;
        for (Row row : sheet) {
            int r = row.getRowNum();
            active.removeIf(i -> merged.get(i).getLastRow() < r);
            while (next < order.length && merged.get(order[next]).getFirstRow() <= r) {
                if (merged.get(order[next]).getLastRow() >= r) {
                    active.add(order[next]);
                }
                next++;
            }
            active.sort(null); // file order: where regions overlap, the first decides
            List<CellRangeAddress> here = new ArrayList<>(active.size());
            for (int i : active) {
                here.add(merged.get(i));
            }
            work += (long) here.size() * Math.max(1, row.getPhysicalNumberOfCells());
            if (work > SpreadsheetLimits.MAX_MERGE_WORK) {
                throw new InputException(new InputProblem(fileName, sheet.getSheetName(), r + 1, null,
                        "合并单元格过多或相互重叠，无法读取。请取消不必要的合并后重新上传"));
            }
            // only the cells present in the file: a row styled out to column XFD costs nothing
            TreeMap<Integer, String> texts = new TreeMap<>();
            TreeMap<Integer, String> shown = new TreeMap<>();
            int width = 0;
            int physicalEnd = 0;
            for (Cell cell : row) {
                int c = cell.getColumnIndex();
                physicalEnd = Math.max(physicalEnd, c + 1);
                CellRangeAddress region = regionOf(here, r, c);
                if (region != null && (region.getFirstRow() != r || region.getFirstColumn() != c)) {
                    continue; // covered by a merge: "" whatever the file keeps there
                }
                String text = text(sheet, cell);
                if (!text.isEmpty()) {
                    texts.put(c, text);
                    String rounded = rounded(cell);
                    if (rounded != null) {
                        shown.put(c, rounded);
                    }
                    width = Math.max(width, region == null ? c + 1 : region.getLastColumn() + 1);
                }
            }
            if (width > 0) {
                List<String> cells = new ArrayList<>(width);
                for (int c = 0; c < width; c++) {
                    cells.add(texts.getOrDefault(c, ""));
                }
                raw.add(new RawRow(r + 1, cells, physicalEnd, shown));
                sheetWidth = Math.max(sheetWidth, width);
            }
        }
        List<SourceRow> rows = new ArrayList<>(raw.size());
        for (RawRow row : raw) {
            // blank cells present in the file (e.g. bordered) extend a row up to the sheet's width
            int size = Math.max(row.cells().size(), Math.min(row.physicalEnd(), sheetWidth));
            List<String> cells = new ArrayList<>(row.cells());
            while (cells.size() < size) {
                cells.add("");
            }
            rows.add(new SourceRow(row.number(), cells, false, row.shown()));
        }
        return rows;
    }

    private static CellRangeAddress regionOf(List<CellRangeAddress> regions, int row, int column) {
        for (CellRangeAddress region : regions) {
            if (region.isInRange(row, column)) {
                return region;
            }
        }
        return null;
    }

    private String text(Sheet sheet, Cell cell) {
        if (cell == null) {
            return "";
        }
        return switch (cell.getCellType()) {
            case STRING -> CellText.strip(cell.getStringCellValue());
            case NUMERIC -> number(cell, cell.getNumericCellValue());
            case BOOLEAN -> cell.getBooleanCellValue() ? "TRUE" : "FALSE";
            case ERROR -> error(sheet, cell, "单元格是错误值 " + errorText(cell.getErrorCellValue()));
            case FORMULA -> formula(sheet, cell);
            default -> "";
        };
    }

    private String formula(Sheet sheet, Cell cell) {
        if (cell instanceof XSSFCell xssf && !xssf.getCTCell().isSetV()) {
            return evaluated(sheet, cell);
        }
        String cached = switch (cell.getCachedFormulaResultType()) {
            case STRING -> CellText.strip(cell.getStringCellValue());
            case NUMERIC -> number(cell, cell.getNumericCellValue());
            case BOOLEAN -> cell.getBooleanCellValue() ? "TRUE" : "FALSE";
            case ERROR -> null;
            default -> "";
        };
        if (cached == null) {
            return error(sheet, cell,
                    "公式 =" + cell.getCellFormula() + " 的结果是错误值 " + errorText(cell.getErrorCellValue()));
        }
        return checked(sheet, cell, cached);
    }

    /** Functions whose result changes by itself: their saved result cannot be checked by recalculating. */
    private static final Pattern VOLATILE = Pattern.compile("(?i)\\b(TODAY|NOW|RAND|RANDBETWEEN)\\s*\\(");

    /** The cached text of a formula, if recalculating it gives the same text; else a problem. */
    private String checked(Sheet sheet, Cell cell, String cached) {
        String formula = cell.getCellFormula();
        if (VOLATILE.matcher(formula).find()) {
            return cached;
        }
        CellValue value;
        try {
            value = evaluator().evaluate(cell);
        } catch (RuntimeException e) {
            return problem(sheet, cell, "公式 =" + formula + " 在这里无法重新计算核对（可能用了不支持的函数或引用了其他文件）。"
                    + "请在 Excel 中把这些单元格复制后“选择性粘贴为数值”，再上传");
        }
        String recalculated = value == null ? "" : switch (value.getCellType()) {
            case STRING -> CellText.strip(value.getStringValue());
            case NUMERIC -> number(cell, value.getNumberValue());
            case BOOLEAN -> value.getBooleanValue() ? "TRUE" : "FALSE";
            case ERROR -> errorText(value.getErrorValue());
            default -> "";
        };
        if (!recalculated.equals(cached)) {
            return problem(sheet, cell, "公式 =" + formula + " 保存的结果 " + shown(cached) + " 与重新计算的结果 "
                    + shown(recalculated) + " 不一致（保存时未重新计算）。请在 Excel 中打开、按 F9 重新计算并保存后重新上传");
        }
        return cached;
    }

    private static String shown(String text) {
        return text.isEmpty() ? "（空）" : text;
    }

    private FormulaEvaluator evaluator() {
        if (evaluator == null) {
            evaluator = workbook.getCreationHelper().createFormulaEvaluator();
            evaluator.setIgnoreMissingWorkbooks(true);
        }
        return evaluator;
    }

    /** A formula the file has no result for: calculate it (or say it cannot be). */
    private String evaluated(Sheet sheet, Cell cell) {
        CellValue value;
        try {
            value = evaluator().evaluate(cell);
        } catch (RuntimeException e) {
            return error(sheet, cell, "公式 =" + cell.getCellFormula()
                    + " 没有保存计算结果，在这里也无法计算；请在 Excel 中打开、保存后重新上传");
        }
        if (value == null) {
            return "";
        }
        return switch (value.getCellType()) {
            case STRING -> CellText.strip(value.getStringValue());
            case NUMERIC -> number(cell, value.getNumberValue());
            case BOOLEAN -> value.getBooleanValue() ? "TRUE" : "FALSE";
            case ERROR -> error(sheet, cell,
                    "公式 =" + cell.getCellFormula() + " 的结果是错误值 " + errorText(value.getErrorValue()));
            default -> "";
        };
    }

    private String error(Sheet sheet, Cell cell, String message) {
        return problem(sheet, cell, message + "，请改正后重新上传");
    }

    private String problem(Sheet sheet, Cell cell, String message) {
        problems.add(new InputProblem(fileName, sheet.getSheetName(), cell.getRowIndex() + 1,
                cell.getColumnIndex() + 1, message));
        return "";
    }

    private static String errorText(byte code) {
        try {
            return FormulaError.forInt(code).getString();
        } catch (IllegalArgumentException e) {
            return "#错误";
        }
    }

    private String number(Cell cell, double value) {
        CellStyle style = cell.getCellStyle();
        String format = style == null ? null : style.getDataFormatString();
        if (style != null && DateUtil.isADateFormat(style.getDataFormat(), format) && DateUtil.isValidExcelDate(value)) {
            return date(value, date1904);
        }
        return number(value, format);
    }

    /** What a numeric cell's format shows where it rounds the stored value ({@link #rounded(double, String)}), or null. */
    private static String rounded(Cell cell) {
        boolean number = cell.getCellType() == CellType.NUMERIC
                || cell.getCellType() == CellType.FORMULA && cell.getCachedFormulaResultType() == CellType.NUMERIC;
        CellStyle style = number ? cell.getCellStyle() : null;
        if (style == null || DateUtil.isADateFormat(style.getDataFormat(), style.getDataFormatString())) {
            return null;
        }
        return rounded(cell.getNumericCellValue(), style.getDataFormatString());
    }

    /**
     * The number a format shows for {@code value} where it shows fewer decimals than the value has ("0": 12.5 → "13",
     * rounded half away from zero as Excel does), or null: shown as stored, or a format that fixes no precision
     * (General, scientific, percent, text).
     */
    static String rounded(double value, String format) {
        if (Double.isNaN(value) || Double.isInfinite(value) || value == Math.rint(value)) {
            return null;   // a whole number shows whole in every format that fixes decimals: no format read per cell
        }
        NumberFormat shown = NumberFormat.of(format);
        if (!shown.fixesPrecision()) {
            return null;
        }
        BigDecimal decimal = new BigDecimal(NumberToTextConverter.toText(value));
        if (decimal.stripTrailingZeros().scale() <= shown.shownDecimals()) {
            return null;
        }
        BigDecimal rounded = decimal.setScale(shown.shownDecimals(), java.math.RoundingMode.HALF_UP);
        return (rounded.signum() == 0 ? rounded.abs() : rounded).toPlainString();
    }

    /** An Excel date serial as ISO text: a date, a date and time, or a time (below 1). */
    static String date(double value, boolean date1904) {
        LocalDateTime dateTime = DateUtil.getLocalDateTime(value, date1904, true).truncatedTo(ChronoUnit.SECONDS);
        if (value < 1 && value >= 0) {
            return time(dateTime.toLocalTime());
        }
        if (dateTime.toLocalTime().equals(LocalTime.MIDNIGHT)) {
            return dateTime.toLocalDate().toString();
        }
        return dateTime.toLocalDate() + "T" + time(dateTime.toLocalTime());
    }

    private static String time(LocalTime time) {
        return time.format(DateTimeFormatter.ofPattern(time.getSecond() == 0 ? "HH:mm" : "HH:mm:ss"));
    }

    /** The exact decimal of an Excel number, padded to the decimals its format fixes. */
    static String number(double value, String format) {
        if (Double.isNaN(value) || Double.isInfinite(value)) {
            return String.valueOf(value);
        }
        BigDecimal decimal = new BigDecimal(NumberToTextConverter.toText(value));
        NumberFormat fixed = NumberFormat.of(format);
        if (fixed.percent()) {
            decimal = decimal.movePointRight(2);
        }
        if (decimal.scale() < 0) {
            decimal = decimal.setScale(0);
        }
        if (decimal.scale() < fixed.decimals()) {
            decimal = decimal.setScale(fixed.decimals());
        }
        if (decimal.signum() == 0) {
            decimal = decimal.abs();
        }
        return decimal.toPlainString() + (fixed.percent() ? "%" : "");
    }

    /**
     * What a number format fixes: decimals (zeros after the point), whether it is a percentage, and how many decimals it
     * shows at most (zeros, # and ? after the point) when it fixes the precision shown at all ({@code fixesPrecision}:
     * not General, text, scientific or a percentage).
     */
    record NumberFormat(int decimals, boolean percent, int shownDecimals, boolean fixesPrecision) {

        static NumberFormat of(String format) {
            if (format == null || format.isEmpty() || format.equalsIgnoreCase("General")) {
                return new NumberFormat(0, false, 0, false);
            }
            StringBuilder section = new StringBuilder();
            boolean quoted = false;
            for (int i = 0; i < format.length(); i++) {
                char c = format.charAt(i);
                if (c == '"') {
                    quoted = !quoted;
                } else if (quoted) {
                    continue;
                } else if (c == '\\' || c == '_' || c == '*') {
                    i++; // escaped character, padding, fill
                } else if (c == '[') {
                    int end = format.indexOf(']', i);
                    i = end < 0 ? format.length() : end;
                } else if (c == ';') {
                    break; // only the first (positive) section
                } else {
                    section.append(c);
                }
            }
            String s = section.toString();
            if (s.indexOf('E') >= 0 || s.indexOf('e') >= 0) {
                return new NumberFormat(0, false, 0, false); // scientific: not a printed precision
            }
            boolean percent = s.indexOf('%') >= 0;
            int dot = s.indexOf('.');
            int decimals = 0;
            int shown = 0;
            if (dot >= 0) {
                for (int i = dot + 1; i < s.length() && "0#?".indexOf(s.charAt(i)) >= 0; i++) {
                    shown++;
                    if (s.charAt(i) == '0') {
                        decimals++;
                    }
                }
            }
            boolean digits = s.chars().anyMatch(c -> c == '0' || c == '#' || c == '?');
            // a fraction ("# ?/?") or a scaling comma after the last digit ("0," shows thousands): not decimals rounded
            int last = Math.max(s.lastIndexOf('0'), Math.max(s.lastIndexOf('#'), s.lastIndexOf('?')));
            boolean other = s.indexOf('/') >= 0 || last >= 0 && s.indexOf(',', last) > last;
            return new NumberFormat(decimals, percent, shown, digits && !percent && !other);
        }
    }
}
