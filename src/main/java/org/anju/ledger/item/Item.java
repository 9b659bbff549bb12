package org.anju.ledger.item;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * A ledger item as read, with its alert of the day it was read and what its kind computes from its fields.
 *
 * @param fields         kind-specific values by field code, normalized text (see the kind's definition)
 * @param petitionerName masked (信访 only), null for other kinds
 * @param monthsLate     whole months late from the kind's 逾期起算 date, null when the kind has none or it is not stated
 * @param flags          what the kind flags on this item (危房: 应纳入公租房/保租房保障)
 */
public record Item(long id, String kind, String kindName, String regionCode, String regionName, String title,
                   Map<String, String> fields, Long unitId, String unitName, String responsible, String measures,
                   LocalDate deadline, String deadlineRule, LedgerState state, LocalDate stateOn, LocalDate closedOn,
                   String petitionerName, String petitionerPhone, int version, String createdBy, Alert alert,
                   Long monthsLate, List<String> flags) {

    public String field(String code) {
        return fields.get(code);
    }
}
