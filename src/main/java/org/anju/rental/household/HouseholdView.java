package org.anju.rental.household;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * A household as pages and the API show it: personal data masked (张*, 3201**********1234, 138****5678, incomes
 * "***"); {@link Households#reveal} gives one field in plaintext to roles that may see it, with a reason.
 */
public record HouseholdView(long id, String regionCode, String regionName, String countyCode, String countyName,
                            String cityCode, String cityName, String applicantName, String applicantIdNumber,
                            String phone, String address, List<MemberView> members, List<HouseholdForm.GroupForm> groups,
                            BigDecimal heldArea, Integer hukouYears, Integer insuranceMonths, LocalDate graduated,
                            Boolean holdsProperty, Boolean residencePermit, Guarantee guarantee, String certificateNo,
                            LocalDate qualifiedOn, LocalDate closedOn, String closedReason, int version) {

    public HouseholdView {
        members = List.copyOf(members);
        groups = List.copyOf(groups);
    }

    public boolean open() {
        return closedOn == null;
    }

    /** @param income masked, or null when not stated */
    public record MemberView(int seq, String relation, String name, String idNumber, LocalDate birthDate, String income,
                             boolean incomeProven, boolean ableToWork, String employment) {
    }
}
