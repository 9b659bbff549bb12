package org.anju.rental.lease;

import java.util.Arrays;
import java.util.Optional;

/** How rent was paid. */
public enum PaymentChannel {
    BANK_DEBIT("银行代扣"),
    TRANSFER("银行转账"),
    ONLINE("线上缴费"),
    CASH("现金");

    private final String label;

    PaymentChannel(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    public static Optional<PaymentChannel> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        String t = text.strip();
        return Arrays.stream(values()).filter(c -> c.name().equalsIgnoreCase(t) || c.label.equals(t)).findFirst();
    }

    public static String choices() {
        return String.join("、", Arrays.stream(values()).map(c -> c.label + "（" + c.name() + "）").toList());
    }
}
