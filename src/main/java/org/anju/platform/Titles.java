package org.anju.platform;

import java.time.YearMonth;

/** The words a table's title and unit line are made of, as official tables print them. */
public final class Titles {

    private Titles() {
    }

    /** 2025年1—10月 (a year to date), 2025年1月 for January. */
    public static String yearToDate(YearMonth period) {
        return period.getMonthValue() == 1 ? period.getYear() + "年1月"
                : period.getYear() + "年1—" + period.getMonthValue() + "月";
    }

    /** 2025年10月. */
    public static String month(YearMonth period) {
        return period.getYear() + "年" + period.getMonthValue() + "月";
    }

    /** 2025年3月2日, the official way of writing a date; "" for none. */
    public static String date(java.time.LocalDate d) {
        return d == null ? "" : d.getYear() + "年" + d.getMonthValue() + "月" + d.getDayOfMonth() + "日";
    }

    /** 填报单位：赣州市　截止日期：2025年10月31日. */
    public static String unitLine(String regionName, YearMonth period) {
        return "填报单位：" + regionName + "　截止日期：" + date(period.atEndOfMonth());
    }
}
