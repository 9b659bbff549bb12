package org.anju.plan;

import java.time.YearMonth;
import java.util.List;

/**
 * Progress tables as a document published them (进展情况, 通报's 附件): per unit, targets, what was done by a
 * month and the rates — imported as what they are, figures of a period, never as a plan's targets.
 *
 * @param period  the month the document's figures are "as of" (截至2023年9月末 → 2023-09)
 * @param periods each table's own month, in the order of {@code tables}
 * @param tables  their columns carry their kind (target, actual, rate) and the factor of a printed 万
 */
public record PublishedProgress(Long id, String title, int issuerRegionId, String issuerName, String documentNumber,
                                YearMonth period, String sourceFile, List<BreakdownTable> tables,
                                List<YearMonth> periods) {

    public PublishedProgress {
        tables = List.copyOf(tables);
        periods = List.copyOf(periods);
    }

    /** 住建部 2023-09 进展情况 style: the 文号 if any, else the title. */
    public String label() {
        return documentNumber != null && !documentNumber.isBlank() ? documentNumber : title;
    }
}
