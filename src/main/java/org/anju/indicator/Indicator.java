package org.anju.indicator;

/**
 * What a target counts: a program's stage in a measure, e.g. 保障性租赁住房 · 筹集（开工） · 套.
 *
 * @param exact whether figures are exact counts; otherwise they are printed rounded
 */
public record Indicator(int id, String code, String programCode, String programName, String stageCode,
                        String stageLabel, String measureCode, String measureName, boolean exact, int sortOrder) {

    /** The Chinese name used in tables and messages: 保障性租赁住房筹集（开工）（套）. */
    public String displayName() {
        return programName + stageLabel + "（" + measureName + "）";
    }

    static String code(String program, String stage, String measure) {
        return program + "." + stage + "." + measure;
    }
}
