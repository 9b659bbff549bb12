package org.anju.rental.allocation;

import org.anju.account.Access;
import org.anju.platform.BadInput;
import org.anju.platform.NotFound;
import org.anju.region.Region;
import org.anju.region.RegionKind;
import org.anju.region.Regions;
import org.anju.rental.stock.Stock;
import org.anju.rental.stock.StockCounts;
import org.anju.rental.waiting.WaitingList;
import org.springframework.stereotype.Service;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Optional;

/**
 * 配租记录: which dwelling a household was allocated in which round, and a county's monthly figures of waiting and
 * allocation. The lease is signed from {@link #current}. Checks access itself (reading the household's or county's
 * region).
 */
@Service
public class Allocations {

    private final RoundRepository repository;
    private final WaitingList waiting;
    private final Stock stock;
    private final Regions regions;
    private final Access access;

    Allocations(RoundRepository repository, WaitingList waiting, Stock stock, Regions regions, Access access) {
        this.repository = repository;
        this.waiting = waiting;
        this.stock = stock;
        this.regions = regions;
        this.access = access;
    }

    /**
     * The allocation in force of a household (chosen in a round, not cancelled), if any.
     *
     * @throws NotFound when there is no such household
     */
    public Optional<Allocation> current(long householdId) {
        int regionId = repository.householdRegion(householdId)
                .orElseThrow(() -> new NotFound("保障家庭不存在：" + householdId));
        access.checkRead(regions.byId(regionId));
        return repository.currentAllocation(householdId).map(a -> new Allocation(a.id(), a.householdId(), a.dwellingId(),
                stock.dwelling(a.dwellingId()).label(), a.roundId(), a.roundName(), regions.byId(a.countyId()).code(),
                a.allocatedOn(), a.number()));
    }

    /**
     * Ends the allocation in force of a dwelling when its household moves out (腾退), so that the dwelling can be allocated
     * again in a later round. The caller (the lease) has checked the office; reading the dwelling checks its county.
     */
    public void end(long dwellingId, java.time.LocalDate on) {
        stock.dwelling(dwellingId);
        repository.endAllocation(dwellingId, on);
    }

    /** The allocation in force of a dwelling, if any (reading the dwelling checks access to its county). */
    public Optional<Allocation> ofDwelling(long dwellingId) {
        String label = stock.dwelling(dwellingId).label();
        return repository.currentAllocationOfDwelling(dwellingId).map(a -> new Allocation(a.id(), a.householdId(),
                a.dwellingId(), label, a.roundId(), a.roundName(), regions.byId(a.countyId()).code(), a.allocatedOn(),
                a.number()));
    }

    /**
     * A county's figures for a month: households waiting at the month's end, allocated and refusals in the month, and
     * the stock's allocated (已分配 + 已入住) and allocable (空置 + 已分配 + 已入住) dwellings at the month's end.
     */
    public AllocationFigures figures(String countyCode, YearMonth month) {
        Region county = regions.byCode(countyCode == null ? "" : countyCode.strip())
                .orElseThrow(() -> new BadInput("没有编码为 " + countyCode + " 的地区"));
        access.checkRead(county);
        if (county.kind() != RegionKind.COUNTY && county.kind() != RegionKind.DEV_ZONE && county.kind() != RegionKind.CITY_LEVEL) {
            throw new BadInput(county.name() + "不是区县：轮候与配租按区县统计");
        }
        if (month == null) {
            throw new BadInput("缺少月份（如 2025-03）");
        }
        LocalDate first = month.atDay(1);
        LocalDate last = month.atEndOfMonth();
        StockCounts s = stock.counts(county.code(), month);
        return new AllocationFigures(county.code(), county.name(), month, waiting.waitingOn(county, last),
                repository.allocatedIn(county.id(), first, last), repository.refusalsIn(county.id(), first, last),
                s.allocated() + s.occupied(), s.allocable());
    }
}
