package org.anju.privacy;

import org.anju.platform.BadInput;
import org.anju.platform.Numbers;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * A sum of money in 元 with two decimals, such as a household's yearly income: read by the one number reader
 * ({@link Numbers}: spaces, full-width digits, thousands separators in groups of three), not negative, at most
 * 100,000,000 元 — an income beyond that is a typing error (a figure in 分, an extra zero), not a household.
 * {@link #toString()} is masked.
 *
 * @param yuan the amount, scale 2
 */
public record Amount(BigDecimal yuan) implements PersonalValue {

    private static final BigDecimal MAX = new BigDecimal("100000000.00");

    public Amount {
        yuan = check("金额", yuan);
    }

    public static Amount parse(String text) {
        return parse("金额", text);
    }

    /**
     * @param label the field as the form names it (家庭年收入), for the refusal
     * @throws BadInput naming the field: blank, not a number, negative, more than two decimals, beyond 1 亿元
     */
    public static Amount parse(String label, String text) {
        // the reader's own refusals quote the text; a refusal here names the field only, like the other values
        return switch (Numbers.read(text)) {
            case Numbers.Blank b -> throw new BadInput(label + "不能为空");
            case Numbers.Bad bad -> throw new BadInput(bad.reason().startsWith("不能为负数") ? label + "不能为负数"
                    : label + "不是数字：请填写以元为单位的金额，如 36500 或 36,500.50");
            case Numbers.Value v -> new Amount(check(label, v.value()));
        };
    }

    private static BigDecimal check(String label, BigDecimal v) {
        if (v == null) {
            throw new BadInput(label + "不能为空");
        }
        if (v.signum() < 0) {
            throw new BadInput(label + "不能为负数");
        }
        if (v.stripTrailingZeros().scale() > 2) {
            throw new BadInput(label + "以元为单位，最多两位小数（到分）");
        }
        if (v.compareTo(MAX) > 0) {
            throw new BadInput(label + "超出合理范围（不超过 1 亿元），请核对单位是否为元");
        }
        return v.setScale(2, RoundingMode.UNNECESSARY);
    }

    @Override
    public PersonalField field() {
        return PersonalField.INCOME;
    }

    /** Plain digits with two decimals: {@code 36500.00}. */
    @Override
    public String normalized() {
        return yuan.toPlainString();
    }

    @Override
    public String toString() {
        return masked();
    }
}
