package org.anju.supervision;

import org.anju.progress.Rates;

import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.List;

/**
 * Units ranked by one rate. The average is the scope's own rate (its total actual ÷ total target), as bulletins
 * mean "全市平均水平" — or, when some units have not reported, that of the units that did: the scope's own would
 * count their targets without their figures (and so would the units that left the item blank).
 */
public record Ranking(String scopeCode, String scopeName, YearMonth period, String indicatorCode, String indicatorName,
                      String rateName, BigDecimal average, List<RankedUnit> units, List<Unreported> unreported) {

    /**
     * A unit with a target that has not reported the month, or only some of its units have, or whose report left the
     * item (or the figure its rate divides by) blank: listed apart, never ranked at 0 or at the rate of a part.
     *
     * @param unfilled how many of its units that reported left it blank ({@link org.anju.progress.ProgressLine#unfilled})
     * @param actual   its figure where it has one (the base of the rate left blank: 拨付 given, 到位资金 not), else null
     * @param ratio    the rate divides by another typed figure (拨付率 by 到位资金), which may be the blank one
     */
    public record Unreported(String regionCode, String regionName, int reported, int expected, int unfilled,
                             BigDecimal actual, boolean ratio) {

        public String statusText() {
            if (reported == 0) {
                return "未报送";
            }
            if (reported < expected) {
                return "部分报送 " + reported + "/" + expected;
            }
            if (actual == null) {
                return unfilled >= reported ? "月报未填该项" : unfilled + "个单位月报未填该项";
            }
            return reported == 1 ? "月报未填该项的基数" : unfilled + "个单位月报未填该项" + (ratio ? "或其基数" : "");
        }

        /** What its rate cell prints: 未报, or 未填 when it reported in full and left the item (or its base) blank. */
        public String cellText() {
            return reported == 0 || reported < expected ? org.anju.progress.ProgressLine.UNREPORTED
                    : org.anju.progress.ProgressLine.UNFILLED;
        }

        /** What its 实际 cell prints: its figure where it has one, else as {@link #cellText()}. */
        public String actualText() {
            return showsActual() ? Rates.figure(actual) : cellText();
        }

        /** Whether its 实际 is its own figure (it reported in full and left only the base blank). */
        public boolean showsActual() {
            return actual != null && reported >= expected;
        }
    }

    public String averageText() {
        return Rates.format(average);
    }

    public List<RankedUnit> belowAverage() {
        return units.stream().filter(RankedUnit::belowAverage).toList();
    }
}
