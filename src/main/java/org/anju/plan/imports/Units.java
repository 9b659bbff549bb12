package org.anju.plan.imports;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The units printed in headers and 单位 lines, as a measure and the factor that turns a printed figure into
 * that measure: "万户" is 户 × 10000, "亿元" is 万元 × 10000, "平方米" is 万平方米 × 0.0001, "套（间）" is 套.
 * Words that name a measure without printing its unit (户数, 小区数, 楼栋数) are {@link #named}: a count in its own
 * unit unless the 单位 line prints a 万; 面积 names the area but not whether in 平方米 or 万平方米, so it gives no
 * factor.
 */
final class Units {

    /** A measure code with the factor from the printed unit; {@code factor} null when the unit is not printed. */
    record Unit(String measure, BigDecimal factor, String printed) {
    }

    private static final BigDecimal TEN_THOUSAND = new BigDecimal("10000");
    private static final BigDecimal HUNDRED_MILLION = new BigDecimal("100000000");
    private static final BigDecimal THOUSAND = new BigDecimal("1000");

    // longest first inside each alternative: 平方米 before 米, 套(间) as 套
    private static final Pattern UNIT = Pattern.compile(
            "(亿|万|千)?(平方米|平米|㎡|m2|m²|元|套|间|户|个|栋|幢|座)");
    private static final Pattern NAMED = Pattern.compile("(小区|楼栋|栋数|楼数|面积|户数|住户|居民|套数|间数)");

    private Units() {
    }

    /**
     * The units a header cell prints: with a 万/亿/千 ("户数（万户）"), in brackets ("开工（套）", "小区数(个)"), or a
     * unit of area or money ("平方米", "万元"). A bare 户/套/栋/个 inside a word (户数, 套数, 项目个数) is no printed
     * unit: the word names the measure ({@link #named}) and the 单位 line may still say 万户.
     */
    static List<Unit> printed(String text) {
        String t = Text.compact(text);
        int unitWord = t.indexOf("单位");
        if (unitWord < 0) {
            return find(t, false);
        }
        // "…开工计划(单位:套)": what follows 单位 is a 单位 line
        List<Unit> units = new ArrayList<>(find(t.substring(0, unitWord), false));
        find(t.substring(unitWord), true).stream().filter(u -> !units.contains(u)).forEach(units::add);
        return units;
    }

    /** Every unit a 单位 line lists, in order: "单位：个、户、栋、万平方米" gives four. */
    static List<Unit> inUnitLine(String text) {
        return find(text, true);
    }

    private static List<Unit> find(String text, boolean unitLine) {
        List<Unit> units = new ArrayList<>();
        if (text == null) {
            return units;
        }
        String t = Text.compact(text);
        Matcher m = UNIT.matcher(t);
        while (m.find()) {
            boolean bracketed = m.start() > 0 && "(（[".indexOf(t.charAt(m.start() - 1)) >= 0;
            boolean scaled = m.group(1) != null;
            boolean areaOrMoney = m.group(2).contains("米") || m.group(2).equals("㎡") || m.group(2).startsWith("m")
                    || m.group(2).equals("元");
            boolean alone = m.group().equals(t);    // a header cell that is only "户"
            if (!unitLine && !bracketed && !scaled && !areaOrMoney && !alone) {
                continue;
            }
            Unit u = unit(m.group(1), m.group(2), m.group());
            if (u != null && units.stream().noneMatch(x -> x.equals(u))) {
                units.add(u);
            }
        }
        return units;
    }

    private static Unit unit(String prefix, String base, String printed) {
        BigDecimal scale = prefix == null ? BigDecimal.ONE : switch (prefix) {
            case "万" -> TEN_THOUSAND;
            case "亿" -> HUNDRED_MILLION;
            default -> THOUSAND;
        };
        return switch (base) {
            case "平方米", "平米", "㎡", "m2", "m²" -> new Unit("AREA_10K_M2", scale.movePointLeft(4).stripTrailingZeros(),
                    printed);
            case "元" -> new Unit("YUAN_10K", scale.movePointLeft(4).stripTrailingZeros(), printed);
            case "套" -> new Unit("UNIT", scale, printed);
            case "间" -> new Unit("ROOM", scale, printed);
            case "户" -> new Unit("HOUSEHOLD", scale, printed);
            case "个", "座" -> new Unit("COMMUNITY", scale, printed);
            case "栋", "幢" -> new Unit("BUILDING", scale, printed);
            default -> null;
        };
    }

    /** Measures the text names by a word rather than a unit: 小区数 → 个, 楼栋数 → 栋, 面积 → area (no factor). */
    static List<Unit> named(String text) {
        List<Unit> units = new ArrayList<>();
        if (text == null) {
            return units;
        }
        Matcher m = NAMED.matcher(Text.compact(text));
        while (m.find()) {
            Unit u = switch (m.group(1)) {
                case "小区" -> new Unit("COMMUNITY", BigDecimal.ONE, "个");
                case "楼栋", "栋数", "楼数" -> new Unit("BUILDING", BigDecimal.ONE, "栋");
                case "户数", "住户", "居民" -> new Unit("HOUSEHOLD", BigDecimal.ONE, "户");
                case "套数" -> new Unit("UNIT", BigDecimal.ONE, "套");
                case "间数" -> new Unit("ROOM", BigDecimal.ONE, "间");
                default -> new Unit("AREA_10K_M2", null, null);
            };
            if (units.stream().noneMatch(x -> x.measure().equals(u.measure()))) {
                units.add(u);
            }
        }
        return units;
    }
}
