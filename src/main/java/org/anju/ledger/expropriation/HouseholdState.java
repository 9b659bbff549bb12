package org.anju.ledger.expropriation;

/** Where a 被征收户 stands, derived from its dates: the later step wins (腾空 after a 补偿决定 is 已腾空). */
public enum HouseholdState {
    UNSIGNED("未签约"), SIGNED("已签约"), VACATED("已腾空"), DECIDED("补偿决定"), ENFORCED("强制执行");

    private final String label;

    HouseholdState(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    public static HouseholdState parse(String text) {
        for (HouseholdState s : values()) {
            if (s.label.equals(text) || s.name().equals(text)) {
                return s;
            }
        }
        return null;
    }
}
