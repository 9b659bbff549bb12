package org.anju.rental.stock;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * One dwelling (套): where it is (estate, building, 单元, 房号, floor, address), its size (建筑/使用面积, 户型 and the
 * rooms read from it), its rent standard with its unit (never one without the other), its status — since the day of the
 * step that set it; {@code statusOn} null for the status given at entry or import, whose start nobody told us — and the
 * day it was entered (录入日期).
 */
public record Dwelling(Long id, long estateId, String estateName, String regionCode, String building, String entrance,
                       String roomNo, String address, Integer floor, BigDecimal floorArea, BigDecimal usableArea,
                       String layout, Integer rooms, BigDecimal rent, RentUnit rentUnit, StockStatus status,
                       LocalDate statusOn, LocalDate enteredOn, int version) {

    /**
     * The earliest day a status step may take effect: the last step's, or the day the dwelling was entered — what it
     * was before is not recorded here, and the month-end counts read its status from the entry on.
     */
    public LocalDate changeableFrom() {
        return statusOn != null ? statusOn : enteredOn;
    }

    /** 阳光小区 1号楼 1单元 501. */
    public String label() {
        return StockKeys.label(estateName == null ? "" : estateName, building, entrance, roomNo);
    }

    /** The rent with its unit, "12 元/㎡/月"; "" without a rent. */
    public String rentText() {
        return rent == null ? "" : org.anju.progress.Rates.figure(rent) + " " + rentUnit.label();
    }
}
