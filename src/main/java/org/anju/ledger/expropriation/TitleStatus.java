package org.anju.ledger.expropriation;

/** Whether the house is registered (合法, with a 证号) or not (未登记: to be 认定 before compensation, Art.24). */
public enum TitleStatus {
    REGISTERED("合法"), UNREGISTERED("未登记");

    private final String label;

    TitleStatus(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    public static TitleStatus parse(String text) {
        for (TitleStatus s : values()) {
            if (s.label.equals(text) || s.name().equals(text)) {
                return s;
            }
        }
        return null;
    }
}
