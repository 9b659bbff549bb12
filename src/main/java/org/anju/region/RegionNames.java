package org.anju.region;

import org.anju.platform.Labels;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Label normalisation and the short forms of official names. */
final class RegionNames {

    private RegionNames() {
    }

    /** The form labels are compared in: see {@link Labels#compact}. */
    static String normalize(String label) {
        return Labels.compact(label);
    }

    /** The 55 minority nationalities as they appear in the names of autonomous areas; 各 as in 各族. */
    private static final List<String> ETHNIC = List.of(
            "蒙古", "回", "藏", "维吾尔", "苗", "彝", "壮", "布依", "朝鲜", "满", "侗", "瑶", "白", "土家", "哈尼",
            "哈萨克", "傣", "黎", "傈僳", "佤", "畲", "高山", "拉祜", "水", "东乡", "纳西", "景颇", "柯尔克孜", "土",
            "达斡尔", "仫佬", "羌", "布朗", "撒拉", "毛南", "仡佬", "锡伯", "阿昌", "普米", "塔吉克", "怒",
            "乌孜别克", "俄罗斯", "鄂温克", "德昂", "保安", "裕固", "京", "塔塔尔", "独龙", "鄂伦春", "赫哲", "门巴",
            "珞巴", "基诺", "各");

    /** One trailing nationality: "X族", or a multi-character name without 族 (博尔塔拉蒙古, 伊犁哈萨克). */
    private static final Pattern TRAILING_ETHNIC;

    static {
        List<String> longestFirst = new ArrayList<>(ETHNIC);
        longestFirst.sort(Comparator.comparingInt(String::length).reversed());
        String any = String.join("|", longestFirst);
        String multi = String.join("|", longestFirst.stream().filter(e -> e.length() > 1 && !e.equals("各")).toList());
        TRAILING_ETHNIC = Pattern.compile("(?:(?:" + any + ")族|(?:" + multi + "))$");
    }

    /** The place name left when the trailing nationalities are removed; empty if nothing would remain. */
    static Optional<String> withoutEthnicNames(String s) {
        String rest = s;
        while (true) {
            Matcher m = TRAILING_ETHNIC.matcher(rest);
            if (!m.find()) {
                break;
            }
            if (m.start() == 0) {
                return Optional.empty(); // 东乡族自治县: the nationality is the place name
            }
            if (m.start() < 2) {
                break; // 内蒙古: a one-character remainder is no place name
            }
            rest = rest.substring(0, m.start());
        }
        return Optional.of(rest);
    }

    /**
     * The usual short form of an official name, if it has one: 肃南裕固族自治县 → 肃南县,
     * 黔西南布依族苗族自治州 → 黔西南州, 江西省 → 江西, 广西壮族自治区 → 广西, 上饶市 → 上饶,
     * 阿克苏地区 → 阿克苏, 瀍河回族区 → 瀍河区. Whether it may be used is decided by the caller (it must be unambiguous).
     */
    static Optional<String> shortForm(String name, RegionKind kind) {
        Optional<String> form = switch (kind) {
            case COUNTY -> autonomous(name, "自治县", "县").or(() -> autonomous(name, "自治旗", "旗"))
                    .or(() -> ethnicDistrict(name));
            case PREFECTURE -> autonomous(name, "自治州", "州")
                    .or(() -> stripSuffix(name, "地区"))
                    .or(() -> stripSuffix(name, "盟"))
                    .or(() -> stripSuffix(name, "市"));
            case PROVINCE -> stripSuffix(name, "自治区").flatMap(RegionNames::withoutEthnicNames)
                    .or(() -> stripSuffix(name, "省"))
                    .or(() -> stripSuffix(name, "市"));
            default -> Optional.empty();
        };
        return form.filter(f -> f.length() >= 2 && !f.equals(name));
    }

    /**
     * A county's name without 县, 市, 旗 or 区 (恩平市 → 恩平, 武川县 → 武川), as news print them. Weaker than
     * {@link #shortForm}: the caller uses it only where no province, city or autonomous short form is the same
     * (河北区 → 河北 would shadow 河北省), and several counties may share one (新城区 → 新城).
     */
    static Optional<String> countyShortForm(String name, RegionKind kind) {
        if (kind != RegionKind.COUNTY || name.contains("自治") || ethnicDistrict(name).isPresent()) {
            return Optional.empty();    // 东乡族自治县, 瀍河回族区: their short forms are the autonomous ones
        }
        return stripSuffix(name, "县").or(() -> stripSuffix(name, "市")).or(() -> stripSuffix(name, "旗"))
                .or(() -> stripSuffix(name, "区")).filter(f -> f.length() >= 2);
    }

    /** A province's or city's name without its suffix and nationalities: 大理白族自治州 → 大理, 江西省 → 江西. */
    static Optional<String> baseName(String name, RegionKind kind) {
        if (kind != RegionKind.PROVINCE && kind != RegionKind.PREFECTURE) {
            return Optional.empty();
        }
        for (String suffix : List.of("自治区", "自治州", "地区", "盟", "市", "省")) {
            Optional<String> base = stripSuffix(name, suffix).flatMap(RegionNames::withoutEthnicNames);
            if (base.isPresent()) {
                return base.filter(b -> b.length() >= 2);
            }
        }
        return Optional.empty();
    }

    /**
     * A 社区/村's name as applications write it, without its committee: 多福巷社区居委会 → 多福巷社区, 李桥村民委员会 → 李桥村,
     * 李桥村委会 → 李桥村.
     */
    static String withoutCommitteeSuffix(String name) {
        for (String[] suffix : new String[][] {{"居民委员会", ""}, {"村民委员会", "村"}, {"居委会", ""}, {"村委会", "村"},
                {"委员会", ""}}) {
            Optional<String> base = stripSuffix(name, suffix[0]);
            if (base.isPresent()) {
                return base.get() + suffix[1];
            }
        }
        return name;
    }

    /** 瀍河回族区 → 瀍河区. */
    private static Optional<String> ethnicDistrict(String name) {
        return stripSuffix(name, "区").filter(base -> TRAILING_ETHNIC.matcher(base).find())
                .flatMap(RegionNames::withoutEthnicNames).map(base -> base + "区");
    }

    private static Optional<String> autonomous(String name, String suffix, String replacement) {
        return stripSuffix(name, suffix).flatMap(RegionNames::withoutEthnicNames).map(base -> base + replacement);
    }

    private static Optional<String> stripSuffix(String name, String suffix) {
        return name.endsWith(suffix) && name.length() > suffix.length()
                ? Optional.of(name.substring(0, name.length() - suffix.length()))
                : Optional.empty();
    }
}
