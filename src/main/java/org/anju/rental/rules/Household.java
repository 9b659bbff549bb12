package org.anju.rental.rules;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * What an application states about a family, as far as eligibility is concerned. A {@code null} means not stated:
 * the rule that needs it then says what is missing, it never assumes a value.
 *
 * @param members         the applying family, applicant first
 * @param heldArea        building area of all housing the family holds, m² (0 when none)
 * @param groupsSince     the groups the family belongs to (低保, 特困, 残疾 …) and since when
 * @param holdsProperty   a home, shop or office in the city held by the applicant, spouse or minor children
 */
public record Household(List<Member> members, BigDecimal heldArea, Integer hukouYears, Integer insuranceMonths,
                        LocalDate graduated, Map<String, LocalDate> groupsSince, Boolean holdsProperty,
                        Boolean residencePermit) {

    public Household {
        members = List.copyOf(members);
        groupsSince = Map.copyOf(groupsSince);
    }

    /**
     * @param annualIncome   declared or proven income of the last year, 元; null when not stated
     * @param incomeProven   backed by an employer's or tax certificate
     * @param ableToWork     of working age and able-bodied (the rule sets may assume an income for those without proof)
     */
    public record Member(String name, String relation, LocalDate birthDate, BigDecimal annualIncome,
                         boolean incomeProven, boolean ableToWork) {
    }
}
