package org.anju.progress;

import org.anju.region.Region;

import java.time.YearMonth;
import java.util.List;

/**
 * Figures a feature computes from its own operational records (公租房 households, stock, leases, subsidy rolls) for a
 * reporting unit and month, offered on the unit's monthly report beside what it types: the reporter confirms a figure
 * by adopting it, and a typed figure that differs is flagged. Implemented by the features that keep such records; the
 * report module asks every implementation.
 */
public interface RecordedFigures {

    /**
     * The figures of {@code unit} for {@code period}, cumulative from January like report values. Only what the records
     * can answer: a unit that keeps no records of a kind gets no figure for it (未报), never a 0. The caller has checked
     * that the actor may read the unit.
     */
    List<RecordedFigure> figures(Region unit, YearMonth period);

    /**
     * The allocation and occupancy of the unit's 公租房 stock at the month's end, when it keeps its stock here; empty
     * otherwise (the bulletin then says nothing of it, rather than 0 %).
     */
    default java.util.Optional<Occupancy> occupancy(Region unit, YearMonth period) {
        return java.util.Optional.empty();
    }

    /**
     * @param allocable dwellings that can be let (not withdrawn, not under repair)
     * @param allocated of those, allocated or occupied
     * @param occupied  of those, occupied
     */
    record Occupancy(int allocable, int allocated, int occupied) {

        /** 分配率: allocated ÷ allocable, percent at one decimal; null without an allocable dwelling. */
        public java.math.BigDecimal allocationRate() {
            return Rates.rate(java.math.BigDecimal.valueOf(allocated), java.math.BigDecimal.valueOf(allocable));
        }

        /** 入住率: occupied ÷ allocable. */
        public java.math.BigDecimal occupancyRate() {
            return Rates.rate(java.math.BigDecimal.valueOf(occupied), java.math.BigDecimal.valueOf(allocable));
        }
    }

    /**
     * @param indicatorCode the report's indicator (PUBLIC_RENTAL.VACATE.UNIT …)
     * @param source        a fund source, "" for none
     * @param basis         what was counted, in words the reporter can check (房源台账：本年腾退 3 套)
     */
    record RecordedFigure(String indicatorCode, String source, java.math.BigDecimal value, String basis) {

        public RecordedFigure {
            source = source == null ? "" : source;
        }

        public String key() {
            return source.isEmpty() ? indicatorCode : indicatorCode + "@" + source;
        }
    }
}
