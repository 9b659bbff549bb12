package org.anju.rental.stock;

import org.anju.progress.Rates;

import java.math.BigDecimal;
import java.time.YearMonth;

/**
 * A region's stock at the end of a month (its subtree summed). 房源总数 is every dwelling not withdrawn; the
 * allocable ones (可分配) are those not withdrawn and not under repair; 分配率 = (已分配 + 已入住) ÷ 可分配,
 * 入住率 = 已入住 ÷ 可分配. 录入率 = dwellings entered ÷ the historic total set for the region: without a total it is
 * 未报 ({@code historicTotal} null), never 0 %.
 *
 * @param totalsKnown how many of the units below that hold stock or need a total have one (for the note "3/6 已定基数")
 */
public record StockCounts(String regionCode, String regionName, YearMonth period, int total, int vacant, int allocated,
                          int occupied, int repair, int withdrawn, int entered, Integer historicTotal,
                          int totalsKnown, int totalsExpected) {

    public int allocable() {
        return vacant + allocated + occupied;
    }

    /** (已分配 + 已入住) ÷ 可分配, percent at one decimal; null without an allocable dwelling. */
    public BigDecimal allocationRate() {
        return Rates.rate(BigDecimal.valueOf(allocated + occupied), BigDecimal.valueOf(allocable()));
    }

    /** 已入住 ÷ 可分配. */
    public BigDecimal occupancyRate() {
        return Rates.rate(BigDecimal.valueOf(occupied), BigDecimal.valueOf(allocable()));
    }

    /** 已录入 ÷ 历年房源基数; null when the base is not set (未报) or is 0. */
    public BigDecimal entryRate() {
        return historicTotal == null ? null : Rates.rate(BigDecimal.valueOf(entered), BigDecimal.valueOf(historicTotal));
    }

    /** What the page prints for 录入率: 79.7%, 未报 (no base set), — (base 0). */
    public String entryRateText() {
        return historicTotal == null ? "未报" : Rates.format(entryRate());
    }
}
