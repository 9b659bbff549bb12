package org.anju.rental.rules;

import org.anju.platform.BadInput;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A city's 租赁补贴 formula as data (OPERATIONS.md §5.2):
 * {@code monthly = price(tier) × area × coefficient(tier)}, then capped by the rent actually paid.
 * The area is either per person — (standard per person by family size − own area per person) × people factor by
 * size (Chongqing, Shantou) — or per family — family standard by size − own area (Shunde); a cap on the subsidised
 * area may follow (Chongqing 60 m²). A size, tier or group the city's table does not list is refused, never
 * priced by a neighbouring row.
 */
public record SubsidyFormula(String city, String name, String source, Mode mode, Map<String, BigDecimal> price,
                             List<SizeBand> standardArea, List<SizeBand> peopleFactor, Map<String, BigDecimal> coefficient,
                             BigDecimal areaCap, boolean capAtRent) {

    public enum Mode { PER_PERSON, PER_FAMILY }

    /** A value for families of {@code from}..{@code to} persons ({@code to} null: and more); {@code perHead}: n. */
    public record SizeBand(int from, Integer to, BigDecimal value, boolean perHead) {
        boolean covers(int size) {
            return size >= from && (to == null || size <= to);
        }

        BigDecimal at(int size) {
            return perHead ? BigDecimal.valueOf(size) : value;
        }
    }

    /**
     * What the family gets a month.
     *
     * @param tier     低保, 低收入 … (the price and coefficient rows)
     * @param ownArea  building area the family holds, m²
     * @param rent     the monthly rent of its lease, or null when the rule does not cap at rent
     */
    public Amount monthly(int size, String tier, BigDecimal ownArea, BigDecimal rent) {
        BigDecimal unitPrice = lookup(price, tier, "补贴标准");
        BigDecimal coeff = coefficient.isEmpty() ? BigDecimal.ONE : lookup(coefficient, tier, "补贴系数");
        BigDecimal area = switch (mode) {
            case PER_PERSON -> {
                BigDecimal perPerson = band(standardArea, size, "保障面积标准")
                        .subtract(ownArea.divide(BigDecimal.valueOf(size), 10, RoundingMode.HALF_UP));
                yield perPerson.max(BigDecimal.ZERO).multiply(peopleFactor.isEmpty() ? BigDecimal.valueOf(size)
                        : band(peopleFactor, size, "补贴人数系数"));
            }
            case PER_FAMILY -> band(standardArea, size, "保障面积标准").subtract(ownArea).max(BigDecimal.ZERO);
        };
        boolean areaCapped = areaCap != null && area.compareTo(areaCap) > 0;
        if (areaCapped) {
            area = areaCap;
        }
        BigDecimal amount = unitPrice.multiply(area).multiply(coeff).setScale(2, RoundingMode.HALF_UP);
        boolean rentCapped = false;
        if (capAtRent) {
            if (rent == null) {
                throw new BadInput(name + "规定补贴不超过实际租金：请填写租赁合同的月租金");
            }
            if (rent.compareTo(amount) < 0) {
                amount = rent.setScale(2, RoundingMode.HALF_UP);
                rentCapped = true;
            }
        }
        return new Amount(amount, unitPrice, area.setScale(2, RoundingMode.HALF_UP), coeff, areaCapped, rentCapped);
    }

    /** The amount with the parts it was made of, for the agreement and the bank sheet. */
    public record Amount(BigDecimal monthly, BigDecimal price, BigDecimal area, BigDecimal coefficient,
                         boolean areaCapped, boolean rentCapped) {
    }

    private BigDecimal lookup(Map<String, BigDecimal> table, String tier, String what) {
        BigDecimal v = table.get(tier);
        if (v == null) {
            v = table.get("*");
        }
        if (v == null) {
            throw new BadInput(name + "的" + what + "没有“" + tier + "”这一档：可用的有 " + String.join("、", table.keySet()));
        }
        return v;
    }

    private BigDecimal band(List<SizeBand> bands, int size, String what) {
        return bands.stream().filter(b -> b.covers(size)).findFirst()
                .orElseThrow(() -> new BadInput(name + "的" + what + "没有 " + size + " 人家庭这一档"))
                .at(size);
    }

    /**
     * Reads the text form:
     * <pre>
     * 城市	500103
     * 名称	重庆市渝中区公租房租赁补贴
     * 来源	渝建发〔2021〕1号
     * 方式	按人	(or 按户)
     * 标准	低保	23		(元/m²/月 by tier; * for every tier)
     * 面积	1	20		(family size 1: 20 m² per person; "2+" for 2 and more; "3-5")
     * 人数系数	3-5	n	(n: the number of persons)
     * 系数	低收入	0.8
     * 面积上限	60
     * 不超过租金	是
     * </pre>
     */
    public static SubsidyFormula parse(String file, String text) {
        Map<String, String> single = new LinkedHashMap<>();
        Map<String, BigDecimal> price = new LinkedHashMap<>();
        Map<String, BigDecimal> coefficient = new LinkedHashMap<>();
        List<SizeBand> area = new ArrayList<>();
        List<SizeBand> factor = new ArrayList<>();
        for (RuleText.Line line : RuleText.lines(text)) {
            String[] f = line.cells();
            int n = line.number();
            String where = file + " 第 " + n + " 行：";
            if (f.length < 2) {
                throw new BadInput(where + "“" + f[0] + "”后面缺少数值");
            }
            switch (f[0]) {
                case "城市", "名称", "来源", "方式", "面积上限", "不超过租金" -> single.put(f[0], f[1]);
                case "标准" -> price.put(f[1], number(where, f, 2));
                case "系数" -> coefficient.put(f[1], number(where, f, 2));
                case "面积" -> area.add(band(where, f));
                case "人数系数" -> factor.add(band(where, f));
                default -> throw new BadInput(where + "不认识的行“" + f[0] + "”");
            }
        }
        for (String key : List.of("城市", "名称", "来源", "方式")) {
            if (single.getOrDefault(key, "").isEmpty()) {
                throw new BadInput(file + "：缺少“" + key + "”行");
            }
        }
        Mode mode = switch (single.get("方式")) {
            case "按人" -> Mode.PER_PERSON;
            case "按户" -> Mode.PER_FAMILY;
            default -> throw new BadInput(file + "：方式应为“按人”或“按户”，不是“" + single.get("方式") + "”");
        };
        if (price.isEmpty() || area.isEmpty()) {
            throw new BadInput(file + "：至少要有一行“标准”和一行“面积”");
        }
        String cap = single.get("面积上限");
        String rentCap = single.getOrDefault("不超过租金", "否");
        if (!rentCap.equals("是") && !rentCap.equals("否")) {
            throw new BadInput(file + "：不超过租金应为“是”或“否”，不是“" + rentCap + "”");
        }
        return new SubsidyFormula(single.get("城市"), single.get("名称"), single.get("来源"), mode, price, area, factor,
                coefficient, cap == null ? null : areaCap(file, cap), rentCap.equals("是"));
    }

    private static SizeBand band(String where, String[] f) {
        if (f.length < 3) {
            throw new BadInput(where + "应为：名称、家庭人数（如 1、2+、3-5）、数值");
        }
        String size = f[1];
        int from;
        Integer to;
        try {
            if (size.endsWith("+")) {
                from = Integer.parseInt(size.substring(0, size.length() - 1));
                to = null;
            } else if (size.contains("-")) {
                from = Integer.parseInt(size.substring(0, size.indexOf('-')));
                to = Integer.parseInt(size.substring(size.indexOf('-') + 1));
            } else {
                from = Integer.parseInt(size);
                to = from;
            }
        } catch (NumberFormatException e) {
            throw new BadInput(where + "家庭人数“" + size + "”应写成 1、2+ 或 3-5");
        }
        if ("n".equals(f[2])) {
            return new SizeBand(from, to, null, true);
        }
        return new SizeBand(from, to, number(where, f, 2), false);
    }

    private static BigDecimal areaCap(String file, String text) {
        try {
            return new BigDecimal(text);
        } catch (NumberFormatException e) {
            throw new BadInput(file + "：面积上限“" + text + "”不是数值（平方米）");
        }
    }

    private static BigDecimal number(String where, String[] f, int i) {
        try {
            return new BigDecimal(f[i]);
        } catch (NumberFormatException | ArrayIndexOutOfBoundsException e) {
            throw new BadInput(where + "第 " + (i + 1) + " 列“" + (i < f.length ? f[i] : "") + "”不是数值");
        }
    }
}
