package org.anju.report;

import org.anju.progress.FundSource;

import java.util.ArrayList;
import java.util.List;

/** The figures a unit enters each month besides its projects, in form order. */
public final class ReportItems {

    /** One field of the form. */
    public record Item(String group, String indicatorCode, String source, String label, String measure) {

        /** Stable field name for forms and element ids: RENTAL_SUBSIDY.ISSUE.HOUSEHOLD or HOUSING.FUND_RECEIVED.YUAN_10K@SPECIAL_BOND. */
        public String key() {
            return source.isEmpty() ? indicatorCode : indicatorCode + "@" + source;
        }
    }

    public static final String SUBSIDY = "住房租赁补贴";
    public static final String PUBLIC_RENTAL = "公租房信息系统录入";
    public static final String FUNDS = "保障性安居工程资金";

    public static final String FUND_RECEIVED = "HOUSING.FUND_RECEIVED.YUAN_10K";
    public static final String FUND_DISBURSED = "HOUSING.FUND_DISBURSED.YUAN_10K";
    public static final String FUND_SPENT = "HOUSING.FUND_SPENT.YUAN_10K";

    public static final List<Item> ALL;

    static {
        List<Item> all = new ArrayList<>();
        all.add(new Item(SUBSIDY, "RENTAL_SUBSIDY.ISSUE.HOUSEHOLD", "", "已发放户数", "户"));
        all.add(new Item(SUBSIDY, "RENTAL_SUBSIDY.ISSUE.YUAN_10K", "", "发放金额", "万元"));
        all.add(new Item(SUBSIDY, "RENTAL_SUBSIDY.ISSUE_ONLINE.HOUSEHOLD", "", "其中线上发放户数", "户"));
        all.add(new Item(PUBLIC_RENTAL, "PUBLIC_RENTAL.NEW_BENEFICIARY.HOUSEHOLD", "", "新增保障家庭", "户"));
        all.add(new Item(PUBLIC_RENTAL, "PUBLIC_RENTAL.DATA_ENTRY.HOUSEHOLD", "", "信息录入", "户"));
        all.add(new Item(PUBLIC_RENTAL, "PUBLIC_RENTAL.VACATE.UNIT", "", "核查腾退公租房", "套"));
        for (FundSource s : FundSource.values()) {
            all.add(new Item(FUNDS, FUND_RECEIVED, s.name(), s.label() + "·到位资金", "万元"));
            all.add(new Item(FUNDS, FUND_DISBURSED, s.name(), s.label() + "·拨付", "万元"));
            all.add(new Item(FUNDS, FUND_SPENT, s.name(), s.label() + "·支出", "万元"));
        }
        ALL = List.copyOf(all);
    }

    private ReportItems() {
    }

    public static boolean known(String indicatorCode, String source) {
        return ALL.stream().anyMatch(i -> i.indicatorCode().equals(indicatorCode) && i.source().equals(source));
    }

    public static Item byKey(String key) {
        return ALL.stream().filter(i -> i.key().equals(key)).findFirst().orElse(null);
    }
}
