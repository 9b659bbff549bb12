package org.anju.ledger.identification;

/**
 * The positive facts of a project; null is 未报 (not stated), never 0.
 *
 * @param contiguousHouseholds households of the largest contiguous (集中成片) area
 * @param appraisal            危险房屋鉴定等级 A/B/C/D (JGJ 125-2016), or NONE (未鉴定)
 * @param appraisalReport      鉴定报告编号 and agency
 */
public record Facts(AreaType type, Integer households, Integer contiguousHouseholds, Integer builtYear, Grade appraisal,
                    String appraisalReport, String note) {

    public static final Facts NONE = new Facts(null, null, null, null, null, null, null);

    /** 危险房屋鉴定等级 (JGJ 125-2016 §6.1.4), or not appraised. */
    public enum Grade {
        A("A级"), B("B级"), C("C级（局部危房）"), D("D级（整幢危房）"), NONE("未鉴定");

        private final String label;

        Grade(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }
}
