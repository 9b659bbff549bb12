package org.anju.ledger.expropriation;

/** 补偿方式 (Art.21): the owner chooses money or a flat in exchange (产权调换, the difference settled). */
public enum Option {
    MONEY("货币补偿"), SWAP("产权调换");

    private final String label;

    Option(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** By its label or name; null when neither. */
    public static Option parse(String text) {
        for (Option o : values()) {
            if (o.label.equals(text) || o.name().equals(text)) {
                return o;
            }
        }
        return null;
    }
}
