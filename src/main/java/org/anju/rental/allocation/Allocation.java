package org.anju.rental.allocation;

import java.time.LocalDate;

/**
 * A dwelling allocated to a household in a round (配租): what a lease is signed from.
 *
 * @param number the household's 申请编号 (资格证号) in the round
 */
public record Allocation(long id, long householdId, long dwellingId, String dwellingLabel, long roundId, String roundName,
                         String countyCode, LocalDate allocatedOn, String number) {
}
