package org.anju.supervision;

import org.anju.progress.Rates;

import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.List;

/**
 * Units ranked by one rate. The average is the scope's own rate (its total actual ÷ total target),
 * as bulletins mean "全市平均水平".
 */
public record Ranking(String scopeCode, String scopeName, YearMonth period, String indicatorCode, String indicatorName,
                      String rateName, BigDecimal average, List<RankedUnit> units) {

    public String averageText() {
        return Rates.format(average);
    }

    public List<RankedUnit> belowAverage() {
        return units.stream().filter(RankedUnit::belowAverage).toList();
    }
}
