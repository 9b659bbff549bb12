package org.anju.supervision;

import org.anju.progress.Rates;

import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.List;

/**
 * Units ranked by one rate. The average is the scope's own rate (its total actual ÷ total target), as bulletins
 * mean "全市平均水平" — or, when some units have not reported, that of the units that did: the scope's own would
 * count their targets without their figures.
 */
public record Ranking(String scopeCode, String scopeName, YearMonth period, String indicatorCode, String indicatorName,
                      String rateName, BigDecimal average, List<RankedUnit> units, List<Unreported> unreported) {

    /**
     * A unit with a target that has not reported the month, or only some of its units have: listed apart, never
     * ranked at 0 or at the rate of a part.
     */
    public record Unreported(String regionCode, String regionName, int reported, int expected) {

        public String statusText() {
            return reported == 0 ? "未报送" : "部分报送 " + reported + "/" + expected;
        }
    }

    public String averageText() {
        return Rates.format(average);
    }

    public List<RankedUnit> belowAverage() {
        return units.stream().filter(RankedUnit::belowAverage).toList();
    }
}
