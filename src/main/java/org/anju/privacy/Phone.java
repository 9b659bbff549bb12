package org.anju.privacy;

import org.anju.platform.BadInput;

import java.text.Normalizer;
import java.util.regex.Pattern;

/**
 * A mainland phone number: a mobile (11 digits, 13–19) or a landline with its area code (010 and 02x: three digits;
 * the others four) and a local number of 7 or 8 digits not starting with 0 or 1. Read as typed — spaces, dashes,
 * brackets around the area code, full-width digits, a +86 / 0086 prefix — and kept normalized: {@code 13812345678},
 * {@code 0791-86123456}. Extensions, service numbers (400, 95xxx) and numbers outside the mainland are refused.
 * {@link #toString()} is masked.
 */
public sealed interface Phone extends PersonalValue permits Phone.Mobile, Phone.Landline {

    /** 手机号. */
    record Mobile(String number) implements Phone {
        public Mobile {
            if (number == null || !PhoneRules.MOBILE.matcher(number).matches()) {
                throw new BadInput("手机号应为 11 位数字，以 13–19 开头");
            }
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

    /** 固定电话 with its 区号. */
    record Landline(String areaCode, String local) implements Phone {
        public Landline {
            if (areaCode == null || local == null || !PhoneRules.AREA.matcher(areaCode).matches() || !PhoneRules.LOCAL.matcher(local).matches()) {
                throw new BadInput("固定电话应为区号加 7–8 位号码，如 0791-86123456");
            }
        }

        @Override
        public String normalized() {
            return areaCode + "-" + local;
        }

        @Override
        public String toString() {
            return masked();
        }
    }

    @Override
    default PersonalField field() {
        return PersonalField.PHONE;
    }

    /** Reads a number as typed, refusing it as "联系电话…". */
    static Phone parse(String text) {
        return parse("联系电话", text);
    }

    /**
     * Reads a number as typed.
     *
     * @param label the field as the form names it, for the refusal (which never echoes the number)
     * @throws BadInput naming the field and what is wrong
     */
    static Phone parse(String label, String text) {
        String t = text == null ? "" : Normalizer.normalize(text, Normalizer.Form.NFKC);
        StringBuilder digits = new StringBuilder();
        boolean international = false;
        for (int i = 0; i < t.length(); i++) {
            char c = t.charAt(i);
            if (c >= '0' && c <= '9') {
                digits.append(c);
            } else if (c == '+' && digits.isEmpty()) {
                international = true;
            } else if (!(Character.isWhitespace(c) || Character.isSpaceChar(c) || c == '-' || c == '(' || c == ')'
                    || c == '\u2010' || c == '\u2013' || c == '\u2014')) {
                throw new BadInput(label + "只能包含数字（可有空格、连字符、区号括号），不支持分机号");
            }
        }
        String d = digits.toString();
        if (d.isEmpty()) {
            throw new BadInput(label + "不能为空");
        }
        if (international || d.startsWith("0086")) {
            d = d.startsWith("0086") ? d.substring(4) : d.startsWith("86") ? d.substring(2) : null;
            if (d == null) {
                throw new BadInput(label + "只收中国大陆的号码（+86）");
            }
            if (!d.startsWith("1") && !d.startsWith("0")) {
                d = "0" + d;   // +86 791 … is 0791 …
            }
        } else if (d.length() == 13 && d.startsWith("86") && d.charAt(2) == '1') {
            d = d.substring(2);
        }
        if (d.startsWith("1")) {
            if (!PhoneRules.MOBILE.matcher(d).matches()) {
                throw new BadInput(label + "不是有效的手机号：手机号为 11 位，以 13–19 开头");
            }
            return new Mobile(d);
        }
        if (!d.startsWith("0")) {
            throw new BadInput(label + (d.length() <= 8 ? "是固定电话时须带区号，如 0791-86123456"
                    : "不是有效的电话号码：手机号为 11 位（1 开头），固定电话为区号加 7–8 位号码"));
        }
        int area = d.startsWith("01") || d.startsWith("02") ? 3 : 4;
        if (d.length() < area + 7 || d.length() > area + 8 || !PhoneRules.AREA.matcher(d.substring(0, area)).matches()
                || !PhoneRules.LOCAL.matcher(d.substring(area)).matches()) {
            throw new BadInput(label + "不是有效的固定电话：区号（010、02x 为 3 位，其余 4 位）加 7–8 位号码，如 0791-86123456");
        }
        return new Landline(d.substring(0, area), d.substring(area));
    }
}

/** The patterns of {@link Phone}, kept out of its public interface. */
final class PhoneRules {
    static final Pattern MOBILE = Pattern.compile("1[3-9]\\d{9}");
    static final Pattern AREA = Pattern.compile("010|02\\d|0[3-9]\\d\\d");
    static final Pattern LOCAL = Pattern.compile("[2-9]\\d{6,7}");

    private PhoneRules() {
    }
}
