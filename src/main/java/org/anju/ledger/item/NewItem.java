package org.anju.ledger.item;

import java.time.LocalDate;
import java.util.Map;

/**
 * An item as the issuer hands it over (交办). The deadline is either {@code deadline} (a date) or {@code days}
 * working/calendar days ({@code workingDays}) from {@code startOn}; with neither, the kind's rule applies (信访: 60日 from
 * 受理日期).
 */
public record NewItem(String kind, String regionCode, String title, Map<String, String> fields, Long unitId,
                      String responsible, String measures, LocalDate deadline, Integer days, Boolean workingDays,
                      LocalDate startOn, String petitionerName, String petitionerPhone) {
}
