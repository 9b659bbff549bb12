package org.anju.intake;

import org.apache.poi.openxml4j.exceptions.OpenXML4JException;
import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.openxml4j.opc.PackagePart;
import org.apache.poi.openxml4j.opc.PackageRelationship;
import org.apache.poi.openxml4j.opc.PackageRelationshipCollection;
import org.apache.poi.ss.usermodel.FormulaError;
import org.apache.poi.util.XMLHelper;
import org.apache.poi.xssf.eventusermodel.XSSFReader;
import org.apache.poi.xssf.usermodel.XSSFRelation;
import org.xml.sax.SAXException;
import org.xml.sax.helpers.DefaultHandler;

import javax.xml.parsers.ParserConfigurationException;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;

/**
 * An XLSX read part by part with SAX ({@link XlsxHandlers}), never as POI's object model, under
 * {@link SpreadsheetLimits}: memory grows with the cells kept (bounded), not with the file.
 * Produces what {@link SpreadsheetParser} produces from the same workbook, except for formulas:
 * a formula's cached value is taken as it is, so a workbook with formulas is only measured here
 * ({@link Result#firstFormula()}, {@link Result#loadedCells()}) and then read by
 * {@link SpreadsheetParser}, which recomputes them.
 */
final class XlsxStream {

    private static final String WORKSHEET = XSSFRelation.WORKSHEET.getContentType();
    private static final String DIALOGSHEET = "application/vnd.openxmlformats-officedocument.spreadsheetml.dialogsheet+xml";

    /** A cell, 0-based, on a named sheet. */
    record CellAt(String sheet, int row, int column) {
    }

    /**
     * @param sheets       the visible worksheets, formulas as their cached values
     * @param problems     error cells (as {@link SpreadsheetParser} words them for non-formula cells)
     * @param firstFormula the first formula cell of a visible sheet, null when there is none
     * @param loadedCells  when there are formulas: every cell element of every worksheet plus the
     *                     shared strings, what loading the workbook would cost; else 0
     */
    record Result(List<SourceSheet> sheets, List<InputProblem> problems, CellAt firstFormula, long loadedCells) {
    }

    private XlsxStream() {
    }

    static Result read(String file, byte[] content, SpreadsheetLimits limits)
            throws IOException, OpenXML4JException, SAXException, ParserConfigurationException {
        OPCPackage pkg = OPCPackage.open(new GuardedZip(content));
        try {
            return read(file, new Reader(pkg).workbook(), limits);
        } finally {
            pkg.revert(); // read only: never write the package back
        }
    }

    /** Exposes the workbook part, to follow its relationships. */
    private static final class Reader extends XSSFReader {
        Reader(OPCPackage pkg) throws IOException, OpenXML4JException {
            super(pkg);
        }

        PackagePart workbook() {
            return workbookPart;
        }
    }

    private static Result read(String file, PackagePart workbook, SpreadsheetLimits limits)
            throws IOException, OpenXML4JException, SAXException, ParserConfigurationException {
        XlsxHandlers.Workbook book = new XlsxHandlers.Workbook();
        try (InputStream in = workbook.getInputStream()) {
            parse(in, book);
        }
        XlsxHandlers.Styles styles = new XlsxHandlers.Styles();
        PackagePart stylesPart = related(workbook, XSSFRelation.STYLES.getRelation());
        if (stylesPart != null) {
            try (InputStream in = stylesPart.getInputStream()) {
                parse(in, styles);
            }
        }
        XlsxHandlers.SharedStrings strings = new XlsxHandlers.SharedStrings(limits);
        PackagePart stringsPart = related(workbook, XSSFRelation.SHARED_STRINGS.getRelation());
        if (stringsPart != null) {
            try (InputStream in = stringsPart.getInputStream()) {
                parse(in, strings);
            }
        }
        XlsxHandlers.Cells cells = new XlsxHandlers.Cells(strings.strings(), styles, book.date1904(), limits);
        List<SourceSheet> sheets = new ArrayList<>();
        List<InputProblem> problems = new ArrayList<>();
        List<PackagePart> hidden = new ArrayList<>();
        for (XlsxHandlers.SheetRef ref : book.sheets()) {
            PackagePart part = sheetPart(workbook, ref.relationId());
            if (part == null) {
                continue; // a chart sheet, or a sheet the package does not hold (POI skips it too)
            }
            if (!ref.visible()) {
                hidden.add(part);
                continue;
            }
            SheetRows rows = new SheetRows(file, ref.name(), limits);
            try (InputStream in = part.getInputStream()) {
                parse(in, new XlsxHandlers.Sheet(ref.name(), rows, cells));
            }
            sheets.add(new SourceSheet(ref.name(), rows.finish(problems)));
        }
        long loaded = 0;
        if (cells.firstFormula() != null) {
            loaded = cells.physicalCells() + strings.strings().size();
            for (PackagePart part : hidden) {
                XlsxHandlers.CellCount count = new XlsxHandlers.CellCount();
                try (InputStream in = part.getInputStream()) {
                    parse(in, count);
                }
                loaded += count.cells();
            }
        }
        return new Result(sheets, problems, cells.firstFormula(), loaded);
    }

    private static PackagePart related(PackagePart workbook, String relationType) throws OpenXML4JException {
        PackageRelationshipCollection found = workbook.getRelationshipsByType(relationType);
        return found.isEmpty() ? null : workbook.getRelatedPart(found.getRelationship(0));
    }

    private static PackagePart sheetPart(PackagePart workbook, String relationId) throws OpenXML4JException {
        PackageRelationship relationship = relationId == null ? null : workbook.getRelationship(relationId);
        if (relationship == null) {
            return null;
        }
        PackagePart part;
        try {
            part = workbook.getRelatedPart(relationship);
        } catch (IllegalArgumentException e) {
            return null;
        }
        if (part == null) {
            return null;
        }
        String type = part.getContentType();
        return WORKSHEET.equals(type) || DIALOGSHEET.equals(type) ? part : null;
    }

    /** POI's XML reader: secure processing, no DOCTYPE (so no external entities), namespace aware. */
    private static void parse(InputStream in, DefaultHandler handler)
            throws IOException, SAXException, ParserConfigurationException {
        var reader = XMLHelper.newXMLReader();
        reader.setContentHandler(handler);
        reader.parse(new org.xml.sax.InputSource(in));
    }

    /** "#N/A" for the code of an error cell; a code POI does not know makes the file unreadable, as before. */
    static String errorText(String code) {
        if (code == null) {
            return FormulaError.forInt(0).getString();
        }
        try {
            return FormulaError.forString(code).getString();
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("Unexpected error code", e);
        }
    }
}
