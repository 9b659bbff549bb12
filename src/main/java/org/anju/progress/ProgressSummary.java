package org.anju.progress;

import java.time.YearMonth;
import java.util.List;
import java.util.Optional;

/**
 * A region's roll-up for a month: every indicator with its actual, target and rate.
 *
 * @param reported how many reporting units of the region have the month in the sums (submitted, approved, locked)
 * @param expected how many reporting units the region has (县级, 开发区, 市本级)
 */
public record ProgressSummary(String regionCode, String regionName, YearMonth period, List<ProgressLine> lines,
                              int reported, int expected) {

    /** No unit reported the month: every figure is 未报. */
    public boolean unreported() {
        return reported == 0;
    }

    /** "3/7 报送", or "全部报送"; what a roll-up over some units says of itself. */
    public String reportingText() {
        return reported >= expected ? "全部报送（" + expected + "）" : reported + "/" + expected + " 报送";
    }

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
