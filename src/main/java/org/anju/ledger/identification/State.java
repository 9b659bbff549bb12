package org.anju.ledger.identification;

/** Where an identification stands: 草稿 → 已提交 → 已认定 | 不予认定 | 退回补充 (→ 已提交 again). */
public enum State {
    DRAFT("草稿"),
    SUBMITTED("已提交"),
    APPROVED("已认定"),
    REFUSED("不予认定"),
    RETURNED("退回补充");

    private final String label;

    State(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** Whether the county may still change answers, facts and evidence. */
    public boolean editable() {
        return this == DRAFT || this == RETURNED;
    }
}
