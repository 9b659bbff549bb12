package org.anju.rental.allocation;

import org.anju.progress.Rates;

import java.math.BigDecimal;
import java.time.YearMonth;

/**
 * A county's waiting and allocation in a month: households waiting at the month's end, households allocated a dwelling
 * in the month, refusals of dwellings offered in the month, and the inputs of 分配率 from the stock at the month's end
 * (已分配 + 已入住 against 可分配 = 空置 + 已分配 + 已入住).
 */
public record AllocationFigures(String regionCode, String regionName, YearMonth period, int waiting, int allocated,
                                int refusals, int stockAllocated, int stockAllocable) {

    /** 分配率 in percent at one decimal; null without an allocable dwelling. */
    public BigDecimal allocationRate() {
        return Rates.rate(BigDecimal.valueOf(stockAllocated), BigDecimal.valueOf(stockAllocable));
    }
}
