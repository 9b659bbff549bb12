package org.anju.rental.stock;

import org.anju.platform.Labels;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The number of rooms (室) a 户型 says: 一室一厅, 1室1厅1卫, 两室一厅, 二房一厅, 3居室, 二室户, 2; 单间, 开间 and 一居 are one
 * room. A variant name after the rooms (二居室A户型, 二室户B, 二室一厅户型1) and a remark in brackets (一居室（单身公寓）) are
 * how a district's platform names its 房型 (宝山区公租房), so they do not hide the rooms; a remark stating other rooms
 * than the layout leaves it unread. Anything that does not state the rooms (A户型, 户型一, 大户型, 复式) is not read:
 * the list must say the rooms.
 */
public final class Layouts {

    private static final Pattern ROOMS = Pattern.compile("^([0-9]{1,2}|[一二两三四五六七八九十]{1,2})(室|房|居室|居)(.*)$");
    private static final Pattern DIGITS = Pattern.compile("[0-9]{1,2}");
    /**
     * What may follow the rooms: the layout's other parts (一厅, 1厅1卫, 两厅两卫一厨), 户 as in 二室户, then at most one
     * variant name (A, A户型, 户型, 户型1) — not other words (室外, 户外) and not two letters (AB: which is it?).
     */
    private static final Pattern REST = Pattern.compile(
            "(([0-9]{1,2}|[一二两三四五六七八九十]{1,2})(厅|卫|厨|阳台))*户?([A-Za-z]户型|[A-Za-z]|户型[A-Za-z0-9]?)?");
    /** A count of rooms stated anywhere in a text: 一室, 3房, 两居. */
    private static final Pattern STATED = Pattern.compile("([0-9]{1,2}|[一二两三四五六七八九十]{1,2})(?:室|房|居)");
    /** A layout with a remark in brackets at its end: 一居室（单身公寓）. */
    private static final Pattern REMARK = Pattern.compile("^(.+?)[（(]([^（()）]+)[）)]$");
    private static final String NUMERALS = "一二三四五六七八九";

    private Layouts() {
    }

    /** Rooms of a 户型 text; empty when it does not say. */
    public static Optional<Integer> rooms(String layout) {
        if (layout == null) {
            return Optional.empty();
        }
        String t = Labels.compact(layout);
        if (t.isEmpty()) {
            return Optional.empty();
        }
        if (DIGITS.matcher(t).matches()) {
            return positive(Integer.parseInt(t));
        }
        switch (t) {
            case "单间", "开间", "单间配套", "单身公寓", "一居", "一居室", "一室户", "1室户" -> {
                return Optional.of(1);
            }
            default -> {
            }
        }
        Matcher remark = REMARK.matcher(t);
        if (remark.matches()) {
            Optional<Integer> rooms = rooms(remark.group(1));
            // every count of rooms the remark states must be the layout's: "二室（实为一室）", "两室一厅（可改三室）" say
            // something else about the rooms, and which one holds is not for the import to pick (review 26 M3)
            Matcher said = STATED.matcher(remark.group(2));
            while (rooms.isPresent() && said.find()) {
                if (number(said.group(1)) != rooms.get()) {
                    return Optional.empty();
                }
            }
            return rooms;
        }
        Matcher m = ROOMS.matcher(t);
        if (!m.matches() || !REST.matcher(m.group(3)).matches()) {
            return Optional.empty();
        }
        return positive(number(m.group(1)));
    }

    private static Optional<Integer> positive(int n) {
        return n >= 1 && n <= 20 ? Optional.of(n) : Optional.empty();
    }

    /** 2, 两, 二, 十, 十二 as a number. */
    static int number(String s) {
        if (DIGITS.matcher(s).matches()) {
            return Integer.parseInt(s);
        }
        String t = s.replace('两', '二');
        if (t.equals("十")) {
            return 10;
        }
        if (t.length() == 2 && t.charAt(0) == '十') {
            return 10 + NUMERALS.indexOf(t.charAt(1)) + 1;
        }
        return t.length() == 1 ? NUMERALS.indexOf(t.charAt(0)) + 1 : -1;
    }
}
