package org.anju.rental.household;

/** 保障方式: what a family qualified for. */
public enum Guarantee {
    /** 实物配租: a public rental dwelling, allocated from the waiting list. */
    PUBLIC_RENTAL("实物配租"),
    /** 租赁补贴: a monthly subsidy towards renting on the market. */
    SUBSIDY("租赁补贴");

    private final String label;

    Guarantee(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
