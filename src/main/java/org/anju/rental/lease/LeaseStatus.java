package org.anju.rental.lease;

/** Where a lease stands (OPERATIONS.md §4.3). */
public enum LeaseStatus {
    /** 已签约: signed, the household has not moved in. */
    SIGNED("已签约未入住"),
    /** 在租: moved in. */
    ACTIVE("在租"),
    /** 退出中: an exit is decided or applied for; the household has not moved out (搬迁期, 逾期). */
    EXITING("退出中"),
    /** 已退租: moved out, the dwelling vacated. */
    ENDED("已退租"),
    /** 已续签: followed by a new lease for the same dwelling. */
    RENEWED("已续签");

    private final String label;

    LeaseStatus(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** In force: the household holds the dwelling under it. */
    public boolean open() {
        return this == SIGNED || this == ACTIVE || this == EXITING;
    }
}
