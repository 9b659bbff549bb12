package org.anju.privacy;

import org.anju.platform.BadInput;

import java.text.Normalizer;

/**
 * A bank account number (银行账号, a debit card's 卡号 or a 存折 account) a subsidy is paid into: digits only, 12 to 30
 * of them (cards have 16–19; 存折 and older accounts other lengths, so no card check digit is asked for). Read as typed —
 * spaces, dashes and full-width digits — and kept as the digits. {@link #toString()} is masked ({@code ****1234}).
 */
public record BankAccount(String number) implements PersonalValue {

    public static final int MIN_DIGITS = 12;
    public static final int MAX_DIGITS = 30;

    public BankAccount {
        if (number == null || number.length() < MIN_DIGITS || number.length() > MAX_DIGITS
                || !number.chars().allMatch(c -> c >= '0' && c <= '9')) {
            throw new BadInput("银行账号应为 " + MIN_DIGITS + "–" + MAX_DIGITS + " 位数字");
        }
    }

    /**
     * Reads an account number as typed.
     *
     * @param label the field as the form names it, for the refusal (which never echoes the number)
     * @throws BadInput naming the field and what is wrong
     */
    public static BankAccount parse(String label, String text) {
        String t = text == null ? "" : Normalizer.normalize(text, Normalizer.Form.NFKC);
        StringBuilder digits = new StringBuilder();
        for (int i = 0; i < t.length(); i++) {
            char c = t.charAt(i);
            if (c >= '0' && c <= '9') {
                digits.append(c);
            } else if (!(Character.isWhitespace(c) || Character.isSpaceChar(c) || c == '-')) {
                throw new BadInput(label + "只能包含数字（可用空格或连字符分隔）");
            }
        }
        if (digits.isEmpty()) {
            throw new BadInput(label + "不能为空");
        }
        if (digits.length() < MIN_DIGITS || digits.length() > MAX_DIGITS) {
            throw new BadInput(label + "应为 " + MIN_DIGITS + "–" + MAX_DIGITS + " 位数字（银行卡一般为 16–19 位），现为 "
                    + digits.length() + " 位");
        }
        return new BankAccount(digits.toString());
    }

    @Override
    public PersonalField field() {
        return PersonalField.BANK_ACCOUNT;
    }

    @Override
    public String normalized() {
        return number;
    }

    @Override
    public String toString() {
        return masked();
    }
}
