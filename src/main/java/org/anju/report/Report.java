package org.anju.report;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.util.List;

/**
 * A reporting unit's report for a month. {@code id} is null for a month not yet started (an empty draft).
 *
 * @param version  optimistic lock: every change must pass the version it read
 * @param flags    plausibility warnings found at the last save (a cumulative figure that fell …)
 * @param onTime   whether it was first submitted by the deadline; null while not submitted
 */
public record Report(Long id, String regionCode, String regionName, YearMonth period, ReportStatus status, int version,
                     LocalDate deadline, OffsetDateTime submittedAt, String submittedBy, OffsetDateTime reviewedAt,
                     String reviewedBy, String returnReason, List<ReportValue> values, List<String> flags,
                     List<ReportEvent> events, Boolean onTime) {

    public BigDecimal value(String indicatorCode, String source) {
        String s = source == null ? "" : source;
        return values.stream().filter(v -> v.indicatorCode().equals(indicatorCode) && v.source().equals(s))
                .map(ReportValue::value).findFirst().orElse(null);
    }

    /** All sources added. */
    public BigDecimal total(String indicatorCode) {
        return values.stream().filter(v -> v.indicatorCode().equals(indicatorCode)).map(ReportValue::value)
                .reduce(BigDecimal::add).orElse(null);
    }
}
