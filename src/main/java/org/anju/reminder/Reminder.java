package org.anju.reminder;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.YearMonth;

/**
 * An open reminder as a page shows it.
 *
 * @param subject '' for the unit's own report, {@code ledger:<id>} for a ledger item
 */
public record Reminder(long id, String regionCode, String regionName, YearMonth period, ReminderKind kind, String subject,
                       LocalDate dueOn, String detail, OffsetDateTime createdAt) {

    /** The same reminder with its 说明 as shown (a ledger item's days late counted on the day it is shown). */
    Reminder withDetail(String shown) {
        return new Reminder(id, regionCode, regionName, period, kind, subject, dueOn, shown, createdAt);
    }

    public String kindLabel() {
        return kind.label();
    }

    /** Where the responsible user acts on it: the month's report, or the ledger item. */
    public String link() {
        return subject.startsWith("ledger:") ? "/ledger/items/" + subject.substring("ledger:".length())
                : "/reports/" + regionCode + "/" + period;
    }
}
