package org.anju.rental.waiting;

import java.time.LocalDate;
import java.util.List;

/**
 * A household's place on the waiting list, as pages show it: the name and ID number masked, the 资格证号 in full (it is
 * the number published in draws).
 *
 * @param score         its points (排序 评分), null when the list is ordered by priority group and date
 * @param priorityGroup the first of the city's priority groups it belongs to, null for none
 * @param recheckDue    on the list longer than the city's 复核周期 from its 资格证 date: due for a re-check
 */
public record WaitingEntry(int position, long householdId, String certificateNo, String name, String idNumber,
                           String countyCode, String countyName, LocalDate qualifiedOn, List<String> groups,
                           String priorityGroup, Integer score, boolean recheckDue) {

    public WaitingEntry {
        groups = List.copyOf(groups);
    }
}
