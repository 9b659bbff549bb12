package org.anju.report;

import java.math.BigDecimal;

/**
 * One entered figure, cumulative from January of the report's year.
 *
 * @param source a fund source ({@code CENTRAL_SUBSIDY} …) for funds, "" or null otherwise
 */
public record ReportValue(String indicatorCode, String source, BigDecimal value) {

    public ReportValue {
        source = source == null ? "" : source;
    }
}
