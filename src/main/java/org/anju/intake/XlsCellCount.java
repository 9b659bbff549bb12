package org.anju.intake;

import org.apache.poi.hssf.eventusermodel.AbortableHSSFListener;
import org.apache.poi.hssf.eventusermodel.HSSFEventFactory;
import org.apache.poi.hssf.eventusermodel.HSSFRequest;
import org.apache.poi.hssf.record.BlankRecord;
import org.apache.poi.hssf.record.BoolErrRecord;
import org.apache.poi.hssf.record.FormulaRecord;
import org.apache.poi.hssf.record.LabelRecord;
import org.apache.poi.hssf.record.LabelSSTRecord;
import org.apache.poi.hssf.record.MulBlankRecord;
import org.apache.poi.hssf.record.MulRKRecord;
import org.apache.poi.hssf.record.NumberRecord;
import org.apache.poi.hssf.record.RKRecord;
import org.apache.poi.hssf.record.Record;
import org.apache.poi.hssf.record.SSTRecord;
import org.apache.poi.hssf.eventusermodel.HSSFUserException;
import org.apache.poi.poifs.filesystem.POIFSFileSystem;

import java.io.ByteArrayInputStream;
import java.io.IOException;

/**
 * How many cells (every cell record, blank ones included, in every sheet) and distinct shared
 * strings an XLS holds, read record by record with POI's event API before the workbook is loaded
 * whole into POI's object model: reading stops as soon as the count passes {@code limit}.
 */
final class XlsCellCount {

    private XlsCellCount() {
    }

    /** The count, or a number above {@code limit} as soon as it is passed. */
    static long count(byte[] content, long limit) throws IOException {
        long[] count = {0};
        AbortableHSSFListener listener = new AbortableHSSFListener() {
            @Override
            public short abortableProcessRecord(Record record) {
                count[0] += switch (record) {
                    case MulRKRecord mulRk -> mulRk.getNumColumns();
                    case MulBlankRecord mulBlank -> mulBlank.getNumColumns();
                    case SSTRecord sst -> sst.getNumUniqueStrings();
                    case NumberRecord ignored -> 1;
                    case LabelSSTRecord ignored -> 1;
                    case LabelRecord ignored -> 1;
                    case RKRecord ignored -> 1;
                    case BoolErrRecord ignored -> 1;
                    case FormulaRecord ignored -> 1;
                    case BlankRecord ignored -> 1;
                    default -> 0;
                };
                return (short) (count[0] > limit ? 1 : 0);
            }
        };
        HSSFRequest request = new HSSFRequest();
        request.addListenerForAllRecords(listener);
        try (POIFSFileSystem fs = new POIFSFileSystem(new ByteArrayInputStream(content))) {
            new HSSFEventFactory().abortableProcessWorkbookEvents(request, fs);
        } catch (HSSFUserException e) {
            throw new IOException(e);
        }
        return count[0];
    }
}
