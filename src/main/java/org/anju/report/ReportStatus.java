package org.anju.report;

/** Where a unit's month stands. Only SUBMITTED, APPROVED and LOCKED months count in the roll-ups. */
public enum ReportStatus {
    DRAFT("草稿"),
    SUBMITTED("已上报"),
    RETURNED("已退回"),
    APPROVED("已审核"),
    LOCKED("已锁定");

    private final String label;

    ReportStatus(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** Whether the unit may still change its figures: what the workflow table allows a save from. */
    public boolean editable() {
        return ReportStep.SAVE.allowedFrom(this);
    }

    public boolean counted() {
        return this == SUBMITTED || this == APPROVED || this == LOCKED;
    }
}
