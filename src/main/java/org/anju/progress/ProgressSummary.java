package org.anju.progress;

import java.time.YearMonth;
import java.util.List;
import java.util.Optional;

/** A region's roll-up for a month: every indicator with its actual, target and rate. */
public record ProgressSummary(String regionCode, String regionName, YearMonth period, List<ProgressLine> lines) {

    public Optional<ProgressLine> line(String indicatorCode) {
        return lines.stream().filter(l -> l.indicatorCode().equals(indicatorCode)).findFirst();
    }

    public java.math.BigDecimal actual(String indicatorCode) {
        return line(indicatorCode).map(ProgressLine::actual).orElse(null);
    }

    public java.math.BigDecimal target(String indicatorCode) {
        return line(indicatorCode).map(ProgressLine::target).orElse(null);
    }

    public java.math.BigDecimal rate(String indicatorCode) {
        return line(indicatorCode).map(ProgressLine::rate).orElse(null);
    }
}
