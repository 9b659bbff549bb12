package org.anju.intake;

import java.io.IOException;
import java.io.OutputStream;
import java.io.Writer;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * XLSX written directly as ZIP and XML, fast enough for millions of cells (POI's usermodel would
 * need gigabytes to write what the tests must show is refused without them).
 */
final class GeneratedXlsx {

    /** Writes the XML between {@code <sheetData>} and {@code </sheetData>} of one sheet. */
    interface SheetWriter {
        void write(Writer out) throws IOException;
    }

    private GeneratedXlsx() {
    }

    /**
     * A workbook of sheets "Sheet1", "Sheet2", … with the given sheetData contents and, if not
     * null, {@code sharedStrings} as the {@code <si>} items of the shared strings table.
     */
    static byte[] workbook(SheetWriter sharedStrings, SheetWriter... sheets) {
        return TestFiles.bytes(out -> {
            try (ZipOutputStream zip = new ZipOutputStream(out)) {
                StringBuilder types = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>"
                        + "<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">"
                        + "<Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/>"
                        + "<Default Extension=\"xml\" ContentType=\"application/xml\"/>"
                        + "<Override PartName=\"/xl/workbook.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml\"/>");
                StringBuilder book = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>"
                        + "<workbook xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\" "
                        + "xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\"><sheets>");
                StringBuilder rels = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>"
                        + "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">");
                for (int i = 1; i <= sheets.length; i++) {
                    types.append("<Override PartName=\"/xl/worksheets/sheet").append(i).append(".xml\" ContentType=\"")
                            .append("application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml\"/>");
                    book.append("<sheet name=\"Sheet").append(i).append("\" sheetId=\"").append(i)
                            .append("\" r:id=\"rId").append(i).append("\"/>");
                    rels.append("<Relationship Id=\"rId").append(i).append("\" Type=\"http://schemas.openxmlformats.org/")
                            .append("officeDocument/2006/relationships/worksheet\" Target=\"worksheets/sheet").append(i).append(".xml\"/>");
                }
                if (sharedStrings != null) {
                    types.append("<Override PartName=\"/xl/sharedStrings.xml\" ContentType=\"")
                            .append("application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml\"/>");
                    rels.append("<Relationship Id=\"rIdS\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/")
                            .append("relationships/sharedStrings\" Target=\"sharedStrings.xml\"/>");
                }
                put(zip, "[Content_Types].xml", types.append("</Types>").toString());
                put(zip, "_rels/.rels", "<?xml version=\"1.0\" encoding=\"UTF-8\"?>"
                        + "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
                        + "<Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/"
                        + "relationships/officeDocument\" Target=\"xl/workbook.xml\"/></Relationships>");
                put(zip, "xl/workbook.xml", book.append("</sheets></workbook>").toString());
                put(zip, "xl/_rels/workbook.xml.rels", rels.append("</Relationships>").toString());
                if (sharedStrings != null) {
                    part(zip, "xl/sharedStrings.xml", "<sst xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\">",
                            sharedStrings, "</sst>");
                }
                for (int i = 1; i <= sheets.length; i++) {
                    part(zip, "xl/worksheets/sheet" + i + ".xml",
                            "<worksheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"><sheetData>",
                            sheets[i - 1], "</sheetData></worksheet>");
                }
            }
        });
    }

    /** Rows {@code first}..{@code last} (1-based), each of {@code columns} numbers {@code value(row, column)}. */
    static SheetWriter numbers(int first, int last, int columns, java.util.function.IntBinaryOperator value) {
        return out -> {
            for (int r = first; r <= last; r++) {
                out.write("<row r=\"" + r + "\">");
                for (int c = 0; c < columns; c++) {
                    out.write("<c r=\"" + InputProblem.columnLetters(c + 1) + r + "\"><v>" + value.applyAsInt(r, c) + "</v></c>");
                }
                out.write("</row>");
            }
        };
    }

    /** The same without cell references ({@code r} of {@code <c>}): each cell is the one after the previous. */
    static SheetWriter unreferencedNumbers(int first, int last, int columns, java.util.function.IntBinaryOperator value) {
        return out -> {
            for (int r = first; r <= last; r++) {
                out.write("<row r=\"" + r + "\">");
                for (int c = 0; c < columns; c++) {
                    out.write("<c><v>" + value.applyAsInt(r, c) + "</v></c>");
                }
                out.write("</row>");
            }
        };
    }

    private static void put(ZipOutputStream zip, String name, String content) throws IOException {
        zip.putNextEntry(new ZipEntry(name));
        zip.write(content.getBytes(StandardCharsets.UTF_8));
        zip.closeEntry();
    }

    private static void part(ZipOutputStream zip, String name, String head, SheetWriter body, String tail) throws IOException {
        zip.putNextEntry(new ZipEntry(name));
        Writer out = new java.io.BufferedWriter(new OutputStreamWriter(new NonClosing(zip), StandardCharsets.UTF_8), 1 << 16);
        out.write("<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>");
        out.write(head);
        body.write(out);
        out.write(tail);
        out.flush();
        zip.closeEntry();
    }

    private static final class NonClosing extends java.io.FilterOutputStream {
        NonClosing(OutputStream out) {
            super(out);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            out.write(b, off, len);
        }

        @Override
        public void close() {
        }
    }
}
