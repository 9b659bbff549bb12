package org.anju.indicator;

/**
 * What a target counts: a program's stage in a measure, e.g. 保障性租赁住房 · 筹集（开工） · 套.
 *
 * @param exact whether figures are exact counts; otherwise they are printed rounded
 */
public record Indicator(int id, String code, String programCode, String programName, String stageCode,
                        String stageLabel, String measureCode, String measureName, boolean exact, int sortOrder) {

    /**
     * The stages a unit types into its monthly report (补贴发放, 信息录入, 腾退, 资金); every other stage is added up from
     * its project register. A unit that reported the month and has no figure of a register stage has 0 (no project
     * reached it); one that left a typed item blank said nothing about it: that is 未填, never 0.
     */
    public static final java.util.Set<String> ENTERED_STAGES = java.util.Set.of("ISSUE", "ISSUE_ONLINE", "NEW_BENEFICIARY",
            "DATA_ENTRY", "VACATE", "FUND_RECEIVED", "FUND_DISBURSED", "FUND_SPENT");

    /** Whether units type this figure into the monthly report ({@link #ENTERED_STAGES}). */
    public boolean entered() {
        return ENTERED_STAGES.contains(stageCode);
    }

    /** The Chinese name used in tables and messages: 保障性租赁住房筹集（开工）（套）. */
    public String displayName() {
        return programName + stageLabel + "（" + measureName + "）";
    }

    static String code(String program, String stage, String measure) {
        return program + "." + stage + "." + measure;
    }
}
