package org.anju.intake;

import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipFile;
import org.apache.commons.compress.utils.SeekableInMemoryByteChannel;
import org.apache.poi.EncryptedDocumentException;
import org.apache.poi.hssf.OldExcelFormatException;
import org.apache.poi.openxml4j.exceptions.OpenXML4JException;
import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.openxml4j.util.ZipSecureFile;
import org.apache.poi.poifs.filesystem.DirectoryNode;
import org.apache.poi.poifs.filesystem.FileMagic;
import org.apache.poi.poifs.filesystem.POIFSFileSystem;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.usermodel.WorkbookFactory;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.springframework.stereotype.Component;
import org.xml.sax.SAXException;

import javax.xml.parsers.ParserConfigurationException;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.Charset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Reads an uploaded file into rows of cell texts ({@link SourceDocument}), or fails with an
 * {@link InputException} naming the file (and sheet, row, column when known). It never returns
 * part of a document: any problem anywhere means no document.
 *
 * <p><b>Format</b>: by content first (ZIP → XLSX or DOCX by the parts it holds; OLE2 → XLS; PDF,
 * .doc, images, HTML and other known binaries are refused), by extension second for text (.csv →
 * CSV, .tsv/.tab → TSV, .txt/.text/none → TEXT; a .csv whose records split best on tabs is TSV).
 * See {@link PlainTextParser}, {@link DelimitedTextParser}, {@link SpreadsheetParser} and
 * {@link WordParser} for how each is read, {@link TextDecoder} for encodings.
 *
 * <p><b>Limits</b>: {@value #MAX_FILE_BYTES} bytes per file. Inside XLSX/DOCX, checked before
 * unpacking: at most POI's {@code ZipSecureFile.getMaxFileCount()} (1000) parts, declaring at most
 * {@value #MAX_TOTAL_UNPACKED_BYTES} bytes unpacked in all; while unpacking (POI's
 * {@code ZipSecureFile}, set once when this class loads, JVM-wide): each part at most
 * {@value #MAX_ENTRY_BYTES} bytes unpacked and packed to at least {@value #MIN_INFLATE_RATIO} of
 * that (at most 100:1), at most {@value #MAX_TEXT_CHARS} characters of extracted text. Beyond
 * any of these the file is refused as a likely zip bomb. XML parts that declare a DOCTYPE (the way to external entities, XXE) are refused
 * by POI's parsers; the file is refused with a message saying so.
 *
 * <p><b>Spreadsheets</b> ({@link SpreadsheetLimits}): an XLSX is streamed part by part
 * ({@link XlsxStream}), never loaded whole, and refused the moment it passes
 * {@value SpreadsheetLimits#MAX_CELLS} cells, {@value SpreadsheetLimits#MAX_ROWS} rows with content,
 * {@value SpreadsheetLimits#MAX_SHARED_STRINGS} shared strings, {@value SpreadsheetLimits#MAX_CHARS}
 * characters or {@value SpreadsheetLimits#MAX_MERGED_REGIONS} merged regions, naming sheet and row.
 * An XLSX with formulas is then loaded whole to recompute them, only up to
 * {@value SpreadsheetLimits#MAX_LOADED_CELLS} cells (else refused naming the first formula); an XLS
 * is counted record by record ({@link XlsCellCount}) and loaded only up to that many cells.
 */
@Component
public class SourceReader {

    /** Largest file accepted: 20 MB. */
    public static final int MAX_FILE_BYTES = 20 * 1024 * 1024;
    /** Largest unpacked size of one part inside an XLSX/DOCX: 64 MB. */
    public static final long MAX_ENTRY_BYTES = 64L * 1024 * 1024;
    /** Smallest packed-to-unpacked ratio of a part inside an XLSX/DOCX (1:100). */
    public static final double MIN_INFLATE_RATIO = 0.01;
    /** Largest total unpacked size the parts of an XLSX/DOCX may declare: 256 MB. */
    public static final long MAX_TOTAL_UNPACKED_BYTES = 256L * 1024 * 1024;
    /** Most characters POI's text extraction may produce. */
    public static final long MAX_TEXT_CHARS = 10_000_000L;

    static final String ACCEPTED = "XLSX、XLS、DOCX、CSV、TSV、TXT";

    static {
        ZipSecureFile.setMinInflateRatio(MIN_INFLATE_RATIO);
        ZipSecureFile.setMaxEntrySize(MAX_ENTRY_BYTES);
        ZipSecureFile.setMaxTextSize(MAX_TEXT_CHARS);
    }

    /** Reads a file, detecting the encoding of text formats (UTF-8, else GB18030/GBK). */
    /**
     * The characters of a small text file that is no table (a list of answers): UTF-8 or GBK as
     * {@link #read} detects them, or an {@link InputException} naming the line that is neither.
     */
    public static String text(String fileName, byte[] content) {
        return TextDecoder.decode(fileName, content, null).text();
    }

    public SourceDocument read(String fileName, byte[] content) {
        return read(fileName, content, null);
    }

    /**
     * Reads a file; for text formats, {@code declared} (if not null) is the only encoding tried,
     * and bytes it cannot decode are a problem at their line and column.
     */
    public SourceDocument read(String fileName, byte[] content, Charset declared) {
        String name = fileName == null || fileName.isBlank() ? "（未命名）" : fileName;
        if (content == null || content.length == 0) {
            throw problem(name, "文件是空的");
        }
        if (content.length > MAX_FILE_BYTES) {
            throw problem(name, String.format("文件太大（%.1f MB），上限是 %d MB",
                    content.length / (1024.0 * 1024.0), MAX_FILE_BYTES / (1024 * 1024)));
        }
        String extension = extension(name);
        SourceDocument document = switch (magic(content)) {
            case OOXML -> zip(name, extension, content);
            case OLE2 -> ole2(name, extension, content);
            case PDF -> throw unsupported(name, "PDF 文件");
            case RTF -> throw unsupported(name, "RTF 文档");
            case HTML -> throw unsupported(name, "网页（HTML）文件" + (extension.startsWith("xls")
                    ? "，虽然扩展名是 ." + extension + "（常见于系统导出的表格）；请用 Excel 打开后另存为 .xlsx" : ""));
            case XML -> throw unsupported(name, "XML 文件" + (extension.startsWith("xls")
                    ? "（可能是“XML 电子表格 2003”）；请用 Excel 打开后另存为 .xlsx" : ""));
            case BIFF2, BIFF3, BIFF4 -> throw unsupported(name, "Excel 2.x–4.x 旧格式；请用 Excel 打开后另存为 .xlsx");
            case MSWRITE, WORD2 -> throw unsupported(name, "旧版 Word/Write 文档；请另存为 .docx");
            case JPEG, GIF, PNG, TIFF, BMP, WMF, EMF -> throw unsupported(name, "图片");
            default -> text(name, extension, content, declared);
        };
        if (document.sheets().stream().allMatch(sheet -> sheet.rows().isEmpty())) {
            throw problem(name, "文件中没有任何文字或表格");
        }
        return document;
    }

    // ---------------------------------------------------------------- detection

    private static FileMagic magic(byte[] content) {
        try {
            return FileMagic.valueOf(content);
        } catch (RuntimeException e) {
            return FileMagic.UNKNOWN;
        }
    }

    private static String extension(String fileName) {
        int slash = Math.max(fileName.lastIndexOf('/'), fileName.lastIndexOf('\\'));
        String base = fileName.substring(slash + 1);
        int dot = base.lastIndexOf('.');
        return dot < 0 ? "" : base.substring(dot + 1).toLowerCase(Locale.ROOT).strip();
    }

    private static String formatName(String extension) {
        return switch (extension) {
            case "xlsx", "xlsm" -> "XLSX";
            case "xls" -> "XLS";
            case "docx", "docm" -> "DOCX";
            default -> "Office 文档";
        };
    }

    private static InputException problem(String fileName, String message) {
        return new InputException(InputProblem.ofFile(fileName, message));
    }

    private static InputException unsupported(String fileName, String what) {
        return problem(fileName, "不支持的文件格式：" + what + "。支持的格式：" + ACCEPTED);
    }

    private static InputException corrupt(String fileName, String extension, Throwable cause) {
        return new InputException(InputProblem.ofFile(fileName, "文件已损坏或不完整，无法作为 " + formatName(extension)
                + " 读取；请用 Office/WPS 打开后重新保存再上传"), cause);
    }

    // ---------------------------------------------------------------- text

    private SourceDocument text(String name, String extension, byte[] content, Charset declared) {
        char hint = switch (extension) {
            case "csv" -> ',';
            case "tsv", "tab" -> '\t';
            case "txt", "text", "" -> 0;
            case "xlsx", "xlsm", "xls", "docx", "docm" -> throw problem(name, "文件内容不是 " + formatName(extension)
                    + " 格式（可能已损坏，或扩展名不对）。支持的格式：" + ACCEPTED);
            case "doc" -> throw unsupported(name, "Word 97-2003 文档（.doc）；请另存为 .docx");
            case "zip", "rar", "7z", "gz", "tar" -> throw unsupported(name, "压缩包；请解压后上传其中的文件");
            default -> throw unsupported(name, "扩展名 ." + extension);
        };
        if (isArchive(content)) {
            throw unsupported(name, "压缩包；请解压后上传其中的文件");
        }
        TextDecoder.Decoded decoded = TextDecoder.decode(name, content, declared);
        String text = decoded.text();
        if (CellText.isBlank(text)) {
            throw problem(name, "文件是空的（只有空白）");
        }
        if (hint == 0) {
            return new SourceDocument(name, SourceFormat.TEXT, decoded.encoding(),
                    List.of(new SourceSheet(WordParser.BODY, PlainTextParser.parse(text))));
        }
        char delimiter = DelimitedTextParser.detectDelimiter(text, hint);
        try {
            List<SourceRow> rows = DelimitedTextParser.parse(text, delimiter);
            return new SourceDocument(name, delimiter == '\t' ? SourceFormat.TSV : SourceFormat.CSV,
                    decoded.encoding(), List.of(new SourceSheet(WordParser.BODY, rows)));
        } catch (DelimitedTextParser.Malformed e) {
            throw new InputException(new InputProblem(name, WordParser.BODY, e.line, e.field, e.getMessage()));
        }
    }

    private static boolean isArchive(byte[] c) {
        return (c.length >= 2 && (c[0] & 0xFF) == 0x1F && (c[1] & 0xFF) == 0x8B)                  // gzip
                || (c.length >= 4 && c[0] == 'R' && c[1] == 'a' && c[2] == 'r' && c[3] == '!')      // RAR
                || (c.length >= 6 && c[0] == '7' && c[1] == 'z' && (c[2] & 0xFF) == 0xBC && (c[3] & 0xFF) == 0xAF)
                || (c.length >= 4 && c[0] == 'P' && c[1] == 'K' && (c[2] == 5 || c[2] == 7));       // empty/spanned ZIP
    }

    // ---------------------------------------------------------------- ZIP: XLSX, DOCX

    private SourceDocument zip(String name, String extension, byte[] content) {
        long count = zipEntryCount(content);
        if (count < 0) {
            throw corrupt(name, extension, null);
        }
        if (count > ZipSecureFile.getMaxFileCount()) {
            throw zipBomb(name, null);
        }
        Set<String> entries = new HashSet<>();
        long declaredSize = 0;
        try (ZipFile zip = ZipFile.builder().setSeekableByteChannel(new SeekableInMemoryByteChannel(content)).get()) {
            for (ZipArchiveEntry entry : Collections.list(zip.getEntries())) {
                entries.add(entry.getName().startsWith("/") ? entry.getName().substring(1) : entry.getName());
                declaredSize += Math.max(0, entry.getSize());
            }
        } catch (IOException | RuntimeException e) {
            throw corrupt(name, extension, e);
        }
        if (declaredSize > MAX_TOTAL_UNPACKED_BYTES) {
            throw zipBomb(name, null);
        }
        if (entries.contains("xl/workbook.xml")) {
            return office(name, SourceFormat.XLSX, extension, content);
        }
        if (entries.contains("word/document.xml")) {
            return office(name, SourceFormat.DOCX, extension, content);
        }
        if (entries.contains("xl/workbook.bin")) {
            throw unsupported(name, "Excel 二进制工作簿（.xlsb）；请另存为 .xlsx");
        }
        if (entries.contains("ppt/presentation.xml")) {
            throw unsupported(name, "PowerPoint 演示文稿");
        }
        if (entries.contains("mimetype") && entries.contains("content.xml")) {
            throw unsupported(name, "OpenDocument（WPS/LibreOffice 的 .ods/.odt）；请另存为 .xlsx 或 .docx");
        }
        if (extension.equals("xlsx") || extension.equals("xlsm") || extension.equals("docx") || extension.equals("docm")) {
            throw corrupt(name, extension, null);
        }
        throw unsupported(name, "压缩包；请解压后上传其中的文件");
    }

    /**
     * The number of entries the ZIP's end-of-central-directory record announces (before anything
     * is listed or unpacked), {@link Long#MAX_VALUE} for ZIP64 (never needed by a legitimate upload
     * of this size), -1 when there is no such record (a truncated file).
     */
    static long zipEntryCount(byte[] c) {
        int last = c.length - 22;
        for (int at = last; at >= 0 && at >= last - 0xFFFF; at--) {
            if (c[at] == 'P' && c[at + 1] == 'K' && c[at + 2] == 5 && c[at + 3] == 6) {
                int total = (c[at + 10] & 0xFF) | (c[at + 11] & 0xFF) << 8;
                return total == 0xFFFF ? Long.MAX_VALUE : total;
            }
        }
        return -1;
    }

    private static InputException zipBomb(String fileName, Throwable cause) {
        return new InputException(InputProblem.ofFile(fileName, "文件解压后体积异常，疑似压缩炸弹，已拒绝"), cause);
    }

    // ---------------------------------------------------------------- OLE2: XLS (and what is not)

    private SourceDocument ole2(String name, String extension, byte[] content) {
        Set<String> entries = new HashSet<>();
        try (POIFSFileSystem fs = new POIFSFileSystem(new ByteArrayInputStream(content))) {
            DirectoryNode root = fs.getRoot();
            root.getEntryNames().forEach(entries::add);
        } catch (IOException | RuntimeException e) {
            throw corrupt(name, extension, e);
        }
        if (entries.contains("EncryptedPackage") || entries.contains("EncryptionInfo")) {
            throw encrypted(name);
        }
        if (entries.contains("Workbook") || entries.contains("WORKBOOK") || entries.contains("BOOK")
                || entries.contains("Book")) {
            return office(name, SourceFormat.XLS, extension, content);
        }
        if (entries.contains("WordDocument")) {
            throw unsupported(name, "Word 97-2003 文档（.doc）；请另存为 .docx");
        }
        if (entries.contains("PowerPoint Document")) {
            throw unsupported(name, "PowerPoint 演示文稿");
        }
        throw unsupported(name, "未知的 Office 97-2003 文件");
    }

    private static InputException encrypted(String fileName) {
        return problem(fileName, "文件设置了密码（已加密），无法读取；请在 Office/WPS 中取消密码后重新上传");
    }

    // ---------------------------------------------------------------- POI

    private SourceDocument office(String name, SourceFormat format, String extension, byte[] content) {
        String expected = format == SourceFormat.XLS ? "xls" : format == SourceFormat.DOCX ? "docx" : "xlsx";
        List<InputProblem> problems = new ArrayList<>();
        List<SourceSheet> sheets;
        try {
            sheets = switch (format) {
                case DOCX -> {
                    try (XWPFDocument document = new XWPFDocument(new ByteArrayInputStream(content))) {
                        yield WordParser.parse(document);
                    }
                }
                case XLS -> xls(name, content, problems);
                default -> xlsx(name, content, problems);
            };
        } catch (InputException e) {
            throw e;
        } catch (IOException | RuntimeException | OpenXML4JException | SAXException | ParserConfigurationException e) {
            throw failure(name, expected, e);
        }
        controlCharacters(name, format, sheets, problems);
        if (!problems.isEmpty()) {
            throw new InputException(problems);
        }
        return new SourceDocument(name, format, null, sheets);
    }

    /**
     * A cell holding a control character (NUL, written by some programs as _x0000_): invisible in Excel, and text the
     * database cannot keep — named, not dropped silently. Text files are checked by {@link TextDecoder} already.
     */
    private static void controlCharacters(String name, SourceFormat format, List<SourceSheet> sheets,
                                          List<InputProblem> problems) {
        for (SourceSheet sheet : sheets) {
            for (SourceRow row : sheet.rows()) {
                for (int c = 0; c < row.cells().size(); c++) {
                    String cell = row.cells().get(c);
                    for (int i = 0; i < cell.length(); i++) {
                        char ch = cell.charAt(i);
                        // tab, line breaks, and Word's soft line break (VT) and page break (FF) are text's own
                        if (ch < 0x20 && ch != '\t' && ch != '\n' && ch != '\r' && ch != '\u000B' && ch != '\f') {
                            problems.add(new InputProblem(name, sheet.name(), row.number(), format == SourceFormat.DOCX
                                    ? null : c + 1, "单元格含有不可见的控制字符（代码 " + (int) ch
                                    + "），无法保存；请删去该字符（可重新输入该单元格的内容）后重新上传"));
                            break;
                        }
                    }
                }
            }
        }
    }

    /**
     * An XLSX streamed under the {@link SpreadsheetLimits}; one with formulas is then loaded whole to
     * recompute them, if it is small enough ({@link SpreadsheetLimits#MAX_LOADED_CELLS}).
     */
    private static List<SourceSheet> xlsx(String name, byte[] content, List<InputProblem> problems)
            throws IOException, OpenXML4JException, SAXException, ParserConfigurationException {
        XlsxStream.Result streamed = XlsxStream.read(name, content, new SpreadsheetLimits(name));
        XlsxStream.CellAt formula = streamed.firstFormula();
        if (formula == null) {
            problems.addAll(streamed.problems());
            return streamed.sheets();
        }
        if (streamed.loadedCells() > SpreadsheetLimits.MAX_LOADED_CELLS) {
            throw new InputException(new InputProblem(name, formula.sheet(), formula.row() + 1, formula.column() + 1,
                    "这里是公式。含公式的工作簿最多 " + SpreadsheetLimits.MAX_LOADED_CELLS
                            + " 个单元格（本文件 " + streamed.loadedCells() + " 个）才能在这里重新计算、核对公式的结果。"
                            + "请在 Excel 中把公式复制后“选择性粘贴为数值”，或分成几个文件上传"));
        }
        OPCPackage pkg = OPCPackage.open(new GuardedZip(content));
        try {
            return SpreadsheetParser.parse(name, new XSSFWorkbook(pkg), problems);
        } finally {
            pkg.revert(); // read only: never write the package back
        }
    }

    /** An XLS, counted record by record before it is loaded whole. */
    private static List<SourceSheet> xls(String name, byte[] content, List<InputProblem> problems) throws IOException {
        long cells = XlsCellCount.count(content, SpreadsheetLimits.MAX_LOADED_CELLS);
        if (cells > SpreadsheetLimits.MAX_LOADED_CELLS) {
            throw problem(name, "Excel 97-2003 格式（.xls）的文件最多 " + SpreadsheetLimits.MAX_LOADED_CELLS
                    + " 个单元格（含空白但有格式的单元格和不同的字符串），本文件超过了。请用 Excel 另存为 .xlsx 后上传");
        }
        try (Workbook workbook = WorkbookFactory.create(new ByteArrayInputStream(content))) {
            return SpreadsheetParser.parse(name, workbook, problems);
        }
    }

    /** What went wrong inside POI, in words for the user. */
    private static InputException failure(String name, String expected, Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            String message = t.getMessage() == null ? "" : t.getMessage();
            if (t instanceof EncryptedDocumentException) {
                return new InputException(InputProblem.ofFile(name,
                        "文件设置了密码（已加密），无法读取；请在 Office/WPS 中取消密码后重新上传"), e);
            }
            if (message.contains("Zip bomb detected") || message.contains("embeds more internal file entries")) {
                return zipBomb(name, e);
            }
            if (message.contains("DOCTYPE")) { // POI's parsers refuse any DOCTYPE (disallow-doctype-decl)
                return new InputException(InputProblem.ofFile(name,
                        "文件内部的 XML 含有 DOCTYPE/外部实体声明，出于安全原因已拒绝"), e);
            }
            if (t instanceof OldExcelFormatException) {
                return new InputException(InputProblem.ofFile(name,
                        "不支持的文件格式：Excel 5.0/95 旧格式；请用 Excel 打开后另存为 .xlsx。支持的格式：" + ACCEPTED), e);
            }
            if (message.contains("Strict OOXML")) {
                return new InputException(InputProblem.ofFile(name,
                        "不支持“Strict Open XML”格式的工作簿；请另存为普通的 Excel 工作簿（.xlsx）"), e);
            }
        }
        return corrupt(name, expected, e);
    }
}
