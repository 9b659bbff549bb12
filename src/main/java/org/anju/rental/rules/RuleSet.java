package org.anju.rental.rules;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * A city's eligibility conditions for one programme, valid from a date: the data a city changes when its income
 * line moves each year, never code.
 *
 * @param city       the region code of the city (or county) that issued the rules
 * @param programme  公租房 (PUBLIC_RENTAL) or 租赁补贴 (RENTAL_SUBSIDY) and the group it is for
 * @param assumedIncome the parameter assumed as the monthly income of a working-age, able-bodied member without
 *                      proof of income (徐州: 上年最低工资标准), or null when the city assumes none
 * @param source     the document the rules come from
 */
public record RuleSet(String city, String programme, String name, LocalDate effectiveFrom, LocalDate effectiveTo,
                      String source, Map<String, Criterion.Parameter> parameters, String assumedIncome,
                      List<Criterion> criteria) {

    public RuleSet {
        parameters = Map.copyOf(parameters);
        criteria = List.copyOf(criteria);
    }

    public boolean inForceOn(LocalDate day) {
        return !day.isBefore(effectiveFrom) && (effectiveTo == null || !day.isAfter(effectiveTo));
    }
}
