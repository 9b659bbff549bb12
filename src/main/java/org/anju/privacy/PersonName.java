package org.anju.privacy;

import org.anju.platform.BadInput;

import java.text.Normalizer;

/**
 * A person's name as on the ID card: Chinese characters, or letters of another script, with the 间隔号 · between the
 * parts of a transcribed name (阿依古丽·买买提). Read as typed — surrounding spaces dropped, the look-alike dots
 * (•, ・, ‧, ., ∙) made the one middle dot, spaces between Chinese characters dropped — so that the blind index finds the same name however it was typed.
 * {@link #toString()} is masked.
 *
 * @param value the normalized name, 1–50 characters
 */
public record PersonName(String value) implements PersonalValue {

    private static final String DOTS = "·•・‧.∙･\u2027";

    public PersonName {
        check("姓名", value);
    }

    public static PersonName parse(String text) {
        return parse("姓名", text);
    }

    /**
     * @param label the field as the form names it (申请人姓名, 第 2 位家庭成员的姓名), for the refusal
     * @throws BadInput naming the field: blank, longer than 50 characters, or holding digits or symbols
     */
    public static PersonName parse(String label, String text) {
        String t = text == null ? "" : Normalizer.normalize(text, Normalizer.Form.NFC).strip();
        StringBuilder b = new StringBuilder(t.length());
        boolean space = false;
        for (int i = 0; i < t.length(); ) {
            int c = t.codePointAt(i);
            i += Character.charCount(c);
            if (Character.isWhitespace(c) || Character.isSpaceChar(c)) {
                space = true;
                continue;
            }
            if (space && !b.isEmpty() && !(han(b.codePointBefore(b.length())) && han(c))) {
                b.append(' ');   // between words of a Latin name; 张 三 is 张三
            }
            space = false;
            b.appendCodePoint(DOTS.indexOf(c) >= 0 ? '·' : c);
        }
        String v = b.toString().replace(" · ", "·").replace(" ·", "·").replace("· ", "·");
        check(label, v);
        return new PersonName(v);
    }

    private static boolean han(int c) {
        return Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN;
    }

    private static void check(String label, String v) {
        if (v == null || v.isBlank()) {
            throw new BadInput(label + "不能为空");
        }
        int length = v.codePointCount(0, v.length());
        if (length > 50) {
            throw new BadInput(label + "不能超过 50 个字，现为 " + length + " 个");
        }
        boolean ok = v.codePoints().allMatch(c -> Character.isLetter(c) || c == '·' || c == ' '
                || Character.getType(c) == Character.NON_SPACING_MARK)
                && !v.startsWith("·") && !v.endsWith("·") && !v.contains("··") && !v.startsWith(" ") && !v.endsWith(" ");
        if (!ok) {
            throw new BadInput(label + "只能由文字组成，名字各部分之间可用间隔号“·”");
        }
    }

    @Override
    public PersonalField field() {
        return PersonalField.NAME;
    }

    @Override
    public String normalized() {
        return value;
    }

    @Override
    public String toString() {
        return masked();
    }
}
