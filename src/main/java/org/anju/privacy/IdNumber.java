package org.anju.privacy;

import org.anju.platform.BadInput;
import org.anju.platform.ChinaTime;

import java.text.Normalizer;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.Period;
import java.util.Set;

/**
 * A 居民身份证号 by GB 11643-1999 (公民身份号码): six digits of the 户籍 region at issue, eight of the birth date
 * (yyyyMMdd), three of sequence (odd for men, even for women), one check character (ISO 7064 MOD 11-2: 0–9 or X).
 * The 港澳台居民居住证 numbers (810000, 820000, 830000) follow the same standard and are accepted.
 *
 * <p>Fifteen-digit numbers (the first-generation card) are refused: that card stopped being valid on 2013-01-01
 * (公安部公告, 第一代居民身份证停止使用), so an applicant today holds an 18-digit number and is asked for it; converting
 * would only guess it. The 外国人永久居留身份证 (a different structure) is not an {@code IdNumber}.
 *
 * <p>Read with {@link #parse(String, String)}, which names the field in its refusal ("共同申请人身份证号…") and never
 * echoes the number. {@link #toString()} is masked.
 *
 * @param value the normalized number: 18 characters, digits and a final digit or upper-case X
 */
public record IdNumber(String value) implements PersonalValue {

    /** 性别 as the 17th digit states it. */
    public enum Sex {
        MALE("男"), FEMALE("女");

        private final String label;

        Sex(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    private static final int[] WEIGHTS = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
    private static final String CHECK = "10X98765432";
    /** 省级行政区划代码 (GB/T 2260) and 港澳台 (81, 82, 83; 71 as printed on a few old numbers). */
    private static final Set<String> PROVINCES = Set.of("11", "12", "13", "14", "15", "21", "22", "23", "31", "32", "33",
            "34", "35", "36", "37", "41", "42", "43", "44", "45", "46", "50", "51", "52", "53", "54", "61", "62", "63", "64",
            "65", "71", "81", "82", "83");
    private static final LocalDate EARLIEST_BIRTH = LocalDate.of(1900, 1, 1);

    /** A normalized number, checked (except against today's date: a stored number stays readable). */
    public IdNumber {
        check("身份证号", value, null);
    }

    /** Reads a number as typed, refusing it as "身份证号…". */
    public static IdNumber parse(String text) {
        return parse("身份证号", text);
    }

    /**
     * Reads a number as typed: spaces anywhere, full-width digits and a lower-case x are accepted.
     *
     * @param label the field as the form names it (申请人身份证号, 第 2 位家庭成员的身份证号), for the refusal
     * @throws BadInput naming the field and what is wrong: blank, a 15-digit number, wrong length, not digits, an
     *                  unknown province, a birth date that does not exist or lies in the future, a wrong check digit
     */
    public static IdNumber parse(String label, String text) {
        return parse(label, text, LocalDate.now(ChinaTime.ZONE));
    }

    static IdNumber parse(String label, String text, LocalDate today) {
        String v = normalize(text);
        check(label, v, today);
        return new IdNumber(v);
    }

    static String normalize(String text) {
        if (text == null) {
            return "";
        }
        String t = Normalizer.normalize(text, Normalizer.Form.NFKC);   // full-width digits and X to ASCII
        StringBuilder b = new StringBuilder(t.length());
        t.codePoints().filter(c -> !Character.isWhitespace(c) && !Character.isSpaceChar(c))
                .forEach(c -> b.appendCodePoint(c == 'x' ? 'X' : c));
        return b.toString();
    }

    private static void check(String label, String v, LocalDate today) {
        if (v == null || v.isEmpty()) {
            throw new BadInput(label + "不能为空");
        }
        if (v.length() == 15 && v.chars().allMatch(Character::isDigit)) {
            throw new BadInput(label + "是 15 位的第一代身份证号，已于 2013 年 1 月 1 日停止使用：请填写现用身份证上的 18 位号码");
        }
        if (v.length() != 18) {
            throw new BadInput(label + "应为 18 位（17 位数字加末位数字或 X），现为 " + v.codePointCount(0, v.length()) + " 位");
        }
        for (int i = 0; i < 17; i++) {
            if (v.charAt(i) < '0' || v.charAt(i) > '9') {
                throw new BadInput(label + "只能由数字组成，仅末位可为 X");
            }
        }
        char last = v.charAt(17);
        if (!(last >= '0' && last <= '9' || last == 'X')) {
            throw new BadInput(label + "只能由数字组成，仅末位可为 X");
        }
        if (!PROVINCES.contains(v.substring(0, 2))) {
            throw new BadInput(label + "的前两位不是省、自治区、直辖市或港澳台的代码，请核对");
        }
        LocalDate birth;
        try {
            birth = birthDate(v);
        } catch (DateTimeException e) {
            throw new BadInput(label + "第 7–14 位的出生日期不存在（如 2 月 30 日、13 月），请核对");
        }
        if (birth.isBefore(EARLIEST_BIRTH)) {
            throw new BadInput(label + "第 7–14 位的出生日期早于 1900 年，请核对");
        }
        if (today != null && birth.isAfter(today)) {
            throw new BadInput(label + "第 7–14 位的出生日期晚于今天，请核对");
        }
        if (checkCharacter(v.substring(0, 17)) != last) {
            // never say which character would fit: the error may be in any digit, and the user should find it
            throw new BadInput(label + "的校验码（末位）与前 17 位不符，号码中有录入错误，请逐位核对");
        }
    }

    /** The check character of the first 17 digits (GB 11643-1999, ISO 7064 MOD 11-2). */
    static char checkCharacter(String first17) {
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            sum += (first17.charAt(i) - '0') * WEIGHTS[i];
        }
        return CHECK.charAt(sum % 11);
    }

    private static LocalDate birthDate(String v) {
        return LocalDate.of(Integer.parseInt(v.substring(6, 10)), Integer.parseInt(v.substring(10, 12)),
                Integer.parseInt(v.substring(12, 14)));
    }

    /** 出生日期 (digits 7–14). */
    public LocalDate birthDate() {
        return birthDate(value);
    }

    /** 性别: the 17th digit, odd for men. */
    public Sex sex() {
        return (value.charAt(16) - '0') % 2 == 1 ? Sex.MALE : Sex.FEMALE;
    }

    /** 周岁 on {@code day}: full years since the birth date (born on 29 February: a year is full on 1 March). */
    public int ageOn(LocalDate day) {
        return Period.between(birthDate(), day).getYears();
    }

    /** The region code of the 户籍 where the number was issued (digits 1–6); not where the person lives now. */
    public String issuingRegionCode() {
        return value.substring(0, 6);
    }

    @Override
    public PersonalField field() {
        return PersonalField.ID_NUMBER;
    }

    @Override
    public String normalized() {
        return value;
    }

    /** Masked, never the number: a value in a log line or a message must not leak. */
    @Override
    public String toString() {
        return masked();
    }
}
