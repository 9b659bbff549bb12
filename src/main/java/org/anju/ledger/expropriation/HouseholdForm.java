package org.anju.ledger.expropriation;

import java.math.BigDecimal;

/** A 被征收户 as the 调查登记 lists it: 户号, owner, house. The ID number may be empty (所有权人不明确). */
public record HouseholdForm(String code, String ownerName, String ownerId, String address, String titleNo, BigDecimal area,
                            String use, String titleStatus) {
}
