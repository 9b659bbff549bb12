package org.anju.rental.household;

import java.time.LocalDate;

/** A 失信记录: the person (masked ID) may not apply in the city before {@code until}. */
public record Ban(long id, String cityCode, String idNumber, Long householdId, String reason, LocalDate since,
                  LocalDate until) {
}
