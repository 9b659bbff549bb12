package org.anju.rental.subsidy;

import org.anju.platform.BadInput;
import org.anju.rental.rules.SubsidyFormula;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * A household's monthly amount by its city's formula, with the computation written out line by line as the agreement
 * page shows it (and the change row keeps it): what each factor is and where it comes from. Pure.
 */
record Computation(BigDecimal monthly, String tier, List<String> lines) {

    /** The tier names of a formula (its price and coefficient rows but "*"). */
    static Set<String> tiers(SubsidyFormula f) {
        Set<String> t = new LinkedHashSet<>(f.price().keySet());
        t.addAll(f.coefficient().keySet());
        t.remove("*");
        return t;
    }

    /**
     * The tier to price at: the one the office states, or the one tier the household's groups name.
     *
     * @throws BadInput when it cannot be told without a guess, or the stated one contradicts the household's groups
     */
    static String tier(SubsidyFormula f, Collection<String> groups, String stated) {
        Set<String> tiers = tiers(f);
        String s = stated == null ? "" : stated.strip();
        if (tiers.isEmpty()) {
            if (!s.isEmpty()) {
                throw new BadInput(f.name() + "不分档次，补贴档次请留空（填写的是“" + s + "”）");
            }
            return null;
        }
        List<String> matching = groups.stream().filter(tiers::contains).distinct().toList();
        if (s.isEmpty()) {
            if (matching.size() == 1) {
                return matching.getFirst();
            }
            throw new BadInput(matching.isEmpty()
                    ? "请填写补贴档次（" + String.join("、", tiers) + "）：该家庭登记的困难群体类别"
                    + (groups.isEmpty() ? "为空" : "（" + String.join("、", groups) + "）") + "都不是" + f.name() + "的档次"
                    : "该家庭同时属于" + String.join("、", matching) + "，在" + f.name() + "中档次不同：请选择按哪一档补贴");
        }
        if (!tiers.contains(s)) {
            throw new BadInput(f.name() + "没有“" + s + "”这一档：可选 " + String.join("、", tiers));
        }
        if (!matching.isEmpty() && !matching.contains(s)) {
            throw new BadInput("该家庭登记为" + String.join("、", matching) + "，补贴档次不能填“" + s + "”：请按其类别选择，"
                    + "或先在家庭信息中更正困难群体类别");
        }
        return s;
    }

    /**
     * @param tier    from {@link #tier}; null when the formula has none
     * @param held    building area the family holds, m²
     * @param rent    the lease's monthly rent, null when the formula does not cap at it
     * @param version how the parameters are named in the first line
     */
    static Computation of(SubsidyFormula f, String version, int persons, String tier, BigDecimal held, BigDecimal rent) {
        SubsidyFormula.Amount a = f.monthly(persons, tier == null ? "*" : tier, held, rent);
        List<String> lines = new ArrayList<>();
        lines.add("补贴参数：" + f.name() + "（" + f.source() + "），" + version);
        lines.add("家庭人数：" + persons + " 人" + (tier == null ? "" : "；补贴档次：" + tier));
        lines.add("补贴标准：" + n(a.price()) + " 元/㎡/月");
        switch (f.mode()) {
            case PER_PERSON -> {
                BigDecimal std = band(f.standardArea(), persons);
                BigDecimal perCapita = held.divide(BigDecimal.valueOf(persons), 2, RoundingMode.HALF_UP);
                lines.add("保障面积标准：" + n(std) + " ㎡/人（" + persons + " 人家庭）");
                lines.add("家庭自有住房：" + n(held) + " ㎡，人均 " + n(perCapita) + " ㎡");
                BigDecimal factor = f.peopleFactor().isEmpty() ? BigDecimal.valueOf(persons) : band(f.peopleFactor(), persons);
                lines.add((f.peopleFactor().isEmpty() ? "补贴人数：" : "补贴人数系数：") + n(factor));
                lines.add("补贴面积：(" + n(std) + " − " + n(perCapita) + ") × " + n(factor) + " = "
                        + (a.areaCapped() ? n(std.subtract(perCapita).max(BigDecimal.ZERO).multiply(factor)) : n(a.area())) + " ㎡");
            }
            case PER_FAMILY -> {
                BigDecimal std = band(f.standardArea(), persons);
                lines.add("保障面积标准：" + n(std) + " ㎡（" + persons + " 人家庭）");
                lines.add("家庭自有住房：" + n(held) + " ㎡");
                lines.add("补贴面积：" + n(std) + " − " + n(held) + " = "
                        + (a.areaCapped() ? n(std.subtract(held).max(BigDecimal.ZERO)) : n(a.area())) + " ㎡");
            }
        }
        if (a.areaCapped()) {
            lines.add("补贴面积超过上限 " + n(f.areaCap()) + " ㎡，按 " + n(f.areaCap()) + " ㎡ 计");
        }
        if (!f.coefficient().isEmpty()) {
            lines.add("补贴系数：" + n(a.coefficient()));
        }
        BigDecimal computed = a.price().multiply(a.area()).multiply(a.coefficient()).setScale(2, RoundingMode.HALF_UP);
        if (!a.rentCapped()) {
            computed = a.monthly();
        }
        lines.add("计算月补贴额：" + n(a.price()) + " × " + n(a.area()) + (f.coefficient().isEmpty() ? "" : " × " + n(a.coefficient()))
                + " = " + money(computed) + " 元");
        if (f.capAtRent()) {
            lines.add(a.rentCapped() ? "实际月租金 " + money(rent) + " 元，低于计算额，补贴不超过实际租金：按 " + money(a.monthly()) + " 元"
                    : "实际月租金 " + money(rent) + " 元，不低于计算额");
        }
        lines.add("每月发放：" + money(a.monthly()) + " 元");
        return new Computation(a.monthly(), tier, List.copyOf(lines));
    }

    private static BigDecimal band(List<SubsidyFormula.SizeBand> bands, int size) {
        return bands.stream().filter(b -> size >= b.from() && (b.to() == null || size <= b.to())).findFirst()
                .map(b -> b.perHead() ? BigDecimal.valueOf(size) : b.value()).orElseThrow();
    }

    static String n(BigDecimal v) {
        return v.stripTrailingZeros().toPlainString();
    }

    static String money(BigDecimal v) {
        return v.setScale(2, RoundingMode.HALF_UP).toPlainString();
    }
}
