package org.anju.rental.household;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * A family as the 社区 clerk types it from the application form. Values are as typed (ID numbers, phones and incomes
 * are read and refused here, naming the field); a {@code null} fact means not stated and stays so — the rule that needs
 * it asks for it, nothing assumes a value.
 *
 * @param regionCode where the family applies: its 社区/村 or 街道/乡镇 (12-digit code)
 * @param members    applicant first (relation 本人)
 * @param version    the version read, when changing a stored household; null for a new one
 */
public record HouseholdForm(String regionCode, String phone, String address, List<MemberForm> members,
                            List<GroupForm> groups, BigDecimal heldArea, Integer hukouYears, Integer insuranceMonths,
                            LocalDate graduated, Boolean holdsProperty, Boolean residencePermit, Integer version) {

    public HouseholdForm {
        members = members == null ? List.of() : List.copyOf(members);
        groups = groups == null ? List.of() : List.copyOf(groups);
    }

    /**
     * @param annualIncome 上年收入 in 元 as typed; blank: not stated
     * @param incomeProven backed by an employer's or tax certificate (null: no)
     * @param ableToWork   of working age and able-bodied; must be stated (rule sets assume an income for those without proof)
     */
    public record MemberForm(String name, String idNumber, String relation, String annualIncome, Boolean incomeProven,
                             Boolean ableToWork, String employment) {
    }

    /** A group the family belongs to (低保, 残疾, 优抚 …) and since when; {@code since} null when not stated. */
    public record GroupForm(String name, LocalDate since) {
    }
}
