package org.anju.ledger.expropriation;

/** 被征收房屋用途 as the 调查登记 records it: rewards and fees differ for 住宅 and 非住宅. */
public enum HouseUse {
    RESIDENTIAL("住宅"), NON_RESIDENTIAL("非住宅");

    private final String label;

    HouseUse(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** By its label or name; null when neither. */
    public static HouseUse parse(String text) {
        for (HouseUse u : values()) {
            if (u.label.equals(text) || u.name().equals(text)) {
                return u;
            }
        }
        return null;
    }
}
