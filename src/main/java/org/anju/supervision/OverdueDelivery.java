package org.anju.supervision;

import java.time.LocalDate;

/**
 * 逾期交付: a project past the delivery date its contract or plan promised, not delivered at the month's end.
 *
 * @param where how the 通报 names the unit before the project: its name, or nothing for 市本级 (seed 004 writes
 *              "市二院人才房108套") and for a project whose name says it already
 */
public record OverdueDelivery(String regionCode, String regionName, long projectId, String name, String size,
                              LocalDate dueOn, String where) {

    /** 市二院人才房（市发投集团）108套，合同约定2022年10月1日前交付使用 */
    public String text() {
        return where + name + size + "，合同约定" + dueOn.getYear() + "年" + dueOn.getMonthValue() + "月"
                + dueOn.getDayOfMonth() + "日前交付使用";
    }
}
