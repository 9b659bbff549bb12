package org.anju.rental.subsidy;

import java.util.Arrays;
import java.util.Optional;

/** What the bank did with a line. */
public enum PayStatus {
    PAID("已发放", "成功"),
    FAILED("发放失败", "失败");

    private final String label;
    private final String bankWord;

    PayStatus(String label, String bankWord) {
        this.label = label;
        this.bankWord = bankWord;
    }

    public String label() {
        return label;
    }

    /** As a bank's return sheet words it (成功, 失败; also 已发放, 发放失败). */
    static Optional<PayStatus> parse(String text) {
        String t = text == null ? "" : text.strip();
        return Arrays.stream(values()).filter(s -> s.name().equals(t) || s.label.equals(t) || s.bankWord.equals(t)
                || (s.bankWord + "发放").equals(t) || ("发放" + s.bankWord).equals(t)).findFirst();
    }
}
