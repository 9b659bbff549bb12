package org.anju.supervision;

import java.time.LocalDate;

/** 逾期交付: a project past the delivery date its contract or plan promised, not delivered at the month's end. */
public record OverdueDelivery(String regionCode, String regionName, long projectId, String name, String size,
                              LocalDate dueOn) {

    /** 市二院人才房（市发投集团）108套，合同约定2022年10月1日前交付使用 */
    public String text() {
        // "市本级公租房" names its unit already; "张掖市本级市本级公租房" would not read as a document does
        boolean named = name.startsWith(regionName) || regionName.endsWith("本级") && name.contains("本级");
        return (named ? "" : regionName) + name + size + "，合同约定" + dueOn.getYear() + "年"
                + dueOn.getMonthValue() + "月" + dueOn.getDayOfMonth() + "日前交付使用";
    }
}
